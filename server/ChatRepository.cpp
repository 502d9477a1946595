// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChatRepository.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Message;

namespace {

constexpr auto kColumns = "id, cid, operator_id, author_name, text, at";

Message lineFrom(const QSqlQuery &query)
{
    Message message;
    message.id = query.value(0).toLongLong();
    message.cid = query.value(1).toString();
    message.author = protocol::Author::Operator;
    message.operatorId = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
    message.authorName = query.value(3).toString();
    message.text = query.value(4).toString();
    message.at = protocol::timestampFromJson(query.value(5).toString());
    return message;
}

} // namespace

ChatRepository::ChatRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<Message> ChatRepository::findByCid(const QString &cid)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT "_s + QLatin1StringView(kColumns) + u" FROM chat_messages WHERE cid = ?"_s, {cid})
        || !query.next())
        return std::nullopt;
    return lineFrom(query);
}

std::optional<Message> ChatRepository::insert(Message message)
{
    message.dialogId = 0;
    message.author = protocol::Author::Operator;
    message.at = protocol::timestampFromJson(protocol::timestampToJson(QDateTime::currentDateTimeUtc()));
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO chat_messages (cid, operator_id, author_name, text, at) VALUES (?, ?, ?, ?, ?)"_s,
                  {message.cid, message.operatorId > 0 ? QVariant(message.operatorId) : QVariant(),
                   message.authorName, message.text, protocol::timestampToJson(message.at)}))
        return std::nullopt;
    message.id = query.lastInsertId().toLongLong();
    return message;
}

QList<Message> ChatRepository::lines(int limit, qint64 beforeId)
{
    QList<Message> list;
    QSqlQuery query(m_db);
    const qint64 before = beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kColumns)
                      + u" FROM chat_messages WHERE id < ? ORDER BY id DESC LIMIT ?"_s,
                  {before, limit}))
        return list;
    while (query.next())
        list.append(lineFrom(query));
    std::reverse(list.begin(), list.end());
    return list;
}

} // namespace concierge::server
