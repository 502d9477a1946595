// SPDX-License-Identifier: GPL-3.0-or-later
// The server forgets sessions that have had no socket for a while (else every visitor ever seen
// would keep an event log in memory). A quick reconnect still resumes; a late one gets a snapshot
// that still holds the conversation — forgetting a session never loses a stored message.
#include "RawProtocolClient.h"
#include "ServerProcess.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSessionExpiry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void quickReconnectResumesLateOneGetsSnapshot();

private:
    QJsonObject hello(RawProtocolClient &client, const QString &token, qint64 lastSeq);
    ServerProcess m_server;
};

void TestSessionExpiry::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start({u"--session-idle-seconds"_s, u"2"_s}));
}

QJsonObject TestSessionExpiry::hello(RawProtocolClient &client, const QString &token, qint64 lastSeq)
{
    QJsonObject fields{{u"protocol"_s, u"1.0"_s}, {u"visitorToken"_s, token}};
    if (lastSeq > 0)
        fields.insert(u"resume"_s, QJsonObject{{u"lastSeq"_s, lastSeq}});
    return client.request(u"hello"_s, fields).value(u"data"_s).toObject();
}

void TestSessionExpiry::quickReconnectResumesLateOneGetsSnapshot()
{
    QString token;
    qint64 lastSeq = 0;
    {
        RawProtocolClient visitor;
        QVERIFY(visitor.open(m_server.wsUrl(u"/v1/visitor"_s)));
        const QJsonObject reply = visitor.request(u"hello"_s, {{u"protocol"_s, u"1.0"_s}});
        token = reply.value(u"data"_s).toObject().value(u"visitorToken"_s).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(visitor.request(u"message.send"_s, {{u"cid"_s, u"kept-1"_s}, {u"text"_s, u"Still there?"_s}})
                     .value(u"type"_s).toString(),
                 u"result"_s);
        QVERIFY(!visitor.waitEvent(u"message.new"_s).isEmpty());
        visitor.ackAll();
        lastSeq = visitor.lastSeq();
        QVERIFY(lastSeq > 0);
    }

    // Back within the idle time: the session is still there and resumes.
    {
        RawProtocolClient visitor;
        QVERIFY(visitor.open(m_server.wsUrl(u"/v1/visitor"_s)));
        QCOMPARE(hello(visitor, token, lastSeq).value(u"resumed"_s).toBool(), true);
    }

    // Away for longer than the idle time (2 s; the sweep runs every second): the time passing is
    // the very thing under test, so this test waits for it.
    QTest::qWait(4000);
    RawProtocolClient visitor;
    QVERIFY(visitor.open(m_server.wsUrl(u"/v1/visitor"_s)));
    const QJsonObject late = hello(visitor, token, lastSeq);
    QCOMPARE(late.value(u"resumed"_s).toBool(), false);
    QCOMPARE(late.value(u"visitorToken"_s).toString(), token); // still the same visitor
    const QJsonArray messages = late.value(u"snapshot"_s).toObject().value(u"messages"_s).toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().toObject().value(u"text"_s).toString(), u"Still there?"_s);
}

QTEST_GUILESS_MAIN(TestSessionExpiry)
#include "tst_session_expiry.moc"
