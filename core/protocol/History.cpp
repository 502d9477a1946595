// SPDX-License-Identifier: GPL-3.0-or-later
#include "History.h"

#include "Json.h"

#include <QJsonArray>
#include <QTimeZone>

namespace concierge::protocol {

using namespace Qt::StringLiterals;

namespace {

QString dateToJson(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

QDate dateFromJson(const QJsonValue &value)
{
    return QDate::fromString(value.toString(), Qt::ISODate); // invalid text: null (no limit)
}

QTimeZone zoneOf(const QByteArray &id)
{
    const QTimeZone zone(id);
    return id.isEmpty() || !zone.isValid() ? QTimeZone::utc() : zone;
}

} // namespace

QDateTime HistoryFilter::fromInstant() const
{
    return from.isValid() ? from.startOfDay(zoneOf(timeZone)) : QDateTime();
}

QDateTime HistoryFilter::toInstantExclusive() const
{
    return to.isValid() ? to.addDays(1).startOfDay(zoneOf(timeZone)) : QDateTime();
}

QJsonObject HistoryDialog::toJson() const
{
    QJsonObject object{{u"dialog"_s, dialog.toJson()},
                       {u"visitor"_s, visitor.toJson()},
                       {u"operatorName"_s, operatorName},
                       {u"departmentName"_s, departmentName},
                       {u"categoryName"_s, categoryName},
                       {u"messageCount"_s, messageCount}};
    if (messagesTruncated)
        object.insert(u"messagesTruncated"_s, true);
    return object;
}

HistoryDialog HistoryDialog::fromJson(const QJsonObject &object)
{
    HistoryDialog item;
    item.dialog = Dialog::fromJson(object.value(u"dialog").toObject());
    item.visitor = Visitor::fromJson(object.value(u"visitor").toObject());
    item.operatorName = object.value(u"operatorName").toString();
    item.departmentName = object.value(u"departmentName").toString();
    item.categoryName = object.value(u"categoryName").toString();
    item.messageCount = object.value(u"messageCount").toInt();
    item.messagesTruncated = object.value(u"messagesTruncated").toBool();
    return item;
}

QJsonObject HistoryFilter::toJson() const
{
    QJsonObject object;
    if (from.isValid())
        object.insert(u"from"_s, dateToJson(from));
    if (to.isValid())
        object.insert(u"to"_s, dateToJson(to));
    if (!timeZone.isEmpty() && (from.isValid() || to.isValid()))
        object.insert(u"timeZone"_s, QString::fromLatin1(timeZone));
    if (operatorId > 0)
        object.insert(u"operatorId"_s, operatorId);
    if (departmentId > 0)
        object.insert(u"departmentId"_s, departmentId);
    if (categoryId > 0)
        object.insert(u"categoryId"_s, categoryId);
    if (rating > 0)
        object.insert(u"rating"_s, rating);
    if (withContactOnly)
        object.insert(u"withContact"_s, true);
    if (offlineOnly)
        object.insert(u"offline"_s, true);
    return object;
}

HistoryFilter HistoryFilter::fromJson(const QJsonObject &object)
{
    HistoryFilter filter;
    filter.from = dateFromJson(object.value(u"from"));
    filter.to = dateFromJson(object.value(u"to"));
    filter.timeZone = object.value(u"timeZone").toString().toLatin1();
    filter.operatorId = idFromJson(object.value(u"operatorId"));
    filter.departmentId = idFromJson(object.value(u"departmentId"));
    filter.categoryId = idFromJson(object.value(u"categoryId"));
    const int rating = object.value(u"rating").toInt();
    filter.rating = rating >= 1 && rating <= 5 ? rating : 0;
    filter.withContactOnly = object.value(u"withContact").toBool();
    filter.offlineOnly = object.value(u"offline").toBool();
    return filter;
}

QJsonObject HistorySnippet::toJson() const
{
    QJsonArray spans;
    for (const TextSpan &span : highlights)
        spans.append(QJsonArray{span.start, span.length});
    return {{u"messageId"_s, idToJson(messageId)}, {u"text"_s, text}, {u"highlights"_s, spans}};
}

HistorySnippet HistorySnippet::fromJson(const QJsonObject &object)
{
    HistorySnippet snippet;
    snippet.messageId = idFromJson(object.value(u"messageId"));
    snippet.text = object.value(u"text").toString();
    // Spans from the wire are untrusted: ones outside the text are dropped, not clamped.
    for (const QJsonValue &value : object.value(u"highlights").toArray()) {
        const QJsonArray pair = value.toArray();
        const int start = pair.at(0).toInt(-1);
        const int length = pair.at(1).toInt(0);
        if (start >= 0 && length > 0 && start + length <= snippet.text.size())
            snippet.highlights.append({start, length});
    }
    return snippet;
}

QJsonObject HistoryHit::toJson() const
{
    QJsonObject object{{u"dialog"_s, dialog.toJson()}};
    if (!snippet.text.isEmpty())
        object.insert(u"snippet"_s, snippet.toJson());
    return object;
}

HistoryHit HistoryHit::fromJson(const QJsonObject &object)
{
    return {HistoryDialog::fromJson(object.value(u"dialog").toObject()),
            HistorySnippet::fromJson(object.value(u"snippet").toObject())};
}

} // namespace concierge::protocol
