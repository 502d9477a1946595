// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FloodGuard.h"
#include "MessagePosting.h"

#include "protocol/Dialog.h"
#include "protocol/Frame.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

namespace concierge::server {

class ClientConnection;
class DialogActions;
class DialogClosing;
class DialogRepository;
class DialogRouter;
class EventFanout;
class ModerationRepository;
class OperatorRepository;
class SessionRegistry;
class Teleport;
class VisitorRepository;

/// The `/v1/visitor` endpoint: hello (token, resume), page.view, message.send, offline.request,
/// dialog.close, typing and ack. The visitor's IP comes from the socket; the User-Agent from the upgrade
/// request's header, or — if the client could not send one — from `userAgent` in hello.
class VisitorEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        VisitorRepository &visitors;
        DialogRepository &dialogs;
        OperatorRepository &operators;
        SessionRegistry &sessions;
        EventFanout &fanout;
        DialogRouter &router;
        DialogClosing &closing;
        DialogActions &actions;
        ModerationRepository &moderation;
        Teleport &teleport;
        MessagePosting &posting;
    };
    explicit VisitorEndpoint(const Services &services, QObject *parent = nullptr);

    void accept(ClientConnection *connection);

private:
    void onFrame(ClientConnection *connection, const protocol::Frame &frame);
    void onDisconnected(ClientConnection *connection);
    void hello(ClientConnection *connection, const protocol::Frame &frame);
    void pageView(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    void sendMessage(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    void offlineRequest(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    void closeDialog(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    /// Optional `departmentId`: 0 when absent; nothing (bad_request answered) when unknown.
    std::optional<qint64> departmentField(ClientConnection *connection, const protocol::Frame &frame);
    /// Answers a posted line (or its refusal), then tells everyone.
    void answer(ClientConnection *connection, const protocol::Frame &frame, const PostOutcome &outcome);
    void typing(qint64 visitorId, const protocol::Frame &frame);
    /// A ban in force on this visitor or the socket's address: answers `forbidden` and returns true.
    bool refusedAsBanned(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    QJsonObject snapshot(qint64 visitorId, bool operatorsAvailable);

    VisitorRepository &m_visitors;
    DialogRepository &m_dialogs;
    OperatorRepository &m_operators;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    DialogClosing &m_closing;
    DialogActions &m_actions;
    ModerationRepository &m_moderation;
    Teleport &m_teleport;
    MessagePosting &m_posting; ///< lines and files: cid retries, the flood limit, the dialog
    /// Page views come from navigation; 30 in 10 s covers a fast clicker, not a loop.
    FloodGuard m_pageViewGuard{30, std::chrono::seconds(10)};
    QHash<ClientConnection *, qint64> m_visitOf; ///< the visit each socket's page views belong to
};

} // namespace concierge::server
