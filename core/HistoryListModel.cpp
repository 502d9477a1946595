// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryListModel.h"

#include "HistoryArchive.h"
#include "HistorySearchWorker.h"
#include "OperatorSession.h"

#include <QPointer>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::HistoryHit;

namespace {

constexpr int kLocalPage = 100;  // rows per local search (the worker's answer is a few ms)
constexpr int kServerPage = 50;  // rows per history.search
constexpr int kRefreshDelayMs = 250; // a backfill page or a burst of live lines: one refresh

const QString kDateTimeFormat = u"dd.MM.yyyy HH:mm"_s;
const QString kDateFormat = u"dd.MM.yyyy"_s;

qint64 nextServerTicket()
{
    static qint64 ticket = 0; // GUI thread only; unique across models sharing one archive
    return ++ticket;
}

QString visitorName(const protocol::HistoryDialog &item)
{
    // The name the visitor gave (contact form, then offline form), else the server's "Visitor 12".
    if (item.visitor.contact && !item.visitor.contact->name.trimmed().isEmpty())
        return item.visitor.contact->name.trimmed();
    if (item.dialog.offline && !item.dialog.offline->name.trimmed().isEmpty())
        return item.dialog.offline->name.trimmed();
    if (!item.visitor.name.isEmpty())
        return item.visitor.name;
    return HistoryListModel::tr("Visitor %1").arg(item.dialog.visitorId);
}

QString contactLine(const protocol::HistoryDialog &item)
{
    QStringList parts;
    for (const auto &contact : {item.visitor.contact, item.dialog.offline}) {
        if (!contact)
            continue;
        for (const QString &value : {contact->email, contact->phone}) {
            if (!value.trimmed().isEmpty() && !parts.contains(value.trimmed()))
                parts.append(value.trimmed());
        }
    }
    return parts.join(u", "_s);
}

QString localTime(const QDateTime &at)
{
    return at.isValid() ? at.toLocalTime().toString(kDateTimeFormat) : QString();
}

} // namespace

struct HistoryListModel::Private
{
    struct Row
    {
        HistoryHit hit;
        bool fromServer = false;
        friend bool operator==(const Row &, const Row &) = default;
    };

    HistoryListModel *q = nullptr;
    QPointer<OperatorSession> session;
    QPointer<HistoryArchive> archive;
    QThread thread;
    HistorySearchWorker *worker = nullptr;

    QString query;
    protocol::HistoryFilter filter;
    QList<Row> rows; ///< the local hits (newest first), then the server's

    qint64 localRequest = 0;   ///< the local search whose answer is awaited; others are dropped
    bool localAppend = false;  ///< it is a fetchMore (else it replaces the local rows)
    bool localBounded = false; ///< it is a refresh down to the oldest row shown: the end stays as it was
    bool localExhausted = false;
    bool announced = false;    ///< searchFinished() was emitted for this query (its first rows are in)

    enum class ServerStage { NotNeeded, Searching, Done, Failed };
    ServerStage server = ServerStage::NotNeeded;
    bool serverStarted = false; ///< for this query
    qint64 serverTicket = 0;    ///< the history.search awaited; 0: none
    qint64 serverNextBeforeId = 0;
    QDate uncachedBefore;       ///< said in the status
    QString serverError;
    QTimer refreshTimer;

    int localCount() const
    {
        return int(std::count_if(rows.cbegin(), rows.cend(), [](const Row &row) { return !row.fromServer; }));
    }
    int serverCount() const { return int(rows.size()) - localCount(); }
    /// Replaces the rows, as inserts and changes where the new list extends the old one.
    void applyRows(const QList<Row> &newRows);
    qint64 oldestLocalId() const
    {
        qint64 oldest = 0;
        for (const Row &row : rows) {
            if (!row.fromServer && (oldest == 0 || row.hit.dialog.dialog.id < oldest))
                oldest = row.hit.dialog.dialog.id;
        }
        return oldest;
    }
};

HistoryListModel::HistoryListModel(OperatorSession *session, const QString &databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->session = session;
    d->archive = session->history();
    d->worker = new HistorySearchWorker(databasePath);
    d->worker->moveToThread(&d->thread);
    d->thread.setObjectName(u"HistorySearch"_s);
    d->thread.start();

    d->refreshTimer.setSingleShot(true);
    d->refreshTimer.setInterval(kRefreshDelayMs);
    connect(&d->refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
    const auto later = [this] { d->refreshTimer.start(); };
    connect(d->archive, &HistoryArchive::historyChanged, this, later);
    // Live dialogs and lines reach the cache through the session, not the archive.
    connect(session, &OperatorSession::dialogChanged, this, later);
    connect(session, &OperatorSession::messageArrived, this, later);
    connect(d->archive, &HistoryArchive::serverSearchFinished, this, &HistoryListModel::onServerFound);
    connect(d->archive, &HistoryArchive::serverSearchFailed, this, &HistoryListModel::onServerFailed);
}

HistoryListModel::~HistoryListModel()
{
    // The worker (and its store's connection) ends on its own thread, then the thread.
    HistorySearchWorker *worker = d->worker;
    QMetaObject::invokeMethod(worker, [worker] { delete worker; }, Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

void HistoryListModel::setQuery(const QString &text, const protocol::HistoryFilter &filter)
{
    d->query = text;
    d->filter = filter;
    d->announced = false;
    d->serverStarted = false;
    d->server = Private::ServerStage::NotNeeded;
    d->serverTicket = 0;
    d->serverNextBeforeId = 0;
    d->serverError.clear();
    d->refreshTimer.stop();
    // The old rows stay until the new ones are in: no flash of an empty table while typing.
    searchLocal(0, kLocalPage, false);
}

QString HistoryListModel::queryText() const { return d->query; }
protocol::HistoryFilter HistoryListModel::filter() const { return d->filter; }
bool HistoryListModel::searching() const
{
    return d->localRequest != 0 || d->server == Private::ServerStage::Searching;
}

void HistoryListModel::searchLocal(qint64 beforeId, int limit, bool append, qint64 atLeastId)
{
    static qint64 requests = 0;
    const qint64 request = ++requests;
    const bool wasSearching = searching();
    d->localRequest = request;
    d->localAppend = append;
    d->localBounded = atLeastId > 0;
    const QString query = d->query;
    const protocol::HistoryFilter filter = d->filter;
    HistorySearchWorker *worker = d->worker;
    QPointer<HistoryListModel> self(this);
    QMetaObject::invokeMethod(worker, [=] {
        const HistorySearchWorker::Result result = worker->search(query, filter, beforeId, limit, atLeastId);
        // Back on the GUI thread; dropped if the model is gone or a newer search superseded it.
        QMetaObject::invokeMethod(self.data(), [self, request, result, limit] {
            if (self)
                self->onLocalFound(request, result.hits, result.hits.size() < limit, result.error);
        }, Qt::QueuedConnection);
    }, Qt::QueuedConnection);
    if (!wasSearching)
        Q_EMIT statusChanged();
}

void HistoryListModel::onLocalFound(qint64 request, const QList<protocol::HistoryHit> &hits, bool exhausted,
                                    const QString &error)
{
    if (request != d->localRequest)
        return;
    d->localRequest = 0;
    if (!error.isEmpty())
        qWarning("HistoryListModel: the cache could not be searched: %s", qUtf8Printable(error));
    if (!d->localBounded)
        d->localExhausted = exhausted;
    QList<Private::Row> local;
    if (d->localAppend) {
        for (const Private::Row &row : std::as_const(d->rows)) {
            if (!row.fromServer)
                local.append(row);
        }
    }
    QSet<qint64> seen;
    for (const Private::Row &row : std::as_const(local))
        seen.insert(row.hit.dialog.dialog.id);
    for (const HistoryHit &hit : hits) {
        if (!seen.contains(hit.dialog.dialog.id)) {
            seen.insert(hit.dialog.dialog.id);
            local.append({hit, false});
        }
    }
    // A refresh keeps what the server found below; a new query's first rows replace everything.
    QList<Private::Row> server;
    for (const Private::Row &row : std::as_const(d->rows)) {
        if (d->announced && row.fromServer && !seen.contains(row.hit.dialog.dialog.id))
            server.append(row);
    }
    d->applyRows(local + server);

    if (!d->announced) {
        d->announced = true;
        Q_EMIT searchFinished();
    }
    startServerIfNeeded();
    Q_EMIT statusChanged();
}

void HistoryListModel::startServerIfNeeded()
{
    // Once the cache has said all it has, the part of the history not cached yet is asked of the
    // server — older than what was found here.
    if (d->serverStarted || !d->localExhausted || !d->archive)
        return;
    const qint64 uncachedBelow = d->archive->uncachedBelowId();
    if (uncachedBelow <= 0)
        return;
    d->serverStarted = true;
    d->uncachedBefore = d->archive->progress().cachedFrom;
    // From where the cache stops being whole: dialogs cached below it (a server search's hits, a
    // migrated cache) do not mean the server has nothing else there; the rows shown are deduplicated.
    searchServer(uncachedBelow);
}

void HistoryListModel::searchServer(qint64 beforeId)
{
    d->server = Private::ServerStage::Searching;
    d->serverTicket = nextServerTicket();
    Q_EMIT statusChanged();
    d->archive->searchServer(d->serverTicket, d->query, d->filter, beforeId, kServerPage);
}

void HistoryListModel::onServerFound(qint64 ticket, const QList<protocol::HistoryHit> &hits, qint64 nextBeforeId)
{
    if (ticket != d->serverTicket)
        return;
    d->serverTicket = 0;
    d->server = Private::ServerStage::Done;
    d->serverNextBeforeId = nextBeforeId;
    QSet<qint64> seen;
    for (const Private::Row &row : std::as_const(d->rows))
        seen.insert(row.hit.dialog.dialog.id);
    QList<Private::Row> added;
    for (const HistoryHit &hit : hits) {
        if (!seen.contains(hit.dialog.dialog.id)) {
            seen.insert(hit.dialog.dialog.id);
            added.append({hit, true});
        }
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, int(d->rows.size()), int(d->rows.size() + added.size()) - 1);
        d->rows.append(added);
        endInsertRows();
    }
    Q_EMIT statusChanged();
}

void HistoryListModel::onServerFailed(qint64 ticket, const QString &message)
{
    if (ticket != d->serverTicket)
        return;
    d->serverTicket = 0;
    d->server = Private::ServerStage::Failed;
    d->serverError = message;
    d->serverStarted = false; // asked again when the cache next changes (e.g. after a reconnect)
    Q_EMIT statusChanged();
}

void HistoryListModel::refresh()
{
    // Same query over the range already shown: new and changed dialogs appear without moving the
    // rest. Bounded by the oldest row shown, however many that is (a fixed count could come back
    // short of the rows shown and reset the table); once the list reached its end, everything.
    if (d->localRequest != 0 && !d->localAppend) {
        d->refreshTimer.start(); // the first answer of this query is still coming
        return;
    }
    if (d->server == Private::ServerStage::Failed)
        d->server = Private::ServerStage::NotNeeded;
    const qint64 oldestShown = d->oldestLocalId();
    if (oldestShown == 0)
        searchLocal(0, kLocalPage, false);
    else
        searchLocal(0, std::numeric_limits<int>::max(), false, d->localExhausted ? 1 : oldestShown);
}

void HistoryListModel::Private::applyRows(const QList<Row> &newRows)
{
    const auto ids = [](const QList<Row> &list) {
        QList<qint64> result;
        result.reserve(list.size());
        for (const auto &row : list)
            result.append(row.hit.dialog.dialog.id);
        return result;
    };
    const QList<qint64> oldIds = ids(rows);
    const QList<qint64> newIds = ids(newRows);
    const auto updateChanged = [&](int offset) {
        for (int row = 0; row < rows.size(); ++row) {
            if (!(rows.at(row) == newRows.at(row + offset))) {
                rows[row] = newRows.at(row + offset);
                Q_EMIT q->dataChanged(q->index(row, 0), q->index(row, ColumnCount - 1));
            }
        }
    };
    if (newIds == oldIds) {
        updateChanged(0);
        return;
    }
    // Newer dialogs on top of the same list (a live dialog, a top-up page): inserted, so the
    // selection stays on its dialog.
    const qsizetype added = newIds.size() - oldIds.size();
    if (added > 0 && !oldIds.isEmpty() && newIds.mid(added) == oldIds) {
        q->beginInsertRows({}, 0, int(added) - 1);
        rows = newRows.mid(0, added) + rows;
        q->endInsertRows();
        updateChanged(0);
        return;
    }
    // More below the same list (a page, a backfill that reached further): appended.
    if (added > 0 && newIds.mid(0, oldIds.size()) == oldIds) {
        updateChanged(0);
        q->beginInsertRows({}, int(oldIds.size()), int(newIds.size()) - 1);
        rows.append(newRows.mid(oldIds.size()));
        q->endInsertRows();
        return;
    }
    q->beginResetModel();
    rows = newRows;
    q->endResetModel();
}

bool HistoryListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid())
        return false;
    if (!d->localExhausted)
        return d->localRequest == 0;
    return d->server == Private::ServerStage::Done && d->serverNextBeforeId > 0;
}

void HistoryListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (!d->localExhausted)
        searchLocal(d->oldestLocalId(), kLocalPage, true);
    else
        searchServer(d->serverNextBeforeId);
}

QString HistoryListModel::status() const
{
    const int count = int(d->rows.size());
    const QString found = d->localExhausted || d->server != Private::ServerStage::NotNeeded
        ? tr("%n dialog(s)", "", count)
        : tr("%n dialog(s) so far", "", count);
    const QString day = d->uncachedBefore.isValid() ? d->uncachedBefore.toString(kDateFormat) : QString();
    switch (d->server) {
    case Private::ServerStage::Searching:
        return day.isEmpty() ? tr("The history is not on this computer yet — searching the server…")
                             : tr("Dialogs before %1 are not on this computer yet — searching the server…").arg(day);
    case Private::ServerStage::Done:
        return day.isEmpty()
            ? tr("%1. The history is not on this computer yet — %n found on the server.", "", d->serverCount()).arg(found)
            : tr("%1. Dialogs before %2 are not on this computer yet — %n found on the server.", "", d->serverCount())
                  .arg(found, day);
    case Private::ServerStage::Failed:
        return tr("%1. The server could not be searched: %2").arg(found, d->serverError);
    case Private::ServerStage::NotNeeded:
        break;
    }
    if (!d->announced)
        return tr("Searching…");
    return found;
}

qint64 HistoryListModel::dialogId(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row).hit.dialog.dialog.id : 0;
}

protocol::HistoryHit HistoryListModel::hit(int row) const
{
    return row >= 0 && row < d->rows.size() ? d->rows.at(row).hit : HistoryHit();
}

int HistoryListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(d->rows.size());
}

int HistoryListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Private::Row &row = d->rows.at(index.row());
    const protocol::HistoryDialog &item = row.hit.dialog;
    switch (role) {
    case DialogIdRole:
        return item.dialog.id;
    case SnippetTextRole:
        return row.hit.snippet.text;
    case SnippetHighlightsRole:
        return QVariant::fromValue(row.hit.snippet.highlights);
    case FromServerRole:
        return row.fromServer;
    case HistoryDialogRole:
        return QVariant::fromValue(item);
    case Qt::TextAlignmentRole:
        if (index.column() == Number || index.column() == Messages)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Number: return QString::number(item.dialog.id);
        case Start: return localTime(item.dialog.createdAt);
        case End: return item.dialog.isOpen() ? QString() : localTime(item.dialog.closedAt);
        case Visitor: return visitorName(item);
        case Operator: return item.operatorName;
        case Department: return item.departmentName;
        case Category: return item.categoryName;
        case Rating: return item.dialog.rating.isValid() ? QString(qBound(1, item.dialog.rating.score, 5), u'★') : QString();
        case Messages: return QString::number(item.messageCount);
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (index.column() == Visitor && !contactLine(item).isEmpty())
            lines.append(contactLine(item));
        if (index.column() == Rating && item.dialog.rating.isValid()) {
            lines.append(tr("Rated %1 of 5").arg(item.dialog.rating.score));
            if (!item.dialog.rating.comment.trimmed().isEmpty())
                lines.append(item.dialog.rating.comment.trimmed());
        }
        if (index.column() == End && item.dialog.isOpen())
            lines.append(tr("Still open"));
        if (!row.hit.snippet.text.isEmpty())
            lines.append(row.hit.snippet.text);
        if (row.fromServer)
            lines.append(tr("Found on the server: its lines are fetched when you open it."));
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    default:
        return {};
    }
}

QVariant HistoryListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Number: return tr("Number");
    case Start: return tr("Start");
    case End: return tr("End");
    case Visitor: return tr("Visitor");
    case Operator: return tr("Operator");
    case Department: return tr("Department");
    case Category: return tr("Category");
    case Rating: return tr("Rating");
    case Messages: return tr("Messages");
    case ColumnCount: break;
    }
    return {};
}

} // namespace concierge
