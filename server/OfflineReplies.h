// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Message.h"

namespace concierge::server {

class DialogRepository;
class EventFanout;
class Mailer;

/// Replies to offline requests by mail (docs/protocol.md "Mail"): an operator's line in a dialog
/// whose `offline.email` is set goes to that address, with the visitor's request quoted below it;
/// an operator-only line `email.sent` or `email.failed` follows once the mail server has spoken.
/// With mail off nothing is tried and nothing written (the app knows from `settings.mail`).
class OfflineReplies
{
public:
    OfflineReplies(DialogRepository &dialogs, EventFanout &fanout, Mailer &mailer);

    /// Call once an operator's message is stored and announced (text or file, whatever the path).
    void messageStored(const protocol::Message &message, const protocol::Dialog &dialog);

    /// The mail's subject and body in the dialog's language ("ru" or English).
    static QString subject(const QString &language);
    static QString body(const protocol::Message &reply, const protocol::Message &request,
                        const QString &language);

private:
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
    Mailer &m_mailer;
};

} // namespace concierge::server
