// SPDX-License-Identifier: GPL-3.0-or-later
#include "ApiKeys.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QVariant>

#include <sodium.h>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

constexpr int kKeyBytes = 32;
constexpr qsizetype kMaxNameChars = 200;
const QString kPrefix = u"ck_"_s;

QString now()
{
    return protocol::timestampToJson(QDateTime::currentDateTimeUtc());
}

QDateTime timeOrNull(const QVariant &value)
{
    return value.isNull() ? QDateTime() : protocol::timestampFromJson(value.toString());
}

} // namespace

ApiKeys::ApiKeys(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString ApiKeys::newKey()
{
    QByteArray bytes(kKeyBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), static_cast<size_t>(bytes.size()));
    return kPrefix
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString ApiKeys::keyHash(const QString &key)
{
    return QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::optional<ApiKeys::Created> ApiKeys::create(const QString &name, QString *error)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty()) {
        *error = u"an API key needs a --name (what uses it, e.g. \"CRM\")"_s;
        return std::nullopt;
    }
    if (trimmed.size() > kMaxNameChars) {
        *error = u"--name may hold at most %1 characters"_s.arg(kMaxNameChars);
        return std::nullopt;
    }
    Created created;
    created.key = newKey();
    QSqlQuery query(m_db);
    if (!runQuery(query, u"INSERT INTO api_keys (name, key_hash, created_at) VALUES (?, ?, ?)"_s,
                  {trimmed, keyHash(created.key), now()})) {
        *error = u"cannot store the API key"_s;
        return std::nullopt;
    }
    created.id = query.lastInsertId().toLongLong();
    return created;
}

QList<ApiKeys::Record> ApiKeys::all() const
{
    QList<Record> records;
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id, name, created_at, last_used_at, revoked_at FROM api_keys ORDER BY id"_s))
        return records;
    while (query.next()) {
        records.append({query.value(0).toLongLong(), query.value(1).toString(),
                        protocol::timestampFromJson(query.value(2).toString()), timeOrNull(query.value(3)),
                        timeOrNull(query.value(4))});
    }
    return records;
}

bool ApiKeys::revoke(qint64 id, QString *error)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT revoked_at FROM api_keys WHERE id = ?"_s, {id})) {
        *error = u"cannot read the API keys"_s;
        return false;
    }
    if (!query.next()) {
        *error = u"no API key with id %1 (see list-api-keys)"_s.arg(id);
        return false;
    }
    if (!query.value(0).isNull()) {
        *error = u"API key %1 was revoked already"_s.arg(id);
        return false;
    }
    QSqlQuery update(m_db);
    if (!runQuery(update, u"UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL"_s,
                  {now(), id})) {
        *error = u"cannot revoke the API key"_s;
        return false;
    }
    return true;
}

std::optional<qint64> ApiKeys::check(const QString &key)
{
    // Only the shape is checked before hashing: the lookup by hash is what decides, and it takes
    // the same time for every wrong key.
    if (!key.startsWith(kPrefix) || key.size() > 100)
        return std::nullopt;
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL"_s, {keyHash(key)})
        || !query.next())
        return std::nullopt;
    const qint64 id = query.value(0).toLongLong();
    QSqlQuery stamp(m_db);
    runQuery(stamp, u"UPDATE api_keys SET last_used_at = ? WHERE id = ?"_s, {now(), id});
    return id;
}

} // namespace concierge::server
