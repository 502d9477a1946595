// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogActions.h"

#include "ClientConnection.h"
#include "DialogAccess.h"
#include "DialogClosing.h"
#include "DialogRepository.h"
#include "EventFanout.h"
#include "ModerationRepository.h"
#include "OperatorRepository.h"
#include "RequestChecks.h"
#include "SessionRegistry.h"
#include "VisitorRepository.h"
#include "protocol/Json.h"

#include <QJsonArray>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Dialog;
using protocol::DialogState;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;

namespace {

constexpr qsizetype kMaxReasonChars = 500;
constexpr qsizetype kMaxRatingCommentChars = 1000;


} // namespace

DialogActions::DialogActions(const Services &services)
    : m_dialogs(services.dialogs)
    , m_visitors(services.visitors)
    , m_moderation(services.moderation)
    , m_sessions(services.sessions)
    , m_fanout(services.fanout)
    , m_closing(services.closing)
{
}

void DialogActions::writeLine(const Dialog &dialog, const QString &event, const QString &text, const QJsonObject &meta)
{
    if (const auto line = m_dialogs.insertSystemLine(dialog.id, event, text, meta))
        m_fanout.messageStored(*line, dialog);
}

void DialogActions::requestContact(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto dialog = dialogFor(connection, frame, me, DialogNeed::Change, m_dialogs, m_fanout);
    if (!dialog)
        return;
    const auto line = m_dialogs.insertSystemLine(dialog->id, u"contact.requested"_s,
                                                 u"%1 asked for contact details"_s.arg(me.name),
                                                 {{u"operatorId"_s, me.id}, {u"operatorName"_s, me.name}});
    if (!line) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the request"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    m_fanout.messageStored(*line, *dialog);
    m_sessions.pushToVisitor(dialog->visitorId, u"contact.requested"_s, {{u"dialogId"_s, dialog->id}});
}

void DialogActions::setCategory(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue value = frame.object.value(u"categoryId");
    if (!value.isNull() && !(value.isDouble() && m_moderation.categoryExists(protocol::idFromJson(value)))) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"categoryId\" must name a category, or be null"_s);
        return;
    }
    auto dialog = dialogFor(connection, frame, me, DialogNeed::Change, m_dialogs, m_fanout);
    if (!dialog)
        return;
    const qint64 categoryId = value.isNull() ? 0 : protocol::idFromJson(value);
    if (dialog->categoryId != categoryId) {
        dialog->categoryId = categoryId;
        if (!m_dialogs.update(*dialog)) {
            connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the category"_s);
            return;
        }
        connection->sendResult(frame.rid, {{u"dialog"_s, dialog->toJson()}});
        m_fanout.dialogChanged(*dialog);
        return;
    }
    connection->sendResult(frame.rid, {{u"dialog"_s, dialog->toJson()}});
}

void DialogActions::ban(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto visitorId = checks::id(connection, frame, u"visitorId"_s);
    if (!visitorId)
        return;
    const QString reason = frame.object.value(u"reason").toString().trimmed();
    if (reason.size() > kMaxReasonChars) {
        connection->sendError(frame.rid, ErrorCode::TooLong, u"The reason is longer than 500 characters"_s);
        return;
    }
    const QJsonValue hours = frame.object.value(u"hours");
    if (!hours.isUndefined() && !hours.isNull() && (!hours.isDouble() || hours.toDouble() <= 0)) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"hours\" must be a positive number"_s);
        return;
    }
    const auto visitor = m_visitors.load(*visitorId);
    const auto open = m_dialogs.openForVisitor(*visitorId);
    if (!visitor || (open && !m_fanout.canSee(me, *open))) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such visitor"_s);
        return;
    }
    const QJsonValue byIpValue = frame.object.value(u"byIp");
    if (!byIpValue.isUndefined() && !byIpValue.isBool()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"byIp\" must be true or false"_s);
        return;
    }
    const bool byIp = byIpValue.toBool() && !visitor->ip.isEmpty();
    if (m_moderation.banInForce(*visitorId, byIp ? visitor->ip : QString())) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"This visitor is already banned"_s);
        return;
    }
    protocol::Ban ban;
    ban.visitorId = *visitorId;
    ban.ip = byIp ? visitor->ip : QString();
    ban.reason = reason;
    ban.bannedBy = me.name;
    if (hours.isDouble())
        ban.expiresAt = QDateTime::currentDateTimeUtc().addSecs(static_cast<qint64>(hours.toDouble() * 3600));
    const auto stored = m_moderation.ban(ban);
    if (!stored) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the ban"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"ban"_s, stored->toJson()}});
    m_sessions.pushToVisitor(*visitorId, u"banned"_s, {});
    if (open) {
        // The line goes in first, so the dialog's history says why it ended.
        writeLine(*open, u"ban"_s,
                  reason.isEmpty() ? u"%1 banned the visitor"_s.arg(me.name)
                                   : u"%1 banned the visitor: %2"_s.arg(me.name, reason),
                  {{u"reason"_s, reason}, {u"bannedBy"_s, me.name}});
        if (const auto closed = m_closing.store(*open))
            m_closing.announce(*closed);
    }
    m_fanout.visitorChanged(*visitorId);
}

void DialogActions::listBans(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    if (me.role != protocol::OperatorRole::Admin) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Only admins can list bans"_s);
        return;
    }
    QJsonArray bans;
    for (const protocol::Ban &ban : m_moderation.bansInForce())
        bans.append(ban.toJson());
    connection->sendResult(frame.rid, {{u"bans"_s, bans}});
}

void DialogActions::liftBan(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    if (me.role != protocol::OperatorRole::Admin) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Only admins can lift bans"_s);
        return;
    }
    const auto banId = checks::id(connection, frame, u"banId"_s);
    if (!banId)
        return;
    const auto lifted = m_moderation.bansInForce();
    const auto ban = std::find_if(lifted.cbegin(), lifted.cend(), [&](const protocol::Ban &b) { return b.id == *banId; });
    if (ban == lifted.cend() || !m_moderation.lift(*banId)) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such ban in force"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    if (ban->visitorId > 0)
        m_fanout.visitorChanged(ban->visitorId); // `banned` is false again
}

void DialogActions::submitContact(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    const auto contact = checks::contactDetails(connection, frame);
    if (!contact)
        return;
    if (!m_visitors.setContact(visitorId, *contact)) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the contact details"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    if (const auto open = m_dialogs.openForVisitor(visitorId)) {
        QStringList parts;
        for (const QString &part : {contact->name, contact->email, contact->phone}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        writeLine(*open, u"contact.given"_s, u"The visitor left contact details: "_s + parts.join(u" · "_s),
                  contact->toJson());
    }
    m_fanout.visitorChanged(visitorId);
}

void DialogActions::rate(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    const QJsonValue scoreValue = frame.object.value(u"score");
    const int score = scoreValue.isDouble() ? scoreValue.toInt() : 0;
    if (score < 1 || score > 5 || scoreValue.toDouble() != score) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"score\" must be a whole number from 1 to 5"_s);
        return;
    }
    const QString comment = frame.object.value(u"comment").toString().trimmed();
    if (comment.size() > kMaxRatingCommentChars) {
        connection->sendError(frame.rid, ErrorCode::TooLong, u"The comment is longer than 1,000 characters"_s);
        return;
    }
    const auto asked = m_dialogs.find(*dialogId);
    if (!asked || asked->visitorId != visitorId) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such conversation"_s);
        return;
    }
    if (asked->isOpen()) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"A conversation is rated once it has ended"_s);
        return;
    }
    auto dialog = m_dialogs.latestClosedForVisitor(visitorId);
    if (!dialog || dialog->id != *dialogId) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"Only your last closed conversation can be rated"_s);
        return;
    }
    if (dialog->rating.isValid()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"This conversation is already rated"_s);
        return;
    }
    dialog->rating = {score, comment, QDateTime::currentDateTimeUtc()};
    if (!m_dialogs.update(*dialog)) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the rating"_s);
        return;
    }
    const auto saved = m_dialogs.find(dialog->id).value_or(*dialog);
    connection->sendResult(frame.rid, {});
    m_fanout.dialogChanged(saved);
    const QString text = comment.isEmpty() ? u"The visitor rated the dialog %1/5"_s.arg(score)
                                           : u"The visitor rated the dialog %1/5: %2"_s.arg(score).arg(comment);
    writeLine(saved, u"rating"_s, text, {{u"score"_s, score}, {u"comment"_s, comment}});
}

} // namespace concierge::server
