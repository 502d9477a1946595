// SPDX-License-Identifier: GPL-3.0-or-later
#include "SmtpSink.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace {

/// Debian's interpreter: the package python3-aiosmtpd installs the module for it, not for a
/// python3 that some version manager may have put first on PATH.
QString python()
{
    if (QFile::exists(u"/usr/bin/python3"_s))
        return u"/usr/bin/python3"_s;
    return QStandardPaths::findExecutable(u"python3"_s);
}

QString header(const QJsonObject &headers, const QString &name)
{
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toString();
    }
    return {};
}

} // namespace

SmtpSink::SmtpSink() = default;

SmtpSink::~SmtpSink()
{
    stop();
}

bool SmtpSink::start(int timeoutMs)
{
    return launch({}, timeoutMs);
}

bool SmtpSink::startWithLogin(const QString &user, const QString &password, int timeoutMs)
{
    return launch({user, password}, timeoutMs);
}

bool SmtpSink::launch(const QStringList &login, int timeoutMs)
{
    if (!m_dir.isValid())
        return false;
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(python(), QStringList{QStringLiteral(CONCIERGE_SMTP_SINK_SCRIPT), m_dir.path()} + login);
    static const QRegularExpression listening(u"listening on (\\d+)"_s);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process->state() != QProcess::NotRunning) {
        m_process->waitForReadyRead(100);
        m_output += QString::fromUtf8(m_process->readAll());
        if (const auto match = listening.match(m_output); match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    qWarning().noquote() << "SmtpSink did not start:" << m_output;
    return false;
}

void SmtpSink::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    m_process.reset();
}

bool SmtpSink::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString SmtpSink::url() const
{
    return u"smtp://127.0.0.1:%1"_s.arg(m_port);
}

QString SmtpSink::unreachableUrl()
{
    // A port the OS just handed out and that is closed again: nothing listens there.
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return u"smtp://127.0.0.1:%1"_s.arg(port);
}

void SmtpSink::setFlag(const QString &name, const QByteArray &content, bool present)
{
    const QString path = m_dir.filePath(name);
    if (!present) {
        QFile::remove(path);
        return;
    }
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(content);
}

void SmtpSink::setRefusing(bool refusing)
{
    setFlag(u"refuse"_s, "1", refusing);
}

void SmtpSink::setDelaySeconds(double seconds)
{
    setFlag(u"delay"_s, QByteArray::number(seconds), seconds > 0);
}

QList<SmtpSink::Mail> SmtpSink::messages() const
{
    QList<Mail> mails;
    const QStringList files = QDir(m_dir.path()).entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject record = QJsonDocument::fromJson(file.readAll()).object();
        const QJsonObject headers = record.value(u"headers").toObject();
        Mail mail;
        mail.mailFrom = record.value(u"mailFrom").toString();
        for (const QJsonValue &to : record.value(u"rcptTo").toArray())
            mail.rcptTo.append(to.toString());
        mail.from = header(headers, u"From"_s);
        mail.to = header(headers, u"To"_s);
        mail.subject = header(headers, u"Subject"_s);
        mail.rawSubject = header(record.value(u"rawHeaders").toObject(), u"Subject"_s);
        mail.date = header(headers, u"Date"_s);
        mail.messageId = header(headers, u"Message-ID"_s);
        mail.contentType = header(headers, u"Content-Type"_s);
        mail.body = record.value(u"body").toString();
        mail.sevenBit = record.value(u"sevenBit").toBool();
        mail.crlfOnly = record.value(u"crlfOnly").toBool();
        mail.headers = headers;
        mails.append(mail);
    }
    return mails;
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (messages().size() >= count)
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    return messages().size() >= count;
}

QString SmtpSink::output() const
{
    if (m_process)
        m_output += QString::fromUtf8(m_process->readAll());
    return m_output;
}
