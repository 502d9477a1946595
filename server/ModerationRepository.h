// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Moderation.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace concierge::server {

/// Admin-defined dialog categories and visitor bans (docs/protocol.md "Dialog actions").
class ModerationRepository
{
public:
    explicit ModerationRepository(QSqlDatabase db);

    std::optional<qint64> createCategory(const QString &name, QString *error);
    bool deleteCategory(qint64 categoryId);
    std::optional<qint64> categoryId(const QString &name);
    QList<protocol::Category> categories(); ///< by name
    bool categoryExists(qint64 categoryId);

    /// Stores \a ban (id and `at` are set here) and returns it as stored.
    std::optional<protocol::Ban> ban(protocol::Ban ban);
    /// The ban in force (not lifted, not expired) on this visitor or, when \a ip is not empty,
    /// this IP address; the newest if several.
    std::optional<protocol::Ban> banInForce(qint64 visitorId, const QString &ip);
    QList<protocol::Ban> bansInForce(); ///< newest first
    /// Lifts a ban in force; false when there is none with that id.
    bool lift(qint64 banId);

private:
    QSqlDatabase m_db;
};

} // namespace concierge::server
