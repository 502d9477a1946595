// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionRegistry.h"

#include "ClientConnection.h"

#include <QSet>

namespace concierge::server {

using namespace Qt::StringLiterals;

QString SessionRegistry::operatorKey(qint64 sessionId)
{
    return u"o:"_s + QString::number(sessionId);
}

QString SessionRegistry::visitorKey(qint64 visitorId)
{
    return u"v:"_s + QString::number(visitorId);
}

SessionRegistry::Session &SessionRegistry::ensure(const QString &key, qint64 operatorId, qint64 visitorId)
{
    auto &slot = mapFor(key)[key];
    if (!slot) {
        slot = std::make_shared<Session>();
        slot->key = key;
        slot->operatorId = operatorId;
        slot->visitorId = visitorId;
    }
    return *slot;
}

SessionRegistry::Session *SessionRegistry::find(const QString &key)
{
    const Map &map = mapFor(key);
    const auto it = map.constFind(key);
    return it == map.cend() ? nullptr : it->get();
}

void SessionRegistry::remove(const QString &key)
{
    mapFor(key).remove(key);
}

void SessionRegistry::attach(Session &session, ClientConnection *connection)
{
    connection->sessionKey = session.key;
    session.connections.append(connection);
    session.idleSince.reset();
}

SessionRegistry::Session *SessionRegistry::detach(ClientConnection *connection)
{
    Session *session = find(connection->sessionKey);
    if (session) {
        session->connections.removeIf([connection](const QPointer<ClientConnection> &c) {
            return c.isNull() || c.data() == connection;
        });
        if (session->connections.isEmpty())
            session->idleSince = std::chrono::steady_clock::now();
    }
    return session;
}

int SessionRegistry::dropIdle(std::chrono::milliseconds maxIdle)
{
    const auto now = std::chrono::steady_clock::now();
    int dropped = 0;
    for (Map *map : {&m_operators, &m_visitors}) {
        for (auto it = map->begin(); it != map->end();) {
            Session &session = **it;
            session.connections.removeIf([](const QPointer<ClientConnection> &c) { return c.isNull(); });
            if (!session.connections.isEmpty()) {
                ++it;
                continue;
            }
            if (!session.idleSince) // created without ever having a socket: start counting now
                session.idleSince = now;
            if (now - *session.idleSince >= maxIdle) {
                it = map->erase(it);
                ++dropped;
            } else {
                ++it;
            }
        }
    }
    return dropped;
}

void SessionRegistry::push(Session &session, const QString &name, const QJsonObject &data)
{
    const QJsonObject frame = session.log.append(name, data);
    for (const auto &connection : std::as_const(session.connections)) {
        if (connection)
            connection->send(frame);
    }
}

void SessionRegistry::pushToOperators(const QString &name, const QJsonObject &data,
                                      const std::function<bool(qint64)> &filter)
{
    for (const auto &session : std::as_const(m_operators)) {
        if ((!filter || filter(session->operatorId)))
            push(*session, name, data);
    }
}

void SessionRegistry::pushToVisitor(qint64 visitorId, const QString &name, const QJsonObject &data)
{
    if (Session *session = find(visitorKey(visitorId)))
        push(*session, name, data);
}

void SessionRegistry::pushToAllVisitors(const QString &name, const QJsonObject &data)
{
    for (const auto &session : std::as_const(m_visitors))
        push(*session, name, data);
}

bool SessionRegistry::isVisitorOnline(qint64 visitorId) const
{
    const auto it = m_visitors.constFind(visitorKey(visitorId));
    return it != m_visitors.cend() && !(*it)->connections.isEmpty();
}

bool SessionRegistry::isOperatorConnected(qint64 operatorId) const
{
    for (const auto &session : m_operators) {
        if (session->operatorId == operatorId && !session->connections.isEmpty())
            return true;
    }
    return false;
}

QList<qint64> SessionRegistry::connectedOperators() const
{
    QSet<qint64> ids;
    for (const auto &session : m_operators) {
        if (!session->connections.isEmpty())
            ids.insert(session->operatorId);
    }
    return ids.values();
}

QList<qint64> SessionRegistry::onlineVisitors() const
{
    QList<qint64> ids;
    for (const auto &session : m_visitors) {
        if (!session->connections.isEmpty())
            ids.append(session->visitorId);
    }
    return ids;
}

} // namespace concierge::server
