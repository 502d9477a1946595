// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <optional>

namespace concierge::server {

class DialogRepository;
class DialogRouter;
class EventFanout;
class OperatorRepository;

/// The six statuses and what follows from a change (docs/protocol.md "Statuses"): the change is
/// stored with its time and told to every operator, visitors learn whether anyone is available,
/// waiting dialogs follow the operator's availability, and Before lunch turns into Lunch by itself
/// once the operator's last open dialog has gone.
class OperatorStatuses
{
public:
    OperatorStatuses(OperatorRepository &operators, DialogRepository &dialogs, EventFanout &fanout,
                     DialogRouter &router);

    /// Stores \a status with its time and returns the status now in force (Before lunch with no
    /// open dialog is stored as Lunch too); nothing if it could not be stored (nothing changed).
    /// Call apply() with the result once the request is answered: results precede their events.
    std::optional<protocol::OperatorStatus> store(qint64 operatorId, protocol::OperatorStatus status);
    /// Tells everyone about a stored status and lets dialogs follow it.
    void apply(qint64 operatorId, protocol::OperatorStatus status);
    /// A dialog just left \a operatorId (closed, handed over, taken over): Before lunch → Lunch
    /// when it was their last.
    void dialogLeft(qint64 operatorId);
    /// The operator's first socket connected or their last one closed.
    void presenceChanged(qint64 operatorId, bool connected);

private:
    bool hasOpenDialogs(qint64 operatorId);

    OperatorRepository &m_operators;
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
    DialogRouter &m_router;
};

} // namespace concierge::server
