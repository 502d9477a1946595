// SPDX-License-Identifier: GPL-3.0-or-later
// The client engine against the real concierge-server: a conversation, then the link cut in both
// directions while messages flow both ways, then the server killed — counting every message.
// The answer must be 0 lost and 0 duplicated (ARCHITECTURE.md, "Nothing lost, nothing twice").
#include "Connection.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "TestVisitor.h"
#include "VisitorListModel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 20000;
constexpr int kMessagesEachWay = 200;

/// One operator app: its cache and its engine, re-creatable on the same file (an app restart).
struct Operator
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<OperatorSession> session;
    QHash<QString, int> arrivals; ///< cid → how many times messageArrived announced it

    bool open(const QString &path)
    {
        session.reset();
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        session = std::make_unique<OperatorSession>(store.get());
        // Fast retries so the test spends its time on messages, not on backoff.
        session->connection()->setBackoff(50, 400);
        session->connection()->setHeartbeat(1000, 5000);
        QObject::connect(session.get(), &OperatorSession::messageArrived, session.get(),
                         [this](const protocol::Message &message) { ++arrivals[message.cid]; });
        return true;
    }
    void destroy()
    {
        session.reset();
        store.reset();
    }
};

struct Count
{
    int lost = 0;
    int duplicated = 0;
};

/// Compares what should have arrived with what did, by cid.
Count count(const QStringList &expected, const QHash<QString, int> &received)
{
    Count c;
    for (const QString &cid : expected) {
        const int n = received.value(cid);
        if (n == 0)
            ++c.lost;
        else
            c.duplicated += n - 1;
    }
    return c;
}

QHash<QString, int> cidsOf(const QList<QJsonObject> &messages, const QString &author)
{
    QHash<QString, int> result;
    for (const auto &message : messages) {
        if (message.value(u"author").toString() == author)
            ++result[message.value(u"cid").toString()];
    }
    return result;
}

} // namespace

class TestEngineConversation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void conversation();
    void linkCutsLoseNothingDoubleNothing();
    void repliesWrittenOfflineSurviveRestart();
    void serverKilledAndRestarted();

private:
    bool waitConnected(Operator &op)
    {
        return QTest::qWaitFor([&op] { return op.session->connectionState() == ConnectionState::Connected; },
                               kWaitMs);
    }
    /// Reconnects the visitor (resume with its token and last seq) and resends, with the same
    /// cids, every line of its own the server has not echoed back — a visitor's retry.
    bool reconnectVisitor(const QStringList &sentCids)
    {
        if (!m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)))
            return false;
        const auto echoed = cidsOf(m_visitor.messages(), u"visitor"_s);
        for (qsizetype i = 0; i < sentCids.size(); ++i) {
            if (!echoed.contains(sentCids.at(i)))
                m_visitor.send(m_visitorTexts.value(sentCids.at(i)), sentCids.at(i));
        }
        return true;
    }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    Operator m_op;
    TestVisitor m_visitor;
    QHash<QString, QString> m_visitorTexts; ///< cid → text, for retries
    QStringList m_visitorCids;
    QStringList m_replyCids;
    qint64 m_dialogId = 0;
};

void TestEngineConversation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Hundreds of scripted lines in seconds: lift the per-visitor flood limit meant for people.
    QVERIFY2(m_server.start({u"--visitor-message-limit"_s, u"100000"_s}), "the real concierge-server did not start");
    QVERIFY(m_op.open(m_dir.filePath(u"operator.sqlite"_s)));
}

void TestEngineConversation::conversation()
{
    OperatorSession &session = *m_op.session;
    session.loginWithPassword(m_server.url(), u"demo@example.com"_s, m_server.demoPassword());
    QVERIFY(waitConnected(m_op));
    QVERIFY(!session.token().isEmpty());
    session.setStatus(protocol::OperatorStatus::Online);
    QTRY_COMPARE_WITH_TIMEOUT(session.self().status, protocol::OperatorStatus::Online, kWaitMs);

    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_visitor.viewPage(u"https://shop.example/tea"_s, u"Green tea"_s));
    const QString hello = u"Hello, is the green tea in stock?"_s;
    const QString cid = m_visitor.send(hello);
    m_visitorTexts.insert(cid, hello);
    m_visitorCids.append(cid);

    // The visitor shows up under "Waiting for reply" (unassigned, or auto-assigned to me).
    VisitorListModel *visitors = session.visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(visitors->indexOfVisitor(m_visitor.visitorId()).isValid()
                                 && visitors->indexOfVisitor(m_visitor.visitorId()).parent()
                                        == visitors->sectionIndex(VisitorListModel::Section::Waiting),
                             kWaitMs);
    m_dialogId = visitors->indexOfVisitor(m_visitor.visitorId()).data(VisitorListModel::DialogIdRole).toLongLong();
    QVERIFY(m_dialogId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_op.arrivals.value(cid), 1, kWaitMs);

    session.openDialog(m_dialogId);
    QTRY_VERIFY_WITH_TIMEOUT(session.messageModel()->rowCount() >= 1, kWaitMs);
    QCOMPARE(session.messageModel()->index(session.messageModel()->rowCount() - 1)
                 .data(MessageListModel::TextRole).toString(), hello);

    const QString reply = u"Yes — 40 packs left."_s;
    m_replyCids.append(session.sendReply(m_dialogId, reply));
    // Shown at once, as pending, before the server has it.
    QCOMPARE(session.messageModel()->index(session.messageModel()->rowCount() - 1)
                 .data(MessageListModel::TextRole).toString(), reply);
    QVERIFY(m_visitor.waitForOperatorText(reply, kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingReplyCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(session.messageModel()->pendingCount(), 0, kWaitMs);
    // Answered by me: the visitor moves to "In dialog".
    QTRY_VERIFY_WITH_TIMEOUT(visitors->indexOfVisitor(m_visitor.visitorId()).parent()
                                 == visitors->sectionIndex(VisitorListModel::Section::InDialog),
                             kWaitMs);
}

void TestEngineConversation::linkCutsLoseNothingDoubleNothing()
{
    QVERIFY(m_dialogId > 0);
    OperatorSession &session = *m_op.session;
    int operatorCuts = 0;
    int visitorCuts = 0;
    int resumes = 0;
    int snapshots = 0;
    connect(&session, &OperatorSession::synced, this, [&](bool resumed) { ++(resumed ? resumes : snapshots); });
    bool visitorDown = false;
    for (int i = 0; i < kMessagesEachWay; ++i) {
        // Every 17th line the operator's link is cut — on a live link (wait for it to be back),
        // right after both sides wrote, so lines are in flight in both directions when it dies.
        const bool cutOperator = i % 17 == 5;
        if (cutOperator)
            QVERIFY(waitConnected(m_op));
        const QString text = u"visitor line %1"_s.arg(i);
        const QString cid = m_visitor.send(text); // lost on the wire while the visitor is down
        m_visitorTexts.insert(cid, text);
        m_visitorCids.append(cid);
        m_replyCids.append(session.sendReply(m_dialogId, u"operator line %1"_s.arg(i)));

        // Every 23rd line the visitor's socket dies; it stays away for three lines, sending into
        // the void meanwhile, then comes back with resume and retries what was not confirmed.
        if (cutOperator) {
            session.connection()->dropLink();
            ++operatorCuts;
        }
        if (i % 23 == 11) {
            m_visitor.abort();
            visitorDown = true;
            ++visitorCuts;
        } else if (visitorDown && i % 23 == 14) {
            QVERIFY(reconnectVisitor(m_visitorCids));
            visitorDown = false;
        }
        QCoreApplication::processEvents();
    }
    if (visitorDown)
        QVERIFY(reconnectVisitor(m_visitorCids));

    // Everything arrives: the operator gets every visitor line, the visitor every reply.
    QVERIFY(waitConnected(m_op));
    const bool allArrived = QTest::qWaitFor([&] {
        return session.pendingReplyCount() == 0
            && count(m_visitorCids, m_op.arrivals).lost == 0
            && count(m_replyCids, cidsOf(m_visitor.messages(), u"operator"_s)).lost == 0;
    }, 60000);
    // Late duplicates would come right after: let any stragglers in before counting.
    QTest::qWait(500);

    const Count toOperator = count(m_visitorCids, m_op.arrivals);
    const Count toVisitor = count(m_replyCids, cidsOf(m_visitor.messages(), u"operator"_s));
    const Count visitorEcho = count(m_visitorCids, cidsOf(m_visitor.messages(), u"visitor"_s));
    qInfo("link cuts: operator %d (then %d resumes, %d snapshots), visitor %d", operatorCuts, resumes,
          snapshots, visitorCuts);
    qInfo("visitor→operator: %lld sent, %d lost, %d duplicated", qlonglong(m_visitorCids.size()),
          toOperator.lost, toOperator.duplicated);
    qInfo("operator→visitor: %lld sent, %d lost, %d duplicated", qlonglong(m_replyCids.size()),
          toVisitor.lost, toVisitor.duplicated);
    qInfo("visitor's own lines echoed: %d lost, %d duplicated", visitorEcho.lost, visitorEcho.duplicated);
    QVERIFY2(allArrived, "not everything arrived within 60 s");
    QCOMPARE(toOperator.lost, 0);
    QCOMPARE(toOperator.duplicated, 0);
    QCOMPARE(toVisitor.lost, 0);
    QCOMPARE(toVisitor.duplicated, 0);
    QCOMPARE(visitorEcho.duplicated, 0);
    QCOMPARE(resumes + snapshots, operatorCuts); // every cut was real and healed by itself
    QVERIFY(resumes > 0);                        // and the replay path, not only snapshots, ran

    // The replies reached the visitor in the order they were written.
    QStringList replyOrder;
    for (const auto &message : m_visitor.messages()) {
        if (message.value(u"author").toString() == u"operator")
            replyOrder.append(message.value(u"cid").toString());
    }
    QCOMPARE(replyOrder, m_replyCids);
    // The cache holds each line once too.
    QCOMPARE(m_op.store->messages(m_dialogId, 1000).size(), m_visitorCids.size() + m_replyCids.size());
    // And the open dialog's view shows each line once, none left pending.
    MessageListModel *model = session.messageModel();
    QSet<QString> shown;
    for (int row = 0; row < model->rowCount(); ++row)
        shown.insert(model->index(row).data(MessageListModel::CidRole).toString());
    QCOMPARE(shown.size(), model->rowCount());
    QCOMPARE(model->pendingCount(), 0);
}

void TestEngineConversation::repliesWrittenOfflineSurviveRestart()
{
    QVERIFY(m_dialogId > 0);
    const QString token = m_op.session->token();
    QVERIFY(!token.isEmpty());
    const qint64 seqBefore = m_op.session->lastSeq();
    QVERIFY(seqBefore > 0);

    // The app quits; offline, it starts again from its cache and the operator types three replies.
    const QString path = m_dir.filePath(u"operator.sqlite"_s);
    m_op.destroy();
    QVERIFY(m_op.open(path));
    QCOMPARE(m_op.session->connectionState(), ConnectionState::Disconnected);
    // The list comes from the cache before any network.
    QVERIFY(m_op.session->visitorModel()->indexOfVisitor(m_visitor.visitorId()).isValid());
    QStringList offline;
    for (int i = 0; i < 3; ++i) {
        const QString cid = m_op.session->sendReply(m_dialogId, u"written offline %1"_s.arg(i));
        QVERIFY(!cid.isEmpty());
        offline.append(cid);
    }
    QCOMPARE(m_op.session->pendingReplyCount(), 3);

    // Quit again before any link: the replies are on disk.
    m_op.destroy();
    QVERIFY(m_op.open(path));
    QCOMPARE(m_op.session->pendingReplyCount(), 3);
    m_op.session->openDialog(m_dialogId);
    QCOMPARE(m_op.session->messageModel()->pendingCount(), 3);

    // The link returns (token + resume from the cached seq): they go out, once, in order.
    m_op.session->loginWithToken(m_server.url(), token);
    QVERIFY(waitConnected(m_op));
    QTRY_COMPARE_WITH_TIMEOUT(m_op.session->pendingReplyCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_op.session->messageModel()->pendingCount(), 0, kWaitMs);
    for (int i = 0; i < 3; ++i)
        QVERIFY(m_visitor.waitForOperatorText(u"written offline %1"_s.arg(i), kWaitMs));
    QStringList arrivedOrder;
    for (const auto &message : m_visitor.messages()) {
        if (offline.contains(message.value(u"cid").toString()))
            arrivedOrder.append(message.value(u"cid").toString());
    }
    QCOMPARE(arrivedOrder, offline);
    m_replyCids.append(offline);
    const Count toVisitor = count(m_replyCids, cidsOf(m_visitor.messages(), u"operator"_s));
    QCOMPARE(toVisitor.lost, 0);
    QCOMPARE(toVisitor.duplicated, 0);
}

void TestEngineConversation::serverKilledAndRestarted()
{
    QVERIFY(m_dialogId > 0);
    OperatorSession &session = *m_op.session;
    QVERIFY(waitConnected(m_op));
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingReplyCount(), 0, kWaitMs);
    QSignalSpy states(&session, &OperatorSession::connectionStateChanged);
    QSignalSpy retries(&session, &OperatorSession::reconnectScheduled);
    QSignalSpy syncs(&session, &OperatorSession::synced);

    m_server.kill(); // SIGKILL: no goodbye, no flush beyond what the server committed
    QTRY_COMPARE_WITH_TIMEOUT(session.connectionState(), ConnectionState::Reconnecting, kWaitMs);
    QVERIFY(!retries.isEmpty());
    const QString downCid = session.sendReply(m_dialogId, u"typed while the server was down"_s);
    QCOMPARE(session.pendingReplyCount(), 1);

    QVERIFY2(m_server.restart(), "the server did not come back on its port");
    // The session comes back by itself; the server lost its in-memory event log, so this is a
    // snapshot (or a quiet password login if the token did not survive).
    QVERIFY(waitConnected(m_op));
    QTRY_COMPARE_WITH_TIMEOUT(session.pendingReplyCount(), 0, kWaitMs);
    m_replyCids.append(downCid);
    QVERIFY(!syncs.isEmpty());
    qInfo("after the restart the session synced by %s",
          syncs.last().at(0).toBool() ? "resume (replay)" : "snapshot");

    // Every acknowledged line is still on the server: ask it (history.get) through a fresh
    // engine with an empty cache, so nothing can come from our own disk.
    Operator fresh;
    QVERIFY(fresh.open(m_dir.filePath(u"fresh.sqlite"_s)));
    fresh.session->loginWithPassword(m_server.url(), u"demo@example.com"_s, m_server.demoPassword());
    QVERIFY(waitConnected(fresh));
    const QStringList all = m_visitorCids + m_replyCids;
    QVERIFY(all.size() < 500); // history.get's cap: one request sees the whole dialog
    fresh.session->openDialogWithHistory(m_dialogId, 500);
    QTRY_COMPARE_WITH_TIMEOUT(fresh.session->messageModel()->rowCount(), int(all.size()), kWaitMs);
    QSet<QString> onServer;
    for (const auto &message : fresh.store->messages(m_dialogId, 1000))
        onServer.insert(message.cid);
    int missing = 0;
    for (const QString &cid : all) {
        if (!onServer.contains(cid))
            ++missing;
    }
    qInfo("after SIGKILL + restart: %lld acknowledged lines, %d missing on the server",
          qlonglong(all.size()), missing);
    QCOMPARE(missing, 0);
    QCOMPARE(onServer.size(), int(all.size()));
    QVERIFY(onServer.contains(downCid));
}

QTEST_GUILESS_MAIN(TestEngineConversation)
#include "tst_engine_conversation.moc"
