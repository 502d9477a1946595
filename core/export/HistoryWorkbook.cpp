// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryWorkbook.h"

#include "HistoryTextExport.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>

#include <xlsxwriter.h>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::Author;

namespace {

enum DialogColumn { Number, Start, End, VisitorName, Operator, Department, Category, Rating, Messages, Contact, Offline };
enum MessageColumn { MessageDialog, MessageTime, MessageAuthor, MessageName, MessageText };

constexpr int kDialogColumnCount = 11;
constexpr int kMessageColumnCount = 5;
// Widths in characters, for what each column usually holds.
constexpr double kDialogWidths[kDialogColumnCount] = {9, 19, 19, 24, 20, 18, 18, 8, 10, 36, 10};
constexpr double kMessageWidths[kMessageColumnCount] = {9, 19, 10, 22, 100};

/// A sheet name Excel accepts: none of \ / ? * [ ] :, at most 31 characters, not empty.
QString sheetName(const QString &wanted, const QString &fallback)
{
    QString name = wanted;
    for (QChar &c : name) {
        if (QStringView(u"\\/?*[]:").contains(c))
            c = u' ';
    }
    name = name.trimmed();
    if (name.size() > 31) {
        name.truncate(31);
        if (name.back().isHighSurrogate())
            name.chop(1);
    }
    // Excel also refuses names starting or ending with an apostrophe.
    while (name.startsWith(u'\''))
        name.remove(0, 1);
    while (name.endsWith(u'\''))
        name.chop(1);
    return name.isEmpty() ? fallback : name;
}

QString sentence(lxw_error error)
{
    // lxw_strerror's texts are short phrases ("Error creating output xlsx file. Usually a
    // permissions error."); make sure what the operator reads ends like a sentence.
    QString text = QString::fromUtf8(lxw_strerror(error)).trimmed();
    if (!text.endsWith(u'.'))
        text += u'.';
    // The operator reads these sentences in the app (its translator); the server has none and so
    // keeps them in English.
    return QCoreApplication::translate("HistoryWorkbook", "The workbook could not be written: %1").arg(text);
}

} // namespace

struct HistoryWorkbook::Private
{
    lxw_workbook *book = nullptr;
    lxw_worksheet *dialogs = nullptr;
    lxw_worksheet *messages = nullptr;
    lxw_format *header = nullptr;
    lxw_format *date = nullptr;
    Labels labels;
    QString messagesSheetName;
    QStringList usedSheetNames;
    lxw_row_t dialogRow = 0;  // the last row written in "Dialogs" (0: the header)
    lxw_row_t messageRow = 0; // the last row written in the current "Messages" sheet
    int messageSheets = 0;
    qint64 messageRows = 0;
    int rowsPerSheet = HistoryWorkbook::kMaxDataRows;
    QString error;

    bool check(lxw_error result)
    {
        if (result == LXW_NO_ERROR)
            return true;
        if (error.isEmpty())
            error = sentence(result);
        return false;
    }

    bool text(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const QString &value, lxw_format *format = nullptr)
    {
        if (value.isEmpty())
            return true; // an empty cell, not an empty string
        // Always a string cell: worksheet_write_string never makes a formula of "=1+1".
        return check(worksheet_write_string(sheet, row, col, HistoryWorkbook::cellText(value).toUtf8().constData(),
                                            format));
    }

    bool number(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, double value)
    {
        return check(worksheet_write_number(sheet, row, col, value, nullptr));
    }

    bool dateTime(lxw_worksheet *sheet, lxw_row_t row, lxw_col_t col, const QDateTime &at, const QTimeZone &zone)
    {
        if (!at.isValid())
            return true;
        const QDateTime local = at.toTimeZone(zone);
        lxw_datetime value{local.date().year(), local.date().month(), local.date().day(), local.time().hour(),
                           local.time().minute(), local.time().second() + local.time().msec() / 1000.0};
        return check(worksheet_write_datetime(sheet, row, col, &value, date));
    }

    lxw_worksheet *addSheet(const QString &wanted, const QStringList &columns, const double *widths, int count)
    {
        QString name = sheetName(wanted, u"Sheet%1"_s.arg(usedSheetNames.size() + 1));
        // Two labels that clean to the same name would make libxlsxwriter refuse the second.
        for (int n = 2; usedSheetNames.contains(name, Qt::CaseInsensitive); ++n)
            name = sheetName(name.left(27) + u' ' + QString::number(n), name);
        usedSheetNames << name;
        lxw_worksheet *sheet = workbook_add_worksheet(book, name.toUtf8().constData());
        if (!sheet) {
            error = QCoreApplication::translate("HistoryWorkbook",
                                                "The workbook could not be written: the sheet “%1” could not be added.")
                        .arg(name);
            return nullptr;
        }
        for (int col = 0; col < count; ++col) {
            check(worksheet_set_column(sheet, lxw_col_t(col), lxw_col_t(col), widths[col], nullptr));
            text(sheet, 0, lxw_col_t(col), columns.value(col), header);
        }
        worksheet_freeze_panes(sheet, 1, 0); // the header stays in view
        return sheet;
    }

    bool nextMessagesSheet()
    {
        ++messageSheets;
        // "Messages (2)" is named after the first sheet as it came out (cut, cleaned).
        const QString name = messageSheets == 1
            ? labels.messagesSheet
            : labels.continuedSheet.arg(messagesSheetName, QString::number(messageSheets));
        messages = addSheet(name, labels.messageColumns, kMessageWidths, kMessageColumnCount);
        if (messageSheets == 1 && messages)
            messagesSheetName = usedSheetNames.constLast();
        messageRow = 0;
        return messages != nullptr;
    }

    QString authorWord(Author author) const
    {
        switch (author) {
        case Author::Visitor:
            return labels.visitorAuthor;
        case Author::Operator:
            return labels.operatorAuthor;
        case Author::System:
            break;
        }
        return labels.systemAuthor;
    }

    QString lineText(const protocol::Message &line, const SystemLineWording &wording) const
    {
        if (!line.file.isEmpty()) {
            QString value = labels.fileText.arg(line.file.name, TranscriptText::fileSize(line.file.size));
            if (!line.text.trimmed().isEmpty())
                value += u' ' + line.text;
            return value;
        }
        if (line.author == Author::System && !line.event.isEmpty() && wording) {
            const QString worded = wording(line.event, line.meta);
            if (!worded.isEmpty())
                return worded;
        }
        return line.text;
    }

    bool addMessage(qint64 dialogId, const QString &visitorName, const protocol::Message &line,
                    const SystemLineWording &wording, const QTimeZone &zone)
    {
        if (int(messageRow) >= rowsPerSheet && !nextMessagesSheet())
            return false;
        const lxw_row_t row = ++messageRow;
        ++messageRows;
        QString name = line.authorName;
        if (name.trimmed().isEmpty() && line.author == Author::Visitor)
            name = visitorName;
        return number(messages, row, MessageDialog, double(dialogId))
            && dateTime(messages, row, MessageTime, line.at, zone)
            && text(messages, row, MessageAuthor, authorWord(line.author))
            && text(messages, row, MessageName, name)
            && text(messages, row, MessageText, lineText(line, wording));
    }

    void free()
    {
        if (book)
            lxw_workbook_free(book);
        book = nullptr;
        dialogs = messages = nullptr;
        header = date = nullptr;
    }
};

HistoryWorkbook::HistoryWorkbook()
    : d(std::make_unique<Private>())
{
}

HistoryWorkbook::~HistoryWorkbook()
{
    abandon();
}

bool HistoryWorkbook::open(const QString &path)
{
    return open(path, Labels());
}

bool HistoryWorkbook::open(const QString &path, const Labels &labels)
{
    abandon();
    d->error.clear();
    d->labels = labels;
    d->usedSheetNames.clear();
    d->dialogRow = d->messageRow = 0;
    d->messageSheets = 0;
    d->messageRows = 0;

    // constant_memory: each row goes to a temporary file once the next one starts, so memory stays
    // the same for ten lines or a million (rows must come in order per sheet, which they do).
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    const QByteArray fileName = QFile::encodeName(path);
    d->book = workbook_new_opt(fileName.constData(), &options);
    if (!d->book) {
        d->error = QCoreApplication::translate("HistoryWorkbook",
                                               "The workbook “%1” could not be started (out of memory?).")
                       .arg(path);
        return false;
    }
    d->header = workbook_add_format(d->book);
    format_set_bold(d->header);
    d->date = workbook_add_format(d->book);
    format_set_num_format(d->date, "dd.mm.yyyy hh:mm:ss");

    d->dialogs = d->addSheet(labels.dialogsSheet, labels.dialogColumns, kDialogWidths, kDialogColumnCount);
    if (!d->dialogs || !d->nextMessagesSheet()) {
        d->free();
        return false;
    }
    return d->error.isEmpty();
}

bool HistoryWorkbook::addDialog(const protocol::HistoryDialog &dialog, const QList<protocol::Message> &lines,
                                const SystemLineWording &wording, const QTimeZone &zone)
{
    if (!d->book) {
        if (d->error.isEmpty())
            d->error = QCoreApplication::translate("HistoryWorkbook", "The workbook is not open.");
        return false;
    }
    if (int(d->dialogRow) >= kMaxDataRows) {
        d->error = QCoreApplication::translate(
                       "HistoryWorkbook", "The workbook cannot hold more than %1 dialogs; export fewer at a time.")
                       .arg(kMaxDataRows);
        return false;
    }
    const lxw_row_t row = ++d->dialogRow;
    const protocol::Dialog &info = dialog.dialog;
    const QString visitorName = HistoryTextExport::visitorName(dialog);
    QDateTime start = info.createdAt;
    if (!start.isValid() && !lines.isEmpty())
        start = lines.constFirst().at;
    bool ok = d->number(d->dialogs, row, Number, double(info.id))
        && d->dateTime(d->dialogs, row, Start, start, zone)
        && d->dateTime(d->dialogs, row, End, info.state == protocol::DialogState::Closed ? info.closedAt : QDateTime(), zone)
        && d->text(d->dialogs, row, VisitorName, visitorName)
        && d->text(d->dialogs, row, Operator, dialog.operatorName)
        && d->text(d->dialogs, row, Department, dialog.departmentName)
        && d->text(d->dialogs, row, Category, dialog.categoryName)
        && (info.rating.score <= 0 || d->number(d->dialogs, row, Rating, info.rating.score))
        && d->number(d->dialogs, row, Messages, dialog.messageCount)
        && d->text(d->dialogs, row, Contact, contactText(dialog))
        && d->text(d->dialogs, row, Offline, info.isOfflineRequest() ? d->labels.yes : QString());
    for (qsizetype i = 0; ok && i < lines.size(); ++i)
        ok = d->addMessage(info.id, visitorName, lines.at(i), wording, zone);
    return ok;
}

bool HistoryWorkbook::finish()
{
    if (!d->book) {
        if (d->error.isEmpty())
            d->error = QCoreApplication::translate("HistoryWorkbook", "The workbook is not open.");
        return false;
    }
    if (!d->error.isEmpty()) {
        d->free();
        return false;
    }
    // workbook_close writes the file and frees the workbook, whether or not it succeeds.
    const lxw_error result = workbook_close(d->book);
    d->book = nullptr;
    d->dialogs = d->messages = nullptr;
    return d->check(result);
}

void HistoryWorkbook::abandon()
{
    d->free();
}

QString HistoryWorkbook::errorString() const
{
    return d->error;
}

qint64 HistoryWorkbook::messageRows() const
{
    return d->messageRows;
}

void HistoryWorkbook::setMessageRowsPerSheet(int rows)
{
    d->rowsPerSheet = rows <= 0 || rows > kMaxDataRows ? kMaxDataRows : rows;
}

QString HistoryWorkbook::cellText(const QString &text)
{
    QString value = text;
    value.replace(u"\r\n"_s, u"\n"_s);
    if (value.size() <= kMaxCellText)
        return value;
    value.truncate(kMaxCellText - 1);
    if (value.back().isHighSurrogate())
        value.chop(1);
    return value + u'…';
}

QString HistoryWorkbook::contactText(const protocol::HistoryDialog &dialog)
{
    std::optional<protocol::ContactDetails> details = dialog.visitor.contact;
    const auto isEmpty = [](const protocol::ContactDetails &c) {
        return c.name.trimmed().isEmpty() && c.email.trimmed().isEmpty() && c.phone.trimmed().isEmpty();
    };
    if (!details || isEmpty(*details))
        details = dialog.dialog.offline;
    if (!details)
        return {};
    QStringList parts;
    for (const QString &part : {details->name, details->email, details->phone}) {
        if (!part.trimmed().isEmpty())
            parts << part.trimmed();
    }
    return parts.join(u" · "_s);
}

} // namespace concierge
