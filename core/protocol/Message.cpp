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

QJsonObject FileRef::toJson() const
{
    return {{u"url"_s, url},       {u"name"_s, name},   {u"size"_s, size},
            {u"mime"_s, mime},     {u"image"_s, image}, {u"executable"_s, executable}};
}

FileRef FileRef::fromJson(const QJsonObject &object)
{
    FileRef file;
    file.url = object.value(u"url").toString();
    file.name = object.value(u"name").toString();
    file.size = object.value(u"size").toInteger();
    file.mime = object.value(u"mime").toString();
    file.image = object.value(u"image").toBool();
    file.executable = object.value(u"executable").toBool();
    return file;
}

bool Message::isOperatorOnly() const
{
    return author == Author::System
        && (event == u"transcript.sent" || event == u"email.sent" || event == u"email.failed");
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
            {u"meta"_s, meta},
            {u"file"_s, file.isEmpty() ? QJsonValue() : QJsonValue(file.toJson())}};
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
    if (object.value(u"file").isObject())
        message.file = FileRef::fromJson(object.value(u"file").toObject());
    return message;
}

} // namespace concierge::protocol
