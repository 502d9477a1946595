// SPDX-License-Identifier: GPL-3.0-or-later
// The server's mail bytes (server/MailMessage): what a mail server and a mail client need of them —
// ASCII only, CRLF, headers nobody can add to through a subject or a name, RFC 2047 words that stay
// within 75 characters and never split a character, a body that decodes to the text sent.
#include "MailMessage.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace concierge::server;

namespace {

/// The header block and the body of a composed message.
struct Parts
{
    QList<QByteArray> headerLines; ///< unfolded: continuation lines joined to their header
    QByteArray body;
};

Parts split(const QByteArray &message)
{
    Parts parts;
    const qsizetype end = message.indexOf("\r\n\r\n");
    for (const QByteArray &line : message.left(end).split('\n')) {
        const QByteArray trimmed = line.endsWith('\r') ? line.chopped(1) : line;
        if (trimmed.startsWith(' ') && !parts.headerLines.isEmpty())
            parts.headerLines.last() += trimmed;
        else
            parts.headerLines.append(trimmed);
    }
    parts.body = message.mid(end + 4);
    return parts;
}

QByteArray header(const Parts &parts, const QByteArray &name)
{
    for (const QByteArray &line : parts.headerLines) {
        if (line.startsWith(QByteArray(name + ": ")))
            return line.mid(name.size() + 2);
    }
    return {};
}

/// Decodes a run of "=?UTF-8?B?…?=" words separated by folding white space (what a mail client does).
QString decodeWords(const QByteArray &value)
{
    QByteArray bytes;
    for (const QByteArray &word : value.simplified().split(' ')) {
        if (!word.startsWith("=?UTF-8?B?") || !word.endsWith("?="))
            return QString::fromLatin1(value); // not encoded
        bytes += QByteArray::fromBase64(word.mid(10, word.size() - 12));
    }
    return QString::fromUtf8(bytes);
}

OutgoingMail sample()
{
    return {u"boris@example.com"_s, u"Борис Петров"_s, u"Диалог #5"_s,
            u"Строка 1\nLine 2\n.\nЁжик 🦔"_s};
}

} // namespace

class TestMailMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeMessageIsAsciiWithCrlf();
    void bodyDecodesToTheText();
    void longSubjectsSplitIntoWholeCharacters();
    void shortAsciiSubjectStaysReadable();
    void subjectCannotAddAHeader();
    void unsafeAddressesAreRefused();
    void bareAddressOfAFromSetting();
    void displayNamesWithSpecialsAreQuoted();
};

void TestMailMessage::wholeMessageIsAsciiWithCrlf()
{
    const QByteArray message = mailmessage::compose(sample(), u"Chat <chat@example.com>"_s,
                                                    QDateTime::currentDateTimeUtc(), "abc123");
    for (const char c : message)
        QVERIFY2(static_cast<unsigned char>(c) < 128, "a byte outside ASCII");
    QCOMPARE(message.count('\n'), message.count("\r\n"));
    const Parts parts = split(message);
    for (const QByteArray name : {"Date", "From", "To", "Subject", "Message-ID", "MIME-Version",
                                  "Content-Type", "Content-Transfer-Encoding"})
        QVERIFY2(!header(parts, name).isEmpty(), name.constData());
    QCOMPARE(header(parts, "Message-ID"), QByteArray("<abc123@example.com>"));
    QCOMPARE(header(parts, "From"), QByteArray("Chat <chat@example.com>"));
    QVERIFY(header(parts, "To").endsWith(" <boris@example.com>"));
    QCOMPARE(decodeWords(header(parts, "To").chopped(QByteArray(" <boris@example.com>").size())),
             u"Борис Петров"_s);
    QCOMPARE(decodeWords(header(parts, "Subject")), u"Диалог #5"_s);
    QVERIFY(header(parts, "Content-Type").contains("charset=UTF-8"));
    // RFC 2822 date, English names whatever the locale.
    QVERIFY(QDateTime::fromString(QString::fromLatin1(header(parts, "Date")), Qt::RFC2822Date).isValid());
}

void TestMailMessage::bodyDecodesToTheText()
{
    const QByteArray message =
        mailmessage::compose(sample(), u"chat@example.com"_s, QDateTime::currentDateTimeUtc(), "x");
    const Parts parts = split(message);
    QCOMPARE(header(parts, "Content-Transfer-Encoding"), QByteArray("base64"));
    for (const QByteArray &line : parts.body.split('\n'))
        QVERIFY(line.size() <= 77); // 76 characters and the CR
    const QString text = QString::fromUtf8(QByteArray::fromBase64(parts.body));
    // Canonical text: CRLF line ends, and the last line ended.
    QCOMPARE(text, u"Строка 1\r\nLine 2\r\n.\r\nЁжик 🦔\r\n"_s);
}

void TestMailMessage::longSubjectsSplitIntoWholeCharacters()
{
    const QString subject = QString(40, u'щ') + u" 🦔🦔🦔 "_s + QString(60, u'ж') + u" done"_s;
    const QByteArray encoded = mailmessage::encodeWords(subject);
    const QList<QByteArray> lines = encoded.split('\n');
    QVERIFY(lines.size() > 2);
    for (const QByteArray &line : lines) {
        const QByteArray word = line.trimmed();
        QVERIFY2(word.size() <= 75, word.constData());
        // Each word decodes on its own: no character is cut between two words.
        const QByteArray bytes = QByteArray::fromBase64(word.mid(10, word.size() - 12));
        QVERIFY(!QString::fromUtf8(bytes).contains(QChar::ReplacementCharacter));
    }
    QCOMPARE(decodeWords(encoded), subject);
}

void TestMailMessage::shortAsciiSubjectStaysReadable()
{
    QCOMPARE(mailmessage::encodeWords(u"Dialog #5 with Olga"_s), QByteArray("Dialog #5 with Olga"));
    // Text that merely looks like an encoded word is encoded, so a client shows it as typed.
    QCOMPARE(decodeWords(mailmessage::encodeWords(u"=?UTF-8?B?SGk=?="_s)), u"=?UTF-8?B?SGk=?="_s);
}

void TestMailMessage::subjectCannotAddAHeader()
{
    OutgoingMail mail = sample();
    mail.subject = u"Hello\r\nBcc: everyone@example.com"_s;
    mail.toName = u"Eve\r\nBcc: x@example.com"_s;
    const Parts parts =
        split(mailmessage::compose(mail, u"chat@example.com"_s, QDateTime::currentDateTimeUtc(), "x"));
    for (const QByteArray &line : parts.headerLines)
        QVERIFY2(!line.startsWith("Bcc"), line.constData());
    QCOMPARE(decodeWords(header(parts, "Subject")), u"Hello Bcc: everyone@example.com"_s);
}

void TestMailMessage::unsafeAddressesAreRefused()
{
    QVERIFY(mailmessage::isSafeAddress(u"olga.k+orders@mail.example.org"_s));
    for (const QString &address :
         {u"olga@example"_s, u"olga example.org"_s, u"a@b.c>, <x@y.z"_s, u"a@b.c\r\nRCPT TO:<x@y.z>"_s,
          u"\"a\"@b.c"_s, u"a;b@c.d"_s, u"ольга@пример.рф"_s, u"a@b@c.d"_s, QString()})
        QVERIFY2(!mailmessage::isSafeAddress(address), qPrintable(address));
}

void TestMailMessage::bareAddressOfAFromSetting()
{
    QCOMPARE(mailmessage::bareAddress(u"Example Chat <chat@example.com>"_s), u"chat@example.com"_s);
    QCOMPARE(mailmessage::bareAddress(u" chat@example.com "_s), u"chat@example.com"_s);
}

void TestMailMessage::displayNamesWithSpecialsAreQuoted()
{
    // Unquoted, "Smith, John <a@b.c>" is two mailboxes and "Eve <x@y> <a@b.c>" points elsewhere:
    // a name with specials travels as one quoted-string, its quote and backslash escaped.
    const auto headersFor = [](const QString &toName, const QString &from) {
        OutgoingMail mail = sample();
        mail.toName = toName;
        return split(mailmessage::compose(mail, from, QDateTime::currentDateTimeUtc(), "x"));
    };
    QCOMPARE(header(headersFor(u"Smith, John"_s, u"chat@example.com"_s), "To"),
             QByteArray("\"Smith, John\" <boris@example.com>"));
    QCOMPARE(header(headersFor(u"Mallory <x@y>"_s, u"chat@example.com"_s), "To"),
             QByteArray("\"Mallory <x@y>\" <boris@example.com>"));
    QCOMPARE(header(headersFor(u"Eve \"the\\one\""_s, u"chat@example.com"_s), "To"),
             QByteArray("\"Eve \\\"the\\\\one\\\"\" <boris@example.com>"));
    QCOMPARE(header(headersFor(u"John Smith"_s, u"chat@example.com"_s), "To"),
             QByteArray("John Smith <boris@example.com>"));
    // Not ASCII: encoded-words, which carry any character (specials included) safely.
    const QByteArray russian = header(headersFor(u"Петров, Борис <x@y>"_s, u"chat@example.com"_s), "To");
    QVERIFY2(russian.startsWith("=?UTF-8?B?"), russian.constData());
    QCOMPARE(decodeWords(russian.chopped(QByteArray(" <boris@example.com>").size())),
             u"Петров, Борис <x@y>"_s);

    // The configured sender too, whether the admin quoted its name or not.
    for (const QString &from : {u"Example, Inc. <chat@example.com>"_s, u"\"Example, Inc.\" <chat@example.com>"_s})
        QCOMPARE(header(headersFor(QString(), from), "From"), QByteArray("\"Example, Inc.\" <chat@example.com>"));
    QCOMPARE(header(headersFor(QString(), u"chat@example.com"_s), "To"), QByteArray("boris@example.com"));
}

QTEST_GUILESS_MAIN(TestMailMessage)
#include "tst_mail_message.moc"
