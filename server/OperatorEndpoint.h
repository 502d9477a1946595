// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Frame.h"

#include <QJsonObject>
#include <QObject>

#include <optional>

namespace concierge::server {

class ClientConnection;
class DialogRepository;
class DialogRouter;
class EventFanout;
class LoginRateLimiter;
class OperatorRepository;
class SessionRegistry;
class VisitorRepository;

/// The `/v1/operator` endpoint: hello (password or token, resume), status.set, dialog.take,
/// dialog.close, message.send, history.get, logout, typing and ack.
class OperatorEndpoint : public QObject
{
    Q_OBJECT

public:
    OperatorEndpoint(OperatorRepository &operators, VisitorRepository &visitors, DialogRepository &dialogs,
                     SessionRegistry &sessions, EventFanout &fanout, DialogRouter &router,
                     LoginRateLimiter &rateLimiter, QObject *parent = nullptr);

    void accept(ClientConnection *connection);

private:
    void onFrame(ClientConnection *connection, const protocol::Frame &frame);
    void onDisconnected(ClientConnection *connection);
    void hello(ClientConnection *connection, const protocol::Frame &frame);
    /// The dialog if this operator may change it (open, and theirs or unassigned); otherwise answers
    /// `not_found` / `forbidden` to \a rid and returns nothing.
    std::optional<protocol::Dialog> writableDialog(ClientConnection *connection, const QString &rid,
                                                   qint64 operatorId, qint64 dialogId);
    void setStatus(ClientConnection *connection, qint64 operatorId, const protocol::Frame &frame);
    void takeDialog(ClientConnection *connection, qint64 operatorId, const protocol::Frame &frame);
    void closeDialog(ClientConnection *connection, qint64 operatorId, const protocol::Frame &frame);
    void sendMessage(ClientConnection *connection, qint64 operatorId, const protocol::Frame &frame);
    void history(ClientConnection *connection, qint64 operatorId, const protocol::Frame &frame);
    void logout(ClientConnection *connection, const protocol::Frame &frame);
    void typing(qint64 operatorId, const protocol::Frame &frame);
    QJsonObject snapshot(qint64 operatorId);

    OperatorRepository &m_operators;
    VisitorRepository &m_visitors;
    DialogRepository &m_dialogs;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    LoginRateLimiter &m_rateLimiter;
};

} // namespace concierge::server
