// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

namespace concierge::server {

class ClientConnection;
class DialogRepository;
class EventFanout;
class Mailer;

/// `dialog.email` (docs/protocol.md "Mail"): mails a transcript the client formatted to a
/// colleague's profile address. Answers only once the mail server has spoken: on success an
/// operator-only line `transcript.sent` is written, the result sent, then the line's `message.new`.
class TranscriptMail
{
public:
    TranscriptMail(DialogRepository &dialogs, EventFanout &fanout, Mailer &mailer);

    void send(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);

private:
    DialogRepository &m_dialogs;
    EventFanout &m_fanout;
    Mailer &m_mailer;
};

} // namespace concierge::server
