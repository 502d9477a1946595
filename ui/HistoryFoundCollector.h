// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace concierge {
class HistoryListModel;
}

namespace concierge::ui {

/// "Export all found": every dialog the history window's search found, not only the rows loaded so
/// far (a page is 100 local rows or 50 from the server). Asks the model for more rows until it has
/// none left (the cache, then the server) or holds limit(), then says finished() with the ids
/// newest first. The rows it brings stay in the table, as if the operator had scrolled to the end.
/// A new search typed meanwhile abandons it (finished() with \a abandoned).
class HistoryFoundCollector : public QObject
{
    Q_OBJECT
public:
    /// More than a workbook or a text file is useful for, and what one export may hold.
    static constexpr int kMaxDialogs = 10000;

    explicit HistoryFoundCollector(HistoryListModel *model, QObject *parent = nullptr);

    /// At most this many (kMaxDialogs unless a test asks for fewer).
    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }
    /// Starts gathering for the model's current query; false when already running.
    bool start();
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// \a capped: more were found than limit() (only the newest are given). Whether the server
    /// could be searched for the rest, the model's status() says.
    void finished(const QList<qint64> &dialogIds, bool capped, bool abandoned);
    void progress(int rowsSoFar);

private:
    void step();
    void finish(bool abandoned);

    QPointer<HistoryListModel> m_model;
    int m_limit = kMaxDialogs;
    bool m_running = false;
    QString m_query;
    protocol::HistoryFilter m_filter;
};

} // namespace concierge::ui
