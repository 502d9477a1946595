// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QDateTime>

namespace concierge::server {

class DialogRepository;
class EventFanout;
class OperatorRepository;

/// Auto-assignment (docs/protocol.md "Dialog lifecycle", step 2): each unassigned waiting dialog,
/// oldest first, goes to the online operator with the fewest open dialogs below their maximum;
/// ties go to the operator idle longest (last assignment or reply), then to the lowest id.
class DialogRouter
{
public:
    DialogRouter(bool enabled, DialogRepository &dialogs, OperatorRepository &operators, EventFanout &fanout);

    /// Assigns what can be assigned now; call after a dialog opens, an operator comes online or
    /// connects, or a dialog closes.
    void assignWaiting();
    /// The operator went offline or lost their last socket: their *waiting* (unanswered) dialogs go
    /// back to the pool and are assigned again, so no visitor waits on someone who is not there.
    /// Active dialogs stay theirs: the conversation has started and they may come back.
    void releaseWaitingOf(qint64 operatorId);
    /// An operator just replied or took a dialog: no longer idle.
    void noteActivity(qint64 operatorId);

private:
    qint64 pickOperator(const QHash<qint64, int> &openCounts);

    bool m_enabled;
    DialogRepository &m_dialogs;
    OperatorRepository &m_operators;
    EventFanout &m_fanout;
    QHash<qint64, QDateTime> m_lastActivity;
};

} // namespace concierge::server
