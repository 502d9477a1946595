// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptText.h"

#include <QLocale>
#include <QStringList>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::Author;

namespace {

constexpr int kRuleLength = 47; // the manual's line of dashes under the header

QString nameOf(const protocol::Message &message, const QString &visitorName)
{
    const QString name = message.authorName.trimmed();
    if (!name.isEmpty())
        return name;
    return message.author == Author::Visitor ? visitorName : TranscriptText::tr("Operator");
}

/// What follows the time: "Name: text", "[event]" or a server's own line as it is.
QString body(const protocol::Message &message, const QString &visitorName,
             const SystemLineWording &systemLine)
{
    // One line ending per line: a text typed on Windows must not double the empty lines.
    QString text = message.text;
    text.replace(u"\r\n"_s, u"\n"_s);
    if (message.author == Author::System) {
        if (message.event.isEmpty())
            return text;
        QString worded = systemLine ? systemLine(message.event, message.meta) : QString();
        if (worded.isEmpty())
            worded = text.isEmpty() ? message.event : text;
        return u'[' + worded + u']';
    }
    QString line = nameOf(message, visitorName) + u": "_s;
    if (!message.file.isEmpty()) {
        line += TranscriptText::tr("[file: %1, %2]", "a file sent in the dialog: its name, its size")
                    .arg(message.file.name, TranscriptText::fileSize(message.file.size));
        if (!text.trimmed().isEmpty())
            line += u' ' + text;
        return line;
    }
    return line + text;
}

} // namespace

QString TranscriptText::format(const protocol::Dialog &dialog, const QString &visitorName,
                               const QList<protocol::Message> &messages, const SystemLineWording &systemLine,
                               const QTimeZone &zone, int messageLimit)
{
    const QString dateFormat = TranscriptText::dateFormat();
    QDateTime start = dialog.createdAt;
    if (!start.isValid() && !messages.isEmpty())
        start = messages.constFirst().at;
    start = start.toTimeZone(zone);

    QStringList lines;
    lines << u'#' + QString::number(dialog.id) + u' ' + start.toString(dateFormat) + u' ' +
                 start.toString(u"HH:mm"_s);
    lines << tr("Visitor's name: %1").arg(visitorName);
    lines << QString(kRuleLength, u'-');
    if (messageLimit > 0 && messages.size() >= messageLimit)
        lines << tr("Only the last %1 messages of the dialog are included; earlier ones, if any, are not.")
                     .arg(messages.size());
    QDate day;
    for (const protocol::Message &message : messages) {
        const QDateTime at = message.at.toTimeZone(zone);
        if (at.date() != day) {
            day = at.date();
            lines << at.toString(dateFormat);
        }
        lines << at.toString(u"HH:mm:ss"_s) + u' ' + body(message, visitorName, systemLine);
    }
    return lines.join(u'\n') + u'\n';
}

QString TranscriptText::subject(qint64 dialogId, const QString &visitorName)
{
    return tr("Dialog #%1 with %2", "mail subject of a transcript: dialog number, visitor's name")
        .arg(QString::number(dialogId), visitorName);
}

QString TranscriptText::fileSize(qint64 bytes)
{
    const QLocale locale;
    if (bytes < 1024)
        return tr("%1 bytes", "file size").arg(bytes);
    if (bytes < 1024 * 1024)
        return tr("%1 KB", "file size in kilobytes").arg(locale.toString(double(bytes) / 1024.0, 'f', 1));
    return tr("%1 MB", "file size in megabytes")
        .arg(locale.toString(double(bytes) / (1024.0 * 1024.0), 'f', 1));
}

QString TranscriptText::dateFormat()
{
    return tr("dd.MM.yyyy", "date format of transcripts, as QDateTime::toString() reads it");
}

} // namespace concierge
