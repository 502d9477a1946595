// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryExportJob over a real cache file (LocalStore filled through storeHistory, as the backfill
// fills it): the text and the workbook it writes are what the writers make of the cached dialogs,
// in the order asked; progress counts every dialog; a cancel stops within one dialog and leaves
// nothing; a folder that cannot be written says so in a sentence and leaves nothing; a file already
// at the target is kept when the export fails and replaced whole when it succeeds.
#include "HistoryExportJob.h"
#include "HistoryTextExport.h"
#include "HistoryWorkbook.h"
#include "LocalStore.h"
#include "XlsxDump.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Author;
using protocol::HistoryDialog;
using protocol::Message;

namespace {

const QTimeZone kMoscow = QTimeZone(3 * 3600);
constexpr int kDialogs = 12;
const QString kStopEvent = u"test.stop"_s; // a system line whose wording cancels the job

HistoryDialog dialogNumber(qint64 id)
{
    HistoryDialog dialog;
    dialog.dialog.id = id;
    dialog.dialog.visitorId = 100 + id;
    dialog.dialog.operatorId = 2;
    dialog.dialog.state = protocol::DialogState::Closed;
    dialog.dialog.createdAt = QDateTime(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::utc()).addSecs(id * 3600);
    dialog.dialog.closedAt = dialog.dialog.createdAt.addSecs(600);
    dialog.dialog.rating.score = int(id % 5) + 1;
    dialog.visitor.id = 100 + id;
    dialog.visitor.name = id % 2 ? u"Фёкла %1"_s.arg(id) : u"Visitor %1"_s.arg(100 + id);
    dialog.operatorName = u"Ира"_s;
    dialog.departmentName = u"Sales"_s;
    dialog.messageCount = 2;
    return dialog;
}

QList<Message> linesOf(qint64 dialogId)
{
    QList<Message> lines;
    const QDateTime start = dialogNumber(dialogId).dialog.createdAt;
    const auto add = [&](Author author, const QString &name, const QString &text, const QString &event = {}) {
        Message message;
        message.id = dialogId * 10 + lines.size() + 1;
        message.cid = u"cid-%1"_s.arg(message.id);
        message.dialogId = dialogId;
        message.author = author;
        message.authorName = name;
        message.text = text;
        message.event = event;
        message.at = start.addSecs(lines.size() * 30);
        lines << message;
    };
    add(Author::Visitor, {}, u"Где мой заказ %1? =1+1"_s.arg(dialogId));
    add(Author::Operator, u"Ира"_s, u"Уже в пути."_s);
    add(Author::System, {}, u"stored text"_s, dialogId == 5 ? kStopEvent : u"dialog.closed"_s);
    return lines;
}

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : u"(cannot read %1)"_s.arg(path);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

QString fileName(HistoryExportJob::Format format)
{
    return format == HistoryExportJob::Format::Text ? u"history.txt"_s : u"history.xlsx"_s;
}

/// Files in \a dir other than the cache: what an export left behind.
QStringList leftovers(const QDir &dir)
{
    QStringList names = dir.entryList(QDir::Files | QDir::Hidden);
    names.removeIf([](const QString &name) { return name.startsWith(u"cache.sqlite"_s); });
    return names;
}

} // namespace

class TestHistoryExportJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void textIsTheWritersText();
    void workbookIsTheWritersWorkbook();
    void cancelStopsWithinOneDialogAndLeavesNothing_data();
    void cancelStopsWithinOneDialogAndLeavesNothing();
    void unwritableFolderSaysSoAndLeavesNothing_data();
    void unwritableFolderSaysSoAndLeavesNothing();
    void existingFileKeptOnFailureReplacedOnSuccess_data();
    void existingFileKeptOnFailureReplacedOnSuccess();

private:
    /// Runs \a job to its end; the arguments of finished().
    QList<QVariant> run(HistoryExportJob &job, const QList<qint64> &ids, HistoryExportJob::Format format,
                        const QString &path, QList<QPair<int, int>> *progress = nullptr);
    SystemLineWording wordingFor(HistoryExportJob *job) const;

    QTemporaryDir m_home;
    QString m_cache;
    QDir m_out;
};

void TestHistoryExportJob::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_cache = m_home.filePath(u"cache.sqlite"_s);
    LocalStore store;
    QVERIFY2(store.open(m_cache), qPrintable(store.errorString()));
    QList<HistoryDialog> dialogs;
    QList<Message> lines;
    for (qint64 id = 1; id <= kDialogs; ++id) {
        dialogs << dialogNumber(id);
        lines << linesOf(id);
    }
    QVERIFY2(store.storeHistory(dialogs, lines), qPrintable(store.errorString()));
    QCOMPARE(store.historyMessages(3).size(), 3);
}

void TestHistoryExportJob::init()
{
    // A fresh output folder per test function, so leftovers are this test's.
    const QString name = u"out-"_s + QString::fromLatin1(QTest::currentTestFunction()) + u'-' +
        QString::fromLatin1(QTest::currentDataTag());
    QDir(m_home.path()).mkpath(name);
    m_out = QDir(m_home.filePath(name));
}

SystemLineWording TestHistoryExportJob::wordingFor(HistoryExportJob *job) const
{
    // Runs on the worker thread, as the app's wording does; the stop line asks for a cancel from
    // there, so the test knows exactly where the export was.
    return [job](const QString &event, const QJsonObject &) {
        if (event == kStopEvent) {
            job->cancel();
            return u"stopped here"_s;
        }
        return event == u"dialog.closed"_s ? u"The dialog was closed"_s : QString();
    };
}

QList<QVariant> TestHistoryExportJob::run(HistoryExportJob &job, const QList<qint64> &ids,
                                         HistoryExportJob::Format format, const QString &path,
                                         QList<QPair<int, int>> *progress)
{
    QSignalSpy finished(&job, &HistoryExportJob::finished);
    QSignalSpy progressSpy(&job, &HistoryExportJob::progress);
    job.start(ids, format, path, wordingFor(&job), kMoscow);
    if (!job.isRunning())
        return {};
    if (!finished.wait(30000) && finished.isEmpty())
        return {};
    if (job.isRunning())
        return {u"still running after finished()"_s};
    if (progress) {
        for (const QList<QVariant> &args : std::as_const(progressSpy))
            *progress << qMakePair(args.at(0).toInt(), args.at(1).toInt());
    }
    return finished.takeFirst();
}

void TestHistoryExportJob::textIsTheWritersText()
{
    HistoryExportJob job(m_cache);
    const QString path = m_out.filePath(u"history.txt"_s);
    QList<QPair<int, int>> progress;
    const QList<QVariant> result = run(job, {7, 3, 10}, HistoryExportJob::Format::Text, path, &progress);
    QCOMPARE(result.size(), 3);
    QVERIFY2(result.at(0).toBool(), qPrintable(result.at(2).toString()));
    QCOMPARE(result.at(1).toString(), path);
    QCOMPARE(progress, (QList<QPair<int, int>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));

    const QString expected = HistoryTextExport::format({dialogNumber(7), dialogNumber(3), dialogNumber(10)},
                                                       {linesOf(7), linesOf(3), linesOf(10)}, wordingFor(&job), kMoscow);
    QCOMPARE(readAll(path), expected);
    QVERIFY(expected.startsWith(u"#7 01.03.2026 19:00\n"_s)); // in the order asked, times in the zone
    QVERIFY(expected.contains(u"\n\n#3 "_s));
    QVERIFY(expected.contains(u"19:00:00 Фёкла 7: Где мой заказ 7? =1+1\n"_s));
    QCOMPARE(leftovers(m_out), QStringList{u"history.txt"_s});
}

void TestHistoryExportJob::workbookIsTheWritersWorkbook()
{
    HistoryExportJob job(m_cache);
    const QString path = m_out.filePath(u"history.xlsx"_s);
    QList<QPair<int, int>> progress;
    const QList<QVariant> result = run(job, {2, 9}, HistoryExportJob::Format::Excel, path, &progress);
    QCOMPARE(result.size(), 3);
    QVERIFY2(result.at(0).toBool(), qPrintable(result.at(2).toString()));
    QCOMPARE(progress, (QList<QPair<int, int>>{{0, 2}, {1, 2}, {2, 2}}));
    QCOMPARE(leftovers(m_out), QStringList{u"history.xlsx"_s}); // no .part left beside it

    // The same dialogs through the writer directly, as the cache gives them back.
    const QString direct = m_out.filePath(u"direct.xlsx"_s);
    {
        LocalStore store;
        QVERIFY(store.open(m_cache));
        HistoryWorkbook book;
        QVERIFY(book.open(direct));
        for (qint64 id : {2, 9})
            QVERIFY(book.addDialog(*store.historyDialog(id), store.historyMessages(id), wordingFor(&job), kMoscow));
        QVERIFY(book.finish());
    }
    QString error;
    const QJsonObject exported = test::dumpXlsx(path, &error);
    QVERIFY2(!exported.isEmpty(), qPrintable(error));
    QCOMPARE(exported, test::dumpXlsx(direct, &error));

    // And what a reader sees in it: the app's header words (English here), the dialogs in order.
    const QJsonObject dialogs = exported.value(u"sheets"_s).toArray().at(0).toObject();
    QCOMPARE(dialogs.value(u"name"_s).toString(), u"Dialogs"_s);
    QCOMPARE(test::dumpedRow(dialogs, 1).at(0).toArray().at(1).toInt(), 2);
    QCOMPARE(test::dumpedRow(dialogs, 2).at(0).toArray().at(1).toInt(), 9);
    const QJsonObject messages = exported.value(u"sheets"_s).toArray().at(1).toObject();
    QCOMPARE(messages.value(u"rows"_s).toArray().size(), 7); // header + 3 lines of each
    QCOMPARE(test::dumpedRow(messages, 1).at(4).toArray(), (QJsonArray{u"str"_s, u"Где мой заказ 2? =1+1"_s}));
    QCOMPARE(test::dumpedRow(messages, 3).at(4).toArray(), (QJsonArray{u"str"_s, u"The dialog was closed"_s}));
}

void TestHistoryExportJob::cancelStopsWithinOneDialogAndLeavesNothing_data()
{
    QTest::addColumn<HistoryExportJob::Format>("format");
    QTest::newRow("text") << HistoryExportJob::Format::Text;
    QTest::newRow("excel") << HistoryExportJob::Format::Excel;
}

// Dialog 5's last line cancels while it is written (third of six): the job stops before the next
// dialog, says so, and neither the target nor a temporary file is there.
void TestHistoryExportJob::cancelStopsWithinOneDialogAndLeavesNothing()
{
    QFETCH(HistoryExportJob::Format, format);
    HistoryExportJob job(m_cache);
    const QString path = m_out.filePath(u"history.out"_s);
    QList<QPair<int, int>> progress;
    const QList<QVariant> result = run(job, {1, 2, 5, 6, 7, 8}, format, path, &progress);
    QCOMPARE(result.size(), 3);
    QCOMPARE(result.at(0).toBool(), false);
    QCOMPARE(result.at(2).toString(), u"The export was cancelled."_s);
    QVERIFY2(progress.size() <= 4 && progress.constLast().first <= 3, "went on past the cancelled dialog");
    QCOMPARE(leftovers(m_out), QStringList());
}

void TestHistoryExportJob::unwritableFolderSaysSoAndLeavesNothing_data()
{
    cancelStopsWithinOneDialogAndLeavesNothing_data();
}

// Run as root, a folder's permissions stop nothing; a "folder" that is a regular file stops
// everyone. The sentence names the folder and the system's reason; nothing is written anywhere.
void TestHistoryExportJob::unwritableFolderSaysSoAndLeavesNothing()
{
    QFETCH(HistoryExportJob::Format, format);
    const QString blocker = m_out.filePath(u"reports"_s);
    writeFile(blocker, "a file, not a folder");
    HistoryExportJob job(m_cache);
    const QList<QVariant> result = run(job, {1, 2}, format, blocker + u"/history.out"_s);
    QCOMPARE(result.size(), 3);
    QCOMPARE(result.at(0).toBool(), false);
    const QString error = result.at(2).toString();
    qInfo("the operator reads: %s", qPrintable(error));
    QVERIFY2(error.startsWith(u"Cannot write to “%1”: "_s.arg(QDir::toNativeSeparators(blocker))), qPrintable(error));
    QVERIFY2(error.endsWith(u'.') && error.size() > blocker.size() + 22, qPrintable(error));
    QCOMPARE(readAll(blocker), u"a file, not a folder"_s);
    QCOMPARE(leftovers(m_out), QStringList{u"reports"_s});
}

void TestHistoryExportJob::existingFileKeptOnFailureReplacedOnSuccess_data()
{
    cancelStopsWithinOneDialogAndLeavesNothing_data();
}

void TestHistoryExportJob::existingFileKeptOnFailureReplacedOnSuccess()
{
    QFETCH(HistoryExportJob::Format, format);
    const QString path = m_out.filePath(fileName(format));
    writeFile(path, "last week's export");
    HistoryExportJob job(m_cache);

    // Dialog 999 is not cached: the export fails half-way, and last week's file is still there.
    QList<QVariant> result = run(job, {1, 999, 2}, format, path);
    QCOMPARE(result.size(), 3);
    QCOMPARE(result.at(0).toBool(), false);
    QCOMPARE(result.at(2).toString(), u"Dialog #999 is not in this computer's history cache."_s);
    QCOMPARE(readAll(path), u"last week's export"_s);
    QCOMPARE(leftovers(m_out), QStringList{fileName(format)});

    // The same job again with dialogs it has: the new export takes the file's place whole.
    result = run(job, {1, 2}, format, path);
    QCOMPARE(result.size(), 3);
    QVERIFY2(result.at(0).toBool(), qPrintable(result.at(2).toString()));
    QCOMPARE(leftovers(m_out), QStringList{fileName(format)});
    if (format == HistoryExportJob::Format::Text) {
        QCOMPARE(readAll(path), HistoryTextExport::format({dialogNumber(1), dialogNumber(2)}, {linesOf(1), linesOf(2)},
                                                          wordingFor(&job), kMoscow));
    } else {
        QString error;
        const QJsonObject dump = test::dumpXlsx(path, &error);
        QVERIFY2(!dump.isEmpty(), qPrintable(error));
        QCOMPARE(dump.value(u"sheets"_s).toArray().at(0).toObject().value(u"rows"_s).toArray().size(), 3);
    }
}

QTEST_GUILESS_MAIN(TestHistoryExportJob)
#include "tst_history_export_job.moc"
