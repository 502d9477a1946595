// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventFanout.h"

#include "OperatorRepository.h"
#include "SessionRegistry.h"
#include "VisitorRepository.h"

#include <QSet>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::Message;
using protocol::OperatorInfo;
using protocol::OperatorStatus;

EventFanout::EventFanout(SessionRegistry &sessions, OperatorRepository &operators,
                         VisitorRepository &visitors)
    : m_sessions(sessions)
    , m_operators(operators)
    , m_visitors(visitors)
{
}

bool EventFanout::canSee(qint64 operatorId, const Dialog &dialog)
{
    return dialog.operatorId == 0 || dialog.operatorId == operatorId;
}

bool EventFanout::isOperatorOnline(const OperatorInfo &info) const
{
    return info.status == OperatorStatus::Online && m_sessions.isOperatorConnected(info.id);
}

QJsonObject EventFanout::visitorDialogJson(const Dialog &dialog)
{
    QString operatorName;
    if (dialog.operatorId > 0) {
        if (const auto info = m_operators.find(dialog.operatorId))
            operatorName = info->name;
    }
    return {{u"id"_s, dialog.id},
            {u"state"_s, protocol::dialogStateToString(dialog.state)},
            {u"operatorName"_s, operatorName}};
}

QJsonObject EventFanout::visitorMessageJson(const Message &message)
{
    QJsonObject json = message.toJson();
    json.insert(u"operatorId"_s, QJsonValue::Null); // visitor-safe: the display name only
    return json;
}

std::optional<QJsonObject> EventFanout::visitorJson(qint64 visitorId)
{
    auto visitor = m_visitors.load(visitorId);
    if (!visitor)
        return std::nullopt;
    visitor->online = m_sessions.isVisitorOnline(visitorId);
    return visitor->toJson();
}

void EventFanout::dialogChanged(const Dialog &dialog)
{
    m_sessions.pushToOperators(u"dialog.updated"_s, {{u"dialog"_s, dialog.toJson()}});
    m_sessions.pushToVisitor(dialog.visitorId, u"dialog.updated"_s, {{u"dialog"_s, visitorDialogJson(dialog)}});
}

void EventFanout::messageStored(const Message &message, const Dialog &dialog)
{
    m_sessions.pushToOperators(u"message.new"_s, {{u"message"_s, message.toJson()}},
                               [&dialog](qint64 operatorId) { return canSee(operatorId, dialog); });
    m_sessions.pushToVisitor(dialog.visitorId, u"message.new"_s, {{u"message"_s, visitorMessageJson(message)}});
}

void EventFanout::visitorChanged(qint64 visitorId)
{
    if (const auto json = visitorJson(visitorId))
        m_sessions.pushToOperators(u"visitor.updated"_s, {{u"visitor"_s, *json}});
}

void EventFanout::operatorChanged(const OperatorInfo &info)
{
    m_sessions.pushToOperators(u"operator.updated"_s, {{u"operator"_s, info.toJson()}});
}

void EventFanout::visitorTyping(const Dialog &dialog, bool typing)
{
    QSet<qint64> online;
    if (dialog.operatorId == 0) {
        for (const OperatorInfo &info : m_operators.all()) {
            if (isOperatorOnline(info))
                online.insert(info.id);
        }
    }
    const QJsonObject data{{u"dialogId"_s, dialog.id}, {u"author"_s, u"visitor"_s}, {u"typing"_s, typing}};
    m_sessions.pushToOperators(u"typing"_s, data, [&](qint64 operatorId) {
        return dialog.operatorId == 0 ? online.contains(operatorId) : dialog.operatorId == operatorId;
    });
}

void EventFanout::operatorTyping(const Dialog &dialog, bool typing)
{
    m_sessions.pushToVisitor(dialog.visitorId, u"typing"_s, {{u"author"_s, u"operator"_s}, {u"typing"_s, typing}});
}

bool EventFanout::operatorsAvailable()
{
    const QList<qint64> connected = m_sessions.connectedOperators();
    for (const qint64 id : connected) {
        const auto info = m_operators.find(id);
        if (info && info->status == OperatorStatus::Online)
            return true;
    }
    return false;
}

void EventFanout::refreshAvailability()
{
    const bool available = operatorsAvailable();
    if (m_lastAvailable == available)
        return;
    m_lastAvailable = available;
    m_sessions.pushToAllVisitors(u"operators.available"_s, {{u"available"_s, available}});
}

} // namespace concierge::server
