// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessagePosting.h"

#include "DialogAccess.h"
#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "VisitorRepository.h"

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::DialogState;
using protocol::ErrorCode;
using protocol::Message;

namespace {

Refusal internal(const QString &what)
{
    return {ErrorCode::Internal, what, {}};
}

Refusal foreignCid()
{
    return {ErrorCode::BadRequest, u"This cid belongs to another message"_s, {}};
}

} // namespace

QJsonObject Posted::resultData() const
{
    return {{u"message"_s, byVisitor ? EventFanout::visitorMessageJson(message) : message.toJson()}};
}

MessagePosting::MessagePosting(const Services &services, int visitorMessagesPer10s,
                               qint64 visitorUploadBytesPerHour)
    : m_dialogs(services.dialogs)
    , m_visitors(services.visitors)
    , m_fanout(services.fanout)
    , m_router(services.router)
    , m_visitorGuard(visitorMessagesPer10s, std::chrono::seconds(10))
    , m_uploadGuard(visitorUploadBytesPerHour, std::chrono::hours(1))
{
}

PostOutcome MessagePosting::fromOperator(const protocol::OperatorInfo &me, qint64 dialogId, Message line,
                                         const AttachFile &attach)
{
    if (!me.mayWork())
        return Refusal{ErrorCode::Forbidden,
                       u"You are Offline: choose another status to work with dialogs and the operator chat"_s,
                       {}};
    if (const auto original = m_dialogs.findByCid(line.cid)) {
        if (original->author != protocol::Author::Operator || original->operatorId != me.id)
            return foreignCid();
        Posted retry;
        retry.message = *original;
        retry.retry = true;
        return retry; // answered with what was stored, nobody told again
    }
    auto dialog = m_dialogs.find(dialogId);
    if (auto refusal = dialogRefusal(me, dialog, DialogNeed::Change, m_fanout))
        return *refusal;
    Posted posted;
    posted.previousOperatorId = dialog->operatorId;
    // An answer makes the dialog active, mine, and no longer waiting.
    posted.dialogChanged =
        dialog->state != DialogState::Active || dialog->operatorId != me.id || dialog->waitingSince.isValid();
    dialog->state = DialogState::Active;
    dialog->operatorId = me.id;
    dialog->waitingSince = {};
    line.dialogId = dialog->id;
    line.author = protocol::Author::Operator;
    line.operatorId = me.id;
    line.authorName = me.name;
    // The dialog becoming mine and the line land together: `internal` means nothing changed.
    if (!m_dialogs.transaction())
        return internal(u"Cannot store the message"_s);
    std::optional<Message> stored;
    if (!posted.dialogChanged || m_dialogs.update(*dialog)) {
        const std::optional<qint64> fileId = attach ? attach(line, *dialog) : std::optional<qint64>(0);
        if (fileId)
            stored = m_dialogs.insertMessage(line, *fileId);
    }
    if (!stored || !m_dialogs.commit()) {
        m_dialogs.rollback();
        return internal(u"Cannot store the message"_s);
    }
    posted.message = *stored;
    posted.dialog = *dialog;
    return posted;
}

std::optional<PostOutcome> MessagePosting::visitorPrechecks(qint64 visitorId, const QString &cid,
                                                            qint64 fileBytes)
{
    if (const auto original = m_dialogs.findByCid(cid)) {
        const auto originalDialog = m_dialogs.find(original->dialogId);
        if (original->author != protocol::Author::Visitor || !originalDialog ||
            originalDialog->visitorId != visitorId)
            return foreignCid();
        Posted retry;
        retry.message = *original;
        retry.byVisitor = true;
        retry.retry = true;
        return retry; // and no new dialog opened
    }
    // The byte budget is only asked first, so a file it refuses does not use up a line.
    if (const int wait = fileBytes > 0 ? m_uploadGuard.waitFor(visitorId, fileBytes) : 0)
        return Refusal{ErrorCode::RateLimited,
                       u"Too many files sent within an hour; please wait %1 s"_s.arg(wait),
                       {{u"retryAfter"_s, wait}}};
    if (const int wait = m_visitorGuard.tryAction(visitorId))
        return Refusal{ErrorCode::RateLimited,
                       u"Too many messages; please wait %1 s"_s.arg(wait),
                       {{u"retryAfter"_s, wait}}};
    if (fileBytes > 0)
        m_uploadGuard.tryAction(visitorId, fileBytes); // fits: waitFor() said so just now
    return std::nullopt;
}

PostOutcome MessagePosting::fromVisitor(qint64 visitorId, Message line, qint64 departmentId,
                                        const AttachFile &attach, qint64 fileBytes)
{
    if (auto ended = visitorPrechecks(visitorId, line.cid, fileBytes))
        return *ended;
    const bool opens = !m_dialogs.openForVisitor(visitorId);
    return storeVisitorLine(
        visitorId, std::move(line),
        [&]() -> std::optional<Dialog> {
            auto dialog = m_dialogs.openForVisitor(visitorId);
            if (!dialog)
                return m_dialogs.create(visitorId, departmentId);
            if (dialog->waitingSince.isValid())
                return dialog;
            dialog->waitingSince = QDateTime::currentDateTimeUtc(); // the visitor waits for an answer again
            if (!m_dialogs.update(*dialog))
                return std::nullopt;
            return m_dialogs.find(dialog->id);
        },
        opens, attach);
}

PostOutcome MessagePosting::offlineRequest(qint64 visitorId, Message line, qint64 departmentId,
                                           const protocol::ContactDetails &contact)
{
    if (auto ended = visitorPrechecks(visitorId, line.cid, 0))
        return *ended;
    if (m_dialogs.openForVisitor(visitorId))
        return Refusal{ErrorCode::Forbidden, u"You already have an open conversation"_s, {}};
    // Offline requests wait to be taken: never auto-assigned (opensDialog false).
    return storeVisitorLine(visitorId, std::move(line),
                            [&] { return m_dialogs.create(visitorId, departmentId, contact); }, false, {});
}

PostOutcome MessagePosting::storeVisitorLine(qint64 visitorId, Message line,
                                             const std::function<std::optional<Dialog>()> &prepareDialog,
                                             bool opensDialog, const AttachFile &attach)
{
    // The dialog change and the line land together or not at all: an `internal` error must mean
    // nothing was stored, and a retry must find no half-made dialog in its way.
    if (!m_dialogs.transaction())
        return internal(u"Cannot store the message"_s);
    const std::optional<Dialog> before = m_dialogs.openForVisitor(visitorId);
    const auto dialog = prepareDialog();
    if (!dialog) {
        m_dialogs.rollback();
        return internal(u"Cannot store the dialog"_s);
    }
    line.dialogId = dialog->id;
    line.author = protocol::Author::Visitor;
    line.authorName = m_visitors.name(visitorId);
    const std::optional<qint64> fileId = attach ? attach(line, *dialog) : std::optional<qint64>(0);
    const auto stored = fileId ? m_dialogs.insertMessage(line, *fileId) : std::nullopt;
    if (!stored || !m_dialogs.commit()) {
        m_dialogs.rollback();
        return internal(u"Cannot store the message"_s);
    }
    Posted posted;
    posted.message = *stored;
    posted.dialog = *dialog;
    posted.byVisitor = true;
    posted.dialogChanged = !before || *before != *dialog;
    posted.opensDialog = opensDialog;
    return posted;
}

void MessagePosting::announce(const Posted &posted)
{
    if (posted.retry)
        return;
    if (!posted.byVisitor)
        m_router.noteActivity(posted.message.operatorId);
    if (posted.dialogChanged)
        m_fanout.dialogChanged(posted.dialog, posted.byVisitor ? -1 : posted.previousOperatorId);
    m_fanout.messageStored(posted.message, posted.dialog);
    if (posted.opensDialog)
        m_router.assignWaiting();
}

} // namespace concierge::server
