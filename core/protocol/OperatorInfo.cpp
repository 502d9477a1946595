// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorInfo.h"

#include "Json.h"

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QString operatorStatusToString(OperatorStatus status)
{
    return status == OperatorStatus::Online ? u"online"_s : u"offline"_s;
}

OperatorStatus operatorStatusFromString(const QString &text)
{
    return text == u"online" ? OperatorStatus::Online : OperatorStatus::Offline;
}

QJsonObject OperatorInfo::toJson() const
{
    return {{u"id"_s, id},
            {u"email"_s, email},
            {u"name"_s, name},
            {u"status"_s, operatorStatusToString(status)},
            {u"maxDialogs"_s, maxDialogs}};
}

OperatorInfo OperatorInfo::fromJson(const QJsonObject &object)
{
    OperatorInfo info;
    info.id = idFromJson(object.value(u"id"));
    info.email = object.value(u"email").toString();
    info.name = object.value(u"name").toString();
    info.status = operatorStatusFromString(object.value(u"status").toString());
    info.maxDialogs = object.value(u"maxDialogs").toInt(5);
    return info;
}

} // namespace concierge::protocol
