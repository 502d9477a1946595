// SPDX-License-Identifier: GPL-3.0-or-later
// Offline requests (docs/protocol.md, "Offline requests"): the widget's offline form is stored as a
// waiting dialog with the visitor's contact, never auto-assigned, open to any operator; a contact
// (email or phone) is required.
#include "ServerTestKit.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;

QJsonObject offlineRequest(RawProtocolClient &visitor, const QString &email, const QString &phone,
                           qint64 departmentId = 0)
{
    QJsonObject fields{{u"cid"_s, newCid()},
                       {u"text"_s, u"Please call me back about order 4711"_s},
                       {u"name"_s, u"Olga"_s},
                       {u"email"_s, email},
                       {u"phone"_s, phone}};
    if (departmentId != 0)
        fields.insert(u"departmentId"_s, departmentId);
    return visitor.request(u"offline.request"_s, fields);
}

} // namespace

class TestOfflineRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void storedAsAWaitingDialogThatNobodyIsGiven();
    void emailOrPhoneIsRequired();
    void visitorWithAnOpenDialogIsForbidden();

private:
    ServerProcess &server() { return *m_server; }

    std::unique_ptr<ServerProcess> m_server;
};

void TestOfflineRequests::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestOfflineRequests::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s, {u"--department"_s, u"Support"_s}));
    QVERIFY2(server().start(), qPrintable(server().output()));
}

void TestOfflineRequests::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_server.reset();
}

void TestOfflineRequests::storedAsAWaitingDialogThatNobodyIsGiven()
{
    // Anna is Online with room: an ordinary dialog would be hers at once.
    QJsonObject annaHello, visitorHello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    auto visitor = connectVisitor(server(), &visitorHello);
    QVERIFY(anna && visitor);
    const qint64 support = departmentId(visitorHello, u"Support"_s);
    QVERIFY(support > 0);

    const QJsonObject reply = offlineRequest(*visitor, u"olga@example.com"_s, QString(), support);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject message = data(reply).value(u"message").toObject();
    QCOMPARE(message.value(u"text").toString(), u"Please call me back about order 4711"_s);
    const qint64 dialogId = idOf(message.value(u"dialogId"));
    QVERIFY(dialogId > 0);

    QTRY_VERIFY(!latestDialog(*anna, dialogId).isEmpty());
    QVERIFY(settle(server(), {anna.get()}));
    const QJsonObject dialog = latestDialog(*anna, dialogId);
    QCOMPARE(dialog.value(u"state").toString(), u"waiting"_s);
    QCOMPARE(idOf(dialog.value(u"operatorId")), 0);
    QCOMPARE(idOf(dialog.value(u"departmentId")), support);
    const QJsonObject contact = dialog.value(u"offline").toObject();
    QCOMPARE(contact.value(u"name").toString(), u"Olga"_s);
    QCOMPARE(contact.value(u"email").toString(), u"olga@example.com"_s);
    QCOMPARE(contact.value(u"phone").toString(), QString());
    const QList<QJsonObject> lines = history(*anna, dialogId);
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().value(u"text").toString(), u"Please call me back about order 4711"_s);

    // A new session finds it, contact and all; any operator may take it.
    QJsonObject again;
    QVERIFY(loginOperator(server(), kAnna, QString(), &again));
    bool inSnapshot = false;
    for (const QJsonValue &d : again.value(u"snapshot").toObject().value(u"dialogs").toArray()) {
        if (idOf(d.toObject().value(u"id")) == dialogId)
            inSnapshot = d.toObject().value(u"offline").toObject().value(u"name").toString() == u"Olga";
    }
    QVERIFY(inSnapshot);
    const QJsonObject taken = anna->request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY2(isResult(taken), qPrintable(errorCode(taken)));
    QCOMPARE(idOf(data(taken).value(u"dialog").toObject().value(u"operatorId")),
             idOf(annaHello.value(u"operator").toObject().value(u"id")));
}

void TestOfflineRequests::emailOrPhoneIsRequired()
{
    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    auto noContact = connectVisitor(server());
    QVERIFY(noContact);
    QCOMPARE(errorCode(offlineRequest(*noContact, QString(), QString())), u"bad_request"_s);
    QCOMPARE(
        errorCode(noContact->request(
            u"offline.request"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Call me"_s}, {u"name"_s, u"Olga"_s}})),
        u"bad_request"_s);
    QVERIFY(settle(server(), {anna.get()}));
    QVERIFY(eventData(*anna, u"dialog.updated"_s).isEmpty());

    // A phone alone is enough.
    auto phoneOnly = connectVisitor(server());
    QVERIFY(phoneOnly);
    const QJsonObject reply = offlineRequest(*phoneOnly, QString(), u"+49 30 1234567"_s);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const qint64 dialogId = idOf(data(reply).value(u"message").toObject().value(u"dialogId"));
    QTRY_COMPARE(latestDialog(*anna, dialogId).value(u"offline").toObject().value(u"phone").toString(),
                 u"+49 30 1234567"_s);
}

void TestOfflineRequests::visitorWithAnOpenDialogIsForbidden()
{
    auto visitor = connectVisitor(server());
    QVERIFY(visitor);
    QVERIFY(openDialog(*visitor) > 0);
    QCOMPARE(errorCode(offlineRequest(*visitor, u"olga@example.com"_s, QString())), u"forbidden"_s);
}

QTEST_GUILESS_MAIN(TestOfflineRequests)
#include "tst_offline_requests.moc"
