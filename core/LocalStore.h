// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerSettings.h"

#include "protocol/Dialog.h"
#include "protocol/History.h"
#include "protocol/Message.h"
#include "protocol/Moderation.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"
#include "protocol/Visitor.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace concierge {

/// A reply the operator wrote that the server has not yet confirmed (see Outbox).
struct OutboxEntry
{
    QString cid;
    qint64 dialogId = 0;
    QString text;
    QDateTime createdAt;
    friend bool operator==(const OutboxEntry &, const OutboxEntry &) = default;
};

/// How often, and when last, one operator used one template on this machine (never synced).
struct TemplateUseRow
{
    qint64 templateId = 0;
    int count = 0;
    QDateTime lastUsed;
};

/// The app's local cache: one SQLite file through QtSql (WAL). Holds what the server last told us
/// (visitors, dialogs, messages), the resume point (`last_seq`) and the outbox, so the main window
/// fills from disk before any network and a reply typed offline survives a restart.
/// Not thread-safe: one instance per thread (each has its own QtSql connection name).
class LocalStore
{
public:
    /// Bumped with every migration in LocalStore.cpp; a fresh database is created at this version.
    static constexpr int kSchemaVersion = 10;

    LocalStore();
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    /// Opens (creating if needed) and migrates the database at `path`. On false see errorString().
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString errorString() const;
    int schemaVersion() const;
    QString connectionName() const { return m_connectionName; }

    /// Groups writes (an event applied together with its seq; a snapshot). Nested calls are joined
    /// into the outermost transaction.
    bool beginTransaction();
    bool commit();
    void rollback();

    bool upsertVisitor(const protocol::Visitor &visitor);
    bool upsertDialog(const protocol::Dialog &dialog);
    /// Returns true if the message was not stored before (by id, or by cid) — callers use it to
    /// announce each message exactly once.
    bool upsertMessage(const protocol::Message &message);

    /// Replaces visitors and dialogs with the snapshot's and merges its messages, in one
    /// transaction (older cached history of a dialog is kept).
    bool replaceWithSnapshot(const QList<protocol::Visitor> &visitors,
                             const QList<protocol::Dialog> &dialogs,
                             const QList<protocol::Message> &messages);

    /// Every cached visitor, complete (parses each one's JSON: slow for thousands).
    QList<protocol::Visitor> visitors() const;
    /// Every cached visitor with only what the visitor list shows and sorts by: id, name, online,
    /// currentPage.title/url and lastSeen; everything else is empty. Read from plain columns, for
    /// a quick start from a big cache. Never write such a row back with upsertVisitor().
    QList<protocol::Visitor> visitorListRows() const;
    /// One cached visitor, complete; nullopt if not cached.
    std::optional<protocol::Visitor> visitor(qint64 id) const;
    QList<protocol::Dialog> openDialogs() const;
    protocol::Dialog dialog(qint64 id) const; ///< id 0 if unknown
    /// The newest `limit` lines of a dialog, oldest first. Dialog 0 is the operator room.
    QList<protocol::Message> messages(qint64 dialogId, int limit = 200) const;
    /// Open dialog id → the text of its last visitor/operator line (for the visitor list).
    QHash<qint64, QString> lastMessageTexts() const;

    qint64 lastSeq() const;
    bool setLastSeq(qint64 seq);
    protocol::OperatorInfo operatorInfo() const; ///< id 0 if never logged in
    bool setOperatorInfo(const protocol::OperatorInfo &info);
    /// What the last hello said: every operator, the departments, the server's settings.
    QList<protocol::OperatorInfo> operators() const;
    bool setOperators(const QList<protocol::OperatorInfo> &operators);
    QList<protocol::Department> departments() const;
    bool setDepartments(const QList<protocol::Department> &departments);
    QList<protocol::Category> categories() const;
    bool setCategories(const QList<protocol::Category> &categories);
    ServerSettings serverSettings() const; ///< defaults if never told
    bool setServerSettings(const ServerSettings &settings);
    QUrl serverUrl() const;
    bool setServerUrl(const QUrl &url);

    /// The cached template libraries (LocalStoreTemplates.cpp), in id order.
    QList<protocol::Template> templates() const;
    bool upsertTemplate(const protocol::Template &item);
    bool removeTemplate(qint64 id);
    /// A `templates.sync` since 0: the cache becomes exactly \a templates (one transaction).
    bool replaceTemplates(const QList<protocol::Template> &templates);
    /// The sync cursor: the revision the cached libraries are complete up to (0: never synced).
    qint64 templatesRevision() const;
    bool setTemplatesRevision(qint64 revision);
    /// Whom the cached libraries were synced for (operator, role, departments, as the library
    /// words it): when it changes, the next sync starts over from 0.
    QString templatesViewer() const;
    bool setTemplatesViewer(const QString &viewer);
    QList<TemplateUseRow> templateUsage(qint64 operatorId) const;
    /// One more use by \a operatorId at \a at; returns the row as now stored.
    TemplateUseRow recordTemplateUse(qint64 operatorId, qint64 templateId, const QDateTime &at);

    // --- History (LocalStoreHistory.cpp; docs/protocol.md "History") ------------------------
    // Every dialog the app has seen — live, or brought by the backfill (history.page) or a server
    // search — has a row in the history index with the names it had; every cached line of it is
    // in the full-text index (folded with protocol::HistoryText). Snapshots never remove them.

    /// Stores one history.page / history.dialog answer: dialogs (with their names and the
    /// visitor as they were) and their lines, in one transaction; lines already cached are kept.
    bool storeHistory(const QList<protocol::HistoryDialog> &dialogs, const QList<protocol::Message> &messages);
    /// Remembers a dialog that a server search found (its lines may not be cached).
    bool storeHistoryDialog(const protocol::HistoryDialog &dialog);
    std::optional<protocol::HistoryDialog> historyDialog(qint64 id) const;
    /// Every cached line of a dialog, oldest first (no limit: a history view or an export).
    QList<protocol::Message> historyMessages(qint64 dialogId) const;
    /// True when every line of the dialog is cached (stored from history.page/history.dialog whole,
    /// or seen live from its start).
    bool historyComplete(qint64 dialogId) const;
    /// Newest dialog first (id descending) with id < \a beforeId (0: from the newest); at most
    /// \a limit hits; \a query empty lists what the filter lets through. Snippets as HistoryText.
    /// A plain operator's cache lists only the dialogs they took part in (assigned to them, or
    /// with a line of theirs): the others it saw live are not in their history.
    QList<protocol::HistoryHit> searchHistory(const QString &query, const protocol::HistoryFilter &filter,
                                              qint64 beforeId, int limit) const;
    /// The same, only dialogs with id >= \a atLeastId (a list refreshing the rows it shows); with
    /// \a atLeastId > 0 the \a limit is not capped at 1000 (the range bounds the work).
    QList<protocol::HistoryHit> searchHistory(const QString &query, const protocol::HistoryFilter &filter,
                                              qint64 beforeId, qint64 atLeastId, int limit) const;
    /// The backfill's resume point: dialogs with id >= this are cached (0: not started); and
    /// whether it reached the oldest dialog.
    qint64 historyBackfillBeforeId() const;
    bool historyBackfillComplete() const;
    bool setHistoryBackfill(qint64 beforeId, bool complete);
    /// Whom the history was backfilled for (operator id and role): another viewer starts over.
    QString historyViewer() const;
    bool setHistoryViewer(const QString &viewer);
    int historyDialogCount() const;
    /// Forgets the whole history index (rows, both full-text indexes, the word list, every line's
    /// key), the lines only the history brought (of dialogs the live cache does not hold) and the
    /// backfill's cursor, in one transaction: another viewer must not find what this one saw.
    bool clearHistory();
    /// Dialogs a snapshot closed while the app was away (their end, maybe lines, not cached):
    /// newest first, at most \a limit. A history.page/history.dialog answer makes them fresh.
    QList<qint64> staleHistoryDialogs(int limit) const;
    bool setHistoryStale(qint64 dialogId, bool stale);

    bool addOutbox(const OutboxEntry &entry);
    bool removeOutbox(const QString &cid);
    QList<OutboxEntry> outbox() const; ///< in the order the replies were written

private:
    bool exec(const QString &sql);
    bool migrate();
    QString kv(const QString &key) const;
    bool setKv(const QString &key, const QString &value);
    bool fail(const QString &what, const QString &error);

    // History index upkeep (LocalStoreHistory.cpp).
    /// The v9 step's C++ part: history rows for the cached dialogs, every cached line indexed.
    bool fillHistoryIndex();
    /// Indexes one stored line of a dialog unless it already is; counts it in its dialog's row.
    bool indexHistoryLine(const protocol::Message &message);
    /// Creates or updates the history row of a dialog seen live or in a snapshot.
    bool noteHistoryDialog(const protocol::Dialog &dialog);

    QString m_connectionName;
    QString m_error;
    int m_transactionDepth = 0;
    bool m_transactionFailed = false;
    bool m_applyingSnapshot = false; ///< dialogs seen now were not seen from their start
};

} // namespace concierge
