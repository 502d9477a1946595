// SPDX-License-Identifier: GPL-3.0-or-later
#include "Moderation.h"

#include "Json.h"

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QJsonObject Category::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}};
}

Category Category::fromJson(const QJsonObject &object)
{
    return {idFromJson(object.value(u"id")), object.value(u"name").toString()};
}

QJsonObject Ban::toJson() const
{
    return {{u"id"_s, id},
            {u"visitorId"_s, idToJson(visitorId)},
            {u"ip"_s, ip},
            {u"reason"_s, reason},
            {u"bannedBy"_s, bannedBy},
            {u"at"_s, timestampToJson(at)},
            {u"expiresAt"_s, expiresAt.isValid() ? QJsonValue(timestampToJson(expiresAt)) : QJsonValue()}};
}

Ban Ban::fromJson(const QJsonObject &object)
{
    Ban ban;
    ban.id = idFromJson(object.value(u"id"));
    ban.visitorId = idFromJson(object.value(u"visitorId"));
    ban.ip = object.value(u"ip").toString();
    ban.reason = object.value(u"reason").toString();
    ban.bannedBy = object.value(u"bannedBy").toString();
    ban.at = timestampFromJson(object.value(u"at"));
    if (object.value(u"expiresAt").isString())
        ban.expiresAt = timestampFromJson(object.value(u"expiresAt"));
    return ban;
}

} // namespace concierge::protocol
