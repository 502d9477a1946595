// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

#include <memory>

namespace concierge {

class HistoryArchive;
class OperatorSession;

/// The history window's table (docs/protocol.md, "History"): the dialogs that match what the
/// operator typed and the filter, newest first — first from the local cache (searched on a worker
/// thread with its own connection to the cache file, so typing never waits for it), then, for the
/// part of the history not cached yet, from the server, appended below and said so in status().
/// Each setQuery() supersedes the one before (late answers of older searches are dropped).
class HistoryListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Number, Start, End, Visitor, Operator, Department, Category, Rating, Messages, ColumnCount };
    enum Role {
        DialogIdRole = Qt::UserRole + 1,
        SnippetTextRole,       ///< QString: the matching line, cut (plain text)
        SnippetHighlightsRole, ///< QList<protocol::TextSpan> as QVariant
        FromServerRole,        ///< bool: found on the server, lines not cached yet
        HistoryDialogRole,     ///< protocol::HistoryDialog as QVariant
    };

    /// \a databasePath: the session's cache file (opened read-only on the worker thread).
    HistoryListModel(OperatorSession *session, const QString &databasePath, QObject *parent = nullptr);
    ~HistoryListModel() override;

    void setQuery(const QString &text, const protocol::HistoryFilter &filter);
    QString queryText() const;
    protocol::HistoryFilter filter() const;
    /// More rows for the same query (the table was scrolled to the end); no-op when !canFetchMore().
    void fetchMore(const QModelIndex &parent = {}) override;
    bool canFetchMore(const QModelIndex &parent = {}) const override;
    bool searching() const;
    /// One sentence for the status line: "23 dialogs", "Searching…", "Dialogs before 12.03.2026
    /// are not cached yet — also searching the server…", "The server could not be searched: …".
    QString status() const;
    qint64 dialogId(int row) const;
    protocol::HistoryHit hit(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void statusChanged();
    /// A search's first rows are in (the view may select the first one).
    void searchFinished();

private:
    /// A local search on the worker thread: the first page (replacing the local rows, which are
    /// compared so unchanged rows stay put) or the next one (\a append). \a atLeastId > 0: a
    /// refresh of the rows shown, every dialog from that id up (it never decides the list's end).
    void searchLocal(qint64 beforeId, int limit, bool append, qint64 atLeastId = 0);
    void onLocalFound(qint64 request, const QList<protocol::HistoryHit> &hits, bool exhausted, const QString &error);
    void startServerIfNeeded();
    void searchServer(qint64 beforeId);
    void onServerFound(qint64 ticket, const QList<protocol::HistoryHit> &hits, qint64 nextBeforeId);
    void onServerFailed(qint64 ticket, const QString &message);
    /// The cache changed (a backfill page, a fetched dialog, a live line): the same search again.
    void refresh();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge

Q_DECLARE_METATYPE(concierge::protocol::HistoryDialog)
Q_DECLARE_METATYPE(QList<concierge::protocol::TextSpan>)
