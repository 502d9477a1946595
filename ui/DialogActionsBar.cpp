// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogActionsBar.h"

#include "BanDialog.h"
#include "OperatorSession.h"
#include "TranscriptRecipientDialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>

namespace concierge::ui {

namespace {

/// A small envelope drawn in the button's text colour: themes without "mail-send" still show one.
QIcon envelopeIcon(const QWidget *widget)
{
    const QIcon themed = QIcon::fromTheme(QStringLiteral("mail-send"));
    if (!themed.isNull())
        return themed;
    const qreal ratio = widget->devicePixelRatioF();
    QPixmap pixmap(QSize(16, 16) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(widget->palette().color(QPalette::ButtonText), 1.3));
    const QRectF body(1.5, 3.5, 13, 9);
    painter.drawRect(body);
    painter.drawPolyline(QPolygonF{body.topLeft(), QPointF(8, 9), body.topRight()});
    return QIcon(pixmap);
}

} // namespace

DialogActionsBar::DialogActionsBar(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_categoryLabel(new QLabel(tr("C&ategory:"), this))
    , m_categoryCombo(new QComboBox(this))
    , m_categoryValue(new QLabel(this))
    , m_contactButton(new QPushButton(tr("Request &contact details"), this))
    , m_banButton(new QPushButton(tr("&Ban visitor…"), this))
    , m_transcriptButton(new QPushButton(tr("&Email transcript…"), this))
{
    setObjectName(QStringLiteral("dialogActionsBar"));
    m_categoryCombo->setObjectName(QStringLiteral("categoryCombo"));
    m_categoryValue->setObjectName(QStringLiteral("categoryValueLabel"));
    m_categoryLabel->setBuddy(m_categoryCombo); // also shows the mnemonic, rather than a bare "&"
    m_categoryValue->setTextFormat(Qt::PlainText);
    QFont bold = m_categoryValue->font();
    bold.setBold(true);
    m_categoryValue->setFont(bold);
    m_contactButton->setObjectName(QStringLiteral("requestContactButton"));
    m_banButton->setObjectName(QStringLiteral("banVisitorButton"));
    m_transcriptButton->setObjectName(QStringLiteral("emailTranscriptButton"));
    m_transcriptButton->setIcon(envelopeIcon(m_transcriptButton));

    m_categoryCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_categoryCombo->setMinimumContentsLength(12);
    m_categoryCombo->setToolTip(tr("Everyone who opens this dialog sees its category; it also shows in the "
                                   "visitor list (Ctrl+Shift+G)"));
    m_contactButton->setToolTip(
        tr("The visitor's chat window asks for their name, email and phone (Ctrl+Shift+C)"));
    m_banButton->setToolTip(tr("The visitor can no longer write to you; you confirm first (Ctrl+Shift+B)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_categoryLabel);
    layout->addWidget(m_categoryCombo);
    layout->addWidget(m_categoryValue);
    layout->addStretch(1);
    layout->addWidget(m_contactButton);
    layout->addWidget(m_banButton);
    layout->addWidget(m_transcriptButton);

    connect(m_categoryCombo, &QComboBox::activated, this, &DialogActionsBar::onCategoryChosen);
    connect(m_contactButton, &QPushButton::clicked, this, &DialogActionsBar::requestContact);
    connect(m_banButton, &QPushButton::clicked, this, &DialogActionsBar::openBanDialog);
    connect(m_transcriptButton, &QPushButton::clicked, this, &DialogActionsBar::openTranscriptDialog);
    connect(session, &OperatorSession::serverSettingsChanged, this, &DialogActionsBar::refresh);
    connect(session, &OperatorSession::transcriptEmailed, this, [this](qint64 dialogId, qint64 toOperatorId) {
        const auto to = m_session->operatorInfo(toOperatorId);
        const QString name = to ? to->name : tr("operator %1").arg(toOperatorId);
        const QString email = to ? to->email : QString();
        // An operator this app does not know (yet): no empty "()" after the name.
        Q_EMIT succeeded(email.isEmpty() ? tr("The transcript of dialog #%1 was sent to %2.")
                                               .arg(QString::number(dialogId), name)
                                         : tr("The transcript of dialog #%1 was sent to %2 (%3).")
                                               .arg(QString::number(dialogId), name, email));
    });
    connect(session, &OperatorSession::categoriesChanged, this, &DialogActionsBar::refresh);
    connect(session, &OperatorSession::dialogChanged, this, [this](qint64 id) {
        if (id == m_dialogId)
            refresh();
    });
    connect(session, &OperatorSession::visitorChanged, this, [this](qint64 id) {
        if (id == m_visitorId)
            refresh();
    });
    connect(session, &OperatorSession::selfChanged, this, &DialogActionsBar::refresh);
    connect(session, &OperatorSession::requestFailed, this, &DialogActionsBar::onRequestFailed);
    buildActions();
    refresh();
}

void DialogActionsBar::buildActions()
{
    m_contactAction = new QAction(tr("Request contact details"), this);
    m_contactAction->setObjectName(QStringLiteral("requestContactAction"));
    m_contactAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_contactAction, &QAction::triggered, this, &DialogActionsBar::requestContact);
    m_categoryAction = new QAction(tr("Choose the dialog's category"), this);
    m_categoryAction->setObjectName(QStringLiteral("chooseCategoryAction"));
    m_categoryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    connect(m_categoryAction, &QAction::triggered, this, [this] {
        m_categoryCombo->setFocus(Qt::ShortcutFocusReason);
        m_categoryCombo->showPopup();
    });
    m_banAction = new QAction(tr("Ban the visitor"), this);
    m_banAction->setObjectName(QStringLiteral("banVisitorAction"));
    m_banAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    connect(m_banAction, &QAction::triggered, this, &DialogActionsBar::openBanDialog);
    m_transcriptAction = new QAction(tr("Email the transcript…"), this);
    m_transcriptAction->setObjectName(QStringLiteral("emailTranscriptAction"));
    m_transcriptAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_transcriptAction, &QAction::triggered, this, &DialogActionsBar::openTranscriptDialog);
    for (QAction *action : {m_contactAction, m_categoryAction, m_banAction, m_transcriptAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
}

void DialogActionsBar::showVisitor(qint64 visitorId, qint64 dialogId)
{
    m_visitorId = visitorId;
    m_dialogId = dialogId;
    if (m_banDialog)
        m_banDialog->reject(); // it was about the visitor on screen before
    if (m_transcriptDialog)
        m_transcriptDialog->reject(); // the same: about the dialog on screen before
    refresh();
}

bool DialogActionsBar::mayBan() const
{
    // The server lets anyone who can see the visitor ban them ("Dialog actions"); not while Offline.
    return m_visitorId > 0 && m_session->self().mayWork() && !m_session->visitor(m_visitorId).banned;
}

void DialogActionsBar::refresh()
{
    const protocol::Dialog dialog = m_session->dialog(m_dialogId);
    const bool hasDialog = m_dialogId > 0 && dialog.id > 0;
    const bool canChange = hasDialog && m_session->canChangeDialog(m_dialogId);

    fillCategories();
    // A category is shown to everyone who opens the dialog, and chosen by whoever may change it
    // (when the admins defined some); "No category" on a dialog one cannot change says nothing.
    const bool chooseCategory = canChange && m_categoryCombo->count() > 1;
    const bool showCategory = hasDialog && (chooseCategory || dialog.categoryId != 0);
    m_categoryLabel->setVisible(showCategory);
    m_categoryCombo->setVisible(showCategory && chooseCategory);
    m_categoryValue->setText(m_categoryCombo->currentText());
    m_categoryValue->setVisible(showCategory && !chooseCategory);
    m_categoryAction->setEnabled(chooseCategory);

    m_contactButton->setVisible(canChange);
    m_contactAction->setEnabled(canChange);
    const bool ban = mayBan();
    m_banButton->setVisible(ban);
    m_banAction->setEnabled(ban);
    // Any dialog one can see may be mailed, open or closed ("Mail"); while it cannot, the button
    // stays in view and its tooltip says why.
    const QString whyNoTranscript = transcriptUnavailableReason();
    m_transcriptButton->setVisible(hasDialog);
    m_transcriptButton->setEnabled(whyNoTranscript.isEmpty());
    m_transcriptButton->setToolTip(whyNoTranscript.isEmpty()
                                       ? tr("Mail this dialog's text to you or a colleague (Ctrl+Shift+E)")
                                       : whyNoTranscript);
    m_transcriptAction->setEnabled(hasDialog && whyNoTranscript.isEmpty());
    // No empty strip when there is nothing to show or do.
    setVisible(showCategory || canChange || ban || hasDialog);
}

void DialogActionsBar::fillCategories()
{
    const qint64 current = m_session->dialog(m_dialogId).categoryId;
    const QSignalBlocker blocker(m_categoryCombo);
    m_categoryCombo->clear();
    m_categoryCombo->addItem(tr("No category"), qint64(0));
    const QList<protocol::Category> categories = m_session->categories();
    for (const protocol::Category &category : categories)
        m_categoryCombo->addItem(category.name, category.id); // combo items are plain text
    int index = m_categoryCombo->findData(current);
    if (index < 0) {
        // An admin deleted it since; the dialog still carries it.
        m_categoryCombo->addItem(tr("Deleted category"), current);
        index = m_categoryCombo->count() - 1;
    }
    m_categoryCombo->setCurrentIndex(index);
}

void DialogActionsBar::onCategoryChosen(int index)
{
    const qint64 categoryId = m_categoryCombo->itemData(index).toLongLong();
    if (m_dialogId <= 0 || categoryId == m_session->dialog(m_dialogId).categoryId)
        return;
    // The combo shows the choice now; the server's dialog.updated confirms it (or a refusal resets it).
    m_session->setDialogCategory(m_dialogId, categoryId);
}

void DialogActionsBar::requestContact()
{
    if (m_dialogId > 0 && m_session->canChangeDialog(m_dialogId))
        m_session->requestContact(m_dialogId);
}

BanDialog *DialogActionsBar::openBanDialog()
{
    if (!mayBan())
        return nullptr;
    if (m_banDialog)
        m_banDialog->close();
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    const QString name = visitor.name.isEmpty() ? tr("Visitor %1").arg(m_visitorId) : visitor.name;
    auto *dialog = new BanDialog(name, visitor.ip, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_banDialog = dialog;
    const qint64 visitorId = m_visitorId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, visitorId] {
        m_session->banVisitor(visitorId, dialog->reason(), dialog->hours(), dialog->byIp());
    });
    dialog->open();
    return dialog;
}

QString DialogActionsBar::transcriptUnavailableReason() const
{
    if (!m_session->serverSettings().mail)
        return tr("The server cannot send mail: no mail server is set up in its configuration.");
    if (!m_session->self().mayWork())
        return tr("You are Offline. Choose another status to mail a transcript.");
    return {};
}

TranscriptRecipientDialog *DialogActionsBar::openTranscriptDialog()
{
    if (m_dialogId <= 0 || m_session->dialog(m_dialogId).id <= 0 || !transcriptUnavailableReason().isEmpty())
        return nullptr;
    if (m_transcriptDialog)
        m_transcriptDialog->close();
    auto *dialog = new TranscriptRecipientDialog(m_dialogId, m_session->operators(), m_session->self().id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_transcriptDialog = dialog;
    const qint64 dialogId = m_dialogId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, dialogId] {
        if (dialog->recipientId() > 0)
            m_session->emailTranscript(dialogId, dialog->recipientId());
    });
    dialog->open();
    return dialog;
}

void DialogActionsBar::onRequestFailed(const QString &requestType, protocol::ErrorCode code,
                                       const QString &message)
{
    if (requestType == u"contact.request") {
        Q_EMIT failed(tr("Contact details were not requested: %1").arg(message));
    } else if (requestType == u"dialog.category.set") {
        refresh(); // back to the category the dialog really has
        Q_EMIT failed(tr("The category was not changed: %1").arg(message));
    } else if (requestType == u"visitor.ban") {
        // The only bad_request this bar can cause: a ban already in force on them or their address.
        const QString reason = code == protocol::ErrorCode::BadRequest
                                   ? tr("this visitor or their IP address is already banned.")
                                   : message;
        Q_EMIT failed(tr("The visitor was not banned: %1").arg(reason));
    } else if (requestType == u"dialog.email") {
        // No link, or the link lost mid-way: the session's sentence says it all (after a lost link
        // nobody knows whether the mail went, so no "was not sent" before it). The server's reason
        // is a sentence of its own ("The mail was not sent: …").
        Q_EMIT failed(code == protocol::ErrorCode::NotAuthenticated
                          ? message
                          : tr("The transcript was not sent. %1", "then the server's reason").arg(message));
    }
}

} // namespace concierge::ui
