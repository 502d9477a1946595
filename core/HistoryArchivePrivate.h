// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryArchive's inside, shared by HistoryArchive.cpp (the walk: backfill, top-up, refresh) and
// HistoryArchiveDialogs.cpp (whole dialogs: fetched on demand, refreshed; the server search).
#pragma once

#include "HistoryArchive.h"
#include "LocalStore.h"

#include <QDate>
#include <QHash>
#include <QTimer>

#include <optional>

namespace concierge {

class HistoryStoreQueue;

namespace historyarchive {

using namespace Qt::StringLiterals;
using protocol::HistoryDialog;

inline const QString kPage = u"history.page"_s;
inline const QString kSearch = u"history.search"_s;
inline const QString kDialog = u"history.dialog"_s;
inline const QString kGet = u"history.get"_s;

inline constexpr int kPageLimit = 50;          // dialogs per history.page (the protocol's default)
// Lines per history.get when completing a truncated dialog: it was truncated because its lines are
// big, and 16 lines of 10,000 characters stay under the 1 MiB frame limit even escaped as \uXXXX
// (500, history.get's maximum, passed it and the link dropped on every try).
inline constexpr int kLinesPerGet = 16;
inline constexpr int kOpenScanWindow = 200;    // the newest cached dialogs looked at for ones still open
inline constexpr int kRetryAfterErrorMs = 5000; // a page the server could not give just now

/// An ensureCached() call: answered once all its missing dialogs are in or failed.
struct FetchBatch
{
    QList<qint64> ids;
    int waiting = 0;
    QList<qint64> failed;
    QString error;
};

/// The older lines of dialogs a page brought only the newest lines of (messagesTruncated), fetched
/// with history.get before the page counts as done.
struct Completion
{
    QList<HistoryDialog> dialogs; ///< still to complete; the first is being fetched
    qint64 beforeId = 0;          ///< the oldest line of the first one cached so far
    bool moveCursor = false;      ///< a backfill page: the cursor moves once they are complete
    qint64 cursor = 0;
    bool reachedOldest = false;
};

} // namespace historyarchive

/// What a request of ours is for; its tag travels as the request's subject id.
enum class HistoryArchive::Purpose {
    TopUpPage, BackfillPage, RefreshDialog, CompleteLines, FetchDialog, CompleteFetch, Search
};

struct HistoryArchive::Private
{
    struct Pending
    {
        Purpose purpose = Purpose::BackfillPage;
        qint64 dialogId = 0; ///< RefreshDialog, CompleteLines, FetchDialog, CompleteFetch
        qint64 ticket = 0;   ///< Search: the caller's; FetchDialog, CompleteFetch: the batch
    };

    LocalStore *store = nullptr;
    Transport transport;
    QString viewer;          ///< viewerKey() of who is logged in ("" before the first login)
    bool enabled = true;
    bool linked = false;
    bool mayWork = true;     ///< false while the operator is Offline: the server refuses history requests
    bool blocked = false;    ///< refused (Offline): waits for a status that may work

    qint64 nextTag = 1;
    QHash<qint64, Pending> pending;
    qint64 walkTag = 0;      ///< the one page (or its dialog or lines) in flight; 0: none

    // After a login: the dialogs newer than the cache (and the ones cached while still open).
    qint64 topMark = 0;      ///< the newest dialog cached while we were in step with the server
    bool topUpPending = false;
    qint64 topUpBeforeId = 0;
    int topUpLimit = 1;      ///< the first probe asks for one dialog: most logins find nothing new
    QList<qint64> openToRefresh;
    std::optional<historyarchive::Completion> completion;

    int total = 0;
    QDate cachedFrom;
    QTimer stepTimer;
    QTimer retryTimer;

    int nextBatch = 1;
    QHash<int, historyarchive::FetchBatch> batches;
    /// Dialogs fetched on demand that came truncated: their rest comes by history.get.
    QHash<qint64, protocol::HistoryDialog> fetchCompletions;

    HistoryStoreQueue *writer = nullptr; ///< every answer is written through it, in slices

    qint64 newestCachedId() const
    {
        const auto newest = store->searchHistory(QString(), {}, 0, 1);
        return newest.isEmpty() ? 0 : newest.first().dialog.dialog.id;
    }
};

} // namespace concierge
