// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorEndpoint.h"

#include "ChatRepository.h"
#include "ClientConnection.h"
#include "DialogAccess.h"
#include "DialogActions.h"
#include "DialogClosing.h"
#include "DialogHandover.h"
#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "HistoryRequests.h"
#include "LoginRateLimiter.h"
#include "MessagePosting.h"
#include "ModerationRepository.h"
#include "OfflineReplies.h"
#include "OperatorChat.h"
#include "OperatorProfile.h"
#include "OperatorRepository.h"
#include "OperatorStatuses.h"
#include "PasswordHasher.h"
#include "SnapshotParts.h"
#include "RequestChecks.h"
#include "SessionRegistry.h"
#include "Teleport.h"
#include "Templates.h"
#include "TranscriptMail.h"
#include "VisitorRepository.h"
#include "protocol/ProtocolVersion.h"

#include <QJsonArray>
#include <QSet>
#include <QWebSocketProtocol>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::DialogState;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::Message;
using protocol::OperatorInfo;

namespace {
constexpr int kSnapshotMessages = 200;
constexpr int kSnapshotChatLines = 200;

/// Requests an Offline operator may not make (docs/protocol.md "Statuses").
bool needsWorkingStatus(const QString &type)
{
    static const QSet<QString> types{u"dialog.take"_s,     u"dialog.close"_s,        u"dialog.transfer"_s,
                                     u"dialog.takeover"_s, u"message.send"_s,        u"history.get"_s,
                                     u"chat.send"_s,       u"chat.history"_s,        u"contact.request"_s,
                                     u"visitor.ban"_s,     u"dialog.category.set"_s, u"visitor.redirect"_s,
                                     u"teleport.find"_s,   u"dialog.email"_s,        u"history.page"_s,
                                     u"history.search"_s,  u"history.dialog"_s};
    return types.contains(type);
}
} // namespace

OperatorEndpoint::OperatorEndpoint(const Services &services, QObject *parent)
    : QObject(parent)
    , m_operators(services.operators)
    , m_visitors(services.visitors)
    , m_dialogs(services.dialogs)
    , m_chat(services.chat)
    , m_sessions(services.sessions)
    , m_fanout(services.fanout)
    , m_router(services.router)
    , m_statuses(services.statuses)
    , m_closing(services.closing)
    , m_actions(services.actions)
    , m_moderation(services.moderation)
    , m_teleport(services.teleport)
    , m_rateLimiter(services.rateLimiter)
    , m_transcripts(services.transcripts)
    , m_offlineReplies(services.offlineReplies)
    , m_mail(services.mail)
    , m_posting(services.posting)
    , m_maxFileBytes(services.maxFileBytes)
    , m_handover(std::make_unique<DialogHandover>(services.operators, services.dialogs, services.fanout,
                                                  services.router, services.closing))
    , m_room(std::make_unique<OperatorChat>(services.chat, services.fanout))
    , m_profile(std::make_unique<OperatorProfile>(services.operators, services.fanout, services.rateLimiter))
    , m_templates(std::make_unique<Templates>(services.templates, services.operators, services.sessions,
                                              services.fanout))
    , m_history(std::make_unique<HistoryRequests>(services.history, services.dialogs, services.fanout))
{
}

OperatorEndpoint::~OperatorEndpoint() = default;

void OperatorEndpoint::accept(ClientConnection *connection)
{
    connection->setParent(this);
    connect(connection, &ClientConnection::frameReceived, this,
            [this, connection](const Frame &frame) { onFrame(connection, frame); });
    connect(connection, &ClientConnection::disconnected, this, [this, connection] { onDisconnected(connection); });
}

void OperatorEndpoint::onDisconnected(ClientConnection *connection)
{
    if (!connection->isAuthenticated())
        return;
    const SessionRegistry::Session *session = m_sessions.find(connection->sessionKey);
    const qint64 operatorId = session ? session->operatorId : 0;
    m_sessions.detach(connection);
    if (operatorId != 0 && !m_sessions.isOperatorConnected(operatorId))
        m_statuses.presenceChanged(operatorId, false);
}

void OperatorEndpoint::onFrame(ClientConnection *connection, const Frame &frame)
{
    if (frame.type == u"hello") {
        hello(connection, frame);
        return;
    }
    SessionRegistry::Session *session = checks::sessionFor(m_sessions, connection, frame);
    if (!session)
        return;
    if (frame.type == u"ack") {
        checks::acknowledge(*session, frame);
        return;
    }
    if (frame.type == u"logout") {
        logout(connection, frame);
        return;
    }
    const auto me = m_fanout.operatorInfo(session->operatorId);
    if (!me) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Operator vanished"_s);
        return;
    }
    onRequest(connection, *me, frame);
}

void OperatorEndpoint::onRequest(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    if (frame.type == u"typing") {
        typing(me, frame);
        return;
    }
    if (needsWorkingStatus(frame.type) && !me.mayWork()) {
        connection->sendError(frame.rid, ErrorCode::Forbidden,
                              u"You are Offline: choose another status to work with dialogs and the operator chat"_s);
        return;
    }
    if (frame.type == u"status.set")
        setStatus(connection, me, frame);
    else if (frame.type == u"dialog.take")
        takeDialog(connection, me, frame);
    else if (frame.type == u"dialog.close")
        closeDialog(connection, me, frame);
    else if (frame.type == u"dialog.transfer")
        m_handover->transfer(connection, me, frame);
    else if (frame.type == u"dialog.takeover")
        m_handover->takeOver(connection, me, frame);
    else if (frame.type == u"message.send")
        sendMessage(connection, me, frame);
    else if (frame.type == u"history.get")
        m_history->lines(connection, me, frame);
    else if (frame.type == u"history.page")
        m_history->page(connection, me, frame);
    else if (frame.type == u"history.search")
        m_history->search(connection, me, frame);
    else if (frame.type == u"history.dialog")
        m_history->dialog(connection, me, frame);
    else if (frame.type == u"chat.send")
        m_room->send(connection, me, frame);
    else if (frame.type == u"chat.history")
        m_room->history(connection, frame);
    else if (frame.type == u"contact.request")
        m_actions.requestContact(connection, me, frame);
    else if (frame.type == u"dialog.category.set")
        m_actions.setCategory(connection, me, frame);
    else if (frame.type == u"visitor.ban")
        m_actions.ban(connection, me, frame);
    else if (frame.type == u"bans.list")
        m_actions.listBans(connection, me, frame);
    else if (frame.type == u"ban.lift")
        m_actions.liftBan(connection, me, frame);
    else if (frame.type == u"visitor.redirect")
        m_teleport.redirect(connection, me, frame);
    else if (frame.type == u"teleport.find")
        m_teleport.find(connection, me, frame);
    else if (frame.type == u"profile.update")
        m_profile->update(connection, me, frame);
    else if (frame.type == u"password.change")
        m_profile->changePassword(connection, me, frame);
    else if (frame.type == u"dialog.email")
        m_transcripts.send(connection, me, frame);
    else if (frame.type == u"templates.sync")
        m_templates->sync(connection, me, frame);
    else if (frame.type == u"template.save")
        m_templates->save(connection, me, frame);
    else if (frame.type == u"template.delete")
        m_templates->remove(connection, me, frame);
    else if (frame.type == u"template.history")
        m_templates->history(connection, me, frame);
    // Unknown types are ignored (forward compatibility).
}

void OperatorEndpoint::hello(ClientConnection *connection, const Frame &frame)
{
    if (connection->isAuthenticated()) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Already authenticated"_s);
        return;
    }
    if (!checks::protocolVersion(connection, frame))
        return;
    const QJsonObject auth = frame.object.value(u"auth").toObject();
    qint64 operatorId = 0;
    qint64 sessionId = 0;
    QString token;
    auto refuse = [&] {
        connection->sendError(frame.rid, ErrorCode::AuthFailed, u"Wrong email or password, or unknown token"_s);
        connection->close(protocol::kCloseAuthFailed, u"authentication failed"_s);
    };
    if (auth.value(u"token").isString()) {
        token = auth.value(u"token").toString();
        const auto ref = m_operators.findSession(PasswordHasher::tokenHash(token));
        if (!ref)
            return refuse();
        operatorId = ref->operatorId;
        sessionId = ref->sessionId;
    } else if (auth.value(u"email").isString() && auth.value(u"password").isString()) {
        const QString account = OperatorRepository::normalizeEmail(auth.value(u"email").toString());
        const QString address = connection->peerAddress().toString();
        if (const int wait = m_rateLimiter.retryAfter(account, address); wait > 0) {
            connection->sendError(frame.rid, ErrorCode::RateLimited,
                                  u"Too many failed logins; try again in %1 s"_s.arg(wait),
                                  {{u"retryAfter"_s, wait}});
            return;
        }
        const QString password = auth.value(u"password").toString();
        const auto credentials = m_operators.findByEmail(account);
        const bool ok = credentials ? PasswordHasher::verify(credentials->passwordHash, password)
                                    : (PasswordHasher::burnVerify(password), false);
        if (!ok) {
            m_rateLimiter.recordFailure(account, address);
            return refuse();
        }
        m_rateLimiter.recordSuccess(account);
        operatorId = credentials->info.id;
        token = PasswordHasher::newToken();
        const auto created = m_operators.createSession(operatorId, PasswordHasher::tokenHash(token));
        if (!created) {
            connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot create a session"_s);
            return;
        }
        sessionId = *created;
    } else {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"hello needs \"auth\" with email and password, or a token"_s);
        return;
    }
    auto info = m_fanout.operatorInfo(operatorId);
    if (!info) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Operator vanished"_s);
        return;
    }
    const bool wasConnected = info->connected;
    info->connected = true; // this socket is attached below, before any event

    const QString key = SessionRegistry::operatorKey(sessionId);
    const std::optional<qint64> lastSeq = checks::resumeSeq(frame);
    const SessionRegistry::Session *known = m_sessions.find(key);
    const bool resumed = known && lastSeq && known->log.canResumeFrom(*lastSeq);
    SessionRegistry::Session &session = m_sessions.ensure(key, operatorId, 0);
    session.log.acknowledge(resumed ? *lastSeq : session.log.lastSeq());

    QJsonObject data{{u"protocol"_s, protocol::ProtocolVersion::current().toString()},
                     {u"token"_s, token},
                     {u"operator"_s, info->toJson()},
                     {u"resumed"_s, resumed},
                     {u"seq"_s, resumed ? *lastSeq : session.log.lastSeq()}};
    addDirectory(data, *info);
    QList<QJsonObject> snapshotParts;
    if (!resumed) {
        // Part 1 rides in the result; the others follow at once, before any event.
        snapshotParts = splitSnapshot(snapshot(*info));
        data.insert(u"snapshot"_s, snapshotParts.first());
        data.insert(u"snapshotParts"_s, snapshotParts.size());
    }
    connection->sendResult(frame.rid, data);
    for (qsizetype i = 1; i < snapshotParts.size(); ++i) {
        connection->send({{u"type"_s, u"snapshot.part"_s},
                          {u"part"_s, i + 1},
                          {u"parts"_s, snapshotParts.size()},
                          {u"data"_s, snapshotParts.at(i)}});
    }
    if (resumed) {
        for (const QJsonObject &event : session.log.eventsAfter(*lastSeq))
            connection->send(event);
    }
    m_sessions.attach(session, connection);
    if (!wasConnected)
        m_statuses.presenceChanged(operatorId, true);
}

void OperatorEndpoint::addDirectory(QJsonObject &data, const OperatorInfo &me)
{
    QJsonArray operators;
    for (const OperatorInfo &info : m_fanout.allOperators())
        operators.append(info.id == me.id ? me.toJson() : info.toJson());
    QJsonArray departments;
    for (const protocol::Department &department : m_operators.departments())
        departments.append(QJsonObject{{u"id"_s, department.id}, {u"name"_s, department.name}});
    QJsonArray categories;
    for (const protocol::Category &category : m_moderation.categories())
        categories.append(category.toJson());
    data.insert(u"operators"_s, operators);
    data.insert(u"departments"_s, departments);
    data.insert(u"categories"_s, categories);
    data.insert(u"settings"_s, QJsonObject{{u"autoAssign"_s, m_router.isEnabled()},
                                           {u"hideOthersDialogs"_s, m_fanout.hideOthersDialogs()},
                                           {u"mail"_s, m_mail},
                                           {u"maxFileBytes"_s, m_maxFileBytes}});
    data.insert(u"templatesRevision"_s, m_templates->revision());
}

QJsonObject OperatorEndpoint::snapshot(const OperatorInfo &me)
{
    const QList<Dialog> open = m_dialogs.openDialogs();
    QJsonArray dialogs;
    QJsonArray messages;
    QList<qint64> visitorIds = m_sessions.onlineVisitors();
    QSet<qint64> seen(visitorIds.cbegin(), visitorIds.cend());
    for (const Dialog &dialog : open) {
        if (!m_fanout.canSee(me, dialog))
            continue;
        dialogs.append(dialog.toJson());
        if (!seen.contains(dialog.visitorId)) {
            seen.insert(dialog.visitorId);
            visitorIds.append(dialog.visitorId);
        }
        for (const Message &message : m_dialogs.lastMessages(dialog.id, kSnapshotMessages))
            messages.append(message.toJson());
    }
    QJsonArray chat;
    if (me.mayWork()) {
        for (const Message &line : m_chat.lines(kSnapshotChatLines))
            chat.append(line.toJson());
    }
    QJsonArray visitors;
    for (const qint64 id : std::as_const(visitorIds)) {
        if (const auto json = m_fanout.visitorJson(id))
            visitors.append(*json);
    }
    return {{u"visitors"_s, visitors},
            {u"dialogs"_s, dialogs},
            {u"messages"_s, messages},
            {u"chat"_s, chat},
            {u"operator"_s, me.toJson()}};
}

void OperatorEndpoint::setStatus(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QString text = frame.object.value(u"status").toString();
    if (!protocol::isValidOperatorStatus(text)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"\"status\" must be one of online, invisible, before_lunch, lunch, break, offline"_s);
        return;
    }
    const auto status = m_statuses.store(me.id, protocol::operatorStatusFromString(text));
    if (!status) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the status"_s);
        return;
    }
    const auto info = m_fanout.operatorInfo(me.id);
    connection->sendResult(frame.rid, {{u"operator"_s, info.value_or(me).toJson()}});
    m_statuses.apply(me.id, *status);
}

void OperatorEndpoint::takeDialog(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const qint64 operatorId = me.id;
    auto dialog = dialogFor(connection, frame, me, DialogNeed::Change, m_dialogs, m_fanout);
    if (!dialog)
        return;
    const bool changed = dialog->state != DialogState::Active || dialog->operatorId != operatorId;
    dialog->state = DialogState::Active;
    dialog->operatorId = operatorId;
    if (changed && !m_dialogs.update(*dialog)) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"dialog"_s, dialog->toJson()}});
    m_router.noteActivity(operatorId);
    if (changed)
        m_fanout.dialogChanged(*dialog, 0);
}

void OperatorEndpoint::closeDialog(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    auto dialog = m_dialogs.find(*dialogId);
    if (dialog && dialog->state == DialogState::Closed && m_fanout.canSee(me, *dialog)) {
        connection->sendResult(frame.rid, {{u"dialog"_s, dialog->toJson()}}); // closing twice is harmless
        return;
    }
    dialog = dialogFor(connection, frame, me, DialogNeed::ChangeOrSupervise, m_dialogs, m_fanout);
    if (!dialog)
        return;
    const auto closed = m_closing.store(*dialog);
    if (!closed) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"dialog"_s, closed->toJson()}});
    m_closing.announce(*closed);
}

void OperatorEndpoint::sendMessage(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto sent = checks::line(connection, frame);
    if (!sent)
        return;
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    Message line;
    line.cid = sent->cid;
    line.text = sent->text;
    // The same path as a file upload (FileUploads): retry, access, the dialog becoming mine.
    const PostOutcome outcome = m_posting.fromOperator(me, *dialogId, line);
    if (const auto *refusal = std::get_if<Refusal>(&outcome)) {
        connection->sendError(frame.rid, refusal->code, refusal->message, refusal->extra);
        return;
    }
    const Posted &posted = std::get<Posted>(outcome);
    connection->sendResult(frame.rid, posted.resultData());
    m_posting.announce(posted);
    if (!posted.retry)
        m_offlineReplies.messageStored(posted.message, posted.dialog);
}

void OperatorEndpoint::logout(ClientConnection *connection, const Frame &frame)
{
    const QString key = connection->sessionKey;
    SessionRegistry::Session *session = m_sessions.find(key);
    if (!session)
        return;
    m_operators.revokeSession(key.mid(2).toLongLong());
    connection->sendResult(frame.rid, {});
    const auto connections = session->connections;
    const qint64 operatorId = session->operatorId;
    m_sessions.remove(key); // `session` dangles from here on
    for (const auto &other : connections) {
        if (other) {
            other->sessionKey.clear();
            other->close(QWebSocketProtocol::CloseCodeNormal, u"logged out"_s);
        }
    }
    if (operatorId != 0 && !m_sessions.isOperatorConnected(operatorId))
        m_statuses.presenceChanged(operatorId, false);
}

void OperatorEndpoint::typing(const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue id = frame.object.value(u"dialogId");
    if (!id.isDouble())
        return;
    const auto dialog = m_dialogs.find(static_cast<qint64>(id.toDouble()));
    if (dialog && EventFanout::canChange(me, *dialog))
        m_fanout.operatorTyping(*dialog, frame.object.value(u"typing").toBool());
}

} // namespace concierge::server
