// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorEndpoint.h"

#include "ClientConnection.h"
#include "DialogActions.h"
#include "DialogClosing.h"
#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "ModerationRepository.h"
#include "OperatorRepository.h"
#include "PasswordHasher.h"
#include "RequestChecks.h"
#include "SessionRegistry.h"
#include "Teleport.h"
#include "VisitorRepository.h"
#include "protocol/ProtocolVersion.h"

#include <QJsonArray>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::DialogState;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::Message;

namespace {
constexpr int kSnapshotMessages = 200;
constexpr qsizetype kMaxFieldChars = 2048; ///< url, title, referrer, UTM values, User-Agent

/// What a banned visitor may no longer do (docs/protocol.md "Dialog actions", Ban).
bool isBannable(const QString &type)
{
    return type == u"message.send" || type == u"offline.request" || type == u"contact.submit"
           || type == u"dialog.rate";
}

QString field(const QJsonObject &object, const QString &name)
{
    return object.value(name).toString().left(kMaxFieldChars);
}
} // namespace

VisitorEndpoint::VisitorEndpoint(const Services &services, QObject *parent)
    : QObject(parent)
    , m_visitors(services.visitors)
    , m_dialogs(services.dialogs)
    , m_operators(services.operators)
    , m_sessions(services.sessions)
    , m_fanout(services.fanout)
    , m_router(services.router)
    , m_closing(services.closing)
    , m_actions(services.actions)
    , m_moderation(services.moderation)
    , m_teleport(services.teleport)
    , m_posting(services.posting)
{
}

void VisitorEndpoint::accept(ClientConnection *connection)
{
    connection->setParent(this);
    connect(connection, &ClientConnection::frameReceived, this,
            [this, connection](const Frame &frame) { onFrame(connection, frame); });
    connect(connection, &ClientConnection::disconnected, this, [this, connection] { onDisconnected(connection); });
}

void VisitorEndpoint::onDisconnected(ClientConnection *connection)
{
    m_visitOf.remove(connection);
    if (!connection->isAuthenticated())
        return;
    SessionRegistry::Session *session = m_sessions.detach(connection);
    if (session && session->connections.isEmpty()) {
        m_visitors.touch(session->visitorId);
        m_fanout.visitorChanged(session->visitorId); // now offline
    }
}

void VisitorEndpoint::onFrame(ClientConnection *connection, const Frame &frame)
{
    if (frame.type == u"hello") {
        hello(connection, frame);
        return;
    }
    SessionRegistry::Session *session = checks::sessionFor(m_sessions, connection, frame);
    if (!session)
        return;
    const qint64 me = session->visitorId;
    if (frame.type == u"ack")
        checks::acknowledge(*session, frame);
    else if (frame.type == u"typing")
        typing(me, frame);
    else if (frame.type == u"page.view")
        pageView(connection, me, frame);
    else if (isBannable(frame.type) && refusedAsBanned(connection, me, frame))
        return;
    else if (frame.type == u"message.send")
        sendMessage(connection, me, frame);
    else if (frame.type == u"offline.request")
        offlineRequest(connection, me, frame);
    else if (frame.type == u"contact.submit")
        m_actions.submitContact(connection, me, frame);
    else if (frame.type == u"dialog.rate")
        m_actions.rate(connection, me, frame);
    else if (frame.type == u"teleport.code")
        m_teleport.issueCode(connection, me, frame);
    else if (frame.type == u"dialog.close")
        closeDialog(connection, me, frame);
}

void VisitorEndpoint::hello(ClientConnection *connection, const Frame &frame)
{
    if (connection->isAuthenticated()) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Already said hello"_s);
        return;
    }
    if (!checks::protocolVersion(connection, frame))
        return;
    QString token = frame.object.value(u"visitorToken").toString();
    std::optional<qint64> visitorId;
    if (!token.isEmpty())
        visitorId = m_visitors.findByToken(PasswordHasher::tokenHash(token));
    if (!visitorId) { // no token, or one we do not know: a new visitor
        token = PasswordHasher::newToken();
        visitorId = m_visitors.create(PasswordHasher::tokenHash(token));
    }
    QString userAgent = connection->userAgent();
    if (userAgent.isEmpty())
        userAgent = field(frame.object, u"userAgent"_s);
    const auto visitId = visitorId ? m_visitors.beginVisit(*visitorId, connection->peerAddress().toString(),
                                                           userAgent.left(kMaxFieldChars))
                                   : std::nullopt;
    if (!visitId) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the visitor"_s);
        return;
    }
    m_visitOf.insert(connection, *visitId);

    const QString key = SessionRegistry::visitorKey(*visitorId);
    const std::optional<qint64> lastSeq = checks::resumeSeq(frame);
    const SessionRegistry::Session *known = m_sessions.find(key);
    const bool resumed = known && lastSeq && known->log.canResumeFrom(*lastSeq);
    SessionRegistry::Session &session = m_sessions.ensure(key, 0, *visitorId);
    if (resumed)
        session.log.acknowledge(*lastSeq);
    const bool wasOnline = !session.connections.isEmpty();

    // Settles the last-told availability before this visitor hears the current one, so the next
    // push really is a flip.
    const QJsonObject availability = m_fanout.refreshAvailability();
    QJsonObject data{{u"protocol"_s, protocol::ProtocolVersion::current().toString()},
                     {u"visitorToken"_s, token},
                     {u"visitorId"_s, *visitorId},
                     {u"resumed"_s, resumed},
                     {u"seq"_s, resumed ? *lastSeq : session.log.lastSeq()},
                     {u"departments"_s, availability.value(u"departments")},
                     {u"banned"_s, m_moderation.banInForce(*visitorId, connection->peerAddress().toString()).has_value()}};
    if (!resumed)
        data.insert(u"snapshot"_s, snapshot(*visitorId, availability.value(u"available").toBool()));
    connection->sendResult(frame.rid, data);
    if (resumed) {
        for (const QJsonObject &event : session.log.eventsAfter(*lastSeq))
            connection->send(event);
    }
    m_sessions.attach(session, connection);
    if (!wasOnline)
        m_fanout.visitorChanged(*visitorId);
}

QJsonObject VisitorEndpoint::snapshot(qint64 visitorId, bool operatorsAvailable)
{
    QJsonValue dialogJson;
    QJsonArray messages;
    if (const auto dialog = m_dialogs.openForVisitor(visitorId)) {
        dialogJson = m_fanout.visitorDialogJson(*dialog);
        for (const Message &message : m_dialogs.lastMessages(dialog->id, kSnapshotMessages)) {
            if (!message.isOperatorOnly()) // mail sent or failed is the operators' business
                messages.append(EventFanout::visitorMessageJson(message));
        }
    }
    return {{u"dialog"_s, dialogJson},
            {u"messages"_s, messages},
            {u"operatorsAvailable"_s, operatorsAvailable}};
}

void VisitorEndpoint::pageView(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    if (!frame.object.value(u"url").isString() || frame.object.value(u"url").toString().isEmpty()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"page.view needs a string \"url\""_s);
        return;
    }
    if (const int wait = m_pageViewGuard.tryAction(visitorId)) {
        connection->sendError(frame.rid, ErrorCode::RateLimited,
                              u"Too many page views; please wait %1 s"_s.arg(wait), {{u"retryAfter"_s, wait}});
        return;
    }
    protocol::PageView page{field(frame.object, u"url"_s), field(frame.object, u"title"_s),
                            QDateTime::currentDateTimeUtc()};
    const QJsonObject utmJson = frame.object.value(u"utm").toObject();
    const protocol::Utm utm{field(utmJson, u"source"_s), field(utmJson, u"medium"_s), field(utmJson, u"campaign"_s),
                            field(utmJson, u"term"_s), field(utmJson, u"content"_s)};
    if (!m_visitors.addPageView(visitorId, m_visitOf.value(connection), page, field(frame.object, u"referrer"_s),
                                utm)) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the page view"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    m_fanout.visitorChanged(visitorId);
}

std::optional<qint64> VisitorEndpoint::departmentField(ClientConnection *connection, const Frame &frame)
{
    const QJsonValue value = frame.object.value(u"departmentId");
    if (value.isUndefined() || value.isNull())
        return 0;
    const qint64 id = value.isDouble() ? static_cast<qint64>(value.toDouble()) : 0;
    if (id <= 0 || !m_operators.department(id)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"No such department"_s);
        return std::nullopt;
    }
    return id;
}

void VisitorEndpoint::answer(ClientConnection *connection, const Frame &frame, const PostOutcome &outcome)
{
    if (const auto *refusal = std::get_if<Refusal>(&outcome)) {
        connection->sendError(frame.rid, refusal->code, refusal->message, refusal->extra);
        return;
    }
    const Posted &posted = std::get<Posted>(outcome);
    connection->sendResult(frame.rid, posted.resultData());
    m_posting.announce(posted);
}

void VisitorEndpoint::sendMessage(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    const auto department = departmentField(connection, frame);
    if (!department)
        return;
    const auto sent = checks::line(connection, frame);
    if (!sent)
        return;
    Message line;
    line.cid = sent->cid;
    line.text = sent->text;
    // The same path as a file upload (FileUploads): retry, flood limit, the dialog opened or waiting.
    answer(connection, frame, m_posting.fromVisitor(visitorId, line, *department));
}

void VisitorEndpoint::offlineRequest(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    const auto contact = checks::contactDetails(connection, frame);
    if (!contact)
        return;
    const auto department = departmentField(connection, frame);
    if (!department)
        return;
    const auto sent = checks::line(connection, frame);
    if (!sent)
        return;
    Message line;
    line.cid = sent->cid;
    line.text = sent->text;
    answer(connection, frame, m_posting.offlineRequest(visitorId, line, *department, *contact));
}

void VisitorEndpoint::closeDialog(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    const auto dialog = m_dialogs.openForVisitor(visitorId);
    if (!dialog) { // nothing open: closing is already done
        connection->sendResult(frame.rid, {});
        return;
    }
    const auto closed = m_closing.store(*dialog);
    if (!closed) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    m_closing.announce(*closed);
}

bool VisitorEndpoint::refusedAsBanned(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    if (!m_moderation.banInForce(visitorId, connection->peerAddress().toString()))
        return false;
    connection->sendError(frame.rid, ErrorCode::Forbidden, u"Chat is not available"_s);
    return true;
}

void VisitorEndpoint::typing(qint64 visitorId, const Frame &frame)
{
    if (const auto dialog = m_dialogs.openForVisitor(visitorId))
        m_fanout.visitorTyping(*dialog, frame.object.value(u"typing").toBool());
}

} // namespace concierge::server
