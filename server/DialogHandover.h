// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

#include <QJsonObject>

#include <optional>

namespace concierge::server {

class ClientConnection;
class DialogClosing;
class DialogRepository;
class DialogRouter;
class EventFanout;
class OperatorRepository;

/// Handing a dialog to someone else: `dialog.transfer` (docs/protocol.md "Transfer") and a
/// supervisor's `dialog.takeover` ("Supervisors: take over"). Either writes a system line into the
/// history; a refused handover changes nothing.
class DialogHandover
{
public:
    DialogHandover(OperatorRepository &operators, DialogRepository &dialogs, EventFanout &fanout,
                   DialogRouter &router, DialogClosing &closing);

    void transfer(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void takeOver(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);

private:
    /// Stores the handed-over dialog and its system line, answers, and tells everyone; false (with
    /// `internal` answered and nothing changed) when the write failed.
    bool commit(ClientConnection *connection, const QString &rid, const protocol::Dialog &dialog,
                qint64 previousOperatorId, const QString &event, const QString &text, const QJsonObject &meta);

    OperatorRepository &m_operators;
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    DialogClosing &m_closing;
};

} // namespace concierge::server
