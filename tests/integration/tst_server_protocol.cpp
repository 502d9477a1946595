// SPDX-License-Identifier: GPL-3.0-or-later
// concierge-server against raw WebSocket clients: the transport rules, hello/auth/rate limiting,
// idempotent sends, the message flow with events and seqs, resume (replay and snapshot), crash
// durability, the admin CLI and the static files — all as docs/protocol.md says.
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "TestPaths.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr auto kDemoEmail = "demo@example.com";

QString newCid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString code(const QJsonObject &frame)
{
    return frame.value(u"code").toString();
}

QJsonObject data(const QJsonObject &frame)
{
    return frame.value(u"data").toObject();
}

} // namespace

class TestServerProtocol : public QObject
{
    Q_OBJECT

private:
    ServerProcess m_server;

    std::unique_ptr<RawProtocolClient> connectTo(const QString &path)
    {
        auto client = std::make_unique<RawProtocolClient>();
        if (!client->open(m_server.wsUrl(path)))
            return nullptr;
        return client;
    }
    /// A fresh operator session of the demo operator (its own token and seq numbering).
    std::unique_ptr<RawProtocolClient> demoOperator(QString *token = nullptr)
    {
        auto client = connectTo(u"/v1/operator"_s);
        if (!client)
            return nullptr;
        const QJsonObject reply = client->helloOperator(QString::fromLatin1(kDemoEmail), m_server.demoPassword());
        if (reply.value(u"type") != QJsonValue(u"result"_s)) {
            qWarning() << "operator hello failed:" << reply;
            return nullptr;
        }
        if (token)
            *token = data(reply).value(u"token").toString();
        return client;
    }
    std::unique_ptr<RawProtocolClient> newVisitor(qint64 *visitorId = nullptr)
    {
        auto client = connectTo(u"/v1/visitor"_s);
        if (!client)
            return nullptr;
        const QJsonObject reply = client->request(u"hello"_s, {{u"protocol"_s, u"1.0"_s}, {u"site"_s, u"test"_s}});
        if (reply.value(u"type") != QJsonValue(u"result"_s)) {
            qWarning() << "visitor hello failed:" << reply;
            return nullptr;
        }
        if (visitorId)
            *visitorId = static_cast<qint64>(data(reply).value(u"visitorId").toDouble());
        return client;
    }
    QByteArray httpGet(const QString &path, int *status)
    {
        QNetworkAccessManager manager;
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(m_server.url().toString() + path)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return body;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Scripted bursts of messages: lift the per-visitor flood limit (tst_visitor_flood tests it).
        QVERIFY2(m_server.start({u"--max-dialogs"_s, u"100"_s, u"--visitor-message-limit"_s, u"100000"_s}),
                 qPrintable(m_server.output()));
    }

    void cleanup()
    {
        if (QTest::currentTestFailed())
            qInfo().noquote() << "server output so far:\n" << m_server.output();
    }

    void badFramesAreAnsweredAndTheConnectionCarriesOn()
    {
        auto client = connectTo(u"/v1/operator"_s);
        QVERIFY(client);
        for (const QString &bad : {u"{not json"_s, u"[1, 2]"_s, u"\"text\""_s, u"{\"rid\": \"1\"}"_s,
                                   u"{\"type\": 5}"_s}) {
            client->sendText(bad);
            const QJsonObject error = client->waitFrame(u"error"_s);
            QCOMPARE(code(error), u"bad_frame"_s);
            QVERIFY(!error.contains(u"rid"));
        }
        client->socket().sendBinaryMessage("binary");
        QCOMPARE(code(client->waitFrame(u"error"_s)), u"bad_frame"_s);
        QVERIFY(client->isOpen());
        // The same connection still answers a valid request.
        const QJsonObject hello = client->helloOperator(QString::fromLatin1(kDemoEmail), m_server.demoPassword());
        QCOMPARE(hello.value(u"type").toString(), u"result"_s);
        client->sendFrame({{u"type"_s, u"ping"_s}});
        QVERIFY(!client->waitFrame(u"pong"_s).isEmpty());
    }

    void oversizedFrameClosesWith1009AndSparesOthers()
    {
        auto big = connectTo(u"/v1/visitor"_s);
        auto other = demoOperator();
        QVERIFY(big && other);
        big->sendText(QString(1024 * 1024 + 1, u'x'));
        QVERIFY(big->waitClosed());
        QCOMPARE(big->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QVERIFY(other->isOpen());
        other->sendFrame({{u"type"_s, u"ping"_s}});
        QVERIFY(!other->waitFrame(u"pong"_s).isEmpty());
        // Exactly 1 MiB is still allowed (a frame that is not JSON: answered, not closed).
        auto edge = connectTo(u"/v1/visitor"_s);
        QVERIFY(edge);
        edge->sendText(QString(1024 * 1024, u'y'));
        QCOMPARE(code(edge->waitFrame(u"error"_s)), u"bad_frame"_s);
        QVERIFY(edge->isOpen());
    }

    void unsupportedVersionIsRefusedWith4001()
    {
        for (const QString &path : {u"/v1/operator"_s, u"/v1/visitor"_s}) {
            auto client = connectTo(path);
            QVERIFY(client);
            const QJsonObject reply = client->request(
                u"hello"_s, {{u"protocol"_s, u"2.0"_s},
                             {u"auth"_s, QJsonObject{{u"email"_s, u"demo@example.com"_s}, {u"password"_s, u"x"_s}}}});
            QCOMPARE(code(reply), u"unsupported_version"_s);
            QVERIFY(reply.value(u"message").toString().contains(u"1.x"));
            QVERIFY(client->waitClosed());
            QCOMPARE(static_cast<int>(client->closeCode()), 4001);
        }
    }

    void requestsBeforeHelloAreNotAuthenticated()
    {
        auto op = connectTo(u"/v1/operator"_s);
        auto visitor = connectTo(u"/v1/visitor"_s);
        QVERIFY(op && visitor);
        QCOMPARE(code(op->request(u"history.get"_s, {{u"dialogId"_s, 1}})), u"not_authenticated"_s);
        QCOMPARE(code(visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"hi"_s}})),
                 u"not_authenticated"_s);
        QVERIFY(op->isOpen() && visitor->isOpen());
    }

    void wrongPasswordFailsWith4003()
    {
        auto client = connectTo(u"/v1/operator"_s);
        QVERIFY(client);
        QCOMPARE(code(client->helloOperator(QString::fromLatin1(kDemoEmail), u"wrong"_s)), u"auth_failed"_s);
        QVERIFY(client->waitClosed());
        QCOMPARE(static_cast<int>(client->closeCode()), 4003);
        auto token = connectTo(u"/v1/operator"_s);
        QVERIFY(token);
        QCOMPARE(code(token->request(u"hello"_s, {{u"protocol"_s, u"1.0"_s},
                                                  {u"auth"_s, QJsonObject{{u"token"_s, u"nonsense"_s}}}})),
                 u"auth_failed"_s);
    }

    void repeatedFailuresAreRateLimited()
    {
        // Its own server, with a short window, so other tests' logins are not affected.
        ServerProcess server;
        QVERIFY2(server.start({u"--login-window"_s, u"3"_s}), qPrintable(server.output()));
        auto attempt = [&](const QString &password) {
            RawProtocolClient client;
            if (!client.open(server.wsUrl(u"/v1/operator"_s)))
                return QJsonObject();
            return client.helloOperator(QString::fromLatin1(kDemoEmail), password);
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(code(attempt(u"wrong"_s)), u"auth_failed"_s);
        const QJsonObject limited = attempt(u"wrong"_s);
        QCOMPARE(code(limited), u"rate_limited"_s);
        QVERIFY(limited.value(u"retryAfter").toInt() >= 1);
        QVERIFY(limited.value(u"retryAfter").toInt() <= 3);
        // Even the right password is refused while the window lasts...
        QCOMPARE(code(attempt(server.demoPassword())), u"rate_limited"_s);
        // ...and accepted once it has passed.
        QTRY_COMPARE_WITH_TIMEOUT(attempt(server.demoPassword()).value(u"type").toString(), u"result"_s, 10000);
    }

    void retriedCidReturnsTheOriginal()
    {
        auto op = demoOperator();
        auto visitor = newVisitor();
        QVERIFY(op && visitor);
        QCOMPARE(op->request(u"status.set"_s, {{u"status"_s, u"online"_s}}).value(u"type").toString(), u"result"_s);
        const QString cid = newCid();
        const QJsonObject first = visitor->request(u"message.send"_s, {{u"cid"_s, cid}, {u"text"_s, u"once"_s}});
        QCOMPARE(first.value(u"type").toString(), u"result"_s);
        const QJsonObject message = data(first).value(u"message").toObject();
        const QJsonObject event = op->waitEvent(u"message.new"_s);
        QCOMPARE(event.value(u"data").toObject().value(u"message").toObject().value(u"cid").toString(), cid);
        const QJsonObject retry = visitor->request(u"message.send"_s, {{u"cid"_s, cid}, {u"text"_s, u"once"_s}});
        QCOMPARE(data(retry).value(u"message").toObject(), message);

        const qint64 dialogId = static_cast<qint64>(message.value(u"dialogId").toDouble());
        // The operator's own retry too.
        const QString opCid = newCid();
        const QJsonObject reply = op->request(u"message.send"_s,
                                              {{u"dialogId"_s, dialogId}, {u"cid"_s, opCid}, {u"text"_s, u"hi"_s}});
        const QJsonObject replyAgain = op->request(
            u"message.send"_s, {{u"dialogId"_s, dialogId}, {u"cid"_s, opCid}, {u"text"_s, u"hi"_s}});
        QCOMPARE(data(replyAgain), data(reply));

        const QJsonArray history
            = data(op->request(u"history.get"_s, {{u"dialogId"_s, dialogId}})).value(u"messages").toArray();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history.at(0).toObject().value(u"cid").toString(), cid);
        QCOMPARE(history.at(1).toObject().value(u"cid").toString(), opCid);
        // No second message.new for either retry: the only further ones are the operator's reply.
        QTest::qWait(200); // a negative check: give a wrongly emitted event the time to arrive
        int messageEvents = 0;
        for (const QJsonObject &e : op->events())
            messageEvents += e.value(u"name").toString() == u"message.new";
        QCOMPARE(messageEvents, 2);
    }

    void messageFlowWithEventsAndSeqs()
    {
        auto op = demoOperator();
        QVERIFY(op);
        QCOMPARE(op->request(u"status.set"_s, {{u"status"_s, u"online"_s}}).value(u"type").toString(), u"result"_s);
        qint64 visitorId = 0;
        RawProtocolClient visitor;
        QVERIFY(visitor.open(m_server.wsUrl(u"/v1/visitor"_s)));
        visitor.socket().close(); // reopen with a User-Agent header, as a browser sends
        QNetworkRequest request(m_server.wsUrl(u"/v1/visitor"_s));
        request.setRawHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                                           "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36");
        RawProtocolClient browser;
        browser.socket().open(request);
        QTRY_VERIFY(browser.isOpen());
        const QJsonObject hello = browser.request(u"hello"_s, {{u"protocol"_s, u"1.0"_s}});
        QCOMPARE(hello.value(u"type").toString(), u"result"_s);
        visitorId = static_cast<qint64>(data(hello).value(u"visitorId").toDouble());
        QVERIFY(visitorId > 0);
        QVERIFY(!data(hello).value(u"visitorToken").toString().isEmpty());
        QCOMPARE(data(hello).value(u"snapshot").toObject().value(u"operatorsAvailable").toBool(), true);

        QJsonObject online = op->waitEvent(u"visitor.updated"_s);
        QJsonObject card = online.value(u"data").toObject().value(u"visitor").toObject();
        QCOMPARE(static_cast<qint64>(card.value(u"id").toDouble()), visitorId);
        QCOMPARE(card.value(u"name").toString(), u"Visitor "_s + QString::number(visitorId));
        QCOMPARE(card.value(u"online").toBool(), true);
        QCOMPARE(card.value(u"ip").toString(), u"127.0.0.1"_s);
        QCOMPARE(card.value(u"browser").toString(), u"Chrome 120"_s);
        QCOMPARE(card.value(u"os").toString(), u"Windows"_s);

        QCOMPARE(browser.request(u"page.view"_s, {{u"url"_s, u"https://shop.example/pricing?utm_source=ad"_s},
                                                  {u"title"_s, u"Pricing"_s},
                                                  {u"referrer"_s, u"https://search.example/"_s},
                                                  {u"utm"_s, QJsonObject{{u"source"_s, u"ad"_s}}}})
                     .value(u"type")
                     .toString(),
                 u"result"_s);
        card = op->waitEvent(u"visitor.updated"_s).value(u"data").toObject().value(u"visitor").toObject();
        QCOMPARE(card.value(u"currentPage").toObject().value(u"title").toString(), u"Pricing"_s);
        QCOMPARE(card.value(u"referrer").toString(), u"https://search.example/"_s);
        QCOMPARE(card.value(u"utm").toObject().value(u"source").toString(), u"ad"_s);

        // Bad messages.
        QCOMPARE(code(browser.request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"  "_s}})),
                 u"bad_request"_s);
        QCOMPARE(code(browser.request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, QString(10001, u'a')}})),
                 u"too_long"_s);
        QCOMPARE(code(browser.request(u"message.send"_s, {{u"text"_s, u"no cid"_s}})), u"bad_request"_s);

        // Visitor → operator.
        const QJsonObject sent = browser.request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Hello?"_s}});
        const QJsonObject stored = data(sent).value(u"message").toObject();
        QVERIFY(stored.value(u"id").toDouble() > 0);
        QVERIFY(!stored.value(u"at").toString().isEmpty());
        QCOMPARE(stored.value(u"authorName").toString(), u"Visitor "_s + QString::number(visitorId));
        const qint64 dialogId = static_cast<qint64>(stored.value(u"dialogId").toDouble());
        const QJsonObject created = op->waitEvent(u"dialog.updated"_s).value(u"data").toObject().value(u"dialog").toObject();
        QCOMPARE(static_cast<qint64>(created.value(u"id").toDouble()), dialogId);
        QCOMPARE(created.value(u"state").toString(), u"waiting"_s);
        const QJsonObject incoming = op->waitEvent(u"message.new"_s).value(u"data").toObject().value(u"message").toObject();
        QCOMPARE(incoming, stored);
        // Auto-assignment to the only online operator; the dialog stays waiting until answered.
        const QJsonObject assigned = op->waitEvent(u"dialog.updated"_s).value(u"data").toObject().value(u"dialog").toObject();
        QCOMPARE(assigned.value(u"state").toString(), u"waiting"_s);
        QVERIFY(assigned.value(u"operatorId").toDouble() > 0);

        // Typing both ways.
        browser.sendFrame({{u"type"_s, u"typing"_s}, {u"typing"_s, true}});
        const QJsonObject typing = op->waitEvent(u"typing"_s).value(u"data").toObject();
        QCOMPARE(static_cast<qint64>(typing.value(u"dialogId").toDouble()), dialogId);
        QCOMPARE(typing.value(u"author").toString(), u"visitor"_s);
        op->sendFrame({{u"type"_s, u"typing"_s}, {u"dialogId"_s, dialogId}, {u"typing"_s, true}});
        QCOMPARE(browser.waitEvent(u"typing"_s).value(u"data").toObject().value(u"author").toString(), u"operator"_s);

        // Operator → visitor.
        const QJsonObject answer = op->request(u"message.send"_s, {{u"dialogId"_s, dialogId},
                                                                   {u"cid"_s, newCid()},
                                                                   {u"text"_s, u"Hi, how can I help?"_s}});
        const QJsonObject answerMessage = data(answer).value(u"message").toObject();
        QCOMPARE(answerMessage.value(u"authorName").toString(), u"Demo Operator"_s);
        const QJsonObject active = op->waitEvent(u"dialog.updated"_s).value(u"data").toObject().value(u"dialog").toObject();
        QCOMPARE(active.value(u"state").toString(), u"active"_s);
        QVERIFY(active.value(u"waitingSince").isNull());
        const QJsonObject toVisitor = browser.waitEvent(u"message.new"_s).value(u"data").toObject().value(u"message").toObject();
        // The visitor's own message came back as an event too (other tabs); find the operator's.
        QJsonObject operatorLine = toVisitor;
        if (operatorLine.value(u"author").toString() != u"operator")
            operatorLine = browser.waitEvent(u"message.new"_s).value(u"data").toObject().value(u"message").toObject();
        QCOMPARE(operatorLine.value(u"text").toString(), u"Hi, how can I help?"_s);
        QCOMPARE(operatorLine.value(u"authorName").toString(), u"Demo Operator"_s);
        QVERIFY(operatorLine.value(u"operatorId").isNull());
        QVERIFY(!browser.waitEvent(u"dialog.updated"_s).isEmpty());

        // Seqs per session: 1, 2, 3... with no gap.
        for (const RawProtocolClient *client : {op.get(), &browser}) {
            const QList<QJsonObject> events = client->events();
            QVERIFY(!events.isEmpty());
            for (qsizetype i = 0; i < events.size(); ++i)
                QCOMPARE(static_cast<qint64>(events.at(i).value(u"seq").toDouble()), i + 1);
        }

        // Closing by the visitor; a later message opens a new dialog.
        QCOMPARE(browser.request(u"dialog.close"_s).value(u"type").toString(), u"result"_s);
        const QJsonObject next = browser.request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"again"_s}});
        QVERIFY(static_cast<qint64>(data(next).value(u"message").toObject().value(u"dialogId").toDouble()) != dialogId);
        QCOMPARE(code(op->request(u"message.send"_s, {{u"dialogId"_s, dialogId}, {u"cid"_s, newCid()}, {u"text"_s, u"late"_s}})),
                 u"forbidden"_s);
        QCOMPARE(code(op->request(u"history.get"_s, {{u"dialogId"_s, 999999}})), u"not_found"_s);
    }

    void resumeReplaysExactlyTheMissedEvents()
    {
        QString token;
        auto op = demoOperator(&token);
        auto witness = demoOperator(); // a second session of the same operator sees the same events live
        QVERIFY(op && witness);
        auto visitor = newVisitor();
        QVERIFY(visitor);
        QVERIFY(!op->waitEvent(u"visitor.updated"_s).isEmpty());
        QVERIFY(!witness->waitEvent(u"visitor.updated"_s).isEmpty()); // both have seen the same so far
        op->ackAll();
        const qint64 lastSeq = op->lastSeq();
        QVERIFY(lastSeq > 0);
        op->socket().close();
        QVERIFY(op->waitClosed());
        const qsizetype witnessedBefore = witness->events().size();

        QStringList cids;
        for (int i = 0; i < 3; ++i) {
            cids.append(newCid());
            QCOMPARE(visitor->request(u"message.send"_s, {{u"cid"_s, cids.last()}, {u"text"_s, u"while away"_s}})
                         .value(u"type")
                         .toString(),
                     u"result"_s);
        }
        QTRY_VERIFY(std::any_of(witness->events().cbegin(), witness->events().cend(), [&](const QJsonObject &e) {
            return e.value(u"data").toObject().value(u"message").toObject().value(u"cid").toString() == cids.last();
        }));
        const QList<QJsonObject> missed = witness->events().mid(witnessedBefore);

        RawProtocolClient back;
        QVERIFY(back.open(m_server.wsUrl(u"/v1/operator"_s)));
        const QJsonObject hello = back.request(u"hello"_s, {{u"protocol"_s, u"1.0"_s},
                                                            {u"auth"_s, QJsonObject{{u"token"_s, token}}},
                                                            {u"resume"_s, QJsonObject{{u"lastSeq"_s, lastSeq}}}});
        QCOMPARE(hello.value(u"type").toString(), u"result"_s);
        QCOMPARE(data(hello).value(u"resumed").toBool(), true);
        QVERIFY(!data(hello).contains(u"snapshot"));
        QCOMPARE(static_cast<qint64>(data(hello).value(u"seq").toDouble()), lastSeq);
        QTRY_COMPARE(back.events().size(), missed.size());
        for (qsizetype i = 0; i < missed.size(); ++i) {
            const QJsonObject replayed = back.events().at(i);
            QCOMPARE(static_cast<qint64>(replayed.value(u"seq").toDouble()), lastSeq + 1 + i);
            QCOMPARE(replayed.value(u"name"), missed.at(i).value(u"name"));
            QCOMPARE(replayed.value(u"data"), missed.at(i).value(u"data"));
        }
        // Nothing more than the missed events was replayed, and numbering continues.
        QCOMPARE(back.events().size(), missed.size());
        visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/after"_s}});
        const QJsonObject after = back.waitEvent(u"visitor.updated"_s);
        QVERIFY(!after.isEmpty());
    }

    void adminCreatedOperatorCanLogIn()
    {
        QString output;
        QCOMPARE(m_server.admin({u"create-department"_s, u"--name"_s, u"Support"_s}, &output), 0);
        QCOMPARE(m_server.admin({u"create-department"_s, u"--name"_s, u"Support"_s}, &output), 1);
        QCOMPARE(m_server.admin({u"create-operator"_s, u"--email"_s, u"Anna@Example.com"_s, u"--name"_s, u"Anna"_s,
                                 u"--password"_s, u"anna-secret"_s, u"--department"_s, u"Support"_s,
                                 u"--max-dialogs"_s, u"3"_s},
                                &output),
                 0);
        QCOMPARE(m_server.admin({u"create-operator"_s, u"--email"_s, u"anna@example.com"_s, u"--name"_s, u"Anna 2"_s,
                                 u"--password"_s, u"x"_s},
                                &output),
                 1);
        QVERIFY2(output.contains(u"already exists"), qPrintable(output));
        QCOMPARE(m_server.admin({u"create-operator"_s, u"--email"_s, u"not-an-email"_s, u"--name"_s, u"X"_s,
                                 u"--password"_s, u"x"_s},
                                &output),
                 1);
        QVERIFY2(output.contains(u"not a valid email"), qPrintable(output));
        QCOMPARE(m_server.admin({u"list-operators"_s}, &output), 0);
        QVERIFY(output.contains(u"anna@example.com") && output.contains(u"Support"));

        RawProtocolClient client;
        QVERIFY(client.open(m_server.wsUrl(u"/v1/operator"_s)));
        const QJsonObject hello = client.helloOperator(u"anna@example.com"_s, u"anna-secret"_s);
        QCOMPARE(hello.value(u"type").toString(), u"result"_s);
        const QJsonObject me = data(hello).value(u"operator").toObject();
        QCOMPARE(me.value(u"name").toString(), u"Anna"_s);
        QCOMPARE(me.value(u"maxDialogs").toInt(), 3);
        QVERIFY(data(hello).value(u"snapshot").toObject().contains(u"dialogs"));
    }

    void staticFiles()
    {
        int status = 0;
        QCOMPARE(httpGet(u"/healthz"_s, &status).trimmed(), QByteArray("ok"));
        QCOMPARE(status, 200);
        httpGet(u"/nothing-here"_s, &status);
        QCOMPARE(status, 404);
        httpGet(u"/demo/../../etc/passwd"_s, &status);
        QCOMPARE(status, 404);
        const QString widget = QStringLiteral(CONCIERGE_SHARE_BUILD_DIR) + u"/widget/widget.js"_s;
        if (!QFileInfo::exists(widget))
            QSKIP("the widget bundle is not built in this tree (build the widget target first)");
        const QByteArray body = httpGet(u"/widget.js"_s, &status);
        QCOMPARE(status, 200);
        QCOMPARE(body.size(), QFileInfo(widget).size());
    }

    // The tests below restart the shared server; keep them last.

    void killedServerKeepsAcknowledgedMessagesAndResumeGivesSnapshot()
    {
        QString token;
        auto op = demoOperator(&token);
        auto visitor = newVisitor();
        QVERIFY(op && visitor);
        QStringList cids;
        qint64 dialogId = 0;
        for (int i = 0; i < 50; ++i) {
            cids.append(newCid());
            const QJsonObject reply = visitor->request(u"message.send"_s,
                                                       {{u"cid"_s, cids.last()}, {u"text"_s, u"line %1"_s.arg(i)}});
            QCOMPARE(reply.value(u"type").toString(), u"result"_s); // acknowledged = stored
            dialogId = static_cast<qint64>(data(reply).value(u"message").toObject().value(u"dialogId").toDouble());
        }
        QTRY_VERIFY(op->lastSeq() > 0);
        const qint64 lastSeq = op->lastSeq();

        m_server.kill();
        QVERIFY(op->waitClosed());
        QVERIFY2(m_server.restart(), qPrintable(m_server.output()));

        RawProtocolClient back;
        QVERIFY(back.open(m_server.wsUrl(u"/v1/operator"_s)));
        const QJsonObject hello = back.request(u"hello"_s, {{u"protocol"_s, u"1.0"_s},
                                                            {u"auth"_s, QJsonObject{{u"token"_s, token}}},
                                                            {u"resume"_s, QJsonObject{{u"lastSeq"_s, lastSeq}}}});
        QCOMPARE(hello.value(u"type").toString(), u"result"_s); // the session token survived
        QCOMPARE(data(hello).value(u"resumed").toBool(), false);
        const QJsonObject snapshot = data(hello).value(u"snapshot").toObject();
        QVERIFY(snapshot.contains(u"operator"));
        bool dialogInSnapshot = false;
        for (const QJsonValue &d : snapshot.value(u"dialogs").toArray())
            dialogInSnapshot |= static_cast<qint64>(d.toObject().value(u"id").toDouble()) == dialogId;
        QVERIFY(dialogInSnapshot);
        QCOMPARE(static_cast<qint64>(data(hello).value(u"seq").toDouble()), 0);

        const QJsonArray history = data(back.request(u"history.get"_s, {{u"dialogId"_s, dialogId}, {u"limit"_s, 500}}))
                                       .value(u"messages")
                                       .toArray();
        QStringList stored;
        for (const QJsonValue &m : history)
            stored.append(m.toObject().value(u"cid").toString());
        QCOMPARE(stored, cids);
    }
};

QTEST_GUILESS_MAIN(TestServerProtocol)
#include "tst_server_protocol.moc"
