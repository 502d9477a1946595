// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 5 in the engine, against the real concierge-server: two sessions of one operator (two
// machines, two caches) keep their template libraries in step live; a conflict is won by the last
// write and the first is kept in history; a restart shows the cached library before the login and
// then catches up by sync; an admin's shared template reaches operators; use counts stay local.
#include "Connection.h"
#include "LocalStore.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TemplateLibrary.h"
#include "TemplateListModel.h"
#include "TemplateSuggestionModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Template;
using protocol::TemplateScope;

namespace {

constexpr int kWaitMs = 15000;
const QString kAdaEmail = u"ada@example.com"_s;
const QString kRootEmail = u"root@example.com"_s;

struct Engine
{
    QString path;
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<OperatorSession> session;

    bool open(const QString &file)
    {
        path = file;
        session.reset();
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        session = std::make_unique<OperatorSession>(store.get());
        session->connection()->setBackoff(50, 400);
        return true;
    }
    void close()
    {
        session.reset();
        store.reset();
    }
    TemplateLibrary *library() const { return session->templates(); }

    std::optional<Template> titled(const QString &title) const
    {
        for (const auto &item : library()->all()) {
            if (item.title == title)
                return item;
        }
        return std::nullopt;
    }
};

Template personal(const QString &title, const QString &text)
{
    Template item;
    item.scope = TemplateScope::Personal;
    item.title = title;
    item.text = text;
    return item;
}

} // namespace

class TestEngineTemplates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void personalTemplateTravelsBetweenSessions();
    void conflictKeepsTheFirstInHistory();
    void refusalsAreTyped();
    void changesDuringALinkCutAreReplayed();
    void cliImportReachesAResumedSession();
    void sharedTemplateFromAdminReachesOperator();
    void restartShowsCacheThenSyncs();
    void useIsCountedInTheCacheOnly();
    void newDepartmentStartsTheLibraryOver();

private:
    bool login(Engine &engine, const QString &email);
    /// Saves through \a engine's library and waits for its answer; the saved template.
    std::optional<Template> save(Engine &engine, const Template &item, qint64 baseRevision,
                                 std::optional<Template> *overwrote = nullptr);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    Engine m_a;
    Engine m_b;
    Engine m_root;
};

void TestEngineTemplates::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start({u"--auto-assign"_s, u"off"_s}));
    QVERIFY(testkit::admin(m_server, {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(testkit::createOperator(m_server, kAdaEmail, u"Ada"_s));
    QVERIFY(testkit::createOperator(m_server, kRootEmail, u"Root"_s, {u"--role"_s, u"admin"_s}));
    QVERIFY(m_a.open(m_dir.filePath(u"ada-laptop.sqlite"_s)));
    QVERIFY(m_b.open(m_dir.filePath(u"ada-desktop.sqlite"_s)));
    QVERIFY(m_root.open(m_dir.filePath(u"root.sqlite"_s)));
    QVERIFY(login(m_a, kAdaEmail));
    QVERIFY(login(m_b, kAdaEmail));
    QVERIFY(login(m_root, kRootEmail));
}

bool TestEngineTemplates::login(Engine &engine, const QString &email)
{
    QSignalSpy synced(engine.session.get(), &OperatorSession::synced);
    engine.session->loginWithPassword(m_server.url(), email, testkit::operatorPassword());
    return QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs);
}

std::optional<Template> TestEngineTemplates::save(Engine &engine, const Template &item, qint64 baseRevision,
                                                  std::optional<Template> *overwrote)
{
    std::optional<Template> result;
    bool answered = false;
    const auto onSaved = connect(engine.library(), &TemplateLibrary::saved, this,
                                 [&](const Template &saved, const std::optional<Template> &replaced) {
                                     answered = true;
                                     result = saved;
                                     if (overwrote)
                                         *overwrote = replaced;
                                 });
    const auto onFailed = connect(engine.library(), &TemplateLibrary::failed, this,
                                  [&](const QString &request, ErrorCode, const QString &message) {
                                      qWarning("%s failed: %s", qPrintable(request), qPrintable(message));
                                      answered = true;
                                  });
    engine.library()->save(item, baseRevision);
    if (!QTest::qWaitFor([&] { return answered; }, kWaitMs))
        qWarning("template.save: no answer");
    disconnect(onSaved);
    disconnect(onFailed);
    return result;
}

void TestEngineTemplates::personalTemplateTravelsBetweenSessions()
{
    TemplateListModel list(m_b.library(), TemplateScope::Personal);
    QAbstractItemModelTester tester(&list, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&list, &QAbstractItemModel::modelReset);

    // Saved on A: it appears in B's library, its index and its manager list, live.
    const auto saved = save(m_a, personal(u"Greeting"_s, u"Hello {visitor.name|there}!"_s), 0);
    QVERIFY(saved);
    QVERIFY(saved->id > 0);
    QCOMPARE(saved->scope, TemplateScope::Personal);
    QCOMPARE(m_a.library()->find(saved->id)->text, u"Hello {visitor.name|there}!"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_b.library()->find(saved->id).has_value(), kWaitMs);
    QCOMPARE(m_b.library()->find(saved->id)->title, u"Greeting"_s);
    QCOMPARE(list.rowOf(saved->id), 0);
    TemplateSuggestionModel suggestions(m_b.library());
    suggestions.setQuery(u"greet"_s);
    QCOMPARE(suggestions.rowCount(), 1);
    QCOMPARE(suggestions.index(0, 0).data(TemplateSuggestionModel::IdRole).toLongLong(), saved->id);

    // Edited on B: A has the new text.
    Template edit = *m_b.library()->find(saved->id);
    edit.text = u"Good morning, {visitor.name|there}."_s;
    const auto edited = save(m_b, edit, edit.revision);
    QVERIFY(edited);
    QVERIFY(edited->revision > saved->revision);
    QTRY_COMPARE_WITH_TIMEOUT(m_a.library()->find(saved->id)->text, u"Good morning, {visitor.name|there}."_s, kWaitMs);
    QCOMPARE(m_a.library()->find(saved->id)->revision, edited->revision);

    // Deleted on A: gone from B (and from its cache).
    QSignalSpy removed(m_a.library(), &TemplateLibrary::removed);
    m_a.library()->remove(saved->id);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kWaitMs);
    QVERIFY(!m_a.library()->find(saved->id));
    QTRY_VERIFY_WITH_TIMEOUT(!m_b.library()->find(saved->id), kWaitMs);
    QCOMPARE(list.rowOf(saved->id), -1);
    QCOMPARE(resets.size(), 0);
    for (const auto &item : m_b.store->templates())
        QVERIFY(item.id != saved->id);
}

void TestEngineTemplates::conflictKeepsTheFirstInHistory()
{
    const auto original = save(m_a, personal(u"Delivery"_s, u"Two days"_s), 0);
    QVERIFY(original);
    QTRY_VERIFY_WITH_TIMEOUT(m_b.library()->find(original->id).has_value(), kWaitMs);

    // Both edit the revision they see now; A is first.
    Template fromA = *original;
    fromA.text = u"Three days (A)"_s;
    Template fromB = *m_b.library()->find(original->id);
    fromB.text = u"Four days (B)"_s;
    std::optional<Template> overwroteA;
    QVERIFY(save(m_a, fromA, original->revision, &overwroteA));
    QVERIFY(!overwroteA); // nobody wrote in between
    std::optional<Template> overwroteB;
    const auto last = save(m_b, fromB, original->revision, &overwroteB);
    QVERIFY(last);
    QVERIFY(overwroteB);
    QCOMPARE(overwroteB->text, u"Three days (A)"_s);
    QCOMPARE(last->text, u"Four days (B)"_s);

    // The last write is everywhere; A's words are in the history.
    QTRY_COMPARE_WITH_TIMEOUT(m_a.library()->find(original->id)->text, u"Four days (B)"_s, kWaitMs);
    QCOMPARE(m_b.library()->find(original->id)->text, u"Four days (B)"_s);
    QSignalSpy history(m_a.library(), &TemplateLibrary::historyReady);
    m_a.library()->requestHistory(original->id);
    QTRY_COMPARE_WITH_TIMEOUT(history.size(), 1, kWaitMs);
    QCOMPARE(history.at(0).at(0).toLongLong(), original->id);
    const auto versions = history.at(0).at(1).value<QList<Template>>();
    QVERIFY(versions.size() >= 2);
    QCOMPARE(versions.at(0).text, u"Three days (A)"_s); // newest first
    QCOMPARE(versions.at(1).text, u"Two days"_s);
}

void TestEngineTemplates::refusalsAreTyped()
{
    QSignalSpy failed(m_a.library(), &TemplateLibrary::failed);
    // A duplicate title in one's own library.
    QVERIFY(m_a.titled(u"Delivery"_s));
    m_a.library()->save(personal(u"delivery"_s, u"again"_s));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.at(0).at(0).toString(), u"template.save"_s);
    QCOMPARE(failed.at(0).at(1).value<ErrorCode>(), ErrorCode::BadRequest);
    QVERIFY(!failed.at(0).at(2).toString().isEmpty());
    // Shared templates are the admins'.
    Template shared = personal(u"Company address"_s, u"Main street 1"_s);
    shared.scope = TemplateScope::Shared;
    m_a.library()->save(shared);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    QVERIFY(!m_a.titled(u"Company address"_s));
}

void TestEngineTemplates::changesDuringALinkCutAreReplayed()
{
    // B's link drops and comes back only after A has saved: B resumes its session, and the
    // missed template.updated is replayed into its library.
    QSignalSpy synced(m_b.session.get(), &OperatorSession::synced);
    QSignalSpy reconnecting(m_b.session.get(), &OperatorSession::reconnectScheduled);
    m_b.session->connection()->setBackoff(1500, 1500);
    m_b.session->connection()->dropLink();
    QTRY_VERIFY_WITH_TIMEOUT(!reconnecting.isEmpty(), kWaitMs);
    const auto saved = save(m_a, personal(u"While you were away"_s, u"Back soon"_s), 0);
    QVERIFY(saved);
    QVERIFY(synced.isEmpty()); // still cut off
    QVERIFY(!m_b.library()->find(saved->id));
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    QCOMPARE(synced.at(0).at(0).toBool(), true); // resumed: no snapshot
    QTRY_VERIFY_WITH_TIMEOUT(m_b.library()->find(saved->id).has_value(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_b.library()->revision(), saved->revision, kWaitMs); // and a sync: the counter moved
    m_b.session->connection()->setBackoff(50, 400);
}

void TestEngineTemplates::cliImportReachesAResumedSession()
{
    // An admin imports shared templates with the CLI: no event is sent, so B learns of them when
    // its link comes back — a resumed session, which still syncs since the counter moved.
    const QString file = m_dir.filePath(u"import.json"_s);
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"([{"title": "Imported greeting", "text": "Добрый день, {visitor.name|гость}!",
                       "tags": ["import"], "department": null}])");
    }
    QVERIFY(testkit::admin(m_server, {u"import-templates"_s, u"--file"_s, file}));
    QSignalSpy synced(m_b.session.get(), &OperatorSession::synced);
    m_b.session->connection()->dropLink();
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    QCOMPARE(synced.at(0).at(0).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(m_b.titled(u"Imported greeting"_s).has_value(), kWaitMs);
    QCOMPARE(m_b.titled(u"Imported greeting"_s)->text, u"Добрый день, {visitor.name|гость}!"_s);
    QCOMPARE(m_b.titled(u"Imported greeting"_s)->scope, TemplateScope::Shared);
}

void TestEngineTemplates::sharedTemplateFromAdminReachesOperator()
{
    Template shared = personal(u"Opening hours"_s, u"We are open 9–18, {visitor.name|friend}."_s);
    shared.scope = TemplateScope::Shared;
    shared.tags = {u"hours"_s};
    const auto saved = save(m_root, shared, 0);
    QVERIFY(saved);
    QCOMPARE(saved->scope, TemplateScope::Shared);
    QTRY_VERIFY_WITH_TIMEOUT(m_a.library()->find(saved->id).has_value(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_b.library()->find(saved->id).has_value(), kWaitMs);
    QCOMPARE(m_a.library()->find(saved->id)->tags, QStringList{u"hours"_s});
    // Ada's personal templates never reach the admin.
    QVERIFY(!m_root.titled(u"Delivery"_s));
}

void TestEngineTemplates::restartShowsCacheThenSyncs()
{
    const auto kept = m_a.titled(u"Delivery"_s);
    QVERIFY(kept);
    const QString path = m_a.path;
    m_a.close(); // the laptop is shut

    // Meanwhile on the desktop: one new, one edited, one deleted; and a new shared one.
    const auto added = save(m_b, personal(u"Refund"_s, u"Ten working days"_s), 0);
    QVERIFY(added);
    Template edit = *m_b.library()->find(kept->id);
    edit.text = u"Five days"_s;
    QVERIFY(save(m_b, edit, edit.revision));
    const auto doomed = save(m_b, personal(u"Doomed"_s, u"x"_s), 0);
    QVERIFY(doomed);
    QSignalSpy removed(m_b.library(), &TemplateLibrary::removed);
    m_b.library()->remove(doomed->id);
    QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kWaitMs);
    Template shared = personal(u"Holidays"_s, u"Closed on the 1st"_s);
    shared.scope = TemplateScope::Shared;
    const auto sharedSaved = save(m_root, shared, 0);
    QVERIFY(sharedSaved);

    // The laptop starts: the cached library is there before any network.
    QVERIFY(m_a.open(path));
    QCOMPARE(m_a.session->connectionState(), ConnectionState::Disconnected);
    QCOMPARE(m_a.library()->find(kept->id)->text, u"Four days (B)"_s);
    QVERIFY(m_a.titled(u"Opening hours"_s));
    QVERIFY(!m_a.library()->find(added->id));
    TemplateSuggestionModel offline(m_a.library());
    offline.setQuery(u"deliv"_s);
    QCOMPARE(offline.rowCount(), 1);

    // Logged in: what changed meanwhile arrives by sync (a new login is never a resumed session).
    QSignalSpy changed(m_a.library(), &TemplateLibrary::changed);
    QSignalSpy synced(m_a.session.get(), &OperatorSession::synced);
    QVERIFY(login(m_a, kAdaEmail));
    QCOMPARE(synced.at(0).at(0).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(m_a.library()->find(added->id).has_value(), kWaitMs);
    QCOMPARE(changed.size(), 1); // one batch
    QCOMPARE(m_a.library()->find(kept->id)->text, u"Five days"_s);
    QVERIFY(!m_a.library()->find(doomed->id));
    QVERIFY(m_a.library()->find(sharedSaved->id));
    QCOMPARE(m_a.library()->all(), m_b.library()->all());
    QCOMPARE(m_a.store->templates(), m_a.library()->all());
    QVERIFY(m_a.library()->revision() >= sharedSaved->revision);
}

void TestEngineTemplates::useIsCountedInTheCacheOnly()
{
    const auto refund = m_a.titled(u"Refund"_s);
    QVERIFY(refund);
    m_a.library()->recordUse(refund->id);
    m_a.library()->recordUse(refund->id);
    QCOMPARE(m_a.library()->usage(refund->id).count, 2);
    const QString path = m_a.path;
    m_a.close();
    QVERIFY(m_a.open(path));
    QCOMPARE(m_a.library()->usage(refund->id).count, 2);
    QVERIFY(m_a.library()->usage(refund->id).lastUsed.isValid());
    // Counts are per machine: the desktop never heard of them.
    QCOMPARE(m_b.library()->usage(refund->id).count, 0);
}

void TestEngineTemplates::newDepartmentStartsTheLibraryOver()
{
    qint64 support = 0;
    for (const auto &department : m_root.session->departments()) {
        if (department.name == u"Support")
            support = department.id;
    }
    QVERIFY(support > 0);
    // A script for Support, written long before Ada joins it: she does not see it.
    Template script = personal(u"Support script"_s, u"Have you tried turning it off and on again?"_s);
    script.scope = TemplateScope::Shared;
    script.departmentId = support;
    const auto saved = save(m_root, script, 0);
    QVERIFY(saved);
    QCOMPARE(saved->departmentId, support);
    // A later login of hers syncs past it, still without it.
    const QString path = m_a.path;
    m_a.close();
    QVERIFY(m_a.open(path));
    QVERIFY(login(m_a, kAdaEmail));
    QTRY_VERIFY_WITH_TIMEOUT(m_a.library()->revision() >= saved->revision, kWaitMs);
    QVERIFY(!m_a.library()->find(saved->id));

    // She joins Support while the laptop is shut. Her next login is for other departments: the
    // changes since her cursor do not hold the old script, so the library starts over from 0.
    m_a.close();
    QVERIFY(testkit::admin(m_server, {u"set-operator"_s, u"--email"_s, kAdaEmail, u"--add-department"_s, u"Support"_s}));
    QVERIFY(m_a.open(path));
    QVERIFY(!m_a.library()->find(saved->id));
    QVERIFY(login(m_a, kAdaEmail));
    QCOMPARE(m_a.session->self().departmentIds, QList<qint64>{support});
    QTRY_VERIFY_WITH_TIMEOUT(m_a.library()->find(saved->id).has_value(), kWaitMs);
    QCOMPARE(m_a.library()->find(saved->id)->text, u"Have you tried turning it off and on again?"_s);
    QVERIFY(m_a.titled(u"Refund"_s)); // her own are still there
    QCOMPARE(m_a.store->templates(), m_a.library()->all());
}

QTEST_GUILESS_MAIN(TestEngineTemplates)
#include "tst_engine_templates.moc"
