// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

namespace concierge::server {

class ChatRepository;
class ClientConnection;
class EventFanout;

/// The operator room (docs/protocol.md "Operator chat"): `chat.send` and `chat.history`.
class OperatorChat
{
public:
    OperatorChat(ChatRepository &lines, EventFanout &fanout);

    void send(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void history(ClientConnection *connection, const protocol::Frame &frame);

private:
    ChatRepository &m_lines;
    EventFanout &m_fanout;
};

} // namespace concierge::server
