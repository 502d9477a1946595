// SPDX-License-Identifier: GPL-3.0-or-later
#include "Frame.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace concierge::protocol {

using namespace Qt::StringLiterals;

DecodeResult decodeFrame(const QByteArray &utf8)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return FrameError{ErrorCode::BadFrame, u"Frame is not valid JSON: "_s + parseError.errorString()};
    if (!document.isObject())
        return FrameError{ErrorCode::BadFrame, u"Frame must be a JSON object"_s};
    const QJsonObject object = document.object();
    const QJsonValue type = object.value(u"type");
    if (!type.isString() || type.toString().isEmpty())
        return FrameError{ErrorCode::BadFrame, u"Frame has no string \"type\""_s};
    const QJsonValue rid = object.value(u"rid");
    // A numeric rid is a common client slip; accept it rather than leave a request unanswerable.
    QString ridText = rid.isString() ? rid.toString()
                    : rid.isDouble() ? QString::number(rid.toDouble(), 'g', 17)
                                     : QString();
    return Frame{type.toString(), ridText, object};
}

DecodeResult decodeFrame(const QString &text)
{
    return decodeFrame(text.toUtf8());
}

QString encodeFrame(const QJsonObject &frame)
{
    return QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

QJsonObject makeRequest(const QString &type, const QString &rid, QJsonObject fields)
{
    fields.insert(u"type"_s, type);
    if (!rid.isEmpty())
        fields.insert(u"rid"_s, rid);
    return fields;
}

QJsonObject makeResult(const QString &rid, const QJsonObject &data)
{
    return {{u"type"_s, u"result"_s}, {u"rid"_s, rid}, {u"data"_s, data}};
}

QJsonObject makeError(const QString &rid, ErrorCode code, const QString &message)
{
    QJsonObject frame{{u"type"_s, u"error"_s},
                      {u"code"_s, errorCodeToString(code)},
                      {u"message"_s, message}};
    if (!rid.isEmpty())
        frame.insert(u"rid"_s, rid);
    return frame;
}

QJsonObject makeEvent(qint64 seq, const QString &name, const QJsonObject &data)
{
    return {{u"type"_s, u"event"_s}, {u"seq"_s, seq}, {u"name"_s, name}, {u"data"_s, data}};
}

} // namespace concierge::protocol
