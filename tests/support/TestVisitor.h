// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocket>

/// A website visitor for tests: a real client of the real server's `/v1/visitor` endpoint, speaking
/// the protocol as docs/protocol.md says (the browser widget is tested separately, in tests/e2e).
/// Blocking helpers wait with a bounded event loop, so tests read top to bottom.
class TestVisitor : public QObject
{
    Q_OBJECT
public:
    explicit TestVisitor(QObject *parent = nullptr);

    /// Connects to ws://…/v1/visitor and completes `hello` (resuming with the kept token and last
    /// seq when reconnecting). Returns false on timeout or error.
    bool connectTo(const QUrl &visitorEndpoint, int timeoutMs = 10000);
    void abort(); ///< drops the socket without a close handshake, like a lost network

    /// Sends `message.send` with a fresh cid (or the given one, to test retries); returns the cid.
    QString send(const QString &text, const QString &cid = {});
    /// Sends `page.view` and waits for its result.
    bool viewPage(const QString &url, const QString &title, const QJsonObject &utm = {},
                  int timeoutMs = 10000);
    /// Waits until the server has stored and echoed the message with this cid.
    bool waitForMessage(const QString &cid, int timeoutMs = 10000);
    /// Sends the visitor's typing notification.
    void setTyping(bool typing);
    /// Waits until the operator's typing state, as last reported by the server, equals `typing`.
    bool waitForOperatorTyping(bool typing, int timeoutMs = 10000);
    /// Waits until an operator line with this text has arrived.
    bool waitForOperatorText(const QString &text, int timeoutMs = 10000);

    QString token() const { return m_token; }
    qint64 visitorId() const { return m_visitorId; }
    qint64 lastSeq() const { return m_lastSeq; }
    /// Every `message.new` received (including replays), in arrival order.
    const QList<QJsonObject> &messages() const { return m_messages; }
    /// Results of requests, by rid.
    QJsonObject resultFor(const QString &rid) const { return m_results.value(rid); }

private:
    void onText(const QString &text);
    QString nextRid() { return QString::number(++m_rid); }

    QWebSocket m_socket;
    QString m_token;
    qint64 m_visitorId = 0;
    qint64 m_lastSeq = 0;
    bool m_operatorTyping = false;
    int m_rid = 0;
    QList<QJsonObject> m_messages;
    QHash<QString, QJsonObject> m_results;
};
