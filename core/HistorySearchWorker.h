// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

namespace concierge {

class LocalStore;

/// Searches the history cache off the GUI thread for HistoryListModel: lives on a worker thread
/// with its OWN LocalStore opened on the cache file (WAL lets it read while the GUI thread's store
/// writes a backfill page), so typing never waits for a search.
///
/// Every member is called on the worker thread (through QMetaObject::invokeMethod); the object is
/// deleted there too, so the store's connection is closed by the thread that opened it.
class HistorySearchWorker : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QList<protocol::HistoryHit> hits;
        QString error; ///< the cache could not be opened or read; hits empty
    };

    explicit HistorySearchWorker(const QString &databasePath);
    ~HistorySearchWorker() override;

    /// Worker thread. LocalStore::searchHistory() on this thread's own connection (opened on first use);
    /// \a atLeastId > 0: only dialogs from that id up, as many as there are (a refresh of the rows shown).
    Result search(const QString &query, const protocol::HistoryFilter &filter, qint64 beforeId, int limit,
                  qint64 atLeastId = 0);

private:
    QString m_path;
    std::unique_ptr<LocalStore> m_store;
};

} // namespace concierge
