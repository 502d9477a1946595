// SPDX-License-Identifier: GPL-3.0-or-later
// The operator room (docs/protocol.md, "Operator chat"): a line reaches every operator session and
// no visitor, a retried cid is stored once, history pages backwards, the usual text limits hold,
// Offline operators are kept out, and the room survives a server restart.
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

QJsonObject chatSend(RawProtocolClient &op, const QString &text, const QString &cid = newCid())
{
    return op.request(u"chat.send"_s, {{u"cid"_s, cid}, {u"text"_s, text}});
}

/// The `chat.message` lines \a client received.
QList<QJsonObject> chatLines(const RawProtocolClient &client)
{
    QList<QJsonObject> lines;
    for (const QJsonObject &event : eventData(client, u"chat.message"_s))
        lines.append(event.value(u"message").toObject());
    return lines;
}

qsizetype countWithCid(const QList<QJsonObject> &lines, const QString &cid)
{
    return std::count_if(lines.cbegin(), lines.cend(),
                         [&](const QJsonObject &line) { return line.value(u"cid").toString() == cid; });
}

QStringList texts(const QJsonArray &lines)
{
    QStringList result;
    for (const QJsonValue &line : lines)
        result.append(line.toObject().value(u"text").toString());
    return result;
}

QStringList numberedLines(int from, int to)
{
    QStringList result;
    for (int i = from; i < to; ++i)
        result.append(u"line %1"_s.arg(i));
    return result;
}

} // namespace

class TestOperatorChat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void aLineReachesEveryOperatorSessionAndNoVisitor();
    void aRetriedCidIsStoredAndSentOnce();
    void historyPagesBackwardsWithBeforeId();
    void tooLongBlankAndMalformedLinesAreRefused();
    void offlineOperatorMayNeitherWriteNorRead();
    void linesSurviveARestart();

private:
    ServerProcess &server() { return *m_server; }

    std::unique_ptr<ServerProcess> m_server;
};

void TestOperatorChat::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOperatorChat::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY2(server().start(), qPrintable(server().output()));
}

void TestOperatorChat::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_server.reset();
}

void TestOperatorChat::aLineReachesEveryOperatorSessionAndNoVisitor()
{
    QJsonObject annaHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto annaElsewhere = loginOperator(server(), kAnna, QString());
    auto boris = loginOperator(server(), kBoris, u"lunch"_s); // at lunch, still in the room
    auto visitor = connectVisitor(server());
    QVERIFY(anna && annaElsewhere && boris && visitor);

    const QJsonObject reply = chatSend(*anna, u"@Boris could you take the refund?"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject line = data(reply).value(u"message").toObject();
    QVERIFY(idOf(line.value(u"id")) > 0);
    QCOMPARE(idOf(line.value(u"dialogId")), 0);
    QCOMPARE(line.value(u"author").toString(), u"operator"_s);
    QCOMPARE(idOf(line.value(u"operatorId")), idOf(annaHello.value(u"operator").toObject().value(u"id")));
    QCOMPARE(line.value(u"authorName").toString(), u"Anna"_s);
    QCOMPARE(line.value(u"text").toString(), u"@Boris could you take the refund?"_s);
    QVERIFY(!line.value(u"at").toString().isEmpty());

    for (RawProtocolClient *session : {anna.get(), annaElsewhere.get(), boris.get()}) {
        QTRY_COMPARE(chatLines(*session).size(), 1);
        QCOMPARE(chatLines(*session).first(), line);
    }
    QVERIFY(isResult(boris->request(u"chat.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"On it"_s}})));
    QTRY_COMPARE(chatLines(*anna).size(), 2);
    QCOMPARE(chatLines(*anna).last().value(u"authorName").toString(), u"Boris"_s);

    // A round trip on the visitor's socket: nothing of the room was sent there.
    QVERIFY(isResult(visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(eventData(*visitor, u"chat.message"_s).isEmpty());
    QVERIFY(messageWithText(*visitor, u"@Boris could you take the refund?"_s).isEmpty());
}

void TestOperatorChat::aRetriedCidIsStoredAndSentOnce()
{
    auto anna = loginOperator(server(), kAnna);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && boris);
    const QString cid = newCid();
    const QJsonObject first = chatSend(*anna, u"Once"_s, cid);
    QVERIFY(isResult(first));
    const QJsonObject retry = chatSend(*anna, u"Once"_s, cid);
    QVERIFY(isResult(retry));
    QCOMPARE(data(retry).value(u"message").toObject(), data(first).value(u"message").toObject());
    // Someone else's line with the same cid is refused.
    QCOMPARE(errorCode(chatSend(*boris, u"Once"_s, cid)), u"bad_request"_s);

    QVERIFY(isResult(chatSend(*anna, u"After"_s))); // events arrive in order: once this is in, all are
    const auto borisHasAfter = [&] {
        const QList<QJsonObject> lines = chatLines(*boris);
        return std::any_of(lines.cbegin(), lines.cend(), [](const QJsonObject &line) {
            return line.value(u"text").toString() == u"After";
        });
    };
    QTRY_VERIFY(borisHasAfter());
    QCOMPARE(countWithCid(chatLines(*boris), cid), 1);
    QTRY_COMPARE(chatLines(*anna).size(), 2);
    QCOMPARE(countWithCid(chatLines(*anna), cid), 1);
    const QJsonArray stored = data(anna->request(u"chat.history"_s)).value(u"messages").toArray();
    QCOMPARE(texts(stored), (QStringList{u"Once"_s, u"After"_s}));
}

void TestOperatorChat::historyPagesBackwardsWithBeforeId()
{
    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    for (int i = 0; i < 25; ++i)
        QVERIFY(isResult(chatSend(*anna, u"line %1"_s.arg(i))));

    const QJsonArray newest =
        data(anna->request(u"chat.history"_s, {{u"limit"_s, 10}})).value(u"messages").toArray();
    QCOMPARE(texts(newest), numberedLines(15, 25));
    const QJsonArray middle =
        data(anna->request(u"chat.history"_s,
                           {{u"limit"_s, 10}, {u"beforeId"_s, newest.first().toObject().value(u"id")}}))
            .value(u"messages")
            .toArray();
    QCOMPARE(texts(middle), numberedLines(5, 15));
    const QJsonArray oldest =
        data(anna->request(u"chat.history"_s,
                           {{u"limit"_s, 10}, {u"beforeId"_s, middle.first().toObject().value(u"id")}}))
            .value(u"messages")
            .toArray();
    QCOMPARE(texts(oldest), numberedLines(0, 5));
    const QJsonObject beyond = anna->request(
        u"chat.history"_s, {{u"limit"_s, 10}, {u"beforeId"_s, oldest.first().toObject().value(u"id")}});
    QVERIFY(isResult(beyond));
    QVERIFY(data(beyond).value(u"messages").toArray().isEmpty());
    QCOMPARE(texts(data(anna->request(u"chat.history"_s)).value(u"messages").toArray()),
             numberedLines(0, 25));

    // A new session finds the room in its snapshot (Anna is still Online: Offline ones may not read).
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kAnna, QString(), &hello));
    QCOMPARE(texts(hello.value(u"snapshot").toObject().value(u"chat").toArray()), numberedLines(0, 25));
}

void TestOperatorChat::tooLongBlankAndMalformedLinesAreRefused()
{
    auto anna = loginOperator(server(), kAnna);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && boris);
    QCOMPARE(errorCode(chatSend(*anna, QString(10001, u'a'))), u"too_long"_s);
    QCOMPARE(errorCode(chatSend(*anna, u"   "_s)), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"chat.send"_s, {{u"text"_s, u"no cid"_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"chat.send"_s, {{u"cid"_s, newCid()}})), u"bad_request"_s);
    QVERIFY(isResult(chatSend(*anna, QString(10000, u'b')))); // exactly the limit is fine

    QTRY_COMPARE(chatLines(*boris).size(), 1);
    QVERIFY(settle(server(), {boris.get()}));
    QCOMPARE(chatLines(*boris).size(), 1);
    QCOMPARE(data(anna->request(u"chat.history"_s)).value(u"messages").toArray().size(), 1);
}

void TestOperatorChat::offlineOperatorMayNeitherWriteNorRead()
{
    auto anna = loginOperator(server(), kAnna, u"offline"_s);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && boris);
    QVERIFY(isResult(chatSend(*boris, u"Anyone for coffee?"_s)));
    QCOMPARE(errorCode(chatSend(*anna, u"Me!"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"chat.history"_s)), u"forbidden"_s);
    QVERIFY(settle(server(), {boris.get()}));
    QCOMPARE(chatLines(*boris).size(), 1);

    QVERIFY(isResult(anna->request(u"status.set"_s, {{u"status"_s, u"break"_s}})));
    QCOMPARE(texts(data(anna->request(u"chat.history"_s)).value(u"messages").toArray()),
             QStringList{u"Anyone for coffee?"_s});
    QVERIFY(isResult(chatSend(*anna, u"Me!"_s)));
}

void TestOperatorChat::linesSurviveARestart()
{
    QStringList cids;
    {
        auto anna = loginOperator(server(), kAnna);
        QVERIFY(anna);
        for (const QString &text : {u"first"_s, u"second"_s, u"third"_s}) {
            cids.append(newCid());
            QVERIFY(isResult(chatSend(*anna, text, cids.last())));
        }
    }
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    const QJsonObject before = data(boris->request(u"chat.history"_s));
    QCOMPARE(before.value(u"messages").toArray().size(), 3);
    boris.reset();
    server().stop();
    QVERIFY2(server().restart(), qPrintable(server().output()));

    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(anna);
    const QStringList expected{u"first"_s, u"second"_s, u"third"_s};
    QCOMPARE(texts(hello.value(u"snapshot").toObject().value(u"chat").toArray()), expected);
    const QJsonObject after = data(anna->request(u"chat.history"_s));
    QCOMPARE(after, before);
    // The stored cid still answers a late retry with the original line.
    const QJsonObject retry = chatSend(*anna, u"second"_s, cids.at(1));
    QVERIFY(isResult(retry));
    QCOMPARE(data(retry).value(u"message").toObject(), after.value(u"messages").toArray().at(1).toObject());
}

QTEST_GUILESS_MAIN(TestOperatorChat)
#include "tst_operator_chat.moc"
