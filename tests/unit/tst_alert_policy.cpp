// SPDX-License-Identifier: GPL-3.0-or-later
// AlertPolicy (issue 6): which session events alert, a waiting visitor's repeats and escalation
// on a manual clock, acknowledge, do-not-disturb by status, and the waiting count against the
// visitor list's "Waiting for reply" section. Fed by a real OperatorSession on the real server.
#include "AlertPolicy.h"
#include "AlertSettingsStore.h"
#include "LocalStore.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TestVisitor.h"
#include "VisitorListModel.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;

/// AlertClock for tests: time moves only by advance(), which runs the timers that became due.
class ManualClock : public AlertClock
{
public:
    QDateTime now() const override { return m_now; }
    void startTimer(int ms, std::function<void()> callback) override
    {
        m_timers.emplace(std::make_pair(m_now.addMSecs(ms), m_next++), std::move(callback));
    }
    void advance(int ms)
    {
        const QDateTime end = m_now.addMSecs(ms);
        while (!m_timers.empty() && m_timers.begin()->first.first <= end) {
            auto node = m_timers.extract(m_timers.begin());
            m_now = node.key().first;
            node.mapped()();
        }
        m_now = end;
    }

private:
    QDateTime m_now = QDateTime(QDate(2026, 1, 5), QTime(9, 0), Qt::UTC);
    quint64 m_next = 0;
    std::map<std::pair<QDateTime, quint64>, std::function<void()>> m_timers;
};

} // namespace

class TestAlertPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void waitingVisitorAlertsOnceAndCountsLikeTheList();
    void repeatsEscalateUntilAcknowledged();
    void repeatsStopWhenTheDialogIsTaken();
    void messageInMyDialogOnlyWhenWindowInactive();
    void doNotDisturbSilencesButCounts();
    void beforeLunchStillSounds();
    void transferToMeAlertsOnce();
    void chatMentionOfMyName();
    void settingsTurnAKindOff();
    void settingsStoreKeepsWhatWasChosen();

private:
    bool setStatus(OperatorStatus status)
    {
        if (m_session->self().status != status)
            m_session->setStatus(status);
        return QTest::qWaitFor([&] { return m_session->self().status == status; }, kWaitMs);
    }
    int sectionCount() const
    {
        return m_session->visitorModel()->visitorCount(VisitorListModel::Section::Waiting);
    }
    QList<Alert> alertsOf(AlertKind kind) const
    {
        QList<Alert> list;
        for (const auto &alert : m_alerts) {
            if (alert.kind == kind)
                list.append(alert);
        }
        return list;
    }
    /// A new visitor writes; the dialog id once the session knows it as waiting.
    qint64 newWaitingVisitor(TestVisitor &visitor, const QString &text)
    {
        if (!visitor.connectTo(m_server->wsUrl(u"/v1/visitor"_s)))
            return 0;
        visitor.send(text);
        const int before = m_policy->waitingCount();
        if (!QTest::qWaitFor([&] { return m_policy->waitingCount() > before; }, kWaitMs))
            return 0;
        for (const auto &dialog : m_session->openDialogs()) {
            if (dialog.visitorId == visitor.visitorId())
                return dialog.id;
        }
        return 0;
    }

    std::unique_ptr<ServerProcess> m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<OperatorSession> m_session;
    std::unique_ptr<ManualClock> m_clockOwner;
    std::unique_ptr<AlertPolicy> m_policy;
    QList<Alert> m_alerts;
    int m_run = 0;
};

void TestAlertPolicy::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestAlertPolicy::init()
{
    if (QByteArrayView(QTest::currentTestFunction()).startsWith("settingsStore"))
        return; // no server needed
    // Without auto-assignment every open dialog waits in everyone's "Waiting for reply".
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start({u"--auto-assign"_s, u"off"_s}), "the real concierge-server did not start");
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"op%1.sqlite"_s.arg(++m_run))));
    m_session = std::make_unique<OperatorSession>(m_store.get());
    m_clockOwner = std::make_unique<ManualClock>();
    m_policy = std::make_unique<AlertPolicy>(m_session.get(), m_clockOwner.get());
    m_alerts.clear();
    connect(m_policy.get(), &AlertPolicy::alert, this, [this](const Alert &alert) { m_alerts.append(alert); });
    m_session->loginWithPassword(m_server->url(), u"demo@example.com"_s, m_server->demoPassword());
    QVERIFY(QTest::qWaitFor([&] { return m_session->connectionState() == ConnectionState::Connected; }, kWaitMs));
    QVERIFY(setStatus(OperatorStatus::Online));
    QCOMPARE(m_policy->waitingCount(), 0);
    QVERIFY(m_alerts.isEmpty());
}

void TestAlertPolicy::cleanup()
{
    m_alerts.clear();
    m_policy.reset();
    m_session.reset();
    m_store.reset();
    m_server.reset();
}

void TestAlertPolicy::waitingVisitorAlertsOnceAndCountsLikeTheList()
{
    QList<int> counts;
    connect(m_policy.get(), &AlertPolicy::waitingCountChanged, this, [&](int n) { counts.append(n); });
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello, is the blue sofa in stock?"_s);
    QVERIFY(dialogId != 0);
    QCOMPARE(m_policy->waitingCount(), 1);
    QCOMPARE(m_policy->waitingCount(), sectionCount());
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(AlertKind::WaitingVisitor).size(), 1, kWaitMs);
    const Alert alert = alertsOf(AlertKind::WaitingVisitor).first();
    QCOMPARE(alert.dialogId, dialogId);
    QCOMPARE(alert.escalation, 0);
    QVERIFY(alert.playSound);
    QVERIFY2(alert.title.contains(u"waiting"_s), qPrintable(alert.title));
    QVERIFY(m_policy->needsAttention());

    // The same visitor writing again is the same wait: no second alert.
    const QString again = anna.send(u"Anyone?"_s);
    QVERIFY(anna.waitForMessage(again));
    TestVisitor boris;
    QVERIFY(newWaitingVisitor(boris, u"Second visitor here"_s) != 0);
    QCOMPARE(m_policy->waitingCount(), 2);
    QCOMPARE(m_policy->waitingCount(), sectionCount());
    QCOMPARE(alertsOf(AlertKind::WaitingVisitor).size(), 2);
    QVERIFY(alertsOf(AlertKind::WaitingVisitor).last().dialogId != dialogId);
    // The second came within two seconds of the first on the policy's clock: one sound for both.
    QVERIFY(!alertsOf(AlertKind::WaitingVisitor).last().playSound);

    // Answering both empties the section; the count and the attention follow.
    m_session->sendReply(dialogId, u"Yes, it is."_s);
    for (const auto &dialog : m_session->openDialogs()) {
        if (dialog.id != dialogId)
            m_session->takeDialog(dialog.id);
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_policy->waitingCount(), 0, kWaitMs);
    QCOMPARE(sectionCount(), 0);
    QVERIFY(!m_policy->needsAttention());
    QCOMPARE(counts.last(), 0);
    QCOMPARE(alertsOf(AlertKind::WaitingVisitor).size(), 2);
}

void TestAlertPolicy::repeatsEscalateUntilAcknowledged()
{
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    m_clockOwner->advance(29000);
    QCOMPARE(m_alerts.size(), 1); // not before the interval
    m_clockOwner->advance(1000);
    QCOMPARE(m_alerts.size(), 2);
    m_clockOwner->advance(30000 * 3);
    QCOMPARE(m_alerts.size(), 5);
    const AlertSettings settings = m_policy->settings();
    QList<int> escalations;
    QList<int> sounds;
    for (const auto &alert : std::as_const(m_alerts)) {
        QCOMPARE(alert.kind, AlertKind::WaitingVisitor);
        QCOMPARE(alert.dialogId, dialogId);
        QVERIFY(alert.playSound);
        escalations.append(alert.escalation);
        sounds.append(soundEscalation(alert, settings));
    }
    QCOMPARE(escalations, (QList<int>{0, 1, 2, 3, 4}));
    QCOMPARE(sounds, (QList<int>{0, 0, 0, 1, 2})); // louder after escalateAfter (2) repeats

    m_policy->acknowledge();
    QVERIFY(!m_policy->needsAttention());
    m_clockOwner->advance(30000 * 4);
    QCOMPARE(m_alerts.size(), 5);
    QCOMPARE(m_policy->waitingCount(), 1); // still counted: she still waits

    // Someone new starts the alert again, from the beginning.
    TestVisitor boris;
    QVERIFY(newWaitingVisitor(boris, u"Me too"_s) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 6, kWaitMs);
    QCOMPARE(m_alerts.last().escalation, 0);
    QVERIFY(m_policy->needsAttention());
    m_clockOwner->advance(30000);
    QCOMPARE(m_alerts.size(), 7);
    QCOMPARE(m_alerts.last().escalation, 1);
    // The repeat is about whoever has waited longest.
    QCOMPARE(m_alerts.last().dialogId, dialogId);
}

void TestAlertPolicy::repeatsStopWhenTheDialogIsTaken()
{
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    m_clockOwner->advance(30000);
    QCOMPARE(m_alerts.size(), 2);
    m_session->takeDialog(dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(m_policy->waitingCount(), 0, kWaitMs);
    QVERIFY(!m_policy->needsAttention());
    m_clockOwner->advance(30000 * 5);
    QCOMPARE(m_alerts.size(), 2);
}

void TestAlertPolicy::messageInMyDialogOnlyWhenWindowInactive()
{
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    m_session->sendReply(dialogId, u"Hello, how can I help?"_s);
    QVERIFY(anna.waitForOperatorText(u"Hello, how can I help?"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_policy->waitingCount(), 0, kWaitMs);
    m_policy->acknowledge();
    m_alerts.clear();

    m_policy->setWindowActive(true);
    int arrived = 0;
    connect(m_session.get(), &OperatorSession::messageArrived, this, [&] { ++arrived; });
    anna.send(u"I see it on screen"_s);
    QTRY_COMPARE_WITH_TIMEOUT(arrived, 1, kWaitMs);
    QVERIFY(m_alerts.isEmpty());
    QVERIFY(!m_policy->needsAttention());

    m_policy->setWindowActive(false);
    m_clockOwner->advance(5000);
    anna.send(u"Are you still there? <b>not bold</b>"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    const Alert alert = m_alerts.first();
    QCOMPARE(alert.kind, AlertKind::MessageInMyDialog);
    QCOMPARE(alert.dialogId, dialogId);
    QVERIFY(alert.messageId != 0);
    QCOMPARE(alert.body, u"Are you still there? <b>not bold</b>"_s); // plain text, as written
    QVERIFY(alert.playSound);
    QVERIFY(m_policy->needsAttention());
    m_clockOwner->advance(60000);
    QCOMPARE(m_alerts.size(), 1); // messages do not repeat
    m_policy->setWindowActive(true);
    QVERIFY(!m_policy->needsAttention());

    // A long line is cut for the notification, never in the middle of an emoji.
    m_policy->setWindowActive(false);
    QString longLine;
    for (int i = 0; i < 120; ++i)
        longLine += u"\U0001F600"_s;
    anna.send(longLine);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 2, kWaitMs);
    const QString body = m_alerts.last().body;
    QVERIFY(body.size() <= 160);
    QVERIFY(body.endsWith(u'\u2026'));
    QVERIFY(!body.at(body.size() - 2).isHighSurrogate());
    QVERIFY(longLine.startsWith(body.chopped(1)));
}

void TestAlertPolicy::doNotDisturbSilencesButCounts()
{
    QVERIFY(setStatus(OperatorStatus::Lunch));
    QVERIFY(m_policy->doNotDisturb());
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    QCOMPARE(m_policy->waitingCount(), sectionCount());
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    QVERIFY(!m_alerts.first().playSound); // the notification, no sound
    m_clockOwner->advance(30000 * 3);
    QCOMPARE(m_alerts.size(), 1); // and no repeats

    QVERIFY(setStatus(OperatorStatus::Break));
    m_clockOwner->advance(30000 * 3);
    QCOMPARE(m_alerts.size(), 1);

    // Back at work, the one still waiting is heard again.
    QVERIFY(setStatus(OperatorStatus::Online));
    QVERIFY(!m_policy->doNotDisturb());
    m_clockOwner->advance(30000);
    QCOMPARE(m_alerts.size(), 2);
    QVERIFY(m_alerts.last().playSound);
    QCOMPARE(m_alerts.last().dialogId, dialogId);
}

void TestAlertPolicy::beforeLunchStillSounds()
{
    // Before lunch the operator still serves open dialogs (the server turns it into Lunch once
    // none is left): their messages are heard.
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    m_session->sendReply(dialogId, u"Hello, how can I help?"_s);
    QVERIFY(anna.waitForOperatorText(u"Hello, how can I help?"_s));
    QVERIFY(setStatus(OperatorStatus::BeforeLunch));
    QVERIFY(!m_policy->doNotDisturb());
    m_alerts.clear();
    m_clockOwner->advance(5000);
    anna.send(u"One more question"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    QCOMPARE(m_alerts.first().kind, AlertKind::MessageInMyDialog);
    QVERIFY(m_alerts.first().playSound);
}

void TestAlertPolicy::transferToMeAlertsOnce()
{
    QVERIFY(testkit::createOperator(*m_server, u"vera@example.com"_s, u"Vera"_s));
    auto vera = testkit::loginOperator(*m_server, u"vera@example.com"_s);
    QVERIFY(vera);
    TestVisitor anna;
    const qint64 dialogId = newWaitingVisitor(anna, u"Hello?"_s);
    QVERIFY(dialogId != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    QVERIFY(testkit::isResult(vera->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_policy->waitingCount(), 0, kWaitMs);
    m_clockOwner->advance(10000);
    QVERIFY(testkit::isResult(testkit::transfer(*vera, dialogId, {{u"operatorId"_s, m_session->self().id}},
                                                u"She wants the sofa"_s)));
    QTRY_COMPARE_WITH_TIMEOUT(alertsOf(AlertKind::TransferredToMe).size(), 1, kWaitMs);
    const Alert alert = alertsOf(AlertKind::TransferredToMe).first();
    QCOMPARE(alert.dialogId, dialogId);
    QVERIFY2(alert.title.contains(u"Vera"_s), qPrintable(alert.title));
    QVERIFY2(alert.body.contains(u"She wants the sofa"_s), qPrintable(alert.body));
    QVERIFY(alert.playSound);
    // It waits for me now (Waiting for reply), announced by the transfer alone.
    QTRY_COMPARE_WITH_TIMEOUT(m_policy->waitingCount(), 1, kWaitMs);
    QCOMPARE(sectionCount(), 1);
    QCOMPARE(alertsOf(AlertKind::WaitingVisitor).size(), 1);
    QVERIFY(m_policy->needsAttention());
    // and, waiting, it repeats like any waiting visitor.
    m_clockOwner->advance(30000);
    QCOMPARE(alertsOf(AlertKind::WaitingVisitor).size(), 2);
    QCOMPARE(alertsOf(AlertKind::WaitingVisitor).last().escalation, 1);
}

void TestAlertPolicy::chatMentionOfMyName()
{
    QVERIFY(testkit::createOperator(*m_server, u"vera@example.com"_s, u"Vera"_s));
    auto vera = testkit::loginOperator(*m_server, u"vera@example.com"_s);
    QVERIFY(vera);
    const QString me = m_session->self().name;
    QVERIFY(!me.isEmpty());
    auto say = [&](const QString &text) {
        return testkit::isResult(vera->request(u"chat.send"_s, {{u"cid"_s, testkit::newCid()}, {u"text"_s, text}}));
    };
    int lines = 0;
    connect(m_session.get(), &OperatorSession::chatMessageArrived, this, [&] { ++lines; });
    QVERIFY(say(u"Lunch at one, everyone"_s));
    QVERIFY(say(u"@"_s + me.toLower() + u", could you look at the sofa question?"_s));
    QVERIFY(say(me + u"s"_s + u" is not a mention"_s));
    QTRY_COMPARE_WITH_TIMEOUT(lines, 3, kWaitMs);
    QCOMPARE(m_alerts.size(), 1);
    QCOMPARE(m_alerts.first().kind, AlertKind::ChatMention);
    QCOMPARE(m_alerts.first().dialogId, 0);
    QVERIFY2(m_alerts.first().title.contains(u"Vera"_s), qPrintable(m_alerts.first().title));
    QVERIFY(m_alerts.first().body.contains(u"sofa question"_s));
    // My own line naming myself is no news.
    m_session->sendChatMessage(me + u" is back"_s);
    QTRY_COMPARE_WITH_TIMEOUT(lines, 4, kWaitMs);
    QCOMPARE(m_alerts.size(), 1);
}

void TestAlertPolicy::settingsTurnAKindOff()
{
    AlertSettings settings;
    settings.events.insert(AlertKind::WaitingVisitor, {/*notify*/ true, /*sound*/ false});
    settings.repeatSeconds = 10;
    m_policy->setSettings(settings);
    TestVisitor anna;
    QVERIFY(newWaitingVisitor(anna, u"Hello?"_s) != 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_alerts.size(), 1, kWaitMs);
    QVERIFY(!m_alerts.first().playSound);
    m_clockOwner->advance(60000);
    QCOMPARE(m_alerts.size(), 1); // repeats are for the sound: none without it

    settings.events.insert(AlertKind::WaitingVisitor, {true, true});
    m_policy->setSettings(settings);
    m_clockOwner->advance(10000);
    QCOMPARE(m_alerts.size(), 2);
    QVERIFY(m_alerts.last().playSound);

    settings.events.insert(AlertKind::WaitingVisitor, {false, false});
    m_policy->setSettings(settings);
    TestVisitor boris;
    QVERIFY(newWaitingVisitor(boris, u"Hi"_s) != 0);
    QCOMPARE(m_policy->waitingCount(), 2); // counted, not announced
    m_clockOwner->advance(60000);
    QCOMPARE(m_alerts.size(), 2);
}

void TestAlertPolicy::settingsStoreKeepsWhatWasChosen()
{
    const QString path = m_dir.filePath(u"alerts.ini"_s);
    {
        QSettings file(path, QSettings::IniFormat);
        AlertSettingsStore store(&file);
        const AlertSettings fresh = store.load();
        QCOMPARE(fresh.volume, 0.8);
        QVERIFY(fresh.outputDeviceId.isEmpty());
        QCOMPARE(fresh.idleMinutes, 0);
        QVERIFY(!fresh.autostart);
        QVERIFY(fresh.event(AlertKind::ChatMention).notify);
        QVERIFY(fresh.event(AlertKind::ChatMention).sound);
        QCOMPARE(fresh.repeatSeconds, 30);

        AlertSettings chosen = fresh;
        chosen.events.insert(AlertKind::MessageInMyDialog, {false, true});
        chosen.events.insert(AlertKind::ChatMention, {true, false});
        chosen.repeatSeconds = 45;
        chosen.volume = 0.35;
        chosen.outputDeviceId = u"alsa_output.usb-headset"_s;
        chosen.idleMinutes = 10;
        chosen.idleReturn = false;
        chosen.closeToTrayNoteShown = true;
        chosen.autostart = true;
        store.save(chosen);
    }
    QSettings file(path, QSettings::IniFormat);
    AlertSettingsStore store(&file);
    const AlertSettings read = store.load();
    QCOMPARE(read.event(AlertKind::MessageInMyDialog), (AlertEventSettings{false, true}));
    QCOMPARE(read.event(AlertKind::ChatMention), (AlertEventSettings{true, false}));
    QCOMPARE(read.event(AlertKind::WaitingVisitor), (AlertEventSettings{true, true}));
    QCOMPARE(read.repeatSeconds, 45);
    QCOMPARE(read.volume, 0.35);
    QCOMPARE(read.outputDeviceId, u"alsa_output.usb-headset"_s);
    QCOMPARE(read.idleMinutes, 10);
    QVERIFY(!read.idleReturn);
    QVERIFY(read.closeToTrayNoteShown);
    QVERIFY(read.autostart);

    // A hand-edited file with nonsense falls back to the defaults, not to silence.
    file.setValue(u"alerts/volume"_s, 7.5);
    file.setValue(u"alerts/repeatSeconds"_s, u"soon"_s);
    const AlertSettings repaired = store.load();
    QCOMPARE(repaired.volume, AlertSettings{}.volume);
    QCOMPARE(repaired.repeatSeconds, AlertSettings{}.repeatSeconds);
}

QTEST_GUILESS_MAIN(TestAlertPolicy)
#include "tst_alert_policy.moc"
