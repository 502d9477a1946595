// SPDX-License-Identifier: GPL-3.0-or-later
// The client engine (OperatorSession) of issue 3 against the real concierge-server, two real
// engines side by side — a supervisor (Sam) and a plain operator (Ada): the hello's operator list,
// departments and settings, with a colleague's live status; the operator room through the outbox,
// once even when the link dies with a line in flight; transfer refused and done; take-over;
// nothing sent while Offline; and an offline start that shows all of it from the cache.
// The server runs with auto-assignment off and "hide others' dialogs" on, so the settings differ
// from the engine's defaults and the two roles see different lists.
#include "Connection.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorListModel.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TestVisitor.h"
#include "VisitorListModel.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <algorithm>
#include <memory>
#include <vector>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::OperatorStatus;
using Section = VisitorListModel::Section;

namespace {

constexpr int kWaitMs = 15000;
const QString kSamEmail = u"sam@example.com"_s;
const QString kAdaEmail = u"ada@example.com"_s;
const QString kSamName = u"Sam Supervisor"_s;
const QString kAdaName = u"Ada Lovelace"_s;
const QString kQuestion = u"Hello, I ordered the wrong size"_s; // the first visitor's first line
const QString kAnswer = u"Здравствуйте! Which size would you like instead?"_s; // Ada's reply to it

/// One operator app: its cache file and its engine, re-creatable on the same file (an app restart).
struct Engine
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<OperatorSession> session;
    QHash<QString, int> roomArrivals; ///< cid → how many times chatMessageArrived announced it
    QStringList roomTexts;            ///< every room line announced, in order

    bool open(const QString &path)
    {
        close();
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        session = std::make_unique<OperatorSession>(store.get());
        // Fast retries: the test waits on behaviour, not on backoff.
        session->connection()->setBackoff(50, 400);
        QObject::connect(session.get(), &OperatorSession::chatMessageArrived, session.get(),
                         [this](const protocol::Message &line) {
                             ++roomArrivals[line.cid];
                             roomTexts.append(line.text);
                         });
        return true;
    }
    void close()
    {
        session.reset();
        store.reset();
        roomArrivals.clear();
        roomTexts.clear();
    }
    OperatorSession *operator->() const { return session.get(); }
    qint64 id() const { return session->self().id; }
};

/// The section the visitor is listed under; -1 when not listed.
int sectionOf(const OperatorSession *session, qint64 visitorId)
{
    const QModelIndex row = session->visitorModel()->indexOfVisitor(visitorId);
    return row.isValid() ? row.parent().row() : -1;
}

/// The rows of a message model with this cid.
int rowsWithCid(const MessageListModel *model, const QString &cid)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        rows += model->index(row).data(MessageListModel::CidRole).toString() == cid ? 1 : 0;
    return rows;
}

/// The rows of a message model with this text.
int rowsWithText(const MessageListModel *model, const QString &text)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        rows += model->index(row).data(MessageListModel::TextRole).toString() == text ? 1 : 0;
    return rows;
}

QStringList sortedNames(const QList<protocol::Department> &departments)
{
    QStringList names;
    for (const auto &department : departments)
        names.append(department.name);
    names.sort();
    return names;
}

} // namespace

class TestEngineTeam : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void helloBringsOperatorsDepartmentsAndSettings();
    void roomLineGoesThroughTheOutboxOnce();
    void transferRefusedThenDone();
    void supervisorTakesOver();
    void nothingSentWhileOffline();
    void offlineStartFromTheCache();

private:
    bool login(Engine &engine, const QString &email, OperatorStatus status);
    bool setStatus(Engine &engine, OperatorStatus status);
    /// A barrier instead of a sleep: a new visitor connects and every engine gets its
    /// visitor.updated. Events are sent in order, so whatever the server sent them before is in.
    bool settle(const QList<Engine *> &engines);
    /// A bare client that reads what the server stored, beside the engines: the demo operator,
    /// Invisible (Offline operators may not read the room; nothing is routed to Invisible ones).
    std::unique_ptr<RawProtocolClient> auditor();
    /// The room as the server stored it (chat.history, up to 500 lines).
    QList<QJsonObject> roomOnServer();

    ServerProcess m_server;
    QTemporaryDir m_dir;
    Engine m_sam; // supervisor
    Engine m_ada; // plain operator
    TestVisitor m_visitor;
    qint64 m_dialogId = 0; // m_visitor's dialog: transferred, then taken over
    qint64 m_queuedId = 0; // a second visitor's dialog, tried while Sam is Offline
    qint64 m_queuedVisitor = 0;
    QString m_roomCid; // Sam's line in the operator room
    ConnectionState m_samWhenAdaGotIt = ConnectionState::Disconnected;
    std::vector<std::unique_ptr<TestVisitor>> m_barrierVisitors;
};

void TestEngineTeam::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({u"--auto-assign"_s, u"off"_s, u"--hide-others-dialogs"_s, u"on"_s}),
             "the real concierge-server did not start");
    QVERIFY(testkit::admin(m_server, {u"create-department"_s, u"--name"_s, u"Support"_s}));
    QVERIFY(testkit::createOperator(
        m_server, kSamEmail, kSamName,
        {u"--role"_s, u"supervisor"_s, u"--department"_s, u"Sales"_s, u"--languages"_s, u"en,fr"_s}));
    QVERIFY(testkit::createOperator(
        m_server, kAdaEmail, kAdaName,
        {u"--department"_s, u"Sales"_s, u"--department"_s, u"Support"_s, u"--languages"_s, u"ru,en"_s}));
    QVERIFY(m_sam.open(m_dir.filePath(u"sam.sqlite"_s)));
    QVERIFY(m_ada.open(m_dir.filePath(u"ada.sqlite"_s)));
}

bool TestEngineTeam::login(Engine &engine, const QString &email, OperatorStatus status)
{
    QSignalSpy synced(engine.session.get(), &OperatorSession::synced);
    engine->loginWithPassword(m_server.url(), email, testkit::operatorPassword());
    if (!QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs)) {
        qWarning() << email << "did not log in";
        return false;
    }
    return setStatus(engine, status);
}

bool TestEngineTeam::setStatus(Engine &engine, OperatorStatus status)
{
    if (engine->self().status != status)
        engine->setStatus(status);
    // The engine takes its status from the server's answer only.
    if (!QTest::qWaitFor([&] { return engine->self().status == status; }, kWaitMs)) {
        qWarning() << "the server did not confirm status" << int(status) << "for" << engine->self().email;
        return false;
    }
    return true;
}

bool TestEngineTeam::settle(const QList<Engine *> &engines)
{
    auto visitor = std::make_unique<TestVisitor>();
    if (!visitor->connectTo(m_server.wsUrl(u"/v1/visitor"_s)))
        return false;
    const qint64 id = visitor->visitorId();
    m_barrierVisitors.push_back(std::move(visitor));
    return QTest::qWaitFor(
        [&] {
            return std::all_of(engines.cbegin(), engines.cend(), [id](const Engine *engine) {
                return sectionOf(engine->session.get(), id) != -1;
            });
        },
        kWaitMs);
}

std::unique_ptr<RawProtocolClient> TestEngineTeam::auditor()
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(m_server.wsUrl(u"/v1/operator"_s)) ||
        !testkit::isResult(client->helloOperator(u"demo@example.com"_s, m_server.demoPassword())) ||
        !testkit::isResult(client->request(u"status.set"_s, {{u"status"_s, u"invisible"_s}}))) {
        qWarning() << "the auditor could not log in";
        return nullptr;
    }
    return client;
}

QList<QJsonObject> TestEngineTeam::roomOnServer()
{
    QList<QJsonObject> lines;
    const auto client = auditor();
    if (!client)
        return lines;
    const QJsonObject reply = client->request(u"chat.history"_s, {{u"limit"_s, 500}});
    for (const QJsonValue &line : testkit::data(reply).value(u"messages"_s).toArray())
        lines.append(line.toObject());
    return lines;
}

void TestEngineTeam::helloBringsOperatorsDepartmentsAndSettings()
{
    QSignalSpy settingsChanged(m_sam.session.get(), &OperatorSession::serverSettingsChanged);
    QSignalSpy operatorsChanged(m_sam.session.get(), &OperatorSession::operatorsChanged);
    QVERIFY(login(m_sam, kSamEmail, OperatorStatus::Online));
    OperatorSession &sam = *m_sam.session;

    // Everyone the server knows, with role, languages and departments.
    QCOMPARE(sam.operators().size(), 3); // the demo operator, Sam, Ada
    QVERIFY(operatorsChanged.size() >= 1);
    QCOMPARE(sam.self().role, protocol::OperatorRole::Supervisor);
    qint64 adaId = 0; // Ada's own engine has not logged in yet: Sam's list is the only source
    for (const auto &info : sam.operators()) {
        if (info.email == kAdaEmail)
            adaId = info.id;
    }
    QVERIFY(adaId != 0);
    const auto adaInfo = sam.operatorInfo(adaId);
    QVERIFY(adaInfo);
    QCOMPARE(adaInfo->name, kAdaName);
    QCOMPARE(adaInfo->role, protocol::OperatorRole::Operator);
    QStringList adaLanguages = adaInfo->languages;
    adaLanguages.sort();
    QCOMPARE(adaLanguages, (QStringList{u"en"_s, u"ru"_s}));
    QCOMPARE(adaInfo->departmentIds.size(), 2);
    QCOMPARE(adaInfo->status, OperatorStatus::Offline);
    QVERIFY(!adaInfo->connected);
    QVERIFY(!sam.operatorInfo(987654));
    QCOMPARE(sam.languages(), (QStringList{u"en"_s, u"fr"_s, u"ru"_s}));
    QCOMPARE(sortedNames(sam.departments()), (QStringList{u"Sales"_s, u"Support"_s}));

    // The server's settings, different from the engine's defaults: announced once, and the list
    // follows them (no common queue without auto-assignment; a supervisor sees others' chats).
    QCOMPARE(settingsChanged.size(), 1);
    QVERIFY(!sam.serverSettings().autoAssign);
    QVERIFY(sam.serverSettings().hideOthersDialogs);
    QVERIFY(!sam.visitorModel()->sectionApplies(Section::CommonQueue));
    QVERIFY(sam.visitorModel()->sectionApplies(Section::OtherChats));
    QVERIFY(sam.visitorModel()->supervises());

    OperatorListModel *people = sam.operatorModel();
    QCOMPARE(people->rowCount(), 3);
    QVERIFY(people->index(people->rowOf(sam.self().id)).data(OperatorListModel::IsSelfRole).toBool());
    QCOMPARE(people->rowOf(sam.self().id), 0); // the only one who can take a dialog now

    // A colleague comes online: live, and she moves up (Online and connected, "Ada" before "Sam").
    operatorsChanged.clear();
    QVERIFY(login(m_ada, kAdaEmail, OperatorStatus::Online));
    QCOMPARE(m_ada.id(), adaId);
    QTRY_VERIFY_WITH_TIMEOUT(sam.operatorInfo(adaId)->status == OperatorStatus::Online &&
                                 sam.operatorInfo(adaId)->connected,
                             kWaitMs);
    QVERIFY(!operatorsChanged.isEmpty());
    QCOMPARE(people->rowOf(adaId), 0);
    QCOMPARE(people->rowOf(sam.self().id), 1);
    QCOMPARE(people->index(0).data(OperatorListModel::StatusRole).toInt(), int(OperatorStatus::Online));

    // She goes to lunch: below Sam, above the demo operator (Offline).
    QVERIFY(setStatus(m_ada, OperatorStatus::Lunch));
    QTRY_COMPARE_WITH_TIMEOUT(sam.operatorInfo(adaId)->status, OperatorStatus::Lunch, kWaitMs);
    QCOMPARE(people->rowOf(sam.self().id), 0);
    QCOMPARE(people->rowOf(adaId), 1);
    QCOMPARE(people->index(1).data(OperatorListModel::StatusRole).toInt(), int(OperatorStatus::Lunch));
    QVERIFY(setStatus(m_ada, OperatorStatus::Online));
    QTRY_COMPARE_WITH_TIMEOUT(people->rowOf(adaId), 0, kWaitMs);

    // Ada, a plain operator, gets the same settings but no "Other chats".
    QVERIFY(!m_ada->serverSettings().autoAssign);
    QVERIFY(!m_ada->visitorModel()->sectionApplies(Section::OtherChats));
    QCOMPARE(m_ada->operators().size(), 3);

    // Without auto-assignment a new dialog waits, unassigned, under Waiting for both.
    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_visitor.waitForMessage(m_visitor.send(kQuestion)));
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&sam, m_visitor.visitorId()), int(Section::Waiting), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(m_ada.session.get(), m_visitor.visitorId()), int(Section::Waiting),
                              kWaitMs);
    m_dialogId = sam.visitorModel()
                     ->indexOfVisitor(m_visitor.visitorId())
                     .data(VisitorListModel::DialogIdRole)
                     .toLongLong();
    QVERIFY(m_dialogId > 0);
    QCOMPARE(sam.dialog(m_dialogId).operatorId, 0);
    QVERIFY(sam.canChangeDialog(m_dialogId));
}

void TestEngineTeam::roomLineGoesThroughTheOutboxOnce()
{
    OperatorSession &sam = *m_sam.session;
    QCOMPARE(sam.connectionState(), ConnectionState::Connected);

    // The link dies the moment the line has left for the server: the server stores it, but the
    // engine never hears the answer, so the line is still in its outbox and goes again on the
    // next link. The server's cid check must keep it single. (The socket is the Connection's
    // child; its bytesWritten is the only sign that the frame is out of the process.)
    sam.connection()->setBackoff(1000, 1000); // stay away long enough to see Ada get the line first
    QWebSocket *socket = nullptr;
    for (QWebSocket *candidate : sam.connection()->findChildren<QWebSocket *>()) {
        if (candidate->state() == QAbstractSocket::ConnectedState)
            socket = candidate;
    }
    QVERIFY(socket);
    connect(
        socket, &QWebSocket::bytesWritten, this, [this] { m_sam->connection()->dropLink(); },
        Qt::SingleShotConnection);
    connect(
        m_ada->chatModel(), &QAbstractItemModel::rowsInserted, this,
        [this] { m_samWhenAdaGotIt = m_sam->connectionState(); }, Qt::SingleShotConnection);

    const QString text = u"@Ada can you take the Russian chat?"_s;
    m_roomCid = sam.sendChatMessage(text);
    QVERIFY(!m_roomCid.isEmpty());
    // Shown at once, as pending.
    MessageListModel *room = sam.chatModel();
    QCOMPARE(rowsWithCid(room, m_roomCid), 1);
    const QModelIndex pending = room->index(room->rowCount() - 1);
    QCOMPARE(pending.data(MessageListModel::CidRole).toString(), m_roomCid);
    QCOMPARE(pending.data(MessageListModel::TextRole).toString(), text);
    QVERIFY(pending.data(MessageListModel::PendingRole).toBool());
    QCOMPARE(sam.pendingReplyCount(), 1);

    // The colleague's engine shows it while Sam's is still away: the first send was stored.
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithCid(m_ada->chatModel(), m_roomCid), 1, kWaitMs);
    QCOMPARE(m_samWhenAdaGotIt, ConnectionState::Reconnecting);
    QCOMPARE(rowsWithText(m_ada->chatModel(), text), 1);

    // Sam's engine comes back, sends it again with the same cid, and it is confirmed in place.
    QTRY_COMPARE_WITH_TIMEOUT(sam.connectionState(), ConnectionState::Connected, kWaitMs);
    sam.connection()->setBackoff(50, 400);
    QTRY_COMPARE_WITH_TIMEOUT(sam.pendingReplyCount(), 0, kWaitMs);
    QVERIFY(settle({&m_sam, &m_ada})); // any late duplicate would be in by now
    QCOMPARE(rowsWithCid(room, m_roomCid), 1);
    const QModelIndex confirmed = room->index(room->rowCount() - 1);
    QCOMPARE(confirmed.data(MessageListModel::CidRole).toString(), m_roomCid);
    QVERIFY(!confirmed.data(MessageListModel::PendingRole).toBool());
    QVERIFY(confirmed.data(MessageListModel::MessageIdRole).toLongLong() > 0);
    QCOMPARE(confirmed.data(MessageListModel::AuthorNameRole).toString(), kSamName);
    QCOMPARE(rowsWithCid(m_ada->chatModel(), m_roomCid), 1);

    // The server holds it exactly once.
    int stored = 0;
    for (const QJsonObject &line : roomOnServer())
        stored += line.value(u"cid"_s).toString() == m_roomCid ? 1 : 0;
    QCOMPARE(stored, 1);

    // Reloading the room from the server does not double it either.
    QSignalSpy resets(room, &QAbstractItemModel::modelReset);
    sam.loadChatHistory();
    QTRY_COMPARE_WITH_TIMEOUT(resets.size(), 2, kWaitMs); // the cache at once, then the server's answer
    QCOMPARE(rowsWithCid(room, m_roomCid), 1);

    // A new room line is announced once in each engine (the room tab's unread count, the sender's
    // own included) — and the room is not the dialogs: the visitor's question, cached earlier,
    // is still in the dialog's history. (Room lines and dialog messages are numbered separately
    // by the server, so this line's id is also the id of a dialog message.)
    QCOMPARE(m_sam.roomArrivals.value(m_roomCid), 1);
    QCOMPARE(m_ada.roomArrivals.value(m_roomCid), 1);
    QCOMPARE(m_ada.roomTexts, QStringList{text});
    for (const Engine *engine : {&m_sam, &m_ada}) {
        QStringList cached;
        for (const protocol::Message &line : engine->store->messages(m_dialogId, 50))
            cached.append(line.text);
        QVERIFY2(cached.contains(kQuestion), qPrintable(cached.join(u" | ")));
    }
}

void TestEngineTeam::transferRefusedThenDone()
{
    QVERIFY(m_dialogId > 0);
    OperatorSession &sam = *m_sam.session;
    OperatorSession &ada = *m_ada.session;
    const qint64 visitorId = m_visitor.visitorId();
    sam.takeDialog(m_dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(sam.dialog(m_dialogId).operatorId, m_sam.id(), kWaitMs);
    QCOMPARE(sam.dialog(m_dialogId).state, protocol::DialogState::Active);
    QCOMPARE(sectionOf(&sam, visitorId), int(Section::InDialog));
    // Ada no longer sees it (others' dialogs are hidden from plain operators).
    QTRY_COMPARE_WITH_TIMEOUT(ada.dialog(m_dialogId).operatorId, m_sam.id(), kWaitMs);
    QCOMPARE(sectionOf(&ada, visitorId), int(Section::Others));

    // Ada goes Offline before Sam presses OK: the server refuses, nothing changes anywhere.
    QVERIFY(setStatus(m_ada, OperatorStatus::Offline));
    const protocol::Dialog samBefore = sam.dialog(m_dialogId);
    const protocol::Dialog adaBefore = ada.dialog(m_dialogId);
    QSignalSpy failed(&sam, &OperatorSession::requestFailed);
    QSignalSpy transferred(&sam, &OperatorSession::dialogTransferred);
    const QString comment = u"Speaks Russian, wants to exchange the size"_s;
    sam.transferDialog(m_dialogId, protocol::TransferTarget::toOperator(m_ada.id()), comment);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"dialog.transfer"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Unavailable);
    QVERIFY(!failed.first().at(2).toString().isEmpty()); // the server's words, for the operator
    QVERIFY(settle({&m_sam, &m_ada}));
    QCOMPARE(transferred.size(), 0);
    QCOMPARE(sam.dialog(m_dialogId), samBefore);
    QCOMPARE(ada.dialog(m_dialogId), adaBefore);
    QVERIFY(!sam.dialog(m_dialogId).transfer.isValid());
    QCOMPARE(sectionOf(&sam, visitorId), int(Section::InDialog));
    QCOMPARE(sectionOf(&ada, visitorId), int(Section::Others));
    QVERIFY(sam.canChangeDialog(m_dialogId));

    // Back Online, she gets it: under Waiting, with Sam's name and comment.
    QVERIFY(setStatus(m_ada, OperatorStatus::Online));
    sam.transferDialog(m_dialogId, protocol::TransferTarget::toOperator(m_ada.id()), comment);
    QTRY_COMPARE_WITH_TIMEOUT(transferred.size(), 1, kWaitMs);
    QCOMPARE(transferred.first().at(0).toLongLong(), m_dialogId);
    QCOMPARE(failed.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&ada, visitorId), int(Section::Waiting), kWaitMs);
    const QModelIndex row = ada.visitorModel()->indexOfVisitor(visitorId);
    QVERIFY(row.data(VisitorListModel::AssignedToMeRole).toBool());
    QCOMPARE(row.data(VisitorListModel::TransferCommentRole).toString(), comment);
    QCOMPARE(row.data(VisitorListModel::TransferFromNameRole).toString(), kSamName);
    QCOMPARE(ada.dialog(m_dialogId).transfer.fromOperatorId, m_sam.id());
    QCOMPARE(ada.dialog(m_dialogId).state, protocol::DialogState::Waiting);
    QVERIFY(ada.canChangeDialog(m_dialogId));
    // Sam, a supervisor, still sees it, now among the others' chats, and may no longer change it.
    QCOMPARE(sam.dialog(m_dialogId).operatorId, m_ada.id());
    QCOMPARE(sectionOf(&sam, visitorId), int(Section::OtherChats));
    QVERIFY(!sam.canChangeDialog(m_dialogId));
}

void TestEngineTeam::supervisorTakesOver()
{
    QVERIFY(m_dialogId > 0);
    OperatorSession &sam = *m_sam.session;
    OperatorSession &ada = *m_ada.session;
    const qint64 visitorId = m_visitor.visitorId();

    // Ada answers: the dialog is hers and active.
    QVERIFY(!ada.sendReply(m_dialogId, kAnswer).isEmpty());
    QVERIFY(m_visitor.waitForOperatorText(kAnswer, kWaitMs));
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&ada, visitorId), int(Section::InDialog), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sam.dialog(m_dialogId).state, protocol::DialogState::Active, kWaitMs);
    QCOMPARE(sectionOf(&sam, visitorId), int(Section::OtherChats));

    QSignalSpy takenOver(&sam, &OperatorSession::dialogTakenOver);
    sam.takeOverDialog(m_dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(takenOver.size(), 1, kWaitMs);
    QCOMPARE(takenOver.first().at(0).toLongLong(), m_dialogId);
    QCOMPARE(sam.dialog(m_dialogId).operatorId, m_sam.id());
    QCOMPARE(sam.dialog(m_dialogId).state, protocol::DialogState::Active);
    QCOMPARE(sectionOf(&sam, visitorId), int(Section::InDialog));
    QVERIFY(sam.canChangeDialog(m_dialogId));

    // In Ada's engine it moves away: no longer hers, not shown (others' dialogs are hidden), the
    // visitor only among the others online.
    QTRY_COMPARE_WITH_TIMEOUT(ada.dialog(m_dialogId).operatorId, m_sam.id(), kWaitMs);
    QCOMPARE(sectionOf(&ada, visitorId), int(Section::Others));
    QVERIFY(!ada.canChangeDialog(m_dialogId));

    // The history says what happened, with both names.
    sam.openDialog(m_dialogId);
    const auto takeoverLine = [&sam]() -> QModelIndex {
        MessageListModel *lines = sam.messageModel();
        for (int row = 0; row < lines->rowCount(); ++row) {
            if (lines->index(row).data(MessageListModel::EventRole).toString() == u"takeover")
                return lines->index(row);
        }
        return {};
    };
    QTRY_VERIFY_WITH_TIMEOUT(takeoverLine().isValid(), kWaitMs);
    const QJsonObject meta = takeoverLine().data(MessageListModel::MetaRole).toJsonObject();
    QCOMPARE(meta.value(u"fromName"_s).toString(), kAdaName);
    QCOMPARE(meta.value(u"toName"_s).toString(), kSamName);
}

void TestEngineTeam::nothingSentWhileOffline()
{
    OperatorSession &sam = *m_sam.session;
    OperatorSession &ada = *m_ada.session;
    // A second visitor waits, unassigned: anyone may take it — but not an Offline operator.
    TestVisitor visitor;
    QVERIFY(visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(visitor.waitForMessage(visitor.send(u"Do you ship to Norway?"_s)));
    m_queuedVisitor = visitor.visitorId();
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&sam, m_queuedVisitor), int(Section::Waiting), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&ada, m_queuedVisitor), int(Section::Waiting), kWaitMs);
    m_queuedId =
        sam.visitorModel()->indexOfVisitor(m_queuedVisitor).data(VisitorListModel::DialogIdRole).toLongLong();
    QVERIFY(m_queuedId > 0);
    QVERIFY(sam.canChangeDialog(m_queuedId));

    QVERIFY(setStatus(m_sam, OperatorStatus::Offline));
    QVERIFY(!sam.canChangeDialog(m_queuedId));
    const protocol::Dialog queuedBefore = ada.dialog(m_queuedId);
    const protocol::Dialog takenBefore = sam.dialog(m_dialogId);
    QSignalSpy failed(&sam, &OperatorSession::requestFailed);
    const QString reply = u"Yes, we do — written while Offline"_s;
    const QString roomText = u"Anyone free? (written while Offline)"_s;
    QVERIFY(sam.sendReply(m_queuedId, reply).isEmpty());
    QVERIFY(sam.sendChatMessage(roomText).isEmpty());
    sam.takeDialog(m_queuedId);
    sam.closeDialog(m_queuedId);
    sam.transferDialog(m_queuedId, protocol::TransferTarget::toOperator(m_ada.id()), u"please"_s);
    sam.takeOverDialog(m_queuedId);
    sam.loadChatHistory();

    // Each refused at once, by the engine, with Forbidden and a reason.
    const QStringList expected{u"message.send"_s, u"chat.send"_s,       u"dialog.take"_s,
                               u"dialog.close"_s, u"dialog.transfer"_s, u"dialog.takeover"_s,
                               u"chat.history"_s};
    QCOMPARE(failed.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(failed.at(i).at(0).toString(), expected.at(i));
        QCOMPARE(failed.at(i).at(1).value<ErrorCode>(), ErrorCode::Forbidden);
        QVERIFY(!failed.at(i).at(2).toString().isEmpty());
    }
    QCOMPARE(sam.pendingReplyCount(), 0);                 // nothing kept to go out later either
    QCOMPARE(rowsWithText(sam.chatModel(), roomText), 0); // not even shown as pending

    // Prove nothing reached the server. Back Online first: that answer comes after anything the
    // engine might have sent before it on the same socket; then every event is in (settle).
    QVERIFY(setStatus(m_sam, OperatorStatus::Online));
    QVERIFY(settle({&m_sam, &m_ada}));
    QCOMPARE(sam.pendingReplyCount(), 0);
    QCOMPARE(ada.dialog(m_queuedId), queuedBefore); // still unassigned and waiting
    QCOMPARE(ada.dialog(m_queuedId).operatorId, 0);
    QCOMPARE(ada.dialog(m_queuedId).state, protocol::DialogState::Waiting);
    QCOMPARE(sectionOf(&ada, m_queuedVisitor), int(Section::Waiting));
    QCOMPARE(sam.dialog(m_dialogId), takenBefore);
    QVERIFY(!m_ada.roomTexts.contains(roomText));
    QVERIFY(!m_sam.roomTexts.contains(roomText));
    for (const QJsonObject &message : visitor.messages())
        QCOMPARE(message.value(u"author"_s).toString(), u"visitor"_s);
    const auto audit = auditor();
    QVERIFY(audit);
    const QList<QJsonObject> stored = testkit::history(*audit, m_queuedId);
    QCOMPARE(stored.size(), 1); // the visitor's question, nothing else
    QCOMPARE(stored.first().value(u"author"_s).toString(), u"visitor"_s);
    for (const QJsonObject &line : roomOnServer())
        QVERIFY(line.value(u"text"_s).toString() != roomText);

    // At work again, requests go out: Ada sees Sam take the dialog.
    sam.takeDialog(m_queuedId);
    QTRY_COMPARE_WITH_TIMEOUT(ada.dialog(m_queuedId).operatorId, m_sam.id(), kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sectionOf(&sam, m_queuedVisitor), int(Section::InDialog), kWaitMs);
}

void TestEngineTeam::offlineStartFromTheCache()
{
    QVERIFY(m_dialogId > 0 && m_queuedId > 0 && !m_roomCid.isEmpty());
    OperatorSession &live = *m_sam.session;
    QTRY_COMPARE_WITH_TIMEOUT(live.pendingReplyCount(), 0, kWaitMs);
    const QList<protocol::OperatorInfo> operators = live.operators();
    const QList<protocol::Department> departments = live.departments();
    const ServerSettings settings = live.serverSettings();
    const protocol::Dialog transferredAndTaken = live.dialog(m_dialogId);
    const protocol::Dialog queued = live.dialog(m_queuedId);
    QStringList roomCids;
    for (int row = 0; row < live.chatModel()->rowCount(); ++row)
        roomCids.append(live.chatModel()->index(row).data(MessageListModel::CidRole).toString());
    QVERIFY(roomCids.contains(m_roomCid));
    const QString token = live.token();
    QVERIFY(!token.isEmpty());

    // The app quits; the next start has no network yet.
    m_sam.close();
    QVERIFY(m_sam.open(m_dir.filePath(u"sam.sqlite"_s)));
    OperatorSession &sam = *m_sam.session;
    QCOMPARE(sam.connectionState(), ConnectionState::Disconnected);
    QCOMPARE(sam.operators(), operators);
    QCOMPARE(sam.operatorInfo(m_ada.id())->name, kAdaName);
    QCOMPARE(sam.operatorModel()->rowCount(), 3);
    QCOMPARE(sam.departments(), departments);
    QCOMPARE(sam.serverSettings(), settings);
    QVERIFY(!sam.visitorModel()->sectionApplies(Section::CommonQueue));
    QVERIFY(sam.visitorModel()->supervises());
    QCOMPARE(sam.self().role, protocol::OperatorRole::Supervisor);
    QStringList cachedRoom;
    for (int row = 0; row < sam.chatModel()->rowCount(); ++row)
        cachedRoom.append(sam.chatModel()->index(row).data(MessageListModel::CidRole).toString());
    QCOMPARE(cachedRoom, roomCids);
    QCOMPARE(sam.dialog(m_dialogId), transferredAndTaken);
    QCOMPARE(sam.dialog(m_dialogId).transfer.fromOperatorId, m_sam.id());
    QCOMPARE(sam.dialog(m_queuedId), queued);
    QCOMPARE(sectionOf(&sam, m_visitor.visitorId()), int(Section::InDialog));
    QCOMPARE(sectionOf(&sam, m_queuedVisitor), int(Section::InDialog));
    QCOMPARE(sam.pendingReplyCount(), 0);
    // The dialog opened earlier reads from the cache: question, answer and the take-over line.
    sam.openDialog(m_dialogId);
    MessageListModel *lines = sam.messageModel();
    QCOMPARE(rowsWithText(lines, kQuestion), 1);
    QCOMPARE(rowsWithText(lines, kAnswer), 1);
    bool takeoverLine = false;
    for (int row = 0; row < lines->rowCount(); ++row)
        takeoverLine |= lines->index(row).data(MessageListModel::EventRole).toString() == u"takeover";
    QVERIFY(takeoverLine);

    // A room line written now waits in the outbox and goes, once, when the link returns.
    const QString text = u"Back from the train, reading up"_s;
    const QString cid = sam.sendChatMessage(text);
    QVERIFY(!cid.isEmpty());
    QCOMPARE(rowsWithCid(sam.chatModel(), cid), 1);
    QVERIFY(
        sam.chatModel()->index(sam.chatModel()->rowCount() - 1).data(MessageListModel::PendingRole).toBool());
    sam.loginWithToken(m_server.url(), token);
    QTRY_COMPARE_WITH_TIMEOUT(sam.connectionState(), ConnectionState::Connected, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(sam.pendingReplyCount(), 0, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada.roomArrivals.value(cid), 1, kWaitMs);
    QVERIFY(settle({&m_sam, &m_ada}));
    QCOMPARE(m_ada.roomArrivals.value(cid), 1);
    QCOMPARE(rowsWithCid(sam.chatModel(), cid), 1);
    int stored = 0;
    for (const QJsonObject &line : roomOnServer())
        stored += line.value(u"cid"_s).toString() == cid ? 1 : 0;
    QCOMPARE(stored, 1);
}

QTEST_GUILESS_MAIN(TestEngineTeam)
#include "tst_engine_team.moc"
