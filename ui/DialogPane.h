// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class ReplyEditor;

/// Middle pane: the open dialog's history, a typing line, the reply box and the dialog's actions.
class DialogPane : public QWidget
{
    Q_OBJECT
public:
    explicit DialogPane(OperatorSession *session, QWidget *parent = nullptr);

    /// Shows this visitor's dialog (dialogId 0: the visitor has not started a chat).
    void showVisitor(qint64 visitorId, qint64 dialogId);
    qint64 dialogId() const { return m_dialogId; }

private:
    void refreshHeader();
    void sendReply(const QString &text);
    void followVisitorDialog(qint64 dialogId);
    void scrollToBottomIfFollowing();

    OperatorSession *m_session;
    qint64 m_visitorId = 0;
    qint64 m_dialogId = 0;

    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QLabel *m_titleLabel;
    QLabel *m_stateLabel;
    QPushButton *m_takeButton;
    QPushButton *m_closeButton;
    QListView *m_historyView;
    QLabel *m_typingLabel;
    ReplyEditor *m_replyEdit;
    QPushButton *m_sendButton;
};

} // namespace concierge::ui
