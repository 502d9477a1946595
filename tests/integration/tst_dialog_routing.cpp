// SPDX-License-Identifier: GPL-3.0-or-later
// No visitor waits on an operator who is not there: an unanswered dialog assigned to an operator
// who goes offline, or whose last socket drops, is handed to another online operator. A socket that
// falls silent (a laptop gone to sleep) is closed by the server, with the same effect.
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "TestVisitor.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject data(const QJsonObject &frame)
{
    return frame.value(u"data").toObject();
}

/// The newest `dialog.updated` for this dialog among everything the client received.
QJsonObject latestDialog(const RawProtocolClient &client, qint64 dialogId)
{
    QJsonObject latest;
    for (const QJsonObject &event : client.events()) {
        const QJsonObject dialog = data(event).value(u"dialog").toObject();
        if (event.value(u"name").toString() == u"dialog.updated" && dialog.value(u"id").toInteger() == dialogId)
            latest = dialog;
    }
    return latest;
}

} // namespace

class TestDialogRouting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void waitingDialogMovesWhenItsOperatorGoesOffline();
    void waitingDialogMovesWhenItsOperatorsSocketDrops();

private:
    std::unique_ptr<RawProtocolClient> onlineOperator(const QString &email, const QString &password);
    qint64 newWaitingDialog(TestVisitor &visitor);

    ServerProcess m_server;
};

void TestDialogRouting::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_server.start());
    QString output;
    QCOMPARE(m_server.admin({u"create-operator"_s, u"--email"_s, u"boris@example.com"_s, u"--name"_s, u"Boris"_s,
                             u"--password"_s, u"boris-secret"_s},
                            &output),
             0);
}

std::unique_ptr<RawProtocolClient> TestDialogRouting::onlineOperator(const QString &email, const QString &password)
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(m_server.wsUrl(u"/v1/operator"_s))
        || client->helloOperator(email, password).value(u"type").toString() != u"result")
        return nullptr;
    if (client->request(u"status.set"_s, {{u"status"_s, u"online"_s}}).value(u"type").toString() != u"result")
        return nullptr;
    return client;
}

qint64 TestDialogRouting::newWaitingDialog(TestVisitor &visitor)
{
    if (!visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)))
        return 0;
    const QString cid = visitor.send(u"Is anyone there?"_s);
    if (!visitor.waitForMessage(cid))
        return 0;
    for (const QJsonObject &message : visitor.messages()) {
        if (message.value(u"cid").toString() == cid)
            return message.value(u"dialogId").toInteger();
    }
    return 0;
}

void TestDialogRouting::waitingDialogMovesWhenItsOperatorGoesOffline()
{
    auto demo = onlineOperator(u"demo@example.com"_s, m_server.demoPassword());
    QVERIFY(demo);
    TestVisitor visitor;
    const qint64 dialogId = newWaitingDialog(visitor);
    QVERIFY(dialogId > 0);
    qint64 demoId = 0;
    QTRY_VERIFY_WITH_TIMEOUT((demoId = latestDialog(*demo, dialogId).value(u"operatorId").toInteger()) > 0, 5000);

    auto boris = onlineOperator(u"boris@example.com"_s, u"boris-secret"_s);
    QVERIFY(boris);
    QCOMPARE(demo->request(u"status.set"_s, {{u"status"_s, u"offline"_s}}).value(u"type").toString(), u"result"_s);

    // Boris gets the unanswered dialog, can answer it, and the visitor reads the answer.
    QTRY_VERIFY_WITH_TIMEOUT(latestDialog(*boris, dialogId).value(u"operatorId").toInteger() > 0
                                 && latestDialog(*boris, dialogId).value(u"operatorId").toInteger() != demoId,
                             5000);
    const QJsonObject reply = boris->request(u"message.send"_s, {{u"dialogId"_s, dialogId},
                                                                 {u"cid"_s, u"boris-reply-1"_s},
                                                                 {u"text"_s, u"Boris here, how can I help?"_s}});
    QCOMPARE(reply.value(u"type").toString(), u"result"_s);
    QVERIFY(visitor.waitForOperatorText(u"Boris here, how can I help?"_s));
}

void TestDialogRouting::waitingDialogMovesWhenItsOperatorsSocketDrops()
{
    auto boris = onlineOperator(u"boris@example.com"_s, u"boris-secret"_s);
    QVERIFY(boris);
    TestVisitor visitor;
    const qint64 dialogId = newWaitingDialog(visitor);
    QVERIFY(dialogId > 0);
    qint64 borisId = 0;
    QTRY_VERIFY_WITH_TIMEOUT((borisId = latestDialog(*boris, dialogId).value(u"operatorId").toInteger()) > 0, 5000);

    auto demo = onlineOperator(u"demo@example.com"_s, m_server.demoPassword());
    QVERIFY(demo);
    boris->socket().abort(); // the network is gone; no goodbye
    QTRY_VERIFY_WITH_TIMEOUT(latestDialog(*demo, dialogId).value(u"operatorId").toInteger() > 0
                                 && latestDialog(*demo, dialogId).value(u"operatorId").toInteger() != borisId,
                             5000);
}

QTEST_GUILESS_MAIN(TestDialogRouting)
#include "tst_dialog_routing.moc"
