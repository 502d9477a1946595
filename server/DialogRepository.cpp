// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogRepository.h"

#include "Database.h"
#include "FileRepository.h"
#include "HistorySearchIndex.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <limits>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::Message;
using protocol::timestampFromJson;
using protocol::timestampToJson;

namespace {

constexpr auto kDialogColumns = "id, visitor_id, operator_id, state, created_at, closed_at, waiting_since, "
                                "department_id, language, offline_contact, transfer_from, transfer_from_name, "
                                "transfer_comment, transfer_at, category_id, rating_score, rating_comment, rating_at";
// A file message carries its `files` row (LEFT JOIN): FROM kMessageTables.
constexpr auto kMessageColumns = "m.id, m.cid, m.dialog_id, m.author, m.operator_id, m.author_name, m.text, m.at, "
                                 "m.event, m.meta, f.token, f.name, f.size, f.mime, f.image, f.executable";
constexpr auto kMessageTables = " FROM messages m LEFT JOIN files f ON f.id = m.file_id ";

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant nullableTime(const QDateTime &time)
{
    return time.isValid() ? QVariant(timestampToJson(time)) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : timestampFromJson(value.toString());
}

Dialog dialogFrom(const QSqlQuery &query)
{
    Dialog dialog;
    dialog.id = query.value(0).toLongLong();
    dialog.visitorId = query.value(1).toLongLong();
    dialog.operatorId = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
    dialog.state = protocol::dialogStateFromString(query.value(3).toString());
    dialog.createdAt = timeFrom(query.value(4));
    dialog.closedAt = timeFrom(query.value(5));
    dialog.waitingSince = timeFrom(query.value(6));
    dialog.departmentId = query.value(7).isNull() ? 0 : query.value(7).toLongLong();
    dialog.language = query.value(8).toString();
    if (!query.value(9).isNull())
        dialog.offline = protocol::ContactDetails::fromJson(QJsonDocument::fromJson(query.value(9).toByteArray()).object());
    dialog.transfer.fromOperatorId = query.value(10).isNull() ? 0 : query.value(10).toLongLong();
    dialog.transfer.fromName = query.value(11).toString();
    dialog.transfer.comment = query.value(12).toString();
    dialog.transfer.at = timeFrom(query.value(13));
    dialog.categoryId = query.value(14).isNull() ? 0 : query.value(14).toLongLong();
    dialog.rating.score = query.value(15).isNull() ? 0 : query.value(15).toInt();
    dialog.rating.comment = query.value(16).toString();
    dialog.rating.at = timeFrom(query.value(17));
    return dialog;
}

Message messageFrom(const QSqlQuery &query)
{
    Message message;
    message.id = query.value(0).toLongLong();
    message.cid = query.value(1).toString();
    message.dialogId = query.value(2).toLongLong();
    message.author = protocol::authorFromString(query.value(3).toString());
    message.operatorId = query.value(4).isNull() ? 0 : query.value(4).toLongLong();
    message.authorName = query.value(5).toString();
    message.text = query.value(6).toString();
    message.at = timeFrom(query.value(7));
    message.event = query.value(8).toString();
    if (const QByteArray meta = query.value(9).toByteArray(); !meta.isEmpty())
        message.meta = QJsonDocument::fromJson(meta).object();
    if (!query.value(10).isNull()) {
        message.file = {FileRepository::urlFor(query.value(10).toString()), query.value(11).toString(),
                        query.value(12).toLongLong(), query.value(13).toString(), query.value(14).toInt() != 0,
                        query.value(15).toInt() != 0};
    }
    return message;
}

QString dialogSelect(const QString &where)
{
    return u"SELECT "_s + QLatin1StringView(kDialogColumns) + u" FROM dialogs "_s + where;
}

} // namespace

DialogRepository::DialogRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<Dialog> DialogRepository::find(qint64 dialogId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, dialogSelect(u"WHERE id = ?"_s), {dialogId}) || !query.next())
        return std::nullopt;
    return dialogFrom(query);
}

std::optional<Dialog> DialogRepository::openForVisitor(qint64 visitorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, dialogSelect(u"WHERE visitor_id = ? AND state != 'closed' ORDER BY id DESC LIMIT 1"_s),
                  {visitorId})
        || !query.next())
        return std::nullopt;
    return dialogFrom(query);
}

std::optional<Dialog> DialogRepository::latestClosedForVisitor(qint64 visitorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, dialogSelect(u"WHERE visitor_id = ? AND state = 'closed' ORDER BY id DESC LIMIT 1"_s),
                  {visitorId})
        || !query.next())
        return std::nullopt;
    return dialogFrom(query);
}

std::optional<Dialog> DialogRepository::create(qint64 visitorId, qint64 departmentId,
                                              const std::optional<protocol::ContactDetails> &offline)
{
    Dialog dialog;
    dialog.visitorId = visitorId;
    dialog.state = protocol::DialogState::Waiting;
    dialog.createdAt = QDateTime::currentDateTimeUtc();
    dialog.waitingSince = dialog.createdAt;
    const QVariant contact = offline ? QVariant(QJsonDocument(offline->toJson()).toJson(QJsonDocument::Compact))
                                     : QVariant();
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO dialogs (visitor_id, state, created_at, waiting_since, department_id, offline_contact) "
                  "VALUES (?, 'waiting', ?, ?, ?, ?)"_s,
                  {visitorId, timestampToJson(dialog.createdAt), timestampToJson(dialog.waitingSince),
                   nullableId(departmentId), contact}))
        return std::nullopt;
    dialog.id = query.lastInsertId().toLongLong();
    HistorySearchIndex::addDialog(m_db, dialog.id); // found by the visitor's name and the offline contact
    return find(dialog.id); // as stored: timestamps at the database's millisecond precision
}

bool DialogRepository::update(const Dialog &dialog)
{
    QSqlQuery query(m_db);
    return runQuery(query,
                    u"UPDATE dialogs SET state = ?, operator_id = ?, closed_at = ?, waiting_since = ?, "
                    "department_id = ?, language = ?, transfer_from = ?, transfer_from_name = ?, "
                    "transfer_comment = ?, transfer_at = ?, category_id = ?, rating_score = ?, rating_comment = ?, "
                    "rating_at = ? WHERE id = ?"_s,
                    {protocol::dialogStateToString(dialog.state), nullableId(dialog.operatorId),
                     nullableTime(dialog.closedAt), nullableTime(dialog.waitingSince),
                     nullableId(dialog.departmentId), dialog.language, nullableId(dialog.transfer.fromOperatorId),
                     dialog.transfer.fromName, dialog.transfer.comment, nullableTime(dialog.transfer.at),
                     nullableId(dialog.categoryId), dialog.rating.isValid() ? QVariant(dialog.rating.score) : QVariant(),
                     dialog.rating.comment, nullableTime(dialog.rating.at), dialog.id});
}

QList<Dialog> DialogRepository::openDialogs()
{
    QList<Dialog> list;
    QSqlQuery query(m_db);
    if (!runQuery(query, dialogSelect(u"WHERE state != 'closed' ORDER BY id"_s)))
        return list;
    while (query.next())
        list.append(dialogFrom(query));
    return list;
}

QHash<qint64, int> DialogRepository::openCountByOperator()
{
    QHash<qint64, int> counts;
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT operator_id, COUNT(*) FROM dialogs WHERE state != 'closed' "
                  "AND operator_id IS NOT NULL GROUP BY operator_id"_s))
        return counts;
    while (query.next())
        counts.insert(query.value(0).toLongLong(), query.value(1).toInt());
    return counts;
}

std::optional<Message> DialogRepository::findByCid(const QString &cid)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT "_s + QLatin1StringView(kMessageColumns) + QLatin1StringView(kMessageTables) + u"WHERE m.cid = ?"_s,
                  {cid})
        || !query.next())
        return std::nullopt;
    return messageFrom(query);
}

std::optional<Message> DialogRepository::insertMessage(Message message, qint64 fileId)
{
    // Millisecond precision on the wire and in the database: what we return is what we stored.
    message.at = timestampFromJson(timestampToJson(QDateTime::currentDateTimeUtc()));
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO messages (cid, dialog_id, author, operator_id, author_name, text, at, event, meta, "
                  "file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                  {message.cid, message.dialogId, protocol::authorToString(message.author),
                   nullableId(message.operatorId), message.authorName, message.text,
                   timestampToJson(message.at), message.event,
                   message.meta.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(message.meta).toJson(QJsonDocument::Compact)),
                   nullableId(fileId)}))
        return std::nullopt;
    message.id = query.lastInsertId().toLongLong();
    // Searchable at once (history search); a line that cannot be indexed is still stored.
    if (!m_lineIndexer)
        m_lineIndexer = std::make_shared<HistorySearchIndex::LineIndexer>(m_db);
    m_lineIndexer->add(message.id, message.text, message.file.name);
    return message;
}

std::optional<Message> DialogRepository::insertSystemLine(qint64 dialogId, const QString &event,
                                                         const QString &text, const QJsonObject &meta)
{
    Message line;
    line.cid = u"system-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    line.dialogId = dialogId;
    line.author = protocol::Author::System;
    line.text = text;
    line.event = event;
    line.meta = meta;
    return insertMessage(line);
}

QList<Message> DialogRepository::lastMessages(qint64 dialogId, int limit)
{
    QList<Message> list;
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kMessageColumns)
                      + QLatin1StringView(kMessageTables) + u"WHERE m.dialog_id = ? ORDER BY m.id DESC LIMIT ?"_s,
                  {dialogId, limit}))
        return list;
    while (query.next())
        list.append(messageFrom(query));
    std::reverse(list.begin(), list.end());
    return list;
}

QList<Message> DialogRepository::messagesBefore(qint64 dialogId, qint64 beforeMessageId, int limit)
{
    QList<Message> list;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kMessageColumns) + QLatin1StringView(kMessageTables)
                      + u"WHERE m.dialog_id = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?"_s,
                  {dialogId, beforeMessageId > 0 ? beforeMessageId : std::numeric_limits<qint64>::max(), limit}))
        return list;
    while (query.next())
        list.append(messageFrom(query));
    std::reverse(list.begin(), list.end());
    return list;
}

} // namespace concierge::server
