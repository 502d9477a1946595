// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorChat.h"

#include "ChatRepository.h"
#include "ClientConnection.h"
#include "EventFanout.h"
#include "RequestChecks.h"
#include "protocol/Json.h"

#include <QJsonArray>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Message;

namespace {
constexpr int kDefaultLines = 200;
constexpr int kMaxLines = 500;
} // namespace

OperatorChat::OperatorChat(ChatRepository &lines, EventFanout &fanout)
    : m_lines(lines)
    , m_fanout(fanout)
{
}

void OperatorChat::send(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame)
{
    const auto sent = checks::line(connection, frame);
    if (!sent)
        return;
    const auto original = m_lines.findByCid(sent->cid);
    if (checks::answeredAsRetry(connection, frame, original.has_value(), original && original->operatorId == me.id,
                                original ? original->toJson() : QJsonObject()))
        return;
    Message line;
    line.cid = sent->cid;
    line.operatorId = me.id;
    line.authorName = me.name;
    line.text = sent->text;
    const auto stored = m_lines.insert(line);
    if (!stored) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the message"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"message"_s, stored->toJson()}});
    m_fanout.chatLineStored(*stored);
}

void OperatorChat::history(ClientConnection *connection, const protocol::Frame &frame)
{
    const auto limit = checks::limit(connection, frame, kDefaultLines, kMaxLines);
    if (!limit)
        return;
    const qint64 beforeId = protocol::idFromJson(frame.object.value(u"beforeId"));
    QJsonArray messages;
    for (const Message &line : m_lines.lines(*limit, beforeId))
        messages.append(line.toJson());
    connection->sendResult(frame.rid, {{u"messages"_s, messages}});
}

} // namespace concierge::server
