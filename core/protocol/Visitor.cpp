// SPDX-License-Identifier: GPL-3.0-or-later
#include "Visitor.h"

#include "Json.h"

#include <QJsonArray>

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QJsonObject PageView::toJson() const
{
    return {{u"url"_s, url}, {u"title"_s, title}, {u"at"_s, timestampToJson(at)}};
}

PageView PageView::fromJson(const QJsonObject &object)
{
    return {object.value(u"url").toString(), object.value(u"title").toString(),
            timestampFromJson(object.value(u"at"))};
}

bool Utm::isEmpty() const
{
    return source.isEmpty() && medium.isEmpty() && campaign.isEmpty() && term.isEmpty()
        && content.isEmpty();
}

QJsonObject Utm::toJson() const
{
    QJsonObject object;
    const auto put = [&object](const QString &key, const QString &value) {
        if (!value.isEmpty())
            object.insert(key, value);
    };
    put(u"source"_s, source);
    put(u"medium"_s, medium);
    put(u"campaign"_s, campaign);
    put(u"term"_s, term);
    put(u"content"_s, content);
    return object;
}

Utm Utm::fromJson(const QJsonObject &object)
{
    return {object.value(u"source").toString(), object.value(u"medium").toString(),
            object.value(u"campaign").toString(), object.value(u"term").toString(),
            object.value(u"content").toString()};
}

QJsonObject Visitor::toJson() const
{
    QJsonArray pageArray;
    for (const PageView &page : pages)
        pageArray.append(page.toJson());
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"online"_s, online},
            {u"ip"_s, ip},
            {u"userAgent"_s, userAgent},
            {u"browser"_s, browser},
            {u"os"_s, os},
            {u"location"_s, location},
            {u"referrer"_s, referrer},
            {u"utm"_s, utm.toJson()},
            {u"currentPage"_s, currentPage.toJson()},
            {u"pages"_s, pageArray},
            {u"firstSeen"_s, timestampToJson(firstSeen)},
            {u"lastSeen"_s, timestampToJson(lastSeen)},
            {u"contact"_s, contact ? QJsonValue(contact->toJson()) : QJsonValue()},
            {u"banned"_s, banned}};
}

Visitor Visitor::fromJson(const QJsonObject &object)
{
    Visitor visitor;
    visitor.id = idFromJson(object.value(u"id"));
    visitor.name = object.value(u"name").toString();
    visitor.online = object.value(u"online").toBool();
    visitor.ip = object.value(u"ip").toString();
    visitor.userAgent = object.value(u"userAgent").toString();
    visitor.browser = object.value(u"browser").toString();
    visitor.os = object.value(u"os").toString();
    visitor.location = object.value(u"location").toString();
    visitor.referrer = object.value(u"referrer").toString();
    visitor.utm = Utm::fromJson(object.value(u"utm").toObject());
    visitor.currentPage = PageView::fromJson(object.value(u"currentPage").toObject());
    const QJsonArray pageArray = object.value(u"pages").toArray();
    visitor.pages.reserve(pageArray.size());
    for (const QJsonValue &page : pageArray)
        visitor.pages.append(PageView::fromJson(page.toObject()));
    visitor.firstSeen = timestampFromJson(object.value(u"firstSeen"));
    visitor.lastSeen = timestampFromJson(object.value(u"lastSeen"));
    if (object.value(u"contact").isObject())
        visitor.contact = ContactDetails::fromJson(object.value(u"contact").toObject());
    visitor.banned = object.value(u"banned").toBool();
    return visitor;
}

} // namespace concierge::protocol
