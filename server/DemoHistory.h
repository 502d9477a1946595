// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace concierge::server {

/// A few finished dialogs of the past days for the demo (`--seed-demo`), in Russian and English —
/// among them the Webim manual's sample visitor — so the history window, its search and its
/// exports have something to show on a fresh install. Only when the database has no dialog yet:
/// a real history is never touched. Lines go through DialogRepository, so they are indexed for
/// search like any other.
bool seedDemoHistory(QSqlDatabase db, qint64 operatorId, const QString &operatorName, qint64 departmentId,
                     QString *error);

} // namespace concierge::server
