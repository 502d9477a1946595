// SPDX-License-Identifier: GPL-3.0-or-later
#include "Json.h"

namespace concierge::protocol {

QString timestampToJson(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime timestampFromJson(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(value.toString(), Qt::ISODate);
    return time.toUTC();
}

qint64 idFromJson(const QJsonValue &value)
{
    return value.isDouble() ? static_cast<qint64>(value.toDouble()) : 0;
}

QJsonValue idToJson(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

} // namespace concierge::protocol
