// SPDX-License-Identifier: GPL-3.0-or-later
#include "RequestChecks.h"

#include "ClientConnection.h"
#include "OperatorRepository.h"
#include "protocol/ProtocolVersion.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QJsonValue>

namespace concierge::server::checks {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::ProtocolVersion;

bool protocolVersion(ClientConnection *connection, const protocol::Frame &frame)
{
    const QJsonValue value = frame.object.value(u"protocol");
    if (!value.isString()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"hello needs a string \"protocol\""_s);
        return false;
    }
    const auto version = ProtocolVersion::parse(value.toString());
    if (!version || !version->isCompatibleWith(ProtocolVersion::current())) {
        const QString spoken = QString::number(ProtocolVersion::current().major) + u".x"_s;
        connection->sendError(frame.rid, ErrorCode::UnsupportedVersion,
                              u"Protocol "_s + value.toString() + u" is not supported; this server speaks "_s
                                  + spoken);
        connection->close(protocol::kCloseUnsupportedVersion, u"unsupported protocol version"_s);
        return false;
    }
    return true;
}

std::optional<QString> messageText(ClientConnection *connection, const protocol::Frame &frame)
{
    const QJsonValue value = frame.object.value(u"text");
    if (!value.isString() || value.toString().trimmed().isEmpty()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"text\" must be a non-empty string"_s);
        return std::nullopt;
    }
    QString text = value.toString();
    if (text.size() > protocol::kMaxMessageChars) {
        connection->sendError(frame.rid, ErrorCode::TooLong,
                              u"A message may hold at most %1 characters"_s.arg(protocol::kMaxMessageChars));
        return std::nullopt;
    }
    return text;
}

std::optional<QString> cid(ClientConnection *connection, const protocol::Frame &frame)
{
    const QJsonValue value = frame.object.value(u"cid");
    if (!value.isString() || value.toString().isEmpty() || value.toString().size() > 128) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"\"cid\" must be a client-made id (a UUID string)"_s);
        return std::nullopt;
    }
    return value.toString();
}

std::optional<qint64> id(ClientConnection *connection, const protocol::Frame &frame, const QString &field)
{
    const QJsonValue value = frame.object.value(field);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 1 || number != static_cast<double>(static_cast<qint64>(number))) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\""_s + field + u"\" must be a positive integer"_s);
        return std::nullopt;
    }
    return static_cast<qint64>(number);
}

std::optional<qint64> resumeSeq(const protocol::Frame &frame)
{
    const QJsonValue value = frame.object.value(u"resume").toObject().value(u"lastSeq");
    if (!value.isDouble() || value.toDouble() < 0)
        return std::nullopt;
    return static_cast<qint64>(value.toDouble());
}

std::optional<Line> line(ClientConnection *connection, const protocol::Frame &frame)
{
    const auto cidValue = cid(connection, frame);
    if (!cidValue)
        return std::nullopt;
    const auto text = messageText(connection, frame);
    if (!text)
        return std::nullopt;
    return Line{*cidValue, *text};
}

bool answeredAsRetry(ClientConnection *connection, const protocol::Frame &frame, bool originalExists,
                     bool sentBySameAuthor, const QJsonObject &originalJson)
{
    if (!originalExists)
        return false;
    // A retry: answer with what was stored, tell nobody again.
    if (sentBySameAuthor)
        connection->sendResult(frame.rid, {{u"message"_s, originalJson}});
    else
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"This cid belongs to another message"_s);
    return true;
}

std::optional<protocol::ContactDetails> contactDetails(ClientConnection *connection, const protocol::Frame &frame)
{
    constexpr qsizetype kMaxChars = 200;
    static const QRegularExpression phonePattern(u"^[0-9 +()\\-]{3,}$"_s);
    protocol::ContactDetails contact;
    contact.name = frame.object.value(u"name").toString().trimmed();
    contact.email = frame.object.value(u"email").toString().trimmed();
    contact.phone = frame.object.value(u"phone").toString().trimmed();
    QString problem;
    // Refused rather than cut: a shortened email is another address.
    if (contact.name.size() > kMaxChars || contact.email.size() > kMaxChars
        || contact.phone.size() > kMaxChars)
        problem = u"Name, email and phone are at most 200 characters each"_s;
    else if (contact.email.isEmpty() && contact.phone.isEmpty())
        problem = u"Leave an email or a phone number"_s;
    else if (!contact.email.isEmpty() && !OperatorRepository::isValidEmail(contact.email))
        problem = u"Not a valid email address"_s;
    else if (!contact.phone.isEmpty() && !phonePattern.match(contact.phone).hasMatch())
        problem = u"A phone number holds digits, spaces and + - ( ) only"_s;
    if (problem.isEmpty())
        return contact;
    connection->sendError(frame.rid, ErrorCode::BadRequest, problem);
    return std::nullopt;
}

std::optional<int> limit(ClientConnection *connection, const protocol::Frame &frame, int fallback, int max)
{
    if (!frame.object.contains(u"limit"))
        return fallback;
    const QJsonValue value = frame.object.value(u"limit");
    if (!value.isDouble() || value.toDouble() < 1) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"limit\" must be a positive number"_s);
        return std::nullopt;
    }
    return static_cast<int>(std::min<double>(value.toDouble(), max));
}

SessionRegistry::Session *sessionFor(SessionRegistry &sessions, ClientConnection *connection,
                                     const protocol::Frame &frame)
{
    SessionRegistry::Session *session = sessions.find(connection->sessionKey);
    if (!connection->isAuthenticated() || !session) {
        connection->sendError(frame.rid, ErrorCode::NotAuthenticated, u"Send hello first"_s);
        return nullptr;
    }
    return session;
}

void acknowledge(SessionRegistry::Session &session, const protocol::Frame &frame)
{
    session.log.acknowledge(static_cast<qint64>(frame.object.value(u"seq").toDouble()));
}

} // namespace concierge::server::checks
