// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorProfile.h"

#include "ClientConnection.h"
#include "EventFanout.h"
#include "LoginRateLimiter.h"
#include "OperatorRepository.h"
#include "PasswordHasher.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;

namespace {
constexpr qsizetype kMaxNameChars = 100;
constexpr qsizetype kMaxEmailChars = 200; ///< as for the visitors' contact forms
constexpr qsizetype kMinPasswordChars = 8;
} // namespace

OperatorProfile::OperatorProfile(OperatorRepository &operators, EventFanout &fanout, LoginRateLimiter &rateLimiter)
    : m_operators(operators)
    , m_fanout(fanout)
    , m_rateLimiter(rateLimiter)
{
}

void OperatorProfile::update(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    static const QRegularExpression languageCode(u"^[a-z]{2,3}(-[a-z0-9]{2,8})?$"_s);
    const bool hasName = frame.object.contains(u"name");
    const QString name = frame.object.value(u"name").toString().trimmed();
    if (hasName && (name.isEmpty() || name.size() > kMaxNameChars)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"The name must be 1 to 100 characters"_s);
        return;
    }
    const bool hasLanguages = frame.object.contains(u"languages");
    QStringList languages;
    if (hasLanguages) {
        if (!frame.object.value(u"languages").isArray()) {
            connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"languages\" must be a list of codes"_s);
            return;
        }
        for (const QJsonValue &value : frame.object.value(u"languages").toArray()) {
            const QString code = value.toString().trimmed().toLower();
            if (!languageCode.match(code).hasMatch()) {
                connection->sendError(frame.rid, ErrorCode::BadRequest,
                                      u"Not a language code: \"%1\" (expected e.g. en, ru, pt-br)"_s.arg(value.toString()));
                return;
            }
            if (!languages.contains(code))
                languages.append(code);
        }
    }
    const bool hasEmail = frame.object.contains(u"email");
    const QString email = OperatorRepository::normalizeEmail(frame.object.value(u"email").toString());
    if (hasEmail && (email.size() > kMaxEmailChars || !OperatorRepository::isValidEmail(email))) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"Not a valid email address"_s);
        return;
    }
    const bool emailChanges = hasEmail && email != me.email;
    if (emailChanges && m_operators.findByEmail(email)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"This email is already in use by another operator"_s);
        return;
    }
    // Every field was checked before any is written; the email goes first, as the one that can
    // still clash (two operators claiming one address at once: the UNIQUE column decides).
    if (emailChanges && !m_operators.setEmail(me.id, email)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"This email is already in use by another operator"_s);
        return;
    }
    if ((hasName && !m_operators.setName(me.id, name)) || (hasLanguages && !m_operators.setLanguages(me.id, languages))) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the profile"_s);
        return;
    }
    const auto info = m_fanout.operatorInfo(me.id);
    connection->sendResult(frame.rid, {{u"operator"_s, info.value_or(me).toJson()}});
    m_fanout.operatorChanged(me.id);
}

void OperatorProfile::changePassword(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QString oldPassword = frame.object.value(u"oldPassword").toString();
    const QString newPassword = frame.object.value(u"newPassword").toString();
    if (newPassword.size() < kMinPasswordChars) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"The new password needs at least 8 characters"_s);
        return;
    }
    const QString address = connection->peerAddress().toString();
    if (const int wait = m_rateLimiter.retryAfter(me.email, address); wait > 0) {
        connection->sendError(frame.rid, ErrorCode::RateLimited, u"Too many wrong passwords; try again in %1 s"_s.arg(wait),
                              {{u"retryAfter"_s, wait}});
        return;
    }
    const auto credentials = m_operators.findByEmail(me.email);
    if (!credentials || !PasswordHasher::verify(credentials->passwordHash, oldPassword)) {
        // Counts like a failed login: guessing through this request is no easier than at the door.
        m_rateLimiter.recordFailure(me.email, address);
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"The current password is wrong"_s);
        return;
    }
    const QString hash = PasswordHasher::hash(newPassword);
    if (hash.isEmpty() || !m_operators.setPasswordHash(me.id, hash)) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the password"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
}

} // namespace concierge::server
