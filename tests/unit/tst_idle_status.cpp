// SPDX-License-Identifier: GPL-3.0-or-later
// Idle → Personal break and back (issue 6), with a real OperatorSession logged in to the real
// concierge-server: the status an operator sees is the one the server confirmed. The idle time
// comes from a fake monitor the test moves; check() is called where the poll timer would.
#include "IdleMonitor.h"
#include "IdleStatus.h"
#include "LocalStore.h"
#include "OperatorSession.h"
#include "ServerTestKit.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace concierge;
using protocol::OperatorStatus;

namespace {

const QString kEmail = u"ida@example.com"_s;
constexpr int kWaitMs = 10000;
constexpr qint64 kMinute = 60 * 1000;

class FakeIdleMonitor : public IdleMonitor
{
public:
    qint64 idleMilliseconds() const override { return idleMs; }
    bool isSystemWide() const override { return true; }
    qint64 idleMs = 0;
};

} // namespace

class TestIdleStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void idleForTheSetMinutesMeansPersonalBreak();
    void inputBringsThePreviousStatusBack_data();
    void inputBringsThePreviousStatusBack();
    void withoutReturnTheStatusStaysBreak();
    void neverOverridesAStatusTheOperatorChose_data();
    void neverOverridesAStatusTheOperatorChose();
    void aStatusChosenWhileAwayIsKept();
    void offMeansNeverAndNoPolling();
    void thePollTimerNoticesIdleAndReturn();
    void beforeLunchWithAnOpenDialogComesBackAsBeforeLunch();

private:
    bool setStatus(OperatorStatus status);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<OperatorSession> m_session;
    FakeIdleMonitor m_monitor;
    std::unique_ptr<IdleStatus> m_idle;
};

void TestIdleStatus::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, kEmail, u"Ida Idle"_s));
}

void TestIdleStatus::init()
{
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"%1.sqlite"_s.arg(QLatin1String(QTest::currentTestFunction())))));
    m_session = std::make_unique<OperatorSession>(m_store.get());
    QSignalSpy synced(m_session.get(), &OperatorSession::synced);
    m_session->loginWithPassword(m_server.url(), kEmail, testkit::operatorPassword());
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    QVERIFY(setStatus(OperatorStatus::Online));
    m_monitor.idleMs = 0;
    m_idle = std::make_unique<IdleStatus>(m_session.get(), &m_monitor);
    AlertSettings settings;
    settings.idleMinutes = 5;
    settings.idleReturn = true;
    m_idle->setSettings(settings);
}

void TestIdleStatus::cleanup()
{
    m_idle.reset();
    m_session.reset();
    m_store.reset();
}

bool TestIdleStatus::setStatus(OperatorStatus status)
{
    m_session->setStatus(status);
    return QTest::qWaitFor([&] { return m_session->self().status == status; }, kWaitMs);
}

void TestIdleStatus::idleForTheSetMinutesMeansPersonalBreak()
{
    QSignalSpy away(m_idle.get(), &IdleStatus::awayChanged);
    m_monitor.idleMs = 5 * kMinute - 1000; // a second short of five minutes
    m_idle->check();
    QVERIFY(!m_idle->isAway());
    QVERIFY(away.isEmpty());
    QCOMPARE(m_session->self().status, OperatorStatus::Online);

    m_monitor.idleMs = 5 * kMinute;
    m_idle->check();
    QVERIFY(m_idle->isAway());
    QCOMPARE(away.size(), 1);
    QCOMPARE(away.at(0).at(0).toBool(), true);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);

    // Staying idle changes nothing more.
    m_monitor.idleMs = 30 * kMinute;
    m_idle->check();
    QCOMPARE(away.size(), 1);
    QVERIFY(m_idle->isAway());
}

void TestIdleStatus::inputBringsThePreviousStatusBack_data()
{
    QTest::addColumn<OperatorStatus>("before");
    QTest::newRow("online") << OperatorStatus::Online;
    QTest::newRow("invisible") << OperatorStatus::Invisible;
}

void TestIdleStatus::inputBringsThePreviousStatusBack()
{
    QFETCH(OperatorStatus, before);
    QVERIFY(setStatus(before));
    m_monitor.idleMs = 6 * kMinute;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
    QCOMPARE(m_idle->statusBeforeAway(), before);

    QSignalSpy away(m_idle.get(), &IdleStatus::awayChanged);
    m_monitor.idleMs = 7 * kMinute; // still away
    m_idle->check();
    QVERIFY(away.isEmpty());
    m_monitor.idleMs = 200; // the mouse moved
    m_idle->check();
    QCOMPARE(away.size(), 1);
    QCOMPARE(away.at(0).at(0).toBool(), false);
    QVERIFY(!m_idle->isAway());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, before, kWaitMs);

    // And it works again the next time the operator leaves.
    m_monitor.idleMs = 5 * kMinute + 200;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
}

void TestIdleStatus::withoutReturnTheStatusStaysBreak()
{
    m_idle->setReturnWhenActive(false);
    m_monitor.idleMs = 5 * kMinute;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
    m_monitor.idleMs = 100;
    m_idle->check();
    QVERIFY(!m_idle->isAway());
    // A barrier, not a sleep: a status.set after the check is answered after anything it sent.
    QSignalSpy selfChanged(m_session.get(), &OperatorSession::selfChanged);
    m_session->setStatus(OperatorStatus::Lunch);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Lunch, kWaitMs);
    for (const QList<QVariant> &change : selfChanged)
        QVERIFY(change.at(0).value<protocol::OperatorInfo>().status != OperatorStatus::Online);
}

void TestIdleStatus::neverOverridesAStatusTheOperatorChose_data()
{
    QTest::addColumn<OperatorStatus>("chosen");
    QTest::newRow("lunch") << OperatorStatus::Lunch;
    QTest::newRow("break") << OperatorStatus::Break;
    QTest::newRow("offline") << OperatorStatus::Offline;
}

void TestIdleStatus::neverOverridesAStatusTheOperatorChose()
{
    QFETCH(OperatorStatus, chosen);
    QVERIFY(setStatus(chosen));
    QSignalSpy away(m_idle.get(), &IdleStatus::awayChanged);
    QSignalSpy selfChanged(m_session.get(), &OperatorSession::selfChanged);
    m_monitor.idleMs = 60 * kMinute;
    m_idle->check();
    m_monitor.idleMs = 100; // and back
    m_idle->check();
    QVERIFY(away.isEmpty());
    QVERIFY(!m_idle->isAway());
    // Barrier: the operator's next change arrives, and nothing else came before it.
    const OperatorStatus next = chosen == OperatorStatus::Lunch ? OperatorStatus::Offline : OperatorStatus::Lunch;
    QVERIFY(setStatus(next));
    for (const QList<QVariant> &change : selfChanged) {
        const OperatorStatus seen = change.at(0).value<protocol::OperatorInfo>().status;
        QVERIFY2(seen == chosen || seen == next, "idle time changed a status the operator chose");
    }
}

void TestIdleStatus::aStatusChosenWhileAwayIsKept()
{
    m_monitor.idleMs = 5 * kMinute;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
    QVERIFY(setStatus(OperatorStatus::Lunch)); // e.g. from the app on another machine
    QSignalSpy selfChanged(m_session.get(), &OperatorSession::selfChanged);
    m_monitor.idleMs = 100;
    m_idle->check();
    QVERIFY(!m_idle->isAway());
    QVERIFY(setStatus(OperatorStatus::Offline)); // barrier
    for (const QList<QVariant> &change : selfChanged)
        QVERIFY(change.at(0).value<protocol::OperatorInfo>().status != OperatorStatus::Online);
}

void TestIdleStatus::offMeansNeverAndNoPolling()
{
    m_idle->setIdleMinutes(0);
    QVERIFY(!m_idle->isPolling());
    QSignalSpy away(m_idle.get(), &IdleStatus::awayChanged);
    m_monitor.idleMs = 600 * kMinute;
    m_idle->check();
    QVERIFY(away.isEmpty());
    QVERIFY(!m_idle->isAway());
    m_idle->setIdleMinutes(3);
    QVERIFY(m_idle->isPolling());
}

void TestIdleStatus::thePollTimerNoticesIdleAndReturn()
{
    // No check() calls: the timer asks the monitor by itself.
    m_idle->setPollInterval(20);
    QVERIFY(m_idle->isPolling());
    m_monitor.idleMs = 5 * kMinute;
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
    m_idle->setIdleMinutes(0); // switched off while away: the return is still noticed
    QVERIFY(m_idle->isPolling());
    m_monitor.idleMs = 50;
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Online, kWaitMs);
    QTRY_VERIFY(!m_idle->isPolling());
}

void TestIdleStatus::beforeLunchWithAnOpenDialogComesBackAsBeforeLunch()
{
    // Before lunch holds only while the operator still has an open dialog (else the server makes
    // it Lunch at once): one answered dialog of Ida's.
    auto visitor = testkit::connectVisitor(m_server);
    QVERIFY(visitor);
    const qint64 dialogId = testkit::openDialog(*visitor, u"Is anyone there?"_s);
    QVERIFY(dialogId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->dialog(dialogId).id == dialogId, kWaitMs);
    if (m_session->dialog(dialogId).operatorId != m_session->self().id)
        m_session->takeDialog(dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->dialog(dialogId).operatorId, m_session->self().id, kWaitMs);
    m_session->sendReply(dialogId, u"Yes, how can I help?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->pendingReplyCount(), 0, kWaitMs);
    QVERIFY(setStatus(OperatorStatus::BeforeLunch));

    m_monitor.idleMs = 5 * kMinute;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::Break, kWaitMs);
    m_monitor.idleMs = 10;
    m_idle->check();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->self().status, OperatorStatus::BeforeLunch, kWaitMs);
    QCOMPARE(m_session->dialog(dialogId).operatorId, m_session->self().id); // answered: still hers
}

QTEST_GUILESS_MAIN(TestIdleStatus)
#include "tst_idle_status.moc"
