// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

namespace concierge::server {

class ClientConnection;
class EventFanout;
class LoginRateLimiter;
class OperatorRepository;

/// The operator's own profile (docs/protocol.md "Operator profile"): display name, languages and
/// login/mail address (`profile.update`), and the password (`password.change`, the old one required).
class OperatorProfile
{
public:
    OperatorProfile(OperatorRepository &operators, EventFanout &fanout, LoginRateLimiter &rateLimiter);

    void update(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void changePassword(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);

private:
    OperatorRepository &m_operators;
    EventFanout &m_fanout;
    LoginRateLimiter &m_rateLimiter;
};

} // namespace concierge::server
