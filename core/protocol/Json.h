// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace concierge::protocol {

/// Timestamps on the wire: ISO-8601, UTC, milliseconds ("2026-11-21T10:15:30.123Z").
QString timestampToJson(const QDateTime &time);
QDateTime timestampFromJson(const QJsonValue &value);

/// Ids are JSON numbers; null/absent means "none" (0).
qint64 idFromJson(const QJsonValue &value);
QJsonValue idToJson(qint64 id);

} // namespace concierge::protocol
