// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogPane.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "ReplyEditor.h"

#include "protocol/ProtocolVersion.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace concierge::ui {

using protocol::DialogState;

DialogPane::DialogPane(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_emptyLabel(new QLabel(this))
    , m_titleLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_takeButton(new QPushButton(tr("&Take dialog"), this))
    , m_closeButton(new QPushButton(tr("C&lose dialog"), this))
    , m_historyView(new QListView(this))
    , m_typingLabel(new QLabel(this))
    , m_replyEdit(new ReplyEditor(this))
    , m_sendButton(new QPushButton(tr("&Send"), this))
{
    setObjectName(QStringLiteral("dialogPane"));
    m_emptyLabel->setObjectName(QStringLiteral("dialogEmptyLabel"));
    m_titleLabel->setObjectName(QStringLiteral("dialogTitleLabel"));
    m_stateLabel->setObjectName(QStringLiteral("dialogStateLabel"));
    m_takeButton->setObjectName(QStringLiteral("takeButton"));
    m_closeButton->setObjectName(QStringLiteral("closeDialogButton"));
    m_historyView->setObjectName(QStringLiteral("historyView"));
    m_typingLabel->setObjectName(QStringLiteral("typingLabel"));
    m_sendButton->setObjectName(QStringLiteral("sendButton"));

    m_emptyLabel->setText(tr("Choose a visitor on the left to see the conversation."));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    // Visitor names and page titles are untrusted: never let a label interpret them.
    for (QLabel *label : {m_titleLabel, m_stateLabel, m_typingLabel})
        label->setTextFormat(Qt::PlainText);
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_titleLabel->setFont(titleFont);
    m_typingLabel->setStyleSheet(QStringLiteral("color: palette(placeholder-text); font-style: italic;"));

    m_historyView->setModel(session->messageModel());
    m_historyView->setItemDelegate(new MessageDelegate(m_historyView));
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
    header->addLayout(titles, 1);
    header->addWidget(m_takeButton);
    header->addWidget(m_closeButton);

    auto *replyRow = new QHBoxLayout;
    replyRow->addWidget(m_replyEdit, 1);
    replyRow->addWidget(m_sendButton, 0, Qt::AlignBottom);

    auto *dialogPage = new QWidget(this);
    auto *dialogLayout = new QVBoxLayout(dialogPage);
    dialogLayout->setContentsMargins(6, 6, 6, 6);
    dialogLayout->addLayout(header);
    dialogLayout->addWidget(m_historyView, 1);
    dialogLayout->addWidget(m_typingLabel);
    dialogLayout->addLayout(replyRow);

    m_stack->addWidget(m_emptyLabel);
    m_stack->addWidget(dialogPage);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_replyEdit, &ReplyEditor::submitted, this, &DialogPane::sendReply);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString text = m_replyEdit->toPlainText().trimmed();
        if (!text.isEmpty())
            sendReply(text);
        m_replyEdit->setFocus();
    });
    connect(m_replyEdit, &ReplyEditor::typingChanged, this, [this](bool typing) {
        if (m_dialogId > 0)
            m_session->setTyping(m_dialogId, typing);
    });
    connect(m_takeButton, &QPushButton::clicked, this, [this] { m_session->takeDialog(m_dialogId); });
    connect(m_closeButton, &QPushButton::clicked, this, [this] { m_session->closeDialog(m_dialogId); });
    connect(session, &OperatorSession::dialogChanged, this, &DialogPane::followVisitorDialog);
    connect(session, &OperatorSession::visitorChanged, this, [this](qint64 id) {
        if (id == m_visitorId)
            refreshHeader();
    });
    connect(session, &OperatorSession::typingChanged, this, [this](qint64 id, bool typing) {
        if (id == m_dialogId)
            m_typingLabel->setText(typing ? tr("The visitor is typing…") : QString());
    });
    connect(session->messageModel(), &QAbstractItemModel::rowsInserted, this,
            &DialogPane::scrollToBottomIfFollowing);
    connect(session->messageModel(), &QAbstractItemModel::modelReset, m_historyView,
            &QListView::scrollToBottom);
}

void DialogPane::showVisitor(qint64 visitorId, qint64 dialogId)
{
    m_visitorId = visitorId;
    m_dialogId = dialogId;
    m_typingLabel->clear();
    m_session->openDialog(dialogId);
    m_stack->setCurrentIndex(visitorId > 0 ? 1 : 0);
    refreshHeader();
    if (dialogId > 0)
        m_replyEdit->setFocus();
}

void DialogPane::refreshHeader()
{
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    m_titleLabel->setText(visitor.name.isEmpty() ? tr("Visitor %1").arg(m_visitorId) : visitor.name);

    const protocol::Dialog dialog = m_session->dialog(m_dialogId);
    const bool hasDialog = m_dialogId > 0 && dialog.id > 0;
    const bool mine = dialog.operatorId == m_session->self().id;
    QString state;
    if (!hasDialog)
        state = tr("Browsing the site — no chat started");
    else if (dialog.state == DialogState::Waiting)
        state = tr("Waiting for a reply");
    else if (dialog.state == DialogState::Active)
        state = mine ? tr("In dialog with you") : tr("In dialog with another operator");
    else
        state = tr("Dialog closed");
    m_stateLabel->setText(state);

    const bool open = hasDialog && dialog.isOpen();
    const bool canReply = open && (dialog.operatorId == 0 || mine);
    m_takeButton->setVisible(open && dialog.state == DialogState::Waiting);
    m_closeButton->setVisible(open && mine);
    m_replyEdit->setEnabled(canReply);
    m_sendButton->setEnabled(canReply);
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
