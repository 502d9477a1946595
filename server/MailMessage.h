// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace concierge::server {

/// One plain-text mail to one person.
struct OutgoingMail
{
    QString to;     ///< a bare address
    QString toName; ///< shown beside the address; may be empty
    QString subject;
    QString text;
};

/// Builds the bytes of an RFC 5322 message: Date, From, To, Subject (RFC 2047 encoded-words when
/// it is not short plain ASCII), Message-ID, MIME-Version, a UTF-8 text/plain body in base64, CRLF
/// line ends, every byte ASCII. Dot-stuffing is left to the SMTP client (libcurl).
namespace mailmessage {

/// \a from as configured ("a@b.c" or "Name <a@b.c>"); \a idToken makes the Message-ID unique.
QByteArray compose(const OutgoingMail &mail, const QString &from, const QDateTime &now,
                   const QByteArray &idToken);
/// The address inside a From setting: "Name <a@b.c>" → "a@b.c"; "a@b.c" → "a@b.c".
QString bareAddress(const QString &from);
/// An address safe to put in a header and an SMTP command: one @, no spaces, controls, quotes,
/// brackets, commas or semicolons.
bool isSafeAddress(const QString &address);
/// A header value as RFC 2047 encoded-words (UTF-8, base64), each at most 75 characters, folded
/// with CRLF SP; short printable ASCII without "=?" is returned as it is.
QByteArray encodeWords(const QString &text);

} // namespace mailmessage
} // namespace concierge::server
