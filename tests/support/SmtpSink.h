// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

/// A real SMTP server for tests: Debian's aiosmtpd (package python3-aiosmtpd, installed by
/// scripts/setup) running tests/support/smtp_sink.py on 127.0.0.1 and a free port. Every message it
/// accepts is decoded by Python's email package — not by our own encoder — so a test reads what a
/// mail client would show.
///
///     SmtpSink sink;
///     QVERIFY2(sink.start(), qPrintable(sink.output()));
///     server.start({"--smtp-url", sink.url(), "--smtp-from", "chat@example.com"});
///     ... make the server send mail ...
///     QVERIFY(sink.waitForMessages(1));
///     const SmtpSink::Mail mail = sink.messages().first();
///     QCOMPARE(mail.subject, u"Чат #5"_s);   // headers decoded (RFC 2047)
///     QCOMPARE(mail.body, expectedText);      // body decoded (base64 / quoted-printable, UTF-8)
///
/// Failures: setRefusing(true) answers DATA with 550 (the mail server refuses); stop() leaves a port
/// nobody listens on (the mail server cannot be reached); unreachableUrl() is such a URL without a
/// sink; setDelaySeconds(n) makes the sink answer slowly.
class SmtpSink
{
public:
    /// One accepted message.
    struct Mail
    {
        QString mailFrom;      ///< envelope MAIL FROM
        QStringList rcptTo;    ///< envelope RCPT TO
        QString from;          ///< header From, decoded
        QString to;            ///< header To, decoded
        QString subject;       ///< header Subject, decoded
        QString rawSubject;    ///< Subject as it travelled (an RFC 2047 encoded-word for non-ASCII)
        QString date;          ///< header Date
        QString messageId;     ///< header Message-ID
        QString contentType;   ///< header Content-Type, e.g. text/plain; charset="utf-8"
        QString body;          ///< the text/plain body, transfer encoding and charset decoded
        bool sevenBit = false; ///< every byte on the wire was ASCII
        bool crlfOnly = false; ///< every line on the wire ended in CRLF
        QJsonObject headers;   ///< every header, decoded
    };

    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    /// Starts the sink and waits until it listens. False (see output()) on failure.
    bool start(int timeoutMs = 10000);
    /// Like start(), but the sink demands SMTP AUTH with this user and password.
    bool startWithLogin(const QString &user, const QString &password, int timeoutMs = 10000);
    /// Stops it (the port then refuses connections); messages() stays readable.
    void stop();
    bool isRunning() const;

    quint16 port() const { return m_port; }
    /// smtp://127.0.0.1:PORT
    QString url() const;
    /// An smtp:// URL on a loopback port with nothing listening (a mail server that is down).
    static QString unreachableUrl();

    /// The next messages are refused (550) while on.
    void setRefusing(bool refusing);
    /// The sink waits this long before answering each message's DATA (0: at once).
    void setDelaySeconds(double seconds);

    /// Every message accepted so far, oldest first.
    QList<Mail> messages() const;
    /// Spins the event loop until at least \a count messages were accepted.
    bool waitForMessages(int count, int timeoutMs = 15000) const;
    /// What the sink printed (for failure messages).
    QString output() const;

private:
    bool launch(const QStringList &login, int timeoutMs);
    void setFlag(const QString &name, const QByteArray &content, bool present);

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    mutable QString m_output;
};
