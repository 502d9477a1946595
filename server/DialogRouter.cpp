// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogRouter.h"

#include "DialogRepository.h"
#include "EventFanout.h"
#include "OperatorRepository.h"

namespace concierge::server {

using protocol::Dialog;
using protocol::DialogState;

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

qint64 DialogRouter::pickOperator(const QHash<qint64, int> &openCounts)
{
    qint64 best = 0;
    int bestCount = 0;
    QDateTime bestActivity;
    for (const auto &info : m_operators.all()) {
        if (!m_fanout.isOperatorOnline(info))
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
        m_fanout.dialogChanged(dialog);
    }
    assignWaiting();
}

void DialogRouter::assignWaiting()
{
    if (!m_enabled)
        return;
    QHash<qint64, int> counts;
    bool countsLoaded = false;
    for (Dialog dialog : m_dialogs.openDialogs()) {
        if (dialog.state != DialogState::Waiting || dialog.operatorId != 0)
            continue;
        if (!countsLoaded) {
            counts = m_dialogs.openCountByOperator();
            countsLoaded = true;
        }
        const qint64 operatorId = pickOperator(counts);
        if (operatorId == 0)
            return;
        dialog.operatorId = operatorId; // stays `waiting` until the operator answers
        if (!m_dialogs.update(dialog))
            return;
        ++counts[operatorId];
        noteActivity(operatorId);
        m_fanout.dialogChanged(dialog);
    }
}

} // namespace concierge::server
