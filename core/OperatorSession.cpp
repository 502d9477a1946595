// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorSession.h"
#include "OperatorSessionPrivate.h"

#include "Connection.h"
#include "FileTransfer.h"
#include "HistoryArchive.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorListModel.h"
#include "Outbox.h"
#include "TemplateLibrary.h"
#include "VisitorListModel.h"

#include "protocol/Frame.h"
#include "protocol/Json.h"
#include "protocol/ProtocolVersion.h"

#include <QJsonArray>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

namespace {


QUrl operatorEndpoint(const QUrl &base)
{
    QUrl url = base;
    if (url.scheme() == u"http")
        url.setScheme(u"ws"_s);
    else if (url.scheme() == u"https")
        url.setScheme(u"wss"_s);
    QString path = url.path();
    if (!path.endsWith(u"/v1/operator")) {
        while (path.endsWith(u'/'))
            path.chop(1);
        url.setPath(path + u"/v1/operator"_s);
    }
    return url;
}

} // namespace



OperatorSession::OperatorSession(LocalStore *store, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->store = store;
    d->connection = new Connection(this);
    d->outbox = new Outbox(store, this);
    d->visitorModel = new VisitorListModel(this);
    d->messageModel = new MessageListModel(this);
    d->chatModel = new MessageListModel(this);
    d->operatorModel = new OperatorListModel(this);
    d->files = new FileTransfer(this);
    // An uploaded file is a message like any other (deduplicated by id and cid with its echo);
    // a new avatar is my Operator, before any operator.updated.
    connect(d->files, &FileTransfer::messageUploaded, this, [this](const protocol::Message &message) {
        applyMessage(message);
    });
    connect(d->files, &FileTransfer::avatarChanged, this, [this](const protocol::OperatorInfo &info) {
        if (info.id != 0 && info.id == d->self.id)
            updateSelf(info);
    });

    // The cache first: the operator sees yesterday's list at once, before any network.
    d->self = store->operatorInfo();
    // Templates from the cache too; they travel through this session's requests and events.
    d->templates = new TemplateLibrary(store, this);
    d->templates->setTransport([this](const QString &type, const QJsonObject &fields, qint64 subjectId) {
        if (!d->helloDone)
            return false;
        sendRequest(type, fields, 0, {}, subjectId);
        return true;
    });
    connect(this, &OperatorSession::connectionStateChanged, d->templates, [this](ConnectionState state) {
        if (state != ConnectionState::Connected)
            d->templates->linkDown();
    });
    // The history the same way: the archive's requests, its backfill paused while the link is down.
    d->history = new HistoryArchive(store, this);
    d->history->setTransport([this](const QString &type, const QJsonObject &fields, qint64 subjectId) {
        if (!d->helloDone)
            return false;
        const QString rid = sendRequest(type, fields, 0, {}, subjectId);
        d->pending[rid].forHistory = true;
        return true;
    });
    connect(this, &OperatorSession::connectionStateChanged, d->history, [this](ConnectionState state) {
        if (state != ConnectionState::Connected)
            d->history->linkDown();
    });
    d->lastSeq = store->lastSeq();
    d->lastAckedSeq = d->lastSeq;
    // The list needs a few fields of each visitor: read just those (no JSON), and load a visitor
    // whole only when the operator opens it (visitor()). With thousands cached, parsing every
    // visitor here was most of the start-up time.
    const auto listRows = store->visitorListRows();
    const auto dialogs = store->openDialogs();
    d->dialogs.reserve(dialogs.size());
    for (const auto &dialog : dialogs)
        d->dialogs.insert(dialog.id, dialog);
    d->settings = store->serverSettings();
    d->departments = store->departments();
    d->categories = store->categories();
    d->visitorModel->setViewer(d->self.id, d->self.supervises(), d->settings);
    d->visitorModel->resetContent(listRows, dialogs, store->lastMessageTexts());
    d->operatorModel->setSelfId(d->self.id);
    d->operatorModel->setOperators(store->operators());
    refillChatModel();

    // One ack per burst of events: the timer fires once the socket's pending frames are handled.
    d->ackTimer.setSingleShot(true);
    d->ackTimer.setInterval(0);
    connect(&d->ackTimer, &QTimer::timeout, this, [this] {
        if (d->helloDone && d->lastSeq > d->lastAckedSeq
            && d->connection->sendFrame({{u"type"_s, u"ack"_s}, {u"seq"_s, d->lastSeq}}))
            d->lastAckedSeq = d->lastSeq;
    });
    d->typingIdle.setSingleShot(true);
    d->typingIdle.setInterval(kTypingIdleMs);
    connect(&d->typingIdle, &QTimer::timeout, this, [this] { stopTyping(); });

    connect(d->outbox, &Outbox::countChanged, this, &OperatorSession::pendingReplyCountChanged);
    connect(d->connection, &Connection::opened, this, &OperatorSession::sendHello);
    connect(d->connection, &Connection::frameReceived, this, &OperatorSession::onFrame);
    connect(d->connection, &Connection::linkLost, this, [this](int retryInMs, const QString &) {
        d->helloDone = false;
        d->helloRid.clear();
        d->typingSent = false;
        d->outbox->linkLost();
        dropPendingRequests();
        if (d->state != ConnectionState::Disconnected) {
            setState(ConnectionState::Reconnecting);
            Q_EMIT reconnectScheduled((retryInMs + 999) / 1000);
        }
    });
    connect(d->connection, &Connection::closedByServer, this, [this](int code, const QString &reason) {
        d->helloDone = false;
        d->outbox->linkLost();
        dropPendingRequests();
        if (d->state == ConnectionState::Disconnected)
            return; // already reported through the error frame
        setState(ConnectionState::Disconnected);
        Q_EMIT loginFailed(code == protocol::kCloseUnsupportedVersion ? ErrorCode::UnsupportedVersion
                                                                       : ErrorCode::AuthFailed,
                           reason);
    });
}

OperatorSession::~OperatorSession() = default;

void OperatorSession::setState(ConnectionState state)
{
    if (d->state == state)
        return;
    d->state = state;
    Q_EMIT connectionStateChanged(state);
}

void OperatorSession::loginWithPassword(const QUrl &serverUrl, const QString &email, const QString &password)
{
    d->email = email;
    d->password = password;
    d->token.clear();
    startLogin(serverUrl);
}

void OperatorSession::loginWithToken(const QUrl &serverUrl, const QString &token)
{
    d->email.clear();
    d->password.clear();
    d->token = token;
    startLogin(serverUrl);
}

void OperatorSession::startLogin(const QUrl &serverUrl)
{
    d->endpoint = operatorEndpoint(serverUrl);
    d->store->setServerUrl(serverUrl);
    d->loggedInAnnounced = false;
    setState(ConnectionState::Connecting);
    d->connection->open(d->endpoint);
}

void OperatorSession::logout()
{
    if (d->helloDone)
        d->connection->sendFrame(protocol::makeRequest(u"logout"_s, newRid()));
    d->connection->close();
    d->helloDone = false;
    d->outbox->linkLost();
    dropPendingRequests();
    d->token.clear();
    d->password.clear();
    // The revoked token's event stream is gone; a new login starts from a snapshot.
    d->lastSeq = d->lastAckedSeq = 0;
    d->store->setLastSeq(0);
    setState(ConnectionState::Disconnected);
}

QString OperatorSession::newRid()
{
    return QString::number(d->nextRid++);
}

QString OperatorSession::sendRequest(const QString &type, QJsonObject fields, qint64 dialogId,
                                     const QString &cid, qint64 subjectId)
{
    if (!d->helloDone) {
        Q_EMIT requestFailed(type, ErrorCode::NotAuthenticated, tr("Not connected to the server"));
        return {};
    }
    const QString rid = newRid();
    d->pending.insert(rid, {type, cid, dialogId, subjectId, {}});
    d->connection->sendFrame(protocol::makeRequest(type, rid, std::move(fields)));
    return rid;
}

void OperatorSession::sendHello()
{
    QJsonObject fields{{u"protocol"_s, protocol::ProtocolVersion::current().toString()}};
    if (!d->token.isEmpty()) {
        fields.insert(u"auth"_s, QJsonObject{{u"token"_s, d->token}});
        // Resume only makes sense within the same token's event stream.
        if (d->lastSeq > 0)
            fields.insert(u"resume"_s, QJsonObject{{u"lastSeq"_s, d->lastSeq}});
    } else {
        fields.insert(u"auth"_s, QJsonObject{{u"email"_s, d->email}, {u"password"_s, d->password}});
    }
    d->helloRid = newRid();
    d->snapshot = {};
    d->snapshotPartsLeft = 0; // a snapshot cut off by a lost link is discarded whole
    d->connection->sendFrame(protocol::makeRequest(u"hello"_s, d->helloRid, fields));
}

void OperatorSession::onFrame(const QJsonObject &frame)
{
    const QString type = frame.value(u"type").toString();
    if (type == u"event") {
        onEvent(frame.value(u"seq").toInteger(), frame.value(u"name").toString(),
                frame.value(u"data").toObject());
        return;
    }
    const QString rid = frame.value(u"rid").toString();
    if (type == u"result") {
        const QJsonObject data = frame.value(u"data").toObject();
        if (!d->helloRid.isEmpty() && rid == d->helloRid)
            onHelloResult(data);
        else if (d->pending.contains(rid))
            onResult(d->pending.take(rid), data);
        return;
    }
    if (type == u"error") {
        const ErrorCode code = protocol::errorCodeFromString(frame.value(u"code").toString());
        const QString message = frame.value(u"message").toString();
        if (!d->helloRid.isEmpty() && rid == d->helloRid)
            onHelloError(code, message);
        else if (d->pending.contains(rid))
            onError(d->pending.take(rid), code, message);
        else
            qWarning("OperatorSession: server error %s: %s", qUtf8Printable(frame.value(u"code").toString()),
                     qUtf8Printable(message));
    }
    if (type == u"snapshot.part") {
        onSnapshotPart(frame);
        return;
    }
    // Anything else (a newer server's frame types) is ignored, as the contract asks.
}

void OperatorSession::onHelloResult(const QJsonObject &data)
{
    d->helloRid.clear();
    const QString token = data.value(u"token").toString(d->token);
    const bool tokenChanged = token != d->token;
    d->token = token;
    if (tokenChanged && d->loggedInAnnounced)
        Q_EMIT this->tokenChanged(token); // a quiet re-login replaced a token the server forgot
    const auto self = protocol::OperatorInfo::fromJson(data.value(u"operator").toObject());
    if (self.id != 0)
        updateSelf(self);
    applyDirectory(data);
    d->templates->setServerRevision(data.value(u"templatesRevision").toInteger(-1)); // absent before 1.4
    const bool resumed = data.value(u"resumed").toBool();
    if (!resumed) {
        // A big snapshot comes in parts (docs/protocol.md): part 1 here, the rest as `snapshot.part`
        // frames right after. Nothing is applied until the last part, so the cache is never half-new.
        d->snapshot = data.value(u"snapshot").toObject();
        d->snapshotSeq = data.value(u"seq").toInteger();
        d->snapshotPartsLeft = qMax(1, data.value(u"snapshotParts").toInt(1)) - 1;
        if (d->snapshotPartsLeft > 0)
            return;
        applySnapshot(d->snapshot, d->snapshotSeq);
        d->snapshot = {};
    }
    completeHello(resumed);
}

void OperatorSession::onSnapshotPart(const QJsonObject &frame)
{
    if (d->snapshotPartsLeft <= 0)
        return; // not expecting one: a stray or duplicated part changes nothing
    const QJsonObject part = frame.value(u"data").toObject();
    for (const QString &key : {u"visitors"_s, u"dialogs"_s, u"messages"_s, u"chat"_s}) {
        QJsonArray merged = d->snapshot.value(key).toArray();
        for (const QJsonValue &value : part.value(key).toArray())
            merged.append(value);
        d->snapshot.insert(key, merged);
    }
    if (--d->snapshotPartsLeft > 0)
        return;
    applySnapshot(d->snapshot, d->snapshotSeq);
    d->snapshot = {};
    completeHello(false);
}

void OperatorSession::completeHello(bool resumed)
{
    d->helloDone = true;
    setState(ConnectionState::Connected);
    Q_EMIT synced(resumed);
    d->templates->linkUp(resumed);
    d->history->linkUp();
    if (!d->loggedInAnnounced) {
        d->loggedInAnnounced = true;
        Q_EMIT loggedIn(d->self);
    }
    flushOutbox();
    if (d->currentDialogId != 0 && !knownOffline())
        sendRequest(u"history.get"_s, {{u"dialogId"_s, d->currentDialogId}, {u"limit"_s, d->historyLimit}},
                    d->currentDialogId);
}

void OperatorSession::onHelloError(ErrorCode code, const QString &message)
{
    d->helloRid.clear();
    // The server may forget tokens (revoked, expired, or its state was lost): if this run still
    // knows the password, log in again quietly instead of bothering the operator.
    if (code == ErrorCode::AuthFailed && !d->token.isEmpty() && !d->password.isEmpty()) {
        d->token.clear();
        d->lastSeq = d->lastAckedSeq = 0;
        d->connection->dropLink();
        return;
    }
    d->connection->close();
    d->helloDone = false;
    d->outbox->linkLost();
    if (code == ErrorCode::AuthFailed)
        d->token.clear();
    setState(ConnectionState::Disconnected);
    Q_EMIT loginFailed(code, message);
}

void OperatorSession::applySnapshot(const QJsonObject &snapshot, qint64 seq)
{
    QList<protocol::Visitor> visitors;
    QList<protocol::Dialog> dialogs;
    QList<protocol::Message> messages;
    for (const auto &value : snapshot.value(u"visitors").toArray())
        visitors.append(protocol::Visitor::fromJson(value.toObject()));
    for (const auto &value : snapshot.value(u"dialogs").toArray())
        dialogs.append(protocol::Dialog::fromJson(value.toObject()));
    for (const auto &value : snapshot.value(u"messages").toArray())
        messages.append(protocol::Message::fromJson(value.toObject()));
    // The operator room's lines are Messages with dialogId 0: the same table, the same merge.
    QList<protocol::Message> chatLines;
    for (const auto &value : snapshot.value(u"chat").toArray())
        chatLines.append(protocol::Message::fromJson(value.toObject()));
    if (snapshot.contains(u"operator")) {
        const auto self = protocol::OperatorInfo::fromJson(snapshot.value(u"operator").toObject());
        if (self.id != 0)
            updateSelf(self);
    }

    d->store->beginTransaction();
    d->store->replaceWithSnapshot(visitors, dialogs, messages);
    for (const auto &line : chatLines)
        d->store->upsertMessage(line);
    d->lastSeq = d->lastAckedSeq = seq;
    d->store->setLastSeq(seq);
    d->store->commit();

    // Open dialogs missing from the snapshot were closed while we were away.
    for (auto it = d->dialogs.begin(); it != d->dialogs.end(); ++it)
        it->state = protocol::DialogState::Closed;
    d->visitors.clear();
    for (const auto &visitor : visitors)
        d->visitors.insert(visitor.id, visitor);
    for (const auto &dialog : dialogs)
        d->dialogs.insert(dialog.id, dialog);
    d->visitorModel->resetContent(visitors, dialogs, d->store->lastMessageTexts());
    // Replies the server stored before the link died are in the snapshot: they are sent.
    for (const auto &list : {messages, chatLines}) {
        for (const auto &message : list) {
            if (!message.cid.isEmpty())
                d->outbox->acknowledge(message.cid);
        }
    }
    if (d->currentDialogId != 0)
        refillMessageModel();
    refillChatModel();
}

void OperatorSession::onEvent(qint64 seq, const QString &name, const QJsonObject &data)
{
    // A replay may overlap what we already applied (we applied, the ack got lost): skip, re-ack.
    if (seq > 0 && seq <= d->lastSeq) {
        d->ackTimer.start();
        return;
    }
    // The event and the new resume point commit together: a crash between them cannot make us
    // skip an event on resume, or apply one twice.
    d->store->beginTransaction();
    if (name == u"visitor.updated") {
        const auto visitor = protocol::Visitor::fromJson(data.value(u"visitor").toObject());
        d->store->upsertVisitor(visitor);
        d->visitors.insert(visitor.id, visitor);
        d->visitorModel->upsertVisitor(visitor);
        Q_EMIT visitorChanged(visitor.id);
    } else if (name == u"dialog.updated") {
        applyDialog(protocol::Dialog::fromJson(data.value(u"dialog").toObject()));
    } else if (name == u"message.new") {
        applyMessage(protocol::Message::fromJson(data.value(u"message").toObject()));
    } else if (name == u"typing") {
        if (data.value(u"author").toString(u"visitor"_s) == u"visitor")
            Q_EMIT typingChanged(protocol::idFromJson(data.value(u"dialogId")), data.value(u"typing").toBool());
    } else if (name == u"operator.updated") {
        const auto info = protocol::OperatorInfo::fromJson(data.value(u"operator").toObject());
        applyOperator(info);
        if (info.id == d->self.id)
            updateSelf(info);
    } else if (name == u"chat.message") {
        applyChatMessage(protocol::Message::fromJson(data.value(u"message").toObject()));
    } else if (name == u"template.updated") {
        d->templates->applyEvent(protocol::Template::fromJson(data.value(u"template").toObject()));
    }
    if (seq > 0) {
        d->lastSeq = seq;
        d->store->setLastSeq(seq);
    }
    d->store->commit();
    d->ackTimer.start();
}

void OperatorSession::applyDialog(const protocol::Dialog &dialog)
{
    d->store->upsertDialog(dialog);
    d->dialogs.insert(dialog.id, dialog);
    d->visitorModel->upsertDialog(dialog);
    Q_EMIT dialogChanged(dialog.id);
}

void OperatorSession::applyMessage(const protocol::Message &message)
{
    const bool isNew = d->store->upsertMessage(message);
    if (!message.cid.isEmpty())
        d->outbox->acknowledge(message.cid);
    d->messageModel->upsert(message, false);
    d->visitorModel->noteMessage(message);
    // The same message can reach us twice (the send result and the message.new echo, or a
    // replay): announce it once.
    if (isNew)
        Q_EMIT messageArrived(message);
}

void OperatorSession::applyChatMessage(const protocol::Message &message)
{
    if (message.id == 0)
        return;
    const bool isNew = d->store->upsertMessage(message);
    if (!message.cid.isEmpty())
        d->outbox->acknowledge(message.cid);
    d->chatModel->upsert(message, false); // replaces my pending line of the same cid
    if (isNew)
        Q_EMIT chatMessageArrived(message);
}

void OperatorSession::applyOperator(const protocol::OperatorInfo &info)
{
    if (info.id == 0)
        return;
    const auto known = d->operatorModel->operatorInfo(info.id);
    if (known && *known == info)
        return;
    d->operatorModel->upsert(info);
    d->store->setOperators(d->operatorModel->operators());
    Q_EMIT operatorsChanged();
}

void OperatorSession::applyDirectory(const QJsonObject &data)
{
    // Always present from a 1.1 server; a 1.0 server sends none of them: keep what we knew.
    if (data.contains(u"operators")) {
        QList<protocol::OperatorInfo> operators;
        for (const auto &value : data.value(u"operators").toArray())
            operators.append(protocol::OperatorInfo::fromJson(value.toObject()));
        if (operators != d->operatorModel->operators()) {
            d->operatorModel->setOperators(operators);
            d->store->setOperators(operators);
            Q_EMIT operatorsChanged();
        }
    }
    if (data.contains(u"departments")) {
        QList<protocol::Department> departments;
        for (const auto &value : data.value(u"departments").toArray())
            departments.append(protocol::Department::fromJson(value.toObject()));
        d->departments = departments;
        d->store->setDepartments(departments);
    }
    // From a 1.2 server; an older one sends none: keep what we knew.
    if (data.contains(u"categories")) {
        QList<protocol::Category> categories;
        for (const auto &value : data.value(u"categories").toArray())
            categories.append(protocol::Category::fromJson(value.toObject()));
        if (categories != d->categories) {
            d->categories = categories;
            d->store->setCategories(categories);
            Q_EMIT categoriesChanged();
        }
    }
    if (data.contains(u"settings")) {
        const ServerSettings settings = ServerSettings::fromJson(data.value(u"settings").toObject());
        if (!(settings == d->settings)) {
            d->settings = settings;
            d->store->setServerSettings(settings);
            d->visitorModel->setViewer(d->self.id, d->self.supervises(), settings);
            Q_EMIT serverSettingsChanged(settings);
        }
    }
}

void OperatorSession::updateSelf(const protocol::OperatorInfo &self)
{
    const bool changed = !(self == d->self);
    const bool mayWorkAgain = knownOffline() && self.mayWork();
    d->self = self;
    d->store->setOperatorInfo(self);
    d->templates->setViewer(self); // a new role or department syncs the libraries again
    d->history->setViewer(self);   // another operator or role: the history starts over
    d->visitorModel->setViewer(self.id, self.supervises(), d->settings); // no-op if unchanged
    d->operatorModel->setSelfId(self.id);
    applyOperator(self);
    if (changed)
        Q_EMIT selfChanged(self);
    // Replies and room lines written before going Offline were kept; back at work, they go.
    if (mayWorkAgain)
        flushOutbox();
}

void OperatorSession::onResult(const Request &r, const QJsonObject &data)
{
    if (r.forHistory || HistoryArchive::handles(r.type)) {
        d->history->handleResult(r.type, r.subjectId, data);
        return;
    }
    if (r.type == u"message.send") {
        applyMessage(protocol::Message::fromJson(data.value(u"message").toObject()));
    } else if (r.type == u"chat.send") {
        applyChatMessage(protocol::Message::fromJson(data.value(u"message").toObject()));
    } else if (r.type == u"dialog.take" || r.type == u"dialog.close" || r.type == u"dialog.transfer"
               || r.type == u"dialog.takeover" || r.type == u"dialog.category.set") {
        const auto dialog = protocol::Dialog::fromJson(data.value(u"dialog").toObject());
        applyDialog(dialog);
        if (r.type == u"dialog.transfer")
            Q_EMIT dialogTransferred(r.dialogId);
        else if (r.type == u"dialog.takeover")
            Q_EMIT dialogTakenOver(r.dialogId);
    } else if (r.type == u"contact.request") {
        Q_EMIT contactRequested(r.dialogId);
    } else if (r.type == u"visitor.ban") {
        // The visitor's own change (banned, their dialog closed) follows as events.
        Q_EMIT visitorBanned(r.subjectId, protocol::Ban::fromJson(data.value(u"ban").toObject()));
    } else if (r.type == u"bans.list") {
        QList<protocol::Ban> bans;
        for (const auto &value : data.value(u"bans").toArray())
            bans.append(protocol::Ban::fromJson(value.toObject()));
        Q_EMIT bansListed(bans);
    } else if (r.type == u"ban.lift") {
        Q_EMIT banLifted(r.subjectId);
    } else if (r.type == u"visitor.redirect") {
        Q_EMIT visitorRedirected(r.subjectId, r.text);
    } else if (r.type == u"teleport.find") {
        onTeleportCodeFound(protocol::Visitor::fromJson(data.value(u"visitor").toObject()));
    } else if (r.type == u"profile.update") {
        updateSelf(protocol::OperatorInfo::fromJson(data.value(u"operator").toObject()));
        // A changed email is the new login: a later quiet re-login must use it.
        if (!d->password.isEmpty() && !d->self.email.isEmpty())
            d->email = d->self.email;
        Q_EMIT profileUpdated(d->self);
    } else if (r.type == u"password.change") {
        // A later quiet re-login (the server forgot our token) must not use the old one.
        if (!d->password.isEmpty())
            d->password = r.text;
        Q_EMIT passwordChanged();
    } else if (r.type == u"chat.history") {
        d->store->beginTransaction();
        for (const auto &value : data.value(u"messages").toArray()) {
            const auto message = protocol::Message::fromJson(value.toObject());
            d->store->upsertMessage(message);
            if (!message.cid.isEmpty())
                d->outbox->acknowledge(message.cid);
        }
        d->store->commit();
        refillChatModel();
    } else if (r.type == u"status.set") {
        updateSelf(protocol::OperatorInfo::fromJson(data.value(u"operator").toObject()));
    } else if (r.type == u"history.get") {
        QList<protocol::Message> messages;
        d->store->beginTransaction();
        for (const auto &value : data.value(u"messages").toArray()) {
            const auto message = protocol::Message::fromJson(value.toObject());
            messages.append(message);
            d->store->upsertMessage(message);
            d->visitorModel->noteMessage(message);
            if (!message.cid.isEmpty())
                d->outbox->acknowledge(message.cid);
        }
        d->store->commit();
        if (r.dialogId == d->currentDialogId)
            refillMessageModel();
        if (r.subjectId > 0) // the history of a transcript to mail (emailTranscript)
            sendTranscript(r.dialogId, r.subjectId, messages);
    } else if (TemplateLibrary::handles(r.type)) {
        d->templates->handleResult(r.type, r.subjectId, data);
    } else if (r.type == u"dialog.email") {
        Q_EMIT transcriptEmailed(r.dialogId, r.subjectId);
    }
}

void OperatorSession::onError(const Request &r, ErrorCode code, const QString &message)
{
    if (r.type == u"message.send" || r.type == u"chat.send") {
        // Transient failures keep the reply for the next link; a refusal (closed dialog, too
        // long, not found) would be refused forever, so it leaves the outbox and the operator
        // is told.
        if (code == ErrorCode::Internal || code == ErrorCode::RateLimited || code == ErrorCode::NotAuthenticated) {
            // Keep it and try again shortly on the same link, not only after the next reconnect:
            // a healthy link would otherwise leave it "sending…" for good.
            d->outbox->retryLater(r.cid);
            QTimer::singleShot(kTransientRetryMs, this, [this] { flushOutbox(); });
            return;
        }
        d->outbox->discard(r.cid);
        (r.type == u"chat.send" ? d->chatModel : d->messageModel)->removeLine(r.cid);
    }
    if (r.forHistory || HistoryArchive::handles(r.type)) { // so does the history archive
        d->history->handleError(r.type, r.subjectId, code, message);
        return;
    }
    if (TemplateLibrary::handles(r.type)) { // the library reports its own failures
        d->templates->handleError(r.type, r.subjectId, code, message);
        return;
    }
    if (r.type == u"history.get" && r.subjectId > 0) { // a transcript's history: the mail fails
        Q_EMIT requestFailed(u"dialog.email"_s, code, message);
        return;
    }
    Q_EMIT requestFailed(r.type, code, message);
}

void OperatorSession::flushOutbox()
{
    // While Offline the server refuses replies and room lines: they wait here until the operator
    // changes status (updateSelf flushes then).
    if (!d->helloDone || knownOffline())
        return;
    for (const auto &entry : d->outbox->takeUnsent()) {
        if (entry.dialogId == 0) {
            sendRequest(u"chat.send"_s, {{u"cid"_s, entry.cid}, {u"text"_s, entry.text}}, 0, entry.cid);
            continue;
        }
        sendRequest(u"message.send"_s,
                    {{u"dialogId"_s, entry.dialogId}, {u"cid"_s, entry.cid}, {u"text"_s, entry.text}},
                    entry.dialogId, entry.cid);
    }
}

void OperatorSession::refillChatModel()
{
    d->chatModel->reset(0, d->store->messages(0, kHistoryLimit));
    for (const auto &entry : d->outbox->entriesFor(0))
        d->chatModel->upsert(pendingMessage(entry), true);
}

bool OperatorSession::knownOffline() const
{
    // Before the first login the status is unknown (the default reads Offline): let the request
    // queue up and the server decide.
    return d->self.id != 0 && !d->self.mayWork();
}

bool OperatorSession::refuseWhileOffline(const QString &requestType)
{
    if (!knownOffline())
        return false;
    Q_EMIT requestFailed(requestType, ErrorCode::Forbidden,
                         tr("You are Offline. Choose another status to work with dialogs and the operator chat."));
    return true;
}

void OperatorSession::refillMessageModel()
{
    d->messageModel->reset(d->currentDialogId, d->store->messages(d->currentDialogId, d->historyLimit));
    for (const auto &entry : d->outbox->entriesFor(d->currentDialogId))
        d->messageModel->upsert(pendingMessage(entry), true);
}

protocol::Message OperatorSession::pendingMessage(const OutboxEntry &entry) const
{
    // How a reply looks until the server's stored copy (same cid) replaces it.
    protocol::Message message;
    message.cid = entry.cid;
    message.dialogId = entry.dialogId;
    message.author = protocol::Author::Operator;
    message.operatorId = d->self.id;
    message.authorName = d->self.name;
    message.text = entry.text;
    message.at = entry.createdAt;
    return message;
}

} // namespace concierge
