// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dialog.h"

#include "Json.h"

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QString dialogStateToString(DialogState state)
{
    switch (state) {
    case DialogState::Waiting: return u"waiting"_s;
    case DialogState::Active: return u"active"_s;
    case DialogState::Closed: return u"closed"_s;
    }
    return u"closed"_s;
}

DialogState dialogStateFromString(const QString &text)
{
    if (text == u"waiting")
        return DialogState::Waiting;
    if (text == u"active")
        return DialogState::Active;
    return DialogState::Closed;
}

QJsonObject Dialog::toJson() const
{
    return {{u"id"_s, id},
            {u"visitorId"_s, visitorId},
            {u"operatorId"_s, idToJson(operatorId)},
            {u"state"_s, dialogStateToString(state)},
            {u"createdAt"_s, timestampToJson(createdAt)},
            {u"closedAt"_s, closedAt.isValid() ? QJsonValue(timestampToJson(closedAt)) : QJsonValue()},
            {u"waitingSince"_s,
             waitingSince.isValid() ? QJsonValue(timestampToJson(waitingSince)) : QJsonValue()}};
}

Dialog Dialog::fromJson(const QJsonObject &object)
{
    Dialog dialog;
    dialog.id = idFromJson(object.value(u"id"));
    dialog.visitorId = idFromJson(object.value(u"visitorId"));
    dialog.operatorId = idFromJson(object.value(u"operatorId"));
    dialog.state = dialogStateFromString(object.value(u"state").toString());
    dialog.createdAt = timestampFromJson(object.value(u"createdAt"));
    if (object.value(u"closedAt").isString())
        dialog.closedAt = timestampFromJson(object.value(u"closedAt"));
    if (object.value(u"waitingSince").isString())
        dialog.waitingSince = timestampFromJson(object.value(u"waitingSince"));
    return dialog;
}

} // namespace concierge::protocol
