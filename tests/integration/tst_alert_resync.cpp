// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts after a lost link (issue 6), on the real server: the operator's link drops, visitors
// write meanwhile, the session comes back by replay (resumed) or by a snapshot (the server forgot
// the session) — exactly one alert for each thing that arrived meanwhile, none again for what was
// alerted before.
#include "AlertPolicy.h"
#include "Connection.h"
#include "LocalStore.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TestVisitor.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;
/// The link stays down this long after a cut: the visitors' lines surely land meanwhile.
constexpr int kOutageMs = 3000;

/// A clock that never fires: repeats are tst_alert_policy's business; here every alert counts.
class StillClock : public AlertClock
{
public:
    QDateTime now() const override { return m_now; }
    void startTimer(int, std::function<void()>) override {}
    void advance(int ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
};

} // namespace

class TestAlertResync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void resumedReplayAlertsOnce();
    void snapshotAlertsOnce();

private:
    void start(const QStringList &serverArgs);
    int alertsOf(AlertKind kind) const
    {
        int n = 0;
        for (const auto &alert : m_alerts)
            n += alert.kind == kind ? 1 : 0;
        return n;
    }
    int alertsFor(AlertKind kind, qint64 dialogId) const
    {
        int n = 0;
        for (const auto &alert : m_alerts)
            n += alert.kind == kind && alert.dialogId == dialogId ? 1 : 0;
        return n;
    }
    qint64 dialogOf(const TestVisitor &visitor) const
    {
        for (const auto &dialog : m_session->openDialogs()) {
            if (dialog.visitorId == visitor.visitorId())
                return dialog.id;
        }
        return 0;
    }
    /// A barrier: a new visitor connects and the session has heard of them. Events come in order,
    /// so whatever the server sent before has been handled (and alerted) by then.
    bool settle()
    {
        m_barriers.push_back(std::make_unique<TestVisitor>());
        TestVisitor &probe = *m_barriers.back();
        if (!probe.connectTo(m_server->wsUrl(u"/v1/visitor"_s)))
            return false;
        return QTest::qWaitFor([&] { return m_session->visitor(probe.visitorId()).id == probe.visitorId(); },
                               kWaitMs);
    }
    void cutAndResync(bool expectResumed);

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<OperatorSession> m_session;
    StillClock m_clock;
    std::unique_ptr<AlertPolicy> m_policy;
    QList<Alert> m_alerts;
    std::vector<std::unique_ptr<TestVisitor>> m_barriers;
    int m_run = 0;
};

void TestAlertResync::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestAlertResync::start(const QStringList &serverArgs)
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(QStringList{u"--auto-assign"_s, u"off"_s} + serverArgs),
             "the real concierge-server did not start");
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"op%1.sqlite"_s.arg(++m_run))));
    m_session = std::make_unique<OperatorSession>(m_store.get());
    m_session->connection()->setBackoff(kOutageMs, kOutageMs);
    m_policy = std::make_unique<AlertPolicy>(m_session.get(), &m_clock);
    m_policy->setWindowActive(false);
    m_alerts.clear();
    connect(m_policy.get(), &AlertPolicy::alert, this, [this](const Alert &alert) { m_alerts.append(alert); });
    m_session->loginWithPassword(m_server->url(), u"demo@example.com"_s, m_server->demoPassword());
    QVERIFY(QTest::qWaitFor([&] { return m_session->connectionState() == ConnectionState::Connected; }, kWaitMs));
    m_session->setStatus(protocol::OperatorStatus::Online);
    QVERIFY(QTest::qWaitFor([&] { return m_session->self().status == protocol::OperatorStatus::Online; }, kWaitMs));
}

void TestAlertResync::cleanup()
{
    m_barriers.clear();
    m_policy.reset();
    m_session.reset();
    m_store.reset();
    m_server.reset();
}

/// Anna waits (alerted), Boris talks with me (his dialog active and mine); the link drops; Anna
/// writes again (the same wait), Boris writes, Clara arrives, Vera names me in the operator room;
/// the session comes back.
void TestAlertResync::cutAndResync(bool expectResumed)
{
    QVERIFY(testkit::createOperator(*m_server, u"vera@example.com"_s, u"Vera"_s));
    auto vera = testkit::loginOperator(*m_server, u"vera@example.com"_s);
    QVERIFY(vera);
    TestVisitor anna, boris, clara;
    QVERIFY(anna.connectTo(m_server->wsUrl(u"/v1/visitor"_s)));
    anna.send(u"Hello, anyone there?"_s);
    QVERIFY(boris.connectTo(m_server->wsUrl(u"/v1/visitor"_s)));
    boris.send(u"Hi, a question about delivery"_s);
    QVERIFY(QTest::qWaitFor([&] { return dialogOf(anna) != 0 && dialogOf(boris) != 0; }, kWaitMs));
    const qint64 annaDialog = dialogOf(anna);
    const qint64 borisDialog = dialogOf(boris);
    m_session->sendReply(borisDialog, u"Sure, ask away"_s);
    QVERIFY(boris.waitForOperatorText(u"Sure, ask away"_s));
    QVERIFY(settle());
    QCOMPARE(m_policy->waitingCount(), 1);
    QCOMPARE(alertsFor(AlertKind::WaitingVisitor, annaDialog), 1);
    QCOMPARE(alertsFor(AlertKind::WaitingVisitor, borisDialog), 1); // he waited too, before my reply
    const int before = int(m_alerts.size());
    m_clock.advance(60000); // past the sound spacing: the resync's sound is its own

    QSignalSpy synced(m_session.get(), &OperatorSession::synced);
    m_session->connection()->dropLink();
    QVERIFY(m_session->connectionState() != ConnectionState::Connected);
    const QString annaAgain = anna.send(u"Hello??"_s);
    const QString borisLine = boris.send(u"Do you deliver to Tver?"_s);
    QVERIFY(clara.connectTo(m_server->wsUrl(u"/v1/visitor"_s)));
    const QString claraLine = clara.send(u"Is the shop open on Sunday?"_s);
    QVERIFY(anna.waitForMessage(annaAgain));
    QVERIFY(boris.waitForMessage(borisLine));
    QVERIFY(clara.waitForMessage(claraLine));
    QVERIFY(testkit::isResult(vera->request(
        u"chat.send"_s, {{u"cid"_s, testkit::newCid()},
                         {u"text"_s, QString(m_session->self().name + u", can you take the Sunday question?"_s)}})));
    // All three lines are stored while the operator's link is still down: they came meanwhile.
    QVERIFY2(m_session->connectionState() != ConnectionState::Connected, "the link came back too early");
    QCOMPARE(int(m_alerts.size()), before); // nothing alerts while the link is down

    QVERIFY(QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs));
    QCOMPARE(synced.first().first().toBool(), expectResumed);
    QVERIFY(settle());
    const qint64 claraDialog = dialogOf(clara);
    QVERIFY(claraDialog != 0);
    QCOMPARE(m_policy->waitingCount(), 2);

    // Exactly once for what arrived meanwhile, never again for what was alerted before.
    QCOMPARE(alertsFor(AlertKind::WaitingVisitor, claraDialog), 1);
    QCOMPARE(alertsFor(AlertKind::MessageInMyDialog, borisDialog), 1);
    QCOMPARE(alertsFor(AlertKind::WaitingVisitor, annaDialog), 1);
    QCOMPARE(alertsFor(AlertKind::WaitingVisitor, borisDialog), 1);
    QCOMPARE(alertsOf(AlertKind::ChatMention), 1);
    QCOMPARE(int(m_alerts.size()), before + 3);
    for (const auto &alert : m_alerts.mid(before)) {
        if (alert.kind == AlertKind::MessageInMyDialog)
            QCOMPARE(alert.body, u"Do you deliver to Tver?"_s);
    }
    // One resync, one sound.
    int sounds = 0;
    for (const auto &alert : m_alerts.mid(before))
        sounds += alert.playSound ? 1 : 0;
    QCOMPARE(sounds, 1);

    // A second cut with nothing new: the resync is silent.
    m_clock.advance(60000);
    synced.clear();
    m_session->connection()->dropLink();
    QVERIFY(QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs));
    QVERIFY(settle());
    QCOMPARE(int(m_alerts.size()), before + 3);
    QCOMPARE(m_policy->waitingCount(), 2);
}

void TestAlertResync::resumedReplayAlertsOnce()
{
    start({});
    if (QTest::currentTestFailed())
        return;
    cutAndResync(true);
}

void TestAlertResync::snapshotAlertsOnce()
{
    // The server forgets a session with no socket for a second: the reconnect gets a snapshot.
    start({u"--session-idle-seconds"_s, u"1"_s});
    if (QTest::currentTestFailed())
        return;
    cutAndResync(false);
}

QTEST_GUILESS_MAIN(TestAlertResync)
#include "tst_alert_resync.moc"
