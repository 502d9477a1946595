// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogClosing.h"

#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "OperatorStatuses.h"

namespace concierge::server {

DialogClosing::DialogClosing(DialogRepository &dialogs, EventFanout &fanout, DialogRouter &router,
                             OperatorStatuses &statuses)
    : m_dialogs(dialogs)
    , m_fanout(fanout)
    , m_router(router)
    , m_statuses(statuses)
{
}

std::optional<protocol::Dialog> DialogClosing::store(protocol::Dialog dialog)
{
    dialog.state = protocol::DialogState::Closed;
    dialog.closedAt = QDateTime::currentDateTimeUtc();
    dialog.waitingSince = {};
    if (!m_dialogs.update(dialog))
        return std::nullopt;
    return m_dialogs.find(dialog.id).value_or(dialog); // timestamps as stored
}

void DialogClosing::announce(const protocol::Dialog &closed)
{
    m_fanout.dialogChanged(closed);
    left(closed.operatorId);
}

void DialogClosing::left(qint64 previousOperatorId)
{
    m_statuses.dialogLeft(previousOperatorId);
    m_router.assignWaiting();
}

} // namespace concierge::server
