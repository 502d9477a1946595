// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Frame.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QString>

#include <memory>

class QWebSocket;

namespace concierge::server {

/// One accepted WebSocket: enforces the transport rules (1 MiB limit → close 1009, binary frames
/// → `bad_frame`, undecodable text → `bad_frame`), answers `ping`, and hands decoded frames on.
/// Deletes itself after the socket disconnected (after emitting disconnected()).
class ClientConnection : public QObject
{
    Q_OBJECT

public:
    explicit ClientConnection(std::unique_ptr<QWebSocket> socket, QObject *parent = nullptr);
    ~ClientConnection() override;

    QHostAddress peerAddress() const;
    /// The User-Agent header of the upgrade request (empty if the client sent none).
    QString userAgent() const;

    void send(const QJsonObject &frame);
    void sendResult(const QString &rid, const QJsonObject &data);
    void sendError(const QString &rid, protocol::ErrorCode code, const QString &message,
                   const QJsonObject &extra = {});
    void close(quint16 code, const QString &reason);

    /// A socket that sends nothing for this long is dead (a laptop that slept, a cut cable): it is
    /// closed so its operator stops counting as online. Clients ping every 10–20 s.
    static constexpr int kIdleTimeoutMs = 60000;
    void setIdleTimeout(int milliseconds);

    /// Set by the endpoint after a successful hello: which session this socket serves.
    QString sessionKey;
    bool isAuthenticated() const { return !sessionKey.isEmpty(); }

Q_SIGNALS:
    void frameReceived(const concierge::protocol::Frame &frame);
    void disconnected();

private:
    void onText(const QString &text);
    QWebSocket *m_socket;
    QTimer m_idle;
};

} // namespace concierge::server
