// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

namespace concierge::server {

class ClientConnection;
class DialogRepository;
class EventFanout;
class SessionRegistry;
class VisitorRepository;

/// Teleport (docs/protocol.md "Teleport"): an operator sends a visitor's tab to another page
/// (`visitor.redirect`); a visitor not in chat reads a short code to phone support
/// (`teleport.code`), and the operator finds them by it (`teleport.find`). Codes live in memory
/// for 10 minutes and a new one replaces the visitor's old one.
class Teleport
{
public:
    struct Services
    {
        DialogRepository &dialogs;
        VisitorRepository &visitors;
        SessionRegistry &sessions;
        EventFanout &fanout;
    };
    /// \a allowedHosts: the hosts redirects may lead to (the site's own); empty allows any.
    Teleport(const Services &services, const QStringList &allowedHosts);

    void redirect(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void find(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void issueCode(ClientConnection *connection, qint64 visitorId, const protocol::Frame &frame);

private:
    struct Code
    {
        qint64 visitorId = 0;
        QDateTime expires;
    };
    void forgetExpired();

    DialogRepository &m_dialogs;
    VisitorRepository &m_visitors;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
    QStringList m_allowedHosts;
    QHash<QString, Code> m_codes;       ///< code → whose, until when
    QHash<qint64, QString> m_codeOf;    ///< visitor → their current code
};

} // namespace concierge::server
