// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptMail.h"

#include "ClientConnection.h"
#include "DialogRepository.h"
#include "EventFanout.h"
#include "Mailer.h"
#include "RequestChecks.h"

#include <QPointer>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;

namespace {
constexpr qsizetype kMaxSubjectChars = 300;
constexpr qsizetype kMaxTextChars = 500000;
} // namespace

TranscriptMail::TranscriptMail(DialogRepository &dialogs, EventFanout &fanout, Mailer &mailer)
    : m_dialogs(dialogs)
    , m_fanout(fanout)
    , m_mailer(mailer)
{
}

void TranscriptMail::send(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue subjectValue = frame.object.value(u"subject");
    const QJsonValue textValue = frame.object.value(u"text");
    if (!subjectValue.isString() || !textValue.isString() || textValue.toString().trimmed().isEmpty()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"dialog.email needs a \"subject\" and a \"text\""_s);
        return;
    }
    const QString subject = subjectValue.toString().trimmed();
    const QString text = textValue.toString();
    if (subject.size() > kMaxSubjectChars || text.size() > kMaxTextChars) {
        connection->sendError(frame.rid, ErrorCode::TooLong,
                              u"The subject is at most 300 characters, the text at most 500,000"_s);
        return;
    }
    const auto dialogId = checks::id(connection, frame, u"dialogId"_s);
    if (!dialogId)
        return;
    const auto recipientId = checks::id(connection, frame, u"operatorId"_s);
    if (!recipientId)
        return;
    // Any dialog the sender can see, closed ones too: a transcript is often sent after the end.
    const auto dialog = m_dialogs.find(*dialogId);
    if (!dialog || !m_fanout.canSee(me, *dialog)) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such dialog"_s);
        return;
    }
    const auto recipient = m_fanout.operatorInfo(*recipientId);
    if (!recipient) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such operator"_s);
        return;
    }
    if (!m_mailer.isEnabled()) {
        connection->sendError(frame.rid, ErrorCode::Unavailable, u"Mail is not configured on this server"_s);
        return;
    }
    const QPointer<ClientConnection> asker(connection);
    const QString rid = frame.rid;
    const QJsonObject meta{{u"toOperatorId"_s, recipient->id},
                           {u"toName"_s, recipient->name},
                           {u"toEmail"_s, recipient->email},
                           {u"byName"_s, me.name}};
    const QString fallback =
        u"%1 emailed the transcript to %2 (%3)"_s.arg(me.name, recipient->name, recipient->email);
    const qint64 id = dialog->id;
    m_mailer.send({recipient->email, recipient->name, subject, text}, [=, this](const QString &error) {
        if (!error.isEmpty()) {
            if (asker)
                asker->sendError(rid, ErrorCode::Unavailable, u"The mail was not sent: "_s + error);
            return;
        }
        // The mail is out whatever happens next, so the line is written even if the asker left.
        const auto line = m_dialogs.insertSystemLine(id, u"transcript.sent"_s, fallback, meta);
        if (asker)
            asker->sendResult(rid, {});
        const auto now = m_dialogs.find(id); // who sees it may have changed while the mail went out
        if (line && now)
            m_fanout.messageStored(*line, *now);
    });
}

} // namespace concierge::server
