// SPDX-License-Identifier: GPL-3.0-or-later
#include "TransferTarget.h"

#include "Json.h"

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QJsonObject TransferTarget::toJson() const
{
    switch (kind) {
    case Kind::Operator: return {{u"operatorId"_s, id}};
    case Kind::Department: return {{u"departmentId"_s, id}};
    case Kind::Language: return {{u"language"_s, language}};
    case Kind::Queue: return {{u"queue"_s, true}};
    }
    return {{u"queue"_s, true}};
}

std::optional<TransferTarget> TransferTarget::fromJson(const QJsonObject &object)
{
    std::optional<TransferTarget> found;
    int named = 0;
    if (object.value(u"operatorId").isDouble() && idFromJson(object.value(u"operatorId")) > 0) {
        found = toOperator(idFromJson(object.value(u"operatorId")));
        ++named;
    }
    if (object.value(u"departmentId").isDouble() && idFromJson(object.value(u"departmentId")) > 0) {
        found = toDepartment(idFromJson(object.value(u"departmentId")));
        ++named;
    }
    if (object.value(u"language").isString() && !object.value(u"language").toString().trimmed().isEmpty()) {
        found = toLanguage(object.value(u"language").toString().trimmed().toLower());
        ++named;
    }
    if (object.value(u"queue").toBool()) {
        found = toQueue();
        ++named;
    }
    if (named != 1)
        return std::nullopt;
    return found;
}

} // namespace concierge::protocol
