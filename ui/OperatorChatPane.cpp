// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorChatPane.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorListDelegate.h"
#include "OperatorListModel.h"
#include "OperatorSession.h"
#include "ReplyEditor.h"
#include "protocol/ProtocolVersion.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace concierge::ui {

OperatorChatPane::OperatorChatPane(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_chatView(new QListView(this))
    , m_notice(new NoticeBar(this))
    , m_replyRow(new QWidget(this))
    , m_replyEdit(new ReplyEditor(m_replyRow))
    , m_sendButton(new QPushButton(tr("&Send"), m_replyRow))
    , m_operators(new QListView(this))
{
    setObjectName(QStringLiteral("operatorChatPane"));
    m_chatView->setObjectName(QStringLiteral("chatView"));
    m_notice->setObjectName(QStringLiteral("chatNoticeBar"));
    m_replyEdit->setObjectName(QStringLiteral("chatReplyEdit"));
    m_replyEdit->setPlaceholderText(tr("Write to all operators — Enter sends"));
    m_replyEdit->setMaximumHeight(90);
    m_sendButton->setObjectName(QStringLiteral("chatSendButton"));
    m_operators->setObjectName(QStringLiteral("operatorListView"));

    m_chatView->setModel(session->chatModel());
    m_chatView->setItemDelegate(new MessageDelegate(m_chatView));
    m_chatView->setWordWrap(true);
    m_chatView->setUniformItemSizes(false);
    m_chatView->setResizeMode(QListView::Adjust);
    m_chatView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_chatView->setSelectionMode(QAbstractItemView::NoSelection);

    m_operators->setModel(session->operatorModel());
    m_operators->setItemDelegate(new OperatorListDelegate(m_operators));
    m_operators->setSelectionMode(QAbstractItemView::NoSelection);
    m_operators->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_operators->setToolTip(tr("Click a name to address them in your message"));
    m_operators->setMinimumWidth(160);
    m_operators->setMaximumWidth(220);

    auto *replyLayout = new QHBoxLayout(m_replyRow);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    replyLayout->addWidget(m_replyEdit, 1);
    replyLayout->addWidget(m_sendButton, 0, Qt::AlignBottom);

    auto *roomColumn = new QVBoxLayout;
    roomColumn->addWidget(m_chatView, 1);
    roomColumn->addWidget(m_notice);
    roomColumn->addWidget(m_replyRow);

    auto *operatorsTitle = new QLabel(tr("Operators"), this);
    QFont bold = operatorsTitle->font();
    bold.setBold(true);
    operatorsTitle->setFont(bold);
    auto *operatorsColumn = new QVBoxLayout;
    operatorsColumn->addWidget(operatorsTitle);
    operatorsColumn->addWidget(m_operators, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(roomColumn, 1);
    layout->addLayout(operatorsColumn);

    connect(m_replyEdit, &ReplyEditor::submitted, this, &OperatorChatPane::sendLine);
    connect(m_sendButton, &QPushButton::clicked, this, [this] {
        const QString text = m_replyEdit->toPlainText().trimmed();
        if (!text.isEmpty())
            sendLine(text);
        m_replyEdit->setFocus();
    });
    connect(m_operators, &QListView::clicked, this,
            [this](const QModelIndex &index) { addressOperator(index.data(Qt::DisplayRole).toString()); });
    connect(session, &OperatorSession::selfChanged, this, &OperatorChatPane::refreshAccess);
    connect(session, &OperatorSession::loggedIn, this, &OperatorChatPane::refreshAccess);
    connect(session, &OperatorSession::synced, this, [this] {
        // A fresh snapshot carries the room's last lines; a later page comes with the history.
        if (isVisible())
            loadHistoryIfNeeded();
    });
    auto followBottom = [this] {
        const QScrollBar *bar = m_chatView->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 40)
            QMetaObject::invokeMethod(m_chatView, &QListView::scrollToBottom, Qt::QueuedConnection);
    };
    connect(session->chatModel(), &QAbstractItemModel::rowsInserted, this, followBottom);
    connect(session->chatModel(), &QAbstractItemModel::modelReset, m_chatView, &QListView::scrollToBottom);

    // An empty room says what it is for, instead of a blank box.
    auto *emptyRoom = new QLabel(tr("No messages yet. Everything written here reaches every operator."),
                                 m_chatView->viewport());
    emptyRoom->setObjectName(QStringLiteral("emptyRoomLabel"));
    emptyRoom->setWordWrap(true);
    emptyRoom->setAlignment(Qt::AlignCenter);
    emptyRoom->setEnabled(false); // drawn in the disabled (grey) text colour
    auto *emptyLayout = new QVBoxLayout(m_chatView->viewport());
    emptyLayout->addWidget(emptyRoom, 0, Qt::AlignCenter);
    const auto showWhenEmpty = [this, emptyRoom] { emptyRoom->setVisible(m_session->chatModel()->rowCount() == 0); };
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(session->chatModel(), signal, emptyRoom, showWhenEmpty);
    connect(session->chatModel(), &QAbstractItemModel::modelReset, emptyRoom, showWhenEmpty);
    showWhenEmpty();
    refreshAccess();
}

void OperatorChatPane::addressOperator(const QString &name)
{
    if (name.isEmpty() || !m_replyEdit->isEnabled())
        return;
    m_replyEdit->insertPlainText(QStringLiteral("@%1, ").arg(name));
    m_replyEdit->setFocus(Qt::OtherFocusReason);
}

void OperatorChatPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadHistoryIfNeeded();
}

void OperatorChatPane::loadHistoryIfNeeded()
{
    // Once per run, when the room is first looked at, and only while the server lets us read it.
    if (m_historyLoaded || !m_session->self().mayWork() ||
        m_session->connectionState() != ConnectionState::Connected)
        return;
    m_historyLoaded = true;
    m_session->loadChatHistory();
}

void OperatorChatPane::sendLine(const QString &text)
{
    if (text.size() > protocol::kMaxMessageChars) {
        m_notice->showNotice(NoticeBar::Kind::Warning,
                             tr("This message is %1 characters long; the limit is %2. Please shorten it.")
                                 .arg(text.size())
                                 .arg(protocol::kMaxMessageChars));
        return;
    }
    m_session->sendChatMessage(text);
    m_replyEdit->clear();
    if (m_notice->kind() == NoticeBar::Kind::Warning)
        m_notice->clearNotice();
}

void OperatorChatPane::refreshAccess()
{
    const bool mayWork = m_session->self().mayWork();
    m_replyRow->setVisible(mayWork);
    if (mayWork) {
        if (m_notice->kind() == NoticeBar::Kind::Info)
            m_notice->clearNotice();
        if (isVisible())
            loadHistoryIfNeeded();
    } else {
        m_notice->showNotice(NoticeBar::Kind::Info,
                             tr("You are Offline. Choose another status to work with dialogs."));
    }
}

} // namespace concierge::ui
