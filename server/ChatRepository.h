// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Message.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace concierge::server {

/// The operator room (docs/protocol.md "Operator chat"): its lines are Messages with dialogId 0,
/// `cid` UNIQUE like dialog messages.
class ChatRepository
{
public:
    explicit ChatRepository(QSqlDatabase db);

    std::optional<protocol::Message> findByCid(const QString &cid);
    /// Stores \a message (id and `at` are set here) and returns it as stored.
    std::optional<protocol::Message> insert(protocol::Message message);
    /// Up to \a limit lines before \a beforeId (0: the newest), oldest first.
    QList<protocol::Message> lines(int limit, qint64 beforeId = 0);

private:
    QSqlDatabase m_db;
};

} // namespace concierge::server
