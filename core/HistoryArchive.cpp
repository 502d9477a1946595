// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryArchive.h"

#include "HistoryArchivePrivate.h"
#include "HistoryStoreQueue.h"
#include "LocalStore.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>
#include <utility>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::HistoryDialog;
using protocol::Message;
using namespace historyarchive;

namespace {

QString viewerKey(const protocol::OperatorInfo &self)
{
    return u"%1:%2"_s.arg(self.id).arg(protocol::operatorRoleToString(self.role));
}

QDate startDay(const HistoryDialog &dialog)
{
    return dialog.dialog.createdAt.toLocalTime().date();
}

} // namespace

HistoryArchive::HistoryArchive(LocalStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
    d->writer = new HistoryStoreQueue(store, this);
    d->viewer = store->historyViewer();
    // Not said yet (a migrated cache): the history it holds is the last logged-in operator's.
    if (const auto last = store->operatorInfo(); d->viewer.isEmpty() && last.id != 0)
        d->viewer = viewerKey(last);
    d->topMark = d->newestCachedId(); // before any snapshot: what the last run had in step
    if (const qint64 cursor = store->historyBackfillBeforeId(); cursor > 0) {
        if (const auto oldest = store->historyDialog(cursor))
            d->cachedFrom = startDay(*oldest);
    }
    // One page at a time, and the event loop turns between pages so the window stays responsive.
    d->stepTimer.setSingleShot(true);
    d->stepTimer.setInterval(0);
    connect(&d->stepTimer, &QTimer::timeout, this, [this] { advance(); });
    d->retryTimer.setSingleShot(true);
    d->retryTimer.setInterval(kRetryAfterErrorMs);
    connect(&d->retryTimer, &QTimer::timeout, this, [this] { advance(); });
}

HistoryArchive::~HistoryArchive() = default;

HistoryArchive::Progress HistoryArchive::progress() const
{
    Progress progress;
    progress.cachedDialogs = d->store->historyDialogCount();
    progress.totalDialogs = d->total;
    progress.complete = d->store->historyBackfillComplete();
    progress.running = d->walkTag != 0 || d->stepTimer.isActive() || d->writer->busy(HistoryStoreQueue::Kind::Walk);
    progress.cachedFrom = d->cachedFrom;
    return progress;
}

void HistoryArchive::setBackfillEnabled(bool enabled)
{
    if (d->enabled == enabled)
        return;
    d->enabled = enabled;
    if (enabled)
        scheduleStep();
    else
        d->stepTimer.stop(); // a page in flight is still stored when it comes
    Q_EMIT progressChanged();
}

bool HistoryArchive::backfillEnabled() const { return d->enabled; }

qint64 HistoryArchive::uncachedBelowId() const
{
    if (d->store->historyBackfillComplete())
        return 0;
    const qint64 cursor = d->store->historyBackfillBeforeId();
    return cursor > 0 ? cursor : std::numeric_limits<qint64>::max();
}

std::optional<protocol::HistoryDialog> HistoryArchive::dialog(qint64 id) const
{
    return d->store->historyDialog(id);
}

QList<protocol::Message> HistoryArchive::messages(qint64 dialogId) const
{
    return d->store->historyMessages(dialogId);
}

bool HistoryArchive::handles(const QString &requestType)
{
    // history.get is the session's own request too: the session routes ours by whom it sent it for.
    return requestType == kPage || requestType == kSearch || requestType == kDialog;
}

void HistoryArchive::setTransport(Transport transport) { d->transport = std::move(transport); }

qint64 HistoryArchive::send(const QString &type, const QJsonObject &fields, Purpose purpose, qint64 dialogId,
                            qint64 ticket)
{
    const qint64 tag = d->nextTag++;
    if (!d->transport || !d->transport(type, fields, tag))
        return 0;
    d->pending.insert(tag, {purpose, dialogId, ticket});
    return tag;
}

void HistoryArchive::setViewer(const protocol::OperatorInfo &self)
{
    if (self.id == 0)
        return;
    const bool couldWork = d->mayWork;
    d->mayWork = self.mayWork();
    const QString key = viewerKey(self);
    if (key != d->viewer) {
        // Another operator, or another role, sees other dialogs: what was cached for the one before
        // must not be found by this one (a supervisor's whole history by a plain operator), and the
        // cursor and the top-up mark were for someone else's history: the backfill starts over.
        d->viewer = key;
        const bool hadHistory = d->store->historyDialogCount() > 0 || d->store->historyBackfillBeforeId() > 0;
        d->store->beginTransaction();
        d->store->clearHistory();
        d->store->setHistoryViewer(key);
        if (!d->store->commit())
            qWarning("HistoryArchive: the history could not be cleared: %s", qUtf8Printable(d->store->errorString()));
        d->writer->drop(HistoryStoreQueue::Kind::Walk);
        // The walk in flight was for the other viewer: its answer is not stored.
        for (auto it = d->pending.begin(); it != d->pending.end();) {
            const bool walk = it->purpose != Purpose::Search && it->purpose != Purpose::FetchDialog;
            it = walk ? d->pending.erase(it) : std::next(it);
        }
        d->walkTag = 0;
        d->topMark = 0;
        d->topUpPending = false;
        d->openToRefresh.clear();
        d->completion.reset();
        d->cachedFrom = {};
        d->total = 0;
        scheduleStep();
        if (hadHistory)
            Q_EMIT historyChanged(); // lists drop what is no longer this viewer's
        Q_EMIT progressChanged();
    }
    if (d->mayWork && (!couldWork || d->blocked)) {
        d->blocked = false;
        scheduleStep();
    }
}

void HistoryArchive::linkUp()
{
    d->linked = true;
    d->blocked = false;
    // Dialogs that came while we were away lie above what is cached: walk down to it first. A
    // fresh backfill (cursor 0) starts at the newest anyway.
    const bool started = d->store->historyBackfillBeforeId() > 0 || d->store->historyBackfillComplete();
    d->topUpPending = started;
    d->topUpBeforeId = 0;
    d->topUpLimit = 1;
    // Dialogs cached while still open may have changed since (closed, rated, more lines).
    d->openToRefresh.clear();
    if (started) {
        for (const auto &hit : d->store->searchHistory(QString(), {}, 0, kOpenScanWindow)) {
            if (hit.dialog.dialog.isOpen())
                d->openToRefresh.append(hit.dialog.dialog.id);
        }
        // And the ones the snapshot closed while we were away: how they ended is not cached.
        for (qint64 id : d->store->staleHistoryDialogs(kOpenScanWindow)) {
            if (!d->openToRefresh.contains(id))
                d->openToRefresh.append(id);
        }
    }
    scheduleStep();
    Q_EMIT progressChanged();
}

void HistoryArchive::linkDown()
{
    if (!d->linked && d->pending.isEmpty())
        return;
    d->linked = false;
    d->stepTimer.stop();
    d->retryTimer.stop();
    // In step until now: what is cached is the mark for the next top-up, unless this top-up was
    // still under way (the dialogs between its last page and the old mark are not cached yet).
    if (!d->topUpPending)
        d->topMark = d->newestCachedId();
    d->walkTag = 0;
    d->completion.reset(); // the page is fetched again: its cursor never moved
    const QString lost = tr("The connection to the server was lost before it answered.");
    const auto dropped = std::exchange(d->pending, {});
    for (auto it = dropped.begin(); it != dropped.end(); ++it) {
        if (it->purpose == Purpose::Search)
            Q_EMIT serverSearchFailed(it->ticket, lost);
        else if (it->purpose == Purpose::FetchDialog || it->purpose == Purpose::CompleteFetch)
            finishFetch(int(it->ticket), it->dialogId, lost);
    }
    Q_EMIT progressChanged();
}

void HistoryArchive::scheduleStep()
{
    if (d->linked && d->enabled && d->walkTag == 0 && !d->writer->busy(HistoryStoreQueue::Kind::Walk))
        d->stepTimer.start();
}

void HistoryArchive::advance()
{
    if (d->walkTag != 0 || d->writer->busy(HistoryStoreQueue::Kind::Walk))
        return; // the answer before is still being written
    if (!d->linked || !d->enabled || !d->mayWork || d->blocked) {
        Q_EMIT progressChanged(); // paused: no longer running
        return;
    }
    if (d->completion) {
        d->walkTag = send(kGet,
                          {{u"dialogId"_s, d->completion->dialogs.first().dialog.id},
                           {u"beforeId"_s, d->completion->beforeId},
                           {u"limit"_s, kLinesPerGet}},
                          Purpose::CompleteLines, d->completion->dialogs.first().dialog.id);
    } else if (d->topUpPending) {
        QJsonObject fields{{u"limit"_s, d->topUpLimit}};
        if (d->topUpBeforeId > 0)
            fields.insert(u"beforeId"_s, d->topUpBeforeId);
        d->walkTag = send(kPage, fields, Purpose::TopUpPage);
    } else if (!d->openToRefresh.isEmpty()) {
        const qint64 id = d->openToRefresh.first();
        d->walkTag = send(kDialog, {{u"dialogId"_s, id}}, Purpose::RefreshDialog, id);
    } else if (!d->store->historyBackfillComplete()) {
        QJsonObject fields{{u"limit"_s, kPageLimit}};
        if (const qint64 cursor = d->store->historyBackfillBeforeId(); cursor > 0)
            fields.insert(u"beforeId"_s, cursor);
        d->walkTag = send(kPage, fields, Purpose::BackfillPage);
    }
    if (d->walkTag == 0)
        Q_EMIT progressChanged(); // done (or no link after all): the last word says not running
}

void HistoryArchive::handleResult(const QString &type, qint64 subjectId, const QJsonObject &data)
{
    Q_UNUSED(type)
    const auto found = d->pending.constFind(subjectId);
    if (found == d->pending.constEnd())
        return; // sent before a lost link: already reported
    const Private::Pending request = *found;
    d->pending.erase(found);
    if (subjectId == d->walkTag)
        d->walkTag = 0;

    switch (request.purpose) {
    case Purpose::TopUpPage:
    case Purpose::BackfillPage:
        storePage(request.purpose, data);
        break;
    case Purpose::RefreshDialog:
    case Purpose::FetchDialog:
        storeWholeDialog(request.purpose, int(request.ticket), request.dialogId, data);
        break;
    case Purpose::CompleteLines:
        storeOlderLines(data);
        break;
    case Purpose::CompleteFetch:
        storeFetchedLines(int(request.ticket), request.dialogId, data);
        return;
    case Purpose::Search: {
        QList<protocol::HistoryHit> hits;
        for (const QJsonValue &value : data.value(u"hits").toArray())
            hits.append(protocol::HistoryHit::fromJson(value.toObject()));
        // Remembered so the window can show them and their details; their lines come on demand.
        d->store->beginTransaction();
        for (const auto &hit : std::as_const(hits)) {
            if (!d->store->historyComplete(hit.dialog.dialog.id))
                d->store->storeHistoryDialog(hit.dialog);
        }
        d->store->commit();
        Q_EMIT serverSearchFinished(request.ticket, hits, data.value(u"nextBeforeId").toInteger());
        return;
    }
    }
    scheduleStep();
    Q_EMIT progressChanged();
}

void HistoryArchive::handleError(const QString &type, qint64 subjectId, ErrorCode code, const QString &message)
{
    const auto found = d->pending.constFind(subjectId);
    if (found == d->pending.constEnd())
        return;
    const Private::Pending request = *found;
    d->pending.erase(found);
    if (subjectId == d->walkTag)
        d->walkTag = 0;

    switch (request.purpose) {
    case Purpose::Search:
        Q_EMIT serverSearchFailed(request.ticket, message);
        return;
    case Purpose::FetchDialog:
    case Purpose::CompleteFetch:
        d->fetchCompletions.remove(request.dialogId);
        finishFetch(int(request.ticket), request.dialogId, message);
        return;
    case Purpose::RefreshDialog:
    case Purpose::CompleteLines:
        if (code == ErrorCode::NotFound) {
            // No longer ours to see: leave it as cached and go on.
            d->openToRefresh.removeAll(request.dialogId);
            d->store->setHistoryStale(request.dialogId, false);
            if (request.purpose == Purpose::CompleteLines)
                nextCompletion();
            scheduleStep();
            return;
        }
        break;
    case Purpose::TopUpPage:
    case Purpose::BackfillPage:
        break;
    }
    if (code == ErrorCode::Forbidden) {
        d->blocked = true; // Offline: setViewer() goes on once the status allows it
    } else {
        qWarning("HistoryArchive: %s failed: %s", qUtf8Printable(type), qUtf8Printable(message));
        d->retryTimer.start();
    }
    Q_EMIT progressChanged();
}

void HistoryArchive::walkStoreFailed()
{
    // Disk full, a read-only file…: the cursor stays where it was, the same answer is asked again.
    qWarning("HistoryArchive: the history could not be stored: %s", qUtf8Printable(d->store->errorString()));
    d->retryTimer.start();
    Q_EMIT progressChanged();
}

void HistoryArchive::storePage(Purpose purpose, const QJsonObject &data)
{
    QList<HistoryDialog> dialogs;
    for (const QJsonValue &value : data.value(u"dialogs").toArray())
        dialogs.append(HistoryDialog::fromJson(value.toObject()));
    QList<Message> lines;
    for (const QJsonValue &value : data.value(u"messages").toArray())
        lines.append(Message::fromJson(value.toObject()));
    const qint64 nextBeforeId = data.value(u"nextBeforeId").toInteger();
    d->total = data.value(u"total").toInt(d->total);
    d->writer->enqueue(HistoryStoreQueue::Kind::Walk, dialogs, lines, [=, this](bool stored) {
        if (!stored)
            return walkStoreFailed();
        pageStored(purpose, dialogs, lines, nextBeforeId);
        scheduleStep();
        Q_EMIT progressChanged();
    });
}

void HistoryArchive::pageStored(Purpose purpose, const QList<HistoryDialog> &dialogs, const QList<Message> &lines,
                                qint64 nextBeforeId)
{
    qint64 oldestId = 0;
    QList<HistoryDialog> truncated;
    for (const auto &dialog : dialogs) {
        if (oldestId == 0 || dialog.dialog.id < oldestId)
            oldestId = dialog.dialog.id;
        d->openToRefresh.removeAll(dialog.dialog.id); // fresh from this page
        if (dialog.messagesTruncated)
            truncated.append(dialog);
    }

    Completion completion;
    completion.dialogs = truncated;
    if (purpose == Purpose::TopUpPage) {
        // Done once it reaches what was cached before (or the oldest dialog).
        const bool reached = nextBeforeId == 0 || dialogs.isEmpty() || (d->topMark > 0 && oldestId <= d->topMark);
        d->topUpPending = !reached;
        d->topUpBeforeId = nextBeforeId;
        d->topUpLimit = kPageLimit;
    } else {
        completion.moveCursor = true;
        completion.reachedOldest = nextBeforeId == 0 || dialogs.isEmpty();
        completion.cursor = completion.reachedOldest ? qMax<qint64>(oldestId, d->store->historyBackfillBeforeId())
                                                     : nextBeforeId;
        if (oldestId > 0)
            d->cachedFrom = startDay(*std::min_element(dialogs.cbegin(), dialogs.cend(), [](const auto &a, const auto &b) {
                return a.dialog.id < b.dialog.id;
            }));
    }
    if (!dialogs.isEmpty())
        Q_EMIT historyChanged();
    if (truncated.isEmpty()) {
        if (completion.moveCursor)
            d->store->setHistoryBackfill(completion.cursor, completion.reachedOldest);
        return;
    }
    d->completion = completion;
    d->completion->beforeId = oldestLineOf(d->completion->dialogs.first().dialog.id, lines);
}

qint64 HistoryArchive::oldestLineOf(qint64 dialogId, const QList<protocol::Message> &lines) const
{
    qint64 oldest = 0;
    for (const auto &line : lines) {
        if (line.dialogId == dialogId && line.id > 0 && (oldest == 0 || line.id < oldest))
            oldest = line.id;
    }
    if (oldest == 0) {
        const auto cached = d->store->historyMessages(dialogId);
        oldest = cached.isEmpty() ? std::numeric_limits<qint64>::max() : cached.first().id;
    }
    return oldest;
}

void HistoryArchive::storeOlderLines(const QJsonObject &data)
{
    if (!d->completion)
        return;
    QList<Message> lines;
    for (const QJsonValue &value : data.value(u"messages").toArray())
        lines.append(Message::fromJson(value.toObject()));
    HistoryDialog dialog = d->completion->dialogs.first();
    const bool last = lines.size() < kLinesPerGet;
    // Stored chunk by chunk (a dialog this big may have many); it counts as whole with the last.
    dialog.messagesTruncated = !last;
    const qint64 id = dialog.dialog.id;
    d->writer->enqueue(HistoryStoreQueue::Kind::Walk, {dialog}, lines, [=, this](bool stored) {
        if (!stored)
            return walkStoreFailed();
        if (!d->completion || d->completion->dialogs.first().dialog.id != id)
            return; // the link dropped meanwhile: the page is fetched again
        if (!last && !lines.isEmpty() && lines.first().id < d->completion->beforeId) {
            d->completion->beforeId = lines.first().id;
        } else {
            Q_EMIT historyChanged();
            nextCompletion();
        }
        scheduleStep();
        Q_EMIT progressChanged();
    });
}

void HistoryArchive::nextCompletion()
{
    if (!d->completion)
        return;
    d->completion->dialogs.removeFirst();
    if (!d->completion->dialogs.isEmpty()) {
        d->completion->beforeId = oldestLineOf(d->completion->dialogs.first().dialog.id, {});
        return;
    }
    if (d->completion->moveCursor)
        d->store->setHistoryBackfill(d->completion->cursor, d->completion->reachedOldest);
    d->completion.reset();
}

} // namespace concierge
