// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistorySearchIndex.h"

#include "protocol/Dialog.h"
#include "protocol/Message.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>

#include <memory>
#include <optional>

namespace concierge::server {

/// Dialogs and their messages. Message `cid`s are UNIQUE: the database itself refuses a duplicate.
class DialogRepository
{
public:
    explicit DialogRepository(QSqlDatabase db);

    std::optional<protocol::Dialog> find(qint64 dialogId);
    /// The visitor's latest dialog that is not closed.
    std::optional<protocol::Dialog> openForVisitor(qint64 visitorId);
    /// The visitor's newest closed dialog (the one they may rate).
    std::optional<protocol::Dialog> latestClosedForVisitor(qint64 visitorId);
    /// A new `waiting` dialog, unassigned, waiting since now; in \a departmentId (0: any); an
    /// offline request when \a offline is set.
    std::optional<protocol::Dialog> create(qint64 visitorId, qint64 departmentId = 0,
                                           const std::optional<protocol::ContactDetails> &offline = {});
    /// Writes state, operator, closedAt, waitingSince, department, language, the last transfer,
    /// category and rating.
    bool update(const protocol::Dialog &dialog);

    /// Every dialog that is not closed, oldest first.
    QList<protocol::Dialog> openDialogs();
    /// Open dialogs per assigned operator.
    QHash<qint64, int> openCountByOperator();

    /// Groups several writes (a handover and its system line) so they land together or not at all.
    bool transaction() { return m_db.transaction(); }
    bool commit() { return m_db.commit(); }
    void rollback() { m_db.rollback(); }

    std::optional<protocol::Message> findByCid(const QString &cid);
    /// Stores \a message (id and `at` are set here) and returns it as stored; \a fileId: its `files`
    /// row when it is a file message (message.file is then returned as given).
    std::optional<protocol::Message> insertMessage(protocol::Message message, qint64 fileId = 0);
    /// Stores a system line (a transfer, a ban…): `event` names it for clients to word themselves,
    /// \a text is the English fallback, \a meta the details.
    std::optional<protocol::Message> insertSystemLine(qint64 dialogId, const QString &event, const QString &text,
                                                      const QJsonObject &meta);
    /// The last \a limit messages of a dialog, oldest first.
    QList<protocol::Message> lastMessages(qint64 dialogId, int limit);
    /// Up to \a limit lines of a dialog with id < \a beforeMessageId (0: any), the newest of them,
    /// oldest first; \a limit < 0: all of them.
    QList<protocol::Message> messagesBefore(qint64 dialogId, qint64 beforeMessageId, int limit);

private:
    QSqlDatabase m_db;
    /// Made at the first stored line; shared by copies of this repository (same connection).
    std::shared_ptr<HistorySearchIndex::LineIndexer> m_lineIndexer;
};

} // namespace concierge::server
