// SPDX-License-Identifier: GPL-3.0-or-later
// Roles and who sees which dialog (docs/protocol.md, "Roles and who sees which dialog"), enforced by
// the server against crafted requests: with "hide others' dialogs" on, a plain operator can neither
// see nor touch a colleague's dialog; supervisors and admins watch silently and take over; with the
// setting off, colleagues' dialogs are read-only.
#include "ServerTestKit.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kSam = u"sam@example.com"_s; // supervisor
const QString kAda = u"ada@example.com"_s; // admin

qint64 operatorIdOf(const QJsonObject &hello)
{
    return idOf(hello.value(u"operator").toObject().value(u"id"));
}

bool snapshotHasDialog(const QJsonObject &hello, qint64 dialogId)
{
    for (const QJsonValue &dialog : hello.value(u"snapshot").toObject().value(u"dialogs").toArray()) {
        if (idOf(dialog.toObject().value(u"id")) == dialogId)
            return true;
    }
    return false;
}

/// Texts of the snapshot's messages of \a dialogId.
QStringList snapshotTexts(const QJsonObject &hello, qint64 dialogId)
{
    QStringList texts;
    for (const QJsonValue &message : hello.value(u"snapshot").toObject().value(u"messages").toArray()) {
        if (idOf(message.toObject().value(u"dialogId")) == dialogId)
            texts.append(message.toObject().value(u"text").toString());
    }
    return texts;
}

bool gotVisitorTyping(const RawProtocolClient &op, qint64 dialogId)
{
    for (const QJsonObject &typing : eventData(op, u"typing"_s)) {
        if (idOf(typing.value(u"dialogId")) == dialogId && typing.value(u"author").toString() == u"visitor" &&
            typing.value(u"typing").toBool())
            return true;
    }
    return false;
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void hiddenDialogIsRefusedToForgedRequests();
    void operatorLosesSightOfADialogAColleagueTakes();
    void supervisorWatchesSilentlyAndTakesOver_data();
    void supervisorWatchesSilentlyAndTakesOver();
    void supervisorMayTransferAndCloseOthersDialogs();
    void takingOverOnesOwnWaitingDialogMakesItActive();
    void withTheSettingOffColleaguesDialogsAreReadOnly();

private:
    bool start(const QStringList &serverArgs);
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) is given a new visitor's dialog and answers it; sets m_anna, m_annaId,
    /// m_visitor; returns the dialog id (0 on failure).
    qint64 annaAnswersAVisitor();

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    qint64 m_annaId = 0;
    std::unique_ptr<RawProtocolClient> m_visitor;
};

void TestRoles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRoles::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

bool TestRoles::start(const QStringList &serverArgs)
{
    m_server = std::make_unique<ServerProcess>();
    if (!createOperator(server(), kAnna, u"Anna"_s) || !createOperator(server(), kBoris, u"Boris"_s) ||
        !createOperator(server(), kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}) ||
        !createOperator(server(), kAda, u"Ada"_s, {u"--role"_s, u"admin"_s}))
        return false;
    if (!server().start(QStringList{u"--max-dialogs"_s, u"10"_s} + serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

qint64 TestRoles::annaAnswersAVisitor()
{
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    m_visitor = connectVisitor(server());
    if (!m_anna || !m_visitor)
        return 0;
    m_annaId = operatorIdOf(hello);
    const qint64 dialogId = openDialog(*m_visitor, u"My order number is 4711"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != m_annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Anna here, let me check"_s)))
        return 0;
    return dialogId;
}

void TestRoles::hiddenDialogIsRefusedToForgedRequests()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    const qint64 borisId = operatorIdOf(borisHello);
    QCOMPARE(borisHello.value(u"settings").toObject().value(u"hideOthersDialogs").toBool(), true);
    QVERIFY(!snapshotHasDialog(borisHello, dialogId));
    QVERIFY(snapshotTexts(borisHello, dialogId).isEmpty());

    // The visitor writes and types: Anna hears it, Boris nothing.
    QVERIFY(
        isResult(m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Any news?"_s}})));
    m_visitor->sendFrame({{u"type"_s, u"typing"_s}, {u"typing"_s, true}});
    QTRY_VERIFY(!messageWithText(*m_anna, u"Any news?"_s).isEmpty());
    QTRY_VERIFY(gotVisitorTyping(*m_anna, dialogId));
    QVERIFY(settle(server(), {boris.get()}));
    QVERIFY(!sawDialog(*boris, dialogId));
    const QList<QJsonObject> before = history(*m_anna, dialogId);
    QCOMPARE(before.size(), 3);

    // Crafted requests for a dialog Boris cannot see: as if it did not exist.
    QCOMPARE(errorCode(boris->request(u"history.get"_s, {{u"dialogId"_s, dialogId}})), u"not_found"_s);
    QCOMPARE(errorCode(operatorSend(*boris, dialogId, u"Boris butts in"_s)), u"not_found"_s);
    QCOMPARE(errorCode(boris->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}})), u"not_found"_s);
    QCOMPARE(errorCode(boris->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})), u"not_found"_s);
    QCOMPARE(errorCode(transfer(*boris, dialogId, {{u"queue"_s, true}})), u"not_found"_s);
    QCOMPARE(errorCode(transfer(*boris, dialogId, {{u"operatorId"_s, borisId}})), u"not_found"_s);
    const QString takeover = errorCode(boris->request(u"dialog.takeover"_s, {{u"dialogId"_s, dialogId}}));
    QVERIFY2(takeover == u"forbidden" || takeover == u"not_found", qPrintable(takeover));
    boris->sendFrame({{u"type"_s, u"typing"_s}, {u"dialogId"_s, dialogId}, {u"typing"_s, true}});

    // Nothing changed, and the visitor saw nothing of Boris.
    QCOMPARE(history(*m_anna, dialogId), before);
    QVERIFY(settle(server(), {m_anna.get(), boris.get()}));
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"operatorId")), m_annaId);
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"active"_s);
    QVERIFY(!sawDialog(*boris, dialogId));
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(messageWithText(*m_visitor, u"Boris butts in"_s).isEmpty());
    QVERIFY(eventData(*m_visitor, u"typing"_s).isEmpty());
    QVERIFY(isResult(operatorSend(*m_anna, dialogId, u"Your parcel left today"_s)));
}

void TestRoles::operatorLosesSightOfADialogAColleagueTakes()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s, u"--auto-assign"_s, u"off"_s}));
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto boris = loginOperator(server(), kBoris);
    auto visitor = connectVisitor(server());
    QVERIFY(anna && boris && visitor);
    const qint64 dialogId = openDialog(*visitor, u"Hello?"_s);
    QVERIFY(dialogId > 0);
    // Unassigned, it is everybody's to see.
    QTRY_VERIFY(!messageWithText(*boris, u"Hello?"_s).isEmpty());
    QVERIFY(!latestDialog(*boris, dialogId).isEmpty());

    QVERIFY(isResult(anna->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}})));
    // Boris is told it is Anna's (so his list drops it), then hears no more of it.
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"operatorId")), operatorIdOf(annaHello));
    QVERIFY(isResult(
        visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Only for Anna"_s}})));
    QTRY_VERIFY(!messageWithText(*anna, u"Only for Anna"_s).isEmpty());
    QVERIFY(settle(server(), {boris.get()}));
    QVERIFY(messageWithText(*boris, u"Only for Anna"_s).isEmpty());
    QCOMPARE(errorCode(boris->request(u"history.get"_s, {{u"dialogId"_s, dialogId}})), u"not_found"_s);
}

void TestRoles::supervisorWatchesSilentlyAndTakesOver_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("name");
    QTest::newRow("supervisor") << kSam << u"Sam"_s;
    QTest::newRow("admin") << kAda << u"Ada"_s;
}

void TestRoles::supervisorWatchesSilentlyAndTakesOver()
{
    QFETCH(QString, email);
    QFETCH(QString, name);
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/cart"_s}})));
    const qsizetype visitorEventsBefore = m_visitor->events().size();

    QJsonObject watcherHello;
    auto watcher = loginOperator(server(), email, u"invisible"_s, &watcherHello);
    QVERIFY(watcher);
    const qint64 watcherId = operatorIdOf(watcherHello);
    QVERIFY(snapshotHasDialog(watcherHello, dialogId));
    QCOMPARE(snapshotTexts(watcherHello, dialogId),
             (QStringList{u"My order number is 4711"_s, u"Anna here, let me check"_s}));
    QCOMPARE(history(*watcher, dialogId).size(), 2);

    // Live: the visitor's lines, typing and pages.
    QVERIFY(isResult(
        m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Still there?"_s}})));
    m_visitor->sendFrame({{u"type"_s, u"typing"_s}, {u"typing"_s, true}});
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/checkout"_s}})));
    QTRY_VERIFY(!messageWithText(*watcher, u"Still there?"_s).isEmpty());
    QTRY_VERIFY(gotVisitorTyping(*watcher, dialogId));
    const auto sawCheckout = [&] {
        const QList<QJsonObject> updates = eventData(*watcher, u"visitor.updated"_s);
        return std::any_of(updates.cbegin(), updates.cend(), [](const QJsonObject &update) {
            return update.value(u"visitor")
                       .toObject()
                       .value(u"currentPage")
                       .toObject()
                       .value(u"url")
                       .toString() == u"https://shop.example/checkout";
        });
    };
    QTRY_VERIFY(sawCheckout());
    // Watching is silent: the visitor got the echo of their own line (and perhaps their dialog
    // waiting again, still with Anna), nothing else.
    const QList<QJsonObject> visitorEvents = m_visitor->events().mid(visitorEventsBefore);
    QVERIFY(!visitorEvents.isEmpty());
    for (const QJsonObject &event : visitorEvents) {
        const QString eventName = event.value(u"name").toString();
        if (eventName == u"message.new")
            QCOMPARE(data(event).value(u"message").toObject().value(u"author").toString(), u"visitor"_s);
        else if (eventName == u"dialog.updated")
            QCOMPARE(data(event).value(u"dialog").toObject().value(u"operatorName").toString(), u"Anna"_s);
        else
            QFAIL(qPrintable(u"the visitor was sent "_s + eventName));
    }
    // Watching is not writing.
    QCOMPARE(errorCode(operatorSend(*watcher, dialogId, u"Hello from above"_s)), u"forbidden"_s);

    const QJsonObject taken = watcher->request(u"dialog.takeover"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY2(isResult(taken), qPrintable(errorCode(taken)));
    const QJsonObject dialog = data(taken).value(u"dialog").toObject();
    QCOMPARE(idOf(dialog.value(u"operatorId")), watcherId);
    QCOMPARE(dialog.value(u"state").toString(), u"active"_s);
    QVERIFY(dialog.value(u"waitingSince").isNull());
    const QJsonObject line = history(*watcher, dialogId).last();
    QCOMPARE(line.value(u"author").toString(), u"system"_s);
    QCOMPARE(line.value(u"event").toString(), u"takeover"_s);
    const QJsonObject meta = line.value(u"meta").toObject();
    QCOMPARE(idOf(meta.value(u"fromOperatorId")), m_annaId);
    QCOMPARE(meta.value(u"fromName").toString(), u"Anna"_s);
    QCOMPARE(idOf(meta.value(u"toOperatorId")), watcherId);
    QCOMPARE(meta.value(u"toName").toString(), name);

    // Anna is told it moved, and may no longer act on it (nor, with the setting on, see it).
    QTRY_COMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"operatorId")), watcherId);
    QCOMPARE(errorCode(operatorSend(*m_anna, dialogId, u"Anna again"_s)), u"not_found"_s);
    QVERIFY(isResult(operatorSend(*watcher, dialogId, u"I will take it from here"_s)));
    QTRY_VERIFY(!messageWithText(*m_visitor, u"I will take it from here"_s).isEmpty());
    QTRY_COMPARE(latestDialog(*m_visitor, dialogId).value(u"operatorName").toString(), name);
}

void TestRoles::supervisorMayTransferAndCloseOthersDialogs()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 first = annaAnswersAVisitor();
    QVERIFY(first > 0);
    auto secondVisitor = connectVisitor(server());
    QVERIFY(secondVisitor);
    const qint64 second = openDialog(*secondVisitor);
    QCOMPARE(waitAssigned(*m_anna, second), m_annaId);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    auto sam = loginOperator(server(), kSam, u"invisible"_s);
    QVERIFY(boris && sam);

    const QJsonObject moved = transfer(*sam, first, {{u"operatorId"_s, operatorIdOf(borisHello)}});
    QVERIFY2(isResult(moved), qPrintable(errorCode(moved)));
    QTRY_COMPARE(idOf(latestDialog(*boris, first).value(u"operatorId")), operatorIdOf(borisHello));
    const QJsonObject closed = sam->request(u"dialog.close"_s, {{u"dialogId"_s, second}});
    QVERIFY2(isResult(closed), qPrintable(errorCode(closed)));
    QCOMPARE(data(closed).value(u"dialog").toObject().value(u"state").toString(), u"closed"_s);
    QTRY_COMPARE(latestDialog(*m_anna, second).value(u"state").toString(), u"closed"_s);
}

void TestRoles::takingOverOnesOwnWaitingDialogMakesItActive()
{
    // Sam is the only one online, so the new dialog is assigned to him and waits for his answer.
    QVERIFY(start({}));
    QJsonObject samHello;
    auto sam = loginOperator(server(), kSam, u"online"_s, &samHello);
    m_visitor = connectVisitor(server());
    QVERIFY(sam && m_visitor);
    const qint64 dialogId = openDialog(*m_visitor);
    QCOMPARE(waitAssigned(*sam, dialogId), operatorIdOf(samHello));

    const QJsonObject reply = sam->request(u"dialog.takeover"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(data(reply).value(u"dialog").toObject().value(u"state").toString(), u"active"_s);
    QTRY_COMPARE(latestDialog(*sam, dialogId).value(u"state").toString(), u"active"_s);
    // Nothing changed hands, so nothing is written into the history.
    for (const QJsonObject &line : history(*sam, dialogId))
        QVERIFY(line.value(u"event").toString().isEmpty());
}

void TestRoles::withTheSettingOffColleaguesDialogsAreReadOnly()
{
    QVERIFY(start({}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    QCOMPARE(borisHello.value(u"settings").toObject().value(u"hideOthersDialogs").toBool(), false);
    QVERIFY(snapshotHasDialog(borisHello, dialogId));
    QCOMPARE(snapshotTexts(borisHello, dialogId).size(), 2);

    QVERIFY(isResult(
        m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"More details"_s}})));
    m_visitor->sendFrame({{u"type"_s, u"typing"_s}, {u"typing"_s, true}});
    QTRY_VERIFY(!messageWithText(*boris, u"More details"_s).isEmpty());
    QTRY_VERIFY(gotVisitorTyping(*boris, dialogId));
    const QList<QJsonObject> before = history(*boris, dialogId);
    QCOMPARE(before.size(), 3);

    // Read-only: every change is forbidden.
    QCOMPARE(errorCode(operatorSend(*boris, dialogId, u"Boris butts in"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(boris->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}})), u"forbidden"_s);
    QCOMPARE(errorCode(boris->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})), u"forbidden"_s);
    QCOMPARE(errorCode(transfer(*boris, dialogId, {{u"queue"_s, true}})), u"forbidden"_s);
    QCOMPARE(errorCode(boris->request(u"dialog.takeover"_s, {{u"dialogId"_s, dialogId}})), u"forbidden"_s);

    QCOMPARE(history(*m_anna, dialogId), before);
    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"operatorId")), m_annaId);
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"active"_s);
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(messageWithText(*m_visitor, u"Boris butts in"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
