// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorInfo.h"

#include "Json.h"

#include <QJsonArray>

namespace concierge::protocol {

using namespace Qt::StringLiterals;

namespace {
struct StatusName
{
    OperatorStatus status;
    QStringView name;
};
constexpr StatusName kStatusNames[] = {
    {OperatorStatus::Online, u"online"},       {OperatorStatus::Invisible, u"invisible"},
    {OperatorStatus::BeforeLunch, u"before_lunch"}, {OperatorStatus::Lunch, u"lunch"},
    {OperatorStatus::Break, u"break"},         {OperatorStatus::Offline, u"offline"},
};
} // namespace

QString operatorStatusToString(OperatorStatus status)
{
    for (const StatusName &entry : kStatusNames) {
        if (entry.status == status)
            return entry.name.toString();
    }
    return u"offline"_s;
}

OperatorStatus operatorStatusFromString(const QString &text)
{
    for (const StatusName &entry : kStatusNames) {
        if (entry.name == text)
            return entry.status;
    }
    return OperatorStatus::Offline;
}

QList<OperatorStatus> allOperatorStatuses()
{
    QList<OperatorStatus> list;
    for (const StatusName &entry : kStatusNames)
        list.append(entry.status);
    return list;
}

bool isValidOperatorStatus(const QString &text)
{
    for (const StatusName &entry : kStatusNames) {
        if (entry.name == text)
            return true;
    }
    return false;
}

QString operatorRoleToString(OperatorRole role)
{
    switch (role) {
    case OperatorRole::Operator: return u"operator"_s;
    case OperatorRole::Supervisor: return u"supervisor"_s;
    case OperatorRole::Admin: return u"admin"_s;
    }
    return u"operator"_s;
}

OperatorRole operatorRoleFromString(const QString &text)
{
    if (text == u"supervisor")
        return OperatorRole::Supervisor;
    if (text == u"admin")
        return OperatorRole::Admin;
    return OperatorRole::Operator; // unknown: the least privileged
}

QJsonObject OperatorInfo::toJson() const
{
    QJsonArray departments;
    for (const qint64 department : departmentIds)
        departments.append(department);
    return {{u"id"_s, id},
            {u"email"_s, email},
            {u"name"_s, name},
            {u"status"_s, operatorStatusToString(status)},
            {u"maxDialogs"_s, maxDialogs},
            {u"role"_s, operatorRoleToString(role)},
            {u"languages"_s, QJsonArray::fromStringList(languages)},
            {u"departmentIds"_s, departments},
            {u"connected"_s, connected},
            {u"statusSince"_s, statusSince.isValid() ? QJsonValue(timestampToJson(statusSince)) : QJsonValue()},
            {u"avatarUrl"_s, avatarUrl}};
}

OperatorInfo OperatorInfo::fromJson(const QJsonObject &object)
{
    OperatorInfo info;
    info.id = idFromJson(object.value(u"id"));
    info.email = object.value(u"email").toString();
    info.name = object.value(u"name").toString();
    info.status = operatorStatusFromString(object.value(u"status").toString());
    info.maxDialogs = object.value(u"maxDialogs").toInt(5);
    info.role = operatorRoleFromString(object.value(u"role").toString());
    for (const QJsonValue &language : object.value(u"languages").toArray())
        info.languages.append(language.toString());
    for (const QJsonValue &department : object.value(u"departmentIds").toArray())
        info.departmentIds.append(idFromJson(department));
    info.connected = object.value(u"connected").toBool();
    if (object.value(u"statusSince").isString())
        info.statusSince = timestampFromJson(object.value(u"statusSince"));
    info.avatarUrl = object.value(u"avatarUrl").toString();
    return info;
}

QJsonObject Department::toJson() const
{
    return {{u"id"_s, id}, {u"name"_s, name}, {u"available"_s, available}};
}

Department Department::fromJson(const QJsonObject &object)
{
    return {idFromJson(object.value(u"id")), object.value(u"name").toString(),
            object.value(u"available").toBool()};
}

} // namespace concierge::protocol
