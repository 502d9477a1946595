// SPDX-License-Identifier: GPL-3.0-or-later
#include "Template.h"

#include "Json.h"

#include <QJsonArray>

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QString templateScopeToString(TemplateScope scope)
{
    return scope == TemplateScope::Shared ? u"shared"_s : u"personal"_s;
}

TemplateScope templateScopeFromString(const QString &text)
{
    // Unknown text (a newer server) reads as personal: it is then never offered to colleagues.
    return text == u"shared" ? TemplateScope::Shared : TemplateScope::Personal;
}

QJsonObject Template::toJson() const
{
    QJsonObject object{{u"id"_s, id},
                       {u"scope"_s, templateScopeToString(scope)},
                       {u"departmentId"_s, idToJson(departmentId)},
                       {u"ownerId"_s, idToJson(ownerId)},
                       {u"title"_s, title},
                       {u"text"_s, text},
                       {u"tags"_s, QJsonArray::fromStringList(tags)},
                       {u"revision"_s, revision},
                       {u"updatedAt"_s, updatedAt.isValid() ? QJsonValue(timestampToJson(updatedAt)) : QJsonValue()},
                       {u"updatedBy"_s, updatedBy}};
    if (deleted)
        object.insert(u"deleted"_s, true);
    return object;
}

Template Template::fromJson(const QJsonObject &object)
{
    Template item;
    item.id = idFromJson(object.value(u"id"));
    item.scope = templateScopeFromString(object.value(u"scope").toString());
    item.departmentId = idFromJson(object.value(u"departmentId"));
    item.ownerId = idFromJson(object.value(u"ownerId"));
    item.title = object.value(u"title").toString();
    item.text = object.value(u"text").toString();
    for (const QJsonValue &tag : object.value(u"tags").toArray())
        item.tags.append(tag.toString());
    item.revision = object.value(u"revision").toInteger();
    if (object.value(u"updatedAt").isString())
        item.updatedAt = timestampFromJson(object.value(u"updatedAt"));
    item.updatedBy = object.value(u"updatedBy").toString();
    item.deleted = object.value(u"deleted").toBool();
    return item;
}

} // namespace concierge::protocol
