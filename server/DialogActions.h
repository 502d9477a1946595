// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

#include <optional>

namespace concierge::server {

class ClientConnection;
class DialogClosing;
class DialogRepository;
class EventFanout;
class ModerationRepository;
class SessionRegistry;
class VisitorRepository;

/// The actions on one dialog of docs/protocol.md "Dialog actions": contact request (operator asks,
/// visitor answers), category, ban (and the admins' list and lift), rating. Each answers its
/// request itself.
class DialogActions
{
public:
    struct Services
    {
        DialogRepository &dialogs;
        VisitorRepository &visitors;
        ModerationRepository &moderation;
        SessionRegistry &sessions;
        EventFanout &fanout;
        DialogClosing &closing;
    };
    explicit DialogActions(const Services &services);

    // Operator side.
    void requestContact(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void setCategory(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void ban(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void listBans(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void liftBan(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);

    // Visitor side.
    void submitContact(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);
    void rate(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);

private:
    /// Writes a system line into \a dialog and tells everyone who hears its messages.
    void writeLine(const protocol::Dialog &dialog, const QString &event, const QString &text, const QJsonObject &meta);

    DialogRepository &m_dialogs;
    VisitorRepository &m_visitors;
    ModerationRepository &m_moderation;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
    DialogClosing &m_closing;
};

} // namespace concierge::server
