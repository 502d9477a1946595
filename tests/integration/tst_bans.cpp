// SPDX-License-Identifier: GPL-3.0-or-later
// Bans (docs/protocol.md, "Dialog actions"): by visitor and by IP, with a reason and an expiry. The
// banned visitor's widget is told, the server refuses everything they send, their open dialog is
// closed with a line whose visitor copy says nothing, and a return visit is still banned. Only
// admins list and lift bans, in the app or on the command line. Every test visitor comes from
// 127.0.0.1, so after an IP ban every new visitor of that server is banned too: tests that need
// bystanders connect them first, and each test has a server of its own.
#include "ServerTestKit.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kAda = u"ada@example.com"_s; // admin

QDateTime isoTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QList<QJsonObject> bansIn(const QJsonObject &reply)
{
    QList<QJsonObject> bans;
    for (const QJsonValue &ban : data(reply).value(u"bans").toArray())
        bans.append(ban.toObject());
    return bans;
}

QList<qint64> banIds(const QList<QJsonObject> &bans)
{
    QList<qint64> ids;
    for (const QJsonObject &ban : bans)
        ids.append(idOf(ban.value(u"id")));
    return ids;
}

/// Everything \a client received, as text: to check that something never reached it.
QString everythingReceived(const RawProtocolClient &client)
{
    QString all;
    for (const QJsonObject &event : client.events())
        all += QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Compact));
    return all;
}

} // namespace

class TestBans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aBannedVisitorIsClosedOutAndToldNeutrally();
    void aBanOutlivesReconnectsAndRestarts();
    void otherVisitorsAreUnaffected();
    void aBanByIpRefusesNewVisitorsFromThatAddress();
    void aBanWithHoursCarriesItsExpiry();
    void aBanRunsOutWhenItsHoursArePast();
    void badBansAreRefused();
    void banningTwiceIsRefused();
    void banningNeedsSightOfTheVisitor();
    void onlyAdminsListAndLiftBans();
    void adminCommandLineListsAndLiftsBans();

private:
    bool start(const QStringList &serverArgs = {});
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) is given a new visitor's dialog and answers it; sets m_anna, m_visitor,
    /// m_visitorId and m_visitorToken; returns the dialog id (0 on failure).
    qint64 annaAnswersAVisitor();
    QJsonObject ban(RawProtocolClient &op, qint64 visitorId, const QJsonObject &options = {});
    /// What the banned visitor may no longer do, each `forbidden`; "" or what was allowed.
    QString refusedEverything(RawProtocolClient &visitor, qint64 closedDialogId);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_visitor;
    qint64 m_visitorId = 0;
    QString m_visitorToken;
};

void TestBans::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBans::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY(createOperator(server(), kAda, u"Ada"_s, {u"--role"_s, u"admin"_s}));
}

void TestBans::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

bool TestBans::start(const QStringList &serverArgs)
{
    if (!server().start(QStringList{u"--max-dialogs"_s, u"10"_s} + serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

qint64 TestBans::annaAnswersAVisitor()
{
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QJsonObject visitorHello;
    m_visitor = connectVisitor(server(), &visitorHello);
    if (!m_anna || !m_visitor)
        return 0;
    m_visitorId = idOf(visitorHello.value(u"visitorId"));
    m_visitorToken = visitorHello.value(u"visitorToken").toString();
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    const qint64 dialogId = openDialog(*m_visitor, u"buy cheap pills at spam.example"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Please stop"_s)))
        return 0;
    return dialogId;
}

QJsonObject TestBans::ban(RawProtocolClient &op, qint64 visitorId, const QJsonObject &options)
{
    QJsonObject fields = options;
    fields.insert(u"visitorId"_s, visitorId);
    return op.request(u"visitor.ban"_s, fields);
}

QString TestBans::refusedEverything(RawProtocolClient &visitor, qint64 closedDialogId)
{
    QStringList allowed;
    const auto expectForbidden = [&](const QString &what, const QJsonObject &reply) {
        if (errorCode(reply) != u"forbidden")
            allowed.append(what + u": "_s + (isResult(reply) ? u"result"_s : errorCode(reply)));
    };
    expectForbidden(u"message.send"_s,
                    visitor.request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"let me in"_s}}));
    expectForbidden(u"offline.request"_s,
                    visitor.request(u"offline.request"_s, {{u"cid"_s, newCid()},
                                                           {u"text"_s, u"let me in"_s},
                                                           {u"name"_s, u"M"_s},
                                                           {u"email"_s, u"m@example.com"_s}}));
    expectForbidden(
        u"contact.submit"_s,
        visitor.request(u"contact.submit"_s, {{u"name"_s, u"M"_s}, {u"email"_s, u"m@example.com"_s}}));
    expectForbidden(u"dialog.rate"_s,
                    visitor.request(u"dialog.rate"_s, {{u"dialogId"_s, closedDialogId}, {u"score"_s, 1}}));
    return allowed.join(u"; "_s);
}

void TestBans::aBannedVisitorIsClosedOutAndToldNeutrally()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto secondTab = connectVisitorWithToken(server(), m_visitorToken);
    QVERIFY(secondTab);

    const QJsonObject reply = ban(*m_anna, m_visitorId, {{u"reason"_s, u"Spam links"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject stored = data(reply).value(u"ban"_s).toObject();
    QVERIFY(idOf(stored.value(u"id")) > 0);
    QCOMPARE(idOf(stored.value(u"visitorId")), m_visitorId);
    QCOMPARE(stored.value(u"ip").toString(), QString());
    QCOMPARE(stored.value(u"reason").toString(), u"Spam links"_s);
    QCOMPARE(stored.value(u"bannedBy").toString(), u"Anna"_s);
    QVERIFY(qAbs(isoTime(stored.value(u"at")).secsTo(QDateTime::currentDateTimeUtc())) < 60);
    QVERIFY(stored.value(u"expiresAt").isNull());

    // Every tab of the visitor is told.
    QVERIFY2(!m_visitor->waitEvent(u"banned"_s).isEmpty(), "the visitor's socket did not get `banned`");
    QVERIFY2(!secondTab->waitEvent(u"banned"_s).isEmpty(), "the visitor's second tab did not get `banned`");

    // The open dialog is closed, after a ban line with the reason and who banned.
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"closed"_s);
    const QList<QJsonObject> lines = history(*m_anna, dialogId);
    const QList<QJsonObject> banLines = linesWithEvent(lines, u"ban"_s);
    QCOMPARE(banLines.size(), 1);
    const QJsonObject meta = banLines.first().value(u"meta").toObject();
    QCOMPARE(meta.value(u"reason").toString(), u"Spam links"_s);
    QCOMPARE(meta.value(u"bannedBy").toString(), u"Anna"_s);
    QVERIFY(isoTime(banLines.first().value(u"at")) <=
            isoTime(latestDialog(*m_anna, dialogId).value(u"closedAt")));
    QTRY_COMPARE(receivedLinesWithEvent(*m_anna, u"ban"_s).size(), 1);

    // The visitor sees the dialog closed and a line without words; the reason never reaches them.
    QTRY_COMPARE(latestDialog(*m_visitor, dialogId).value(u"state").toString(), u"closed"_s);
    QTRY_COMPARE(receivedLinesWithEvent(*m_visitor, u"ban"_s).size(), 1);
    const QJsonObject neutral = receivedLinesWithEvent(*m_visitor, u"ban"_s).first();
    QVERIFY(neutral.contains(u"text"));
    QCOMPARE(neutral.value(u"text").toString(), QString());
    QVERIFY(neutral.value(u"meta").toObject().isEmpty());
    QVERIFY2(!everythingReceived(*m_visitor).contains(u"Spam links"_s), "the visitor was told the reason");

    // Nothing they send is taken any more, from either tab; no new dialog appears.
    const QString allowed = refusedEverything(*m_visitor, dialogId);
    QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
    QCOMPARE(errorCode(secondTab->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"hi"_s}})),
             u"forbidden"_s);
    QCOMPARE(history(*m_anna, dialogId), lines);
    QVERIFY(settle(server(), {m_anna.get()}));
    for (const QJsonObject &update : eventData(*m_anna, u"dialog.updated"_s)) {
        const QJsonObject dialog = update.value(u"dialog").toObject();
        QVERIFY(idOf(dialog.value(u"visitorId")) != m_visitorId || idOf(dialog.value(u"id")) == dialogId);
    }

    // The operators' view of the visitor says banned.
    QJsonObject borisHello;
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &borisHello));
    QVERIFY(m_visitor->isOpen());
    QCOMPARE(snapshotVisitor(borisHello, m_visitorId).value(u"banned").toBool(), true);
}

void TestBans::aBanOutlivesReconnectsAndRestarts()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(ban(*m_anna, m_visitorId, {{u"reason"_s, u"Abuse"_s}})));
    m_visitor.reset();

    // A reload: the same visitor, told at hello that they are banned, still refused.
    QJsonObject hello;
    auto again = connectVisitorWithToken(server(), m_visitorToken, &hello);
    QVERIFY(again);
    QCOMPARE(idOf(hello.value(u"visitorId")), m_visitorId);
    QCOMPARE(hello.value(u"banned").toBool(), true);
    QString allowed = refusedEverything(*again, dialogId);
    QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
    again.reset();

    // The ban is stored, not remembered.
    QVERIFY(server().restart());
    again = connectVisitorWithToken(server(), m_visitorToken, &hello);
    QVERIFY(again);
    QCOMPARE(idOf(hello.value(u"visitorId")), m_visitorId);
    QCOMPARE(hello.value(u"banned").toBool(), true);
    allowed = refusedEverything(*again, dialogId);
    QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
}

void TestBans::otherVisitorsAreUnaffected()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject bystanderHello;
    auto bystander = connectVisitor(server(), &bystanderHello);
    QVERIFY(bystander);
    const qint64 bystanderDialog = openDialog(*bystander, u"Do you ship to Norway?"_s);
    QVERIFY(bystanderDialog > 0);
    QVERIFY(waitAssigned(*m_anna, bystanderDialog) != 0);

    QVERIFY(isResult(ban(*m_anna, m_visitorId)));
    QVERIFY(!m_visitor->waitEvent(u"banned"_s).isEmpty());

    // The bystander writes on, and is answered, in the dialog that stayed open.
    QVERIFY(isResult(operatorSend(*m_anna, bystanderDialog, u"We do"_s)));
    QTRY_VERIFY(!messageWithText(*bystander, u"We do"_s).isEmpty());
    const QJsonObject reply =
        bystander->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Great"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_VERIFY(!messageWithText(*m_anna, u"Great"_s).isEmpty());
    QVERIFY(eventData(*bystander, u"banned"_s).isEmpty());
    QVERIFY(latestDialog(*m_anna, bystanderDialog).value(u"state").toString() != u"closed");
    QJsonObject hello;
    QVERIFY(connectVisitorWithToken(server(), bystanderHello.value(u"visitorToken").toString(), &hello));
    QCOMPARE(hello.value(u"banned").toBool(), false);
    // A visitor who arrives later (same address, but the ban is not by IP) is welcome.
    QVERIFY(connectVisitor(server(), &hello));
    QCOMPARE(hello.value(u"banned").toBool(), false);
}

void TestBans::aBanByIpRefusesNewVisitorsFromThatAddress()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    const QString visitorIp = latestVisitor(*m_anna, m_visitorId).value(u"ip").toString();
    QVERIFY(!visitorIp.isEmpty());

    const QJsonObject reply =
        ban(*m_anna, m_visitorId, {{u"byIp"_s, true}, {u"reason"_s, u"Keeps coming back"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject stored = data(reply).value(u"ban"_s).toObject();
    QCOMPARE(stored.value(u"ip").toString(), visitorIp);
    QCOMPARE(idOf(stored.value(u"visitorId")), m_visitorId);
    QVERIFY(!m_visitor->waitEvent(u"banned"_s).isEmpty());

    // A brand-new visitor (no token, so a new visitor id) from the same address is banned at hello.
    QJsonObject hello;
    auto newcomer = connectVisitor(server(), &hello);
    QVERIFY(newcomer);
    QVERIFY(idOf(hello.value(u"visitorId")) != m_visitorId);
    QCOMPARE(hello.value(u"banned").toBool(), true);
    QCOMPARE(
        errorCode(newcomer->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"hello?"_s}})),
        u"forbidden"_s);
    QCOMPARE(errorCode(newcomer->request(
                 u"offline.request"_s,
                 {{u"cid"_s, newCid()}, {u"text"_s, u"hello?"_s}, {u"phone"_s, u"555 0100"_s}})),
             u"forbidden"_s);
    QVERIFY(messageWithText(*m_anna, u"hello?"_s).isEmpty());

    // Lifted, the address is welcome again.
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    QVERIFY(isResult(ada->request(u"ban.lift"_s, {{u"banId"_s, idOf(stored.value(u"id"))}})));
    auto welcome = connectVisitor(server(), &hello);
    QVERIFY(welcome);
    QCOMPARE(hello.value(u"banned").toBool(), false);
    QVERIFY(openDialog(*welcome, u"hello again"_s) > 0);
}

void TestBans::aBanWithHoursCarriesItsExpiry()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);

    const QJsonObject reply = ban(*m_anna, m_visitorId, {{u"hours"_s, 24}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject stored = data(reply).value(u"ban"_s).toObject();
    const QDateTime at = isoTime(stored.value(u"at"));
    const QDateTime expiresAt = isoTime(stored.value(u"expiresAt"));
    QVERIFY2(at.isValid() && expiresAt.isValid(),
             qPrintable(QString::fromUtf8(QJsonDocument(stored).toJson())));
    QVERIFY(qAbs(at.secsTo(expiresAt) - 24 * 3600) <= 1);
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    const QList<QJsonObject> listed = bansIn(ada->request(u"bans.list"_s));
    QCOMPARE(listed.size(), 1);
    QCOMPARE(isoTime(listed.first().value(u"expiresAt")), expiresAt);
}

void TestBans::aBanRunsOutWhenItsHoursArePast()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    // `hours` is a number: two seconds' worth makes a ban this test can outlive.
    const QJsonObject reply =
        ban(*m_anna, m_visitorId, {{u"hours"_s, 2.0 / 3600}, {u"reason"_s, u"Cool off"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QDateTime expiresAt = isoTime(data(reply).value(u"ban").toObject().value(u"expiresAt"));
    QVERIFY(expiresAt.isValid());
    QVERIFY(!m_visitor->waitEvent(u"banned"_s).isEmpty());
    QCOMPARE(errorCode(m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"x"_s}})),
             u"forbidden"_s);

    // Once past, the same socket may write again (a new dialog: the ban closed the old one)…
    QVERIFY(spinUntil([&] { return QDateTime::currentDateTimeUtc() > expiresAt.addMSecs(100); }, 10000));
    const QJsonObject sent =
        m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"I have calmed down"_s}});
    QVERIFY2(isResult(sent), qPrintable(errorCode(sent)));
    QVERIFY(idOf(data(sent).value(u"message").toObject().value(u"dialogId")) != dialogId);
    // …a reload is not banned, admins no longer list it, and a new ban is not "already banned".
    QJsonObject hello;
    QVERIFY(connectVisitorWithToken(server(), m_visitorToken, &hello));
    QCOMPARE(hello.value(u"banned").toBool(), false);
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    QVERIFY(bansIn(ada->request(u"bans.list"_s)).isEmpty());
    QVERIFY(isResult(ban(*m_anna, m_visitorId)));
}

void TestBans::badBansAreRefused()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);

    QCOMPARE(errorCode(m_anna->request(u"visitor.ban"_s, {})), u"bad_request"_s);
    QCOMPARE(errorCode(ban(*m_anna, m_visitorId, {{u"hours"_s, 0}})), u"bad_request"_s);
    QCOMPARE(errorCode(ban(*m_anna, m_visitorId, {{u"hours"_s, -5}})), u"bad_request"_s);
    QCOMPARE(errorCode(ban(*m_anna, m_visitorId, {{u"hours"_s, u"a day"_s}})), u"bad_request"_s);
    // (The contract gives no code for an over-long reason; both say what is wrong.)
    const QString tooLong = errorCode(ban(*m_anna, m_visitorId, {{u"reason"_s, QString(501, u'r')}}));
    QVERIFY2(tooLong == u"bad_request" || tooLong == u"too_long", qPrintable(tooLong));
    QCOMPARE(errorCode(ban(*m_anna, 999999)), u"not_found"_s);

    // Nothing happened to the visitor.
    QVERIFY(isResult(
        m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"still here"_s}})));
    QVERIFY(eventData(*m_visitor, u"banned"_s).isEmpty());
    QVERIFY(linesWithEvent(history(*m_anna, dialogId), u"ban"_s).isEmpty());
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    QVERIFY(bansIn(ada->request(u"bans.list"_s)).isEmpty());
    // A 500-character reason is fine.
    QVERIFY(isResult(ban(*m_anna, m_visitorId, {{u"reason"_s, QString(500, u'r')}})));

    // `byIp` is a bool: "yes" is the wrong kind, not a quiet ban of the visitor alone.
    QJsonObject otherHello;
    auto other = connectVisitor(server(), &otherHello);
    QVERIFY(other);
    QCOMPARE(errorCode(ban(*m_anna, idOf(otherHello.value(u"visitorId")), {{u"byIp"_s, u"yes"_s}})),
             u"bad_request"_s);
}

void TestBans::banningTwiceIsRefused()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject otherHello; // connected before the IP ban below, so a visitor id of its own
    auto other = connectVisitor(server(), &otherHello);
    QVERIFY(other);
    const qint64 otherId = idOf(otherHello.value(u"visitorId"));
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);

    QVERIFY(isResult(ban(*m_anna, m_visitorId, {{u"reason"_s, u"first"_s}})));
    QCOMPARE(errorCode(ban(*m_anna, m_visitorId, {{u"reason"_s, u"second"_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(ban(*ada, m_visitorId, {{u"hours"_s, 1}})), u"bad_request"_s);
    QCOMPARE(bansIn(ada->request(u"bans.list"_s)).size(), 1);

    // The address: banned once through the other visitor; banning it again through anyone fails.
    QVERIFY(isResult(ban(*m_anna, otherId, {{u"byIp"_s, true}})));
    QCOMPARE(errorCode(ban(*m_anna, otherId, {{u"byIp"_s, true}})), u"bad_request"_s);
    QCOMPARE(bansIn(ada->request(u"bans.list"_s)).size(), 2);
    QCOMPARE(linesWithEvent(history(*m_anna, dialogId), u"ban"_s).size(), 1);
}

void TestBans::banningNeedsSightOfTheVisitor()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    // The visitor leaves; their dialog stays open, Anna's, which Boris cannot see.
    m_visitor.reset();
    QTRY_VERIFY(latestVisitor(*m_anna, m_visitorId).contains(u"online") &&
                !latestVisitor(*m_anna, m_visitorId).value(u"online").toBool());

    QCOMPARE(errorCode(ban(*boris, m_visitorId)), u"not_found"_s);
    // Anna sees the dialog, so she can.
    QVERIFY(isResult(ban(*m_anna, m_visitorId)));

    // A visitor who is online can be banned by anyone, dialog or not.
    QJsonObject hello;
    auto browsing = connectVisitor(server(), &hello);
    QVERIFY(browsing);
    const QJsonObject reply = ban(*boris, idOf(hello.value(u"visitorId")), {{u"reason"_s, u"Scraper"_s}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QVERIFY(!browsing->waitEvent(u"banned"_s).isEmpty());
}

void TestBans::onlyAdminsListAndLiftBans()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QJsonObject laterHello;
    auto later = connectVisitor(server(), &laterHello);
    QVERIFY(later);
    const qint64 laterId = idOf(laterHello.value(u"visitorId"));
    const QJsonObject first =
        data(ban(*m_anna, m_visitorId, {{u"reason"_s, u"Spam"_s}})).value(u"ban").toObject();
    const QJsonObject second = data(ban(*m_anna, laterId, {{u"hours"_s, 5}})).value(u"ban").toObject();
    QVERIFY(idOf(first.value(u"id")) > 0);
    QVERIFY(idOf(second.value(u"id")) > 0);

    QCOMPARE(errorCode(m_anna->request(u"bans.list"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(m_anna->request(u"ban.lift"_s, {{u"banId"_s, idOf(first.value(u"id"))}})),
             u"forbidden"_s);

    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    const QJsonObject listed = ada->request(u"bans.list"_s);
    QVERIFY2(isResult(listed), qPrintable(errorCode(listed)));
    QCOMPARE(banIds(bansIn(listed)), (QList<qint64>{idOf(second.value(u"id")), idOf(first.value(u"id"))}));
    const QJsonObject spam = bansIn(listed).last();
    QCOMPARE(idOf(spam.value(u"visitorId")), m_visitorId);
    QCOMPARE(spam.value(u"reason").toString(), u"Spam"_s);
    QCOMPARE(spam.value(u"bannedBy").toString(), u"Anna"_s);
    QVERIFY(spam.value(u"expiresAt").isNull());
    QVERIFY(!bansIn(listed).first().value(u"expiresAt").toString().isEmpty());

    QCOMPARE(errorCode(ada->request(u"ban.lift"_s)), u"bad_request"_s);
    QVERIFY(!isResult(ada->request(u"ban.lift"_s, {{u"banId"_s, 999999}})));
    const QJsonObject lifted = ada->request(u"ban.lift"_s, {{u"banId"_s, idOf(first.value(u"id"))}});
    QVERIFY2(isResult(lifted), qPrintable(errorCode(lifted)));
    QCOMPARE(banIds(bansIn(ada->request(u"bans.list"_s))), QList<qint64>{idOf(second.value(u"id"))});

    // The visitor whose ban was lifted is welcome again (a new dialog: the old one was closed).
    QJsonObject hello;
    auto back = connectVisitorWithToken(server(), m_visitorToken, &hello);
    QVERIFY(back);
    QCOMPARE(hello.value(u"banned").toBool(), false);
    const qint64 newDialog = openDialog(*back, u"Sorry about that"_s);
    QVERIFY(newDialog > 0);
    QVERIFY(newDialog != dialogId);
    // The other is still banned.
    QVERIFY(connectVisitorWithToken(server(), laterHello.value(u"visitorToken").toString(), &hello));
    QCOMPARE(hello.value(u"banned").toBool(), true);
    // Anyone may ban the forgiven visitor again.
    QVERIFY(isResult(ban(*m_anna, m_visitorId)));
}

void TestBans::adminCommandLineListsAndLiftsBans()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    const QJsonObject stored =
        data(ban(*m_anna, m_visitorId, {{u"reason"_s, u"Rude to staff"_s}})).value(u"ban").toObject();
    const qint64 banId = idOf(stored.value(u"id"));
    QVERIFY(banId > 0);

    QString output;
    QCOMPARE(server().admin({u"list-bans"_s}, &output), 0);
    QVERIFY2(output.contains(u"Rude to staff"_s), qPrintable(output));
    QVERIFY2(output.contains(QString::number(banId)), qPrintable(output));

    QVERIFY(server().admin({u"lift-ban"_s, u"--id"_s, u"999999"_s}) != 0);
    QVERIFY(server().admin({u"lift-ban"_s}) != 0);
    QVERIFY(admin(server(), {u"lift-ban"_s, u"--id"_s, QString::number(banId)}));
    QCOMPARE(server().admin({u"list-bans"_s}, &output), 0);
    QVERIFY2(!output.contains(u"Rude to staff"_s), qPrintable(output));

    // The running server knows at once.
    QJsonObject hello;
    auto back = connectVisitorWithToken(server(), m_visitorToken, &hello);
    QVERIFY(back);
    QCOMPARE(hello.value(u"banned").toBool(), false);
    QVERIFY(openDialog(*back, u"I apologise"_s) > 0);
    auto ada = loginOperator(server(), kAda);
    QVERIFY(ada);
    QVERIFY(bansIn(ada->request(u"bans.list"_s)).isEmpty());
}

QTEST_GUILESS_MAIN(TestBans)
#include "tst_bans.moc"
