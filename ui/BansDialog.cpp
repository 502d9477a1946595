// SPDX-License-Identifier: GPL-3.0-or-later
#include "BansDialog.h"

#include "OperatorSession.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextDocument>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

constexpr int kBanIdRole = Qt::UserRole + 1;

QString when(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

BansDialog::BansDialog(OperatorSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_status(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_liftButton(new QPushButton(tr("&Lift ban…"), this))
    , m_refreshButton(new QPushButton(tr("&Refresh"), this))
{
    setObjectName(QStringLiteral("bansDialog"));
    setWindowTitle(tr("Bans"));
    m_status->setObjectName(QStringLiteral("bansStatusLabel"));
    m_tree->setObjectName(QStringLiteral("banTree"));
    m_liftButton->setObjectName(QStringLiteral("liftBanButton"));
    m_refreshButton->setObjectName(QStringLiteral("refreshBansButton"));

    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_tree->setHeaderLabels(
        {tr("Visitor or IP address"), tr("Reason"), tr("Banned by"), tr("Since"), tr("Expires")});
    m_tree->setRootIsDecorated(false);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAlternatingRowColors(true);
    m_tree->setMinimumSize(720, 260);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ReasonColumn, QHeaderView::Stretch);
    for (int column : {WhoColumn, ByColumn, SinceColumn, ExpiresColumn})
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_liftButton);
    buttons->addWidget(m_refreshButton);
    buttons->addStretch(1);
    buttons->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_liftButton, &QPushButton::clicked, this, &BansDialog::liftSelected);
    connect(m_refreshButton, &QPushButton::clicked, this, &BansDialog::refresh);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &BansDialog::updateButtons);
    connect(session, &OperatorSession::bansListed, this, &BansDialog::fill);
    connect(session, &OperatorSession::banLifted, this, &BansDialog::refresh);
    connect(session, &OperatorSession::requestFailed, this, &BansDialog::onRequestFailed);
    refresh();
}

void BansDialog::refresh()
{
    m_status->setText(tr("Loading the bans…"));
    m_session->listBans();
    updateButtons();
}

QString BansDialog::who(const protocol::Ban &ban) const
{
    if (ban.visitorId <= 0)
        return tr("IP %1").arg(ban.ip);
    const protocol::Visitor visitor = m_session->visitor(ban.visitorId);
    const QString name = visitor.name.isEmpty() ? tr("Visitor %1").arg(ban.visitorId) : oneLine(visitor.name);
    if (ban.ip.isEmpty())
        return name;
    return tr("%1, IP %2", "a banned visitor and their banned address").arg(name, ban.ip);
}

void BansDialog::fill(const QList<protocol::Ban> &bans)
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    const qint64 keep = selected.isEmpty() ? 0 : selected.first()->data(0, kBanIdRole).toLongLong();
    m_tree->clear();
    for (const protocol::Ban &ban : bans) {
        // QTreeWidget items show plain text: reasons and names are never read as markup.
        auto *item =
            new QTreeWidgetItem(m_tree, {who(ban), oneLine(ban.reason), oneLine(ban.bannedBy), when(ban.at),
                                         ban.expiresAt.isValid() ? when(ban.expiresAt) : tr("Never")});
        item->setData(0, kBanIdRole, ban.id);
        item->setToolTip(
            ReasonColumn,
            Qt::convertFromPlainText(ban.reason)); // tooltips guess at rich text: mark it as such, escaped
        if (ban.id == keep)
            item->setSelected(true);
    }
    m_status->setText(bans.isEmpty() ? tr("Nobody is banned.") : tr("Bans in force: %1").arg(bans.size()));
    updateButtons();
}

void BansDialog::liftSelected()
{
    const QList<QTreeWidgetItem *> selected = m_tree->selectedItems();
    if (selected.isEmpty())
        return;
    const qint64 banId = selected.first()->data(0, kBanIdRole).toLongLong();
    const QString subject = selected.first()->text(WhoColumn);
    if (m_confirm)
        m_confirm->close();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Lift the ban"),
                        tr("Lift the ban on %1? They will be able to write to you again.").arg(subject),
                        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("liftBanConfirmBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *lift = box->addButton(tr("&Lift ban"), QMessageBox::AcceptRole);
    lift->setObjectName(QStringLiteral("liftBanConfirmButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::finished, this, [this, box, lift, banId] {
        if (box->clickedButton() != lift)
            return;
        m_status->setText(tr("Lifting the ban…"));
        m_session->liftBan(banId);
    });
    m_confirm = box;
    box->open();
}

void BansDialog::onRequestFailed(const QString &requestType, protocol::ErrorCode, const QString &message)
{
    if (requestType == u"bans.list")
        m_status->setText(tr("The bans could not be loaded: %1").arg(message));
    else if (requestType == u"ban.lift")
        m_status->setText(tr("The ban was not lifted: %1").arg(message));
}

void BansDialog::updateButtons()
{
    m_liftButton->setEnabled(!m_tree->selectedItems().isEmpty());
}

} // namespace concierge::ui
