// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"
#include "protocol/Message.h"

#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;

namespace concierge {
class MessageListModel;
}

namespace concierge::ui {

/// One dialog of the history, read-only: a title (number, when, operator) over its lines with
/// times, names and system events, drawn by the dialog pane's own MessageDelegate from a
/// MessageListModel of its own — so a line reads here exactly as it did live. Until a dialog is
/// given it shows a sentence instead ("Select a dialog…", "Loading…", why it could not be loaded).
class HistoryTranscriptView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryTranscriptView(QWidget *parent = nullptr);

    /// \a messages oldest first. A dialog not on screen yet opens at \a matchedMessageId (the line
    /// the search found, scrolled to and marked) or at its start; the dialog already on screen
    /// (refreshed: fetched whole, a live line) keeps the reader's place, following new lines when
    /// the reader was at the end.
    void showDialog(const protocol::HistoryDialog &dialog, const QList<protocol::Message> &messages,
                    qint64 matchedMessageId = 0);
    /// A sentence in place of the lines (plain text); the title is cleared.
    void showMessage(const QString &text);
    /// The dialog on screen; 0 while a sentence shows.
    qint64 dialogId() const { return m_dialogId; }
    /// The lines as the operator reads them (names and system events worded), oldest first.
    QStringList lineTexts() const;
    /// The line marked as the search's match; 0 when none is.
    qint64 markedMessageId() const;

    QListView *listView() const { return m_list; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *messageLabel() const { return m_message; }

private:
    /// Selects the line \a messageId (none when 0 or not there); true when it is there.
    bool mark(qint64 messageId, bool scrollTo);

    qint64 m_dialogId = 0;
    QLabel *m_title;
    QStackedWidget *m_stack;
    QLabel *m_message;
    QListView *m_list;
    MessageListModel *m_model;
};

} // namespace concierge::ui
