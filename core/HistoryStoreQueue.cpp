// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryStoreQueue.h"

#include "LocalStore.h"

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace concierge {

namespace {

struct Job
{
    HistoryStoreQueue::Kind kind = HistoryStoreQueue::Kind::Walk;
    QList<protocol::HistoryDialog> dialogs;
    QList<protocol::Message> lines;
    qsizetype nextLine = 0;
    HistoryStoreQueue::Done done;
};

} // namespace

struct HistoryStoreQueue::Private
{
    LocalStore *store = nullptr;
    QList<Job> jobs; ///< the first is being written
    QTimer sliceTimer;
    qint64 longestSliceMs = 0;
};

HistoryStoreQueue::HistoryStoreQueue(LocalStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
    d->sliceTimer.setSingleShot(true);
    d->sliceTimer.setInterval(0); // the event loop runs between two slices
    connect(&d->sliceTimer, &QTimer::timeout, this, &HistoryStoreQueue::writeSlice);
}

HistoryStoreQueue::~HistoryStoreQueue() = default;

void HistoryStoreQueue::enqueue(Kind kind, const QList<protocol::HistoryDialog> &dialogs,
                                const QList<protocol::Message> &lines, Done done)
{
    d->jobs.append({kind, dialogs, lines, 0, std::move(done)});
    d->sliceTimer.start();
}

void HistoryStoreQueue::drop(Kind kind)
{
    d->jobs.removeIf([kind](const Job &job) { return job.kind == kind; });
}

bool HistoryStoreQueue::busy(Kind kind) const
{
    return std::any_of(d->jobs.cbegin(), d->jobs.cend(), [kind](const Job &job) { return job.kind == kind; });
}

qint64 HistoryStoreQueue::longestSliceMs() const { return d->longestSliceMs; }

void HistoryStoreQueue::writeSlice()
{
    if (d->jobs.isEmpty())
        return;
    QElapsedTimer held;
    held.start();
    Job &job = d->jobs.first();
    const qsizetype count = std::min<qsizetype>(kLinesPerSlice, job.lines.size() - job.nextLine);
    const bool last = job.nextLine + count >= job.lines.size();
    // The dialogs' rows go with the last slice, so a dialog is listed once its lines are in.
    const bool stored = d->store->storeHistory(last ? job.dialogs : QList<protocol::HistoryDialog>(),
                                               job.lines.mid(job.nextLine, count));
    job.nextLine += count;
    d->longestSliceMs = std::max(d->longestSliceMs, held.elapsed());
    if (stored && !last) {
        d->sliceTimer.start();
        return;
    }
    const Done done = std::move(job.done);
    d->jobs.removeFirst();
    if (!d->jobs.isEmpty())
        d->sliceTimer.start();
    if (done)
        done(stored); // last: it may queue the next job
}

} // namespace concierge
