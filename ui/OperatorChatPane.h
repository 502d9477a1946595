// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class NoticeBar;
class ReplyEditor;

/// The shared operator room: its lines, a reply box, and beside them every operator with a live
/// status. Clicking a name addresses them ("@Anna, ") in the reply box. Offline operators see a
/// notice instead of the reply box (the server refuses them the room).
class OperatorChatPane : public QWidget
{
    Q_OBJECT
public:
    explicit OperatorChatPane(OperatorSession *session, QWidget *parent = nullptr);

    ReplyEditor *replyEdit() const { return m_replyEdit; }
    QListView *operatorListView() const { return m_operators; }
    /// Inserts "@Name, " at the cursor of the reply box and puts the focus there.
    void addressOperator(const QString &name);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void sendLine(const QString &text);
    void refreshAccess();
    void loadHistoryIfNeeded();

    OperatorSession *m_session;
    bool m_historyLoaded = false;
    QListView *m_chatView;
    NoticeBar *m_notice;
    QWidget *m_replyRow;
    ReplyEditor *m_replyEdit;
    QPushButton *m_sendButton;
    QListView *m_operators;
};

} // namespace concierge::ui
