// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>

namespace concierge::server {

/// Largest serialised size of one snapshot part: half the frame limit, leaving room for the
/// envelope (the hello result's other fields) however the JSON is laid out.
inline constexpr qsizetype kSnapshotPartBytes = 512 * 1024;

/// Splits a snapshot so that no frame carrying it exceeds the 1 MiB limit (docs/protocol.md,
/// "Snapshots in parts"). The lists `visitors`, `dialogs` and `messages` are cut in order into parts
/// of at most `budgetBytes`; every other field (e.g. `operator`) stays in the first part.
/// Always returns at least one part.
QList<QJsonObject> splitSnapshot(const QJsonObject &snapshot, qsizetype budgetBytes = kSnapshotPartBytes);

} // namespace concierge::server
