// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "EventLog.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace concierge::server {

class ClientConnection;

/// The in-memory sessions of this server process: for each operator login session and each
/// visitor, its event log and the sockets currently attached to it. An event pushed to a session
/// is numbered, logged (for resume) and sent to every attached socket. Nothing here survives a
/// restart: a client resuming a session this process does not know gets a snapshot instead.
class SessionRegistry
{
public:
    struct Session
    {
        QString key;
        qint64 operatorId = 0; ///< operator sessions
        qint64 visitorId = 0;  ///< visitor sessions
        EventLog log;
        QList<QPointer<ClientConnection>> connections;
        /// Since when no socket is attached; a session idle for long is dropped (dropIdle).
        std::optional<std::chrono::steady_clock::time_point> idleSince;
    };

    static QString operatorKey(qint64 sessionId);
    static QString visitorKey(qint64 visitorId);

    /// The session for \a key, created empty (seq 0) if this process has not seen it.
    Session &ensure(const QString &key, qint64 operatorId, qint64 visitorId);
    Session *find(const QString &key);
    void remove(const QString &key);

    void attach(Session &session, ClientConnection *connection);
    /// Returns the session the connection was attached to (nullptr if none).
    Session *detach(ClientConnection *connection);

    /// Forgets sessions that have had no socket for \a maxIdle: a visitor who left, a machine that
    /// never came back. Without this every visitor ever seen would keep an event log in memory.
    /// A client that resumes a dropped session gets a snapshot, as after a restart. Returns how
    /// many were dropped.
    int dropIdle(std::chrono::milliseconds maxIdle);

    void push(Session &session, const QString &name, const QJsonObject &data);
    /// Pushes to every operator session whose operator passes \a filter.
    void pushToOperators(const QString &name, const QJsonObject &data,
                         const std::function<bool(qint64 operatorId)> &filter = {});
    void pushToVisitor(qint64 visitorId, const QString &name, const QJsonObject &data);
    void pushToAllVisitors(const QString &name, const QJsonObject &data);

    bool isVisitorOnline(qint64 visitorId) const;
    bool isOperatorConnected(qint64 operatorId) const;
    QList<qint64> connectedOperators() const;
    QList<qint64> onlineVisitors() const;

private:
    using Map = QHash<QString, std::shared_ptr<Session>>;
    Map &mapFor(const QString &key) { return key.startsWith(u'o') ? m_operators : m_visitors; }
    // Kept apart so an operator event does not walk thousands of visitor sessions.
    Map m_operators;
    Map m_visitors;
};

} // namespace concierge::server
