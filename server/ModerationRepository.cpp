// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModerationRepository.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QSqlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Ban;
using protocol::timestampFromJson;
using protocol::timestampToJson;

namespace {

QString now()
{
    return timestampToJson(QDateTime::currentDateTimeUtc());
}

constexpr auto kBanColumns = "id, visitor_id, ip, reason, banned_by, at, expires_at";
/// In force: not lifted, and no expiry or one still ahead (canonical UTC timestamps sort as text).
constexpr auto kInForce = "lifted_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";

Ban banFrom(const QSqlQuery &query)
{
    Ban ban;
    ban.id = query.value(0).toLongLong();
    ban.visitorId = query.value(1).isNull() ? 0 : query.value(1).toLongLong();
    ban.ip = query.value(2).toString();
    ban.reason = query.value(3).toString();
    ban.bannedBy = query.value(4).toString();
    ban.at = timestampFromJson(query.value(5).toString());
    if (!query.value(6).isNull())
        ban.expiresAt = timestampFromJson(query.value(6).toString());
    return ban;
}

} // namespace

ModerationRepository::ModerationRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<qint64> ModerationRepository::createCategory(const QString &name, QString *error)
{
    if (categoryId(name)) {
        *error = u"a category named \""_s + name + u"\" already exists"_s;
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    if (!runQuery(query, u"INSERT INTO categories (name, created_at) VALUES (?, ?)"_s, {name, now()})) {
        *error = u"cannot store the category"_s;
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool ModerationRepository::deleteCategory(qint64 categoryId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"DELETE FROM categories WHERE id = ?"_s, {categoryId});
}

std::optional<qint64> ModerationRepository::categoryId(const QString &name)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id FROM categories WHERE name = ?"_s, {name}) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

QList<protocol::Category> ModerationRepository::categories()
{
    QList<protocol::Category> list;
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id, name FROM categories ORDER BY name"_s))
        return list;
    while (query.next())
        list.append({query.value(0).toLongLong(), query.value(1).toString()});
    return list;
}

bool ModerationRepository::categoryExists(qint64 categoryId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"SELECT 1 FROM categories WHERE id = ?"_s, {categoryId}) && query.next();
}

std::optional<Ban> ModerationRepository::ban(Ban ban)
{
    ban.at = timestampFromJson(now());
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO bans (visitor_id, ip, reason, banned_by, at, expires_at) VALUES (?, ?, ?, ?, ?, ?)"_s,
                  {ban.visitorId > 0 ? QVariant(ban.visitorId) : QVariant(), ban.ip, ban.reason, ban.bannedBy,
                   timestampToJson(ban.at),
                   ban.expiresAt.isValid() ? QVariant(timestampToJson(ban.expiresAt)) : QVariant()}))
        return std::nullopt;
    ban.id = query.lastInsertId().toLongLong();
    return ban;
}

std::optional<Ban> ModerationRepository::banInForce(qint64 visitorId, const QString &ip)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kBanColumns) + u" FROM bans WHERE "_s
                      + QLatin1StringView(kInForce) + u" AND (visitor_id = ? OR (? != '' AND ip = ?)) "
                      "ORDER BY id DESC LIMIT 1"_s,
                  {now(), visitorId, ip, ip})
        || !query.next())
        return std::nullopt;
    return banFrom(query);
}

QList<Ban> ModerationRepository::bansInForce()
{
    QList<Ban> list;
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kBanColumns) + u" FROM bans WHERE "_s
                      + QLatin1StringView(kInForce) + u" ORDER BY id DESC"_s,
                  {now()}))
        return list;
    while (query.next())
        list.append(banFrom(query));
    return list;
}

bool ModerationRepository::lift(qint64 banId)
{
    QSqlQuery query(m_db);
    return runQuery(query,
                    u"UPDATE bans SET lifted_at = ? WHERE id = ? AND "_s + QLatin1StringView(kInForce),
                    {now(), banId, now()})
           && query.numRowsAffected() == 1;
}

} // namespace concierge::server
