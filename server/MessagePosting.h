// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FloodGuard.h"
#include "Refusal.h"
#include "protocol/Dialog.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QJsonObject>

#include <functional>
#include <optional>
#include <variant>

namespace concierge::server {

class DialogRepository;
class DialogRouter;
class EventFanout;
class VisitorRepository;

/// A line stored (or found again by its cid), to be answered first and announced after.
struct Posted
{
    protocol::Message message;
    protocol::Dialog dialog;
    bool retry = false; ///< the original of a retried cid: answer it, tell nobody again
    bool byVisitor = false;
    bool dialogChanged = false;
    qint64 previousOperatorId = -1; ///< who had the dialog before (operator lines)
    bool opensDialog = false;       ///< a visitor line that opened the dialog: assign it
    /// The `data` of the answer, `{"message": …}`: visitor-safe for visitors.
    QJsonObject resultData() const;
};
using PostOutcome = std::variant<Posted, Refusal>;

/// Runs inside the line's transaction once its dialog is known (a file upload writes its `files`
/// row here): may set message.file, returns the `files` id (0: none); nothing fails the whole line.
using AttachFile =
    std::function<std::optional<qint64>(protocol::Message &message, const protocol::Dialog &dialog)>;

/// Stores a dialog line the way docs/protocol.md says, whatever carried it (message.send over the
/// socket, a file over HTTP): cid idempotency, the visitor flood limit, dialog access, the dialog
/// opening / waiting again (visitor) or becoming active and the operator's (operator), all in one
/// transaction; then the events. Bans, Offline and field checks of each transport stay with it,
/// except the Offline rule, which is repeated here so no transport can forget it.
class MessagePosting
{
public:
    struct Services
    {
        DialogRepository &dialogs;
        VisitorRepository &visitors;
        EventFanout &fanout;
        DialogRouter &router;
    };
    MessagePosting(const Services &services, int visitorMessagesPer10s, qint64 visitorUploadBytesPerHour);

    /// \a line: cid, text and file as sent; the rest is filled here.
    PostOutcome fromOperator(const protocol::OperatorInfo &me, qint64 dialogId, protocol::Message line,
                             const AttachFile &attach = {});
    /// Into the visitor's open dialog, or a new one in \a departmentId (0: none; already checked).
    /// \a fileBytes: the size of the file \a attach stores, counted against the hourly upload budget.
    PostOutcome fromVisitor(qint64 visitorId, protocol::Message line, qint64 departmentId,
                            const AttachFile &attach = {}, qint64 fileBytes = 0);
    /// An offline request opens a dialog with the contact set, never auto-assigned; refused while
    /// the visitor has an open dialog.
    PostOutcome offlineRequest(qint64 visitorId, protocol::Message line, qint64 departmentId,
                               const protocol::ContactDetails &contact);
    /// The events of a stored line (nothing for a retry). Call after answering the request.
    void announce(const Posted &posted);

private:
    /// Retry and flood checks of a visitor line: a Posted retry or a Refusal ends the request.
    std::optional<PostOutcome> visitorPrechecks(qint64 visitorId, const QString &cid, qint64 fileBytes);
    PostOutcome storeVisitorLine(qint64 visitorId, protocol::Message line,
                                 const std::function<std::optional<protocol::Dialog>()> &prepareDialog,
                                 bool opensDialog, const AttachFile &attach);

    DialogRepository &m_dialogs;
    VisitorRepository &m_visitors;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    /// A person types at most a few lines a second; the default 20 in 10 s stops a script. Files
    /// count as lines.
    FloodGuard m_visitorGuard;
    /// Bytes of files per visitor per hour: twenty 10 MiB files every 10 s pass the line limit and
    /// would fill the disk in minutes.
    FloodGuard m_uploadGuard;
};

} // namespace concierge::server
