// SPDX-License-Identifier: GPL-3.0-or-later
// The history's Excel workbook (docs/protocol.md, "History", "The Excel workbook") written by
// HistoryWorkbook and read back by an independent reader (tests/support/xlsx_dump.py, Debian's
// python3-openpyxl): sheet names, header words, every cell and its type — dates are date cells in
// the given zone, counts are numbers, a visitor's "=1+1" stays text, a 40,000-character line is cut
// with "…" —, the frozen bold header, the continuation sheet past the row limit, the caller's
// translated words, and a path that cannot be written.
#include "HistoryWorkbook.h"
#include "TestPaths.h"
#include "XlsxDump.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Author;
using protocol::HistoryDialog;
using protocol::Message;

namespace {

const QTimeZone kMoscow = QTimeZone(3 * 3600);

QDateTime moscow(const QString &local)
{
    const QDateTime at = QDateTime::fromString(local, u"dd.MM.yyyy HH:mm:ss"_s);
    return QDateTime(at.date(), at.time(), kMoscow).toUTC();
}

Message line(qint64 id, qint64 dialogId, Author author, const QString &name, const QString &text, const QString &at,
             const QString &event = {})
{
    Message message;
    message.id = id;
    message.dialogId = dialogId;
    message.author = author;
    message.authorName = name;
    message.text = text;
    message.at = moscow(at);
    message.event = event;
    return message;
}

/// The Russian dialog of the manual, closed and rated, with the lines that test the cells.
HistoryDialog russianDialog()
{
    HistoryDialog dialog;
    dialog.dialog.id = 103;
    dialog.dialog.visitorId = 7;
    dialog.dialog.operatorId = 2;
    dialog.dialog.state = protocol::DialogState::Closed;
    dialog.dialog.createdAt = moscow(u"13.02.2015 20:04:34"_s);
    dialog.dialog.closedAt = moscow(u"13.02.2015 20:43:45"_s);
    dialog.dialog.rating.score = 5;
    dialog.visitor.id = 7;
    dialog.visitor.name = u"Visitor 7"_s; // the server's; the Visitor cells show the name she gave
    dialog.visitor.contact = protocol::ContactDetails{u"Фёкла"_s, u"foekla@mail.de"_s, u"+44 33 221100"_s};
    dialog.operatorName = u"Ира"_s;
    dialog.departmentName = u"Продажи"_s;
    dialog.categoryName = u"Доставка"_s;
    dialog.messageCount = 4;
    return dialog;
}

QList<Message> russianLines()
{
    Message file = line(5, 103, Author::Visitor, {}, {}, u"13.02.2015 20:09:00"_s);
    file.file = {u"/v1/files/abc"_s, u"счёт.pdf"_s, 2048, u"application/pdf"_s, false, false};
    return {
        line(1, 103, Author::System, {}, u"Оператор Ира включился в разговор"_s, u"13.02.2015 20:06:14"_s),
        line(2, 103, Author::Operator, u"Ира"_s, u"Здравствуйте! Чем помочь?"_s, u"13.02.2015 20:06:17"_s),
        line(3, 103, Author::Visitor, {}, u"=1+1"_s, u"13.02.2015 20:08:18"_s), // no name: the visitor's
        line(4, 103, Author::Visitor, u"Фёкла"_s, QString(40000, u'ж'), u"13.02.2015 20:08:30"_s),
        file,
        line(6, 103, Author::System, {}, u"closed by the operator"_s, u"13.02.2015 20:43:45"_s, u"dialog.closed"_s),
    };
}

/// The second dialog: an offline request, still open, not rated, nobody assigned.
HistoryDialog offlineDialog()
{
    HistoryDialog dialog;
    dialog.dialog.id = 104;
    dialog.dialog.visitorId = 9;
    dialog.dialog.state = protocol::DialogState::Waiting;
    dialog.dialog.createdAt = moscow(u"14.02.2015 09:00:00"_s);
    dialog.dialog.offline = protocol::ContactDetails{u"Anna"_s, u"anna@example.com"_s, {}};
    dialog.visitor.id = 9;
    dialog.visitor.name = u"Visitor 9"_s;
    dialog.messageCount = 1;
    return dialog;
}

QString wording(const QString &event, const QJsonObject &)
{
    return event == u"dialog.closed"_s ? u"The operator closed the dialog"_s : QString();
}

QJsonArray cell(const QString &type, const QJsonValue &value)
{
    return QJsonArray{type, value};
}

/// [type, value] of a dumped cell (a date's number format dropped; checked on its own).
QJsonArray typeAndValue(const QJsonValue &dumped)
{
    const QJsonArray array = dumped.toArray();
    return QJsonArray{array.at(0), array.at(1)};
}

void compareRow(const QJsonObject &sheet, int row, const QList<QJsonArray> &expected)
{
    const QJsonArray cells = test::dumpedRow(sheet, row);
    for (int i = 0; i < std::min<int>(cells.size(), expected.size()); ++i) {
        const QJsonArray actual = typeAndValue(cells.at(i));
        if (actual != expected.at(i))
            qWarning("%s row %d column %d: %s", qPrintable(sheet.value(u"name"_s).toString()), row + 1, i + 1,
                     QJsonDocument(actual).toJson(QJsonDocument::Compact).left(200).constData());
        QCOMPARE(actual, expected.at(i));
    }
    QCOMPARE(cells.size(), expected.size());
}

QStringList sheetNames(const QJsonObject &dump)
{
    QStringList names;
    for (const QJsonValue &sheet : dump.value(u"sheets"_s).toArray())
        names << sheet.toObject().value(u"name"_s).toString();
    return names;
}

QJsonObject sheet(const QJsonObject &dump, int index)
{
    return dump.value(u"sheets"_s).toArray().at(index).toObject();
}

} // namespace

class TestHistoryWorkbook : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void everyCellAsAReaderSeesIt();
    void messagesContinueOnASecondSheet();
    void translatedWords();
    void unwritablePathSaysSo();
    void cellTextCutsBetweenCharacters();

private:
    QTemporaryDir m_dir;
};

void TestHistoryWorkbook::everyCellAsAReaderSeesIt()
{
    const QString path = m_dir.filePath(u"history.xlsx"_s);
    HistoryWorkbook book;
    QVERIFY2(book.open(path), qPrintable(book.errorString()));
    QVERIFY2(book.addDialog(russianDialog(), russianLines(), &wording, kMoscow), qPrintable(book.errorString()));
    const QList<Message> offlineLines{
        line(7, 104, Author::Visitor, u"Anna"_s, u"Please call me back\r\nafter 6 pm"_s, u"14.02.2015 09:00:00"_s)};
    QVERIFY2(book.addDialog(offlineDialog(), offlineLines, &wording, kMoscow), qPrintable(book.errorString()));
    QVERIFY2(book.finish(), qPrintable(book.errorString()));
    QCOMPARE(book.messageRows(), 7);

    QString error;
    const QJsonObject dump = test::dumpXlsx(path, &error);
    QVERIFY2(!dump.isEmpty(), qPrintable(error));
    QCOMPARE(sheetNames(dump), (QStringList{u"Dialogs"_s, u"Messages"_s}));

    const QJsonObject dialogs = sheet(dump, 0);
    QCOMPARE(dialogs.value(u"frozen"_s).toString(), u"A2"_s); // the header row stays in view
    QVERIFY(dialogs.value(u"headerBold"_s).toBool());
    QVERIFY(dialogs.value(u"widths"_s).toObject().value(u"J"_s).toDouble() > 20); // Contact is wide
    compareRow(dialogs, 0,
               {cell(u"str"_s, u"Number"_s), cell(u"str"_s, u"Start"_s), cell(u"str"_s, u"End"_s),
                cell(u"str"_s, u"Visitor"_s), cell(u"str"_s, u"Operator"_s), cell(u"str"_s, u"Department"_s),
                cell(u"str"_s, u"Category"_s), cell(u"str"_s, u"Rating"_s), cell(u"str"_s, u"Messages"_s),
                cell(u"str"_s, u"Contact"_s), cell(u"str"_s, u"Offline request"_s)});
    compareRow(dialogs, 1,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:04:34"_s),
                cell(u"datetime"_s, u"2015-02-13T20:43:45"_s), cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"Ира"_s),
                cell(u"str"_s, u"Продажи"_s), cell(u"str"_s, u"Доставка"_s), cell(u"int"_s, 5), cell(u"int"_s, 4),
                cell(u"str"_s, u"Фёкла · foekla@mail.de · +44 33 221100"_s)});
    // Open (no end), unassigned, unrated: empty cells; the offline form's name (not the server's
    // "Visitor 9") and contact, and "Yes".
    compareRow(dialogs, 2,
               {cell(u"int"_s, 104), cell(u"datetime"_s, u"2015-02-14T09:00:00"_s), cell(u"empty"_s, {}),
                cell(u"str"_s, u"Anna"_s), cell(u"empty"_s, {}), cell(u"empty"_s, {}), cell(u"empty"_s, {}),
                cell(u"empty"_s, {}), cell(u"int"_s, 1), cell(u"str"_s, u"Anna · anna@example.com"_s),
                cell(u"str"_s, u"Yes"_s)});
    const QJsonArray start = test::dumpedRow(dialogs, 1).at(1).toArray();
    QCOMPARE(start.at(2).toString(), u"dd.mm.yyyy hh:mm:ss"_s);
    QCOMPARE(dialogs.value(u"rows"_s).toArray().size(), 3);

    const QJsonObject messages = sheet(dump, 1);
    QCOMPARE(messages.value(u"frozen"_s).toString(), u"A2"_s);
    QVERIFY(messages.value(u"headerBold"_s).toBool());
    compareRow(messages, 0,
               {cell(u"str"_s, u"Dialog"_s), cell(u"str"_s, u"Time"_s), cell(u"str"_s, u"Author"_s),
                cell(u"str"_s, u"Name"_s), cell(u"str"_s, u"Text"_s)});
    compareRow(messages, 1,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:06:14"_s), cell(u"str"_s, u"System"_s),
                cell(u"empty"_s, {}), cell(u"str"_s, u"Оператор Ира включился в разговор"_s)});
    compareRow(messages, 2,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:06:17"_s), cell(u"str"_s, u"Operator"_s),
                cell(u"str"_s, u"Ира"_s), cell(u"str"_s, u"Здравствуйте! Чем помочь?"_s)});
    // A visitor's "=1+1" is text, never a formula; a line without a name gets the visitor's.
    compareRow(messages, 3,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:08:18"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"=1+1"_s)});
    compareRow(messages, 4,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:08:30"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, QString(QString(32766, u'ж') + u'…'))});
    compareRow(messages, 5,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:09:00"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"[file: счёт.pdf, 2.0 KB]"_s)});
    compareRow(messages, 6,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:43:45"_s), cell(u"str"_s, u"System"_s),
                cell(u"empty"_s, {}), cell(u"str"_s, u"The operator closed the dialog"_s)});
    compareRow(messages, 7,
               {cell(u"int"_s, 104), cell(u"datetime"_s, u"2015-02-14T09:00:00"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Anna"_s), cell(u"str"_s, u"Please call me back\nafter 6 pm"_s)});
    QCOMPARE(messages.value(u"rows"_s).toArray().size(), 8);
}

// Past the row limit (Excel's 1,048,575; 3 here) the lines go on in "Messages (2)", with its own
// header; the dialog rows are unaffected.
void TestHistoryWorkbook::messagesContinueOnASecondSheet()
{
    const QString path = m_dir.filePath(u"continued.xlsx"_s);
    HistoryWorkbook book;
    book.setMessageRowsPerSheet(3);
    QVERIFY(book.open(path));
    QList<Message> lines;
    for (int i = 1; i <= 5; ++i)
        lines << line(i, 103, Author::Visitor, u"Фёкла"_s, u"line %1"_s.arg(i), u"13.02.2015 20:0%1:00"_s.arg(i));
    QVERIFY(book.addDialog(russianDialog(), lines, &wording, kMoscow));
    QVERIFY2(book.finish(), qPrintable(book.errorString()));

    QString error;
    const QJsonObject dump = test::dumpXlsx(path, &error);
    QVERIFY2(!dump.isEmpty(), qPrintable(error));
    QCOMPARE(sheetNames(dump), (QStringList{u"Dialogs"_s, u"Messages"_s, u"Messages (2)"_s}));
    QCOMPARE(sheet(dump, 1).value(u"rows"_s).toArray().size(), 4);
    const QJsonObject second = sheet(dump, 2);
    QCOMPARE(second.value(u"frozen"_s).toString(), u"A2"_s);
    QCOMPARE(typeAndValue(test::dumpedRow(second, 0).at(0)), cell(u"str"_s, u"Dialog"_s));
    compareRow(second, 1,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:04:00"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"line 4"_s)});
    compareRow(second, 2,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:05:00"_s), cell(u"str"_s, u"Visitor"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"line 5"_s)});
    QCOMPARE(second.value(u"rows"_s).toArray().size(), 3);
}

// The app passes its own words; sheet names keep only what Excel accepts in them.
void TestHistoryWorkbook::translatedWords()
{
    HistoryWorkbook::Labels labels;
    labels.dialogsSheet = u"Диалоги"_s;
    labels.messagesSheet = u"Сообщения: все [строки]"_s; // ':' '[' ']' are refused in sheet names
    labels.continuedSheet = u"%1 — %2"_s;
    labels.messageColumns = {u"Диалог"_s, u"Время"_s, u"Автор"_s, u"Имя"_s, u"Текст"_s};
    labels.visitorAuthor = u"Посетитель"_s;
    labels.fileText = u"[файл: %1, %2]"_s;

    const QString path = m_dir.filePath(u"russian.xlsx"_s);
    HistoryWorkbook book;
    book.setMessageRowsPerSheet(1);
    QVERIFY(book.open(path, labels));
    Message file = line(1, 103, Author::Visitor, {}, {}, u"13.02.2015 20:09:00"_s);
    file.file = {u"/v1/files/abc"_s, u"счёт.pdf"_s, 100, u"application/pdf"_s, false, false};
    QVERIFY(book.addDialog(russianDialog(), {file, line(2, 103, Author::Visitor, {}, u"ещё"_s, u"13.02.2015 20:10:00"_s)},
                           &wording, kMoscow));
    QVERIFY2(book.finish(), qPrintable(book.errorString()));

    QString error;
    const QJsonObject dump = test::dumpXlsx(path, &error);
    QVERIFY2(!dump.isEmpty(), qPrintable(error));
    QCOMPARE(sheetNames(dump),
             (QStringList{u"Диалоги"_s, u"Сообщения  все  строки"_s, u"Сообщения  все  строки — 2"_s}));
    compareRow(sheet(dump, 1), 0,
               {cell(u"str"_s, u"Диалог"_s), cell(u"str"_s, u"Время"_s), cell(u"str"_s, u"Автор"_s),
                cell(u"str"_s, u"Имя"_s), cell(u"str"_s, u"Текст"_s)});
    compareRow(sheet(dump, 1), 1,
               {cell(u"int"_s, 103), cell(u"datetime"_s, u"2015-02-13T20:09:00"_s), cell(u"str"_s, u"Посетитель"_s),
                cell(u"str"_s, u"Фёкла"_s), cell(u"str"_s, u"[файл: счёт.pdf, 100 bytes]"_s)});
}

// A path whose folder is a regular file: finish() fails with a sentence, and no file appears.
void TestHistoryWorkbook::unwritablePathSaysSo()
{
    const QString blocker = m_dir.filePath(u"not-a-folder"_s);
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QString path = blocker + u"/history.xlsx"_s;

    HistoryWorkbook book;
    QVERIFY(book.open(path));
    QVERIFY(book.addDialog(russianDialog(), russianLines(), &wording, kMoscow));
    QVERIFY(!book.finish());
    QVERIFY2(book.errorString().startsWith(u"The workbook could not be written: "_s), qPrintable(book.errorString()));
    QVERIFY2(book.errorString().endsWith(u'.'), qPrintable(book.errorString()));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QFileInfo(blocker).size(), 0); // the file in the way is untouched

    // The app's operator reads it in their language: the sentence goes through the translator.
    struct RussianSentence : QTranslator
    {
        bool isEmpty() const override { return false; }
        QString translate(const char *context, const char *source, const char *, int) const override
        {
            if (qstrcmp(context, "HistoryWorkbook") == 0
                && qstrcmp(source, "The workbook could not be written: %1") == 0)
                return u"Не удалось записать книгу: %1"_s;
            return {};
        }
    } russian;
    QCoreApplication::installTranslator(&russian);
    HistoryWorkbook translated;
    const bool opened = translated.open(path);
    const bool written = opened && translated.addDialog(russianDialog(), russianLines(), &wording, kMoscow)
                         && translated.finish();
    QCoreApplication::removeTranslator(&russian);
    QVERIFY(opened && !written);
    QVERIFY2(translated.errorString().startsWith(u"Не удалось записать книгу: "_s),
             qPrintable(translated.errorString()));
}

void TestHistoryWorkbook::cellTextCutsBetweenCharacters()
{
    QCOMPARE(HistoryWorkbook::cellText(u"a\r\nb"_s), u"a\nb"_s);
    const QString exact(HistoryWorkbook::kMaxCellText, u'x');
    QCOMPARE(HistoryWorkbook::cellText(exact), exact);
    // An emoji (two UTF-16 units) straddling the cut is dropped whole, never halved.
    const QString emojis = QString(HistoryWorkbook::kMaxCellText - 2, u'x') + u"😀😀"_s;
    const QString cut = HistoryWorkbook::cellText(emojis);
    QCOMPARE(cut, QString(HistoryWorkbook::kMaxCellText - 2, u'x') + u'…');
    QVERIFY(cut.size() <= HistoryWorkbook::kMaxCellText);
}

QTEST_GUILESS_MAIN(TestHistoryWorkbook)
#include "tst_history_workbook.moc"
