// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace concierge::server {

/// Upkeep of the two FTS5 tables history search reads (schema 6): `message_search` (rowid =
/// messages.id, contentless) and `visitor_search` (rowid = visitors.id). Both hold text *folded*
/// by protocol::HistoryText::fold, so the server finds exactly what the app's cache finds.
class HistorySearchIndex
{
public:
    /// What a line is searched by: its text, and a file line's file name.
    static QString lineText(const QString &text, const QString &fileName);
    /// What a visitor is searched by (and what a name/contact snippet shows): the name and the
    /// contact details' name, email and phone, space-separated, without repeats.
    static QString visitorText(const QString &name, const std::optional<protocol::ContactDetails> &contact);

    /// Indexes a newly stored line. Logs and returns false on an SQL failure.
    static bool addLine(QSqlDatabase db, qint64 messageId, const QString &text, const QString &fileName);
    /// Re-indexes visitor \a visitorId from the `visitors` row as it is now.
    static bool refreshVisitor(QSqlDatabase db, qint64 visitorId);
    /// Fills both tables from every existing row (migration 6). \a error says what failed.
    static bool fillExisting(QSqlDatabase db, QString *error);
};

} // namespace concierge::server
