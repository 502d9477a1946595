// SPDX-License-Identifier: GPL-3.0-or-later
#include "MailMessage.h"

#include <QRegularExpression>

namespace concierge::server::mailmessage {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kPlainHeaderChars = 70;
/// "=?UTF-8?B?" + 60 base64 characters + "?=" is 72, under the 75 of RFC 2047; 60 base64
/// characters carry 45 bytes.
constexpr qsizetype kBytesPerWord = 45;
constexpr qsizetype kBase64LineChars = 76;

bool isPlainAscii(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return false;
    }
    return !text.contains(u"=?"_s);
}

/// CR, LF and other controls in a one-line header value become spaces: nobody can add a header.
QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u' ';
    }
    return line.simplified();
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray lines;
    for (qsizetype i = 0; i < encoded.size(); i += kBase64LineChars)
        lines += encoded.mid(i, kBase64LineChars) + "\r\n";
    return lines;
}

QByteArray domainOf(const QString &address)
{
    const qsizetype at = address.lastIndexOf(u'@');
    return at < 0 ? QByteArray("concierge.invalid") : address.mid(at + 1).toLatin1();
}

/// RFC 5322 specials: a display name holding any of them is not a plain phrase, and unquoted it
/// would change the header's meaning ("Smith, John <a@b.c>" is two mailboxes to a mail client).
bool hasSpecials(const QString &name)
{
    static const QString specials = u"()<>[]:;@\\,.\""_s;
    for (const QChar c : name) {
        if (specials.contains(c))
            return true;
    }
    return false;
}

/// A configured name may already be a quoted-string ("\"Example, Inc.\" <a@b.c>"): its text.
QString unquoted(const QString &name)
{
    if (name.size() < 2 || !name.startsWith(u'"') || !name.endsWith(u'"'))
        return name;
    QString text;
    const QString inner = name.mid(1, name.size() - 2);
    for (qsizetype i = 0; i < inner.size(); ++i) {
        if (inner.at(i) == u'\\' && i + 1 < inner.size())
            ++i;
        text += inner.at(i);
    }
    return text;
}

/// The display name of a To or From mailbox: as it is when it is a plain short ASCII phrase, an
/// RFC 5322 quoted-string when it holds specials, RFC 2047 encoded-words when it is not ASCII or
/// too long for one line (an encoded-word carries any character safely).
QByteArray displayName(const QString &name)
{
    const QByteArray words = encodeWords(name);
    if (words.startsWith("=?") || !hasSpecials(name))
        return words;
    QByteArray quoted = "\"";
    for (const char c : words) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + '"';
}

/// "Name <address>", or the bare address when there is no name.
QByteArray mailbox(const QString &name, const QString &address)
{
    const QString line = unquoted(oneLine(name));
    if (line.isEmpty())
        return address.toLatin1();
    return displayName(line) + " <" + address.toLatin1() + '>';
}

/// The display name of a From setting: "Example Chat <chat@example.com>" → "Example Chat".
QString nameOf(const QString &from)
{
    const qsizetype open = from.lastIndexOf(u'<');
    return open > 0 ? from.left(open).trimmed() : QString();
}

} // namespace

QString bareAddress(const QString &from)
{
    const qsizetype open = from.lastIndexOf(u'<');
    const qsizetype close = from.lastIndexOf(u'>');
    if (open >= 0 && close > open)
        return from.mid(open + 1, close - open - 1).trimmed();
    return from.trimmed();
}

bool isSafeAddress(const QString &address)
{
    static const QRegularExpression pattern(
        u"^[^@\\s<>()\\[\\],;:\"\\\\]+@[^@\\s<>()\\[\\],;:\"\\\\]+\\.[^@\\s<>()\\[\\],;:\"\\\\]+$"_s);
    for (const QChar c : address) {
        if (c.unicode() < 0x20 || c.unicode() >= 0x7f)
            return false; // SMTPUTF8 addresses are not worth their trouble here
    }
    return pattern.match(address).hasMatch();
}

QByteArray encodeWords(const QString &text)
{
    const QString line = oneLine(text);
    if (line.size() <= kPlainHeaderChars && isPlainAscii(line))
        return line.toLatin1();
    // Whole characters per word: RFC 2047 forbids splitting a character's bytes over two words.
    QList<QByteArray> chunks{QByteArray()};
    for (qsizetype i = 0; i < line.size(); ++i) {
        const qsizetype length = line.at(i).isHighSurrogate() && i + 1 < line.size() ? 2 : 1;
        const QByteArray bytes = line.mid(i, length).toUtf8();
        i += length - 1;
        if (chunks.last().size() + bytes.size() > kBytesPerWord)
            chunks.append(QByteArray());
        chunks.last() += bytes;
    }
    QByteArray words;
    for (const QByteArray &chunk : std::as_const(chunks)) {
        if (!words.isEmpty())
            words += "\r\n ";
        words += "=?UTF-8?B?" + chunk.toBase64() + "?=";
    }
    return words;
}

QByteArray compose(const OutgoingMail &mail, const QString &from, const QDateTime &now,
                   const QByteArray &idToken)
{
    const QByteArray to = mailbox(mail.toName, mail.to);
    QString text = mail.text;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    if (!text.endsWith(u'\n'))
        text += u'\n';
    text.replace(u"\n"_s, u"\r\n"_s);

    QByteArray message;
    message += "Date: " + now.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    message += "From: " + mailbox(nameOf(oneLine(from)), bareAddress(from)) + "\r\n";
    message += "To: " + to + "\r\n";
    message += "Subject: " + encodeWords(mail.subject) + "\r\n";
    message += "Message-ID: <" + idToken + '@' + domainOf(bareAddress(from)) + ">\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: text/plain; charset=UTF-8\r\n";
    message += "Content-Transfer-Encoding: base64\r\n";
    message += "\r\n";
    message += base64Lines(text.toUtf8());
    return message;
}

} // namespace concierge::server::mailmessage
