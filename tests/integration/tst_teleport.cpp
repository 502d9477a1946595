// SPDX-License-Identifier: GPL-3.0-or-later
// Teleport as docs/protocol.md ("Teleport") defines it: an operator sends a visitor's tab to another
// page, only to http(s) and, when the site says so, only to its own hosts; a visitor who left is
// refused clearly; a visitor not in chat is found by a short code that a new request replaces.
#include "ServerTestKit.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {
const QString kAnna = u"anna@example.com"_s;
} // namespace

class TestTeleport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void cleanup();

    void redirectReachesTheVisitorAndTheHistory();
    void badAddressesAreRefused_data();
    void badAddressesAreRefused();
    void onlyTheSitesOwnHostsWhenConfigured();
    void aVisitorWhoLeftIsUnavailable();
    void aCodeFindsTheVisitorAndANewCodeReplacesIt();

private:
    bool start(const QStringList &args = {});
    ServerProcess &server() { return *m_server; }
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
};

bool TestTeleport::start(const QStringList &args)
{
    m_server = std::make_unique<ServerProcess>();
    if (!createOperator(server(), kAnna, u"Anna"_s) || !server().start(args))
        return false;
    m_anna = loginOperator(server(), kAnna);
    return m_anna != nullptr;
}

void TestTeleport::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_anna.reset();
    m_server.reset();
}

void TestTeleport::redirectReachesTheVisitorAndTheHistory()
{
    QVERIFY(start());
    QJsonObject hello;
    auto visitor = connectVisitor(server(), &hello);
    QVERIFY(visitor);
    const qint64 visitorId = idOf(hello.value(u"visitorId"));
    const qint64 dialogId = openDialog(*visitor, u"Where are your teapots?"_s);
    QVERIFY(dialogId > 0);

    const QString target = u"https://shop.example/teapots?colour=green"_s;
    const QJsonObject reply =
        m_anna->request(u"visitor.redirect"_s, {{u"visitorId"_s, visitorId}, {u"url"_s, target}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject event = visitor->waitEvent(u"redirect"_s);
    QCOMPARE(event.value(u"data").toObject().value(u"url").toString(), target);
    const QList<QJsonObject> lines = history(*m_anna, dialogId);
    QVERIFY(!lines.isEmpty());
    QCOMPARE(lines.last().value(u"event").toString(), u"redirect"_s);
    QCOMPARE(lines.last().value(u"meta").toObject().value(u"url").toString(), target);
}

void TestTeleport::badAddressesAreRefused_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("javascript") << u"javascript:alert(1)"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s;
    QTest::newRow("relative") << u"/pricing.html"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("no host") << u"https://"_s;
}

void TestTeleport::badAddressesAreRefused()
{
    QFETCH(QString, url);
    QVERIFY(start());
    QJsonObject hello;
    auto visitor = connectVisitor(server(), &hello);
    QVERIFY(visitor);
    const QJsonObject reply = m_anna->request(
        u"visitor.redirect"_s, {{u"visitorId"_s, idOf(hello.value(u"visitorId"))}, {u"url"_s, url}});
    QCOMPARE(errorCode(reply), u"bad_request"_s);
    QVERIFY(settle(server(), {m_anna.get()}));
    for (const QJsonObject &event : visitor->events())
        QVERIFY(event.value(u"name").toString() != u"redirect");
}

void TestTeleport::onlyTheSitesOwnHostsWhenConfigured()
{
    QVERIFY(start({u"--teleport-hosts"_s, u"shop.example,www.shop.example"_s}));
    QJsonObject hello;
    auto visitor = connectVisitor(server(), &hello);
    QVERIFY(visitor);
    const qint64 visitorId = idOf(hello.value(u"visitorId"));
    QCOMPARE(errorCode(m_anna->request(u"visitor.redirect"_s,
                                       {{u"visitorId"_s, visitorId}, {u"url"_s, u"https://evil.example/"_s}})),
             u"forbidden"_s);
    QVERIFY(isResult(m_anna->request(u"visitor.redirect"_s,
                                     {{u"visitorId"_s, visitorId}, {u"url"_s, u"https://WWW.shop.example/a"_s}})));
    QCOMPARE(visitor->waitEvent(u"redirect"_s).value(u"data").toObject().value(u"url").toString(),
             u"https://www.shop.example/a"_s);
}

void TestTeleport::aVisitorWhoLeftIsUnavailable()
{
    QVERIFY(start());
    QJsonObject hello;
    auto visitor = connectVisitor(server(), &hello);
    QVERIFY(visitor);
    const qint64 visitorId = idOf(hello.value(u"visitorId"));
    visitor.reset(); // the tab is closed
    QVERIFY(spinUntil([&] {
        const QJsonObject reply = m_anna->request(
            u"visitor.redirect"_s, {{u"visitorId"_s, visitorId}, {u"url"_s, u"https://shop.example/"_s}});
        return errorCode(reply) == u"unavailable";
    }));
    QCOMPARE(errorCode(m_anna->request(u"visitor.redirect"_s,
                                       {{u"visitorId"_s, 999999}, {u"url"_s, u"https://shop.example/"_s}})),
             u"not_found"_s);
}

void TestTeleport::aCodeFindsTheVisitorAndANewCodeReplacesIt()
{
    QVERIFY(start());
    QJsonObject hello;
    auto visitor = connectVisitor(server(), &hello);
    QVERIFY(visitor);
    const qint64 visitorId = idOf(hello.value(u"visitorId"));

    const QJsonObject first = visitor->request(u"teleport.code"_s);
    QVERIFY2(isResult(first), qPrintable(errorCode(first)));
    const QString code = data(first).value(u"code").toString();
    QVERIFY(QRegularExpression(u"^\\d{6}$"_s).match(code).hasMatch());
    QCOMPARE(data(first).value(u"expiresIn").toInt(), 600);

    // Read over the phone with a space in the middle: still found.
    const QString spoken = code.left(3) + u' ' + code.mid(3);
    const QJsonObject found = m_anna->request(u"teleport.find"_s, {{u"code"_s, spoken}});
    QVERIFY2(isResult(found), qPrintable(errorCode(found)));
    QCOMPARE(idOf(data(found).value(u"visitor").toObject().value(u"id")), visitorId);

    // A new request makes the old code useless.
    const QString second = data(visitor->request(u"teleport.code"_s)).value(u"code").toString();
    QVERIFY(!second.isEmpty());
    if (second != code)
        QCOMPARE(errorCode(m_anna->request(u"teleport.find"_s, {{u"code"_s, code}})), u"not_found"_s);
    QVERIFY(isResult(m_anna->request(u"teleport.find"_s, {{u"code"_s, second}})));
    QCOMPARE(errorCode(m_anna->request(u"teleport.find"_s, {{u"code"_s, u"12345x"_s}})), u"not_found"_s);
}

QTEST_GUILESS_MAIN(TestTeleport)
#include "tst_teleport.moc"
