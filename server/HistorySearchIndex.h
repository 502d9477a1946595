// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace concierge::server {

/// Upkeep of the tables history search reads (schema 6), all holding text *folded* by
/// protocol::HistoryText::fold, so the server finds exactly what the app's cache finds:
///
/// - `message_search` (FTS5, contentless): one row per line, rowid = lineKey(dialog id, the
///   line's number in its dialog from 0). Matches read in rowid order come dialog by dialog,
///   newest dialog first, so a search stops after a page of dialogs and `beforeId` is a bound.
/// - `search_words`: every word in `message_search`, so a query word of 4+ letters is matched as
///   the OR of the words it begins (FTS5 streams that; its prefix query would gather them all).
/// - `dialog_search` (FTS5): one row per dialog, rowid = dialog id — the visitor's name (not the
///   server's generated "Visitor N"), contact details and the offline form's contact.
class HistorySearchIndex
{
public:
    /// Bits of a line key that number the line inside its dialog.
    static constexpr int kLineKeyBits = 24;
    /// The key of line \a lineNumber (from 0) of \a dialogId in `message_search`.
    static constexpr qint64 lineKey(qint64 dialogId, qint64 lineNumber) { return (dialogId << kLineKeyBits) | lineNumber; }

    /// What a line is searched by: its text, and a file line's file name.
    static QString lineText(const QString &text, const QString &fileName);
    /// What a dialog is found by (and what a name/contact snippet shows): the visitor's name
    /// unless it is the generated "Visitor <visitorId>" (searching "15" must not list visitors
    /// 15, 150, 1500…), then the contact details' and the offline form's name, email and phone,
    /// without repeats.
    static QString namesText(const QString &visitorName, qint64 visitorId,
                             const std::optional<protocol::ContactDetails> &contact,
                             const std::optional<protocol::ContactDetails> &offline);

    /// Indexes a newly stored line (already in `messages`). Logs and returns false on an SQL failure.
    static bool addLine(QSqlDatabase db, qint64 messageId, const QString &text, const QString &fileName);

    /// addLine() with its statements prepared once: the server's message path indexes every line
    /// it stores (at 1,000 lines/s preparing three statements per line was a quarter of the cost).
    /// Lives no longer than its connection; one per DialogRepository.
    class LineIndexer
    {
    public:
        explicit LineIndexer(const QSqlDatabase &db);
        ~LineIndexer();
        bool add(qint64 messageId, const QString &text, const QString &fileName);

    private:
        struct Private;
        std::unique_ptr<Private> d;
    };
    /// Indexes a newly created dialog by its visitor and offline contact.
    static bool addDialog(QSqlDatabase db, qint64 dialogId);
    /// Re-indexes every dialog of visitor \a visitorId from the rows as they are now.
    static bool refreshVisitor(QSqlDatabase db, qint64 visitorId);
    /// Fills the tables from every existing row (migration 6). \a error says what failed.
    static bool fillExisting(QSqlDatabase db, QString *error);
};

} // namespace concierge::server
