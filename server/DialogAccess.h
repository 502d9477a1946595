// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Refusal.h"

#include "protocol/Dialog.h"
#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

#include <optional>

namespace concierge::server {

class ClientConnection;
class DialogRepository;
class EventFanout;

/// How much an operator's request needs of the dialog it names (docs/protocol.md "Roles and who
/// sees which dialog").
enum class DialogNeed {
    Open,              ///< one they can see, still open (transfer, take-over check the rest)
    Change,            ///< one they can change: open, unassigned or theirs, not Offline
    ChangeOrSupervise, ///< as Change, or any open one for supervisors (closing others' dialogs)
};

/// The same rule without a request to answer (an HTTP upload): why \a me may not act on \a dialog
/// (missing: `not_found`), or nothing when they may.
std::optional<Refusal> dialogRefusal(const protocol::OperatorInfo &me, const std::optional<protocol::Dialog> &dialog,
                                     DialogNeed need, const EventFanout &fanout);

/// The dialog in the request's `dialogId` when \a me may act on it as \a need says; otherwise the
/// request is answered (`not_found` for a dialog they cannot see, `forbidden` for the rest) and
/// nothing is returned. One place for the rule, so no request can forget half of it.
std::optional<protocol::Dialog> dialogFor(ClientConnection *connection, const protocol::Frame &frame,
                                          const protocol::OperatorInfo &me, DialogNeed need,
                                          DialogRepository &dialogs, const EventFanout &fanout);

} // namespace concierge::server
