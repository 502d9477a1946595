// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/History.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace concierge {

class LocalStore;

/// The history this operator may look back at (docs/protocol.md, "History"), on this machine.
///
/// - **Backfill**: while the link is up it walks `history.page` from the newest dialog down,
///   storing each page in the LocalStore and remembering where it got to, so it goes on after a
///   restart where it stopped; after each login it first tops up the dialogs newer than the ones it
///   has (and those still open when cached). Another operator or role on this machine starts over.
/// - **Dialogs**: a dialog found only on the server is fetched whole (`history.dialog`) on demand.
/// - **Server search**: the part of the history not cached yet is searched on the server.
///
/// Speaks to the server only through the Transport the OperatorSession gives it and the handle…()
/// calls the session forwards (like TemplateLibrary), so a test can drive one over a store alone.
/// Lives on the GUI thread; the store is the session's.
class HistoryArchive : public QObject
{
    Q_OBJECT
public:
    using Transport = std::function<bool(const QString &type, const QJsonObject &fields, qint64 subjectId)>;

    struct Progress
    {
        int cachedDialogs = 0; ///< dialogs in the local history index
        int totalDialogs = 0;  ///< what the server said it has for us (0: not known yet)
        bool running = false;  ///< pages are being fetched now
        bool complete = false; ///< the oldest dialog was reached
        QDate cachedFrom;      ///< start day of the oldest cached dialog; null: none cached
    };

    explicit HistoryArchive(LocalStore *store, QObject *parent = nullptr);
    ~HistoryArchive() override;

    Progress progress() const;
    /// On by default. Off: no pages are fetched (what is cached stays searchable).
    void setBackfillEnabled(bool enabled);
    bool backfillEnabled() const;
    /// Dialogs with an id below this are not all cached (0: the cache has the whole history;
    /// the largest qint64 before the backfill's first page): searches must ask the server for them.
    qint64 uncachedBelowId() const;

    /// From the cache; nullopt when this dialog was never seen.
    std::optional<protocol::HistoryDialog> dialog(qint64 id) const;
    /// Every cached line, oldest first.
    QList<protocol::Message> messages(qint64 dialogId) const;
    /// Fetches the dialogs whose lines are not all cached (history.dialog each); dialogsReady()
    /// follows at once when none is missing. Failures: fetchFailed().
    void ensureCached(const QList<qint64> &dialogIds);
    /// history.search on the server; the answer comes as serverSearchFinished(\a ticket, …) (found
    /// dialogs are remembered in the cache) or serverSearchFailed(\a ticket, …).
    void searchServer(qint64 ticket, const QString &query, const protocol::HistoryFilter &filter,
                      qint64 beforeId, int limit);

    // The OperatorSession's side.
    static bool handles(const QString &requestType);
    void setTransport(Transport transport);
    void setViewer(const protocol::OperatorInfo &self);
    void linkUp();   ///< a hello succeeded: top up, then go on backfilling
    void linkDown(); ///< requests in flight are failed; the backfill pauses
    void handleResult(const QString &type, qint64 subjectId, const QJsonObject &data);
    void handleError(const QString &type, qint64 subjectId, protocol::ErrorCode code, const QString &message);

Q_SIGNALS:
    void progressChanged();
    /// Dialogs were added to or changed in the cache (a page, a fetched dialog, a live event's
    /// dialog is reported by the session's own signals instead).
    void historyChanged();
    void dialogsReady(const QList<qint64> &dialogIds);
    void fetchFailed(const QList<qint64> &dialogIds, const QString &message);
    void serverSearchFinished(qint64 ticket, const QList<concierge::protocol::HistoryHit> &hits, qint64 nextBeforeId);
    void serverSearchFailed(qint64 ticket, const QString &message);

private:
    enum class Purpose;
    /// Sends through the transport; the request's tag (its subject id), 0 when there is no link.
    qint64 send(const QString &type, const QJsonObject &fields, Purpose purpose, qint64 dialogId = 0,
                qint64 ticket = 0);
    void scheduleStep();
    /// The next request of the walk: the rest of a truncated dialog, the top-up, a dialog cached
    /// while open, or the next backfill page. Never more than one at a time.
    void advance();
    /// Queues a page for writing; pageStored() goes on once it is in.
    void storePage(Purpose purpose, const QJsonObject &data);
    void pageStored(Purpose purpose, const QList<protocol::HistoryDialog> &dialogs,
                    const QList<protocol::Message> &lines, qint64 nextBeforeId);
    /// A write of the walk failed: nothing moves, the same request is made again later.
    void walkStoreFailed();
    void storeOlderLines(const QJsonObject &data);
    void nextCompletion();
    /// A history.dialog answer (a refresh of the walk, or a dialog fetched for \a batchId).
    void storeWholeDialog(Purpose purpose, int batchId, qint64 dialogId, const QJsonObject &data);
    /// The rest of a dialog fetched on demand that came truncated, history.get by history.get.
    void requestFetchedLines(int batchId, qint64 dialogId, qint64 beforeId);
    void storeFetchedLines(int batchId, qint64 dialogId, const QJsonObject &data);
    qint64 oldestLineOf(qint64 dialogId, const QList<protocol::Message> &lines) const;
    void finishFetch(int batchId, qint64 dialogId, const QString &error);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
