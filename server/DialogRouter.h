// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/OperatorInfo.h"

#include <QDateTime>
#include <QHash>

namespace concierge::server {

class DialogRepository;
class EventFanout;
class OperatorRepository;

/// Auto-assignment (docs/protocol.md "Dialog lifecycle" step 2, "Departments and languages"):
/// each unassigned waiting dialog (offline requests aside), oldest first, goes to an eligible
/// operator — online, in the dialog's department, speaking its language, not the one who just
/// transferred it away — with the fewest open dialogs below their maximum; ties go to the operator
/// idle longest (last assignment or reply), then to the lowest id.
class DialogRouter
{
public:
    DialogRouter(bool enabled, DialogRepository &dialogs, OperatorRepository &operators, EventFanout &fanout);

    bool isEnabled() const { return m_enabled; }
    /// Assigns what can be assigned now; call after a dialog opens, an operator comes online or
    /// connects, or a dialog closes or is handed over.
    void assignWaiting();
    /// The operator went offline, to lunch or a break, or lost their last socket: their *waiting*
    /// (unanswered) dialogs go back to the pool and are assigned again, so no visitor waits on
    /// someone who is not there. Active dialogs stay theirs: the conversation has started.
    void releaseWaitingOf(qint64 operatorId);
    /// An operator just replied or took a dialog: no longer idle.
    void noteActivity(qint64 operatorId);
    /// Whether \a info may get \a dialog from the pool, load aside (department, language, sender).
    static bool suits(const protocol::OperatorInfo &info, const protocol::Dialog &dialog);
    /// Whether some online operator could receive \a dialog from the pool now (load aside): a
    /// transfer nobody could receive is refused instead.
    bool someoneCouldTake(const protocol::Dialog &dialog);

private:
    qint64 pickOperator(const protocol::Dialog &dialog, const QList<protocol::OperatorInfo> &operators,
                        const QHash<qint64, int> &openCounts) const;

    bool m_enabled;
    DialogRepository &m_dialogs;
    OperatorRepository &m_operators;
    EventFanout &m_fanout;
    QHash<qint64, QDateTime> m_lastActivity;
};

} // namespace concierge::server
