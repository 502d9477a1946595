// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistoryRepository.h"

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

namespace concierge::server {

class ClientConnection;
class DialogRepository;
class EventFanout;

/// The operator endpoint's history requests (docs/protocol.md, "History"): history.page,
/// history.search, history.dialog and history.get (with 1.5's `beforeId`). The endpoint refuses
/// them while Offline before they get here; each answers its request itself.
class HistoryRequests
{
public:
    HistoryRequests(HistoryRepository &history, DialogRepository &dialogs, EventFanout &fanout);

    void page(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void search(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void dialog(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    /// The last `limit` lines (default 200, at most 500) of a dialog, or those before `beforeId`.
    /// Allowed for a dialog the operator sees live or has in their history.
    void lines(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);

    static HistoryRepository::Viewer viewerFor(const protocol::OperatorInfo &me);

private:
    HistoryRepository &m_history;
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
};

} // namespace concierge::server
