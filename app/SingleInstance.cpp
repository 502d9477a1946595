// SPDX-License-Identifier: GPL-3.0-or-later
#include "SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>

namespace concierge {

namespace {
const QByteArray kRaise = QByteArrayLiteral("raise\n");
constexpr int kConnectMs = 1000;
} // namespace

namespace {
QString shortHash(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
}
} // namespace

QString SingleInstance::defaultKey(const QString &profileDir)
{
    QString key = QStringLiteral("concierge-") + shortHash(QDir::homePath());
    if (!profileDir.isEmpty())
        key += QLatin1Char('-') + shortHash(QDir::cleanPath(QDir(profileDir).absolutePath()));
    return key;
}

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(key.isEmpty() ? defaultKey() : key)
{
    // Two starts at the same moment must not both decide they are first: the check and the
    // listen happen under a lock file next to the socket.
    QLockFile lock(QDir(QDir::tempPath()).filePath(m_name + QStringLiteral(".lock")));
    lock.setStaleLockTime(10000);
    if (!lock.tryLock(3000))
        qWarning("SingleInstance: could not lock %s; checking without the lock", qPrintable(lock.fileName()));
    if (askPrimaryToRaise()) {
        m_primary = false;
        return;
    }
    listen();
}

SingleInstance::~SingleInstance() = default;

bool SingleInstance::askPrimaryToRaise()
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(kConnectMs))
        return false;
    socket.write(kRaise);
    const bool sent = socket.waitForBytesWritten(kConnectMs);
    socket.disconnectFromServer();
    if (socket.state() != QLocalSocket::UnconnectedState)
        socket.waitForDisconnected(kConnectMs);
    if (!sent)
        qWarning("SingleInstance: the running instance did not take the request to raise its window");
    // Even if the write failed, someone is listening: a second window would be the wrong answer.
    return true;
}

void SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    // Nobody answered: a socket file left by a crashed instance is stale (removes nothing on Windows).
    QLocalServer::removeServer(m_name);
    if (!m_server->listen(m_name))
        qWarning("SingleInstance: cannot listen on %s: %s", qPrintable(m_name),
                 qPrintable(m_server->errorString()));
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto readRequests = [this, socket] {
            while (socket->canReadLine()) {
                if (socket->readLine() == kRaise)
                    Q_EMIT activationRequested();
            }
        };
        connect(socket, &QLocalSocket::readyRead, this, readRequests);
        readRequests(); // what arrived before the connection was seen
    }
}

} // namespace concierge
