// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryExportWriter.h"

#include "HistoryRepository.h"
#include "HistoryTextExport.h"
#include "HistoryWorkbook.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryFile>
#include <QThread>
#include <QTimeZone>
#include <QUuid>

namespace concierge::server {

using namespace Qt::StringLiterals;
using Viewer = HistoryRepository::Viewer;
using Result = HistoryExportWriter::Outcome::Result;

namespace {

/// The server has no translator: every system line keeps the text stored with it.
QString storedWording(const QString &, const QJsonObject &)
{
    return {};
}

HistoryExportWriter::Outcome failed(const QString &why)
{
    HistoryExportWriter::Outcome outcome;
    outcome.result = Result::Failed;
    outcome.failure = why;
    return outcome;
}

HistoryExportWriter::Outcome withResult(Result result, qint64 missingId = 0)
{
    HistoryExportWriter::Outcome outcome;
    outcome.result = result;
    outcome.missingId = missingId;
    return outcome;
}

/// Removes the file at a path when it goes out of scope, unless released (the finished export).
class RemovedUnlessKept
{
public:
    explicit RemovedUnlessKept(QString path)
        : m_path(std::move(path))
    {
    }
    ~RemovedUnlessKept()
    {
        if (!m_path.isEmpty())
            QFile::remove(m_path);
    }
    RemovedUnlessKept(const RemovedUnlessKept &) = delete;
    RemovedUnlessKept &operator=(const RemovedUnlessKept &) = delete;

    QString keep() { return std::exchange(m_path, QString()); }

private:
    QString m_path;
};

/// The dialog with every line, however long (an export is a file, not a frame with a size limit);
/// an API key sees every dialog, so there is no access check.
std::optional<HistoryRepository::DialogWithLines> wholeDialog(HistoryRepository &history, qint64 id)
{
    auto dialog = history.historyDialog(id);
    if (!dialog)
        return std::nullopt;
    HistoryRepository::DialogWithLines whole;
    whole.dialog = std::move(*dialog);
    whole.messages = history.lines(id, 0, -1); // -1: SQLite's "no limit"
    return whole;
}

} // namespace

HistoryExportWriter::HistoryExportWriter(const QString &databasePath)
    : m_connectionName(u"concierge-export-%1"_s.arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{
    // A connection of this thread's own (a QSqlDatabase may only be used by the thread that made
    // it): read-only, and waiting like the server's own connection when the writer holds a lock.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(databasePath);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s);
    if (!db.open())
        m_openError = u"cannot open %1: %2"_s.arg(databasePath, db.lastError().text());
}

HistoryExportWriter::~HistoryExportWriter()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

HistoryExportWriter::Outcome HistoryExportWriter::write(const Order &order)
{
    if (!m_openError.isEmpty())
        return failed(m_openError);
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    // One read transaction: the ids found and the dialogs written come from the same moment, while
    // the main thread's connection goes on writing (WAL: readers and the writer do not wait).
    if (!db.transaction())
        return failed(db.lastError().text());
    Outcome outcome;
    {
        HistoryRepository history(db);
        // Only the ids (no visitors, no snippets), one more than allowed to tell "too many".
        const QList<qint64> ids = order.byIds ? order.ids
                                              : history.searchIds(Viewer::everything(), order.query, order.filter,
                                                                  order.maxDialogs + 1);
        if (QThread::currentThread()->isInterruptionRequested())
            outcome = withResult(Result::Cancelled);
        else if (ids.size() > order.maxDialogs)
            outcome = withResult(Result::TooMany);
        else
            outcome = order.format == Format::Workbook ? writeWorkbook(history, order, ids)
                                                       : writeText(history, order, ids);
    }
    db.rollback(); // nothing was written through this connection
    outcome.format = order.format;
    return outcome;
}

bool HistoryExportWriter::shouldStop(const Order &order)
{
    if (order.paceMs > 0)
        QThread::msleep(static_cast<unsigned long>(order.paceMs));
    return QThread::currentThread()->isInterruptionRequested();
}

HistoryExportWriter::Outcome HistoryExportWriter::writeText(HistoryRepository &history, const Order &order,
                                                            const QList<qint64> &ids)
{
    QTemporaryFile file(QDir::temp().filePath(u"concierge-export-XXXXXX.txt"_s));
    if (!file.open())
        return failed(file.errorString());
    RemovedUnlessKept removed(file.fileName());
    file.setAutoRemove(false); // kept past this function when finished; removed by `removed` if not
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (shouldStop(order))
            return withResult(Result::Cancelled);
        const auto found = wholeDialog(history, ids.at(i));
        if (!found)
            return withResult(Result::NoSuchDialog, ids.at(i));
        const QString text = (i > 0 ? HistoryTextExport::separator() : QString())
            + HistoryTextExport::dialogText(found->dialog, found->messages, storedWording,
                                            QTimeZone::systemTimeZone());
        if (file.write(text.toUtf8()) < 0)
            return failed(file.errorString());
    }
    if (!file.flush())
        return failed(file.errorString());
    file.close();
    Outcome outcome;
    outcome.result = Result::Written;
    outcome.path = removed.keep();
    outcome.dialogCount = static_cast<int>(ids.size());
    return outcome;
}

HistoryExportWriter::Outcome HistoryExportWriter::writeWorkbook(HistoryRepository &history, const Order &order,
                                                                const QList<qint64> &ids)
{
    // libxlsxwriter writes the file itself, by name. `book` goes before `removed`: a workbook left
    // unfinished is closed (and written) first, then removed.
    const QString path = QDir::temp().filePath(u"concierge-export-%1.xlsx"_s.arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces)));
    RemovedUnlessKept removed(path);
    HistoryWorkbook book;
    if (!book.open(path))
        return failed(book.errorString());
    for (const qint64 id : ids) {
        if (shouldStop(order))
            return withResult(Result::Cancelled);
        const auto found = wholeDialog(history, id);
        if (!found)
            return withResult(Result::NoSuchDialog, id);
        if (!book.addDialog(found->dialog, found->messages, storedWording, QTimeZone::systemTimeZone()))
            return failed(book.errorString());
    }
    if (!book.finish())
        return failed(book.errorString());
    Outcome outcome;
    outcome.result = Result::Written;
    outcome.path = removed.keep();
    outcome.dialogCount = static_cast<int>(ids.size());
    return outcome;
}

} // namespace concierge::server
