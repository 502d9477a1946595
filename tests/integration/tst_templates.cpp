// SPDX-License-Identifier: GPL-3.0-or-later
// Template libraries on the real server (docs/protocol.md "Templates"): who sees which template
// (shared for everyone or a department, all shared for supervisors and admins, personal only for
// the owner), who may write them, the rules of a save, sync by revision with tombstones, live
// `template.updated` to every session that can see the change, last write wins with the replaced
// version kept, and the admin CLI's export/import that never half-applies.
#include "ServerTestKit.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;   // operator, Sales
const QString kBoris = u"boris@example.com"_s; // operator, Support
const QString kSam = u"sam@example.com"_s;     // supervisor, no department
const QString kAda = u"ada@example.com"_s;     // admin, no department

/// The demo's shared templates, seeded into Sales at every server start.
const QStringList kDemoTitles{u"Greeting"_s, u"Pricing"_s, u"Goodbye"_s, u"Приветствие"_s, u"Доставка"_s};

QJsonObject templateOf(const QJsonObject &reply)
{
    return data(reply).value(u"template").toObject();
}

qint64 idOfTemplate(const QJsonObject &item)
{
    return idOf(item.value(u"id"));
}

QJsonObject personal(const QString &title, const QString &text = u"Some text"_s)
{
    return {{u"scope"_s, u"personal"_s}, {u"title"_s, title}, {u"text"_s, text}};
}

QJsonObject shared(const QString &title, qint64 departmentId = 0, const QString &text = u"Some text"_s)
{
    return {{u"scope"_s, u"shared"_s},
            {u"title"_s, title},
            {u"text"_s, text},
            {u"departmentId"_s, departmentId > 0 ? QJsonValue(departmentId) : QJsonValue()}};
}

QJsonObject save(RawProtocolClient &client, const QJsonObject &item, qint64 baseRevision = 0)
{
    QJsonObject fields{{u"template"_s, item}};
    if (baseRevision > 0)
        fields.insert(u"baseRevision"_s, baseRevision);
    return client.request(u"template.save"_s, fields);
}

QJsonObject sync(RawProtocolClient &client, qint64 since)
{
    return client.request(u"templates.sync"_s, {{u"since"_s, since}});
}

/// Titles of the live templates in a sync answer, sorted.
QStringList liveTitles(const QJsonObject &syncReply)
{
    QStringList titles;
    for (const QJsonValue &item : data(syncReply).value(u"templates").toArray()) {
        if (!item.toObject().value(u"deleted").toBool())
            titles.append(item.toObject().value(u"title").toString());
    }
    titles.sort();
    return titles;
}

QList<qint64> deletedIds(const QJsonObject &syncReply)
{
    QList<qint64> ids;
    for (const QJsonValue &item : data(syncReply).value(u"templates").toArray()) {
        if (item.toObject().value(u"deleted").toBool())
            ids.append(idOfTemplate(item.toObject()));
    }
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

/// The templates of every `template.updated` \a client received about \a id.
QList<QJsonObject> updatesAbout(const RawProtocolClient &client, qint64 id)
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : eventData(client, u"template.updated"_s)) {
        const QJsonObject item = event.value(u"template").toObject();
        if (idOfTemplate(item) == id)
            found.append(item);
    }
    return found;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void eachOperatorSyncsExactlyTheLibraryTheyMaySee();
    void personalTemplatesAreNobodyElsesBusiness();
    void onlyAdminsWriteSharedTemplates();
    void badTemplatesAreRefusedWithTheRuleTheyBreak();
    void titlesAreUniquePerLibraryIgnoringCase();
    void syncSinceARevisionBringsChangesAndTombstones();
    void everySessionThatCanSeeAChangeHearsOfIt();
    void theLastWriteWinsAndTheOverwrittenVersionIsKept();
    void historyKeepsTheLastTwentyVersions();
    void aDeletedDepartmentsTemplatesSyncAsGone();
    void exportThenImportRoundTrips();
    void aBadImportFileNamesTheEntryAndChangesNothing_data();
    void aBadImportFileNamesTheEntryAndChangesNothing();
    void anOlderDatabaseKeepsItsTemplatesAsShared();

private:
    /// Anna (Sales), Boris (Support), Sam (supervisor), Ada (admin), then the server.
    bool start();
    ServerProcess &server() { return *m_server; }
    std::unique_ptr<RawProtocolClient> login(const QString &email, QJsonObject *hello = nullptr)
    {
        return loginOperator(server(), email, u"online"_s, hello);
    }
    QString exportTemplates(const QString &name);

    std::unique_ptr<ServerProcess> m_server;
    qint64 m_sales = 0;
    qint64 m_support = 0;
};

void TestTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTemplates::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_server.reset();
}

bool TestTemplates::start()
{
    m_server = std::make_unique<ServerProcess>();
    if (!admin(server(), {u"create-department"_s, u"--name"_s, u"Sales"_s}) ||
        !admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}) ||
        !createOperator(server(), kAnna, u"Anna"_s, {u"--department"_s, u"Sales"_s}) ||
        !createOperator(server(), kBoris, u"Boris"_s, {u"--department"_s, u"Support"_s}) ||
        !createOperator(server(), kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}) ||
        !createOperator(server(), kAda, u"Ada"_s, {u"--role"_s, u"admin"_s}))
        return false;
    if (!server().start()) {
        qWarning().noquote() << server().output();
        return false;
    }
    QJsonObject hello;
    const auto probe = login(kAda, &hello);
    m_sales = departmentId(hello, u"Sales"_s);
    m_support = departmentId(hello, u"Support"_s);
    return probe && m_sales > 0 && m_support > 0;
}

QString TestTemplates::exportTemplates(const QString &name)
{
    const QString path = server().stateDir() + u"/"_s + name;
    QString output;
    if (server().admin({u"export-templates"_s, u"--file"_s, path}, &output) != 0) {
        qWarning().noquote() << "export failed:" << output;
        return {};
    }
    return readAll(path);
}

void TestTemplates::eachOperatorSyncsExactlyTheLibraryTheyMaySee()
{
    QVERIFY(start());
    auto ada = login(kAda);
    auto anna = login(kAnna);
    auto boris = login(kBoris);
    QVERIFY(ada && anna && boris);
    QVERIFY(isResult(save(*ada, shared(u"Welcome"_s))));
    QVERIFY(isResult(save(*ada, shared(u"Refunds"_s, m_support))));
    const QJsonObject old = templateOf(save(*ada, shared(u"Old offer"_s)));
    QVERIFY(isResult(ada->request(u"template.delete"_s, {{u"id"_s, idOfTemplate(old)}})));
    QVERIFY(isResult(save(*anna, personal(u"My hello"_s))));
    QVERIFY(isResult(save(*boris, personal(u"Boris note"_s))));

    QJsonObject hello;
    auto annaAgain = login(kAnna, &hello);
    QVERIFY(annaAgain);
    const QJsonObject annaSync = sync(*annaAgain, 0);
    QVERIFY(isResult(annaSync));
    QCOMPARE(liveTitles(annaSync), sorted(kDemoTitles + QStringList{u"Welcome"_s, u"My hello"_s}));
    QVERIFY(deletedIds(annaSync).isEmpty()); // since 0: the library itself, no tombstones
    QCOMPARE(data(annaSync).value(u"revision").toInteger(), hello.value(u"templatesRevision").toInteger());
    QVERIFY(hello.value(u"templatesRevision").toInteger() > 0);

    QCOMPARE(liveTitles(sync(*boris, 0)), sorted({u"Welcome"_s, u"Refunds"_s, u"Boris note"_s}));
    auto sam = login(kSam);
    QVERIFY(sam);
    QCOMPARE(liveTitles(sync(*sam, 0)), sorted(kDemoTitles + QStringList{u"Welcome"_s, u"Refunds"_s}));
    QCOMPARE(liveTitles(sync(*ada, 0)), sorted(kDemoTitles + QStringList{u"Welcome"_s, u"Refunds"_s}));
}

void TestTemplates::personalTemplatesAreNobodyElsesBusiness()
{
    QVERIFY(start());
    QJsonObject annaHello;
    auto anna = login(kAnna, &annaHello);
    auto boris = login(kBoris);
    auto ada = login(kAda);
    QVERIFY(anna && boris && ada);
    const QJsonObject mine =
        templateOf(save(*anna, personal(u"My secret phrasing"_s, u"Dear {visitor.name}"_s)));
    const qint64 id = idOfTemplate(mine);
    QVERIFY(id > 0);
    QCOMPARE(idOf(mine.value(u"ownerId")), idOf(annaHello.value(u"operator").toObject().value(u"id")));
    QVERIFY(mine.value(u"departmentId").isNull());
    QCOMPARE(mine.value(u"updatedBy").toString(), u"Anna"_s);

    for (RawProtocolClient *other : {boris.get(), ada.get()}) {
        QJsonObject edit = personal(u"Hijacked"_s);
        edit.insert(u"id"_s, id);
        QCOMPARE(errorCode(save(*other, edit)), u"not_found"_s);
        QCOMPARE(errorCode(other->request(u"template.delete"_s, {{u"id"_s, id}})), u"not_found"_s);
        QCOMPARE(errorCode(other->request(u"template.history"_s, {{u"id"_s, id}})), u"not_found"_s);
        QVERIFY(!liveTitles(sync(*other, 0)).contains(u"My secret phrasing"_s));
    }
    QVERIFY(settle(server(), {anna.get(), boris.get(), ada.get()}));
    QVERIFY(updatesAbout(*boris, id).isEmpty());
    QVERIFY(updatesAbout(*ada, id).isEmpty());
    QCOMPARE(updatesAbout(*anna, id).size(), 1);
    // Nothing the others tried changed it.
    QCOMPARE(liveTitles(sync(*anna, 0)).count(u"My secret phrasing"_s), 1);
}

void TestTemplates::onlyAdminsWriteSharedTemplates()
{
    QVERIFY(start());
    auto anna = login(kAnna);
    auto boris = login(kBoris);
    auto sam = login(kSam);
    auto ada = login(kAda);
    QVERIFY(anna && boris && sam && ada);
    QCOMPARE(errorCode(save(*anna, shared(u"Mine for all"_s))), u"forbidden"_s);
    QCOMPARE(errorCode(save(*sam, shared(u"Supervised"_s, m_sales))), u"forbidden"_s);

    const QJsonObject annaSync = sync(*anna, 0);
    qint64 greeting = 0;
    for (const QJsonValue &item : data(annaSync).value(u"templates").toArray()) {
        if (item.toObject().value(u"title").toString() == u"Greeting")
            greeting = idOfTemplate(item.toObject());
    }
    QVERIFY(greeting > 0);
    QJsonObject edit = shared(u"Greeting"_s, m_sales, u"Yo"_s);
    edit.insert(u"id"_s, greeting);
    QCOMPARE(errorCode(save(*anna, edit)), u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"template.delete"_s, {{u"id"_s, greeting}})), u"forbidden"_s);
    QCOMPARE(errorCode(sam->request(u"template.delete"_s, {{u"id"_s, greeting}})), u"forbidden"_s);
    // Boris is not in Sales: for him the template does not exist.
    QCOMPARE(errorCode(boris->request(u"template.delete"_s, {{u"id"_s, greeting}})), u"not_found"_s);

    edit.remove(u"departmentId"_s); // left out: it stays in Sales
    const QJsonObject changed = save(*ada, edit);
    QVERIFY2(isResult(changed), QJsonDocument(changed).toJson().constData());
    QCOMPARE(templateOf(changed).value(u"text").toString(), u"Yo"_s);
    QCOMPARE(idOf(templateOf(changed).value(u"departmentId")), m_sales);
    QCOMPARE(templateOf(changed).value(u"tags").toArray(), QJsonArray{u"hello"_s}); // the demo's, kept
    QCOMPARE(templateOf(changed).value(u"updatedBy").toString(), u"Ada"_s);
    QVERIFY(isResult(ada->request(u"template.delete"_s, {{u"id"_s, greeting}})));
    QVERIFY(!liveTitles(sync(*anna, 0)).contains(u"Greeting"_s));
}

void TestTemplates::badTemplatesAreRefusedWithTheRuleTheyBreak()
{
    QVERIFY(start());
    auto anna = login(kAnna);
    auto ada = login(kAda);
    QVERIFY(anna && ada);
    const QJsonObject empty = save(*anna, personal(u"   "_s));
    QCOMPARE(errorCode(empty), u"bad_request"_s);
    QVERIFY(empty.value(u"message").toString().contains(u"title"_s));
    QCOMPARE(errorCode(save(*anna, personal(u"Blank text"_s, u" \n "_s))), u"bad_request"_s);
    QCOMPARE(errorCode(save(*anna, personal(QString(201, u'x')))), u"bad_request"_s);
    QCOMPARE(errorCode(save(*anna, personal(u"Too long"_s, QString(10001, u'я')))), u"too_long"_s);
    QVERIFY(isResult(save(*anna, personal(u"Just fits"_s, QString(10000, u'я')))));

    QJsonObject manyTags = personal(u"Many tags"_s);
    QJsonArray tags;
    for (int i = 0; i < 21; ++i)
        tags.append(u"tag%1"_s.arg(i));
    manyTags.insert(u"tags"_s, tags);
    const QJsonObject tooMany = save(*anna, manyTags);
    QCOMPARE(errorCode(tooMany), u"bad_request"_s);
    QVERIFY(tooMany.value(u"message").toString().contains(u"tags"_s));
    tags.removeLast();
    manyTags.insert(u"tags"_s, tags);
    QVERIFY(isResult(save(*anna, manyTags)));
    QJsonObject longTag = personal(u"Long tag"_s);
    longTag.insert(u"tags"_s, QJsonArray{QString(51, u't')});
    QCOMPARE(errorCode(save(*anna, longTag)), u"bad_request"_s);

    QCOMPARE(errorCode(save(*ada, shared(u"Nowhere"_s, 9999))), u"bad_request"_s);
    QJsonObject noScope{{u"title"_s, u"No scope"_s}, {u"text"_s, u"x"_s}};
    QCOMPARE(errorCode(save(*anna, noScope)), u"bad_request"_s);
    // An existing template keeps its scope.
    const qint64 id = idOfTemplate(templateOf(save(*ada, shared(u"Stays shared"_s))));
    QVERIFY(id > 0);
    QJsonObject flip = personal(u"Stays shared"_s);
    flip.insert(u"id"_s, id);
    QCOMPARE(errorCode(save(*ada, flip)), u"bad_request"_s);
    // None of the refused ones was stored.
    QCOMPARE(liveTitles(sync(*anna, 0)),
             sorted(kDemoTitles + QStringList{u"Just fits"_s, u"Many tags"_s, u"Stays shared"_s}));
}

void TestTemplates::titlesAreUniquePerLibraryIgnoringCase()
{
    QVERIFY(start());
    auto anna = login(kAnna);
    auto boris = login(kBoris);
    auto ada = login(kAda);
    QVERIFY(anna && boris && ada);
    const QJsonObject first = save(*anna, personal(u"Доставка"_s, u"Курьером"_s));
    QVERIFY(isResult(first));
    const QJsonObject again = save(*anna, personal(u"  доставка "_s, u"Почтой"_s));
    QCOMPARE(errorCode(again), u"bad_request"_s);
    QCOMPARE(again.value(u"message").toString(), u"A template with this title already exists"_s);
    QCOMPARE(errorCode(save(*anna, personal(u"GREETING"_s))), u""_s); // Sales' shared one is another library
    QCOMPARE(errorCode(save(*anna, personal(u"greeting"_s))), u"bad_request"_s);
    // Other libraries: Boris's own, and the shared ones for everyone / for Sales (where the demo has one).
    QVERIFY(isResult(save(*boris, personal(u"ДОСТАВКА"_s))));
    QVERIFY(isResult(save(*ada, shared(u"доставка"_s))));
    QCOMPARE(errorCode(save(*ada, shared(u"доСТАВКА"_s, m_sales))), u"bad_request"_s);
    // Renaming onto a taken title is a duplicate too; saving under its own title is not.
    const qint64 other = idOfTemplate(templateOf(save(*anna, personal(u"Оплата"_s))));
    QJsonObject rename = personal(u"ДОСТАВКА"_s);
    rename.insert(u"id"_s, other);
    QCOMPARE(errorCode(save(*anna, rename)), u"bad_request"_s);
    QJsonObject recase = personal(u"ОПЛАТА"_s);
    recase.insert(u"id"_s, other);
    QVERIFY(isResult(save(*anna, recase)));
    // A deleted title is free again.
    QVERIFY(isResult(anna->request(u"template.delete"_s, {{u"id"_s, idOfTemplate(templateOf(first))}})));
    QVERIFY(isResult(save(*anna, personal(u"доставка"_s, u"Почтой"_s))));
}

void TestTemplates::syncSinceARevisionBringsChangesAndTombstones()
{
    QVERIFY(start());
    auto ada = login(kAda);
    auto anna = login(kAnna);
    QVERIFY(ada && anna);
    const qint64 doomed = idOfTemplate(templateOf(save(*anna, personal(u"Doomed"_s))));
    const qint64 moving = idOfTemplate(templateOf(save(*ada, shared(u"Moving"_s))));
    QVERIFY(isResult(save(*anna, personal(u"Unchanged"_s))));
    QJsonObject hello;
    auto later = login(kAnna, &hello);
    QVERIFY(later);
    const qint64 since = hello.value(u"templatesRevision").toInteger();

    QVERIFY(isResult(save(*ada, shared(u"New for all"_s))));
    QVERIFY(isResult(save(*ada, shared(u"Support only"_s, m_support))));
    QVERIFY(isResult(anna->request(u"template.delete"_s, {{u"id"_s, doomed}})));
    QJsonObject move = shared(u"Moving"_s, m_support);
    move.insert(u"id"_s, moving);
    QVERIFY(isResult(save(*ada, move))); // out of Anna's sight
    QJsonObject hello2;
    auto latest = login(kAda, &hello2);
    QVERIFY(latest);

    const QJsonObject changes = sync(*later, since);
    QVERIFY(isResult(changes));
    QCOMPARE(liveTitles(changes), QStringList{u"New for all"_s});
    QList<qint64> gone = deletedIds(changes);
    std::sort(gone.begin(), gone.end());
    QList<qint64> expected{doomed, moving};
    std::sort(expected.begin(), expected.end());
    QCOMPARE(gone, expected);
    QCOMPARE(data(changes).value(u"revision").toInteger(), hello2.value(u"templatesRevision").toInteger());
    // Nothing new since then: an empty answer with the same revision.
    const QJsonObject nothing = sync(*later, data(changes).value(u"revision").toInteger());
    QVERIFY(data(nothing).value(u"templates").toArray().isEmpty());
    QCOMPARE(data(nothing).value(u"revision").toInteger(), data(changes).value(u"revision").toInteger());
    QCOMPARE(errorCode(sync(*later, -3)), u"bad_request"_s);
}

void TestTemplates::everySessionThatCanSeeAChangeHearsOfIt()
{
    QVERIFY(start());
    auto annaAtWork = login(kAnna);
    auto annaAtHome = login(kAnna);
    auto boris = login(kBoris);
    auto ada = login(kAda);
    QVERIFY(annaAtWork && annaAtHome && boris && ada);
    const QJsonObject saved = templateOf(save(*annaAtWork, personal(u"Home and work"_s, u"v1"_s)));
    const qint64 id = idOfTemplate(saved);
    QVERIFY(id > 0);
    QVERIFY(spinUntil([&] { return updatesAbout(*annaAtHome, id).size() == 1; }));
    QCOMPARE(updatesAbout(*annaAtHome, id).first(), saved);
    QVERIFY(spinUntil([&] { return updatesAbout(*annaAtWork, id).size() == 1; })); // the saver's own too

    QVERIFY(isResult(annaAtHome->request(u"template.delete"_s, {{u"id"_s, id}})));
    QVERIFY(spinUntil([&] { return updatesAbout(*annaAtWork, id).size() == 2; }));
    QVERIFY(updatesAbout(*annaAtWork, id).last().value(u"deleted").toBool());

    const qint64 forAll = idOfTemplate(templateOf(save(*ada, shared(u"For all"_s))));
    const qint64 forSupport = idOfTemplate(templateOf(save(*ada, shared(u"For support"_s, m_support))));
    QVERIFY(settle(server(), {annaAtWork.get(), annaAtHome.get(), boris.get(), ada.get()}));
    QCOMPARE(updatesAbout(*annaAtWork, forAll).size(), 1);
    QCOMPARE(updatesAbout(*annaAtHome, forAll).size(), 1);
    QCOMPARE(updatesAbout(*boris, forAll).size(), 1);
    QCOMPARE(updatesAbout(*boris, forSupport).size(), 1);
    QVERIFY(updatesAbout(*annaAtWork, forSupport).isEmpty());
    QVERIFY(updatesAbout(*boris, id).isEmpty());

    // Moved out of Support into Sales: Boris is told it is gone, Anna that it is there.
    QJsonObject move = shared(u"For support"_s, m_sales);
    move.insert(u"id"_s, forSupport);
    QVERIFY(isResult(save(*ada, move)));
    QVERIFY(spinUntil([&] { return updatesAbout(*boris, forSupport).size() == 2; }));
    QVERIFY(updatesAbout(*boris, forSupport).last().value(u"deleted").toBool());
    QVERIFY(spinUntil([&] { return updatesAbout(*annaAtHome, forSupport).size() == 1; }));
    QCOMPARE(updatesAbout(*annaAtHome, forSupport).first().value(u"title").toString(), u"For support"_s);
}

void TestTemplates::theLastWriteWinsAndTheOverwrittenVersionIsKept()
{
    QVERIFY(start());
    auto atWork = login(kAnna);
    auto atHome = login(kAnna);
    QVERIFY(atWork && atHome);
    const QJsonObject v1 = templateOf(save(*atWork, personal(u"Delivery"_s, u"v1"_s)));
    const qint64 id = idOfTemplate(v1);
    const qint64 base = v1.value(u"revision").toInteger();
    QJsonObject edit = personal(u"Delivery"_s, u"v2 from home"_s);
    edit.insert(u"id"_s, id);
    const QJsonObject fromHome = save(*atHome, edit, base);
    QVERIFY(isResult(fromHome));
    QVERIFY(!data(fromHome).contains(u"overwrote"_s)); // it edited the latest version
    const QJsonObject v2 = templateOf(fromHome);
    QVERIFY(v2.value(u"revision").toInteger() > base);

    // Work still edits v1: its save wins, and says whose version it replaced.
    edit.insert(u"text"_s, u"v3 from work"_s);
    const QJsonObject fromWork = save(*atWork, edit, base);
    QVERIFY(isResult(fromWork));
    QCOMPARE(templateOf(fromWork).value(u"text").toString(), u"v3 from work"_s);
    const QJsonObject overwrote = data(fromWork).value(u"overwrote").toObject();
    QCOMPARE(overwrote.value(u"text").toString(), u"v2 from home"_s);
    QCOMPARE(overwrote.value(u"revision").toInteger(), v2.value(u"revision").toInteger());

    const QJsonObject history = atHome->request(u"template.history"_s, {{u"id"_s, id}});
    QVERIFY(isResult(history));
    const QJsonArray versions = data(history).value(u"versions").toArray();
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions.at(0).toObject().value(u"text").toString(), u"v2 from home"_s); // newest first
    QCOMPARE(versions.at(1).toObject().value(u"text").toString(), u"v1"_s);
    QCOMPARE(idOfTemplate(versions.at(0).toObject()), id);
    QCOMPARE(liveTitles(sync(*atHome, 0)).count(u"Delivery"_s), 1);
}

void TestTemplates::historyKeepsTheLastTwentyVersions()
{
    QVERIFY(start());
    auto anna = login(kAnna);
    QVERIFY(anna);
    const qint64 id = idOfTemplate(templateOf(save(*anna, personal(u"Busy"_s, u"text 0"_s))));
    QJsonObject edit = personal(u"Busy"_s);
    edit.insert(u"id"_s, id);
    for (int i = 1; i <= 25; ++i) {
        edit.insert(u"text"_s, u"text %1"_s.arg(i));
        QVERIFY(isResult(save(*anna, edit)));
    }
    const QJsonArray versions =
        data(anna->request(u"template.history"_s, {{u"id"_s, id}})).value(u"versions").toArray();
    QCOMPARE(versions.size(), 20);
    QCOMPARE(versions.first().toObject().value(u"text").toString(), u"text 24"_s);
    QCOMPARE(versions.last().toObject().value(u"text").toString(), u"text 5"_s);
}

void TestTemplates::aDeletedDepartmentsTemplatesSyncAsGone()
{
    QVERIFY(start());
    auto ada = login(kAda);
    QVERIFY(ada);
    const qint64 refunds = idOfTemplate(templateOf(save(*ada, shared(u"Refunds"_s, m_support))));
    QVERIFY(refunds > 0);
    QJsonObject hello;
    auto sam = login(kSam, &hello); // a supervisor, who sees Support's templates
    QVERIFY(sam);
    const qint64 since = hello.value(u"templatesRevision").toInteger();
    QVERIFY(admin(server(), {u"delete-department"_s, u"--name"_s, u"Support"_s}));

    const QJsonObject changes = sync(*sam, since);
    QCOMPARE(deletedIds(changes), QList<qint64>{refunds});
    QVERIFY(data(changes).value(u"revision").toInteger() > since);
    QVERIFY(!liveTitles(sync(*sam, 0)).contains(u"Refunds"_s));
    QVERIFY(!exportTemplates(u"after.json"_s).contains(u"Refunds"_s));
}

void TestTemplates::exportThenImportRoundTrips()
{
    QVERIFY(start());
    auto ada = login(kAda);
    auto anna = login(kAnna);
    QVERIFY(ada && anna);
    QJsonObject tagged = shared(u"Возврат"_s, m_support, u"Деньги вернутся за {days|5} дней"_s);
    tagged.insert(u"tags"_s, QJsonArray{u"деньги"_s, u"refund"_s});
    QVERIFY(isResult(save(*ada, tagged)));
    QVERIFY(isResult(save(*ada, shared(u"Hours"_s, 0, u"We answer 9–18"_s))));
    QVERIFY(isResult(save(*anna, personal(u"Not exported"_s))));

    const QString exported = exportTemplates(u"export.json"_s);
    const QJsonArray entries = QJsonDocument::fromJson(exported.toUtf8()).array();
    QCOMPARE(entries.size(), kDemoTitles.size() + 2); // personal ones stay out
    const auto entry = [&entries](const QString &title) {
        for (const QJsonValue &value : entries) {
            if (value.toObject().value(u"title").toString() == title)
                return value.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(entry(u"Возврат"_s).value(u"department"_s).toString(), u"Support"_s);
    QCOMPARE(entry(u"Возврат"_s).value(u"tags"_s).toArray(), (QJsonArray{u"деньги"_s, u"refund"_s}));
    QVERIFY(entry(u"Hours"_s).value(u"department"_s).isNull());
    QVERIFY(entry(u"Not exported"_s).isEmpty());

    // Importing the same file changes nothing: no new revision.
    QJsonObject before;
    QVERIFY(login(kAda, &before));
    QString output;
    QCOMPARE(server().admin({u"import-templates"_s, u"--file"_s, server().stateDir() + u"/export.json"_s},
                            &output),
             0);
    QVERIFY2(output.contains(u"0 added, 0 updated"_s), qPrintable(output));
    QJsonObject after;
    QVERIFY(login(kAda, &after));
    QCOMPARE(after.value(u"templatesRevision").toInteger(), before.value(u"templatesRevision").toInteger());

    // An edited file: one text changed, one entry new. The old text goes to the history.
    QJsonArray edited = entries;
    for (qsizetype i = 0; i < edited.size(); ++i) {
        QJsonObject item = edited.at(i).toObject();
        if (item.value(u"title").toString() == u"Hours") {
            item.insert(u"text"_s, u"We answer 8–20"_s);
            edited.replace(i, item);
        }
    }
    edited.append(QJsonObject{{u"title"_s, u"Скидки"_s},
                              {u"text"_s, u"10% для {visitor.name|вас}"_s},
                              {u"tags"_s, QJsonArray{}},
                              {u"department"_s, u"Sales"_s}});
    const QString editedPath = server().stateDir() + u"/edited.json"_s;
    QVERIFY(writeFile(editedPath, QJsonDocument(edited).toJson()));
    QCOMPARE(server().admin({u"import-templates"_s, u"--file"_s, editedPath}, &output), 0);
    QVERIFY2(output.contains(u"1 added, 1 updated"_s), qPrintable(output));

    const QJsonObject library = sync(*anna, 0);
    QVERIFY(liveTitles(library).contains(u"Скидки"_s));
    qint64 hours = 0;
    for (const QJsonValue &item : data(library).value(u"templates").toArray()) {
        if (item.toObject().value(u"title").toString() == u"Hours") {
            hours = idOfTemplate(item.toObject());
            QCOMPARE(item.toObject().value(u"text").toString(), u"We answer 8–20"_s);
        }
    }
    QVERIFY(hours > 0);
    const QJsonArray versions =
        data(ada->request(u"template.history"_s, {{u"id"_s, hours}})).value(u"versions").toArray();
    QCOMPARE(versions.size(), 1);
    QCOMPARE(versions.first().toObject().value(u"text").toString(), u"We answer 9–18"_s);

    // The new export, imported into an empty server, exports the same again.
    const QString second = exportTemplates(u"second.json"_s);
    QVERIFY(!second.isEmpty());
    ServerProcess fresh;
    QVERIFY(fresh.admin({u"create-department"_s, u"--name"_s, u"Sales"_s}) == 0);
    QVERIFY(fresh.admin({u"create-department"_s, u"--name"_s, u"Support"_s}) == 0);
    QCOMPARE(
        fresh.admin({u"import-templates"_s, u"--file"_s, server().stateDir() + u"/second.json"_s}, &output),
        0);
    const QString copyPath = fresh.stateDir() + u"/copy.json"_s;
    QCOMPARE(fresh.admin({u"export-templates"_s, u"--file"_s, copyPath}, &output), 0);
    QCOMPARE(readAll(copyPath), second);
}

void TestTemplates::aBadImportFileNamesTheEntryAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QStringList>("mentions"); ///< what the error must say

    const QByteArray good =
        R"({"title": "Brand new", "text": "Valid and first", "tags": [], "department": null})";
    QTest::newRow("malformed JSON") << QByteArray("[" + good + ", {\"title\": \"Broken\",]")
                                    << QStringList{u"not valid JSON"_s};
    QTest::newRow("not a list") << good << QStringList{u"JSON list"_s};
    QTest::newRow("unknown department")
        << QByteArray("[" + good + R"(, {"title": "Скидки", "text": "x", "department": "Salez"}])")
        << QStringList{u"entry 2"_s, u"Скидки"_s, u"Salez"_s};
    QTest::newRow("duplicate in the file")
        << QByteArray("[" + good +
                      R"(, {"title": "Доставка", "text": "a", "department": "Support"},)"
                      R"( {"title": "доставка", "text": "b", "department": "Support"}])")
        << QStringList{u"entry 3"_s, u"доставка"_s, u"entry 2"_s};
    QTest::newRow("empty title") << QByteArray("[" + good + R"(, {"title": " ", "text": "x"}])")
                                 << QStringList{u"entry 2"_s, u"title"_s};
    QTest::newRow("too long text") << QByteArray("[" + good + R"(, {"title": "Essay", "text": ")" +
                                                 QByteArray(10001, 'x') + "\"}]")
                                   << QStringList{u"entry 2"_s, u"Essay"_s, u"10000"_s};
    QTest::newRow("tags not strings")
        << QByteArray("[" + good + R"(, {"title": "Odd", "text": "x", "tags": [1]}])")
        << QStringList{u"entry 2"_s, u"Odd"_s, u"tags"_s};
}

void TestTemplates::aBadImportFileNamesTheEntryAndChangesNothing()
{
    QFETCH(QByteArray, file);
    QFETCH(QStringList, mentions);
    QVERIFY(start());
    const QString before = exportTemplates(u"before.json"_s);
    QVERIFY(!before.isEmpty());
    const QString path = server().stateDir() + u"/bad.json"_s;
    QVERIFY(writeFile(path, file));
    QString output;
    QVERIFY(server().admin({u"import-templates"_s, u"--file"_s, path}, &output) != 0);
    for (const QString &mention : std::as_const(mentions))
        QVERIFY2(output.contains(mention), qPrintable(u"missing \"%1\" in: %2"_s.arg(mention, output)));
    QVERIFY2(output.contains(u"nothing was imported"_s), qPrintable(output));
    QCOMPARE(exportTemplates(u"after.json"_s), before);
}

namespace {

/// Turns the state database back into schema 4 as far as templates go (migration 5 touches nothing
/// else): the old `templates` table, with rows an older server could hold — two titles differing
/// only in case, a Cyrillic one — and no revision counter or versions.
bool downgradeTemplatesToSchema4(const QString &databasePath)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema4"_s);
        db.setDatabaseName(databasePath);
        ok = db.open();
        QSqlQuery query(db);
        const QStringList statements{
            // Schema 6 (history search, API keys) came later: a schema-4 database has none of it.
            u"DROP TABLE message_search"_s,
            u"DROP TABLE search_words"_s,
            u"DROP TABLE dialog_search"_s,
            u"DROP INDEX page_views_by_visit"_s,
            u"DROP INDEX messages_by_operator"_s,
            u"DROP INDEX dialogs_by_operator"_s,
            u"DROP TABLE api_keys"_s,
            u"DROP TABLE template_versions"_s,
            u"DROP TABLE template_revision"_s,
            u"DROP TABLE templates"_s,
            u"CREATE TABLE templates (id INTEGER PRIMARY KEY, department_id INTEGER REFERENCES "
            u"departments(id) "
            "ON DELETE CASCADE, title TEXT NOT NULL, text TEXT NOT NULL, UNIQUE (department_id, title))"_s,
            u"INSERT INTO templates (department_id, title, text) SELECT id, 'Greeting', 'Hi!' FROM "
            u"departments "
            "WHERE name = 'Sales'"_s,
            u"INSERT INTO templates (department_id, title, text) SELECT id, 'greeting', 'hi' FROM "
            u"departments "
            "WHERE name = 'Sales'"_s,
            u"INSERT INTO templates (department_id, title, text) SELECT id, 'Доставка', 'Курьером' FROM "
            u"departments "
            "WHERE name = 'Support'"_s,
            u"DELETE FROM schema_version WHERE version >= 5"_s,
        };
        for (const QString &statement : statements) {
            if (ok && !query.exec(statement)) {
                qWarning() << "downgrade failed at" << statement;
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"schema4"_s);
    return ok;
}

} // namespace

void TestTemplates::anOlderDatabaseKeepsItsTemplatesAsShared()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Sales"_s}));
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(createOperator(server(), kAda, u"Ada"_s, {u"--role"_s, u"admin"_s}));
    QVERIFY(downgradeTemplatesToSchema4(server().stateDir() + u"/concierge.sqlite"_s));
    QVERIFY2(server().start(), qPrintable(server().output()));

    QJsonObject hello;
    auto ada = login(kAda, &hello);
    QVERIFY(ada);
    const qint64 support = departmentId(hello, u"Support"_s);
    const QJsonObject library = sync(*ada, 0);
    QCOMPARE(liveTitles(library), sorted(kDemoTitles + QStringList{u"greeting"_s, u"Доставка"_s}));
    for (const QJsonValue &item : data(library).value(u"templates").toArray()) {
        QCOMPARE(item.toObject().value(u"scope").toString(), u"shared"_s);
        QVERIFY(item.toObject().value(u"revision").toInteger() > 0);
    }
    QCOMPARE(hello.value(u"templatesRevision").toInteger(), data(library).value(u"revision").toInteger());
    // The old Cyrillic title is compared case-insensitively like a new one.
    QCOMPARE(errorCode(save(*ada, shared(u"ДОСТАВКА"_s, support))), u"bad_request"_s);
    QVERIFY(isResult(save(*ada, shared(u"Оплата"_s, support))));
}

QTEST_GUILESS_MAIN(TestTemplates)
#include "tst_templates.moc"
