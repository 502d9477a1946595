// SPDX-License-Identifier: GPL-3.0-or-later
// Auto-assignment as docs/protocol.md ("Dialog lifecycle", "Departments and languages") defines it:
// load spread evenly over online operators (fewest open dialogs, then the longest idle), nobody
// above their maximum (the server's --max-dialogs or their own), the rest waiting unassigned in the
// common queue, which drains as soon as someone has room again.
#include "ServerTestKit.h"

#include <QHash>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kCarol = u"carol@example.com"_s;

qint64 operatorIdOf(const QJsonObject &hello)
{
    return idOf(hello.value(u"operator").toObject().value(u"id"));
}

/// A visitor together with the dialog it opened.
struct Chat
{
    std::unique_ptr<RawProtocolClient> visitor;
    qint64 dialogId = 0;
};

} // namespace

class TestAutoAssign : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void sixVisitorsSpreadTwoEachAndTheRestWaitInTheQueue();
    void leastLoadedFirstThenLongestIdle();
    void perOperatorMaximumOverridesTheServerDefault();
    void withAutoAssignOffDialogsWaitToBeTaken();

private:
    /// A fresh server with Anna, Boris and Carol; \a carolExtra goes to Carol's create-operator,
    /// \a adminCommands run after that, before the server starts.
    bool start(const QStringList &serverArgs, const QStringList &carolExtra = {},
               const QList<QStringList> &adminCommands = {});
    ServerProcess &server() { return *m_server; }
    /// A new visitor opens a dialog; the test checks the dialog id.
    Chat newChat();

    std::unique_ptr<ServerProcess> m_server;
};

void TestAutoAssign::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAutoAssign::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_server.reset();
}

bool TestAutoAssign::start(const QStringList &serverArgs, const QStringList &carolExtra,
                           const QList<QStringList> &adminCommands)
{
    m_server = std::make_unique<ServerProcess>();
    if (!createOperator(server(), kAnna, u"Anna"_s) || !createOperator(server(), kBoris, u"Boris"_s) ||
        !createOperator(server(), kCarol, u"Carol"_s, carolExtra))
        return false;
    for (const QStringList &command : adminCommands) {
        if (!admin(server(), command))
            return false;
    }
    if (!server().start(serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

Chat TestAutoAssign::newChat()
{
    Chat chat;
    chat.visitor = connectVisitor(server());
    if (chat.visitor)
        chat.dialogId = openDialog(*chat.visitor);
    return chat;
}

void TestAutoAssign::sixVisitorsSpreadTwoEachAndTheRestWaitInTheQueue()
{
    QVERIFY(start({u"--max-dialogs"_s, u"2"_s}));
    QJsonObject annaHello, borisHello, carolHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    auto carol = loginOperator(server(), kCarol, u"online"_s, &carolHello);
    QVERIFY(anna && boris && carol);
    QCOMPARE(annaHello.value(u"settings").toObject().value(u"autoAssign").toBool(), true);
    for (const QJsonObject &hello : {annaHello, borisHello, carolHello})
        QCOMPARE(hello.value(u"operator").toObject().value(u"maxDialogs").toInt(), 2);
    const QList<qint64> operatorIds{operatorIdOf(annaHello), operatorIdOf(borisHello),
                                    operatorIdOf(carolHello)};

    std::vector<Chat> chats;
    QHash<qint64, int> load;
    for (int i = 0; i < 6; ++i) {
        chats.push_back(newChat());
        QVERIFY(chats.back().dialogId > 0);
        const qint64 assignee = waitAssigned(*anna, chats.back().dialogId);
        QVERIFY2(operatorIds.contains(assignee), qPrintable(QString::number(assignee)));
        ++load[assignee];
        if (i == 2) { // least loaded first: the first three went to three different operators
            for (const qint64 id : operatorIds)
                QCOMPARE(load.value(id), 1);
        }
    }
    for (const qint64 id : operatorIds)
        QCOMPARE(load.value(id), 2);

    // Everyone is at the limit: the next two wait unassigned (the common queue).
    Chat seventh = newChat();
    Chat eighth = newChat();
    QVERIFY(seventh.dialogId > 0 && eighth.dialogId > 0);
    QVERIFY(settle(server(), {anna.get(), boris.get(), carol.get()}));
    QVERIFY(!latestDialog(*anna, seventh.dialogId).isEmpty());
    QCOMPARE(idOf(latestDialog(*anna, seventh.dialogId).value(u"operatorId")), 0);
    QCOMPARE(idOf(latestDialog(*anna, eighth.dialogId).value(u"operatorId")), 0);
    QCOMPARE(latestDialog(*anna, eighth.dialogId).value(u"state").toString(), u"waiting"_s);
    QHash<qint64, int> loadNow; // nothing was moved to make room
    for (const Chat &chat : chats)
        ++loadNow[idOf(latestDialog(*anna, chat.dialogId).value(u"operatorId"))];
    QCOMPARE(loadNow, load);

    // Boris closes one of his: one queued dialog becomes his, the other still waits.
    const auto borisChat = std::find_if(chats.begin(), chats.end(), [&](const Chat &chat) {
        return idOf(latestDialog(*anna, chat.dialogId).value(u"operatorId")) == operatorIds.at(1);
    });
    QVERIFY(borisChat != chats.end());
    QVERIFY(isResult(boris->request(u"dialog.close"_s, {{u"dialogId"_s, borisChat->dialogId}})));
    // (Which of the two goes first is not part of the contract.)
    const auto assigneeOf = [&](const Chat &chat) {
        return idOf(latestDialog(*anna, chat.dialogId).value(u"operatorId"));
    };
    QTRY_VERIFY((assigneeOf(seventh) == operatorIds.at(1) && assigneeOf(eighth) == 0) ||
                (assigneeOf(seventh) == 0 && assigneeOf(eighth) == operatorIds.at(1)));
    const qint64 stillQueued = assigneeOf(seventh) == 0 ? seventh.dialogId : eighth.dialogId;
    QVERIFY(settle(server(), {anna.get()}));
    QCOMPARE(idOf(latestDialog(*anna, stillQueued).value(u"operatorId")), 0);

    // A visitor of one of Carol's dialogs leaves: the last queued dialog is Carol's.
    const auto carolChat = std::find_if(chats.begin(), chats.end(), [&](const Chat &chat) {
        return idOf(latestDialog(*anna, chat.dialogId).value(u"operatorId")) == operatorIds.at(2);
    });
    QVERIFY(carolChat != chats.end());
    QVERIFY(isResult(carolChat->visitor->request(u"dialog.close"_s)));
    QCOMPARE(waitAssigned(*anna, stillQueued), operatorIds.at(2));
}

void TestAutoAssign::leastLoadedFirstThenLongestIdle()
{
    QVERIFY(start({u"--max-dialogs"_s, u"10"_s}));
    QJsonObject annaHello, borisHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QVERIFY(anna);
    const qint64 annaId = operatorIdOf(annaHello);
    std::vector<Chat> chats;
    auto nextGoesTo = [&]() -> qint64 {
        chats.push_back(newChat());
        return chats.back().dialogId > 0 ? waitAssigned(*anna, chats.back().dialogId) : -1;
    };
    QCOMPARE(nextGoesTo(), annaId);
    QCOMPARE(nextGoesTo(), annaId);

    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);
    QCOMPARE(nextGoesTo(), borisId); // 2 : 0
    QCOMPARE(nextGoesTo(), borisId); // 2 : 1
    QCOMPARE(nextGoesTo(), annaId);  // 2 : 2, Anna's last assignment is the older one
    QCOMPARE(nextGoesTo(), borisId); // 3 : 2
    QCOMPARE(nextGoesTo(), annaId);  // 3 : 3, Boris was given one last
}

void TestAutoAssign::perOperatorMaximumOverridesTheServerDefault()
{
    // Carol's own maximum from create-operator, Boris's from set-operator.
    QVERIFY(start({u"--max-dialogs"_s, u"1"_s}, {u"--max-dialogs"_s, u"3"_s},
                  {{u"set-operator"_s, u"--email"_s, kBoris, u"--max-dialogs"_s, u"2"_s}}));
    QJsonObject annaHello, borisHello, carolHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    auto carol = loginOperator(server(), kCarol, u"online"_s, &carolHello);
    QVERIFY(anna && boris && carol);
    QCOMPARE(annaHello.value(u"operator").toObject().value(u"maxDialogs").toInt(), 1);
    QCOMPARE(borisHello.value(u"operator").toObject().value(u"maxDialogs").toInt(), 2);
    QCOMPARE(carolHello.value(u"operator").toObject().value(u"maxDialogs").toInt(), 3);

    std::vector<Chat> chats;
    QHash<qint64, int> load;
    for (int i = 0; i < 6; ++i) {
        chats.push_back(newChat());
        QVERIFY(chats.back().dialogId > 0);
        const qint64 assignee = waitAssigned(*anna, chats.back().dialogId);
        QVERIFY(assignee > 0);
        ++load[assignee];
    }
    QCOMPARE(load.value(operatorIdOf(annaHello)), 1);
    QCOMPARE(load.value(operatorIdOf(borisHello)), 2);
    QCOMPARE(load.value(operatorIdOf(carolHello)), 3);

    Chat seventh = newChat();
    QVERIFY(seventh.dialogId > 0);
    QVERIFY(settle(server(), {anna.get()}));
    QVERIFY(!latestDialog(*anna, seventh.dialogId).isEmpty());
    QCOMPARE(idOf(latestDialog(*anna, seventh.dialogId).value(u"operatorId")), 0);
}

void TestAutoAssign::withAutoAssignOffDialogsWaitToBeTaken()
{
    QVERIFY(start({u"--auto-assign"_s, u"off"_s}));
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto boris = loginOperator(server(), kBoris, u"online"_s);
    QVERIFY(anna && boris);
    QCOMPARE(annaHello.value(u"settings").toObject().value(u"autoAssign").toBool(), false);
    Chat chat = newChat();
    QVERIFY(chat.dialogId > 0);
    QVERIFY(settle(server(), {anna.get(), boris.get()}));
    QVERIFY(!latestDialog(*anna, chat.dialogId).isEmpty());
    QCOMPARE(idOf(latestDialog(*anna, chat.dialogId).value(u"operatorId")), 0);

    const QJsonObject taken = anna->request(u"dialog.take"_s, {{u"dialogId"_s, chat.dialogId}});
    QVERIFY(isResult(taken));
    QCOMPARE(idOf(data(taken).value(u"dialog").toObject().value(u"operatorId")), operatorIdOf(annaHello));
    QCOMPARE(errorCode(boris->request(u"dialog.take"_s, {{u"dialogId"_s, chat.dialogId}})), u"forbidden"_s);
}

QTEST_GUILESS_MAIN(TestAutoAssign)
#include "tst_auto_assign.moc"
