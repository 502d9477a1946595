// SPDX-License-Identifier: GPL-3.0-or-later
#include "OfflineReplies.h"

#include "DialogRepository.h"
#include "EventFanout.h"
#include "Mailer.h"

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Author;
using protocol::Dialog;
using protocol::Message;

namespace {

/// An offline request is a short exchange; its first visitor line is the request.
constexpr int kLinesToSearch = 500;

QString quoted(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = line.isEmpty() ? u">"_s : u"> "_s + line;
    return lines.join(u'\n');
}

} // namespace

OfflineReplies::OfflineReplies(DialogRepository &dialogs, EventFanout &fanout, Mailer &mailer)
    : m_dialogs(dialogs)
    , m_fanout(fanout)
    , m_mailer(mailer)
{
}

QString OfflineReplies::subject(const QString &language)
{
    return language == u"ru" ? u"Ответ на ваше обращение"_s : u"Reply to your request"_s;
}

QString OfflineReplies::body(const Message &reply, const Message &request, const QString &language)
{
    const bool ru = language == u"ru";
    QString text = reply.text;
    if (!reply.file.isEmpty()) {
        // The link is relative to a server the visitor may not reach: name the file, ask to write back.
        const QString file = (ru ? u"[файл: %1]"_s : u"[file: %1]"_s).arg(reply.file.name);
        text = text.isEmpty() ? file : text + u'\n' + file;
    }
    if (request.text.isEmpty())
        return text + u'\n';
    const QString when = request.at.toUTC().toString(u"dd.MM.yyyy HH:mm 'UTC'"_s);
    text += u"\n\n"_s + (ru ? u"%1 вы написали:"_s : u"On %1 you wrote:"_s).arg(when);
    return text + u'\n' + quoted(request.text) + u'\n';
}

void OfflineReplies::messageStored(const Message &message, const Dialog &dialog)
{
    if (message.author != Author::Operator || !dialog.offline || dialog.offline->email.isEmpty() ||
        !m_mailer.isEnabled())
        return;
    Message request;
    for (const Message &line : m_dialogs.lastMessages(dialog.id, kLinesToSearch)) {
        if (line.author == Author::Visitor) {
            request = line;
            break;
        }
    }
    const QString to = dialog.offline->email;
    const qint64 id = dialog.id;
    const OutgoingMail mail{to, dialog.offline->name, subject(dialog.language),
                            body(message, request, dialog.language)};
    m_mailer.send(mail, [this, to, id](const QString &error) {
        const auto line =
            error.isEmpty()
                ? m_dialogs.insertSystemLine(id, u"email.sent"_s, u"The reply was emailed to %1"_s.arg(to),
                                             {{u"to"_s, to}})
                : m_dialogs.insertSystemLine(id, u"email.failed"_s,
                                             u"The reply could not be emailed to %1: %2"_s.arg(to, error),
                                             {{u"to"_s, to}, {u"error"_s, error}});
        const auto now = m_dialogs.find(id);
        if (line && now)
            m_fanout.messageStored(*line, *now);
    });
}

} // namespace concierge::server
