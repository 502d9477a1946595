// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TranscriptText.h"
#include "protocol/History.h"
#include "protocol/Message.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <memory>

namespace concierge {

/// Writes the history's Excel workbook (docs/protocol.md, "History", "The Excel workbook") one
/// dialog at a time, with bounded memory whatever the number of lines (libxlsxwriter's
/// constant_memory mode: each row goes to a temporary file as soon as it is complete).
///
///     HistoryWorkbook book;
///     if (!book.open(path)) … book.errorString();
///     for (…) book.addDialog(dialog, lines, wording, zone);
///     if (!book.finish()) … book.errorString();
///
/// Sheet "Dialogs": one row per dialog; sheet "Messages": one row per line, continued on
/// "Messages (2)", … past Excel's row limit. Every text is a text cell (never a formula), cut at
/// Excel's 32,767 characters with "…"; times are date cells in the given zone; numbers are numbers.
/// Not thread-safe; one object per file, used from one thread at a time.
class HistoryWorkbook
{
public:
    /// Every word the workbook shows. The defaults are the server's English; the app passes its
    /// translated words (HistoryExportJob). Sheet names are cut to Excel's 31 characters and
    /// characters Excel refuses in them (\ / ? * [ ] :) become spaces.
    struct Labels
    {
        QString dialogsSheet = QStringLiteral("Dialogs");
        QString messagesSheet = QStringLiteral("Messages");
        /// A continued messages sheet: %1 the messages sheet's name, %2 its number (2, 3, …).
        QString continuedSheet = QStringLiteral("%1 (%2)");
        /// Number, Start, End, Visitor, Operator, Department, Category, Rating, Messages, Contact,
        /// Offline request.
        QStringList dialogColumns = {QStringLiteral("Number"),     QStringLiteral("Start"),
                                     QStringLiteral("End"),        QStringLiteral("Visitor"),
                                     QStringLiteral("Operator"),   QStringLiteral("Department"),
                                     QStringLiteral("Category"),   QStringLiteral("Rating"),
                                     QStringLiteral("Messages"),   QStringLiteral("Contact"),
                                     QStringLiteral("Offline request")};
        /// Dialog, Time, Author, Name, Text.
        QStringList messageColumns = {QStringLiteral("Dialog"), QStringLiteral("Time"),
                                      QStringLiteral("Author"), QStringLiteral("Name"),
                                      QStringLiteral("Text")};
        QString visitorAuthor = QStringLiteral("Visitor");
        QString operatorAuthor = QStringLiteral("Operator");
        QString systemAuthor = QStringLiteral("System");
        /// A file line's text: %1 the file's name, %2 its size (TranscriptText::fileSize).
        QString fileText = QStringLiteral("[file: %1, %2]");
        /// The "Offline request" column of an offline request (empty for the others).
        QString yes = QStringLiteral("Yes");
    };

    /// Excel's rows per sheet less the header row.
    static constexpr int kMaxDataRows = 1048575;
    /// Excel's longest text in a cell, in UTF-16 units.
    static constexpr int kMaxCellText = 32767;

    HistoryWorkbook();
    ~HistoryWorkbook(); ///< an unfinished workbook is abandoned: its temporary data is freed
    HistoryWorkbook(const HistoryWorkbook &) = delete;
    HistoryWorkbook &operator=(const HistoryWorkbook &) = delete;

    /// Starts a workbook that finish() will write to \a path (nothing is written before). False
    /// with errorString() if it cannot be started.
    bool open(const QString &path, const Labels &labels);
    bool open(const QString &path); ///< with the English Labels
    /// Adds one dialog: its row in "Dialogs" and \a lines (oldest first) in "Messages". System
    /// lines are worded by \a wording (empty answer: the line's own text); times shown in \a zone.
    bool addDialog(const protocol::HistoryDialog &dialog, const QList<protocol::Message> &lines,
                   const SystemLineWording &wording, const QTimeZone &zone);
    /// Writes the file. False with errorString() as a sentence if it could not be written; the
    /// caller removes what may be left at the path.
    bool finish();
    /// Forgets an unfinished workbook without writing anything.
    void abandon();

    QString errorString() const;
    /// Message rows written so far (all "Messages" sheets together).
    qint64 messageRows() const;

    /// For tests: a smaller row limit per "Messages" sheet, to see the continuation sheet
    /// without writing a million rows. 0 or above kMaxDataRows: Excel's limit.
    void setMessageRowsPerSheet(int rows);

    /// The text a cell gets for \a text: cut to kMaxCellText with "…" (never inside a surrogate
    /// pair), Windows line ends made "\n".
    static QString cellText(const QString &text);
    /// "Anna · anna@example.com · +44 …": the visitor's contact details, or those of the offline
    /// form when the visitor left none; "" when there are none.
    static QString contactText(const protocol::HistoryDialog &dialog);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
