// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRequests.h"

#include "ClientConnection.h"
#include "DialogRepository.h"
#include "EventFanout.h"
#include "RequestChecks.h"

#include <QJsonArray>

#include <algorithm>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::Message;
using protocol::OperatorInfo;

namespace {

constexpr int kDefaultLines = 200;
constexpr int kMaxLines = 500;

/// Optional `limit`: absent or null → \a fallback; a number outside 1…\a max is clamped into it;
/// anything else → bad_request.
std::optional<int> clampedLimit(ClientConnection *connection, const Frame &frame, int fallback, int max)
{
    const QJsonValue value = frame.object.value(u"limit");
    if (value.isUndefined() || value.isNull())
        return fallback;
    if (!value.isDouble()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"limit\" must be a number"_s);
        return std::nullopt;
    }
    return int(std::clamp(value.toDouble(), 1.0, double(max)));
}

/// Optional `beforeId`: absent or null → 0 (from the newest); else a positive integer.
std::optional<qint64> beforeId(ClientConnection *connection, const Frame &frame)
{
    const QJsonValue value = frame.object.value(u"beforeId");
    if (value.isUndefined() || value.isNull())
        return 0;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number != double(qint64(number))) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"beforeId\" must be a positive id"_s);
        return std::nullopt;
    }
    return qint64(number);
}

QJsonArray toJson(const QList<Message> &messages)
{
    QJsonArray array;
    for (const Message &message : messages)
        array.append(message.toJson());
    return array;
}

} // namespace

HistoryRequests::HistoryRequests(HistoryRepository &history, DialogRepository &dialogs, EventFanout &fanout)
    : m_history(history)
    , m_dialogs(dialogs)
    , m_fanout(fanout)
{
}

HistoryRepository::Viewer HistoryRequests::viewerFor(const OperatorInfo &me)
{
    return {me.id, me.supervises()};
}

void HistoryRequests::page(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto before = beforeId(connection, frame);
    if (!before)
        return;
    const auto limit = clampedLimit(connection, frame, HistoryRepository::kDefaultLimit,
                                    HistoryRepository::kMaxPageLimit);
    if (!limit)
        return;
    const HistoryRepository::Viewer viewer = viewerFor(me);
    const HistoryRepository::Page page = m_history.page(viewer, *before, *limit);
    QJsonArray dialogs;
    for (const protocol::HistoryDialog &item : page.dialogs)
        dialogs.append(item.toJson());
    connection->sendResult(frame.rid, {{u"dialogs"_s, dialogs},
                                       {u"messages"_s, toJson(page.messages)},
                                       {u"nextBeforeId"_s, page.nextBeforeId},
                                       {u"total"_s, m_history.total(viewer)}});
}

void HistoryRequests::search(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue query = frame.object.value(u"query");
    if (!query.isUndefined() && !query.isNull() && !query.isString()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"query\" must be text"_s);
        return;
    }
    const QString text = query.toString();
    if (text.size() > HistoryRepository::kMaxQueryLength) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"The search may hold at most %1 characters; this one has %2"_s
                                  .arg(HistoryRepository::kMaxQueryLength)
                                  .arg(text.size()));
        return;
    }
    const auto before = beforeId(connection, frame);
    if (!before)
        return;
    const auto limit = clampedLimit(connection, frame, HistoryRepository::kDefaultLimit,
                                    HistoryRepository::kMaxSearchLimit);
    if (!limit)
        return;
    // Unknown or mistyped filter fields count as absent (the contract): no error for them.
    const auto filter = protocol::HistoryFilter::fromJson(frame.object.value(u"filter").toObject());
    const HistoryRepository::SearchPage found = m_history.search(viewerFor(me), text, filter, *before, *limit);
    QJsonArray hits;
    for (const protocol::HistoryHit &hit : found.hits)
        hits.append(hit.toJson());
    connection->sendResult(frame.rid, {{u"hits"_s, hits}, {u"nextBeforeId"_s, found.nextBeforeId}});
}

void HistoryRequests::dialog(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    const auto found = m_history.dialog(viewerFor(me), *dialogId);
    if (!found) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such dialog in your history"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"dialog"_s, found->dialog.toJson()}, {u"messages"_s, toJson(found->messages)}});
}

void HistoryRequests::lines(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    const auto limit = checks::limit(connection, frame, kDefaultLines, kMaxLines);
    if (!limit)
        return;
    const auto before = beforeId(connection, frame);
    if (!before)
        return;
    // Live access (an open dialog of a colleague, while others' dialogs are shown) or the history
    // (a dialog the operator transferred away): the backfill fetches a truncated dialog's rest here.
    const auto dialog = m_dialogs.find(*dialogId);
    if (!dialog || (!m_fanout.canSee(me, *dialog) && !m_history.canView(viewerFor(me), dialog->id))) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such dialog"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"messages"_s, toJson(m_history.lines(dialog->id, *before, *limit))}});
}

} // namespace concierge::server
