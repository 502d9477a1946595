// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"

#include <optional>

namespace concierge::server {

class DialogRepository;
class DialogRouter;
class EventFanout;
class OperatorStatuses;

/// Closing a dialog, from either side, and what follows whenever a dialog leaves an operator
/// (closed, handed over, taken over): a free slot for the queue, and Before lunch → Lunch.
/// Two steps, so the request's result goes out between storing and telling (results precede
/// their events).
class DialogClosing
{
public:
    DialogClosing(DialogRepository &dialogs, EventFanout &fanout, DialogRouter &router, OperatorStatuses &statuses);

    /// Stores \a dialog closed now; returns it as stored, or nothing when the write failed.
    std::optional<protocol::Dialog> store(protocol::Dialog dialog);
    /// Tells everyone about the closed dialog, then left().
    void announce(const protocol::Dialog &closed);
    /// A dialog just left \a previousOperatorId (0: nobody had it).
    void left(qint64 previousOperatorId);

private:
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    OperatorStatuses &m_statuses;
};

} // namespace concierge::server
