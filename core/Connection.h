// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectionState.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace concierge {

/// One WebSocket link that keeps itself alive: reconnects with exponential backoff and jitter
/// (1 s doubling to 30 s), pings every 10 s and declares the link dead when nothing arrives for
/// 25 s (so a dead link is noticed within 30 s). Knows nothing of the protocol beyond JSON frames:
/// the session above it sends `hello` on every `opened()`.
class Connection : public QObject
{
    Q_OBJECT
public:
    explicit Connection(QObject *parent = nullptr);
    ~Connection() override;

    void open(const QUrl &url);   ///< starts connecting and keeps reconnecting until close()
    void close();                 ///< stops for good (logout)
    /// Drops the current socket as if the network failed; a reconnect follows. For tests and
    /// for "the machine woke from sleep" handling.
    void dropLink();

    bool isOpen() const;          ///< socket connected (hello may still be pending)
    bool sendFrame(const QJsonObject &frame);  ///< false if the socket is not open
    int secondsUntilRetry() const;             ///< while a retry is scheduled, else 0
    int attempt() const { return m_attempt; }

    /// Test knobs; production uses the defaults above.
    void setBackoff(int initialMs, int maxMs);
    void setHeartbeat(int pingIntervalMs, int deadAfterMs);

Q_SIGNALS:
    void opened();
    void frameReceived(const QJsonObject &frame);
    /// Emitted when the link is lost and a retry has been scheduled in `retryInMs`.
    void linkLost(int retryInMs, const QString &reason);
    /// Server closed us with an application close code (4001, 4003…): no automatic retry.
    void closedByServer(int code, const QString &reason);

private:
    void connectSocket();
    void scheduleRetry(const QString &reason);
    void onDisconnected();
    void onTextMessage(const QString &text);
    void checkHeartbeat();

    QWebSocket *m_socket = nullptr;
    QUrl m_url;
    bool m_wanted = false;
    int m_attempt = 0;
    int m_initialBackoffMs = 1000;
    int m_maxBackoffMs = 30000;
    int m_pingIntervalMs = 10000;
    int m_deadAfterMs = 25000;
    QTimer m_retryTimer;
    QTimer m_heartbeatTimer;
    QElapsedTimer m_sinceLastFrame;
    QElapsedTimer m_sinceLastPing;
};

} // namespace concierge
