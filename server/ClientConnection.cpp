// SPDX-License-Identifier: GPL-3.0-or-later
#include "ClientConnection.h"

#include "protocol/ProtocolVersion.h"

#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QWebSocket>

// Every frame in and out, for debugging: QT_LOGGING_RULES="concierge.server.frames.debug=true".
Q_LOGGING_CATEGORY(lcFrames, "concierge.server.frames", QtWarningMsg)

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

namespace {

/// The frame trace must never put a password or a token into a log file.
QString redacted(const QString &text)
{
    static const QRegularExpression secrets(
        uR"re("(password|token|visitorToken)"\s*:\s*"[^"]*")re"_s);
    QString copy = text;
    return copy.replace(secrets, uR"("\1":"***")"_s);
}

} // namespace

ClientConnection::ClientConnection(std::unique_ptr<QWebSocket> socket, QObject *parent)
    : QObject(parent)
    , m_socket(socket.release())
{
    m_socket->setParent(this);
    // Qt closes with 1009 (CloseCodeTooMuchData) itself once a message or frame passes these.
    m_socket->setMaxAllowedIncomingMessageSize(protocol::kMaxFrameBytes);
    m_socket->setMaxAllowedIncomingFrameSize(protocol::kMaxFrameBytes);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &ClientConnection::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        sendError({}, ErrorCode::BadFrame, u"Binary frames are not accepted; files travel over HTTP"_s);
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, m_socket, [this] { m_socket->abort(); });
    m_idle.start();
    // WebSocket-level pings from clients count as life too.
    connect(m_socket, &QWebSocket::pong, &m_idle, [this] { m_idle.start(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        Q_EMIT disconnected();
        deleteLater();
    });
}

ClientConnection::~ClientConnection() = default;

void ClientConnection::setIdleTimeout(int milliseconds)
{
    m_idle.start(milliseconds);
}

QHostAddress ClientConnection::peerAddress() const
{
    return m_socket->peerAddress();
}

QString ClientConnection::userAgent() const
{
    return QString::fromUtf8(m_socket->request().rawHeader("User-Agent"));
}

void ClientConnection::onText(const QString &text)
{
    m_idle.start();
    const QByteArray utf8 = text.toUtf8();
    if (lcFrames().isDebugEnabled())
        qCDebug(lcFrames).noquote() << static_cast<const void *>(this) << "<<" << redacted(text).left(500);
    if (utf8.size() > protocol::kMaxFrameBytes) { // belt and braces: Qt should have closed already
        close(QWebSocketProtocol::CloseCodeTooMuchData, u"Frame larger than 1 MiB"_s);
        return;
    }
    const protocol::DecodeResult decoded = protocol::decodeFrame(utf8);
    if (const auto *error = std::get_if<protocol::FrameError>(&decoded)) {
        sendError({}, error->code, error->message);
        return;
    }
    const auto &frame = std::get<protocol::Frame>(decoded);
    if (frame.type == u"ping") {
        send({{u"type"_s, u"pong"_s}});
        return;
    }
    Q_EMIT frameReceived(frame);
}

void ClientConnection::send(const QJsonObject &frame)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QString text = protocol::encodeFrame(frame);
    if (lcFrames().isDebugEnabled())
        qCDebug(lcFrames).noquote() << static_cast<const void *>(this) << ">>" << redacted(text).left(500);
    m_socket->sendTextMessage(text);
}

void ClientConnection::sendResult(const QString &rid, const QJsonObject &data)
{
    send(protocol::makeResult(rid, data));
}

void ClientConnection::sendError(const QString &rid, ErrorCode code, const QString &message,
                                 const QJsonObject &extra)
{
    QJsonObject frame = protocol::makeError(rid, code, message);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        frame.insert(it.key(), it.value());
    send(frame);
}

void ClientConnection::close(quint16 code, const QString &reason)
{
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

} // namespace concierge::server
