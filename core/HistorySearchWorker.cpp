// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistorySearchWorker.h"

#include "LocalStore.h"

namespace concierge {

HistorySearchWorker::HistorySearchWorker(const QString &databasePath)
    : m_path(databasePath)
{
}

HistorySearchWorker::~HistorySearchWorker() = default;

HistorySearchWorker::Result HistorySearchWorker::search(const QString &query, const protocol::HistoryFilter &filter,
                                                        qint64 beforeId, int limit, qint64 atLeastId)
{
    Result result;
    if (!m_store) {
        auto store = std::make_unique<LocalStore>();
        if (m_path.isEmpty() || !store->open(m_path)) {
            result.error = m_path.isEmpty() ? tr("This cache is not kept in a file.") : store->errorString();
            return result;
        }
        m_store = std::move(store);
    }
    result.hits = m_store->searchHistory(query, filter, beforeId, atLeastId, limit);
    return result;
}

} // namespace concierge
