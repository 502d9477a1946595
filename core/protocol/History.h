// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Dialog.h"
#include "Visitor.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace concierge::protocol {

/// One dialog of the history (docs/protocol.md, "History"): the dialog, the visitor as they were
/// during it (that visit's address, browser, referrer, UTM and pages; the name and contact details
/// they had given), and the names the history shows, so a dialog of an operator, department or
/// category deleted since still reads right.
struct HistoryDialog
{
    Dialog dialog;
    Visitor visitor;
    QString operatorName;   ///< "" when never assigned
    QString departmentName; ///< "" for none
    QString categoryName;   ///< "" for none
    int messageCount = 0;   ///< visitor and operator lines (system lines not counted)
    /// history.page only: the page carried only the newest lines of this dialog (it alone was
    /// bigger than a page); the rest come from `history.get` with `beforeId`.
    bool messagesTruncated = false;

    QJsonObject toJson() const;
    static HistoryDialog fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryDialog &, const HistoryDialog &) = default;
};

/// What narrows a history search besides its words. Every set field must hold.
struct HistoryFilter
{
    QDate from;               ///< dialogs started on or after this day (in `timeZone`); null: any
    QDate to;                 ///< dialogs started on or before this day (in `timeZone`); null: any
    /// The IANA zone the days are meant in ("Europe/Moscow"): the operator picks days on their
    /// own calendar. Empty or unknown: UTC.
    QByteArray timeZone;
    qint64 operatorId = 0;    ///< 0: any
    qint64 departmentId = 0;  ///< 0: any
    qint64 categoryId = 0;    ///< 0: any
    int rating = 0;           ///< 1–5: exactly this score; 0: any
    bool withContactOnly = false; ///< the visitor left a name/email/phone (contact form or offline form)
    bool offlineOnly = false;     ///< offline requests only

    bool isEmpty() const { return *this == HistoryFilter(); }
    /// The instant `from` begins (invalid when `from` is null) and the instant after the day
    /// `to` ends (invalid when `to` is null), in `timeZone`: compare `start >= fromInstant()` and
    /// `start < toInstantExclusive()`.
    QDateTime fromInstant() const;
    QDateTime toInstantExclusive() const;
    /// Only the set fields; dates as "yyyy-MM-dd".
    QJsonObject toJson() const;
    static HistoryFilter fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryFilter &, const HistoryFilter &) = default;
};

/// A place in a text where the searched words were found: [start, start + length).
struct TextSpan
{
    int start = 0;
    int length = 0;
    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

/// The line that matched, cut to a short window around the first match, with the matched words
/// marked. `messageId` 0: the dialog matched by the visitor's name or contact details, and
/// `text` is that name/contact.
struct HistorySnippet
{
    qint64 messageId = 0;
    QString text;
    QList<TextSpan> highlights; ///< into `text`, in order, not overlapping

    QJsonObject toJson() const;
    static HistorySnippet fromJson(const QJsonObject &object);
    friend bool operator==(const HistorySnippet &, const HistorySnippet &) = default;
};

/// One search result: a dialog and why it matched (no snippet when the search had no words).
struct HistoryHit
{
    HistoryDialog dialog;
    HistorySnippet snippet;

    QJsonObject toJson() const;
    static HistoryHit fromJson(const QJsonObject &object);
    friend bool operator==(const HistoryHit &, const HistoryHit &) = default;
};

} // namespace concierge::protocol
