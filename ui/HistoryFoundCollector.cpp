// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFoundCollector.h"

#include "HistoryListModel.h"

namespace concierge::ui {

HistoryFoundCollector::HistoryFoundCollector(HistoryListModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    // Every answer of the model is a chance to ask for the next page. Queued: the model says these
    // from inside its own updates, and fetchMore() must not start a search in the middle of one.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &HistoryFoundCollector::step, Qt::QueuedConnection);
    connect(model, &QAbstractItemModel::modelReset, this, &HistoryFoundCollector::step, Qt::QueuedConnection);
    connect(model, &HistoryListModel::searchFinished, this, &HistoryFoundCollector::step,
            Qt::QueuedConnection);
    connect(model, &HistoryListModel::statusChanged, this, &HistoryFoundCollector::step,
            Qt::QueuedConnection);
}

bool HistoryFoundCollector::start()
{
    if (m_running || !m_model)
        return false;
    m_running = true;
    m_query = m_model->queryText();
    m_filter = m_model->filter();
    step();
    return true;
}

void HistoryFoundCollector::cancel()
{
    if (m_running)
        finish(true);
}

void HistoryFoundCollector::step()
{
    if (!m_running)
        return;
    if (!m_model || m_model->queryText() != m_query || m_model->filter() != m_filter) {
        finish(true); // another search: what was found is no longer what the operator asked for
        return;
    }
    const int rows = m_model->rowCount();
    Q_EMIT progress(rows);
    if (rows >= m_limit) {
        finish(false);
        return;
    }
    if (m_model->canFetchMore()) {
        m_model->fetchMore();
        return;
    }
    if (!m_model->searching())
        finish(false); // neither the cache nor the server has more
    // else: a page is on its way; its rows (or the status) bring the next step
}

void HistoryFoundCollector::finish(bool abandoned)
{
    m_running = false;
    QList<qint64> ids;
    bool capped = false;
    if (!abandoned && m_model) {
        const int rows = m_model->rowCount();
        capped = rows > m_limit || (rows == m_limit && (m_model->canFetchMore() || m_model->searching()));
        const int count = qMin(rows, m_limit);
        ids.reserve(count);
        for (int row = 0; row < count; ++row)
            ids.append(m_model->dialogId(row));
    }
    Q_EMIT finished(ids, capped, abandoned);
}

} // namespace concierge::ui
