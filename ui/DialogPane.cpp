// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogPane.h"

#include "DialogActionsBar.h"
#include "DialogFiles.h"
#include "FileUploadBar.h"
#include "LanguageNames.h"
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorChatPane.h"
#include "OperatorSession.h"
#include "ReplyEditor.h"
#include "ReplyTemplates.h"
#include "TransferDialog.h"
#include "protocol/ProtocolVersion.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabBar>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace concierge::ui {

using protocol::DialogState;

namespace {

QString contactLine(const protocol::ContactDetails &contact)
{
    QStringList parts;
    for (const QString &part : {contact.name, contact.email, contact.phone}) {
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace

DialogPane::DialogPane(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_modeTabs(new QTabBar(this))
    , m_modes(new QStackedWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_ratingLabel(new QLabel(this))
    , m_actionsBar(new DialogActionsBar(session, this))
    , m_takeButton(new QPushButton(tr("&Take dialog"), this))
    , m_transferButton(new QPushButton(tr("T&ransfer…"), this))
    , m_closeButton(new QPushButton(tr("C&lose dialog"), this))
    , m_watchBanner(new NoticeBar(this))
    , m_notice(new NoticeBar(this))
    , m_historyView(new QListView(this))
    , m_typingLabel(new QLabel(this))
    , m_offlineBar(new NoticeBar(this))
    , m_replyRow(new QWidget(this))
    , m_replyEdit(new ReplyEditor(m_replyRow))
    , m_sendButton(new QPushButton(tr("&Send"), m_replyRow))
    , m_chatPane(new OperatorChatPane(session, this))
    , m_files(new DialogFiles(session, this, m_notice))
    , m_templates(new ReplyTemplates(session, m_replyEdit, m_notice, this))
{
    setObjectName(QStringLiteral("dialogPane"));
    m_modeTabs->setObjectName(QStringLiteral("dialogModeTabBar"));
    m_emptyLabel->setObjectName(QStringLiteral("dialogEmptyLabel"));
    m_titleLabel->setObjectName(QStringLiteral("dialogTitleLabel"));
    m_stateLabel->setObjectName(QStringLiteral("dialogStateLabel"));
    m_ratingLabel->setObjectName(QStringLiteral("dialogRatingLabel"));
    m_takeButton->setObjectName(QStringLiteral("takeButton"));
    m_transferButton->setObjectName(QStringLiteral("transferButton"));
    m_closeButton->setObjectName(QStringLiteral("closeDialogButton"));
    m_watchBanner->setObjectName(QStringLiteral("watchBanner"));
    m_watchBanner->button()->setObjectName(QStringLiteral("takeOverButton"));
    m_notice->setObjectName(QStringLiteral("dialogNoticeBar"));
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_typingLabel->setObjectName(QStringLiteral("typingLabel"));
    m_offlineBar->setObjectName(QStringLiteral("offlineNoticeBar"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));

    m_modeTabs->addTab(tr("Visitor"));
    m_modeTabs->addTab(tr("Operators"));
    m_modeTabs->setDocumentMode(true);
    m_modeTabs->setExpanding(false);
    m_modeTabs->setTabToolTip(0, tr("The visitor's dialog (Ctrl+1)"));
    m_modeTabs->setTabToolTip(1, tr("Chat with the other operators (Ctrl+2)"));

    m_emptyLabel->setText(tr("Choose a visitor on the left to see the conversation."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    // Visitor names and page titles are untrusted: never let a label interpret them.
    for (QLabel *label : {m_titleLabel, m_stateLabel, m_ratingLabel, m_typingLabel})
        label->setTextFormat(Qt::PlainText);
    m_ratingLabel->setWordWrap(true);
    m_ratingLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    m_stateLabel->setWordWrap(true);
    m_typingLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-style: italic;"));
    m_transferButton->setToolTip(
        tr("Hand this dialog to another operator, a department or the queue (Ctrl+T)"));
    m_watchBanner->setButtonText(tr("Take &over"));
    m_watchBanner->button()->setToolTip(tr("The dialog becomes yours; this is written into its history."));
    m_offlineBar->showNotice(NoticeBar::Kind::Info,
                             tr("You are Offline. Choose another status to work with dialogs."));

    m_historyView->setModel(session->messageModel());
    auto *delegate = new MessageDelegate(m_historyView);
    delegate->setThumbnails(m_files->thumbnails());
    m_historyView->setItemDelegate(delegate);
    m_files->watchHistory(m_historyView);
    m_replyEdit->setAcceptsFiles(true);
    m_historyView->setWordWrap(true);
    m_historyView->setUniformItemSizes(false);
    m_historyView->setResizeMode(QListView::Adjust);
    m_historyView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_historyView->setSelectionMode(QAbstractItemView::NoSelection);
    m_replyEdit->setMaximumHeight(110);
    m_sendButton->setToolTip(tr("Send the reply (Enter)"));

    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->addWidget(m_titleLabel);
    titles->addWidget(m_stateLabel);
    titles->addWidget(m_ratingLabel);
    header->addLayout(titles, 1);
    header->addWidget(m_takeButton, 0, Qt::AlignTop);
    header->addWidget(m_transferButton, 0, Qt::AlignTop);
    header->addWidget(m_closeButton, 0, Qt::AlignTop);

    auto *replyLayout = new QHBoxLayout(m_replyRow);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    replyLayout->addWidget(m_files->attachButton(), 0, Qt::AlignBottom);
    replyLayout->addWidget(m_templates->saveButton(), 0, Qt::AlignBottom);
    replyLayout->addWidget(m_replyEdit, 1);
    replyLayout->addWidget(m_sendButton, 0, Qt::AlignBottom);

    auto *dialogPage = new QWidget(this);
    auto *dialogLayout = new QVBoxLayout(dialogPage);
    dialogLayout->setContentsMargins(6, 6, 6, 6);
    dialogLayout->addLayout(header);
    dialogLayout->addWidget(m_actionsBar);
    dialogLayout->addWidget(m_watchBanner);
    dialogLayout->addWidget(m_notice);
    dialogLayout->addWidget(m_historyView, 1);
    dialogLayout->addWidget(m_typingLabel);
    dialogLayout->addWidget(m_replyRow);
    dialogLayout->addWidget(m_files->uploadBar());
    m_files->acceptDropsOn(dialogPage);
    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(dialogPage);

    auto *visitorPage = new QWidget(this);
    auto *visitorLayout = new QVBoxLayout(visitorPage);
    visitorLayout->setContentsMargins(0, 0, 0, 0);
    visitorLayout->addWidget(m_stack, 1);
    auto *offlineRow = new QHBoxLayout;
    offlineRow->setContentsMargins(6, 0, 6, 6);
    offlineRow->addWidget(m_offlineBar);
    visitorLayout->addLayout(offlineRow);

    m_modes->addWidget(visitorPage);
    m_modes->addWidget(m_chatPane);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_modeTabs);
    layout->addWidget(m_modes, 1);

    connect(m_modeTabs, &QTabBar::currentChanged, this, [this](int index) {
        m_modes->setCurrentIndex(index);
        if (index == int(Mode::Operators)) {
            m_unreadChatLines = 0;
            updateOperatorsTab();
        }
    });
    // Typed replies pass the template variables check; sent templates come ready.
    connect(m_replyEdit, &ReplyEditor::submitted, m_templates, &ReplyTemplates::submitTyped);
    connect(m_templates, &ReplyTemplates::send, this, &DialogPane::sendReply);
    connect(m_replyEdit, &ReplyEditor::filesPasted, m_files, &DialogFiles::sendFiles);
    connect(m_replyEdit, &ReplyEditor::imagePasted, m_files, &DialogFiles::sendPastedImage);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString text = m_replyEdit->toPlainText().trimmed();
        if (!text.isEmpty())
            m_templates->submitTyped(text);
        m_replyEdit->setFocus();
    });
    connect(m_replyEdit, &ReplyEditor::typingChanged, this, [this](bool typing) {
        if (m_dialogId > 0)
            m_session->setTyping(m_dialogId, typing);
    });
    connect(m_takeButton, &QPushButton::clicked, this, [this] { m_session->takeDialog(m_dialogId); });
    connect(m_transferButton, &QPushButton::clicked, this, &DialogPane::openTransferDialog);
    connect(m_closeButton, &QPushButton::clicked, this, [this] { m_session->closeDialog(m_dialogId); });
    connect(m_watchBanner->button(), &QPushButton::clicked, this, [this] {
        m_notice->clearNotice();
        m_session->takeOverDialog(m_dialogId);
    });
    connect(session, &OperatorSession::dialogChanged, this, &DialogPane::followVisitorDialog);
    connect(session, &OperatorSession::visitorChanged, this, [this](qint64 id) {
        if (id == m_visitorId)
            refreshHeader();
    });
    connect(session, &OperatorSession::selfChanged, this, &DialogPane::refreshHeader);
    connect(session, &OperatorSession::operatorsChanged, this, &DialogPane::refreshHeader);
    connect(session, &OperatorSession::typingChanged, this, [this](qint64 id, bool typing) {
        if (id == m_dialogId)
            m_typingLabel->setText(typing ? tr("The visitor is typing…") : QString());
    });
    connect(session, &OperatorSession::requestFailed, this,
            [this](const QString &requestType, protocol::ErrorCode code, const QString &message) {
                onRequestFailed(requestType, code, message);
            });
    connect(m_actionsBar, &DialogActionsBar::failed, this,
            [this](const QString &text) { m_notice->showNotice(NoticeBar::Kind::Error, text); });
    connect(m_actionsBar, &DialogActionsBar::succeeded, this,
            [this](const QString &text) { m_notice->showNotice(NoticeBar::Kind::Info, text); });
    connect(session, &OperatorSession::serverSettingsChanged, this, &DialogPane::refreshHeader);
    connect(session, &OperatorSession::dialogTransferred, this, [this](qint64 id) {
        if (id != m_dialogId)
            return;
        m_notice->showNotice(NoticeBar::Kind::Info,
                             tr("You transferred this dialog; it is no longer yours."));
        refreshHeader();
    });
    connect(session, &OperatorSession::dialogTakenOver, this, [this](qint64 id) {
        if (id != m_dialogId)
            return;
        m_notice->clearNotice();
        refreshHeader();
        m_replyEdit->setFocus();
    });
    connect(session, &OperatorSession::chatMessageArrived, this, [this](const protocol::Message &message) {
        if (mode() == Mode::Operators || message.operatorId == m_session->self().id)
            return;
        ++m_unreadChatLines;
        updateOperatorsTab();
    });
    connect(session->messageModel(), &QAbstractItemModel::rowsInserted, this,
            &DialogPane::scrollToBottomIfFollowing);
    connect(session->messageModel(), &QAbstractItemModel::modelReset, m_historyView,
            &QListView::scrollToBottom);

    buildActions();
    refreshHeader();
}

void DialogPane::buildActions()
{
    auto *visitorMode = new QAction(tr("Visitor dialog"), this);
    visitorMode->setObjectName(QStringLiteral("visitorModeAction"));
    visitorMode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(visitorMode, &QAction::triggered, this, [this] { setMode(Mode::Visitor); });
    auto *operatorsMode = new QAction(tr("Operator chat"), this);
    operatorsMode->setObjectName(QStringLiteral("operatorsModeAction"));
    operatorsMode->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(operatorsMode, &QAction::triggered, this, [this] { setMode(Mode::Operators); });
    auto *transfer = new QAction(tr("Transfer the dialog"), this);
    transfer->setObjectName(QStringLiteral("transferAction"));
    transfer->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(transfer, &QAction::triggered, this, &DialogPane::openTransferDialog);
    for (QAction *action : {visitorMode, operatorsMode, transfer}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }
}

void DialogPane::setMode(Mode mode)
{
    if (mode == this->mode())
        return;
    m_modeTabs->setCurrentIndex(int(mode));
    if (mode == Mode::Operators)
        m_chatPane->replyEdit()->setFocus();
    else if (m_replyRow->isVisible() && m_replyEdit->isEnabled())
        m_replyEdit->setFocus();
}

DialogPane::Mode DialogPane::mode() const
{
    return static_cast<Mode>(m_modeTabs->currentIndex());
}

void DialogPane::updateOperatorsTab()
{
    m_modeTabs->setTabText(int(Mode::Operators), m_unreadChatLines > 0
                                                     ? tr("Operators (%1)").arg(m_unreadChatLines)
                                                     : tr("Operators"));
}

void DialogPane::showVisitor(qint64 visitorId, qint64 dialogId)
{
    if (dialogId != m_dialogId)
        m_notice->clearNotice();
    m_visitorId = visitorId;
    m_dialogId = dialogId;
    m_templates->setVisitor(visitorId);
    m_typingLabel->clear();
    m_actionsBar->showVisitor(visitorId, dialogId);
    m_session->openDialog(dialogId);
    m_stack->setCurrentIndex(visitorId > 0 ? 1 : 0);
    refreshHeader();
    if (dialogId > 0 && m_replyRow->isVisible())
        m_replyEdit->setFocus();
}

bool DialogPane::mayTransfer() const
{
    const protocol::Dialog dialog = m_session->dialog(m_dialogId);
    if (m_dialogId <= 0 || dialog.id <= 0 || !dialog.isOpen())
        return false;
    // Supervisors may hand on others' dialogs too (docs/protocol.md, "Roles…").
    const protocol::OperatorInfo self = m_session->self();
    return m_session->canChangeDialog(m_dialogId) || (self.supervises() && self.mayWork());
}

TransferDialog *DialogPane::openTransferDialog()
{
    if (!mayTransfer())
        return nullptr;
    if (m_transferDialog)
        m_transferDialog->close();
    auto *dialog = new TransferDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_transferDialog = dialog;
    const qint64 dialogId = m_dialogId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, dialogId] {
        if (const auto target = dialog->target()) {
            m_notice->clearNotice();
            m_sentTransfer = *target;
            m_session->transferDialog(dialogId, *target, dialog->comment());
        }
    });
    dialog->open();
    return dialog;
}

QString DialogPane::unavailableText(const protocol::TransferTarget &target) const
{
    using Kind = protocol::TransferTarget::Kind;
    switch (target.kind) {
    case Kind::Operator:
        if (const auto info = m_session->operatorInfo(target.id))
            return tr("%1 is not online any more.").arg(info->name);
        break;
    case Kind::Department: {
        const QList<protocol::Department> departments = m_session->departments();
        for (const protocol::Department &department : departments) {
            if (department.id == target.id)
                return tr("Nobody in %1 is online.").arg(department.name);
        }
        break;
    }
    case Kind::Language:
        return tr("Nobody speaking %1 is online.").arg(LanguageNames::nameWithCode(target.language));
    case Kind::Queue:
        break;
    }
    return {};
}

void DialogPane::onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message)
{
    // Say why where the operator is looking; the dialog stays as it was. "Nobody there is online"
    // is worded here in the operator's language; anything else in the server's own words.
    if (requestType == u"dialog.transfer") {
        QString reason = message;
        if (code == protocol::ErrorCode::Unavailable && m_sentTransfer) {
            const QString own = unavailableText(*m_sentTransfer);
            if (!own.isEmpty())
                reason = own;
        }
        m_notice->showNotice(NoticeBar::Kind::Error, tr("The dialog was not transferred: %1").arg(reason));
    } else if (requestType == u"dialog.takeover") {
        m_notice->showNotice(NoticeBar::Kind::Error, tr("The dialog was not taken over: %1").arg(message));
    } else {
        return;
    }
    refreshHeader();
}

void DialogPane::refreshHeader()
{
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    m_titleLabel->setText(visitor.name.isEmpty() ? tr("Visitor %1").arg(m_visitorId) : visitor.name);

    const protocol::OperatorInfo self = m_session->self();
    const protocol::Dialog dialog = m_session->dialog(m_dialogId);
    const bool hasDialog = m_dialogId > 0 && dialog.id > 0;
    const bool open = hasDialog && dialog.isOpen();
    const bool mine = self.id != 0 && dialog.operatorId == self.id;
    const bool watching = open && dialog.operatorId != 0 && !mine;
    QString operatorName;
    if (dialog.operatorId != 0) {
        const auto info = m_session->operatorInfo(dialog.operatorId);
        operatorName = info ? info->name : tr("another operator");
    }

    QString state;
    if (m_dialogId > 0 && !hasDialog)
        state = tr("This dialog is no longer shown to you.");
    else if (!hasDialog)
        state = tr("Browsing the site — no chat started");
    else if (!open)
        state = tr("Dialog closed");
    else if (dialog.state == DialogState::Waiting && dialog.operatorId == 0)
        state = tr("Waiting for a reply");
    else if (dialog.state == DialogState::Waiting)
        state = mine ? tr("Waiting for your reply") : tr("Waiting for a reply from %1").arg(operatorName);
    else
        state = mine ? tr("In dialog with you") : tr("In dialog with %1").arg(operatorName);
    if (open && dialog.isOfflineRequest())
        state = tr("Offline request: %1").arg(contactLine(*dialog.offline)) + QLatin1Char('\n') + state;
    m_stateLabel->setText(state);
    // The visitor's verdict, once they gave one after the close (their words: plain text).
    QString rating;
    if (hasDialog && dialog.rating.isValid()) {
        const QString comment = dialog.rating.comment.simplified();
        rating = comment.isEmpty() ? tr("Rated %1/5").arg(dialog.rating.score)
                                   : tr("Rated %1/5: %2", "the visitor's score, then their comment")
                                         .arg(QString::number(dialog.rating.score), comment);
    }
    m_ratingLabel->setText(rating);
    m_ratingLabel->setVisible(!rating.isEmpty());

    // "You transferred this dialog" is over once it is mine again (handed back, taken over).
    if (mine && m_notice->kind() == NoticeBar::Kind::Info)
        m_notice->clearNotice();

    const bool canChange = m_session->canChangeDialog(m_dialogId);
    m_takeButton->setVisible(canChange && dialog.state == DialogState::Waiting && !mine);
    m_transferButton->setVisible(mayTransfer());
    m_closeButton->setVisible(open && mine && self.mayWork());

    if (watching) {
        m_watchBanner->showNotice(
            NoticeBar::Kind::Warning,
            tr("You are watching %1's dialog. The visitor does not see you.").arg(operatorName));
        m_watchBanner->setButtonText(self.supervises() && self.mayWork() ? tr("Take &over") : QString());
    } else {
        m_watchBanner->clearNotice();
    }

    m_offlineBar->setVisible(!self.mayWork());
    m_replyRow->setVisible(self.mayWork() && !watching);
    m_replyEdit->setEnabled(canChange);
    m_sendButton->setEnabled(canChange);
    // The reply to an offline request also goes to the visitor's mailbox ("Mail"); the manual's
    // button reads "Send by email" then.
    const bool byEmail = open && dialog.isOfflineRequest() && !dialog.offline->email.trimmed().isEmpty()
                         && m_session->serverSettings().mail;
    m_sendButton->setText(byEmail ? tr("Send by &email") : tr("&Send"));
    if (byEmail) {
        const QString name = dialog.offline->name.trimmed();
        const QString to = name.isEmpty() ? dialog.offline->email
                                          : tr("%1 (%2)", "name, email").arg(name, dialog.offline->email);
        // The visitor typed the name and address, and tooltips guess at rich text: made rich text
        // on purpose, every character escaped, so "<b>Olga</b>" shows as typed. (toHtmlEscaped()
        // alone is not enough: "Tom & Jerry" escaped has no tag, is taken as plain, shows "&amp;".)
        m_sendButton->setToolTip(
            Qt::convertFromPlainText(tr("Send the reply (Enter); it is also emailed to %1").arg(to)));
    } else {
        m_sendButton->setToolTip(tr("Send the reply (Enter)"));
    }
    m_files->setDialog(m_dialogId, canChange && self.mayWork() && !watching);
    m_historyView->setVisible(hasDialog);
}

void DialogPane::sendReply(const QString &text)
{
    if (m_dialogId <= 0)
        return;
    if (text.size() > protocol::kMaxMessageChars) {
        // Refuse here, keeping the text, rather than let the server refuse it after the box is empty.
        m_typingLabel->setText(tr("This reply is %1 characters long; the limit is %2. Please shorten it.")
                                   .arg(text.size())
                                   .arg(protocol::kMaxMessageChars));
        return;
    }
    m_session->sendReply(m_dialogId, text);
    m_replyEdit->clear();
}

void DialogPane::followVisitorDialog(qint64 dialogId)
{
    if (dialogId == m_dialogId) {
        refreshHeader();
        return;
    }
    // The visitor on screen started a (new) chat: show it, or the operator would be looking at a
    // closed or empty conversation while the visitor waits.
    const protocol::Dialog dialog = m_session->dialog(dialogId);
    if (m_visitorId > 0 && dialog.visitorId == m_visitorId && dialog.isOpen())
        showVisitor(m_visitorId, dialogId);
}

void DialogPane::scrollToBottomIfFollowing()
{
    // Keep following the conversation unless the operator scrolled up to read older lines.
    const QScrollBar *bar = m_historyView->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 40)
        QMetaObject::invokeMethod(m_historyView, &QListView::scrollToBottom, Qt::QueuedConnection);
}

} // namespace concierge::ui
