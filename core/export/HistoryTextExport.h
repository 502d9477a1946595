// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TranscriptText.h"
#include "protocol/History.h"
#include "protocol/Message.h"

#include <QList>
#include <QString>
#include <QTimeZone>

namespace concierge {

/// Many dialogs as one text (docs/protocol.md, "History": `history.txt`): each dialog in the
/// "Transcript text" layout (TranscriptText::format), in the order given, one blank line between
/// two dialogs. Names of people are shown as stored.
class HistoryTextExport
{
public:
    /// One dialog's part of the text: TranscriptText::format with the visitor's name from
    /// visitorName(). Ends with a line break.
    static QString dialogText(const protocol::HistoryDialog &dialog, const QList<protocol::Message> &lines,
                              const SystemLineWording &wording, const QTimeZone &zone);
    /// What goes between two dialogs' texts (a blank line).
    static QString separator();
    /// All of \a dialogs with their lines (\a lines[i] belongs to \a dialogs[i], oldest first).
    static QString format(const QList<protocol::HistoryDialog> &dialogs, const QList<QList<protocol::Message>> &lines,
                          const SystemLineWording &wording, const QTimeZone &zone);
    /// The name the history shows for the visitor of \a dialog: the name they gave in the contact
    /// form, else in the offline form, else the visitor's name as stored (the server's "Visitor 12"),
    /// else "Visitor <id>". The history list's Visitor column uses the same order.
    static QString visitorName(const protocol::HistoryDialog &dialog);
};

} // namespace concierge
