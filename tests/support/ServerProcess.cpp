// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerProcess.h"

#include "TestPaths.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QDebug>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess()
    : m_demoPassword(u"demo-password-for-tests"_s)
{
}

ServerProcess::~ServerProcess()
{
    kill();
    // For debugging a test: CONCIERGE_TEST_SERVER_LOG=/path appends the server's whole output there
    // (with QT_LOGGING_RULES="concierge.server.frames.debug=true" it holds every frame).
    const QString logPath = qEnvironmentVariable("CONCIERGE_TEST_SERVER_LOG");
    if (!logPath.isEmpty()) {
        QFile log(logPath);
        if (log.open(QIODevice::Append | QIODevice::Text))
            log.write(m_output.toUtf8());
    }
}

bool ServerProcess::start(const QStringList &extraArgs, int timeoutMs)
{
    if (!m_stateDir.isValid())
        return false;
    m_args = QStringList{u"--listen"_s, u"127.0.0.1"_s, u"--state-dir"_s, m_stateDir.path(),
                         u"--share-dir"_s, QStringLiteral(CONCIERGE_SHARE_BUILD_DIR), u"--seed-demo"_s,
                         u"--demo-password"_s, m_demoPassword}
             + extraArgs;
    return launch(m_args + QStringList{u"--port"_s, u"0"_s}, timeoutMs);
}

bool ServerProcess::launch(const QStringList &args, int timeoutMs)
{
    kill();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(QStringLiteral(CONCIERGE_SERVER_BIN), args);
    if (!m_process->waitForStarted(timeoutMs)) {
        qWarning() << "concierge-server did not start:" << m_process->errorString();
        return false;
    }
    static const QRegularExpression listening(u"concierge-server: listening on http://[^\\s]+:(\\d+)"_s);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() == QProcess::NotRunning
            || !m_process->waitForReadyRead(static_cast<int>(std::max<qint64>(deadline.remainingTime(), 1)))) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            continue;
        }
        m_output += QString::fromUtf8(m_process->readAll());
        const QRegularExpressionMatch match = listening.match(m_output);
        if (match.hasMatch()) {
            m_port = static_cast<quint16>(match.captured(1).toUInt());
            // Keep collecting output for diagnostics without blocking anybody.
            QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                             [this] { m_output += QString::fromUtf8(m_process->readAll()); });
            return true;
        }
    }
    m_output += QString::fromUtf8(m_process->readAll());
    qWarning().noquote() << "concierge-server did not report listening. Output:\n" << m_output;
    return false;
}

void ServerProcess::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        kill();
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_output += QString::fromUtf8(m_process->readAll());
    m_process.reset();
}

bool ServerProcess::restart(int timeoutMs)
{
    kill();
    // The same port, so clients reconnect to the URL they know. QTcpServer sets SO_REUSEADDR on
    // Unix, but allow a short retry should the port be caught in a transient state.
    QDeadlineTimer deadline(timeoutMs);
    do {
        if (launch(m_args + QStringList{u"--port"_s, QString::number(m_port)}, timeoutMs))
            return true;
    } while (!deadline.hasExpired());
    return false;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QUrl ServerProcess::url() const
{
    return QUrl(u"http://127.0.0.1:"_s + QString::number(m_port));
}

QUrl ServerProcess::wsUrl(const QString &path) const
{
    return QUrl(u"ws://127.0.0.1:"_s + QString::number(m_port) + path);
}

QString ServerProcess::stateDir() const
{
    return m_stateDir.path();
}

int ServerProcess::admin(const QStringList &args, QString *output) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(CONCIERGE_SERVER_BIN),
                  QStringList{u"admin"_s, u"--state-dir"_s, m_stateDir.path()} + args);
    process.waitForFinished(30000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
