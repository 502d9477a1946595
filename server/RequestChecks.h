// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionRegistry.h"

#include "protocol/Dialog.h"
#include "protocol/Frame.h"

#include <QString>

#include <optional>

namespace concierge::server {

class ClientConnection;

/// Field checks shared by both endpoints. Each answers the request with the right `error` itself
/// when the check fails and then returns false / nullopt, so a handler just returns.
namespace checks {

/// `protocol` of a hello: missing → bad_request; unparseable or another major → unsupported_version
/// and the socket is closed with 4001.
bool protocolVersion(ClientConnection *connection, const protocol::Frame &frame);
/// `text` of message.send: a non-blank string (bad_request) of at most 10,000 characters (too_long).
std::optional<QString> messageText(ClientConnection *connection, const protocol::Frame &frame);
/// `cid`: a non-empty string of at most 128 characters.
std::optional<QString> cid(ClientConnection *connection, const protocol::Frame &frame);
/// `cid` and `text` of a new line (message.send, chat.send, offline.request).
struct Line
{
    QString cid;
    QString text;
};
std::optional<Line> line(ClientConnection *connection, const protocol::Frame &frame);
/// Idempotent sends: when \a original (found by the request's cid) exists, answers the request —
/// with \a originalJson when it was \a sentBySameAuthor, else bad_request — and returns true.
bool answeredAsRetry(ClientConnection *connection, const protocol::Frame &frame, bool originalExists,
                     bool sentBySameAuthor, const QJsonObject &originalJson);
/// A positive integer id field.
std::optional<qint64> id(ClientConnection *connection, const protocol::Frame &frame, const QString &field);
/// `name`, `email`, `phone` of a contact form (offline request, contact.submit): each at most 200
/// characters (refused, not cut: a shortened email is another address), email or phone given, an
/// email that looks like one, a phone of digits, spaces and + - ( ). Else bad_request, nothing.
std::optional<protocol::ContactDetails> contactDetails(ClientConnection *connection, const protocol::Frame &frame);
/// Optional `limit`: absent → \a fallback; not a positive number → bad_request; capped at \a max.
std::optional<int> limit(ClientConnection *connection, const protocol::Frame &frame, int fallback, int max);
/// The session a request belongs to; a request on a socket that has not completed `hello` is
/// answered `not_authenticated` and nullptr is returned.
SessionRegistry::Session *sessionFor(SessionRegistry &sessions, ClientConnection *connection,
                                     const protocol::Frame &frame);
/// Applies an `ack` notification to the session's event log.
void acknowledge(SessionRegistry::Session &session, const protocol::Frame &frame);
/// `resume.lastSeq` of a hello, if present and a non-negative number.
std::optional<qint64> resumeSeq(const protocol::Frame &frame);

} // namespace checks
} // namespace concierge::server
