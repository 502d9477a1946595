// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

/// A bare protocol client for server tests and benchmarks: one QWebSocket speaking raw JSON frames
/// (docs/protocol.md), keeping every frame received. No retries, no outbox, no cleverness — so a
/// test can see exactly what the server sends. Blocking helpers spin the event loop with a bound.
class RawProtocolClient : public QObject
{
    Q_OBJECT

public:
    explicit RawProtocolClient(QObject *parent = nullptr);

    bool open(const QUrl &url, int timeoutMs = 10000);
    void sendText(const QString &text);
    void sendFrame(const QJsonObject &frame);
    /// Sends a request with a fresh rid and waits for its `result` or `error` frame (an empty
    /// object on timeout).
    QJsonObject request(const QString &type, QJsonObject fields = {}, int timeoutMs = 10000);
    /// hello on /v1/operator with email+password; returns the reply frame.
    QJsonObject helloOperator(const QString &email, const QString &password, const QString &protocol = QStringLiteral("1.0"));
    /// Waits for the first not-yet-taken event named \a name (or any event if empty); marks it taken.
    QJsonObject waitEvent(const QString &name, int timeoutMs = 10000);
    /// Waits for the next frame with no rid whose type is \a type (e.g. "error", "pong").
    QJsonObject waitFrame(const QString &type, int timeoutMs = 10000);
    bool waitClosed(int timeoutMs = 10000);
    void ackAll();

    QList<QJsonObject> events() const { return m_events; }
    qint64 lastSeq() const { return m_lastSeq; }
    bool isOpen() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    QWebSocketProtocol::CloseCode closeCode() const { return m_socket.closeCode(); }
    QWebSocket &socket() { return m_socket; }

Q_SIGNALS:
    void eventReceived(const QJsonObject &event);

private:
    void onText(const QString &text);

    QWebSocket m_socket;
    int m_nextRid = 0;
    qint64 m_lastSeq = 0;
    QHash<QString, QJsonObject> m_replies; ///< rid → result/error
    QList<QJsonObject> m_events;           ///< every event, in arrival order
    QList<QJsonObject> m_untaken;          ///< events not yet returned by waitEvent
    QList<QJsonObject> m_otherFrames;      ///< frames without rid that are not events
};
