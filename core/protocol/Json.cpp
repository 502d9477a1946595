// SPDX-License-Identifier: GPL-3.0-or-later
#include "Json.h"

namespace concierge::protocol {

QString timestampToJson(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

namespace {

/// Digits at [from, from + count) of `text` as a number; -1 if any is not a digit.
int digits(QStringView text, qsizetype from, qsizetype count)
{
    int number = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        number = number * 10 + (c - u'0');
    }
    return number;
}

/// The form every timestamp we write has, "2026-11-21T10:15:30.123Z", parsed directly: the cache
/// reads tens of thousands of them at start-up, and the general ISO parser is several times slower.
QDateTime parseCanonical(QStringView text)
{
    if (text.size() != 24 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T' || text[13] != u':'
        || text[16] != u':' || text[19] != u'.' || text[23] != u'Z')
        return {};
    const QDate date(digits(text, 0, 4), digits(text, 5, 2), digits(text, 8, 2));
    const int hours = digits(text, 11, 2);
    const int minutes = digits(text, 14, 2);
    const int seconds = digits(text, 17, 2);
    const int millis = digits(text, 20, 3);
    if (!date.isValid() || !QTime::isValid(hours, minutes, seconds, millis))
        return {};
    constexpr qint64 kUnixEpochJulianDay = 2440588;
    const qint64 msecs = (date.toJulianDay() - kUnixEpochJulianDay) * 86'400'000
                       + ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

} // namespace

QDateTime timestampFromJson(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text.isEmpty())
        return {};
    if (QDateTime canonical = parseCanonical(text); canonical.isValid())
        return canonical;
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(text, Qt::ISODate);
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
