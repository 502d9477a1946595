// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QList>
#include <QString>

namespace concierge::server {

class HistoryRepository;

/// Writes one history export (`history.txt` or `history.xlsx`, docs/protocol.md "The HTTP API for
/// integrations") to a temporary file on a worker thread: it opens its own read-only connection to
/// the server's database, so the main thread's chats never wait for it (HistoryExports runs it).
/// Every call happens on the worker thread; nothing here touches the main thread's objects.
class HistoryExportWriter
{
public:
    enum class Format { Text, Workbook };

    /// What to export: the dialogs \a ids in that order, or (no ids) those `query` and `filter`
    /// find, newest first, as the search finds them.
    struct Order
    {
        Format format = Format::Text;
        bool byIds = false;
        QList<qint64> ids;
        QString query;
        protocol::HistoryFilter filter;
        int maxDialogs = 10000; ///< more dialogs found than this: a refusal, nothing written
        int paceMs = 0;         ///< each dialog takes at least this long (hidden test option)
    };

    /// The written file, or why there is none. The file, if any, is the caller's to remove.
    struct Outcome
    {
        enum class Result { Written, TooMany, NoSuchDialog, Failed, Cancelled };
        Result result = Result::Failed;
        Format format = Format::Text; ///< the order's
        QString path;          ///< Written: the finished file, closed
        qint64 missingId = 0;  ///< NoSuchDialog: the id that is not a dialog
        QString failure;       ///< Failed: for the log, not for the caller
        int dialogCount = 0;   ///< Written: how many dialogs it holds
    };

    /// Opens a connection of its own to the SQLite file \a databasePath.
    explicit HistoryExportWriter(const QString &databasePath);
    ~HistoryExportWriter();
    HistoryExportWriter(const HistoryExportWriter &) = delete;
    HistoryExportWriter &operator=(const HistoryExportWriter &) = delete;

    /// Writes \a order. Stops early (Cancelled, file removed) once the thread is asked to quit.
    Outcome write(const Order &order);

private:
    Outcome writeText(HistoryRepository &history, const Order &order, const QList<qint64> &ids);
    Outcome writeWorkbook(HistoryRepository &history, const Order &order, const QList<qint64> &ids);
    /// Waits out the test pace and tells whether the worker should stop.
    static bool shouldStop(const Order &order);

    QString m_connectionName;
    QString m_openError;
};

} // namespace concierge::server
