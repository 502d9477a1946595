// SPDX-License-Identifier: GPL-3.0-or-later
// The history section of LocalStore, reading side (docs/protocol.md "History"): a dialog and its
// lines as cached, how many there are, the backfill's cursor and viewer, and forgetting it all
// for another viewer. The index itself is kept by LocalStoreHistory.cpp, searched by
// LocalStoreHistorySearch.cpp.
#include "LocalStore.h"

#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

QJsonObject fromJsonBytes(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

} // namespace

namespace {

/// The columns historyDialogFromRow() reads, in its order.
constexpr auto kHistoryColumns = "id, state, closed_at, CAST(dialog AS BLOB), CAST(visitor AS BLOB), operator_name, "
                                 "department_name, category_name, MAX(message_count, server_count)";

protocol::HistoryDialog historyDialogFromRow(const QSqlQuery &query)
{
    protocol::HistoryDialog item;
    item.dialog = protocol::Dialog::fromJson(fromJsonBytes(query.value(3)));
    // The state column is the truth: a snapshot closes dialogs without a new Dialog object.
    item.dialog.state = protocol::dialogStateFromString(query.value(1).toString());
    item.visitor = protocol::Visitor::fromJson(fromJsonBytes(query.value(4)));
    item.operatorName = query.value(5).toString();
    item.departmentName = query.value(6).toString();
    item.categoryName = query.value(7).toString();
    item.messageCount = query.value(8).toInt();
    return item;
}

} // namespace

std::optional<protocol::HistoryDialog> LocalStore::historyDialog(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT %1 FROM history WHERE id = ? AND dialog IS NOT NULL"_s.arg(QLatin1StringView(kHistoryColumns)));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return historyDialogFromRow(query);
    return std::nullopt;
}

QList<protocol::Message> LocalStore::historyMessages(qint64 dialogId) const
{
    QList<protocol::Message> result;
    if (dialogId == 0)
        return result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT CAST(json AS BLOB) FROM messages WHERE dialog_id = ? ORDER BY at, id"_s);
    query.addBindValue(dialogId);
    if (query.exec()) {
        while (query.next())
            result.append(protocol::Message::fromJson(fromJsonBytes(query.value(0))));
    }
    return result;
}

bool LocalStore::historyComplete(qint64 dialogId) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT complete FROM history WHERE id = ? AND dialog IS NOT NULL"_s);
    query.addBindValue(dialogId);
    return query.exec() && query.next() && query.value(0).toBool();
}

int LocalStore::historyDialogCount() const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    const protocol::OperatorInfo viewer = operatorInfo();
    const QString tookPart = viewer.id > 0 && !viewer.supervises() ? u" AND took_part = 1"_s : QString();
    if (query.exec(u"SELECT COUNT(*) FROM history WHERE dialog IS NOT NULL"_s + tookPart) && query.next())
        return query.value(0).toInt();
    return 0;
}

bool LocalStore::clearHistory()
{
    if (!beginTransaction())
        return false;
    exec(u"DELETE FROM history"_s);
    // Contentless FTS5 tables forget everything at once this way (row by row needs every text).
    exec(u"INSERT INTO history_lines (history_lines) VALUES ('delete-all')"_s);
    exec(u"INSERT INTO history_names (history_names) VALUES ('delete-all')"_s);
    exec(u"DELETE FROM history_words"_s);
    exec(u"DELETE FROM messages WHERE dialog_id NOT IN (SELECT id FROM dialogs)"_s);
    exec(u"UPDATE messages SET history_key = NULL WHERE history_key IS NOT NULL"_s);
    setKv(u"history_backfill_before"_s, u"0"_s);
    setKv(u"history_backfill_complete"_s, u"0"_s);
    return commit();
}

QList<qint64> LocalStore::staleHistoryDialogs(int limit) const
{
    QList<qint64> ids;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT id FROM history WHERE stale = 1 AND dialog IS NOT NULL ORDER BY id DESC LIMIT ?"_s);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    return ids;
}

bool LocalStore::setHistoryStale(qint64 dialogId, bool stale)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"UPDATE history SET stale = ? WHERE id = ?"_s);
    query.addBindValue(stale ? 1 : 0);
    query.addBindValue(dialogId);
    return query.exec() || fail(u"setHistoryStale"_s, query.lastError().text());
}

qint64 LocalStore::historyBackfillBeforeId() const
{
    return kv(u"history_backfill_before"_s).toLongLong();
}

bool LocalStore::historyBackfillComplete() const
{
    return kv(u"history_backfill_complete"_s) == u"1";
}

bool LocalStore::setHistoryBackfill(qint64 beforeId, bool complete)
{
    if (!beginTransaction())
        return false;
    setKv(u"history_backfill_before"_s, QString::number(beforeId));
    setKv(u"history_backfill_complete"_s, complete ? u"1"_s : u"0"_s);
    return commit();
}

QString LocalStore::historyViewer() const
{
    return kv(u"history_viewer"_s);
}

bool LocalStore::setHistoryViewer(const QString &viewer)
{
    return setKv(u"history_viewer"_s, viewer);
}

} // namespace concierge
