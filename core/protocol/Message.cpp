// SPDX-License-Identifier: GPL-3.0-or-later
#include "Message.h"

#include "Json.h"

namespace concierge::protocol {

using namespace Qt::StringLiterals;

QString authorToString(Author author)
{
    switch (author) {
    case Author::Visitor: return u"visitor"_s;
    case Author::Operator: return u"operator"_s;
    case Author::System: return u"system"_s;
    }
    return u"system"_s;
}

Author authorFromString(const QString &text)
{
    if (text == u"visitor")
        return Author::Visitor;
    if (text == u"operator")
        return Author::Operator;
    return Author::System;
}

QJsonObject Message::toJson() const
{
    return {{u"id"_s, id},
            {u"cid"_s, cid},
            {u"dialogId"_s, dialogId},
            {u"author"_s, authorToString(author)},
            {u"operatorId"_s, idToJson(operatorId)},
            {u"authorName"_s, authorName},
            {u"text"_s, text},
            {u"at"_s, timestampToJson(at)},
            {u"event"_s, event},
            {u"meta"_s, meta}};
}

Message Message::fromJson(const QJsonObject &object)
{
    Message message;
    message.id = idFromJson(object.value(u"id"));
    message.cid = object.value(u"cid").toString();
    message.dialogId = idFromJson(object.value(u"dialogId"));
    message.author = authorFromString(object.value(u"author").toString());
    message.operatorId = idFromJson(object.value(u"operatorId"));
    message.authorName = object.value(u"authorName").toString();
    message.text = object.value(u"text").toString();
    message.at = timestampFromJson(object.value(u"at"));
    message.event = object.value(u"event").toString();
    message.meta = object.value(u"meta").toObject();
    return message;
}

} // namespace concierge::protocol
