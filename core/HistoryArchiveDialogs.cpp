// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryArchive, whole dialogs: fetched on demand for the history window (ensureCached), refreshed
// for the walk (history.dialog; a truncated answer completed history.get by history.get), and the
// server search.
#include "HistoryArchive.h"

#include "HistoryArchivePrivate.h"
#include "HistoryStoreQueue.h"
#include "LocalStore.h"

#include <QJsonArray>

#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::HistoryDialog;
using protocol::Message;
using namespace historyarchive;

void HistoryArchive::ensureCached(const QList<qint64> &dialogIds)
{
    QList<qint64> missing;
    for (qint64 id : dialogIds) {
        if (!d->store->historyComplete(id))
            missing.append(id);
    }
    if (missing.isEmpty()) {
        Q_EMIT dialogsReady(dialogIds);
        return;
    }
    const int batchId = d->nextBatch++;
    // Counted whole before anything is sent: a failed send finishes (and removes) the batch only
    // once every dialog of it is accounted for.
    d->batches.insert(batchId, {dialogIds, int(missing.size()), {}, {}});
    QList<qint64> unsent;
    for (qint64 id : std::as_const(missing)) {
        if (send(kDialog, {{u"dialogId"_s, id}}, Purpose::FetchDialog, id, batchId) == 0)
            unsent.append(id);
    }
    for (qint64 id : std::as_const(unsent))
        finishFetch(batchId, id, tr("Not connected to the server."));
}

void HistoryArchive::finishFetch(int batchId, qint64 dialogId, const QString &error)
{
    const auto it = d->batches.find(batchId);
    if (it == d->batches.end())
        return;
    if (!error.isEmpty()) {
        it->failed.append(dialogId);
        it->error = error;
    }
    if (--it->waiting > 0)
        return;
    const FetchBatch batch = d->batches.take(batchId);
    if (batch.failed.isEmpty())
        Q_EMIT dialogsReady(batch.ids);
    else
        Q_EMIT fetchFailed(batch.failed, batch.error);
}

void HistoryArchive::searchServer(qint64 ticket, const QString &query, const protocol::HistoryFilter &filter,
                                  qint64 beforeId, int limit)
{
    QJsonObject fields{{u"query"_s, query}, {u"limit"_s, qBound(1, limit, 200)}};
    if (!filter.isEmpty())
        fields.insert(u"filter"_s, filter.toJson());
    if (beforeId > 0 && beforeId < std::numeric_limits<qint64>::max())
        fields.insert(u"beforeId"_s, beforeId);
    if (send(kSearch, fields, Purpose::Search, 0, ticket) == 0)
        Q_EMIT serverSearchFailed(ticket, tr("Not connected to the server."));
}

void HistoryArchive::storeWholeDialog(Purpose purpose, int batchId, qint64 dialogId, const QJsonObject &data)
{
    HistoryDialog dialog = HistoryDialog::fromJson(data.value(u"dialog").toObject());
    const bool fetch = purpose == Purpose::FetchDialog;
    if (dialog.dialog.id == 0) {
        if (fetch)
            finishFetch(batchId, dialogId, tr("The server sent no dialog."));
        else
            d->openToRefresh.removeAll(dialogId);
        return;
    }
    // Every line, unless they pass what one answer may carry: then the newest, the rest by history.get.
    dialog.messagesTruncated = dialog.messagesTruncated || data.value(u"messagesTruncated").toBool();
    QList<Message> lines;
    for (const QJsonValue &value : data.value(u"messages").toArray())
        lines.append(Message::fromJson(value.toObject()));
    const auto kind = fetch ? HistoryStoreQueue::Kind::Fetch : HistoryStoreQueue::Kind::Walk;
    d->writer->enqueue(kind, {dialog}, lines, [=, this](bool stored) {
        if (fetch && !stored) {
            finishFetch(batchId, dialogId, tr("The dialog could not be stored: %1").arg(d->store->errorString()));
            return;
        }
        if (!stored)
            return walkStoreFailed();
        Q_EMIT historyChanged();
        const qint64 oldest = oldestLineOf(dialog.dialog.id, lines);
        if (fetch) {
            if (!dialog.messagesTruncated) {
                finishFetch(batchId, dialogId, {});
                return;
            }
            d->fetchCompletions.insert(dialogId, dialog);
            requestFetchedLines(batchId, dialogId, oldest);
            return;
        }
        d->openToRefresh.removeAll(dialogId);
        if (dialog.messagesTruncated && !d->completion) {
            Completion completion;
            completion.dialogs = {dialog};
            completion.beforeId = oldest;
            d->completion = completion;
        }
        scheduleStep();
        Q_EMIT progressChanged();
    });
}

void HistoryArchive::requestFetchedLines(int batchId, qint64 dialogId, qint64 beforeId)
{
    const QJsonObject fields{{u"dialogId"_s, dialogId}, {u"beforeId"_s, beforeId}, {u"limit"_s, kLinesPerGet}};
    if (send(kGet, fields, Purpose::CompleteFetch, dialogId, batchId) == 0) {
        d->fetchCompletions.remove(dialogId);
        finishFetch(batchId, dialogId, tr("Not connected to the server."));
    }
}

void HistoryArchive::storeFetchedLines(int batchId, qint64 dialogId, const QJsonObject &data)
{
    QList<Message> lines;
    for (const QJsonValue &value : data.value(u"messages").toArray())
        lines.append(Message::fromJson(value.toObject()));
    HistoryDialog dialog = d->fetchCompletions.value(dialogId);
    const bool last = lines.size() < kLinesPerGet;
    dialog.messagesTruncated = !last; // whole with the last chunk
    d->writer->enqueue(HistoryStoreQueue::Kind::Fetch, {dialog}, lines, [=, this](bool stored) {
        if (!stored) {
            d->fetchCompletions.remove(dialogId);
            finishFetch(batchId, dialogId, tr("The dialog could not be stored: %1").arg(d->store->errorString()));
        } else if (!last && !lines.isEmpty()) {
            requestFetchedLines(batchId, dialogId, lines.first().id);
        } else {
            d->fetchCompletions.remove(dialogId);
            Q_EMIT historyChanged();
            finishFetch(batchId, dialogId, {});
        }
    });
}

} // namespace concierge
