// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalStore.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

QAtomicInteger<quint64> s_instanceCounter;

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// Bulk reads select `CAST(json AS BLOB)`: SQLite then hands over the stored UTF-8 bytes as they are,
/// instead of converting every row to UTF-16 for a QString that is converted straight back.
QJsonObject fromJsonBytes(const QVariant &value)
{
    return QJsonDocument::fromJson(value.toByteArray()).object();
}

QVariant msecsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

/// The columns dialogFromRow() reads, in its order.
constexpr auto kDialogColumns = "id, visitor_id, operator_id, state, created_at, closed_at, waiting_since, "
                                "department_id, language, offline, transfer, category_id, rating";

/// A JSON object as column text, NULL when absent (most dialogs have no offline contact or transfer).
QVariant jsonOrNull(const QJsonValue &value)
{
    return value.isObject() ? QVariant(toJsonText(value.toObject())) : QVariant();
}

protocol::Dialog dialogFromRow(const QSqlQuery &query)
{
    protocol::Dialog dialog;
    dialog.id = query.value(0).toLongLong();
    dialog.visitorId = query.value(1).toLongLong();
    dialog.operatorId = query.value(2).toLongLong(); // NULL reads as 0: not assigned
    dialog.state = protocol::dialogStateFromString(query.value(3).toString());
    dialog.createdAt = timeFromMsecs(query.value(4));
    dialog.closedAt = timeFromMsecs(query.value(5));
    dialog.waitingSince = timeFromMsecs(query.value(6));
    dialog.departmentId = query.value(7).toLongLong();
    dialog.language = query.value(8).toString();
    dialog.categoryId = query.value(11).toLongLong(); // NULL reads as 0: none
    // Rare, so parsed only where present: the start stays free of JSON for ordinary dialogs.
    if (!query.value(9).isNull() || !query.value(10).isNull() || !query.value(12).isNull()) {
        QJsonObject parts;
        if (!query.value(9).isNull())
            parts.insert(u"offline"_s, fromJsonText(query.value(9).toString()));
        if (!query.value(10).isNull())
            parts.insert(u"transfer"_s, fromJsonText(query.value(10).toString()));
        if (!query.value(12).isNull())
            parts.insert(u"rating"_s, fromJsonText(query.value(12).toString()));
        const protocol::Dialog extra = protocol::Dialog::fromJson(parts);
        dialog.offline = extra.offline;
        dialog.transfer = extra.transfer;
        dialog.rating = extra.rating;
    }
    return dialog;
}

/// Dialog messages and operator-room lines (dialog 0) are numbered apart by the server.
QString tableOf(qint64 dialogId)
{
    return dialogId == 0 ? u"room_lines"_s : u"messages"_s;
}

// Each step takes the schema from version N-1 to N. Never edit a step that has shipped: add one.
// A fresh database runs all of them, so a migrated database and a fresh one are the same by
// construction — and tst_local_store checks it.
const QList<QStringList> &migrationSteps()
{
    static const QList<QStringList> steps = {
        // v1: the cache and the resume point.
        {
            u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
            u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
            "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
            u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
            "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
            u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        },
        // v2: the persistent outbox; indexes for "open a dialog" and "visitor's dialogs".
        {
            u"CREATE TABLE outbox (cid TEXT PRIMARY KEY, dialog_id INTEGER NOT NULL, text TEXT NOT NULL, "
            "created_at TEXT NOT NULL, seq INTEGER NOT NULL)"_s,
            u"CREATE INDEX messages_dialog_at ON messages (dialog_id, at, id)"_s,
            u"CREATE INDEX dialogs_visitor ON dialogs (visitor_id)"_s,
        },
        // v3: what the visitor list shows and sorts by, as plain columns, so a start from a big
        // cache reads list rows without parsing every visitor's JSON (pages, user agent…); the
        // full visitor is read from `json` when one is opened. Dialogs get their timestamps as
        // columns too, and are then read without JSON at all. Times are ms since the epoch (UTC),
        // NULL when unknown; text columns allow NULL because Qt binds an empty QString as NULL.
        // The UPDATEs fill rows cached before v3 (our timestamps are always the canonical
        // "…T10:15:30.123Z", which julianday() reads).
        {
            u"ALTER TABLE visitors ADD COLUMN name TEXT"_s,
            u"ALTER TABLE visitors ADD COLUMN online INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE visitors ADD COLUMN page_title TEXT"_s,
            u"ALTER TABLE visitors ADD COLUMN page_url TEXT"_s,
            u"ALTER TABLE visitors ADD COLUMN last_seen INTEGER"_s,
            u"UPDATE visitors SET name = json_extract(json, '$.name'), "
            "online = COALESCE(json_extract(json, '$.online'), 0), "
            "page_title = json_extract(json, '$.currentPage.title'), "
            "page_url = json_extract(json, '$.currentPage.url'), "
            "last_seen = CAST(ROUND((julianday(json_extract(json, '$.lastSeen')) - 2440587.5) "
            "* 86400000.0) AS INTEGER)"_s,
            u"ALTER TABLE dialogs ADD COLUMN created_at INTEGER"_s,
            u"ALTER TABLE dialogs ADD COLUMN closed_at INTEGER"_s,
            u"ALTER TABLE dialogs ADD COLUMN waiting_since INTEGER"_s,
            u"UPDATE dialogs SET "
            "created_at = CAST(ROUND((julianday(json_extract(json, '$.createdAt')) - 2440587.5) "
            "* 86400000.0) AS INTEGER), "
            "closed_at = CAST(ROUND((julianday(json_extract(json, '$.closedAt')) - 2440587.5) "
            "* 86400000.0) AS INTEGER), "
            "waiting_since = CAST(ROUND((julianday(json_extract(json, '$.waitingSince')) - 2440587.5) "
            "* 86400000.0) AS INTEGER)"_s,
        },
        // v4 (protocol 1.1): a dialog's department, language, offline contact and last transfer as
        // columns (the two objects as JSON, NULL when absent), so dialogs still read without their
        // full JSON. Operator-room lines live in `messages` with dialog_id 0; the operator list,
        // departments and server settings in `kv`, so nothing here needs a table for them.
        {
            u"ALTER TABLE dialogs ADD COLUMN department_id INTEGER"_s,
            u"ALTER TABLE dialogs ADD COLUMN language TEXT"_s,
            u"ALTER TABLE dialogs ADD COLUMN offline TEXT"_s,
            u"ALTER TABLE dialogs ADD COLUMN transfer TEXT"_s,
            u"UPDATE dialogs SET department_id = json_extract(json, '$.departmentId'), "
            "language = json_extract(json, '$.language'), "
            "offline = CASE json_type(json, '$.offline') WHEN 'object' THEN json_extract(json, '$.offline') END, "
            "transfer = CASE json_type(json, '$.transfer') WHEN 'object' THEN json_extract(json, '$.transfer') END"_s,
        },
        // v5: operator-room lines get a table of their own. The server numbers them apart from
        // dialog messages, so in one table room line N and message N replaced each other (and the
        // second one never counted as new). Lines that already collided in a v4 cache are lost;
        // the next snapshot or history brings them back.
        {
            u"CREATE TABLE room_lines (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL DEFAULT 0, "
            "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
            u"CREATE INDEX room_lines_at ON room_lines (at, id)"_s,
            u"INSERT INTO room_lines (id, cid, dialog_id, author, text, at, json) "
            "SELECT id, cid, 0, author, text, at, json FROM messages WHERE dialog_id = 0"_s,
            u"DELETE FROM messages WHERE dialog_id = 0"_s,
        },
        // v6 (protocol 1.2): a dialog's category and rating as columns (the rating as JSON, NULL
        // when not rated), like v4's. A v5 cache written since the 1.2 structs already holds both
        // in `json`, so they are filled from there.
        {
            u"ALTER TABLE dialogs ADD COLUMN category_id INTEGER"_s,
            u"ALTER TABLE dialogs ADD COLUMN rating TEXT"_s,
            u"UPDATE dialogs SET category_id = json_extract(json, '$.categoryId'), "
            "rating = CASE json_type(json, '$.rating') WHEN 'object' THEN json_extract(json, '$.rating') END"_s,
        },
        // v7 (protocol 1.3): a message's attached file (the File object as JSON, NULL for text
        // lines) as a column, so the visitor list can name a file as a dialog's last line without
        // parsing messages. A v6 cache written since the 1.3 structs already holds it in `json`.
        {
            u"ALTER TABLE messages ADD COLUMN file TEXT"_s,
            u"ALTER TABLE room_lines ADD COLUMN file TEXT"_s,
            u"UPDATE messages SET file = CASE json_type(json, '$.file') WHEN 'object' THEN json_extract(json, '$.file') END"_s,
            u"UPDATE room_lines SET file = CASE json_type(json, '$.file') WHEN 'object' THEN json_extract(json, '$.file') END"_s,
        },
        // v8 (protocol 1.4): the template libraries this operator can see (shared and personal, as
        // the last sync left them; tags as a JSON array) and how often and when each operator on
        // this machine used each one (never synced: it ranks suggestions for that operator only).
        // The sync cursor and whom the cache was synced for live in `kv`.
        {
            u"CREATE TABLE templates (id INTEGER PRIMARY KEY, scope TEXT NOT NULL, department_id INTEGER, "
            "owner_id INTEGER, title TEXT, text TEXT, tags TEXT, revision INTEGER NOT NULL, "
            "updated_at INTEGER, updated_by TEXT)"_s,
            u"CREATE TABLE template_usage (operator_id INTEGER NOT NULL, template_id INTEGER NOT NULL, "
            "count INTEGER NOT NULL, last_used INTEGER, PRIMARY KEY (operator_id, template_id))"_s,
        },
        // v9 (protocol 1.5): the history index (LocalStoreHistory.cpp). `history` has a row per dialog
        // ever seen, with what the history window shows and filters by as columns (the dialog and
        // the visitor as they were as JSON; names_text: the visitor's name and contact details as
        // searched). A row made for a line whose dialog is not known yet has dialog NULL and is
        // never listed. line_keys numbers the dialog's indexed lines: a line's key in the
        // full-text index is (dialog id << 24) + its number, so the index's rowid order is the
        // history's order (newest dialog first) and a dialog's lines are one rowid range.
        // messages.history_key holds it (NULL: not indexed). Both FTS5 tables are contentless:
        // they hold folded words only; the text is read back from `messages` / `history`.
        // The C++ part of the step (fillHistoryIndex) indexes what the v8 cache holds.
        {
            u"CREATE TABLE history (id INTEGER PRIMARY KEY, created_at INTEGER, closed_at INTEGER, state TEXT, "
            "visitor_id INTEGER, visitor_name TEXT, operator_id INTEGER, operator_name TEXT, "
            "department_id INTEGER, department_name TEXT, category_id INTEGER, category_name TEXT, "
            "rating INTEGER, has_contact INTEGER NOT NULL DEFAULT 0, offline INTEGER NOT NULL DEFAULT 0, "
            "message_count INTEGER NOT NULL DEFAULT 0, server_count INTEGER NOT NULL DEFAULT 0, "
            "line_keys INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0, "
            "names_text TEXT, dialog TEXT, visitor TEXT)"_s,
            u"CREATE INDEX history_created ON history (created_at)"_s,
            u"CREATE INDEX history_operator ON history (operator_id, id)"_s,
            u"CREATE INDEX history_department ON history (department_id, id)"_s,
            u"CREATE INDEX history_category ON history (category_id, id)"_s,
            u"CREATE INDEX history_rating ON history (rating, id)"_s,
            u"CREATE INDEX history_contact ON history (id) WHERE has_contact = 1"_s,
            u"CREATE INDEX history_offline ON history (id) WHERE offline = 1"_s,
            u"ALTER TABLE messages ADD COLUMN history_key INTEGER"_s,
            u"CREATE VIRTUAL TABLE history_lines USING fts5(text, content='', columnsize=0, "
            "tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')"_s,
            u"CREATE VIRTUAL TABLE history_names USING fts5(text, content='', columnsize=0, "
            "tokenize=\"unicode61 remove_diacritics 0\", prefix='1 2 3')"_s,
            // Every word in history_lines: a query word of 4+ letters is matched as the OR of the
            // words it begins (FTS5 streams that newest first; a prefix query past its prefix
            // indexes would first gather every occurrence of every such word).
            u"CREATE TABLE history_words (word TEXT PRIMARY KEY) WITHOUT ROWID"_s,
            // Fewer, larger merges while the backfill writes page after page.
            u"INSERT INTO history_lines (history_lines, rank) VALUES ('automerge', 8)"_s,
        },
        // v10: took_part (a plain operator's history is the dialogs they were assigned or wrote a
        // line in; the others seen live are not listed to them) and stale (closed by a snapshot
        // while the app was away: refreshed from the server at the next login). The index is
        // built again under the new rules (no generated "Visitor N" names in the name index) by
        // the C++ part (fillHistoryIndex); the backfill starts over.
        {
            u"ALTER TABLE history ADD COLUMN took_part INTEGER NOT NULL DEFAULT 0"_s,
            u"ALTER TABLE history ADD COLUMN stale INTEGER NOT NULL DEFAULT 0"_s,
            u"DELETE FROM history"_s,
            u"INSERT INTO history_lines (history_lines) VALUES ('delete-all')"_s,
            u"INSERT INTO history_names (history_names) VALUES ('delete-all')"_s,
            u"DELETE FROM history_words"_s,
            u"UPDATE messages SET history_key = NULL WHERE history_key IS NOT NULL"_s,
            u"DELETE FROM kv WHERE key IN ('history_backfill_before', 'history_backfill_complete', 'history_viewer')"_s,
        },
    };
    return steps;
}

} // namespace

LocalStore::LocalStore()
    : m_connectionName(u"concierge-local-"_s + QString::number(++s_instanceCounter))
{
}

LocalStore::~LocalStore()
{
    close();
}

bool LocalStore::open(const QString &path)
{
    close();
    m_error.clear();
    QDir().mkpath(QFileInfo(path).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_error = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return false;
        }
    }
    // WAL: readers never wait for the writer; NORMAL sync is durable across app crashes (a
    // power cut may lose the last commits, which the server replays on resume anyway).
    // A 16 MB page cache (SQLite's default is 2 MB): the backfill writes a million-line history
    // index page after page, and with the default most of its time goes to re-reading b-tree
    // pages (bench_history_search).
    if (!exec(u"PRAGMA journal_mode=WAL"_s) || !exec(u"PRAGMA synchronous=NORMAL"_s)
        || !exec(u"PRAGMA cache_size=-16000"_s)
        || !exec(u"PRAGMA foreign_keys=ON"_s) || !migrate()) {
        const QString error = m_error;
        close();
        m_error = error;
        return false;
    }
    return true;
}

void LocalStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_transactionDepth = 0;
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName)
        && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QString LocalStore::errorString() const
{
    return m_error;
}

bool LocalStore::fail(const QString &what, const QString &error)
{
    m_error = what + u": "_s + error;
    qWarning("LocalStore: %s", qUtf8Printable(m_error));
    if (m_transactionDepth > 0)
        m_transactionFailed = true;
    return false;
}

bool LocalStore::exec(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (!query.exec(sql))
        return fail(sql, query.lastError().text());
    return true;
}

int LocalStore::schemaVersion() const
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.tables().contains(u"schema_version"_s))
        return 0;
    QSqlQuery query(db);
    if (query.exec(u"SELECT version FROM schema_version"_s) && query.next())
        return query.value(0).toInt();
    return 0;
}

bool LocalStore::migrate()
{
    const int current = schemaVersion();
    if (current > kSchemaVersion)
        return fail(u"migrate"_s, u"database schema %1 is newer than this build's %2"_s
                                      .arg(current).arg(kSchemaVersion));
    if (current == kSchemaVersion)
        return true;
    // Every step and its version bump commit together: a crash mid-migration leaves the old
    // version intact and the step runs again on the next start.
    const auto &steps = migrationSteps();
    for (int version = current + 1; version <= kSchemaVersion; ++version) {
        if (!beginTransaction())
            return false;
        if (version == 1)
            exec(u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s);
        for (const QString &sql : steps.at(version - 1))
            exec(sql);
        if (version == 10 && current >= 8)
            fillHistoryIndex(); // the history index (v9) under the rules of v10, built once
        exec(u"DELETE FROM schema_version"_s);
        exec(u"INSERT INTO schema_version (version) VALUES (%1)"_s.arg(version));
        if (!commit())
            return false;
    }
    return true;
}

bool LocalStore::beginTransaction()
{
    if (m_transactionDepth++ > 0)
        return true;
    m_transactionFailed = false;
    if (!QSqlDatabase::database(m_connectionName, false).transaction()) {
        m_transactionDepth = 0;
        return fail(u"begin"_s, QSqlDatabase::database(m_connectionName, false).lastError().text());
    }
    return true;
}

bool LocalStore::commit()
{
    if (m_transactionDepth <= 0)
        return false;
    if (--m_transactionDepth > 0)
        return !m_transactionFailed;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (m_transactionFailed) {
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        const QString error = db.lastError().text();
        db.rollback();
        return fail(u"commit"_s, error);
    }
    return true;
}

void LocalStore::rollback()
{
    if (m_transactionDepth <= 0)
        return;
    m_transactionFailed = true;
    if (--m_transactionDepth == 0)
        QSqlDatabase::database(m_connectionName, false).rollback();
}

bool LocalStore::upsertVisitor(const protocol::Visitor &visitor)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO visitors (id, json, updated, name, online, page_title, page_url, last_seen) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET json = excluded.json, updated = excluded.updated, "
                  "name = excluded.name, online = excluded.online, page_title = excluded.page_title, "
                  "page_url = excluded.page_url, last_seen = excluded.last_seen"_s);
    query.addBindValue(visitor.id);
    query.addBindValue(toJsonText(visitor.toJson()));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    query.addBindValue(visitor.name);
    query.addBindValue(visitor.online ? 1 : 0);
    query.addBindValue(visitor.currentPage.title);
    query.addBindValue(visitor.currentPage.url);
    query.addBindValue(msecsOrNull(visitor.lastSeen));
    if (!query.exec())
        return fail(u"upsertVisitor"_s, query.lastError().text());
    return true;
}

bool LocalStore::upsertDialog(const protocol::Dialog &dialog)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO dialogs (id, visitor_id, operator_id, state, json, created_at, closed_at, "
                  "waiting_since, department_id, language, offline, transfer, category_id, rating) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET visitor_id = excluded.visitor_id, "
                  "operator_id = excluded.operator_id, state = excluded.state, json = excluded.json, "
                  "created_at = excluded.created_at, closed_at = excluded.closed_at, "
                  "waiting_since = excluded.waiting_since, department_id = excluded.department_id, "
                  "language = excluded.language, offline = excluded.offline, transfer = excluded.transfer, "
                  "category_id = excluded.category_id, rating = excluded.rating"_s);
    const QJsonObject json = dialog.toJson();
    query.addBindValue(dialog.id);
    query.addBindValue(dialog.visitorId);
    query.addBindValue(dialog.operatorId > 0 ? QVariant(dialog.operatorId) : QVariant());
    query.addBindValue(protocol::dialogStateToString(dialog.state));
    query.addBindValue(toJsonText(json));
    query.addBindValue(msecsOrNull(dialog.createdAt));
    query.addBindValue(msecsOrNull(dialog.closedAt));
    query.addBindValue(msecsOrNull(dialog.waitingSince));
    query.addBindValue(dialog.departmentId > 0 ? QVariant(dialog.departmentId) : QVariant());
    query.addBindValue(dialog.language);
    query.addBindValue(jsonOrNull(json.value(u"offline")));
    query.addBindValue(dialog.transfer.isValid() ? jsonOrNull(json.value(u"transfer")) : QVariant());
    query.addBindValue(dialog.categoryId > 0 ? QVariant(dialog.categoryId) : QVariant());
    query.addBindValue(dialog.rating.isValid() ? jsonOrNull(json.value(u"rating")) : QVariant());
    if (!query.exec())
        return fail(u"upsertDialog"_s, query.lastError().text());
    return noteHistoryDialog(dialog);
}

bool LocalStore::upsertMessage(const protocol::Message &message)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const QString table = tableOf(message.dialogId);
    bool isNew = true;
    {
        QSqlQuery query(db);
        query.prepare(u"SELECT 1 FROM %1 WHERE id = ? OR (cid IS NOT NULL AND cid = ?)"_s.arg(table));
        query.addBindValue(message.id);
        query.addBindValue(message.cid.isEmpty() ? QVariant() : QVariant(message.cid));
        if (query.exec() && query.next())
            isNew = false;
    }
    QSqlQuery query(db);
    // REPLACE also clears a row that holds the same cid under another id (never expected from a
    // correct server, but the UNIQUE cid must not make the server's copy unstorable). A dialog
    // line keeps its place in the history index (history_key) across the replace.
    const bool dialogLine = message.dialogId != 0;
    query.prepare(dialogLine
                      ? u"INSERT OR REPLACE INTO messages (id, cid, dialog_id, author, text, at, json, file, history_key) "
                        "VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?, "
                        "(SELECT history_key FROM messages WHERE id = ?))"_s
                      : u"INSERT OR REPLACE INTO %1 (id, cid, dialog_id, author, text, at, json, file) "
                        "VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?)"_s.arg(table));
    query.addBindValue(message.id);
    query.addBindValue(message.cid.isEmpty() ? QVariant() : QVariant(message.cid));
    query.addBindValue(message.dialogId);
    query.addBindValue(protocol::authorToString(message.author));
    query.addBindValue(message.text);
    query.addBindValue(message.at.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(toJsonText(message.toJson()));
    query.addBindValue(message.file.isEmpty() ? QVariant() : QVariant(toJsonText(message.file.toJson())));
    if (dialogLine)
        query.addBindValue(message.id);
    if (!query.exec()) {
        fail(u"upsertMessage"_s, query.lastError().text());
        return false;
    }
    if (dialogLine && !indexHistoryLine(message))
        return false;
    return isNew;
}

bool LocalStore::replaceWithSnapshot(const QList<protocol::Visitor> &visitors,
                                     const QList<protocol::Dialog> &dialogs,
                                     const QList<protocol::Message> &messages)
{
    if (!beginTransaction())
        return false;
    exec(u"DELETE FROM visitors"_s);
    // Closed dialogs stay (their history is still worth showing); open ones the snapshot no
    // longer lists were closed while we were away, and the snapshot's list is the truth.
    QSet<qint64> closedWhileAway;
    {
        QSqlQuery open(QSqlDatabase::database(m_connectionName, false));
        if (open.exec(u"SELECT id FROM dialogs WHERE state != 'closed'"_s)) {
            while (open.next())
                closedWhileAway.insert(open.value(0).toLongLong());
        }
    }
    for (const auto &dialog : dialogs)
        closedWhileAway.remove(dialog.id);
    exec(u"UPDATE dialogs SET state = 'closed' WHERE state != 'closed'"_s);
    for (const auto &visitor : visitors)
        upsertVisitor(visitor);
    // A dialog first met in a snapshot may have lines from before we saw it.
    m_applyingSnapshot = true;
    for (const auto &dialog : dialogs)
        upsertDialog(dialog);
    m_applyingSnapshot = false;
    // Their history rows follow (rows are never removed), flagged stale: how they ended and the
    // lines written since we left are not here, so the next login fetches them again.
    if (!closedWhileAway.isEmpty()) {
        QSqlQuery stale(QSqlDatabase::database(m_connectionName, false));
        stale.prepare(u"UPDATE history SET state = 'closed', stale = 1, complete = 0 WHERE id = ?"_s);
        for (qint64 id : std::as_const(closedWhileAway)) {
            stale.bindValue(0, id);
            if (!stale.exec())
                fail(u"replaceWithSnapshot"_s, stale.lastError().text());
        }
    }
    for (const auto &message : messages)
        upsertMessage(message);
    return commit();
}

QList<protocol::Visitor> LocalStore::visitors() const
{
    QList<protocol::Visitor> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true); // no client-side row cache: rows are read once, in order
    if (query.exec(u"SELECT CAST(json AS BLOB) FROM visitors ORDER BY id"_s)) {
        while (query.next())
            result.append(protocol::Visitor::fromJson(fromJsonBytes(query.value(0))));
    }
    return result;
}

QList<protocol::Visitor> LocalStore::visitorListRows() const
{
    QList<protocol::Visitor> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    // Growing the list moves every (large) Visitor again at each step; counting first is cheaper.
    if (query.exec(u"SELECT COUNT(*) FROM visitors"_s) && query.next())
        result.reserve(query.value(0).toLongLong());
    query.setForwardOnly(true);
    if (query.exec(u"SELECT id, name, online, page_title, page_url, last_seen FROM visitors ORDER BY id"_s)) {
        while (query.next()) {
            protocol::Visitor visitor;
            visitor.id = query.value(0).toLongLong();
            visitor.name = query.value(1).toString();
            visitor.online = query.value(2).toInt() != 0;
            visitor.currentPage.title = query.value(3).toString();
            visitor.currentPage.url = query.value(4).toString();
            visitor.lastSeen = timeFromMsecs(query.value(5));
            result.append(std::move(visitor));
        }
    }
    return result;
}

std::optional<protocol::Visitor> LocalStore::visitor(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT CAST(json AS BLOB) FROM visitors WHERE id = ?"_s);
    query.addBindValue(id);
    if (query.exec() && query.next())
        return protocol::Visitor::fromJson(fromJsonBytes(query.value(0)));
    return std::nullopt;
}

QList<protocol::Dialog> LocalStore::openDialogs() const
{
    QList<protocol::Dialog> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (query.exec(u"SELECT %1 FROM dialogs WHERE state != 'closed' ORDER BY id"_s.arg(
            QLatin1StringView(kDialogColumns)))) {
        while (query.next())
            result.append(dialogFromRow(query));
    }
    return result;
}

protocol::Dialog LocalStore::dialog(qint64 id) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT %1 FROM dialogs WHERE id = ?"_s.arg(QLatin1StringView(kDialogColumns)));
    query.addBindValue(id);
    if (query.exec() && query.next())
        return dialogFromRow(query);
    return {};
}

QList<protocol::Message> LocalStore::messages(qint64 dialogId, int limit) const
{
    QList<protocol::Message> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(u"SELECT CAST(json AS BLOB) FROM (SELECT json, at, id FROM %1 WHERE dialog_id = ? "
                  "ORDER BY at DESC, id DESC LIMIT ?) ORDER BY at, id"_s.arg(tableOf(dialogId)));
    query.addBindValue(dialogId);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next())
            result.append(protocol::Message::fromJson(fromJsonBytes(query.value(0))));
    }
    return result;
}

QString LocalStore::kv(const QString &key) const
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT value FROM kv WHERE key = ?"_s);
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

bool LocalStore::setKv(const QString &key, const QString &value)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO kv (key, value) VALUES (?, ?) "
                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(value);
    if (!query.exec())
        return fail(u"setKv"_s, query.lastError().text());
    return true;
}

QHash<qint64, QString> LocalStore::lastMessageTexts() const
{
    QHash<qint64, QString> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    // One index walk (messages_dialog_at, backwards) per open dialog.
    // A file line (empty text) reads as its name after a paper clip.
    if (query.exec(u"SELECT d.id, (SELECT COALESCE(NULLIF(m.text, ''), '\U0001F4CE ' || json_extract(m.file, '$.name'), '') "
                   "FROM messages m WHERE m.dialog_id = d.id "
                   "AND m.author != 'system' ORDER BY m.at DESC, m.id DESC LIMIT 1) "
                   "FROM dialogs d WHERE d.state != 'closed'"_s)) {
        while (query.next()) {
            if (!query.value(1).isNull())
                result.insert(query.value(0).toLongLong(), query.value(1).toString());
        }
    }
    return result;
}

qint64 LocalStore::lastSeq() const
{
    return kv(u"last_seq"_s).toLongLong();
}

bool LocalStore::setLastSeq(qint64 seq)
{
    return setKv(u"last_seq"_s, QString::number(seq));
}

protocol::OperatorInfo LocalStore::operatorInfo() const
{
    const QString text = kv(u"operator"_s);
    return text.isEmpty() ? protocol::OperatorInfo{} : protocol::OperatorInfo::fromJson(fromJsonText(text));
}

bool LocalStore::setOperatorInfo(const protocol::OperatorInfo &info)
{
    return setKv(u"operator"_s, toJsonText(info.toJson()));
}

QList<protocol::OperatorInfo> LocalStore::operators() const
{
    QList<protocol::OperatorInfo> result;
    const QJsonArray array = QJsonDocument::fromJson(kv(u"operators"_s).toUtf8()).array();
    for (const auto &value : array)
        result.append(protocol::OperatorInfo::fromJson(value.toObject()));
    return result;
}

bool LocalStore::setOperators(const QList<protocol::OperatorInfo> &operators)
{
    QJsonArray array;
    for (const auto &info : operators)
        array.append(info.toJson());
    return setKv(u"operators"_s, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

QList<protocol::Department> LocalStore::departments() const
{
    QList<protocol::Department> result;
    const QJsonArray array = QJsonDocument::fromJson(kv(u"departments"_s).toUtf8()).array();
    for (const auto &value : array)
        result.append(protocol::Department::fromJson(value.toObject()));
    return result;
}

bool LocalStore::setDepartments(const QList<protocol::Department> &departments)
{
    QJsonArray array;
    for (const auto &department : departments)
        array.append(department.toJson());
    return setKv(u"departments"_s, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

QList<protocol::Category> LocalStore::categories() const
{
    QList<protocol::Category> result;
    const QJsonArray array = QJsonDocument::fromJson(kv(u"categories"_s).toUtf8()).array();
    for (const auto &value : array)
        result.append(protocol::Category::fromJson(value.toObject()));
    return result;
}

bool LocalStore::setCategories(const QList<protocol::Category> &categories)
{
    QJsonArray array;
    for (const auto &category : categories)
        array.append(category.toJson());
    return setKv(u"categories"_s, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
}

ServerSettings LocalStore::serverSettings() const
{
    return ServerSettings::fromJson(fromJsonText(kv(u"settings"_s)));
}

bool LocalStore::setServerSettings(const ServerSettings &settings)
{
    return setKv(u"settings"_s, toJsonText(settings.toJson()));
}

QUrl LocalStore::serverUrl() const
{
    return QUrl(kv(u"server_url"_s));
}

bool LocalStore::setServerUrl(const QUrl &url)
{
    return setKv(u"server_url"_s, url.toString());
}

bool LocalStore::addOutbox(const OutboxEntry &entry)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT INTO outbox (cid, dialog_id, text, created_at, seq) "
                  "VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM outbox))"_s);
    query.addBindValue(entry.cid);
    query.addBindValue(entry.dialogId);
    query.addBindValue(entry.text);
    query.addBindValue(entry.createdAt.toUTC().toString(Qt::ISODateWithMs));
    if (!query.exec())
        return fail(u"addOutbox"_s, query.lastError().text());
    return true;
}

bool LocalStore::removeOutbox(const QString &cid)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"DELETE FROM outbox WHERE cid = ?"_s);
    query.addBindValue(cid);
    if (!query.exec())
        return fail(u"removeOutbox"_s, query.lastError().text());
    return query.numRowsAffected() > 0;
}

QList<OutboxEntry> LocalStore::outbox() const
{
    QList<OutboxEntry> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    if (query.exec(u"SELECT cid, dialog_id, text, created_at FROM outbox ORDER BY seq"_s)) {
        while (query.next()) {
            OutboxEntry entry;
            entry.cid = query.value(0).toString();
            entry.dialogId = query.value(1).toLongLong();
            entry.text = query.value(2).toString();
            entry.createdAt = QDateTime::fromString(query.value(3).toString(), Qt::ISODateWithMs).toUTC();
            result.append(entry);
        }
    }
    return result;
}

} // namespace concierge
