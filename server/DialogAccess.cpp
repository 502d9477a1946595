// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogAccess.h"

#include "ClientConnection.h"
#include "DialogRepository.h"
#include "EventFanout.h"
#include "RequestChecks.h"

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

std::optional<Refusal> dialogRefusal(const protocol::OperatorInfo &me, const std::optional<protocol::Dialog> &dialog,
                                     DialogNeed need, const EventFanout &fanout)
{
    if (!dialog || !fanout.canSee(me, *dialog))
        return Refusal{ErrorCode::NotFound, u"No such dialog"_s, {}};
    bool allowed = false;
    switch (need) {
    case DialogNeed::Open:
        allowed = dialog->isOpen();
        break;
    case DialogNeed::Change:
        allowed = EventFanout::canChange(me, *dialog);
        break;
    case DialogNeed::ChangeOrSupervise:
        allowed = EventFanout::canChange(me, *dialog) || (me.supervises() && dialog->isOpen());
        break;
    }
    if (allowed)
        return std::nullopt;
    return Refusal{ErrorCode::Forbidden,
                   dialog->isOpen() ? u"Another operator has this dialog"_s : u"The dialog is closed"_s, {}};
}

std::optional<protocol::Dialog> dialogFor(ClientConnection *connection, const protocol::Frame &frame,
                                          const protocol::OperatorInfo &me, DialogNeed need,
                                          DialogRepository &dialogs, const EventFanout &fanout)
{
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return std::nullopt;
    auto dialog = dialogs.find(*dialogId);
    if (const auto refusal = dialogRefusal(me, dialog, need, fanout)) {
        connection->sendError(frame.rid, refusal->code, refusal->message);
        return std::nullopt;
    }
    return dialog;
}

} // namespace concierge::server
