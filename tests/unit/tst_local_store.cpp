// SPDX-License-Identifier: GPL-3.0-or-later
#include "LocalStore.h"
#include "Outbox.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

/// "name → sql" of every table and index, as SQLite itself records it.
QMap<QString, QString> schemaOf(const QString &path)
{
    QMap<QString, QString> schema;
    const QString name = u"schema-reader-"_s + path;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(u"SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"_s);
            while (query.next())
                schema.insert(query.value(0).toString() + u':' + query.value(1).toString(),
                              query.value(2).toString());
        }
    }
    QSqlDatabase::removeDatabase(name);
    return schema;
}

protocol::Message message(qint64 id, const QString &cid, qint64 dialogId, int secs)
{
    protocol::Message m;
    m.id = id;
    m.cid = cid;
    m.dialogId = dialogId;
    m.text = u"text %1"_s.arg(id);
    m.at = kT0.addSecs(secs);
    return m;
}

/// A dialog with only the 1.0 fields set (the 1.1 ones default).
protocol::Dialog makeDialog(qint64 id, qint64 visitorId, qint64 operatorId, protocol::DialogState state,
                            const QDateTime &createdAt, const QDateTime &closedAt, const QDateTime &waitingSince)
{
    protocol::Dialog dialog;
    dialog.id = id;
    dialog.visitorId = visitorId;
    dialog.operatorId = operatorId;
    dialog.state = state;
    dialog.createdAt = createdAt;
    dialog.closedAt = closedAt;
    dialog.waitingSince = waitingSince;
    return dialog;
}

} // namespace

class TestLocalStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void migratedEqualsFresh()
    {
        QTemporaryDir dir;
        const QString oldPath = dir.filePath(u"old.sqlite"_s);
        // The schema as version 1 shipped it, written out by hand: if a later change edits the
        // v1 step instead of adding a step, the comparison below catches it.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v1"_s);
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : {
                     u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
                     u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
                     u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
                     "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
                     "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                     u"INSERT INTO schema_version (version) VALUES (1)"_s,
                     u"INSERT INTO kv (key, value) VALUES ('last_seq', '42')"_s,
                     u"INSERT INTO messages VALUES (7, 'cid-7', 5, 'visitor', 'hi', '2026-01-01T10:00:00.000Z', "
                     "'{\"id\":7,\"cid\":\"cid-7\",\"dialogId\":5,\"author\":\"visitor\",\"text\":\"hi\","
                     "\"at\":\"2026-01-01T10:00:00.000Z\"}')"_s,
                     // A visitor and a dialog cached before v3: the migration fills their list columns.
                     u"INSERT INTO visitors VALUES (3, '{\"id\":3,\"name\":\"Ann\",\"online\":true,"
                     "\"userAgent\":\"UA\",\"currentPage\":{\"url\":\"http://shop/tea\",\"title\":\"Tea\","
                     "\"at\":\"2026-01-01T10:00:00.000Z\"},\"pages\":[{\"url\":\"http://shop/tea\","
                     "\"title\":\"Tea\",\"at\":\"2026-01-01T10:00:00.000Z\"}],"
                     "\"firstSeen\":\"2026-01-01T09:59:00.000Z\",\"lastSeen\":\"2026-01-01T10:00:01.234Z\"}', "
                     "'2026-01-01T10:00:02.000Z')"_s,
                     u"INSERT INTO visitors VALUES (4, '{\"id\":4,\"name\":\"\",\"online\":false,"
                     "\"firstSeen\":\"\",\"lastSeen\":\"\"}', '2026-01-01T10:00:02.000Z')"_s,
                     u"INSERT INTO dialogs VALUES (5, 3, NULL, 'waiting', '{\"id\":5,\"visitorId\":3,"
                     "\"operatorId\":null,\"state\":\"waiting\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":null,\"waitingSince\":\"2026-01-01T10:00:00.500Z\"}')"_s,
                 })
                QVERIFY2(q.exec(sql), qPrintable(sql));
        }
        QSqlDatabase::removeDatabase(u"v1"_s);

        {
            LocalStore migrated;
            QVERIFY2(migrated.open(oldPath), qPrintable(migrated.errorString()));
            QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
            // Data survives the migration.
            QCOMPARE(migrated.lastSeq(), 42);
            const auto messages = migrated.messages(5);
            QCOMPARE(messages.size(), 1);
            QCOMPARE(messages.first().text, u"hi"_s);
            QVERIFY(migrated.addOutbox({u"x"_s, 5, u"after migration"_s, kT0}));
            // Rows cached before v3 read the same through the new columns as through their JSON.
            const auto rows = migrated.visitorListRows();
            QCOMPARE(rows.size(), 2);
            QCOMPARE(rows.at(0).id, 3);
            QCOMPARE(rows.at(0).name, u"Ann"_s);
            QVERIFY(rows.at(0).online);
            QCOMPARE(rows.at(0).currentPage.title, u"Tea"_s);
            QCOMPARE(rows.at(0).currentPage.url, u"http://shop/tea"_s);
            QCOMPARE(rows.at(0).lastSeen, kT0.addMSecs(1234));
            QVERIFY(rows.at(0).pages.isEmpty()); // a list row only
            QCOMPARE(rows.at(1).id, 4);
            QVERIFY(!rows.at(1).online);
            QVERIFY(!rows.at(1).lastSeen.isValid());
            const auto full = migrated.visitor(3);
            QVERIFY(full);
            QCOMPARE(full->userAgent, u"UA"_s);
            QCOMPARE(full->pages.size(), 1);
            const protocol::Dialog migratedDialog = makeDialog(5, 3, 0, protocol::DialogState::Waiting, kT0, {}, kT0.addMSecs(500));
            QCOMPARE(migrated.openDialogs(), QList<protocol::Dialog>{migratedDialog});
        }
        const QString freshPath = dir.filePath(u"fresh.sqlite"_s);
        {
            LocalStore fresh;
            QVERIFY(fresh.open(freshPath));
            QCOMPARE(fresh.schemaVersion(), LocalStore::kSchemaVersion);
        }
        const auto migratedSchema = schemaOf(oldPath);
        const auto freshSchema = schemaOf(freshPath);
        QVERIFY(freshSchema.contains(u"table:outbox"_s));
        QCOMPARE(migratedSchema, freshSchema);

        // Opening again is a no-op.
        LocalStore again;
        QVERIFY(again.open(oldPath));
        QCOMPARE(schemaOf(oldPath), freshSchema);
    }

    /// A cache written by the previous release (schema v3) with a dialog whose JSON already
    /// carries the 1.1 fields: v4 fills its new columns from that JSON, and ends equal to a fresh v4.
    void migratesFromPreviousSchema()
    {
        QTemporaryDir dir;
        const QString oldPath = dir.filePath(u"v3.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v3"_s);
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // The shipped steps 1–3, as they were released.
            for (const QString &sql : {
                     u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
                     u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
                     u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
                     "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
                     "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                     u"CREATE TABLE outbox (cid TEXT PRIMARY KEY, dialog_id INTEGER NOT NULL, text TEXT NOT NULL, "
                     "created_at TEXT NOT NULL, seq INTEGER NOT NULL)"_s,
                     u"CREATE INDEX messages_dialog_at ON messages (dialog_id, at, id)"_s,
                     u"CREATE INDEX dialogs_visitor ON dialogs (visitor_id)"_s,
                     u"ALTER TABLE visitors ADD COLUMN name TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN online INTEGER NOT NULL DEFAULT 0"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_title TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_url TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN last_seen INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN created_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN closed_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN waiting_since INTEGER"_s,
                     u"INSERT INTO schema_version (version) VALUES (3)"_s,
                     u"INSERT INTO dialogs VALUES (7, 3, 2, 'waiting', '{\"id\":7,\"visitorId\":3,"
                     "\"operatorId\":2,\"state\":\"waiting\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":null,\"waitingSince\":\"2026-01-01T10:01:00.000Z\",\"departmentId\":4,"
                     "\"language\":\"ru\",\"offline\":{\"name\":\"Ann\",\"email\":\"ann@example.com\","
                     "\"phone\":\"\"},\"transfer\":{\"fromOperatorId\":1,\"fromName\":\"Bob\","
                     "\"comment\":\"Russian speaker\",\"at\":\"2026-01-01T10:01:00.000Z\"}}', "
                     "1767261600000, NULL, 1767261660000)"_s,
                     u"INSERT INTO dialogs VALUES (8, 4, NULL, 'active', '{\"id\":8,\"visitorId\":4,"
                     "\"operatorId\":null,\"state\":\"active\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":null,\"waitingSince\":null}', 1767261600000, NULL, NULL)"_s,
                 })
                QVERIFY2(q.exec(sql), qPrintable(sql + u" — "_s + q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"v3"_s);

        {
            LocalStore migrated;
            QVERIFY2(migrated.open(oldPath), qPrintable(migrated.errorString()));
            QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
            protocol::Dialog rich = makeDialog(7, 3, 2, protocol::DialogState::Waiting, kT0, {}, kT0.addSecs(60));
            rich.departmentId = 4;
            rich.language = u"ru"_s;
            rich.offline = protocol::ContactDetails{u"Ann"_s, u"ann@example.com"_s, {}};
            rich.transfer = {1, u"Bob"_s, u"Russian speaker"_s, kT0.addSecs(60)};
            const protocol::Dialog plain = makeDialog(8, 4, 0, protocol::DialogState::Active, kT0, {}, {});
            QCOMPARE(migrated.openDialogs(), (QList<protocol::Dialog>{rich, plain}));
            // Never told: the defaults, nothing in the lists.
            QCOMPARE(migrated.serverSettings(), ServerSettings{});
            QVERIFY(migrated.operators().isEmpty());
            QVERIFY(migrated.departments().isEmpty());
        }
        const QString freshPath = dir.filePath(u"fresh.sqlite"_s);
        {
            LocalStore fresh;
            QVERIFY(fresh.open(freshPath));
        }
        QCOMPARE(schemaOf(oldPath), schemaOf(freshPath));
    }

    /// What protocol 1.1 added survives closing and reopening the app: the offline start shows
    /// the operator room, the operator list and the dialogs' transfer notes.
    void newFieldsSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        protocol::Dialog offline = makeDialog(1, 3, 0, protocol::DialogState::Waiting, kT0, {}, kT0);
        offline.offline = protocol::ContactDetails{u"Ann"_s, {}, u"+33 1 23 45 67 89"_s};
        offline.departmentId = 2;
        protocol::Dialog transferred = makeDialog(2, 4, 7, protocol::DialogState::Waiting, kT0, {}, kT0.addSecs(5));
        transferred.language = u"fr"_s;
        transferred.transfer = {9, u"Zoé"_s, u"Wants the invoice"_s, kT0.addSecs(5)};
        protocol::Message transferLine = message(20, {}, 2, 5);
        transferLine.author = protocol::Author::System;
        transferLine.text.clear();
        transferLine.event = u"transfer"_s;
        transferLine.meta = {{u"fromName"_s, u"Zoé"_s}, {u"to"_s, u"operator"_s}, {u"toOperatorId"_s, 7},
                             {u"comment"_s, u"Wants the invoice"_s}};
        protocol::Message visitorLine = message(19, u"v19"_s, 2, 4);
        visitorLine.text = u"Where is my invoice?"_s;
        protocol::Message roomLine = message(30, u"room-30"_s, 0, 6);
        roomLine.author = protocol::Author::Operator;
        roomLine.operatorId = 7;
        roomLine.authorName = u"Me"_s;
        roomLine.text = u"Who knows the invoice system?"_s;
        protocol::OperatorInfo zoe;
        zoe.id = 9;
        zoe.name = u"Zoé"_s;
        zoe.status = protocol::OperatorStatus::BeforeLunch;
        zoe.role = protocol::OperatorRole::Supervisor;
        zoe.languages = {u"fr"_s, u"en"_s};
        zoe.departmentIds = {2};
        zoe.connected = true;
        zoe.statusSince = kT0;
        protocol::OperatorInfo me;
        me.id = 7;
        me.name = u"Me"_s;
        me.status = protocol::OperatorStatus::Online;
        const QList<protocol::Department> departments{{1, u"Sales"_s, false}, {2, u"Billing"_s, false}};
        ServerSettings settings;
        settings.autoAssign = false;
        settings.hideOthersDialogs = true;
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.upsertDialog(offline));
            QVERIFY(store.upsertDialog(transferred));
            QVERIFY(store.upsertMessage(visitorLine));
            QVERIFY(store.upsertMessage(transferLine));
            QVERIFY(store.upsertMessage(roomLine));
            QVERIFY(store.setOperators({zoe, me}));
            QVERIFY(store.setDepartments(departments));
            QVERIFY(store.setServerSettings(settings));
        }
        LocalStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.openDialogs(), (QList<protocol::Dialog>{offline, transferred}));
        QCOMPARE(store.dialog(2), transferred);
        QCOMPARE(store.messages(2), (QList<protocol::Message>{visitorLine, transferLine}));
        QCOMPARE(store.messages(2).last().meta.value(u"comment").toString(), u"Wants the invoice"_s);
        // The operator room is dialog 0, apart from every visitor dialog.
        QCOMPARE(store.messages(0), QList<protocol::Message>{roomLine});
        QCOMPARE(store.operators(), (QList<protocol::OperatorInfo>{zoe, me}));
        QCOMPARE(store.departments(), departments);
        QCOMPARE(store.serverSettings(), settings);
        // The list's "last line" skips system lines and has nothing for a dialog without lines.
        const auto texts = store.lastMessageTexts();
        QCOMPARE(texts.value(2), u"Where is my invoice?"_s);
        QVERIFY(!texts.contains(1));
        // Closed dialogs are not asked for.
        QVERIFY(store.upsertDialog(makeDialog(2, 4, 7, protocol::DialogState::Closed, kT0, kT0, {})));
        QVERIFY(store.lastMessageTexts().isEmpty());
        // An update without those fields clears them in the cache too (columns, not a merge).
        QVERIFY(store.upsertDialog(makeDialog(1, 3, 7, protocol::DialogState::Active, kT0, {}, {})));
        QVERIFY(!store.dialog(1).offline.has_value());
        QCOMPARE(store.dialog(1).departmentId, 0);
    }

    /// A cache written by the 1.1 release (schema v5). Its dialogs' JSON may already hold the 1.2
    /// fields (written by a build with the new structs): v6 fills the category and rating columns
    /// from it, and ends equal to a fresh database.
    void migratesFromV5()
    {
        QTemporaryDir dir;
        const QString oldPath = dir.filePath(u"v5.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v5"_s);
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // The shipped steps 1–5 (their DDL), as they were released.
            for (const QString &sql : {
                     u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
                     u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
                     u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
                     "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
                     "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                     u"CREATE TABLE outbox (cid TEXT PRIMARY KEY, dialog_id INTEGER NOT NULL, text TEXT NOT NULL, "
                     "created_at TEXT NOT NULL, seq INTEGER NOT NULL)"_s,
                     u"CREATE INDEX messages_dialog_at ON messages (dialog_id, at, id)"_s,
                     u"CREATE INDEX dialogs_visitor ON dialogs (visitor_id)"_s,
                     u"ALTER TABLE visitors ADD COLUMN name TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN online INTEGER NOT NULL DEFAULT 0"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_title TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_url TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN last_seen INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN created_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN closed_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN waiting_since INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN department_id INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN language TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN offline TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN transfer TEXT"_s,
                     u"CREATE TABLE room_lines (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL "
                     "DEFAULT 0, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE INDEX room_lines_at ON room_lines (at, id)"_s,
                     u"INSERT INTO schema_version (version) VALUES (5)"_s,
                     // Closed, with a category and a rating in its JSON only.
                     u"INSERT INTO dialogs VALUES (7, 3, 2, 'closed', '{\"id\":7,\"visitorId\":3,"
                     "\"operatorId\":2,\"state\":\"closed\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":\"2026-01-01T10:05:00.000Z\",\"waitingSince\":null,\"departmentId\":null,"
                     "\"language\":\"\",\"offline\":null,\"transfer\":null,\"categoryId\":4,"
                     "\"rating\":{\"score\":5,\"comment\":\"Спасибо!\",\"at\":\"2026-01-01T10:06:00.000Z\"}}', "
                     "1767261600000, 1767261900000, NULL, NULL, '', NULL, NULL)"_s,
                     // Open, written before 1.2: no such fields at all.
                     u"INSERT INTO dialogs VALUES (8, 4, NULL, 'active', '{\"id\":8,\"visitorId\":4,"
                     "\"operatorId\":null,\"state\":\"active\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":null,\"waitingSince\":null}', 1767261600000, NULL, NULL, NULL, NULL, NULL, NULL)"_s,
                 })
                QVERIFY2(q.exec(sql), qPrintable(sql + u" — "_s + q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"v5"_s);

        {
            LocalStore migrated;
            QVERIFY2(migrated.open(oldPath), qPrintable(migrated.errorString()));
            QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
            protocol::Dialog rated = makeDialog(7, 3, 2, protocol::DialogState::Closed, kT0, kT0.addSecs(300), {});
            rated.categoryId = 4;
            rated.rating = {5, u"Спасибо!"_s, kT0.addSecs(360)};
            QCOMPARE(migrated.dialog(7), rated);
            QCOMPARE(migrated.openDialogs(),
                     QList<protocol::Dialog>{makeDialog(8, 4, 0, protocol::DialogState::Active, kT0, {}, {})});
            QVERIFY(migrated.categories().isEmpty()); // never told
        }
        const QString freshPath = dir.filePath(u"fresh.sqlite"_s);
        {
            LocalStore fresh;
            QVERIFY(fresh.open(freshPath));
        }
        QCOMPARE(schemaOf(oldPath), schemaOf(freshPath));
    }

    /// What protocol 1.2 added survives closing and reopening the app: a dialog's category and
    /// rating, the categories the last hello listed, a visitor's given contact and ban.
    void dialogActionFieldsSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        protocol::Dialog open = makeDialog(1, 3, 7, protocol::DialogState::Active, kT0, {}, {});
        open.categoryId = 2;
        protocol::Dialog rated = makeDialog(2, 4, 7, protocol::DialogState::Closed, kT0, kT0.addSecs(60), {});
        rated.categoryId = 1;
        rated.rating = {3, u"Slow, but <b>helpful</b>"_s, kT0.addSecs(90)};
        protocol::Dialog ratedWithoutComment = makeDialog(3, 5, 7, protocol::DialogState::Closed, kT0, kT0, {});
        ratedWithoutComment.rating = {1, {}, kT0.addSecs(5)};
        const QList<protocol::Category> categories{{1, u"VIP"_s}, {2, u"Hooligan"_s}};
        protocol::Visitor visitor;
        visitor.id = 3;
        visitor.name = u"Visitor 3"_s;
        visitor.online = true;
        visitor.currentPage = {u"http://shop/tea"_s, u"Tea"_s, kT0};
        visitor.lastSeen = kT0.addSecs(2);
        visitor.contact = protocol::ContactDetails{u"Ann"_s, u"ann@example.com"_s, u"+33 1 23"_s};
        visitor.banned = true;
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.upsertDialog(open));
            QVERIFY(store.upsertDialog(rated));
            QVERIFY(store.upsertDialog(ratedWithoutComment));
            QVERIFY(store.setCategories(categories));
            QVERIFY(store.upsertVisitor(visitor));
        }
        LocalStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.openDialogs(), QList<protocol::Dialog>{open});
        QCOMPARE(store.dialog(2), rated);
        QCOMPARE(store.dialog(2).rating.comment, u"Slow, but <b>helpful</b>"_s);
        QCOMPARE(store.dialog(3), ratedWithoutComment);
        QCOMPARE(store.categories(), categories);
        const auto full = store.visitor(3);
        QVERIFY(full);
        QCOMPARE(*full, visitor);
        QCOMPARE(full->contact->email, u"ann@example.com"_s);
        QVERIFY(full->banned);
        // The list row still reads its own columns.
        const auto rows = store.visitorListRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().name, u"Visitor 3"_s);
        QCOMPARE(rows.first().currentPage.title, u"Tea"_s);
        QCOMPARE(rows.first().lastSeen, kT0.addSecs(2));
        // A category cleared on the server is cleared in the cache (a column, not a merge).
        QVERIFY(store.upsertDialog(makeDialog(1, 3, 7, protocol::DialogState::Active, kT0, {}, {})));
        QCOMPARE(store.dialog(1).categoryId, 0);
        QVERIFY(!store.dialog(1).rating.isValid());
        // A later hello with no categories left empties the list.
        QVERIFY(store.setCategories({}));
        QVERIFY(store.categories().isEmpty());
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"future.sqlite"_s);
        {
            LocalStore store;
            QVERIFY(store.open(path));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"UPDATE schema_version SET version = 999"_s);
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        LocalStore store;
        QVERIFY(!store.open(path));
        QVERIFY(store.errorString().contains(u"newer"_s));
    }

    void walAndSeparateConnections()
    {
        QTemporaryDir dir;
        LocalStore a;
        LocalStore b;
        QVERIFY(a.open(dir.filePath(u"a.sqlite"_s)));
        QVERIFY(b.open(dir.filePath(u"b.sqlite"_s)));
        QVERIFY(a.connectionName() != b.connectionName());
        QSqlQuery q(QSqlDatabase::database(a.connectionName()));
        QVERIFY(q.exec(u"PRAGMA journal_mode"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"wal"_s);
    }

    void outboxSurvivesReopenInOrder()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        QStringList cids;
        {
            LocalStore store;
            QVERIFY(store.open(path));
            Outbox outbox(&store);
            for (int i = 0; i < 5; ++i)
                cids.append(outbox.add(9, u"reply %1"_s.arg(i)).cid);
            QVERIFY(outbox.acknowledge(cids.at(1)));
            QVERIFY(!outbox.acknowledge(cids.at(1)));
            cids.removeAt(1);
            QCOMPARE(outbox.takeUnsent().size(), 4);
            QCOMPARE(outbox.takeUnsent().size(), 0); // all in flight on this link
            outbox.linkLost();
            QCOMPARE(outbox.takeUnsent().size(), 4); // the next link sends all again
        }
        LocalStore store;
        QVERIFY(store.open(path));
        Outbox outbox(&store);
        QCOMPARE(outbox.count(), 4);
        QStringList reopened;
        for (const auto &entry : outbox.entries())
            reopened.append(entry.cid);
        QCOMPARE(reopened, cids);
        QCOMPARE(outbox.entries().at(2).text, u"reply 3"_s);
        QCOMPARE(outbox.entries().first().dialogId, 9);
    }

    void cacheRoundTripAndSnapshot()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(u"store.sqlite"_s)));
        protocol::Visitor v;
        v.id = 3;
        v.name = u"Ann"_s;
        v.online = true;
        QVERIFY(store.upsertVisitor(v));
        protocol::Dialog open = makeDialog(1, 3, 0, protocol::DialogState::Waiting, kT0, {}, kT0);
        protocol::Dialog closed = makeDialog(2, 3, 1, protocol::DialogState::Closed, kT0, kT0, {});
        QVERIFY(store.upsertDialog(open));
        QVERIFY(store.upsertDialog(closed));
        QCOMPARE(store.openDialogs(), QList<protocol::Dialog>{open});
        QCOMPARE(store.visitors().first(), v);

        // List rows carry just what the list shows; visitor(id) is the whole visitor.
        protocol::Visitor full;
        full.id = 6;
        full.name = u"Cy"_s;
        full.online = true;
        full.ip = u"10.0.0.6"_s;
        full.userAgent = u"Mozilla/5.0 Test"_s;
        full.browser = u"Firefox 120"_s;
        full.referrer = u"https://search.example/"_s;
        full.utm.source = u"news"_s;
        full.currentPage = {u"http://shop/cart"_s, u"Cart"_s, kT0.addSecs(30)};
        full.pages = {{u"http://shop/"_s, u"Shop"_s, kT0}, full.currentPage};
        full.firstSeen = kT0;
        full.lastSeen = kT0.addMSecs(30'123);
        QVERIFY(store.upsertVisitor(full));
        const auto rows = store.visitorListRows();
        QCOMPARE(rows.size(), 2);
        protocol::Visitor expectedRow;
        expectedRow.id = 6;
        expectedRow.name = u"Cy"_s;
        expectedRow.online = true;
        expectedRow.currentPage.title = u"Cart"_s;
        expectedRow.currentPage.url = u"http://shop/cart"_s;
        expectedRow.lastSeen = full.lastSeen;
        QCOMPARE(rows.at(1), expectedRow);
        QCOMPARE(rows.at(0).name, u"Ann"_s);
        QVERIFY(!rows.at(0).lastSeen.isValid());
        QCOMPARE(store.visitor(6), std::optional<protocol::Visitor>(full));
        QCOMPARE(store.visitor(3), std::optional<protocol::Visitor>(v));
        QVERIFY(!store.visitor(99));
        // An update rewrites the list columns too.
        full.online = false;
        full.name = u"Cyril"_s;
        QVERIFY(store.upsertVisitor(full));
        QCOMPARE(store.visitorListRows().at(1).name, u"Cyril"_s);
        QVERIFY(!store.visitorListRows().at(1).online);
        QCOMPARE(store.dialog(2), closed);

        // upsertMessage reports "new" once per message.
        QVERIFY(store.upsertMessage(message(1, u"c1"_s, 1, 1)));
        QVERIFY(!store.upsertMessage(message(1, u"c1"_s, 1, 1)));
        for (int i = 2; i <= 10; ++i)
            QVERIFY(store.upsertMessage(message(i, u"c%1"_s.arg(i), 1, i)));
        const auto last3 = store.messages(1, 3);
        QCOMPARE(last3.size(), 3);
        QCOMPARE(last3.first().id, 8);
        QCOMPARE(last3.last().id, 10);

        QVERIFY(store.setLastSeq(17));
        QCOMPARE(store.lastSeq(), 17);
        protocol::OperatorInfo me;
        me.id = 1;
        me.email = u"op@example.com"_s;
        me.name = u"Op"_s;
        me.status = protocol::OperatorStatus::Online;
        QVERIFY(store.setOperatorInfo(me));
        QCOMPARE(store.operatorInfo(), me);
        QVERIFY(store.setServerUrl(QUrl(u"http://127.0.0.1:8080"_s)));
        QCOMPARE(store.serverUrl(), QUrl(u"http://127.0.0.1:8080"_s));

        // A snapshot without dialog 1: it was closed while we were away; history is kept.
        protocol::Visitor w;
        w.id = 4;
        w.name = u"Bob"_s;
        protocol::Dialog fresh = makeDialog(5, 4, 0, protocol::DialogState::Waiting, kT0, {}, kT0);
        QVERIFY(store.replaceWithSnapshot({w}, {fresh}, {message(11, u"c11"_s, 5, 1)}));
        QCOMPARE(store.visitors().size(), 1);
        QCOMPARE(store.visitorListRows().size(), 1);
        QVERIFY(!store.visitor(6));
        QCOMPARE(store.openDialogs(), QList<protocol::Dialog>{fresh});
        QCOMPARE(store.messages(1).size(), 10);
        QCOMPARE(store.messages(5).size(), 1);
        QCOMPARE(store.dialog(1).id, 1);
    }

    void rollbackDiscards()
    {
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(u"store.sqlite"_s)));
        QVERIFY(store.beginTransaction());
        store.setLastSeq(5);
        store.rollback();
        QCOMPARE(store.lastSeq(), 0);
    }

    void roomLinesAndDialogMessagesAreNumberedApart()
    {
        // The server counts operator-room lines and dialog messages separately: line 1 and
        // message 1 are two different things, and each is new when it first arrives.
        QTemporaryDir dir;
        LocalStore store;
        QVERIFY(store.open(dir.filePath(u"store.sqlite"_s)));
        QVERIFY(store.upsertMessage(message(1, u"room-1"_s, 0, 1)));
        QVERIFY(store.upsertMessage(message(1, u"dialog-1"_s, 5, 2)));
        QVERIFY(!store.upsertMessage(message(1, u"room-1"_s, 0, 1))); // the same line again
        QCOMPARE(store.messages(0).size(), 1);
        QCOMPARE(store.messages(0).constFirst().cid, u"room-1"_s);
        QCOMPARE(store.messages(5).size(), 1);
        QCOMPARE(store.messages(5).constFirst().cid, u"dialog-1"_s);
    }

    /// A cache written by the 1.2 release (schema v6) whose messages' JSON may already hold a
    /// 1.3 file: v7 adds the `file` column, fills it, and the file line is named in the list.
    void migratesFromV6()
    {
        QTemporaryDir dir;
        const QString oldPath = dir.filePath(u"v6.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v6"_s);
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // The shipped steps 1–6 (their DDL), as they were released.
            for (const QString &sql : {
                     u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
                     u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
                     u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
                     "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
                     "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                     u"CREATE TABLE outbox (cid TEXT PRIMARY KEY, dialog_id INTEGER NOT NULL, text TEXT NOT NULL, "
                     "created_at TEXT NOT NULL, seq INTEGER NOT NULL)"_s,
                     u"CREATE INDEX messages_dialog_at ON messages (dialog_id, at, id)"_s,
                     u"CREATE INDEX dialogs_visitor ON dialogs (visitor_id)"_s,
                     u"ALTER TABLE visitors ADD COLUMN name TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN online INTEGER NOT NULL DEFAULT 0"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_title TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_url TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN last_seen INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN created_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN closed_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN waiting_since INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN department_id INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN language TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN offline TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN transfer TEXT"_s,
                     u"CREATE TABLE room_lines (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL "
                     "DEFAULT 0, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE INDEX room_lines_at ON room_lines (at, id)"_s,
                     u"ALTER TABLE dialogs ADD COLUMN category_id INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN rating TEXT"_s,
                     u"INSERT INTO schema_version (version) VALUES (6)"_s,
                     u"INSERT INTO dialogs VALUES (8, 4, NULL, 'active', '{\"id\":8,\"visitorId\":4,"
                     "\"operatorId\":null,\"state\":\"active\",\"createdAt\":\"2026-01-01T10:00:00.000Z\","
                     "\"closedAt\":null,\"waitingSince\":null}', 1767261600000, NULL, NULL, NULL, NULL, NULL, NULL, "
                     "NULL, NULL)"_s,
                     // A text line, then a file line written by a build with the 1.3 structs.
                     u"INSERT INTO messages VALUES (1, 'c1', 8, 'visitor', 'Hello', '2026-01-01T10:00:01.000Z', "
                     "'{\"id\":1,\"cid\":\"c1\",\"dialogId\":8,\"author\":\"visitor\",\"text\":\"Hello\","
                     "\"at\":\"2026-01-01T10:00:01.000Z\",\"file\":null}')"_s,
                     u"INSERT INTO messages VALUES (2, 'c2', 8, 'visitor', '', '2026-01-01T10:00:02.000Z', "
                     "'{\"id\":2,\"cid\":\"c2\",\"dialogId\":8,\"author\":\"visitor\",\"text\":\"\","
                     "\"at\":\"2026-01-01T10:00:02.000Z\",\"file\":{\"url\":\"/v1/files/ab\","
                     "\"name\":\"счёт.pdf\",\"size\":1234,\"mime\":\"application/pdf\",\"image\":false,"
                     "\"executable\":false}}')"_s,
                 })
                QVERIFY2(q.exec(sql), qPrintable(sql + u" — "_s + q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"v6"_s);

        {
            LocalStore migrated;
            QVERIFY2(migrated.open(oldPath), qPrintable(migrated.errorString()));
            QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
            const auto messages = migrated.messages(8);
            QCOMPARE(messages.size(), 2);
            QVERIFY(messages.at(0).file.isEmpty());
            QCOMPARE(messages.at(1).file.name, u"счёт.pdf"_s);
            QCOMPARE(messages.at(1).file.size, 1234);
            QCOMPARE(migrated.lastMessageTexts().value(8), u"\U0001F4CE счёт.pdf"_s);
        }
        const QString freshPath = dir.filePath(u"fresh.sqlite"_s);
        {
            LocalStore fresh;
            QVERIFY(fresh.open(freshPath));
        }
        QCOMPARE(schemaOf(oldPath), schemaOf(freshPath));
    }

    /// A cache written by the 1.3 release (schema v7): v8 adds the template tables, empty, and
    /// the cache keeps everything it had.
    void migratesFromV7()
    {
        QTemporaryDir dir;
        const QString oldPath = dir.filePath(u"v7.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v7"_s);
            db.setDatabaseName(oldPath);
            QVERIFY(db.open());
            QSqlQuery q(db);
            // The shipped steps 1–7 (their DDL), as they were released.
            for (const QString &sql : {
                     u"CREATE TABLE schema_version (version INTEGER NOT NULL)"_s,
                     u"CREATE TABLE visitors (id INTEGER PRIMARY KEY, json TEXT NOT NULL, updated TEXT NOT NULL)"_s,
                     u"CREATE TABLE dialogs (id INTEGER PRIMARY KEY, visitor_id INTEGER NOT NULL, "
                     "operator_id INTEGER, state TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE messages (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL, "
                     "author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
                     u"CREATE TABLE outbox (cid TEXT PRIMARY KEY, dialog_id INTEGER NOT NULL, text TEXT NOT NULL, "
                     "created_at TEXT NOT NULL, seq INTEGER NOT NULL)"_s,
                     u"CREATE INDEX messages_dialog_at ON messages (dialog_id, at, id)"_s,
                     u"CREATE INDEX dialogs_visitor ON dialogs (visitor_id)"_s,
                     u"ALTER TABLE visitors ADD COLUMN name TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN online INTEGER NOT NULL DEFAULT 0"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_title TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN page_url TEXT"_s,
                     u"ALTER TABLE visitors ADD COLUMN last_seen INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN created_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN closed_at INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN waiting_since INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN department_id INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN language TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN offline TEXT"_s,
                     u"ALTER TABLE dialogs ADD COLUMN transfer TEXT"_s,
                     u"CREATE TABLE room_lines (id INTEGER PRIMARY KEY, cid TEXT UNIQUE, dialog_id INTEGER NOT NULL "
                     "DEFAULT 0, author TEXT NOT NULL, text TEXT NOT NULL, at TEXT NOT NULL, json TEXT NOT NULL)"_s,
                     u"CREATE INDEX room_lines_at ON room_lines (at, id)"_s,
                     u"ALTER TABLE dialogs ADD COLUMN category_id INTEGER"_s,
                     u"ALTER TABLE dialogs ADD COLUMN rating TEXT"_s,
                     u"ALTER TABLE messages ADD COLUMN file TEXT"_s,
                     u"ALTER TABLE room_lines ADD COLUMN file TEXT"_s,
                     u"INSERT INTO schema_version (version) VALUES (7)"_s,
                     u"INSERT INTO kv (key, value) VALUES ('last_seq', '17')"_s,
                     u"INSERT INTO messages VALUES (1, 'c1', 8, 'visitor', 'Hello', '2026-01-01T10:00:01.000Z', "
                     "'{\"id\":1,\"cid\":\"c1\",\"dialogId\":8,\"author\":\"visitor\",\"text\":\"Hello\","
                     "\"at\":\"2026-01-01T10:00:01.000Z\"}', NULL)"_s,
                 })
                QVERIFY2(q.exec(sql), qPrintable(sql + u" — "_s + q.lastError().text()));
        }
        QSqlDatabase::removeDatabase(u"v7"_s);

        {
            LocalStore migrated;
            QVERIFY2(migrated.open(oldPath), qPrintable(migrated.errorString()));
            QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
            QCOMPARE(migrated.lastSeq(), 17);
            QCOMPARE(migrated.messages(8).size(), 1);
            // Never synced: the first login asks for everything.
            QVERIFY(migrated.templates().isEmpty());
            QCOMPARE(migrated.templatesRevision(), 0);
            QVERIFY(migrated.templatesViewer().isEmpty());
            QVERIFY(migrated.templateUsage(1).isEmpty());
        }
        const QString freshPath = dir.filePath(u"fresh.sqlite"_s);
        {
            LocalStore fresh;
            QVERIFY(fresh.open(freshPath));
        }
        QCOMPARE(schemaOf(oldPath), schemaOf(freshPath));
    }

    /// Templates, the sync cursor and each operator's use of them come back after a restart.
    void templatesSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        protocol::Template shared;
        shared.id = 4;
        shared.scope = protocol::TemplateScope::Shared;
        shared.departmentId = 2;
        shared.title = u"Доставка"_s;
        shared.text = u"Здравствуйте, {visitor.name|гость}!"_s;
        shared.tags = {u"shipping"_s, u"ёлки"_s};
        shared.revision = 118;
        shared.updatedAt = kT0;
        shared.updatedBy = u"Anna"_s;
        protocol::Template personal;
        personal.id = 9;
        personal.ownerId = 1;
        personal.title = u"Mine"_s;
        personal.text = u"x"_s;
        personal.revision = 120;
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.replaceTemplates({shared, personal}));
            QVERIFY(store.setTemplatesRevision(120));
            QVERIFY(store.setTemplatesViewer(u"1:operator:2"_s));
            QCOMPARE(store.recordTemplateUse(1, 4, kT0).count, 1);
            QCOMPARE(store.recordTemplateUse(1, 4, kT0.addSecs(60)).count, 2);
            QCOMPARE(store.recordTemplateUse(2, 4, kT0).count, 1);
        }
        LocalStore store;
        QVERIFY(store.open(path));
        QCOMPARE(store.templates(), (QList<protocol::Template>{shared, personal}));
        QCOMPARE(store.templatesRevision(), 120);
        QCOMPARE(store.templatesViewer(), u"1:operator:2"_s);
        const auto usage = store.templateUsage(1);
        QCOMPARE(usage.size(), 1);
        QCOMPARE(usage.at(0).count, 2);
        QCOMPARE(usage.at(0).lastUsed, kT0.addSecs(60));
        QVERIFY(store.removeTemplate(4));
        QCOMPARE(store.templates(), QList<protocol::Template>{personal});
        QVERIFY(store.replaceTemplates({}));
        QVERIFY(store.templates().isEmpty());
    }

    /// A file line (sent or received) is still a file line after the app restarts.
    void fileMessagesSurviveReopen()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"store.sqlite"_s);
        protocol::Message file = message(3, u"f3"_s, 1, 3);
        file.text.clear();
        file.author = protocol::Author::Operator;
        file.file = {u"/v1/files/0123456789abcdef0123456789abcdef"_s, u"photo <1>.png"_s, 48213,
                     u"image/png"_s, true, false};
        protocol::Message setup = message(4, u"f4"_s, 0, 4); // a room line may carry one too
        setup.file = {u"/v1/files/ffff"_s, u"setup.exe"_s, 99, u"application/x-msdownload"_s, false, true};
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QVERIFY(store.upsertDialog(makeDialog(1, 3, 7, protocol::DialogState::Active, kT0, {}, {})));
            QVERIFY(store.upsertMessage(message(2, u"t2"_s, 1, 2)));
            QVERIFY(store.upsertMessage(file));
            QVERIFY(store.upsertMessage(setup));
        }
        LocalStore reopened;
        QVERIFY(reopened.open(path));
        const auto lines = reopened.messages(1);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(1), file);
        QVERIFY(lines.at(0).file.isEmpty());
        QCOMPARE(reopened.messages(0), QList<protocol::Message>{setup});
        QCOMPARE(reopened.lastMessageTexts().value(1), u"\U0001F4CE photo <1>.png"_s);
    }
};

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_local_store.moc"
