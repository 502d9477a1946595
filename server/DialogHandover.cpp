// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogHandover.h"

#include "ClientConnection.h"
#include "DialogAccess.h"
#include "DialogClosing.h"
#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "OperatorRepository.h"
#include "RequestChecks.h"
#include "protocol/Json.h"
#include "protocol/TransferTarget.h"


namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::DialogState;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;
using protocol::OperatorStatus;
using protocol::TransferTarget;

namespace {

constexpr int kMaxCommentLength = 1000;

/// Back in the pool (or with a named colleague), waiting again from now.
void handBack(Dialog &dialog, qint64 operatorId)
{
    dialog.operatorId = operatorId;
    dialog.state = DialogState::Waiting;
    dialog.waitingSince = QDateTime::currentDateTimeUtc();
}

QString withComment(const QString &text, const QString &comment)
{
    return comment.isEmpty() ? text : text + u": "_s + comment;
}

} // namespace

DialogHandover::DialogHandover(OperatorRepository &operators, DialogRepository &dialogs, EventFanout &fanout,
                               DialogRouter &router, DialogClosing &closing)
    : m_operators(operators)
    , m_dialogs(dialogs)
    , m_fanout(fanout)
    , m_router(router)
    , m_closing(closing)
{
}

void DialogHandover::transfer(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto target = TransferTarget::fromJson(frame.object.value(u"to").toObject());
    if (!target) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"\"to\" must name exactly one of operatorId, departmentId, language or queue"_s);
        return;
    }
    const QString comment = frame.object.value(u"comment").toString().trimmed();
    if (comment.size() > kMaxCommentLength) {
        connection->sendError(frame.rid, ErrorCode::TooLong, u"The comment is longer than 1,000 characters"_s);
        return;
    }
    auto dialog = dialogFor(connection, frame, me, DialogNeed::Open, m_dialogs, m_fanout);
    if (!dialog)
        return;
    if (!EventFanout::canChange(me, *dialog) && !(me.supervises() && me.mayWork())) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Another operator has this dialog"_s);
        return;
    }

    const qint64 previous = dialog->operatorId;
    QJsonObject meta{{u"fromOperatorId"_s, me.id}, {u"fromName"_s, me.name}, {u"comment"_s, comment}};
    QString text;
    dialog->transfer = {me.id, me.name, comment, QDateTime::currentDateTimeUtc()};
    switch (target->kind) {
    case TransferTarget::Kind::Operator: {
        if (target->id == me.id) {
            connection->sendError(frame.rid, ErrorCode::BadRequest, u"You cannot transfer a dialog to yourself"_s);
            return;
        }
        const auto receiver = m_fanout.operatorInfo(target->id);
        if (!receiver) {
            connection->sendError(frame.rid, ErrorCode::NotFound, u"No such operator"_s);
            return;
        }
        const bool reachable = receiver->connected
                               && (receiver->status == OperatorStatus::Online
                                   || receiver->status == OperatorStatus::Invisible);
        if (!reachable) {
            connection->sendError(frame.rid, ErrorCode::Unavailable,
                                  u"%1 is not online any more"_s.arg(receiver->name));
            return;
        }
        handBack(*dialog, receiver->id);
        meta.insert(u"to"_s, u"operator"_s);
        meta.insert(u"toOperatorId"_s, receiver->id);
        meta.insert(u"toName"_s, receiver->name);
        text = u"%1 transferred the dialog to %2"_s.arg(me.name, receiver->name);
        break;
    }
    case TransferTarget::Kind::Department: {
        const auto department = m_operators.department(target->id);
        if (!department) {
            connection->sendError(frame.rid, ErrorCode::NotFound, u"No such department"_s);
            return;
        }
        handBack(*dialog, 0);
        dialog->departmentId = department->id;
        dialog->language.clear();
        if (!m_router.someoneCouldTake(*dialog)) {
            connection->sendError(frame.rid, ErrorCode::Unavailable,
                                  u"Nobody in %1 is online"_s.arg(department->name));
            return;
        }
        meta.insert(u"to"_s, u"department"_s);
        meta.insert(u"departmentId"_s, department->id);
        meta.insert(u"departmentName"_s, department->name);
        text = u"%1 transferred the dialog to the department %2"_s.arg(me.name, department->name);
        break;
    }
    case TransferTarget::Kind::Language:
        handBack(*dialog, 0);
        dialog->language = target->language;
        dialog->departmentId = 0; // any operator speaking it, whatever their department
        if (!m_router.someoneCouldTake(*dialog)) {
            connection->sendError(frame.rid, ErrorCode::Unavailable,
                                  u"Nobody speaking %1 is online"_s.arg(target->language));
            return;
        }
        meta.insert(u"to"_s, u"language"_s);
        meta.insert(u"language"_s, target->language);
        text = u"%1 transferred the dialog to operators speaking %2"_s.arg(me.name, target->language);
        break;
    case TransferTarget::Kind::Queue:
        handBack(*dialog, 0);
        dialog->language.clear();
        meta.insert(u"to"_s, u"queue"_s);
        text = u"%1 put the dialog back into the common queue"_s.arg(me.name);
        break;
    }
    commit(connection, frame.rid, *dialog, previous, u"transfer"_s, withComment(text, comment), meta);
}

void DialogHandover::takeOver(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    auto dialog = dialogFor(connection, frame, me, DialogNeed::Open, m_dialogs, m_fanout);
    if (!dialog)
        return;
    if (!me.supervises()) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Only supervisors and admins can take over a dialog"_s);
        return;
    }
    if (dialog->operatorId == me.id) { // already theirs: nothing to log, but now active as promised
        if (dialog->state != DialogState::Active) {
            dialog->state = DialogState::Active;
            if (!m_dialogs.update(*dialog)) {
                connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
                return;
            }
        }
        connection->sendResult(frame.rid, {{u"dialog"_s, dialog->toJson()}});
        m_fanout.dialogChanged(*dialog);
        return;
    }
    const qint64 previous = dialog->operatorId;
    QString previousName;
    if (const auto info = m_operators.find(previous))
        previousName = info->name;
    dialog->operatorId = me.id;
    dialog->state = DialogState::Active;
    dialog->waitingSince = {};
    const QJsonObject meta{{u"fromOperatorId"_s, protocol::idToJson(previous)},
                           {u"fromName"_s, previousName},
                           {u"toOperatorId"_s, me.id},
                           {u"toName"_s, me.name}};
    const QString text = previousName.isEmpty() ? u"%1 took over the dialog"_s.arg(me.name)
                                                : u"%1 took over the dialog from %2"_s.arg(me.name, previousName);
    if (commit(connection, frame.rid, *dialog, previous, u"takeover"_s, text, meta))
        m_router.noteActivity(me.id);
}

bool DialogHandover::commit(ClientConnection *connection, const QString &rid, const Dialog &dialog,
                            qint64 previousOperatorId, const QString &event, const QString &text,
                            const QJsonObject &meta)
{
    if (!m_dialogs.transaction()) {
        connection->sendError(rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
        return false;
    }
    const bool updated = m_dialogs.update(dialog);
    const auto stored = updated ? m_dialogs.insertSystemLine(dialog.id, event, text, meta) : std::nullopt;
    if (!stored || !m_dialogs.commit()) {
        m_dialogs.rollback();
        connection->sendError(rid, ErrorCode::Internal, u"Cannot store the dialog"_s);
        return false;
    }
    const auto saved = m_dialogs.find(dialog.id).value_or(dialog); // timestamps as stored
    connection->sendResult(rid, {{u"dialog"_s, saved.toJson()}});
    m_fanout.dialogChanged(saved, previousOperatorId);
    m_fanout.messageStored(*stored, saved);
    // A pool transfer is assigned again here; any handover may have freed a slot for the queue.
    m_closing.left(previousOperatorId != saved.operatorId ? previousOperatorId : 0);
    return true;
}

} // namespace concierge::server
