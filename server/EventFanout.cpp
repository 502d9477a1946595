// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventFanout.h"

#include "ModerationRepository.h"
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

EventFanout::EventFanout(SessionRegistry &sessions, OperatorRepository &operators, VisitorRepository &visitors,
                         ModerationRepository &moderation, bool hideOthersDialogs)
    : m_sessions(sessions)
    , m_operators(operators)
    , m_visitors(visitors)
    , m_moderation(moderation)
    , m_hideOthersDialogs(hideOthersDialogs)
{
}

bool EventFanout::canSee(const OperatorInfo &viewer, const Dialog &dialog) const
{
    return dialog.operatorId == 0 || dialog.operatorId == viewer.id || viewer.supervises() || !m_hideOthersDialogs;
}

bool EventFanout::canChange(const OperatorInfo &viewer, const Dialog &dialog)
{
    return dialog.isOpen() && viewer.mayWork() && (dialog.operatorId == 0 || dialog.operatorId == viewer.id);
}

std::optional<OperatorInfo> EventFanout::operatorInfo(qint64 operatorId)
{
    auto info = m_operators.find(operatorId);
    if (info)
        info->connected = m_sessions.isOperatorConnected(operatorId);
    return info;
}

QList<OperatorInfo> EventFanout::allOperators()
{
    QList<OperatorInfo> list = m_operators.all();
    for (OperatorInfo &info : list)
        info.connected = m_sessions.isOperatorConnected(info.id);
    return list;
}

QHash<qint64, OperatorInfo> EventFanout::operatorsById()
{
    QHash<qint64, OperatorInfo> byId;
    for (const OperatorInfo &info : m_operators.all())
        byId.insert(info.id, info);
    return byId;
}

QJsonObject EventFanout::visitorDialogJson(const Dialog &dialog)
{
    QString operatorName;
    QString operatorAvatarUrl;
    if (dialog.operatorId > 0) {
        if (const auto info = m_operators.find(dialog.operatorId)) {
            operatorName = info->name;
            operatorAvatarUrl = info->avatarUrl;
        }
    }
    return {{u"id"_s, dialog.id},
            {u"state"_s, protocol::dialogStateToString(dialog.state)},
            {u"operatorName"_s, operatorName},
            {u"operatorAvatarUrl"_s, operatorAvatarUrl}};
}

QJsonObject EventFanout::visitorMessageJson(const Message &message)
{
    QJsonObject json = message.toJson();
    json.insert(u"operatorId"_s, QJsonValue::Null); // visitor-safe: the display name only
    if (!message.event.isEmpty()) {
        // Transfers and take-overs name colleagues and carry internal comments: the widget words
        // the line itself.
        json.insert(u"text"_s, QString());
        json.insert(u"meta"_s, QJsonObject());
    }
    return json;
}

std::optional<QJsonObject> EventFanout::visitorJson(qint64 visitorId)
{
    auto visitor = m_visitors.load(visitorId);
    if (!visitor)
        return std::nullopt;
    visitor->online = m_sessions.isVisitorOnline(visitorId);
    visitor->banned = m_moderation.banInForce(visitorId, visitor->ip).has_value();
    return visitor->toJson();
}

void EventFanout::dialogChanged(const Dialog &dialog, qint64 previousOperatorId)
{
    if (!m_hideOthersDialogs) { // everyone sees every dialog: no need to look at who they are
        m_sessions.pushToOperators(u"dialog.updated"_s, {{u"dialog"_s, dialog.toJson()}});
        m_sessions.pushToVisitor(dialog.visitorId, u"dialog.updated"_s, {{u"dialog"_s, visitorDialogJson(dialog)}});
        return;
    }
    const QHash<qint64, OperatorInfo> viewers = operatorsById();
    Dialog before = dialog;
    if (previousOperatorId >= 0)
        before.operatorId = previousOperatorId;
    m_sessions.pushToOperators(u"dialog.updated"_s, {{u"dialog"_s, dialog.toJson()}}, [&](qint64 operatorId) {
        const auto viewer = viewers.constFind(operatorId);
        return viewer != viewers.cend() && (canSee(*viewer, dialog) || canSee(*viewer, before));
    });
    m_sessions.pushToVisitor(dialog.visitorId, u"dialog.updated"_s, {{u"dialog"_s, visitorDialogJson(dialog)}});
}

void EventFanout::messageStored(const Message &message, const Dialog &dialog)
{
    if (m_hideOthersDialogs) {
        const QHash<qint64, OperatorInfo> viewers = operatorsById();
        m_sessions.pushToOperators(u"message.new"_s, {{u"message"_s, message.toJson()}}, [&](qint64 operatorId) {
            const auto viewer = viewers.constFind(operatorId);
            return viewer != viewers.cend() && canSee(*viewer, dialog);
        });
    } else {
        m_sessions.pushToOperators(u"message.new"_s, {{u"message"_s, message.toJson()}});
    }
    if (!message.isOperatorOnly()) // mail sent or failed: the visitor never hears of it
        m_sessions.pushToVisitor(dialog.visitorId, u"message.new"_s, {{u"message"_s, visitorMessageJson(message)}});
}

void EventFanout::chatLineStored(const Message &line)
{
    m_sessions.pushToOperators(u"chat.message"_s, {{u"message"_s, line.toJson()}});
}

void EventFanout::visitorChanged(qint64 visitorId)
{
    if (const auto json = visitorJson(visitorId))
        m_sessions.pushToOperators(u"visitor.updated"_s, {{u"visitor"_s, *json}});
}

void EventFanout::operatorChanged(qint64 operatorId)
{
    if (const auto info = operatorInfo(operatorId))
        m_sessions.pushToOperators(u"operator.updated"_s, {{u"operator"_s, info->toJson()}});
}

void EventFanout::operatorLookChanged(qint64 operatorId, const QList<Dialog> &openDialogs)
{
    for (const Dialog &dialog : openDialogs) {
        if (dialog.operatorId == operatorId)
            m_sessions.pushToVisitor(dialog.visitorId, u"dialog.updated"_s, {{u"dialog"_s, visitorDialogJson(dialog)}});
    }
}

void EventFanout::visitorTyping(const Dialog &dialog, bool typing)
{
    QHash<qint64, OperatorInfo> viewers;
    for (const OperatorInfo &info : allOperators())
        viewers.insert(info.id, info);
    const QJsonObject data{{u"dialogId"_s, dialog.id}, {u"author"_s, u"visitor"_s}, {u"typing"_s, typing}};
    m_sessions.pushToOperators(u"typing"_s, data, [&](qint64 operatorId) {
        const auto viewer = viewers.constFind(operatorId);
        if (viewer == viewers.cend())
            return false;
        if (dialog.operatorId == 0) // unassigned: whoever could pick it up now
            return viewer->takesNewDialogs();
        return canSee(*viewer, dialog); // the assigned operator and those watching
    });
}

void EventFanout::operatorTyping(const Dialog &dialog, bool typing)
{
    m_sessions.pushToVisitor(dialog.visitorId, u"typing"_s, {{u"author"_s, u"operator"_s}, {u"typing"_s, typing}});
}

QJsonObject EventFanout::refreshAvailability()
{
    // One pass over the operators: every visitor page load asks this.
    bool anyone = false;
    QSet<qint64> staffed;
    for (const OperatorInfo &info : allOperators()) {
        if (!info.takesNewDialogs())
            continue;
        anyone = true;
        for (const qint64 department : info.departmentIds)
            staffed.insert(department);
    }
    QJsonArray departments;
    for (protocol::Department department : m_operators.departments()) {
        department.available = staffed.contains(department.id);
        departments.append(department.toJson());
    }
    const QJsonObject availability{{u"available"_s, anyone}, {u"departments"_s, departments}};
    if (m_lastAvailability != availability) {
        m_lastAvailability = availability;
        m_sessions.pushToAllVisitors(u"operators.available"_s, availability);
    }
    return availability;
}

} // namespace concierge::server
