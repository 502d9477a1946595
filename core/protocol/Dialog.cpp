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

QJsonObject ContactDetails::toJson() const
{
    return {{u"name"_s, name}, {u"email"_s, email}, {u"phone"_s, phone}};
}

ContactDetails ContactDetails::fromJson(const QJsonObject &object)
{
    return {object.value(u"name").toString(), object.value(u"email").toString(), object.value(u"phone").toString()};
}

QJsonObject Dialog::toJson() const
{
    QJsonValue transferJson;
    if (transfer.isValid()) {
        transferJson = QJsonObject{{u"fromOperatorId"_s, idToJson(transfer.fromOperatorId)},
                                   {u"fromName"_s, transfer.fromName},
                                   {u"comment"_s, transfer.comment},
                                   {u"at"_s, timestampToJson(transfer.at)}};
    }
    QJsonValue ratingJson;
    if (rating.isValid()) {
        ratingJson = QJsonObject{{u"score"_s, rating.score},
                                 {u"comment"_s, rating.comment},
                                 {u"at"_s, rating.at.isValid() ? QJsonValue(timestampToJson(rating.at)) : QJsonValue()}};
    }
    return {{u"id"_s, id},
            {u"visitorId"_s, visitorId},
            {u"operatorId"_s, idToJson(operatorId)},
            {u"state"_s, dialogStateToString(state)},
            {u"createdAt"_s, timestampToJson(createdAt)},
            {u"closedAt"_s, closedAt.isValid() ? QJsonValue(timestampToJson(closedAt)) : QJsonValue()},
            {u"waitingSince"_s,
             waitingSince.isValid() ? QJsonValue(timestampToJson(waitingSince)) : QJsonValue()},
            {u"departmentId"_s, idToJson(departmentId)},
            {u"language"_s, language},
            {u"offline"_s, offline ? QJsonValue(offline->toJson()) : QJsonValue()},
            {u"transfer"_s, transferJson},
            {u"categoryId"_s, idToJson(categoryId)},
            {u"rating"_s, ratingJson}};
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
    dialog.departmentId = idFromJson(object.value(u"departmentId"));
    dialog.language = object.value(u"language").toString();
    if (object.value(u"offline").isObject())
        dialog.offline = ContactDetails::fromJson(object.value(u"offline").toObject());
    if (const QJsonObject transfer = object.value(u"transfer").toObject(); !transfer.isEmpty()) {
        dialog.transfer.fromOperatorId = idFromJson(transfer.value(u"fromOperatorId"));
        dialog.transfer.fromName = transfer.value(u"fromName").toString();
        dialog.transfer.comment = transfer.value(u"comment").toString();
        dialog.transfer.at = timestampFromJson(transfer.value(u"at"));
    }
    dialog.categoryId = idFromJson(object.value(u"categoryId"));
    if (const QJsonObject rating = object.value(u"rating").toObject(); !rating.isEmpty()) {
        dialog.rating.score = rating.value(u"score").toInt();
        dialog.rating.comment = rating.value(u"comment").toString();
        if (rating.value(u"at").isString())
            dialog.rating.at = timestampFromJson(rating.value(u"at"));
    }
    return dialog;
}

} // namespace concierge::protocol
