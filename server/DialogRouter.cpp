// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogRouter.h"

#include "DialogRepository.h"
#include "EventFanout.h"
#include "OperatorRepository.h"

namespace concierge::server {

using protocol::Dialog;
using protocol::DialogState;
using protocol::OperatorInfo;

DialogRouter::DialogRouter(bool enabled, DialogRepository &dialogs, OperatorRepository &operators,
                           EventFanout &fanout)
    : m_enabled(enabled)
    , m_dialogs(dialogs)
    , m_operators(operators)
    , m_fanout(fanout)
{
}

void DialogRouter::noteActivity(qint64 operatorId)
{
    m_lastActivity.insert(operatorId, QDateTime::currentDateTimeUtc());
}

bool DialogRouter::suits(const OperatorInfo &info, const Dialog &dialog)
{
    if (dialog.departmentId != 0 && !info.departmentIds.contains(dialog.departmentId))
        return false;
    if (!dialog.language.isEmpty() && !info.languages.contains(dialog.language))
        return false;
    // A dialog handed back to the pool must not bounce straight back to who handed it over.
    return !(dialog.transfer.isValid() && dialog.transfer.fromOperatorId == info.id);
}

bool DialogRouter::someoneCouldTake(const Dialog &dialog)
{
    for (const OperatorInfo &info : m_fanout.allOperators()) {
        if (info.takesNewDialogs() && suits(info, dialog))
            return true;
    }
    return false;
}

qint64 DialogRouter::pickOperator(const Dialog &dialog, const QList<OperatorInfo> &operators,
                                  const QHash<qint64, int> &openCounts) const
{
    qint64 best = 0;
    int bestCount = 0;
    QDateTime bestActivity;
    for (const OperatorInfo &info : operators) {
        if (!info.takesNewDialogs() || !suits(info, dialog))
            continue;
        const int count = openCounts.value(info.id);
        if (count >= info.maxDialogs)
            continue;
        const QDateTime activity = m_lastActivity.value(info.id); // invalid: never active = idlest
        const bool better = best == 0 || count < bestCount
                            || (count == bestCount && activity.isValid() && bestActivity.isValid()
                                && activity < bestActivity)
                            || (count == bestCount && !activity.isValid() && bestActivity.isValid());
        if (better) {
            best = info.id;
            bestCount = count;
            bestActivity = activity;
        }
    }
    return best;
}

void DialogRouter::releaseWaitingOf(qint64 operatorId)
{
    for (Dialog dialog : m_dialogs.openDialogs()) {
        if (dialog.state != DialogState::Waiting || dialog.operatorId != operatorId)
            continue;
        dialog.operatorId = 0;
        if (!m_dialogs.update(dialog))
            continue; // stays with them; the next release or a take by another operator fixes it
        m_fanout.dialogChanged(dialog, operatorId);
    }
    assignWaiting();
}

void DialogRouter::assignWaiting()
{
    if (!m_enabled)
        return;
    QHash<qint64, int> counts;
    QList<OperatorInfo> operators;
    bool loaded = false;
    for (Dialog dialog : m_dialogs.openDialogs()) {
        // Offline requests wait to be taken, until someone hands one to the pool on purpose.
        const bool leftOffline = dialog.isOfflineRequest() && !dialog.transfer.isValid();
        if (dialog.state != DialogState::Waiting || dialog.operatorId != 0 || leftOffline)
            continue;
        if (!loaded) {
            counts = m_dialogs.openCountByOperator();
            operators = m_fanout.allOperators();
            loaded = true;
        }
        const qint64 operatorId = pickOperator(dialog, operators, counts);
        if (operatorId == 0)
            continue; // this one needs a department or language nobody free has; others may fit
        dialog.operatorId = operatorId; // stays `waiting` until the operator answers
        if (!m_dialogs.update(dialog))
            return;
        ++counts[operatorId];
        noteActivity(operatorId);
        m_fanout.dialogChanged(dialog, 0);
    }
}

} // namespace concierge::server
