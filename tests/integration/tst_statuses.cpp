// SPDX-License-Identifier: GPL-3.0-or-later
// The six operator statuses as docs/protocol.md ("Statuses") defines them, checked against the real
// server: which are accepted, that each change is recorded and announced, who gets new dialogs, what
// Invisible and Offline mean, which statuses give back waiting dialogs, and Before lunch turning
// into Lunch by itself.
#include "ServerTestKit.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QWebSocket>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;

/// The status column of this operator's line in `admin list-operators`, matched as a whole word
/// ("lunch" must not match "before_lunch").
bool listedWithStatus(const ServerProcess &server, const QString &email, const QString &status)
{
    QString output;
    if (server.admin({u"list-operators"_s}, &output) != 0)
        return false;
    const QRegularExpression word(u"(^|\\s)"_s + QRegularExpression::escape(status) + u"(\\s|$)"_s);
    for (const QString &line : output.split(u'\n')) {
        if (line.contains(email))
            return word.match(line).hasMatch();
    }
    return false;
}

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

} // namespace

class TestStatuses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void allSixStatusesAreAcceptedAndUnknownOnesRefused();
    void everyChangeIsRecordedAndSentToEveryOperatorSession();
    void onlyOnlineOperatorsGetNewDialogs_data();
    void onlyOnlineOperatorsGetNewDialogs();
    void invisibleOperatorWorksWhileVisitorsSeeNobody();
    void offlineOperatorHasNoAccessToDialogsOrChat();
    void waitingDialogsAreGivenBackOrKept_data();
    void waitingDialogsAreGivenBackOrKept();
    void beforeLunchWithNoDialogIsLunchAtOnce();
    void beforeLunchBecomesLunchWhenTheLastDialogCloses();
    void beforeLunchBecomesLunchWhenTheLastDialogIsTransferred();
    void beforeLunchBecomesLunchWhenTheLastSocketDrops();
    void statusResultComesBeforeItsEvents();

private:
    ServerProcess &server() { return *m_server; }

    std::unique_ptr<ServerProcess> m_server;
};

void TestStatuses::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestStatuses::init()
{
    // A fresh server for each test: queued dialogs and connected operators of one test must not
    // be assigned to or by the next.
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s, {u"--department"_s, u"Support"_s}));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY2(server().start({u"--max-dialogs"_s, u"10"_s}), qPrintable(server().output()));
}

void TestStatuses::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_server.reset();
}

void TestStatuses::allSixStatusesAreAcceptedAndUnknownOnesRefused()
{
    auto anna = loginOperator(server(), kAnna, QString());
    QVERIFY(anna);
    for (const QString &status :
         {u"online"_s, u"invisible"_s, u"before_lunch"_s, u"lunch"_s, u"break"_s, u"offline"_s}) {
        const QJsonObject reply = anna->request(u"status.set"_s, {{u"status"_s, status}});
        QVERIFY2(isResult(reply), qPrintable(status + u": "_s + errorCode(reply)));
        const QString now = data(reply).value(u"operator").toObject().value(u"status").toString();
        if (status == u"before_lunch") // with no open dialog it is Lunch at once (tested below)
            QVERIFY2(now == u"before_lunch" || now == u"lunch", qPrintable(now));
        else
            QCOMPARE(now, status);
    }
    QCOMPARE(errorCode(anna->request(u"status.set"_s, {{u"status"_s, u"sleeping"_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"status.set"_s, {{u"status"_s, u""_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"status.set"_s, {{u"status"_s, 1}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"status.set"_s)), u"bad_request"_s);

    // The refusals changed nothing: a new session still finds Anna offline.
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kAnna, QString(), &hello));
    QCOMPARE(hello.value(u"operator").toObject().value(u"status").toString(), u"offline"_s);
}

void TestStatuses::everyChangeIsRecordedAndSentToEveryOperatorSession()
{
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    auto annaElsewhere = loginOperator(server(), kAnna, QString());
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && annaElsewhere && boris);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));

    const QJsonObject lunch = anna->request(u"status.set"_s, {{u"status"_s, u"lunch"_s}});
    QVERIFY(isResult(lunch));
    const QJsonValue lunchSince = data(lunch).value(u"operator").toObject().value(u"statusSince");
    QVERIFY2(parseTime(lunchSince).isValid(), qPrintable(lunchSince.toString()));
    QVERIFY(qAbs(parseTime(lunchSince).secsTo(QDateTime::currentDateTimeUtc())) < 60);

    // Boris and Anna's other session hear of it, with the same time.
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"lunch"_s);
    QCOMPARE(latestOperator(*boris, annaId).value(u"statusSince").toString(), lunchSince.toString());
    QTRY_COMPARE(latestOperator(*annaElsewhere, annaId).value(u"status").toString(), u"lunch"_s);
    QVERIFY(listedWithStatus(server(), kAnna, u"lunch"_s));

    const QJsonObject pause = anna->request(u"status.set"_s, {{u"status"_s, u"break"_s}});
    QVERIFY(isResult(pause));
    const QJsonValue breakSince = data(pause).value(u"operator").toObject().value(u"statusSince");
    QVERIFY(parseTime(breakSince) >= parseTime(lunchSince));
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"break"_s);
    QCOMPARE(latestOperator(*boris, annaId).value(u"statusSince").toString(), breakSince.toString());
    QVERIFY(listedWithStatus(server(), kAnna, u"break"_s));

    // The stored status outlives the session: a new login is told the same status and time.
    QJsonObject again;
    QVERIFY(loginOperator(server(), kAnna, QString(), &again));
    QCOMPARE(again.value(u"operator").toObject().value(u"status").toString(), u"break"_s);
    QCOMPARE(again.value(u"operator").toObject().value(u"statusSince").toString(), breakSince.toString());
}

void TestStatuses::onlyOnlineOperatorsGetNewDialogs_data()
{
    QTest::addColumn<QString>("status");
    for (const QString &status : {u"invisible"_s, u"before_lunch"_s, u"lunch"_s, u"break"_s, u"offline"_s})
        QTest::newRow(qPrintable(status)) << status;
}

void TestStatuses::onlyOnlineOperatorsGetNewDialogs()
{
    QFETCH(QString, status);
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, status, &hello);
    // Boris watches; Invisible, he sees the dialog but is never given it either.
    auto boris = loginOperator(server(), kBoris, u"invisible"_s);
    QVERIFY(anna && boris);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));

    auto visitor = connectVisitor(server());
    QVERIFY(visitor);
    const qint64 dialogId = openDialog(*visitor);
    QVERIFY(dialogId > 0);
    QVERIFY(settle(server(), {boris.get()}));
    QVERIFY(!latestDialog(*boris, dialogId).isEmpty());
    QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), 0);

    // The moment Anna is Online the waiting dialog is hers (the common queue drains).
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    QCOMPARE(waitAssigned(*boris, dialogId), annaId);
}

void TestStatuses::invisibleOperatorWorksWhileVisitorsSeeNobody()
{
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QVERIFY(anna);
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    QJsonObject firstHello;
    auto firstVisitor = connectVisitor(server(), &firstHello);
    QVERIFY(firstVisitor);
    QCOMPARE(firstHello.value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), true);

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"invisible"_s}})));
    const QJsonObject flipped = data(firstVisitor->waitEvent(u"operators.available"_s));
    QVERIFY(flipped.contains(u"available"));
    QCOMPARE(flipped.value(u"available").toBool(), false);
    QVERIFY(departmentNamed(flipped, u"Support"_s).contains(u"available"));
    QCOMPARE(departmentNamed(flipped, u"Support"_s).value(u"available").toBool(), false);

    QJsonObject secondHello;
    auto visitor = connectVisitor(server(), &secondHello);
    QVERIFY(visitor);
    QCOMPARE(secondHello.value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), false);
    QCOMPARE(departmentNamed(secondHello, u"Support"_s).value(u"available").toBool(), false);

    // Nobody is given the dialog, yet the invisible operator sees it, takes it and answers.
    const qint64 dialogId = openDialog(*visitor, u"Is anybody there?"_s);
    QVERIFY(dialogId > 0);
    QVERIFY(settle(server(), {anna.get()}));
    QVERIFY(!latestDialog(*anna, dialogId).isEmpty());
    QCOMPARE(idOf(latestDialog(*anna, dialogId).value(u"operatorId")), 0);
    const QJsonObject taken = anna->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY2(isResult(taken), qPrintable(errorCode(taken)));
    QCOMPARE(idOf(data(taken).value(u"dialog").toObject().value(u"operatorId")), annaId);
    QCOMPARE(data(taken).value(u"dialog").toObject().value(u"state").toString(), u"active"_s);
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Yes, I am here."_s)));
    QTRY_VERIFY(!messageWithText(*visitor, u"Yes, I am here."_s).isEmpty());
    QCOMPARE(history(*anna, dialogId).size(), 2);
}

void TestStatuses::offlineOperatorHasNoAccessToDialogsOrChat()
{
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(anna);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));
    auto firstVisitor = connectVisitor(server());
    QVERIFY(firstVisitor);
    const qint64 hers = openDialog(*firstVisitor);
    QCOMPARE(waitAssigned(*anna, hers), annaId);
    QVERIFY(isResult(operatorSend(*anna, hers, u"Hello from Anna"_s)));
    QVERIFY(
        isResult(anna->request(u"chat.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Back in a moment"_s}})));

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    auto secondVisitor = connectVisitor(server());
    QVERIFY(secondVisitor);
    const qint64 unassigned = openDialog(*secondVisitor);
    QVERIFY(unassigned > 0);

    QCOMPARE(errorCode(anna->request(u"dialog.take"_s, {{u"dialogId"_s, unassigned}})), u"forbidden"_s);
    QCOMPARE(errorCode(operatorSend(*anna, hers, u"Sent while offline"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"history.get"_s, {{u"dialogId"_s, hers}})), u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"dialog.close"_s, {{u"dialogId"_s, hers}})), u"forbidden"_s);
    QCOMPARE(errorCode(transfer(*anna, hers, {{u"queue"_s, true}})), u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"chat.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"psst"_s}})),
             u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"chat.history"_s)), u"forbidden"_s);
    QVERIFY(anna->isOpen()); // the rest of the app works: the session and status changes

    // Back Online, everything is as it was: her dialog still hers, nothing of the refused send.
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    const QList<QJsonObject> lines = history(*anna, hers);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.last().value(u"text").toString(), u"Hello from Anna"_s);
    QVERIFY(messageWithText(*firstVisitor, u"Sent while offline"_s).isEmpty());
    QVERIFY(isResult(operatorSend(*anna, hers, u"Still here"_s)));
    QVERIFY(isResult(anna->request(u"dialog.take"_s, {{u"dialogId"_s, unassigned}})));
}

void TestStatuses::waitingDialogsAreGivenBackOrKept_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("givesBack");
    QTest::newRow("lunch") << u"lunch"_s << true;
    QTest::newRow("break") << u"break"_s << true;
    QTest::newRow("offline") << u"offline"_s << true;
    QTest::newRow("invisible") << u"invisible"_s << false;
    QTest::newRow("before_lunch") << u"before_lunch"_s << false;
}

void TestStatuses::waitingDialogsAreGivenBackOrKept()
{
    QFETCH(QString, status);
    QFETCH(bool, givesBack);
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QVERIFY(anna);
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    auto waitingVisitor = connectVisitor(server());
    auto answeredVisitor = connectVisitor(server());
    QVERIFY(waitingVisitor && answeredVisitor);
    const qint64 waiting = openDialog(*waitingVisitor);
    QCOMPARE(waitAssigned(*anna, waiting), annaId);
    const qint64 answered = openDialog(*answeredVisitor);
    QCOMPARE(waitAssigned(*anna, answered), annaId);
    QVERIFY(isResult(operatorSend(*anna, answered, u"I am on it"_s)));

    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = idOf(borisHello.value(u"operator").toObject().value(u"id"));

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, status}})));
    if (givesBack) {
        QTRY_COMPARE(idOf(latestDialog(*boris, waiting).value(u"operatorId")), borisId);
        QCOMPARE(latestDialog(*boris, waiting).value(u"state").toString(), u"waiting"_s);
    }
    QVERIFY(settle(server(), {anna.get(), boris.get()}));
    if (!givesBack) {
        QCOMPARE(idOf(latestDialog(*anna, waiting).value(u"operatorId")), annaId);
        const QJsonObject seenByBoris = latestDialog(*boris, waiting);
        QVERIFY(seenByBoris.isEmpty() || idOf(seenByBoris.value(u"operatorId")) == annaId);
    }
    // The answered (active) dialog stays hers whatever the status.
    const QJsonObject activeSeenByBoris = latestDialog(*boris, answered);
    QVERIFY(activeSeenByBoris.isEmpty() || idOf(activeSeenByBoris.value(u"operatorId")) == annaId);
    QCOMPARE(idOf(latestDialog(*anna, answered).value(u"operatorId")), annaId);
}

void TestStatuses::beforeLunchWithNoDialogIsLunchAtOnce()
{
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && boris);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"before_lunch"_s}})));
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"lunch"_s);
    QVERIFY(parseTime(latestOperator(*boris, annaId).value(u"statusSince")).isValid());
    QVERIFY(listedWithStatus(server(), kAnna, u"lunch"_s));
}

void TestStatuses::beforeLunchBecomesLunchWhenTheLastDialogCloses()
{
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(anna);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));
    auto firstVisitor = connectVisitor(server());
    auto secondVisitor = connectVisitor(server());
    QVERIFY(firstVisitor && secondVisitor);
    const qint64 first = openDialog(*firstVisitor);
    QCOMPARE(waitAssigned(*anna, first), annaId);
    const qint64 second = openDialog(*secondVisitor);
    QCOMPARE(waitAssigned(*anna, second), annaId);
    QVERIFY(isResult(operatorSend(*anna, first, u"Hi, first"_s)));
    QVERIFY(isResult(operatorSend(*anna, second, u"Hi, second"_s)));
    auto boris = loginOperator(server(), kBoris, u"invisible"_s);
    QVERIFY(boris);

    const QJsonObject set = anna->request(u"status.set"_s, {{u"status"_s, u"before_lunch"_s}});
    QVERIFY(isResult(set));
    QCOMPARE(data(set).value(u"operator").toObject().value(u"status").toString(), u"before_lunch"_s);

    // No new dialog for her meanwhile.
    auto latecomer = connectVisitor(server());
    QVERIFY(latecomer);
    const qint64 late = openDialog(*latecomer);
    QVERIFY(late > 0);
    QVERIFY(settle(server(), {boris.get()}));
    QCOMPARE(idOf(latestDialog(*boris, late).value(u"operatorId")), 0);

    // Closing one of two: still Before lunch.
    QVERIFY(isResult(anna->request(u"dialog.close"_s, {{u"dialogId"_s, first}})));
    QVERIFY(settle(server(), {boris.get()}));
    const QJsonObject afterFirst = latestOperator(*boris, annaId);
    QVERIFY(afterFirst.isEmpty() || afterFirst.value(u"status").toString() == u"before_lunch");

    // The visitor closes the last one: Lunch.
    QVERIFY(isResult(secondVisitor->request(u"dialog.close"_s)));
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"lunch"_s);
    QVERIFY(listedWithStatus(server(), kAnna, u"lunch"_s));
}

void TestStatuses::beforeLunchBecomesLunchWhenTheLastDialogIsTransferred()
{
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QVERIFY(anna);
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    auto visitor = connectVisitor(server());
    QVERIFY(visitor);
    const qint64 dialogId = openDialog(*visitor);
    QCOMPARE(waitAssigned(*anna, dialogId), annaId);
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Let me find a colleague"_s)));
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = idOf(borisHello.value(u"operator").toObject().value(u"id"));

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"before_lunch"_s}})));
    QVERIFY(settle(server(), {boris.get()}));
    QCOMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"before_lunch"_s);
    const QJsonObject moved = transfer(*anna, dialogId, {{u"operatorId"_s, borisId}});
    QVERIFY2(isResult(moved), qPrintable(errorCode(moved)));
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"lunch"_s);
}

void TestStatuses::beforeLunchBecomesLunchWhenTheLastSocketDrops()
{
    // Her only dialog is unanswered: when her machine goes away it goes back to the pool, and
    // with nothing left to finish she is at lunch.
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(server());
    QVERIFY(anna && visitor);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));
    const qint64 dialogId = openDialog(*visitor);
    QCOMPARE(waitAssigned(*anna, dialogId), annaId);
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"before_lunch"_s}})));
    auto boris = loginOperator(server(), kBoris, u"invisible"_s);
    QVERIFY(boris);
    QVERIFY(settle(server(), {boris.get()}));

    anna.reset(); // socket closed
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), 0);
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"status").toString(), u"lunch"_s);
    QVERIFY(listedWithStatus(server(), kAnna, u"lunch"_s));
}

void TestStatuses::statusResultComesBeforeItsEvents()
{
    auto anna = loginOperator(server(), kAnna, u"online"_s);
    QVERIFY(anna);
    QStringList arrivals; // "result" or the event's name, in the order the frames arrived
    connect(&anna->socket(), &QWebSocket::textMessageReceived, this, [&arrivals](const QString &text) {
        const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
        const QString type = frame.value(u"type").toString();
        arrivals.append(type == u"event" ? frame.value(u"name").toString() : type);
    });
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"lunch"_s}})));
    QTRY_VERIFY(arrivals.contains(u"operator.updated"_s));
    QCOMPARE(arrivals.first(), u"result"_s);
}

QTEST_GUILESS_MAIN(TestStatuses)
#include "tst_statuses.moc"
