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
    QByteArray to = mail.to.toLatin1();
    if (const QString name = oneLine(mail.toName); !name.isEmpty())
        to = encodeWords(name) + " <" + to + '>';
    QString text = mail.text;
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    if (!text.endsWith(u'\n'))
        text += u'\n';
    text.replace(u"\n"_s, u"\r\n"_s);

    QByteArray message;
    message += "Date: " + now.toString(Qt::RFC2822Date).toLatin1() + "\r\n";
    message += "From: " + oneLine(from).toLatin1() + "\r\n";
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
