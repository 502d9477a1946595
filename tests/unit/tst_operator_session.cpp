// SPDX-License-Identifier: GPL-3.0-or-later
// The engine's side of protocol 1.1 against a scripted server on loopback: the hello's operator
// list, departments and settings; the operator room through the outbox; transfer and take-over;
// nothing sent while Offline; and an offline start that shows all of it from the cache.
// The real server's rules are tested in tests/integration; here the server says exactly what the
// contract (docs/protocol.md) allows, so every frame the engine sends can be checked.
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorListModel.h"
#include "OperatorSession.h"
#include "VisitorListModel.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

#include <functional>
#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using Section = VisitorListModel::Section;

namespace {

constexpr qint64 kMe = 7;
constexpr qint64 kAda = 9;
const QString kT0 = u"2026-01-01T10:00:00.000Z"_s;

/// Answers the engine's frames with a script; records every frame it received.
class ScriptedServer : public QObject
{
public:
    /// Returns the frames to send back for one received frame.
    using Script = std::function<QList<QJsonObject>(const QJsonObject &frame)>;

    ScriptedServer()
        : m_server(u"scripted"_s, QWebSocketServer::NonSecureMode)
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *socket = m_server.nextPendingConnection()) {
                m_socket = socket;
                connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
                    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
                    if (frame.value(u"type").toString() == u"ping" ||
                        frame.value(u"type").toString() == u"ack")
                        return;
                    received.append(frame);
                    for (const QJsonObject &reply : script(frame))
                        send(reply);
                });
            }
        });
    }

    QUrl url() const { return QUrl(u"ws://127.0.0.1:%1"_s.arg(m_server.serverPort())); }
    void send(const QJsonObject &frame)
    {
        if (m_socket)
            m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
    }
    QList<QJsonObject> requestsOfType(const QString &type) const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &frame : received) {
            if (frame.value(u"type").toString() == type)
                list.append(frame);
        }
        return list;
    }

    Script script = [](const QJsonObject &) { return QList<QJsonObject>{}; };
    QList<QJsonObject> received;
    qint64 seq = 0;

private:
    QWebSocketServer m_server;
    QWebSocket *m_socket = nullptr;
};

QJsonObject result(const QJsonObject &request, const QJsonObject &data)
{
    return {{u"type"_s, u"result"_s}, {u"rid"_s, request.value(u"rid")}, {u"data"_s, data}};
}

QJsonObject error(const QJsonObject &request, const QString &code, const QString &message)
{
    return {{u"type"_s, u"error"_s},
            {u"rid"_s, request.value(u"rid")},
            {u"code"_s, code},
            {u"message"_s, message}};
}

QJsonObject operatorJson(qint64 id, const QString &name, const QString &status, const QString &role,
                         const QJsonArray &languages, bool connected = true)
{
    return {{u"id"_s, id},
            {u"email"_s, u"op%1@example.com"_s.arg(id)},
            {u"name"_s, name},
            {u"status"_s, status},
            {u"maxDialogs"_s, 5},
            {u"role"_s, role},
            {u"languages"_s, languages},
            {u"departmentIds"_s, QJsonArray{1}},
            {u"connected"_s, connected},
            {u"statusSince"_s, kT0}};
}

QJsonObject visitorJson(qint64 id)
{
    return {{u"id"_s, id},
            {u"name"_s, u"Visitor %1"_s.arg(id)},
            {u"online"_s, true},
            {u"firstSeen"_s, kT0},
            {u"lastSeen"_s, kT0},
            {u"currentPage"_s,
             QJsonObject{{u"url"_s, u"https://shop/"_s}, {u"title"_s, u"Shop"_s}, {u"at"_s, kT0}}}};
}

QJsonObject dialogJson(qint64 id, qint64 visitorId, const QJsonValue &operatorId, const QString &state)
{
    return {{u"id"_s, id},
            {u"visitorId"_s, visitorId},
            {u"operatorId"_s, operatorId},
            {u"state"_s, state},
            {u"createdAt"_s, kT0},
            {u"closedAt"_s, QJsonValue::Null},
            {u"waitingSince"_s, state == u"waiting" ? QJsonValue(kT0) : QJsonValue(QJsonValue::Null)},
            {u"departmentId"_s, QJsonValue::Null},
            {u"language"_s, u""_s},
            {u"offline"_s, QJsonValue::Null},
            {u"transfer"_s, QJsonValue::Null}};
}

QJsonObject roomLine(qint64 id, const QString &cid, qint64 operatorId, const QString &name,
                     const QString &text)
{
    return {{u"id"_s, id},
            {u"cid"_s, cid},
            {u"dialogId"_s, 0},
            {u"author"_s, u"operator"_s},
            {u"operatorId"_s, operatorId},
            {u"authorName"_s, name},
            {u"text"_s, text},
            {u"at"_s, kT0},
            {u"event"_s, u""_s},
            {u"meta"_s, QJsonObject{}}};
}

/// What a 1.1 server says to a supervisor logging in; `status` is mine.
QJsonObject helloData(const QString &status)
{
    const QJsonObject me = operatorJson(kMe, u"Me"_s, status, u"supervisor"_s, {u"en"_s, u"fr"_s});
    return {
        {u"protocol"_s, u"1.1"_s},
        {u"token"_s, u"token-1"_s},
        {u"operator"_s, me},
        {u"resumed"_s, false},
        {u"seq"_s, 0},
        {u"operators"_s,
         QJsonArray{me, operatorJson(kAda, u"Ada"_s, u"online"_s, u"operator"_s, {u"ru"_s, u"en"_s})}},
        {u"departments"_s, QJsonArray{QJsonObject{{u"id"_s, 1}, {u"name"_s, u"Sales"_s}}}},
        {u"settings"_s, QJsonObject{{u"autoAssign"_s, false}, {u"hideOthersDialogs"_s, true}}},
        {u"snapshot"_s,
         QJsonObject{{u"operator"_s, me},
                     {u"visitors"_s, QJsonArray{visitorJson(1), visitorJson(2)}},
                     // Ada's dialog: a supervisor sees it despite "hide others' dialogs".
                     {u"dialogs"_s, QJsonArray{dialogJson(11, 1, kAda, u"active"_s),
                                               dialogJson(12, 2, QJsonValue::Null, u"waiting"_s)}},
                     {u"messages"_s, QJsonArray{}},
                     {u"chat"_s, QJsonArray{roomLine(100, u"z-100"_s, kAda, u"Ada"_s, u"Morning all"_s)}}}},
    };
}

struct Client
{
    LocalStore store;
    std::unique_ptr<OperatorSession> session;
};

} // namespace

class TestOperatorSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void helloFillsOperatorsDepartmentsSettingsAndRoom()
    {
        QTemporaryDir dir;
        ScriptedServer server;
        server.script = [](const QJsonObject &frame) -> QList<QJsonObject> {
            if (frame.value(u"type").toString() == u"hello")
                return {result(frame, helloData(u"online"_s))};
            return {};
        };
        {
            Client client;
            QVERIFY(client.store.open(dir.filePath(u"cache.sqlite"_s)));
            client.session = std::make_unique<OperatorSession>(&client.store);
            OperatorSession &session = *client.session;
            QSignalSpy settingsChanged(&session, &OperatorSession::serverSettingsChanged);
            QSignalSpy operatorsChanged(&session, &OperatorSession::operatorsChanged);
            QSignalSpy synced(&session, &OperatorSession::synced);
            session.loginWithPassword(server.url(), u"op7@example.com"_s, u"secret"_s);
            QTRY_COMPARE(synced.size(), 1);

            QCOMPARE(session.operators().size(), 2);
            QCOMPARE(session.operatorInfo(kAda)->name, u"Ada"_s);
            QVERIFY(!session.operatorInfo(42));
            QCOMPARE(session.departments().size(), 1);
            QCOMPARE(session.departments().first().name, u"Sales"_s);
            QCOMPARE(session.languages(), (QStringList{u"en"_s, u"fr"_s, u"ru"_s}));
            QCOMPARE(settingsChanged.size(), 1);
            QVERIFY(!session.serverSettings().autoAssign);
            QVERIFY(session.serverSettings().hideOthersDialogs);
            QVERIFY(operatorsChanged.size() >= 1);
            QCOMPARE(session.operatorModel()->rowCount(), 2);
            QCOMPARE(session.chatModel()->rowCount(), 1);
            QCOMPARE(session.chatModel()->index(0).data(MessageListModel::TextRole).toString(),
                     u"Morning all"_s);

            VisitorListModel *list = session.visitorModel();
            QCOMPARE(list->indexOfVisitor(1).parent().row(), int(Section::OtherChats));
            QCOMPARE(list->indexOfVisitor(2).parent().row(), int(Section::Waiting)); // no auto-assignment
            QVERIFY(!list->sectionApplies(Section::CommonQueue));
            QVERIFY(!session.canChangeDialog(11)); // Ada's
            QVERIFY(session.canChangeDialog(12));  // unassigned

            // A colleague's status change moves them in the list and is announced.
            QCOMPARE(session.operatorModel()->index(0).data(OperatorListModel::OperatorIdRole).toLongLong(),
                     kAda);
            operatorsChanged.clear();
            server.send({{u"type"_s, u"event"_s},
                         {u"seq"_s, 1},
                         {u"name"_s, u"operator.updated"_s},
                         {u"data"_s, QJsonObject{{u"operator"_s, operatorJson(kAda, u"Ada"_s, u"lunch"_s,
                                                                              u"operator"_s, {u"ru"_s})}}}});
            QTRY_COMPARE(operatorsChanged.size(), 1);
            QCOMPARE(session.operatorInfo(kAda)->status, protocol::OperatorStatus::Lunch);
            QCOMPARE(session.operatorModel()->index(1).data(OperatorListModel::OperatorIdRole).toLongLong(),
                     kAda);
            QCOMPARE(session.languages(), (QStringList{u"en"_s, u"fr"_s, u"ru"_s}));
            session.logout();
        }

        // The next start has no network: everything above comes from the cache.
        Client offline;
        QVERIFY(offline.store.open(dir.filePath(u"cache.sqlite"_s)));
        offline.session = std::make_unique<OperatorSession>(&offline.store);
        OperatorSession &session = *offline.session;
        QCOMPARE(session.operators().size(), 2);
        QCOMPARE(session.operatorInfo(kAda)->status, protocol::OperatorStatus::Lunch);
        QCOMPARE(session.departments().size(), 1);
        QVERIFY(session.serverSettings().hideOthersDialogs);
        QCOMPARE(session.chatModel()->rowCount(), 1);
        QCOMPARE(session.visitorModel()->indexOfVisitor(1).parent().row(), int(Section::OtherChats));
        QVERIFY(session.visitorModel()->supervises());
    }

    void roomLinesGoThroughTheOutboxOnce()
    {
        QTemporaryDir dir;
        ScriptedServer server;
        server.script = [&server](const QJsonObject &frame) -> QList<QJsonObject> {
            const QString type = frame.value(u"type").toString();
            if (type == u"hello")
                return {result(frame, helloData(u"online"_s))};
            if (type == u"chat.send") {
                // The result, then the echo every operator session gets (the sender's too).
                const QJsonObject line = roomLine(200, frame.value(u"cid").toString(), kMe, u"Me"_s,
                                                  frame.value(u"text").toString());
                return {result(frame, {{u"message"_s, line}}),
                        {{u"type"_s, u"event"_s},
                         {u"seq"_s, ++server.seq},
                         {u"name"_s, u"chat.message"_s},
                         {u"data"_s, QJsonObject{{u"message"_s, line}}}}};
            }
            if (type == u"chat.history")
                return {result(frame, {{u"messages"_s, QJsonArray{roomLine(90, u"z-90"_s, kAda, u"Ada"_s,
                                                                           u"Earlier line"_s)}}})};
            return {};
        };
        Client client;
        QVERIFY(client.store.open(dir.filePath(u"cache.sqlite"_s)));
        client.session = std::make_unique<OperatorSession>(&client.store);
        OperatorSession &session = *client.session;

        // Written before the link is up: shown at once as pending, sent on login.
        const QString cid = session.sendChatMessage(u"@Ada can you take the Russian chat?"_s);
        QVERIFY(!cid.isEmpty());
        QCOMPARE(session.chatModel()->rowCount(), 1);
        QVERIFY(session.chatModel()->index(0).data(MessageListModel::PendingRole).toBool());
        QCOMPARE(session.pendingReplyCount(), 1);

        QSignalSpy arrived(&session, &OperatorSession::chatMessageArrived);
        session.loginWithPassword(server.url(), u"op7@example.com"_s, u"secret"_s);
        QTRY_COMPARE(session.pendingReplyCount(), 0);
        QTRY_COMPARE(arrived.size(), 1); // result and echo: announced once
        const auto sent = server.requestsOfType(u"chat.send"_s);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().value(u"cid").toString(), cid);
        QVERIFY(!sent.first().contains(u"dialogId"));
        QVERIFY(server.requestsOfType(u"message.send"_s).isEmpty());
        // The snapshot's line and mine, mine confirmed in place.
        QCOMPARE(session.chatModel()->rowCount(), 2);
        const QModelIndex mine = session.chatModel()->index(1);
        QCOMPARE(mine.data(MessageListModel::CidRole).toString(), cid);
        QCOMPARE(mine.data(MessageListModel::MessageIdRole).toLongLong(), 200);
        QVERIFY(!mine.data(MessageListModel::PendingRole).toBool());

        // Older lines on request.
        session.loadChatHistory();
        QTRY_COMPARE(session.chatModel()->rowCount(), 3);
        QCOMPARE(server.requestsOfType(u"chat.history"_s).size(), 1);
        // By now the echo of my line has certainly been handled too (it came first): still once.
        QCOMPARE(arrived.size(), 1);
        QCOMPARE(session.chatModel()->index(2).data(MessageListModel::CidRole).toString(), cid);
    }

    void transferAndTakeOver()
    {
        QTemporaryDir dir;
        ScriptedServer server;
        bool adaAvailable = false;
        server.script = [&](const QJsonObject &frame) -> QList<QJsonObject> {
            const QString type = frame.value(u"type").toString();
            if (type == u"hello")
                return {result(frame, helloData(u"online"_s))};
            if (type == u"dialog.transfer") {
                if (frame.value(u"to").toObject().contains(u"queue"))
                    return {
                        result(frame, {{u"dialog"_s, dialogJson(11, 1, QJsonValue::Null, u"waiting"_s)}})};
                if (!adaAvailable)
                    return {error(frame, u"unavailable"_s, u"Ada is not online"_s)};
                QJsonObject dialog = dialogJson(12, 2, kAda, u"waiting"_s);
                dialog.insert(u"transfer"_s, QJsonObject{{u"fromOperatorId"_s, kMe},
                                                         {u"fromName"_s, u"Me"_s},
                                                         {u"comment"_s, frame.value(u"comment")},
                                                         {u"at"_s, kT0}});
                return {result(frame, {{u"dialog"_s, dialog}})};
            }
            if (type == u"dialog.takeover")
                return {result(frame, {{u"dialog"_s, dialogJson(11, 1, kMe, u"active"_s)}})};
            return {};
        };
        Client client;
        QVERIFY(client.store.open(dir.filePath(u"cache.sqlite"_s)));
        client.session = std::make_unique<OperatorSession>(&client.store);
        OperatorSession &session = *client.session;
        QSignalSpy synced(&session, &OperatorSession::synced);
        QSignalSpy failed(&session, &OperatorSession::requestFailed);
        QSignalSpy transferred(&session, &OperatorSession::dialogTransferred);
        QSignalSpy takenOver(&session, &OperatorSession::dialogTakenOver);
        session.loginWithPassword(server.url(), u"op7@example.com"_s, u"secret"_s);
        QTRY_COMPARE(synced.size(), 1);

        // Refused: the dialog stays where it was and the server's words reach the operator.
        session.transferDialog(12, protocol::TransferTarget::toOperator(kAda), u"Russian speaker"_s);
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().at(0).toString(), u"dialog.transfer"_s);
        QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Unavailable);
        QCOMPARE(failed.first().at(2).toString(), u"Ada is not online"_s);
        QCOMPARE(session.visitorModel()->indexOfVisitor(2).parent().row(), int(Section::Waiting));
        QCOMPARE(transferred.size(), 0);
        const QJsonObject request = server.requestsOfType(u"dialog.transfer"_s).first();
        QCOMPARE(request.value(u"dialogId").toInteger(), 12);
        QCOMPARE(request.value(u"to").toObject(), (QJsonObject{{u"operatorId"_s, kAda}}));
        QCOMPARE(request.value(u"comment").toString(), u"Russian speaker"_s);

        adaAvailable = true;
        session.transferDialog(12, protocol::TransferTarget::toOperator(kAda), u"Russian speaker"_s);
        QTRY_COMPARE(transferred.size(), 1);
        QCOMPARE(transferred.first().at(0).toLongLong(), 12);
        QCOMPARE(session.dialog(12).transfer.comment, u"Russian speaker"_s);
        QCOMPARE(session.visitorModel()->indexOfVisitor(2).parent().row(), int(Section::OtherChats));
        QVERIFY(!session.canChangeDialog(12));

        // A transfer without a comment sends none.
        session.transferDialog(11, protocol::TransferTarget::toQueue(), u"  "_s);
        QTRY_COMPARE(server.requestsOfType(u"dialog.transfer"_s).size(), 3);
        QVERIFY(!server.requestsOfType(u"dialog.transfer"_s).last().contains(u"comment"));

        session.takeOverDialog(11);
        QTRY_COMPARE(takenOver.size(), 1);
        QCOMPARE(session.visitorModel()->indexOfVisitor(1).parent().row(), int(Section::InDialog));
        QVERIFY(session.canChangeDialog(11));
    }

    void offlineSendsNoDialogOrRoomRequests()
    {
        QTemporaryDir dir;
        ScriptedServer server;
        server.script = [](const QJsonObject &frame) -> QList<QJsonObject> {
            if (frame.value(u"type").toString() == u"hello")
                return {result(frame, helloData(u"offline"_s))};
            if (frame.value(u"type").toString() == u"status.set")
                return {result(frame,
                               {{u"operator"_s, operatorJson(kMe, u"Me"_s, frame.value(u"status").toString(),
                                                             u"supervisor"_s, {u"en"_s})}})};
            return {};
        };
        Client client;
        QVERIFY(client.store.open(dir.filePath(u"cache.sqlite"_s)));
        client.session = std::make_unique<OperatorSession>(&client.store);
        OperatorSession &session = *client.session;
        QSignalSpy synced(&session, &OperatorSession::synced);
        QSignalSpy failed(&session, &OperatorSession::requestFailed);
        session.loginWithPassword(server.url(), u"op7@example.com"_s, u"secret"_s);
        QTRY_COMPARE(synced.size(), 1);
        QVERIFY(!session.self().mayWork());
        QVERIFY(!session.canChangeDialog(12)); // unassigned, but I am Offline

        QVERIFY(session.sendReply(12, u"hello"_s).isEmpty());
        QVERIFY(session.sendChatMessage(u"hi all"_s).isEmpty());
        session.takeDialog(12);
        session.closeDialog(12);
        session.transferDialog(12, protocol::TransferTarget::toQueue(), {});
        session.takeOverDialog(11);
        session.loadChatHistory();
        QCOMPARE(failed.size(), 7);
        for (const auto &call : failed)
            QCOMPARE(call.at(1).value<ErrorCode>(), ErrorCode::Forbidden);
        QCOMPARE(failed.at(1).at(0).toString(), u"chat.send"_s);
        QCOMPARE(session.pendingReplyCount(), 0);
        QCOMPARE(session.chatModel()->rowCount(), 1); // only the snapshot's line: nothing pending

        // Back to work: requests go out again.
        session.setStatus(protocol::OperatorStatus::Online);
        QTRY_VERIFY(session.self().mayWork());
        session.takeDialog(12);
        QTRY_COMPARE(server.requestsOfType(u"dialog.take"_s).size(), 1);
        // Only hello, status.set and that take ever reached the server.
        QCOMPARE(server.received.size(), 3);
    }
};

QTEST_GUILESS_MAIN(TestOperatorSession)
#include "tst_operator_session.moc"
