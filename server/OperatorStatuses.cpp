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

std::optional<OperatorStatus> OperatorStatuses::store(qint64 operatorId, OperatorStatus status)
{
    // Before lunch with nothing left to finish is simply Lunch; both changes are recorded, in one
    // transaction with the status itself.
    const bool straightToLunch = status == OperatorStatus::BeforeLunch && !hasOpenDialogs(operatorId);
    QList<OperatorStatus> changes{status};
    if (straightToLunch)
        changes.append(OperatorStatus::Lunch);
    if (!m_operators.setStatuses(operatorId, changes))
        return std::nullopt;
    return changes.last();
}

void OperatorStatuses::apply(qint64 operatorId, OperatorStatus status)
{
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
}

void OperatorStatuses::dialogLeft(qint64 operatorId)
{
    if (operatorId <= 0)
        return;
    const auto info = m_operators.find(operatorId);
    if (info && info->status == OperatorStatus::BeforeLunch && !hasOpenDialogs(operatorId)
        && m_operators.setStatuses(operatorId, {OperatorStatus::Lunch}))
        apply(operatorId, OperatorStatus::Lunch);
}

void OperatorStatuses::presenceChanged(qint64 operatorId, bool connected)
{
    m_fanout.operatorChanged(operatorId);
    m_fanout.refreshAvailability();
    if (connected) {
        m_router.assignWaiting();
    } else {
        m_router.releaseWaitingOf(operatorId);
        dialogLeft(operatorId); // their waiting dialogs may have been the last ones
    }
}

} // namespace concierge::server
