// SPDX-License-Identifier: GPL-3.0-or-later
#include "Database.h"

#include "HistorySearchIndex.h"

#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QSqlError>
#include <QStringList>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

// Each entry is one migration; its 1-based index is the schema version it produces.
// Never edit a shipped entry: append a new one.
const QStringList &migrations()
{
    static const QStringList list{
        uR"sql(
CREATE TABLE departments (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL);
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'offline' CHECK (status IN ('online', 'offline')),
    max_dialogs INTEGER NOT NULL DEFAULT 5,
    created_at TEXT NOT NULL);
CREATE TABLE operator_departments (
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments(id) ON DELETE CASCADE,
    PRIMARY KEY (operator_id, department_id));
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0);
CREATE TABLE status_changes (
    id INTEGER PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    at TEXT NOT NULL);
CREATE TABLE visitors (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL);
CREATE TABLE visits (
    id INTEGER PRIMARY KEY,
    visitor_id INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    ip TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT '',
    referrer TEXT NOT NULL DEFAULT '',
    utm_source TEXT NOT NULL DEFAULT '',
    utm_medium TEXT NOT NULL DEFAULT '',
    utm_campaign TEXT NOT NULL DEFAULT '',
    utm_term TEXT NOT NULL DEFAULT '',
    utm_content TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL);
CREATE INDEX visits_by_visitor ON visits(visitor_id, id);
CREATE TABLE page_views (
    id INTEGER PRIMARY KEY,
    visit_id INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
    visitor_id INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL);
CREATE INDEX page_views_by_visitor ON page_views(visitor_id, id);
CREATE TABLE dialogs (
    id INTEGER PRIMARY KEY,
    visitor_id INTEGER NOT NULL REFERENCES visitors(id) ON DELETE CASCADE,
    operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    state TEXT NOT NULL CHECK (state IN ('waiting', 'active', 'closed')),
    created_at TEXT NOT NULL,
    closed_at TEXT,
    waiting_since TEXT);
CREATE INDEX dialogs_by_state ON dialogs(state);
CREATE INDEX dialogs_by_visitor ON dialogs(visitor_id, id);
CREATE TABLE messages (
    id INTEGER PRIMARY KEY,
    cid TEXT NOT NULL UNIQUE,
    dialog_id INTEGER NOT NULL REFERENCES dialogs(id) ON DELETE CASCADE,
    author TEXT NOT NULL CHECK (author IN ('visitor', 'operator', 'system')),
    operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL);
CREATE INDEX messages_by_dialog ON messages(dialog_id, id);
CREATE TABLE templates (
    id INTEGER PRIMARY KEY,
    department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (department_id, title));
)sql"_s,
        // 2: six statuses, roles, per-operator maximum as an optional override, languages;
        // dialogs remember department, language, offline contact and last transfer; system lines
        // carry event/meta; the operator room. `operators` is rebuilt (SQLite cannot alter a CHECK),
        // which migrate() does with foreign keys off, as SQLite's ALTER TABLE page prescribes.
        uR"sql(
CREATE TABLE operators_v2 (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'offline'
        CHECK (status IN ('online', 'invisible', 'before_lunch', 'lunch', 'break', 'offline')),
    status_since TEXT,
    role TEXT NOT NULL DEFAULT 'operator' CHECK (role IN ('operator', 'supervisor', 'admin')),
    max_dialogs INTEGER CHECK (max_dialogs IS NULL OR max_dialogs > 0),
    created_at TEXT NOT NULL);
INSERT INTO operators_v2 (id, email, name, password_hash, status, role, max_dialogs, created_at)
    SELECT id, email, name, password_hash, status, 'operator', NULLIF(max_dialogs, 5), created_at FROM operators;
DROP TABLE operators;
ALTER TABLE operators_v2 RENAME TO operators;
CREATE TABLE operator_languages (
    operator_id INTEGER NOT NULL REFERENCES operators(id) ON DELETE CASCADE,
    language TEXT NOT NULL,
    PRIMARY KEY (operator_id, language));
CREATE INDEX status_changes_by_operator ON status_changes(operator_id, at);
ALTER TABLE dialogs ADD COLUMN department_id INTEGER REFERENCES departments(id) ON DELETE SET NULL;
ALTER TABLE dialogs ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogs ADD COLUMN offline_contact TEXT;
ALTER TABLE dialogs ADD COLUMN transfer_from INTEGER REFERENCES operators(id) ON DELETE SET NULL;
ALTER TABLE dialogs ADD COLUMN transfer_from_name TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogs ADD COLUMN transfer_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogs ADD COLUMN transfer_at TEXT;
ALTER TABLE messages ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN meta TEXT NOT NULL DEFAULT '';
CREATE TABLE chat_messages (
    id INTEGER PRIMARY KEY,
    cid TEXT NOT NULL UNIQUE,
    operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    author_name TEXT NOT NULL,
    text TEXT NOT NULL,
    at TEXT NOT NULL);
)sql"_s,
        // 3: dialog actions — categories, ratings, a visitor's contact details, bans.
        uR"sql(
CREATE TABLE categories (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL);
ALTER TABLE dialogs ADD COLUMN category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL;
ALTER TABLE dialogs ADD COLUMN rating_score INTEGER CHECK (rating_score IS NULL OR rating_score BETWEEN 1 AND 5);
ALTER TABLE dialogs ADD COLUMN rating_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE dialogs ADD COLUMN rating_at TEXT;
ALTER TABLE visitors ADD COLUMN contact TEXT;
CREATE TABLE bans (
    id INTEGER PRIMARY KEY,
    visitor_id INTEGER REFERENCES visitors(id) ON DELETE CASCADE,
    ip TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    banned_by TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    expires_at TEXT,
    lifted_at TEXT);
CREATE INDEX bans_by_visitor ON bans(visitor_id);
CREATE INDEX bans_by_ip ON bans(ip);
)sql"_s,
        // 4: files (protocol 1.3). One row per upload (name, sniffed type, uploader, dialog); the bytes
        // live once per content under <state>/files/<2 hex>/<sha256>. The token is the download link.
        uR"sql(
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    image INTEGER NOT NULL DEFAULT 0,
    executable INTEGER NOT NULL DEFAULT 0,
    operator_id INTEGER REFERENCES operators(id) ON DELETE SET NULL,
    visitor_id INTEGER REFERENCES visitors(id) ON DELETE SET NULL,
    dialog_id INTEGER REFERENCES dialogs(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL);
CREATE INDEX files_by_sha256 ON files(sha256);
ALTER TABLE messages ADD COLUMN file_id INTEGER REFERENCES files(id) ON DELETE SET NULL;
ALTER TABLE operators ADD COLUMN avatar_file_id INTEGER REFERENCES files(id) ON DELETE SET NULL;
)sql"_s,
        // 5: template libraries (protocol 1.4) — shared (per department or for everyone) and personal
        // ones, a revision counter for sync, tombstones, and the replaced versions. `templates` is
        // rebuilt: titles are now unique per library and case-insensitively, through `title_key`,
        // which the server folds in C++ (SQLite's lower() knows only ASCII; TemplateRepository
        // refolds the keys written here). Old rows become shared templates of their department.
        uR"sql(
CREATE TABLE templates_v5 (
    id INTEGER PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('shared', 'personal')),
    department_id INTEGER REFERENCES departments(id) ON DELETE CASCADE,
    owner_id INTEGER REFERENCES operators(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    text TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)));
INSERT INTO templates_v5 (id, scope, department_id, title, title_key, text, revision, updated_at)
    SELECT id, 'shared', department_id, title,
           lower(title) || CASE WHEN EXISTS (SELECT 1 FROM templates older WHERE older.id < t.id
                   AND older.department_id IS t.department_id AND lower(older.title) = lower(t.title))
               THEN '#' || id ELSE '' END,
           text, id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM templates t;
DROP TABLE templates;
ALTER TABLE templates_v5 RENAME TO templates;
CREATE UNIQUE INDEX templates_unique_title
    ON templates(scope, IFNULL(owner_id, 0), IFNULL(department_id, 0), title_key) WHERE deleted = 0;
CREATE INDEX templates_by_revision ON templates(revision);
CREATE TABLE template_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL);
INSERT INTO template_revision (id, revision) VALUES (1, (SELECT IFNULL(MAX(id), 0) FROM templates));
CREATE TABLE template_versions (
    id INTEGER PRIMARY KEY,
    template_id INTEGER NOT NULL REFERENCES templates(id) ON DELETE CASCADE,
    scope TEXT NOT NULL,
    department_id INTEGER,
    owner_id INTEGER,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    tags TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    saved_at TEXT NOT NULL);
CREATE INDEX template_versions_by_template ON template_versions(template_id, id);
)sql"_s,
        // 6: history (protocol 1.5) — full-text search (HistorySearchIndex.h says what each table
        // holds): every line in `message_search` keyed (dialog id << 24) | line number, so matches
        // come newest dialog first (contentless: the text is in `messages`); its words in
        // `search_words`; each dialog's visitor name and contacts in `dialog_search` (rowid = dialog
        // id). The text is folded in C++ by HistoryText::fold (case, ё/е, Latin accents), so the
        // tokenizer must not fold again; HistorySearchIndex fills them for the rows already there
        // right after this script. The operator indexes serve the "took part in" rule of an
        // operator's history; page_views_by_visit the pages of a dialog's visit.
        // `api_keys`: the HTTP API's keys (SHA-256 only).
        uR"sql(
CREATE VIRTUAL TABLE message_search USING fts5(text, content = '', columnsize = 0,
    tokenize = "unicode61 remove_diacritics 0", prefix = '1 2 3');
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE VIRTUAL TABLE dialog_search USING fts5(text,
    tokenize = "unicode61 remove_diacritics 0", prefix = '1 2 3');
CREATE INDEX messages_by_operator ON messages(operator_id, dialog_id);
CREATE INDEX dialogs_by_operator ON dialogs(operator_id, id);
CREATE INDEX page_views_by_visit ON page_views(visit_id, id);
CREATE TABLE api_keys (id INTEGER PRIMARY KEY, name TEXT NOT NULL, key_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL, last_used_at TEXT, revoked_at TEXT);
)sql"_s,
    };
    return list;
}

/// Row fix-ups SQL cannot do, run inside the migration's transaction right after its script.
bool afterScript(QSqlDatabase db, int version, QString *error)
{
    if (version == 6)
        return HistorySearchIndex::fillExisting(db, error);
    return true;
}

bool execScript(QSqlDatabase db, const QString &script, QString *error)
{
    const QStringList statements = script.split(u';', Qt::SkipEmptyParts);
    for (const QString &statement : statements) {
        if (statement.trimmed().isEmpty())
            continue;
        QSqlQuery query(db);
        if (!query.exec(statement)) {
            *error = query.lastError().text() + u" in: "_s + statement.trimmed().left(80);
            return false;
        }
    }
    return true;
}

} // namespace

bool runQuery(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qWarning().noquote() << "SQL prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values) {
        // A null QString would bind as SQL NULL; text columns here are NOT NULL and mean "empty".
        // Bind QVariant() for a real NULL.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QString(u""_s));
        else
            query.addBindValue(value);
    }
    if (!query.exec()) {
        qWarning().noquote() << "SQL failed:" << query.lastError().text() << sql;
        return false;
    }
    return true;
}

Database::Database()
    : m_connectionName(u"concierge-server"_s)
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Database::open(const QString &path, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = u"cannot create folder for "_s + path;
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        *error = u"cannot open database "_s + path + u": "_s + db.lastError().text();
        return false;
    }
    // WAL: readers never block the writer. synchronous=NORMAL in WAL mode survives a killed
    // process (every committed transaction is in the WAL file); only an OS crash or power loss
    // can lose the last commits.
    if (!execScript(db, u"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON"_s,
                    error))
        return false;
    return migrate(error);
}

int Database::schemaVersion() const
{
    QSqlQuery query(handle());
    if (!query.exec(u"SELECT MAX(version) FROM schema_version"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

bool Database::migrate(QString *error)
{
    QSqlDatabase db = handle();
    if (!execScript(db, u"CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                        "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))"_s,
                    error))
        return false;
    const int current = schemaVersion();
    const QStringList &list = migrations();
    if (current > list.size()) {
        *error = u"database schema version %1 is newer than this server (%2)"_s.arg(current).arg(list.size());
        return false;
    }
    // Rebuilding a table (migration 2) must not cascade deletes or trip references: foreign keys
    // go off for the migrations (the pragma is a no-op inside a transaction) and are checked after.
    if (!execScript(db, u"PRAGMA foreign_keys=OFF"_s, error))
        return false;
    const auto foreignKeysBackOn = qScopeGuard([&db] {
        QString ignored;
        execScript(db, u"PRAGMA foreign_keys=ON"_s, &ignored);
    });
    for (int version = current + 1; version <= list.size(); ++version) {
        if (!db.transaction()) {
            *error = db.lastError().text();
            return false;
        }
        QSqlQuery record(db);
        QSqlQuery check(db);
        if (!execScript(db, list.at(version - 1), error) || !afterScript(db, version, error)
            || !runQuery(record, u"INSERT INTO schema_version (version) VALUES (?)"_s, {version})
            || !runQuery(check, u"PRAGMA foreign_key_check"_s) || check.next()) {
            db.rollback();
            if (error->isEmpty())
                *error = u"migration %1 failed (SQL error or broken foreign keys)"_s.arg(version);
            return false;
        }
        if (!db.commit()) {
            *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

bool Database::transaction()
{
    return handle().transaction();
}

bool Database::commit()
{
    return handle().commit();
}

void Database::rollback()
{
    handle().rollback();
}

} // namespace concierge::server
