// SPDX-License-Identifier: GPL-3.0-or-later
// OperatorSession: the requests an operator makes (statuses, dialog actions, room, replies, typing).
// Login, sync and the server's answers live in OperatorSession.cpp.
#include "OperatorSession.h"
#include "OperatorSessionPrivate.h"

#include "Connection.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "Outbox.h"
#include "VisitorListModel.h"

#include "protocol/Json.h"
#include "protocol/TransferTarget.h"

#include <QJsonArray>

#include <utility>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

void OperatorSession::setStatus(protocol::OperatorStatus status)
{
    sendRequest(u"status.set"_s, {{u"status"_s, protocol::operatorStatusToString(status)}});
}

void OperatorSession::takeDialog(qint64 dialogId)
{
    if (!refuseWhileOffline(u"dialog.take"_s))
        sendRequest(u"dialog.take"_s, {{u"dialogId"_s, dialogId}}, dialogId);
}

void OperatorSession::closeDialog(qint64 dialogId)
{
    if (!refuseWhileOffline(u"dialog.close"_s))
        sendRequest(u"dialog.close"_s, {{u"dialogId"_s, dialogId}}, dialogId);
}

void OperatorSession::transferDialog(qint64 dialogId, const protocol::TransferTarget &target, const QString &comment)
{
    if (refuseWhileOffline(u"dialog.transfer"_s))
        return;
    QJsonObject fields{{u"dialogId"_s, dialogId}, {u"to"_s, target.toJson()}};
    if (!comment.trimmed().isEmpty())
        fields.insert(u"comment"_s, comment);
    sendRequest(u"dialog.transfer"_s, fields, dialogId);
}

void OperatorSession::takeOverDialog(qint64 dialogId)
{
    if (!refuseWhileOffline(u"dialog.takeover"_s))
        sendRequest(u"dialog.takeover"_s, {{u"dialogId"_s, dialogId}}, dialogId);
}

void OperatorSession::requestContact(qint64 dialogId)
{
    if (!refuseWhileOffline(u"contact.request"_s))
        sendRequest(u"contact.request"_s, {{u"dialogId"_s, dialogId}}, dialogId);
}

void OperatorSession::setDialogCategory(qint64 dialogId, qint64 categoryId)
{
    if (refuseWhileOffline(u"dialog.category.set"_s))
        return;
    sendRequest(u"dialog.category.set"_s,
                {{u"dialogId"_s, dialogId}, {u"categoryId"_s, categoryId > 0 ? QJsonValue(categoryId) : QJsonValue()}},
                dialogId);
}

void OperatorSession::banVisitor(qint64 visitorId, const QString &reason, int hours, bool byIp)
{
    if (refuseWhileOffline(u"visitor.ban"_s))
        return;
    QJsonObject fields{{u"visitorId"_s, visitorId}, {u"byIp"_s, byIp}};
    if (!reason.trimmed().isEmpty())
        fields.insert(u"reason"_s, reason);
    if (hours > 0) // absent: the ban never expires
        fields.insert(u"hours"_s, hours);
    sendRequest(u"visitor.ban"_s, fields, 0, {}, visitorId);
}

// Managing bans is an admin's desk work, not work on a dialog: the Offline rule does not apply.
void OperatorSession::listBans()
{
    sendRequest(u"bans.list"_s);
}

void OperatorSession::liftBan(qint64 banId)
{
    sendRequest(u"ban.lift"_s, {{u"banId"_s, banId}}, 0, {}, banId);
}

void OperatorSession::redirectVisitor(qint64 visitorId, const QString &url)
{
    if (refuseWhileOffline(u"visitor.redirect"_s))
        return;
    const QString rid =
        sendRequest(u"visitor.redirect"_s, {{u"visitorId"_s, visitorId}, {u"url"_s, url.trimmed()}}, 0, {}, visitorId);
    if (!rid.isEmpty())
        d->pending[rid].text = url.trimmed();
}

void OperatorSession::findByTeleportCode(const QString &code)
{
    if (refuseWhileOffline(u"teleport.find"_s))
        return;
    QString digits = code;
    digits.remove(u' '); // read out in groups ("482 913")
    sendRequest(u"teleport.find"_s, {{u"code"_s, digits}});
}

void OperatorSession::onTeleportCodeFound(const protocol::Visitor &visitor)
{
    if (visitor.id <= 0)
        return;
    // Kept like a visitor.updated (no seq: the event stream is not advanced), so the card, the
    // list and a later redirect all know them — a visitor not in chat may not be listed yet.
    d->store->upsertVisitor(visitor);
    d->visitors.insert(visitor.id, visitor);
    d->visitorModel->upsertVisitor(visitor);
    Q_EMIT visitorChanged(visitor.id);
    Q_EMIT teleportCodeFound(visitor);
}

// One's own profile is desk work, not dialog work: allowed while Offline too.
void OperatorSession::updateProfile(const QString &name, const QStringList &languages, const QString &email)
{
    QJsonArray codes;
    for (const QString &language : languages)
        codes.append(language);
    QJsonObject fields{{u"name"_s, name.trimmed()}, {u"languages"_s, codes}};
    // Only a change: the server checks an address against everyone else's, never against our own.
    if (!email.trimmed().isEmpty() && email.trimmed() != d->self.email)
        fields.insert(u"email"_s, email.trimmed());
    sendRequest(u"profile.update"_s, fields);
}

void OperatorSession::setSystemLineWording(SystemLineWording wording)
{
    d->systemLineWording = std::move(wording);
}

// Reading a dialog's history is refused while Offline, so mailing it is too.
void OperatorSession::emailTranscript(qint64 dialogId, qint64 operatorId)
{
    if (refuseWhileOffline(u"dialog.email"_s))
        return;
    if (!d->helloDone) {
        Q_EMIT requestFailed(u"dialog.email"_s, ErrorCode::NotAuthenticated,
                             tr("Not connected to the server: the transcript was not sent."));
        return;
    }
    // The whole dialog, not the cache's last lines: the server's full history first.
    sendRequest(u"history.get"_s, {{u"dialogId"_s, dialogId}, {u"limit"_s, kTranscriptLimit}}, dialogId, {},
                operatorId);
}

// Requests in flight die with the link. Most need no word: replies wait in the outbox, and the
// next snapshot shows what the server did. A transcript shows nowhere but in the notice the operator
// waits for, so it is reported; "may not", because dialog.email may have reached the server.
void OperatorSession::dropPendingRequests()
{
    const QHash<QString, Request> dropped = std::exchange(d->pending, {});
    for (const Request &request : dropped) {
        if (request.type == u"dialog.email" || (request.type == u"history.get" && request.subjectId > 0))
            Q_EMIT requestFailed(u"dialog.email"_s, ErrorCode::NotAuthenticated,
                                 tr("The connection was lost; the transcript may not have been sent."));
    }
}

void OperatorSession::sendTranscript(qint64 dialogId, qint64 operatorId, const QList<protocol::Message> &messages)
{
    const protocol::Dialog dialog = this->dialog(dialogId);
    const protocol::Visitor visitor = this->visitor(dialog.visitorId);
    // The name the visitor gave, else the server's "Visitor 12".
    QString name = visitor.contact ? visitor.contact->name.trimmed() : QString();
    if (name.isEmpty() && dialog.offline)
        name = dialog.offline->name.trimmed();
    if (name.isEmpty())
        name = visitor.name.isEmpty() ? tr("Visitor %1").arg(dialog.visitorId) : visitor.name;
    protocol::Dialog described = dialog;
    described.id = dialogId; // a dialog no longer cached still has its number
    const QString text = TranscriptText::format(described, name, messages, d->systemLineWording,
                                                QTimeZone::systemTimeZone(), kTranscriptLimit);
    sendRequest(u"dialog.email"_s,
                {{u"dialogId"_s, dialogId},
                 {u"operatorId"_s, operatorId},
                 {u"subject"_s, TranscriptText::subject(dialogId, name)},
                 {u"text"_s, text}},
                dialogId, {}, operatorId);
}

void OperatorSession::changePassword(const QString &oldPassword, const QString &newPassword)
{
    const QString rid = sendRequest(u"password.change"_s,
                                    {{u"oldPassword"_s, oldPassword}, {u"newPassword"_s, newPassword}});
    if (!rid.isEmpty())
        d->pending[rid].text = newPassword;
}

QString OperatorSession::sendChatMessage(const QString &text)
{
    if (refuseWhileOffline(u"chat.send"_s))
        return {};
    const OutboxEntry entry = d->outbox->add(0, text);
    if (entry.cid.isEmpty()) {
        Q_EMIT requestFailed(u"chat.send"_s, ErrorCode::Internal,
                             tr("The message could not be saved: %1").arg(d->store->errorString()));
        return {};
    }
    d->chatModel->upsert(pendingMessage(entry), true);
    flushOutbox();
    return entry.cid;
}

void OperatorSession::loadChatHistory()
{
    refillChatModel();
    if (d->helloDone && !refuseWhileOffline(u"chat.history"_s))
        sendRequest(u"chat.history"_s, {{u"limit"_s, kHistoryLimit}});
}

QString OperatorSession::sendReply(qint64 dialogId, const QString &text)
{
    if (refuseWhileOffline(u"message.send"_s))
        return {};
    const OutboxEntry entry = d->outbox->add(dialogId, text);
    if (entry.cid.isEmpty()) {
        Q_EMIT requestFailed(u"message.send"_s, ErrorCode::Internal,
                             tr("The reply could not be saved: %1").arg(d->store->errorString()));
        return {};
    }
    if (dialogId == d->currentDialogId)
        d->messageModel->upsert(pendingMessage(entry), true);
    if (d->typingDialogId == dialogId)
        stopTyping();
    flushOutbox();
    return entry.cid;
}

void OperatorSession::setTyping(qint64 dialogId, bool typing)
{
    if (!typing) {
        if (dialogId == d->typingDialogId)
            stopTyping();
        return;
    }
    if (d->typingDialogId != dialogId)
        stopTyping();
    d->typingDialogId = dialogId;
    d->typingIdle.start();
    // One "true" per burst of typing: keystrokes only restart the idle timer. A time-based throttle
    // here would swallow the "true" of a reply begun right after sending the previous one.
    if (d->typingSent)
        return;
    if (d->helloDone
        && d->connection->sendFrame({{u"type"_s, u"typing"_s}, {u"dialogId"_s, dialogId}, {u"typing"_s, true}})) {
        d->typingSent = true;
    }
}

void OperatorSession::stopTyping()
{
    d->typingIdle.stop();
    if (d->typingSent && d->helloDone)
        d->connection->sendFrame(
            {{u"type"_s, u"typing"_s}, {u"dialogId"_s, d->typingDialogId}, {u"typing"_s, false}});
    d->typingSent = false;
}

void OperatorSession::openDialog(qint64 dialogId)
{
    openDialogWithHistory(dialogId, kHistoryLimit);
}

void OperatorSession::openDialogWithHistory(qint64 dialogId, int historyLimit)
{
    d->currentDialogId = dialogId;
    d->historyLimit = std::max(1, historyLimit);
    refillMessageModel();
    // While Offline the server would refuse: the cached lines are all there is to show, and
    // opening a visitor is not worth an error message.
    // A visitor without a dialog has no history to ask for (dialog 0).
    if (dialogId > 0 && d->helloDone && !knownOffline())
        sendRequest(u"history.get"_s, {{u"dialogId"_s, dialogId}, {u"limit"_s, d->historyLimit}}, dialogId);
}

} // namespace concierge
