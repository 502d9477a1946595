// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileRepository.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

QString newToken()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

} // namespace

FileRepository::FileRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString FileRepository::urlFor(const QString &token)
{
    return u"/v1/files/"_s + token;
}

std::optional<FileRepository::Record> FileRepository::insert(const Upload &upload)
{
    Record record;
    record.token = newToken();
    record.sha256 = upload.sha256;
    record.ref = {urlFor(record.token), upload.name,       upload.size,
                  upload.type.mime,     upload.type.image, upload.type.executable};
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO files (token, sha256, name, size, mime, image, executable, operator_id, "
                  u"visitor_id, "
                  "dialog_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  {record.token, upload.sha256, upload.name, upload.size, upload.type.mime,
                   upload.type.image ? 1 : 0, upload.type.executable ? 1 : 0, nullableId(upload.operatorId),
                   nullableId(upload.visitorId), nullableId(upload.dialogId),
                   protocol::timestampToJson(QDateTime::currentDateTimeUtc())}))
        return std::nullopt;
    record.id = query.lastInsertId().toLongLong();
    return record;
}

std::optional<FileRepository::Record> FileRepository::findByToken(const QString &token)
{
    QSqlQuery query(m_db);
    if (!runQuery(
            query,
            u"SELECT id, token, sha256, name, size, mime, image, executable FROM files WHERE token = ?"_s,
            {token}) ||
        !query.next())
        return std::nullopt;
    Record record;
    record.id = query.value(0).toLongLong();
    record.token = query.value(1).toString();
    record.sha256 = query.value(2).toString();
    record.ref = {urlFor(record.token),      query.value(3).toString(),   query.value(4).toLongLong(),
                  query.value(5).toString(), query.value(6).toInt() != 0, query.value(7).toInt() != 0};
    return record;
}

} // namespace concierge::server
