// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorStatuses.h"

#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "OperatorRepository.h"

namespace concierge::server {

using protocol::OperatorStatus;

OperatorStatuses::OperatorStatuses(OperatorRepository &operators, DialogRepository &dialogs, EventFanout &fanout,
                                   DialogRouter &router)
    : m_operators(operators)
    , m_dialogs(dialogs)
    , m_fanout(fanout)
    , m_router(router)
{
}

bool OperatorStatuses::hasOpenDialogs(qint64 operatorId)
{
    return m_dialogs.openCountByOperator().value(operatorId) > 0;
}

bool OperatorStatuses::set(qint64 operatorId, OperatorStatus status)
{
    if (!m_operators.setStatus(operatorId, status))
        return false;
    // Before lunch with nothing left to finish is simply Lunch (both changes are recorded).
    if (status == OperatorStatus::BeforeLunch && !hasOpenDialogs(operatorId)
        && m_operators.setStatus(operatorId, OperatorStatus::Lunch))
        status = OperatorStatus::Lunch;
    m_fanout.operatorChanged(operatorId);
    m_fanout.refreshAvailability();
    switch (status) {
    case OperatorStatus::Online:
        m_router.assignWaiting();
        break;
    case OperatorStatus::Lunch:
    case OperatorStatus::Break:
    case OperatorStatus::Offline:
        m_router.releaseWaitingOf(operatorId);
        break;
    case OperatorStatus::Invisible:
    case OperatorStatus::BeforeLunch:
        break; // still working: their dialogs stay, they just get no new ones
    }
    return true;
}

void OperatorStatuses::dialogLeft(qint64 operatorId)
{
    if (operatorId <= 0)
        return;
    const auto info = m_operators.find(operatorId);
    if (info && info->status == OperatorStatus::BeforeLunch && !hasOpenDialogs(operatorId))
        set(operatorId, OperatorStatus::Lunch);
}

void OperatorStatuses::presenceChanged(qint64 operatorId, bool connected)
{
    m_fanout.operatorChanged(operatorId);
    m_fanout.refreshAvailability();
    if (connected) {
        m_router.assignWaiting();
    } else {
        m_router.releaseWaitingOf(operatorId);
    }
}

} // namespace concierge::server
