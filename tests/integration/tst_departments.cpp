// SPDX-License-Identifier: GPL-3.0-or-later
// Departments as docs/protocol.md ("Departments and languages") defines them: visitors learn which
// departments someone can answer in, a dialog opened for a department goes only to its operators,
// and an unknown department is refused.
#include "ServerTestKit.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <vector>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;   // Support
const QString kBoris = u"boris@example.com"_s; // Billing

qint64 operatorIdOf(const QJsonObject &hello)
{
    return idOf(hello.value(u"operator").toObject().value(u"id"));
}

/// Whether \a withDepartments lists \a name with `available` equal to \a available.
bool listedAs(const QJsonObject &withDepartments, const QString &name, bool available)
{
    const QJsonObject department = departmentNamed(withDepartments, name);
    return department.contains(u"available") && department.value(u"available").toBool() == available;
}

/// The newest `operators.available` a visitor received; {} if none.
QJsonObject latestAvailability(const RawProtocolClient &visitor)
{
    const QList<QJsonObject> pushed = eventData(visitor, u"operators.available"_s);
    return pushed.isEmpty() ? QJsonObject() : pushed.last();
}

} // namespace

class TestDepartments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void visitorsSeeWhichDepartmentsCanBeReached();
    void dialogsOfADepartmentGoOnlyToItsOperators();
    void unknownDepartmentIsRefused();

private:
    ServerProcess &server() { return *m_server; }

    std::unique_ptr<ServerProcess> m_server;
};

void TestDepartments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDepartments::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Billing"_s}));
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s, {u"--department"_s, u"Support"_s}));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s, {u"--department"_s, u"Billing"_s}));
    // The seeded demo operator (department Sales) never logs in here.
    QVERIFY2(server().start({u"--max-dialogs"_s, u"10"_s}), qPrintable(server().output()));
}

void TestDepartments::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_server.reset();
}

void TestDepartments::visitorsSeeWhichDepartmentsCanBeReached()
{
    QJsonObject nobodyHello;
    auto watching = connectVisitor(server(), &nobodyHello);
    QVERIFY(watching);
    QCOMPARE(nobodyHello.value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), false);
    QVERIFY(listedAs(nobodyHello, u"Sales"_s, false));
    QVERIFY(listedAs(nobodyHello, u"Support"_s, false));
    QVERIFY(listedAs(nobodyHello, u"Billing"_s, false));

    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    QTRY_COMPARE(latestAvailability(*watching).value(u"available").toBool(), true);
    QVERIFY(listedAs(latestAvailability(*watching), u"Support"_s, true));
    QVERIFY(listedAs(latestAvailability(*watching), u"Billing"_s, false));
    QVERIFY(listedAs(latestAvailability(*watching), u"Sales"_s, false));

    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    QJsonObject bothHello;
    QVERIFY(connectVisitor(server(), &bothHello));
    QCOMPARE(bothHello.value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), true);
    QVERIFY(listedAs(bothHello, u"Support"_s, true));
    QVERIFY(listedAs(bothHello, u"Billing"_s, true));

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"lunch"_s}})));
    QJsonObject borisOnlyHello;
    QVERIFY(connectVisitor(server(), &borisOnlyHello));
    QCOMPARE(borisOnlyHello.value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), true);
    QVERIFY(listedAs(borisOnlyHello, u"Support"_s, false));
    QVERIFY(listedAs(borisOnlyHello, u"Billing"_s, true));

    // The last one leaves: the visitor who has been here all along is told at once.
    QVERIFY(isResult(boris->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    QTRY_COMPARE(latestAvailability(*watching).value(u"available").toBool(), false);
    QVERIFY(listedAs(latestAvailability(*watching), u"Billing"_s, false));
    QVERIFY(listedAs(latestAvailability(*watching), u"Support"_s, false));
}

void TestDepartments::dialogsOfADepartmentGoOnlyToItsOperators()
{
    QJsonObject annaHello, borisHello, visitorHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(anna && boris);
    const qint64 annaId = operatorIdOf(annaHello);
    const qint64 borisId = operatorIdOf(borisHello);
    QVERIFY(connectVisitor(server(), &visitorHello));
    const qint64 support = departmentId(visitorHello, u"Support"_s);
    const qint64 billing = departmentId(visitorHello, u"Billing"_s);
    QVERIFY(support > 0 && billing > 0);
    QCOMPARE(departmentId(annaHello, u"Support"_s), support); // operators get the same list
    QCOMPARE(annaHello.value(u"operator").toObject().value(u"departmentIds").toArray(), QJsonArray{support});

    std::vector<std::unique_ptr<RawProtocolClient>> visitors;
    QList<qint64> supportDialogs;
    for (int i = 0; i < 4; ++i) { // all to Anna, although Boris has fewer
        visitors.push_back(connectVisitor(server()));
        QVERIFY(visitors.back());
        supportDialogs.append(openDialog(*visitors.back(), u"My account is locked"_s, support));
        QVERIFY(supportDialogs.last() > 0);
        QCOMPARE(waitAssigned(*anna, supportDialogs.last()), annaId);
        QCOMPARE(idOf(latestDialog(*anna, supportDialogs.last()).value(u"departmentId")), support);
    }
    for (int i = 0; i < 2; ++i) {
        visitors.push_back(connectVisitor(server()));
        QVERIFY(visitors.back());
        const qint64 dialogId = openDialog(*visitors.back(), u"Where is my invoice?"_s, billing);
        QCOMPARE(waitAssigned(*anna, dialogId), borisId);
        QCOMPARE(idOf(latestDialog(*anna, dialogId).value(u"departmentId")), billing);
    }
    // Without a department: anyone, so the least loaded (Boris, 2 against 4).
    visitors.push_back(connectVisitor(server()));
    QVERIFY(visitors.back());
    const qint64 anyDialog = openDialog(*visitors.back(), u"A general question"_s);
    QCOMPARE(waitAssigned(*anna, anyDialog), borisId);
    QCOMPARE(idOf(latestDialog(*anna, anyDialog).value(u"departmentId")), 0);

    // Anna goes to lunch: her unanswered Support dialogs are given back, but not to Boris.
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"lunch"_s}})));
    QTRY_COMPARE(idOf(latestDialog(*boris, supportDialogs.first()).value(u"operatorId")), 0);
    QVERIFY(settle(server(), {boris.get()}));
    for (const qint64 dialogId : supportDialogs) {
        QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), 0);
        QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"departmentId")), support);
    }
    // Back from lunch, they are hers again.
    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    for (const qint64 dialogId : supportDialogs)
        QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), annaId);
}

void TestDepartments::unknownDepartmentIsRefused()
{
    auto anna = loginOperator(server(), kAnna);
    auto visitor = connectVisitor(server());
    QVERIFY(anna && visitor);
    QCOMPARE(
        errorCode(visitor->request(
            u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Hello"_s}, {u"departmentId"_s, 999999}})),
        u"bad_request"_s);
    QCOMPARE(errorCode(visitor->request(
                 u"message.send"_s,
                 {{u"cid"_s, newCid()}, {u"text"_s, u"Hello"_s}, {u"departmentId"_s, u"Support"_s}})),
             u"bad_request"_s);
    QCOMPARE(errorCode(visitor->request(u"offline.request"_s, {{u"cid"_s, newCid()},
                                                               {u"text"_s, u"Call me"_s},
                                                               {u"name"_s, u"Olga"_s},
                                                               {u"email"_s, u"olga@example.com"_s},
                                                               {u"phone"_s, u""_s},
                                                               {u"departmentId"_s, 999999}})),
             u"bad_request"_s);
    // Nothing was opened by the refused requests...
    QVERIFY(settle(server(), {anna.get()}));
    QVERIFY(eventData(*anna, u"dialog.updated"_s).isEmpty());
    QVERIFY(eventData(*anna, u"message.new"_s).isEmpty());
    // ...and the same visitor can still open a dialog without a department.
    const qint64 dialogId = openDialog(*visitor);
    QVERIFY(dialogId > 0);
    QVERIFY(waitAssigned(*anna, dialogId) > 0);
}

QTEST_GUILESS_MAIN(TestDepartments)
#include "tst_departments.moc"
