// SPDX-License-Identifier: GPL-3.0-or-later
// A visitor who floods is told to slow down (rate_limited, retryAfter); what they sent before the
// limit is stored, and another visitor chatting at the same time is not slowed at all.
#include "RawProtocolClient.h"
#include "ServerProcess.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestVisitorFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void floodingVisitorIsLimitedOthersAreNot();

private:
    std::unique_ptr<RawProtocolClient> newVisitor();
    ServerProcess m_server;
};

void TestVisitorFlood::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start());
}

std::unique_ptr<RawProtocolClient> TestVisitorFlood::newVisitor()
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(m_server.wsUrl(u"/v1/visitor"_s))
        || client->request(u"hello"_s, {{u"protocol"_s, u"1.0"_s}}).value(u"type").toString() != u"result")
        return nullptr;
    return client;
}

void TestVisitorFlood::floodingVisitorIsLimitedOthersAreNot()
{
    auto flooder = newVisitor();
    auto neighbour = newVisitor();
    QVERIFY(flooder && neighbour);

    int stored = 0;
    int limited = 0;
    int retryAfter = 0;
    for (int i = 0; i < 60; ++i) {
        const QJsonObject reply = flooder->request(
            u"message.send"_s, {{u"cid"_s, u"flood-%1"_s.arg(i)}, {u"text"_s, u"spam %1"_s.arg(i)}});
        if (reply.value(u"type").toString() == u"result") {
            ++stored;
        } else {
            QCOMPARE(reply.value(u"code").toString(), u"rate_limited"_s);
            QVERIFY(!reply.value(u"message").toString().isEmpty());
            retryAfter = reply.value(u"retryAfter").toInt();
            ++limited;
        }
    }
    QCOMPARE(stored, 20);
    QCOMPARE(limited, 40);
    QVERIFY(retryAfter >= 1 && retryAfter <= 10);
    QVERIFY(flooder->isOpen()); // told to wait, not thrown out

    // The neighbour chats normally meanwhile, and the operator sees exactly what was accepted.
    for (int i = 0; i < 5; ++i) {
        const QJsonObject reply = neighbour->request(
            u"message.send"_s, {{u"cid"_s, u"calm-%1"_s.arg(i)}, {u"text"_s, u"Hello %1"_s.arg(i)}});
        QCOMPARE(reply.value(u"type").toString(), u"result"_s);
    }
    RawProtocolClient operatorClient;
    QVERIFY(operatorClient.open(m_server.wsUrl(u"/v1/operator"_s)));
    const QJsonObject hello = operatorClient.helloOperator(u"demo@example.com"_s, m_server.demoPassword());
    const QJsonArray messages =
        hello.value(u"data").toObject().value(u"snapshot").toObject().value(u"messages").toArray();
    int spam = 0;
    int calm = 0;
    for (const QJsonValue &message : messages) {
        const QString cid = message.toObject().value(u"cid").toString();
        spam += cid.startsWith(u"flood-"_s) ? 1 : 0;
        calm += cid.startsWith(u"calm-"_s) ? 1 : 0;
    }
    QCOMPARE(spam, 20);
    QCOMPARE(calm, 5);
}

QTEST_GUILESS_MAIN(TestVisitorFlood)
#include "tst_visitor_flood.moc"
