// SPDX-License-Identifier: GPL-3.0-or-later
#include "Connection.h"

#include "protocol/Frame.h"
#include "protocol/ProtocolVersion.h"

#include <QRandomGenerator>

#include <algorithm>

namespace concierge {

using namespace Qt::StringLiterals;

Connection::Connection(QObject *parent)
    : QObject(parent)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Connection::connectSocket);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Connection::checkHeartbeat);
    setHeartbeat(m_pingIntervalMs, m_deadAfterMs);
}

Connection::~Connection()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

void Connection::open(const QUrl &url)
{
    m_url = url;
    m_wanted = true;
    m_attempt = 0;
    m_retryTimer.stop();
    connectSocket();
}

void Connection::close()
{
    m_wanted = false;
    m_retryTimer.stop();
    m_heartbeatTimer.stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        // A normal close: frames already written (a logout) go out before the close frame.
        socket->close();
        socket->deleteLater();
    }
}

void Connection::dropLink()
{
    if (!m_socket)
        return;
    scheduleRetry(u"link dropped"_s);
}

bool Connection::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool Connection::sendFrame(const QJsonObject &frame)
{
    if (!isOpen())
        return false;
    m_socket->sendTextMessage(protocol::encodeFrame(frame));
    return true;
}

int Connection::secondsUntilRetry() const
{
    if (!m_retryTimer.isActive())
        return 0;
    return (m_retryTimer.remainingTime() + 999) / 1000;
}

void Connection::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
}

void Connection::setHeartbeat(int pingIntervalMs, int deadAfterMs)
{
    m_pingIntervalMs = std::max(1, pingIntervalMs);
    m_deadAfterMs = std::max(m_pingIntervalMs, deadAfterMs);
    // Check often enough that a dead link is noticed close to deadAfter, not up to a ping later.
    m_heartbeatTimer.setInterval(std::clamp(std::min(m_pingIntervalMs, m_deadAfterMs / 5), 10, 1000));
}

void Connection::connectSocket()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Refuse oversized frames in the socket itself, before they are even assembled.
    m_socket->setMaxAllowedIncomingMessageSize(quint64(protocol::kMaxFrameBytes));
    m_socket->setMaxAllowedIncomingFrameSize(quint64(protocol::kMaxFrameBytes));
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        m_sinceLastFrame.start();
        m_sinceLastPing.start();
        Q_EMIT opened();
    });
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this] { m_sinceLastFrame.start(); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sinceLastFrame.start(); });
    // Qt 6.4 has no QWebSocket::errorOccurred (STYLE.md).
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError error) {
                // After a server's close frame the TCP error may come before `disconnected`:
                // let onDisconnected judge the close code either way.
                if (error == QAbstractSocket::RemoteHostClosedError)
                    onDisconnected();
                else if (m_socket)
                    scheduleRetry(m_socket->errorString());
            });
    // A connect that hangs (SYN into the void) counts against the same dead-link clock.
    m_sinceLastFrame.start();
    m_sinceLastPing.start();
    m_heartbeatTimer.start();
    m_socket->open(m_url);
}

void Connection::scheduleRetry(const QString &reason)
{
    // Tear the socket down first so its late signals (error after disconnected, or the other way
    // round) cannot schedule a second retry.
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_heartbeatTimer.stop();
    if (!m_wanted || m_retryTimer.isActive())
        return;
    // Exponential backoff with "equal jitter": half fixed, half random, so a server restart is
    // not met by every client at the same instant.
    const qint64 base = std::min<qint64>(m_maxBackoffMs, qint64(m_initialBackoffMs) << std::min(m_attempt, 20));
    const int delay = int(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
    ++m_attempt;
    m_retryTimer.start(delay);
    Q_EMIT linkLost(delay, reason);
}

void Connection::onDisconnected()
{
    if (!m_socket)
        return;
    const int code = int(m_socket->closeCode());
    const QString reason = m_socket->closeReason();
    // 4000–4999: the server refused us on purpose (bad version, bad credentials); retrying the
    // same hello would only be refused again.
    if (code >= 4000 && code <= 4999) {
        m_wanted = false;
        scheduleRetry(reason);
        Q_EMIT closedByServer(code, reason);
        return;
    }
    scheduleRetry(reason.isEmpty() ? u"connection closed (%1)"_s.arg(code) : reason);
}

void Connection::onTextMessage(const QString &text)
{
    m_sinceLastFrame.start();
    // The contract's limit is in UTF-8 bytes; only texts that could exceed it are measured.
    if (text.size() > protocol::kMaxFrameBytes
        || (text.size() * 3 > protocol::kMaxFrameBytes && text.toUtf8().size() > protocol::kMaxFrameBytes)) {
        if (m_socket)
            m_socket->close(QWebSocketProtocol::CloseCodeTooMuchData, u"frame over 1 MiB"_s);
        scheduleRetry(u"frame over 1 MiB"_s);
        return;
    }
    const protocol::DecodeResult result = protocol::decodeFrame(text);
    if (const auto *frame = std::get_if<protocol::Frame>(&result)) {
        if (frame->type == u"pong")
            return;
        Q_EMIT frameReceived(frame->object);
    } else {
        qWarning("Connection: ignoring a bad frame: %s",
                 qUtf8Printable(std::get<protocol::FrameError>(result).message));
    }
}

void Connection::checkHeartbeat()
{
    if (!m_socket)
        return;
    if (m_sinceLastFrame.elapsed() >= m_deadAfterMs) {
        scheduleRetry(u"no answer for %1 s"_s.arg(m_deadAfterMs / 1000.0));
        return;
    }
    if (isOpen() && m_sinceLastPing.elapsed() >= m_pingIntervalMs) {
        m_sinceLastPing.start();
        sendFrame({{u"type"_s, u"ping"_s}});
    }
}

} // namespace concierge
