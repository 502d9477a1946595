// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransferDialog.h"

#include "LanguageNames.h"
#include "OperatorSession.h"
#include "StatusPresentation.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace concierge::ui {

using protocol::OperatorStatus;
using protocol::TransferTarget;

namespace {

constexpr int kTargetRole = Qt::UserRole + 1; ///< bool: the item is a choice (not a group title)
constexpr int kKindRole = Qt::UserRole + 2;
constexpr int kIdRole = Qt::UserRole + 3;
constexpr int kLanguageRole = Qt::UserRole + 4;

bool isAvailable(const protocol::OperatorInfo &info)
{
    return info.connected &&
           (info.status == OperatorStatus::Online || info.status == OperatorStatus::Invisible);
}

std::optional<TransferTarget> targetOf(const QTreeWidgetItem *item)
{
    if (!item || !item->data(0, kTargetRole).toBool())
        return std::nullopt;
    TransferTarget target;
    target.kind = static_cast<TransferTarget::Kind>(item->data(0, kKindRole).toInt());
    target.id = item->data(0, kIdRole).toLongLong();
    target.language = item->data(0, kLanguageRole).toString();
    return target;
}

} // namespace

TransferDialog::TransferDialog(OperatorSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_targets(new QTreeWidget(this))
    , m_comment(new QPlainTextEdit(this))
    , m_commentCount(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer the dialog"));
    m_targets->setObjectName(QStringLiteral("transferTargetTree"));
    m_comment->setObjectName(QStringLiteral("transferCommentEdit"));
    m_commentCount->setObjectName(QStringLiteral("transferCommentCountLabel"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("transferOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Transfer"));
    // Our own word: Qt's translations of its standard buttons are not always installed.
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    m_targets->setHeaderHidden(true);
    m_targets->setRootIsDecorated(false);
    m_targets->setIndentation(14);
    m_targets->setSelectionMode(QAbstractItemView::SingleSelection);
    m_targets->setMinimumSize(360, 260);
    m_comment->setPlaceholderText(tr("Comment for the receiver (optional)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setMaximumHeight(90);
    m_commentCount->setAlignment(Qt::AlignRight);
    m_commentCount->setTextFormat(Qt::PlainText);

    auto *prompt = new QLabel(tr("Hand the dialog to:"), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(prompt);
    layout->addWidget(m_targets, 1);
    layout->addWidget(new QLabel(tr("Comment:"), this));
    layout->addWidget(m_comment);
    layout->addWidget(m_commentCount);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_targets, &QTreeWidget::itemSelectionChanged, this, &TransferDialog::updateOkButton);
    connect(m_targets, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        if (targetOf(item))
            accept();
    });
    connect(m_comment, &QPlainTextEdit::textChanged, this, &TransferDialog::limitComment);
    connect(session, &OperatorSession::operatorsChanged, this, &TransferDialog::rebuild);
    rebuild();
    limitComment();
}

std::optional<TransferTarget> TransferDialog::target() const
{
    const QList<QTreeWidgetItem *> selected = m_targets->selectedItems();
    return selected.isEmpty() ? std::nullopt : targetOf(selected.first());
}

QString TransferDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

bool TransferDialog::selectTarget(const TransferTarget &target)
{
    QTreeWidgetItem *item = findItem(target);
    if (!item)
        return false;
    m_targets->setCurrentItem(item);
    item->setSelected(true);
    return true;
}

QTreeWidgetItem *TransferDialog::addGroup(const QString &title)
{
    auto *group = new QTreeWidgetItem(m_targets, {title});
    group->setFlags(Qt::ItemIsEnabled);
    QFont bold = m_targets->font();
    bold.setBold(true);
    group->setFont(0, bold);
    group->setExpanded(true);
    return group;
}

QTreeWidgetItem *TransferDialog::addTarget(QTreeWidgetItem *group, const QString &text,
                                           const TransferTarget &target)
{
    auto *item = new QTreeWidgetItem(group, {text});
    item->setData(0, kTargetRole, true);
    item->setData(0, kKindRole, static_cast<int>(target.kind));
    item->setData(0, kIdRole, target.id);
    item->setData(0, kLanguageRole, target.language);
    return item;
}

QTreeWidgetItem *TransferDialog::findItem(const TransferTarget &target) const
{
    for (int g = 0; g < m_targets->topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = m_targets->topLevelItem(g);
        if (targetOf(group) == target)
            return group;
        for (int i = 0; i < group->childCount(); ++i) {
            if (targetOf(group->child(i)) == target)
                return group->child(i);
        }
    }
    return nullptr;
}

void TransferDialog::fillOperators(QTreeWidgetItem *group, const std::optional<TransferTarget> &keep)
{
    const qint64 selfId = m_session->self().id;
    const QList<protocol::OperatorInfo> operators = m_session->operators();
    for (const protocol::OperatorInfo &info : operators) {
        const bool chosen = keep && keep->kind == TransferTarget::Kind::Operator && keep->id == info.id;
        if (info.id == selfId || (!isAvailable(info) && !chosen))
            continue;
        // Someone chosen who has just gone away stays, with their real state: the server decides.
        const OperatorStatus shown = info.connected ? info.status : OperatorStatus::Offline;
        QTreeWidgetItem *item = addTarget(
            group, tr("%1 — %2", "operator name — status").arg(info.name, StatusPresentation::name(shown)),
            TransferTarget::toOperator(info.id));
        item->setIcon(0, StatusPresentation::icon(shown));
    }
    if (group->childCount() == 0) {
        auto *none = new QTreeWidgetItem(group, {tr("Nobody else is online right now")});
        none->setFlags(Qt::NoItemFlags);
    }
}

void TransferDialog::rebuild()
{
    const std::optional<TransferTarget> keep = target();
    m_targets->clear();

    fillOperators(addGroup(tr("Operators")), keep);

    const QList<protocol::Department> departments = m_session->departments();
    if (!departments.isEmpty()) {
        QTreeWidgetItem *group = addGroup(tr("Departments"));
        for (const protocol::Department &department : departments)
            addTarget(group, department.name, TransferTarget::toDepartment(department.id));
    }

    const QStringList languages = m_session->languages();
    if (!languages.isEmpty()) {
        QTreeWidgetItem *group = addGroup(tr("Operators speaking"));
        for (const QString &code : languages)
            addTarget(group, LanguageNames::nameWithCode(code), TransferTarget::toLanguage(code));
    }

    // The queue is a choice of its own, not a group title.
    QTreeWidgetItem *queue = new QTreeWidgetItem(m_targets, {tr("Back to the common queue")});
    queue->setData(0, kTargetRole, true);
    queue->setData(0, kKindRole, static_cast<int>(TransferTarget::Kind::Queue));
    queue->setToolTip(0, tr("Every operator sees it under Waiting for reply; it will not come back to you."));

    if (keep)
        selectTarget(*keep);
    updateOkButton();
}

void TransferDialog::updateOkButton()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(target().has_value());
}

void TransferDialog::limitComment()
{
    QString text = m_comment->toPlainText();
    if (text.size() > kMaxCommentChars) {
        // Cut what was pasted past the limit rather than let the server refuse the whole transfer.
        text.truncate(kMaxCommentChars);
        const QSignalBlocker blocker(m_comment);
        m_comment->setPlainText(text);
        m_comment->moveCursor(QTextCursor::End);
    }
    m_commentCount->setText(tr("%1 / %2").arg(text.size()).arg(kMaxCommentChars));
}

} // namespace concierge::ui
