// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ErrorCode.h"

#include <QJsonObject>
#include <QString>

#include <variant>

namespace concierge::protocol {

/// One decoded frame: the JSON object plus the two fields every dispatcher looks at first.
struct Frame
{
    QString type;
    QString rid; ///< empty for notifications and events
    QJsonObject object;
};

/// Why a text could not be a frame; answered with an `error` frame, the connection carries on.
struct FrameError
{
    ErrorCode code = ErrorCode::BadFrame;
    QString message;
};

using DecodeResult = std::variant<Frame, FrameError>;

/// Decodes one text frame. Oversized input is the transport's job (close 1009) and is checked
/// before this is called; this only judges the shape: a JSON object with a string `type`.
DecodeResult decodeFrame(const QString &text);
DecodeResult decodeFrame(const QByteArray &utf8);

/// Compact JSON text of one frame.
QString encodeFrame(const QJsonObject &frame);

QJsonObject makeRequest(const QString &type, const QString &rid, QJsonObject fields = {});
QJsonObject makeResult(const QString &rid, const QJsonObject &data);
QJsonObject makeError(const QString &rid, ErrorCode code, const QString &message);
QJsonObject makeEvent(qint64 seq, const QString &name, const QJsonObject &data);

} // namespace concierge::protocol
