// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Message.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>

namespace concierge {

/// Words one system line from its `event` and `meta` in the reader's language; an empty answer
/// means "not known here" and the line's own text is used. The app passes the same wording its
/// dialog pane uses (ui::SystemLineText::describe), so the history and a transcript say the same.
using SystemLineWording = std::function<QString(const QString &event, const QJsonObject &meta)>;

/// A dialog as plain text in the layout of the Webim manual's history sample (docs/protocol.md,
/// "Transcript text"): what a mailed transcript carries and what "Export as text" saves.
///
///     #103 13.02.2015 20:04
///     Visitor's name: Anna
///     -----------------------------------------------
///     13.02.2015
///     20:06:17 Ira: Hello, how can I help?
///     20:07:59 [The visitor left contact details: …]
///
/// Words come from tr() (context "TranscriptText"), times are shown in \a zone.
class TranscriptText
{
    Q_DECLARE_TR_FUNCTIONS(TranscriptText)
public:
    /// \a messages oldest first, as history.get answers. Lines without a name use \a visitorName
    /// (visitor lines) or "Operator". System lines with an `event` go in square brackets; system
    /// lines without one (greetings written by the server) are shown as they are.
    /// \a messageLimit: how many messages were asked for (history.get's limit), 0 for no limit.
    /// When that many came the dialog may have earlier ones, and a line under the header says
    /// that only the last ones are included, so a cut transcript is never taken for a whole one.
    static QString format(const protocol::Dialog &dialog, const QString &visitorName,
                          const QList<protocol::Message> &messages, const SystemLineWording &systemLine,
                          const QTimeZone &zone = QTimeZone::systemTimeZone(), int messageLimit = 0);
    /// The mail subject: "Dialog #5 with Visitor 12".
    static QString subject(qint64 dialogId, const QString &visitorName);
    /// "512 bytes", "12.1 KB", "3.4 MB" in the default QLocale's digits.
    static QString fileSize(qint64 bytes);
    /// The transcript's date format (QDateTime::toString), translatable: dd.MM.yyyy by default.
    static QString dateFormat();
};

} // namespace concierge
