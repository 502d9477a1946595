// SPDX-License-Identifier: GPL-3.0-or-later
// Every kind of dialog.transfer as docs/protocol.md ("Transfer") defines it — to an operator, a
// department, a language, the common queue — with the history line, the receiver's view and the
// visitor's neutral line; and the refusals, which must leave the dialog exactly where it was.
#include "ServerTestKit.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;   // Support; en
const QString kBoris = u"boris@example.com"_s; // Support; en, ru
const QString kCarol = u"carol@example.com"_s; // Billing; de

qint64 operatorIdOf(const QJsonObject &hello)
{
    return idOf(hello.value(u"operator").toObject().value(u"id"));
}

/// The last stored line of the dialog as \a op reads it.
QJsonObject lastLine(RawProtocolClient &op, qint64 dialogId)
{
    const QList<QJsonObject> lines = history(op, dialogId);
    return lines.isEmpty() ? QJsonObject() : lines.last();
}

/// The system lines (`author` "system") the visitor received.
QList<QJsonObject> systemLines(const RawProtocolClient &visitor)
{
    QList<QJsonObject> lines;
    for (const QJsonObject &event : eventData(visitor, u"message.new"_s)) {
        if (event.value(u"message").toObject().value(u"author").toString() == u"system")
            lines.append(event.value(u"message").toObject());
    }
    return lines;
}

} // namespace

class TestTransfer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void toAnOperator();
    void toAnInvisibleOperator();
    void toADepartment();
    void toALanguage();
    void toALanguageReachesSpeakersInOtherDepartments();
    void anOfflineRequestHandedToTheQueueIsAssigned();
    void toTheQueueNeverBackToTheSender();
    void toSomeoneWhoLeftMeanwhileIsUnavailable_data();
    void toSomeoneWhoLeftMeanwhileIsUnavailable();
    void refusedTransfersChangeNothing();

private:
    ServerProcess &server() { return *m_server; }
    /// Anna logs in (Online), a new visitor writes, Anna is given the dialog and answers it.
    /// Sets m_anna, m_annaId, m_visitor and returns the dialog id (0 on failure).
    qint64 annaAnswersAVisitor();

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    qint64 m_annaId = 0;
    std::unique_ptr<RawProtocolClient> m_visitor;
};

void TestTransfer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTransfer::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Billing"_s}));
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s,
                           {u"--department"_s, u"Support"_s, u"--languages"_s, u"en"_s}));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s,
                           {u"--department"_s, u"Support"_s, u"--languages"_s, u"en,ru"_s}));
    QVERIFY(createOperator(server(), kCarol, u"Carol"_s,
                           {u"--department"_s, u"Billing"_s, u"--languages"_s, u"de"_s}));
    QVERIFY2(server().start({u"--max-dialogs"_s, u"10"_s}), qPrintable(server().output()));
}

void TestTransfer::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

qint64 TestTransfer::annaAnswersAVisitor()
{
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    m_visitor = connectVisitor(server());
    if (!m_anna || !m_visitor)
        return 0;
    m_annaId = operatorIdOf(hello);
    const qint64 dialogId = openDialog(*m_visitor, u"I would like a refund"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != m_annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Let me see who can help"_s)))
        return 0;
    return dialogId;
}

void TestTransfer::toAnOperator()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);

    const QJsonObject reply =
        transfer(*m_anna, dialogId, {{u"operatorId"_s, borisId}}, u"VIP, wants a refund"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject moved = data(reply).value(u"dialog").toObject();
    QCOMPARE(idOf(moved.value(u"operatorId")), borisId);
    QCOMPARE(moved.value(u"state").toString(), u"waiting"_s);
    QVERIFY(!moved.value(u"waitingSince").toString().isEmpty());
    const QJsonObject note = moved.value(u"transfer").toObject();
    QCOMPARE(idOf(note.value(u"fromOperatorId")), m_annaId);
    QCOMPARE(note.value(u"fromName").toString(), u"Anna"_s);
    QCOMPARE(note.value(u"comment").toString(), u"VIP, wants a refund"_s);
    QVERIFY(!note.value(u"at").toString().isEmpty());

    // Boris finds it waiting for him, with the comment.
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), borisId);
    QCOMPARE(latestDialog(*boris, dialogId).value(u"state").toString(), u"waiting"_s);
    QCOMPARE(latestDialog(*boris, dialogId).value(u"transfer").toObject().value(u"comment").toString(),
             u"VIP, wants a refund"_s);

    // The history says who handed it to whom.
    const QJsonObject line = lastLine(*boris, dialogId);
    QCOMPARE(line.value(u"author").toString(), u"system"_s);
    QCOMPARE(line.value(u"event").toString(), u"transfer"_s);
    const QJsonObject meta = line.value(u"meta").toObject();
    QCOMPARE(idOf(meta.value(u"fromOperatorId")), m_annaId);
    QCOMPARE(meta.value(u"fromName").toString(), u"Anna"_s);
    QCOMPARE(meta.value(u"to").toString(), u"operator"_s);
    QCOMPARE(idOf(meta.value(u"toOperatorId")), borisId);
    QCOMPARE(meta.value(u"toName").toString(), u"Boris"_s);
    QCOMPARE(meta.value(u"comment").toString(), u"VIP, wants a refund"_s);

    // The visitor gets the same line, emptied of names and comment, and sees Boris's name.
    QTRY_COMPARE(systemLines(*m_visitor).size(), 1);
    const QJsonObject neutral = systemLines(*m_visitor).first();
    QCOMPARE(neutral.value(u"event").toString(), u"transfer"_s);
    QVERIFY(neutral.contains(u"text"));
    QCOMPARE(neutral.value(u"text").toString(), QString());
    QVERIFY(neutral.value(u"meta").toObject().isEmpty());
    QVERIFY(neutral.value(u"operatorId").isNull());
    QTRY_COMPARE(latestDialog(*m_visitor, dialogId).value(u"operatorName").toString(), u"Boris"_s);

    // It is Boris's now.
    QCOMPARE(errorCode(operatorSend(*m_anna, dialogId, u"Anna again"_s)), u"forbidden"_s);
    QVERIFY(isResult(operatorSend(*boris, dialogId, u"Boris here, refund on its way"_s)));
    QTRY_VERIFY(!messageWithText(*m_visitor, u"Boris here, refund on its way"_s).isEmpty());
}

void TestTransfer::toAnInvisibleOperator()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"invisible"_s, &borisHello);
    QVERIFY(boris);
    const QJsonObject reply = transfer(*m_anna, dialogId, {{u"operatorId"_s, operatorIdOf(borisHello)}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(idOf(data(reply).value(u"dialog").toObject().value(u"operatorId")), operatorIdOf(borisHello));
}

void TestTransfer::toADepartment()
{
    // Carol (Billing) already has a dialog; Boris (Support) has none but is not in Billing.
    QJsonObject carolHello;
    auto carol = loginOperator(server(), kCarol, u"online"_s, &carolHello);
    QVERIFY(carol);
    const qint64 carolId = operatorIdOf(carolHello);
    auto earlyVisitor = connectVisitor(server());
    QVERIFY(earlyVisitor);
    QCOMPARE(waitAssigned(*carol, openDialog(*earlyVisitor)), carolId);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    const qint64 billing = departmentId(carolHello, u"Billing"_s);
    QVERIFY(billing > 0);

    const QJsonObject reply =
        transfer(*m_anna, dialogId, {{u"departmentId"_s, billing}}, u"Invoice question"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(idOf(data(reply).value(u"dialog").toObject().value(u"departmentId")), billing);
    QCOMPARE(data(reply).value(u"dialog").toObject().value(u"state").toString(), u"waiting"_s);
    // (Carol has seen it as Anna's before: wait for the new assignment, not just any.)
    QTRY_COMPARE(idOf(latestDialog(*carol, dialogId).value(u"operatorId")), carolId);
    QCOMPARE(idOf(latestDialog(*carol, dialogId).value(u"departmentId")), billing);
    QCOMPARE(latestDialog(*carol, dialogId).value(u"transfer").toObject().value(u"comment").toString(),
             u"Invoice question"_s);

    const QJsonObject meta = lastLine(*carol, dialogId).value(u"meta").toObject();
    QCOMPARE(lastLine(*carol, dialogId).value(u"event").toString(), u"transfer"_s);
    QCOMPARE(meta.value(u"to").toString(), u"department"_s);
    QCOMPARE(idOf(meta.value(u"departmentId")), billing);
    QCOMPARE(meta.value(u"departmentName").toString(), u"Billing"_s);
    QCOMPARE(meta.value(u"fromName").toString(), u"Anna"_s);
    QTRY_COMPARE(systemLines(*m_visitor).size(), 1);
    QCOMPARE(systemLines(*m_visitor).first().value(u"text").toString(), QString());
}

void TestTransfer::toALanguage()
{
    // Boris (ru) already has a dialog; Carol (de) has none but does not speak Russian.
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);
    auto earlyVisitor = connectVisitor(server());
    QVERIFY(earlyVisitor);
    QCOMPARE(waitAssigned(*boris, openDialog(*earlyVisitor)), borisId);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto carol = loginOperator(server(), kCarol);
    QVERIFY(carol);

    const QJsonObject reply =
        transfer(*m_anna, dialogId, {{u"language"_s, u"ru"_s}}, u"Speaks Russian only"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(data(reply).value(u"dialog").toObject().value(u"language").toString(), u"ru"_s);
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), borisId);
    QCOMPARE(latestDialog(*boris, dialogId).value(u"language").toString(), u"ru"_s);
    const QJsonObject meta = lastLine(*boris, dialogId).value(u"meta").toObject();
    QCOMPARE(meta.value(u"to").toString(), u"language"_s);
    QCOMPARE(meta.value(u"language").toString(), u"ru"_s);
    QCOMPARE(meta.value(u"comment").toString(), u"Speaks Russian only"_s);

    // Nobody speaking French is online: refused, and the dialog stays with Boris.
    const qsizetype lines = history(*boris, dialogId).size();
    QCOMPARE(errorCode(transfer(*boris, dialogId, {{u"language"_s, u"fr"_s}})), u"unavailable"_s);
    QCOMPARE(history(*boris, dialogId).size(), lines);
    QVERIFY(settle(server(), {boris.get()}));
    QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), borisId);
    QCOMPARE(latestDialog(*boris, dialogId).value(u"language").toString(), u"ru"_s);
}

void TestTransfer::toALanguageReachesSpeakersInOtherDepartments()
{
    // The visitor chose Support; only Carol (Billing) speaks German. A language transfer means
    // "whoever speaks it", so the department no longer narrows it.
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QJsonObject carolHello;
    auto carol = loginOperator(server(), kCarol, u"online"_s, &carolHello);
    m_visitor = connectVisitor(server());
    QVERIFY(m_anna && carol && m_visitor);
    m_annaId = operatorIdOf(hello);
    const qint64 dialogId = openDialog(*m_visitor, u"Guten Tag"_s, departmentId(hello, u"Support"_s));
    QCOMPARE(waitAssigned(*m_anna, dialogId), m_annaId);

    const QJsonObject reply = transfer(*m_anna, dialogId, {{u"language"_s, u"de"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(idOf(data(reply).value(u"dialog").toObject().value(u"departmentId")), 0);
    QTRY_COMPARE(idOf(latestDialog(*carol, dialogId).value(u"operatorId")), operatorIdOf(carolHello));
}

void TestTransfer::anOfflineRequestHandedToTheQueueIsAssigned()
{
    // Left while nobody was online; it waits to be taken, until Anna hands it to the pool.
    auto visitor = connectVisitor(server());
    QVERIFY(visitor);
    const QJsonObject left = visitor->request(u"offline.request"_s, {{u"cid"_s, newCid()},
                                                                     {u"text"_s, u"Call me back"_s},
                                                                     {u"name"_s, u"Eve"_s},
                                                                     {u"phone"_s, u"+1 555 0100"_s}});
    QVERIFY2(isResult(left), qPrintable(errorCode(left)));
    const qint64 dialogId = idOf(data(left).value(u"message").toObject().value(u"dialogId"));
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(m_anna && boris);
    QVERIFY(settle(server(), {m_anna.get(), boris.get()}));
    QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), 0); // not auto-assigned

    const QJsonObject reply = transfer(*m_anna, dialogId, {{u"queue"_s, true}}, u"Boris, yours?"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), operatorIdOf(borisHello));
}

void TestTransfer::toTheQueueNeverBackToTheSender()
{
    // Boris is busier than Anna, yet the dialog Anna puts back must not return to her.
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);
    auto early1 = connectVisitor(server());
    auto early2 = connectVisitor(server());
    QVERIFY(early1 && early2);
    QCOMPARE(waitAssigned(*boris, openDialog(*early1)), borisId);
    QCOMPARE(waitAssigned(*boris, openDialog(*early2)), borisId);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);

    const QJsonObject reply = transfer(*m_anna, dialogId, {{u"queue"_s, true}}, u"Out of my depth"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(data(reply).value(u"dialog").toObject().value(u"state").toString(), u"waiting"_s);
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), borisId);
    const QJsonObject meta = lastLine(*boris, dialogId).value(u"meta").toObject();
    QCOMPARE(lastLine(*boris, dialogId).value(u"event").toString(), u"transfer"_s);
    QCOMPARE(meta.value(u"to").toString(), u"queue"_s);
    QCOMPARE(meta.value(u"comment").toString(), u"Out of my depth"_s);
    QVERIFY(settle(server(), {m_anna.get(), boris.get()}));
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"operatorId")), borisId);
}

void TestTransfer::toSomeoneWhoLeftMeanwhileIsUnavailable_data()
{
    QTest::addColumn<QString>("leaving"); // a status, or "disconnected"
    for (const QString &how : {u"offline"_s, u"lunch"_s, u"break"_s, u"before_lunch"_s, u"disconnected"_s})
        QTest::newRow(qPrintable(how)) << how;
}

void TestTransfer::toSomeoneWhoLeftMeanwhileIsUnavailable()
{
    QFETCH(QString, leaving);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);
    if (leaving == u"disconnected") {
        boris.reset();
        QTRY_VERIFY(latestOperator(*m_anna, borisId).contains(u"connected") &&
                    !latestOperator(*m_anna, borisId).value(u"connected").toBool());
    } else {
        QVERIFY(isResult(boris->request(u"status.set"_s, {{u"status"_s, leaving}})));
        QTRY_VERIFY(!latestOperator(*m_anna, borisId).isEmpty() &&
                    latestOperator(*m_anna, borisId).value(u"status").toString() != u"online");
    }
    const QList<QJsonObject> before = history(*m_anna, dialogId);

    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"operatorId"_s, borisId}}, u"Please take this"_s)),
             u"unavailable"_s);

    // Nothing moved: still Anna's and active, no transfer noted, no line written or shown.
    QCOMPARE(history(*m_anna, dialogId), before);
    QVERIFY(settle(server(), {m_anna.get()}));
    const QJsonObject now = latestDialog(*m_anna, dialogId);
    QCOMPARE(idOf(now.value(u"operatorId")), m_annaId);
    QCOMPARE(now.value(u"state").toString(), u"active"_s);
    QVERIFY(now.value(u"transfer").toObject().isEmpty());
    // A round trip: anything sent to the visitor before has arrived.
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(systemLines(*m_visitor).isEmpty());
    QVERIFY(isResult(operatorSend(*m_anna, dialogId, u"Still with you"_s)));
}

void TestTransfer::refusedTransfersChangeNothing()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    const QList<QJsonObject> before = history(*m_anna, dialogId);
    QCOMPARE(before.size(), 2);

    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"operatorId"_s, 999999}})), u"not_found"_s);
    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"departmentId"_s, 999999}})), u"not_found"_s);
    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"operatorId"_s, m_annaId}})), u"bad_request"_s);
    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {})), u"bad_request"_s);
    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"queue"_s, true}, {u"operatorId"_s, 999999}})),
             u"bad_request"_s);
    QCOMPARE(errorCode(m_anna->request(u"dialog.transfer"_s, {{u"dialogId"_s, dialogId}})), u"bad_request"_s);
    QCOMPARE(errorCode(transfer(*m_anna, 999999, {{u"queue"_s, true}})), u"not_found"_s);

    QCOMPARE(history(*m_anna, dialogId), before);
    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"operatorId")), m_annaId);
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"active"_s);
    // A round trip: anything sent to the visitor before has arrived.
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(systemLines(*m_visitor).isEmpty());

    // A closed dialog cannot be handed over.
    QVERIFY(isResult(m_visitor->request(u"dialog.close"_s)));
    QCOMPARE(errorCode(transfer(*m_anna, dialogId, {{u"queue"_s, true}})), u"forbidden"_s);
}

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
