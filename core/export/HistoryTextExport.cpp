// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryTextExport.h"

namespace concierge {

using namespace Qt::StringLiterals;

QString HistoryTextExport::dialogText(const protocol::HistoryDialog &dialog, const QList<protocol::Message> &lines,
                                      const SystemLineWording &wording, const QTimeZone &zone)
{
    // A history dialog comes whole from the cache or the database: no "only the last" line.
    return TranscriptText::format(dialog.dialog, visitorName(dialog), lines, wording, zone, 0);
}

QString HistoryTextExport::separator()
{
    // Each dialog's text ends with its line break; one more makes the blank line between two.
    return u"\n"_s;
}

QString HistoryTextExport::format(const QList<protocol::HistoryDialog> &dialogs,
                                  const QList<QList<protocol::Message>> &lines, const SystemLineWording &wording,
                                  const QTimeZone &zone)
{
    QString text;
    for (qsizetype i = 0; i < dialogs.size(); ++i) {
        if (i > 0)
            text += separator();
        text += dialogText(dialogs.at(i), i < lines.size() ? lines.at(i) : QList<protocol::Message>(), wording, zone);
    }
    return text;
}

QString HistoryTextExport::visitorName(const protocol::HistoryDialog &dialog)
{
    // What the visitor gave comes first: the server names every visitor "Visitor <id>" itself, so
    // its name is never empty and would hide the name they typed into a form.
    if (dialog.visitor.contact && !dialog.visitor.contact->name.trimmed().isEmpty())
        return dialog.visitor.contact->name.trimmed();
    if (dialog.dialog.offline && !dialog.dialog.offline->name.trimmed().isEmpty())
        return dialog.dialog.offline->name.trimmed();
    if (!dialog.visitor.name.trimmed().isEmpty())
        return dialog.visitor.name; // as stored
    const qint64 id = dialog.visitor.id ? dialog.visitor.id : dialog.dialog.visitorId;
    return u"Visitor "_s + QString::number(id); // the server's own naming (docs/protocol.md)
}

} // namespace concierge
