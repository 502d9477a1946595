// SPDX-License-Identifier: GPL-3.0-or-later
// The history window's exports against the real server (issue 7): the selection as text in the
// transcript layout and to Excel (read back by openpyxl), the file dialog remembering its folder and
// the selection taken before it; a place that cannot be written; dialogs found on the server only,
// fetched then written, cancelled, or failing without the server; closing during an export asks;
// Export all found gathers every page, from the cache and from the server, up to its limit.
#include "HistoryArchive.h"
#include "HistoryExporter.h"
#include "HistoryFilterBar.h"
#include "HistoryFoundCollector.h"
#include "HistoryListModel.h"
#include "HistoryResultDelegate.h"
#include "HistoryTestKit.h"
#include "HistoryTextExport.h"
#include "HistoryTranscriptView.h"
#include "HistoryVisitorCard.h"
#include "HistoryWindow.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "ShortcutsDialog.h"
#include "SystemLineText.h"
#include "TranscriptText.h"
#include "XlsxDump.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>

using namespace concierge;
using namespace historytest;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

class TestHistoryExport : public SeededHistory
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsTextInTheTranscriptLayout();
    void exportsExcelWithARowPerDialog();
    void unwritablePlaceSaysSoAndWritesNothing();
    void serverOnlyDialogsLoadOnDemand();
    void closingDuringAnExportAsks();
    void exportOfServerDialogsFailsWithoutTheServer();
    void exportAllFoundGathersEveryPage();
    void exportAllFoundFromTheServerAndCapped();
};

void TestHistoryExport::initTestCase()
{
    startSeeded();
    if (QTest::currentTestFailed())
        return;
    m_window = m_me.window()->openHistoryWindow();
    QVERIFY(m_window);
    m_window->exporter()->setUseNativeFileDialog(false);
    m_window->resize(1180, 760);
    // The tests start from the two "заказ" dialogs.
    m_window->searchEdit()->setText(u"заказ"_s);
    QVERIFY(waitRows(m_window, 2));
}

void TestHistoryExport::exportsTextInTheTranscriptLayout()
{
    // Ctrl+A: every dialog found ("заказ": the two), newest first.
    QTreeView *table = m_window->tableView();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(m_window->selectedDialogIds(), (QList<qint64>{m_ids.at(1), m_ids.at(0)}));
    QVERIFY(m_window->exportTextButton()->isEnabled());

    const QString target = m_dir.filePath(u"history.txt"_s);
    QString folder;
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    bool progressShown = false;
    const QMetaObject::Connection watch =
        connect(m_window->exporter(), &ui::HistoryExporter::progress, this, [&](int done, int total) {
            QProgressDialog *dialog = m_window->exporter()->progressDialog();
            if (progressShown || !dialog || done == 0 || total != 2)
                return;
            progressShown = dialog->isVisible() && dialog->maximum() == 2;
            guitest::saveScreenshot(dialog, u"history-export-progress"_s);
        });
    answerFileDialog(target, &folder);
    m_window->exportTextButton()->click();
    const bool done = waitExport(finished);
    disconnect(watch);
    QVERIFY(done);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QVERIFY(progressShown);
    QVERIFY(!m_window->exporter()->progressDialog());
    QCOMPARE(m_window->notice()->kind(), ui::NoticeBar::Kind::Info);
    QVERIFY(m_window->notice()->text().contains(QDir::toNativeSeparators(target)));

    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList written = QString::fromUtf8(file.readAll()).split(u'\n');
    // The first dialog exactly as a transcript of it reads (the manual's layout).
    HistoryArchive *archive = m_me.session()->history();
    const protocol::HistoryDialog first = *archive->dialog(m_ids.at(1));
    const QStringList transcript =
        TranscriptText::format(first.dialog, HistoryTextExport::visitorName(first),
                               archive->messages(m_ids.at(1)), &ui::SystemLineText::describe)
            .split(u'\n');
    QVERIFY(transcript.size() > 5);
    QCOMPARE(written.mid(0, transcript.size() - 1), transcript.mid(0, transcript.size() - 1));
    QVERIFY(QRegularExpression(u"^#%1 \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s.arg(m_ids.at(1)))
                .match(written.at(0))
                .hasMatch());
    QVERIFY(written.at(2).startsWith(u"-----"_s));
    QVERIFY(written.filter(u"Доставка заказа в Москву"_s).size() == 1);
    // Then the second dialog, after a blank line.
    const qsizetype second =
        written.indexOf(QRegularExpression(u"#%1 .*"_s.arg(m_ids.at(0)))); // a whole line
    QVERIFY2(second > 0, qPrintable(written.join(u'\n')));
    QCOMPARE(written.at(second - 1), QString());
    QVERIFY(written.filter(u"Статус заказа 15?"_s).size() == 1);
}

void TestHistoryExport::exportsExcelWithARowPerDialog()
{
    QCOMPARE(m_window->selectedDialogIds().size(), 2);
    const QString target = m_dir.filePath(u"history.xlsx"_s);
    QString folder;
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    // The selection changes while the file dialog is open: what was chosen before it still goes.
    answerFileDialog(target, &folder, [this] { m_window->tableView()->clearSelection(); });
    m_window->exportExcelButton()->click();
    QVERIFY(waitExport(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    // The dialog opened where the last export went.
    QCOMPARE(QDir(folder).absolutePath(), QDir(m_dir.path()).absolutePath());

    QString error;
    const QJsonObject workbook = test::dumpXlsx(target, &error);
    QVERIFY2(!workbook.isEmpty(), qPrintable(error));
    const QJsonArray sheets = workbook.value(u"sheets"_s).toArray();
    QVERIFY(sheets.size() >= 2);
    const QJsonObject dialogs = sheets.at(0).toObject();
    // A header row, then one row per exported dialog, newest first, numbers as numbers.
    QCOMPARE(dialogs.value(u"rows"_s).toArray().size(), 3);
    QCOMPARE(test::dumpedRow(dialogs, 1).at(0).toArray().at(0).toString(), u"int"_s);
    QCOMPARE(test::dumpedRow(dialogs, 1).at(0).toArray().at(1).toInteger(), m_ids.at(1));
    QCOMPARE(test::dumpedRow(dialogs, 2).at(0).toArray().at(1).toInteger(), m_ids.at(0));
    // Every line of both dialogs on the second sheet.
    HistoryArchive *archive = m_me.session()->history();
    const int lines = int(archive->messages(m_ids.at(0)).size() + archive->messages(m_ids.at(1)).size());
    QCOMPARE(sheets.at(1).toObject().value(u"rows"_s).toArray().size(), 1 + lines);
    m_window->tableView()->selectAll(); // as the next tests expect it
}

void TestHistoryExport::unwritablePlaceSaysSoAndWritesNothing()
{
    // A folder that cannot exist: its parent is a regular file (root may write anywhere else).
    const QString blocker = m_dir.filePath(u"not-a-folder"_s);
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("keep me\n");
    }
    const QString target = blocker + u"/history.txt"_s;
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    QVERIFY(m_window->exportSelectionTo(HistoryExportJob::Format::Text, target));
    QVERIFY(waitExport(finished));
    QVERIFY(!finished.at(0).at(0).toBool());
    const QString sentence = finished.at(0).at(2).toString();
    QVERIFY(!sentence.isEmpty());
    QTRY_VERIFY(m_window->notice()->isVisible());
    QCOMPARE(m_window->notice()->kind(), ui::NoticeBar::Kind::Error);
    QCOMPARE(m_window->notice()->text(), sentence);
    QVERIFY(!QFileInfo::exists(target));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("keep me\n"));
    // Nothing else is left in the folder either (no half-written temporary file).
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 3); // .txt, .xlsx, the blocker
    // The buttons work again for the next try.
    QVERIFY(m_window->exportTextButton()->isEnabled());
    QVERIFY(guitest::saveScreenshot(m_window, u"history-export-error"_s));
    // Dismissed once read.
    m_window->notice()->button()->click();
    QVERIFY(!m_window->notice()->isVisible());
}

void TestHistoryExport::serverOnlyDialogsLoadOnDemand()
{
    // Anna on another computer, the backfill off: her history is on the server only.
    guitest::Operator anna;
    anna.session()->history()->setBackfillEnabled(false);
    QVERIFY(anna.login(m_server, kAnnaEmail, testkit::operatorPassword(), OperatorStatus::Online));
    ui::HistoryWindow window(anna.session());
    window.exporter()->setUseNativeFileDialog(false);
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Her four dialogs, found by the server, and the status line says where they came from.
    QTRY_VERIFY_WITH_TIMEOUT(!window.model()->searching() && window.model()->rowCount() == 4, kWaitMs);
    for (int row = 0; row < 4; ++row)
        QVERIFY(window.model()->index(row, 0).data(HistoryListModel::FromServerRole).toBool());
    // The status line says where they came from, in so many words.
    const char *const model = "concierge::HistoryListModel";
    QCOMPARE(window.statusLabel()->text(),
             QCoreApplication::translate(
                 model, "%1. The history is not on this computer yet — %n found on the server.", "", 4)
                 .arg(QCoreApplication::translate(model, "%n dialog(s)", "", 4)));

    // A row whose lines are not here yet: "Loading…", then the transcript.
    QTreeView *table = window.tableView();
    const qint64 first = window.model()->dialogId(0);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(window.model()->index(0, HistoryListModel::Visitor)).center());
    QCOMPARE(window.transcriptView()->dialogId(), 0);
    QCOMPARE(window.transcriptView()->messageLabel()->text(),
             QCoreApplication::translate("concierge::ui::HistoryWindow", "Loading…"));
    QVERIFY(guitest::saveScreenshot(&window, u"history-loading"_s));
    QTRY_COMPARE_WITH_TIMEOUT(window.transcriptView()->dialogId(), first, kWaitMs);
    QVERIFY(window.transcriptView()->lineTexts().filter(u"Anna Petrova: "_s).size() == 1);

    // Exporting dialogs still on the server first fetches them; Cancel meanwhile writes nothing.
    table->selectionModel()->select(window.model()->index(3, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString target = m_dir.filePath(u"cancelled.txt"_s);
    QSignalSpy finished(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportSelectionTo(HistoryExportJob::Format::Text, target));
    QVERIFY(!window.exportTextButton()->isEnabled()); // one export at a time
    QProgressDialog *progress = window.exporter()->progressDialog();
    QVERIFY(progress && progress->isVisible());
    QVERIFY(
        anna.session()->history()->messages(window.selectedDialogIds().value(0)).isEmpty()); // not here yet
    QPushButton *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(waitExport(finished));
    QVERIFY(!finished.at(0).at(0).toBool());
    QCOMPARE(window.notice()->text(), finished.at(0).at(2).toString());
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(window.exportTextButton()->isEnabled());

    // Dialogs on the server only are fetched, then written: row 1's lines are not here yet.
    HistoryArchive *archive = anna.session()->history();
    const qint64 second = window.model()->dialogId(1);
    QVERIFY(archive->messages(second).isEmpty());
    table->selectionModel()->select(window.model()->index(0, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    table->selectionModel()->select(window.model()->index(1, 0),
                                    QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QString written = m_dir.filePath(u"from-the-server.txt"_s);
    QSignalSpy exported(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportSelectionTo(HistoryExportJob::Format::Text, written));
    QVERIFY(waitExport(exported));
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(2).toString()));
    QVERIFY(!archive->messages(second).isEmpty());
    QList<protocol::HistoryDialog> dialogs;
    QList<QList<protocol::Message>> lines;
    for (qint64 id : {first, second}) {
        dialogs << *archive->dialog(id);
        lines << archive->messages(id);
    }
    QFile file(written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             HistoryTextExport::format(dialogs, lines, &ui::SystemLineText::describe,
                                       QTimeZone::systemTimeZone()));
    window.notice()->clearNotice();
}

// Closing the window while an export runs asks first; "Keep exporting" keeps the window and the
// export, which then ends as usual.
void TestHistoryExport::closingDuringAnExportAsks()
{
    guitest::Operator anna;
    anna.session()->history()->setBackfillEnabled(false);
    QVERIFY(anna.login(m_server, kAnnaEmail, testkit::operatorPassword(), OperatorStatus::Online));
    ui::HistoryWindow window(anna.session());
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitRows(&window, 4));
    window.tableView()->selectionModel()->select(
        window.model()->index(2, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString target = m_dir.filePath(u"kept.txt"_s);
    QSignalSpy finished(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportSelectionTo(HistoryExportJob::Format::Text, target));
    QVERIFY(window.exporter()->isRunning());
    answerCloseQuestion(&window, false);
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QVERIFY(!window.closeQuestion());
    QVERIFY(waitExport(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QVERIFY(QFileInfo::exists(target));
    // Nothing running: it closes without a question.
    QVERIFY(window.close());
}

// Anna on a third computer, the backfill off: closing the window during an export asks; "Cancel
// the export" closes it and writes nothing. Then without the server, an export of dialogs that are
// on the server only says why nothing was written.
void TestHistoryExport::exportOfServerDialogsFailsWithoutTheServer()
{
    guitest::Operator anna;
    anna.session()->history()->setBackfillEnabled(false);
    QVERIFY(anna.login(m_server, kAnnaEmail, testkit::operatorPassword(), OperatorStatus::Online));
    ui::HistoryWindow window(anna.session());
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitRows(&window, 4));
    HistoryArchive *archive = anna.session()->history();
    QTreeView *table = window.tableView();

    table->selectionModel()->select(window.model()->index(1, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    const QString cancelled = m_dir.filePath(u"closed-while-exporting.txt"_s);
    QSignalSpy finished(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportSelectionTo(HistoryExportJob::Format::Text, cancelled));
    answerCloseQuestion(&window, true);
    window.close();
    QVERIFY(!window.isVisible());
    QVERIFY(waitExport(finished));
    QVERIFY(!finished.at(0).at(0).toBool());
    QCOMPARE(finished.at(0).at(2).toString(),
             QCoreApplication::translate("concierge::ui::HistoryExporter", "The export was cancelled."));
    QVERIFY(!QFileInfo::exists(cancelled));

    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const qint64 untouched = window.model()->dialogId(2);
    QVERIFY(archive->messages(untouched).isEmpty());
    anna.session()->logout();
    table->selectionModel()->select(window.model()->index(2, 0),
                                    QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(window.selectedDialogIds(), QList<qint64>{untouched});
    const QString target = m_dir.filePath(u"without-the-server.txt"_s);
    QSignalSpy failed(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportSelectionTo(HistoryExportJob::Format::Text, target));
    QVERIFY(waitExport(failed));
    QVERIFY(!failed.at(0).at(0).toBool());
    const QString sentence =
        QCoreApplication::translate(
            "concierge::ui::HistoryExporter",
            "The dialogs could not be loaded from the server, so nothing was exported: %1")
            .arg(QCoreApplication::translate("concierge::HistoryArchive", "Not connected to the server."));
    QCOMPARE(failed.at(0).at(2).toString(), sentence);
    QCOMPARE(window.notice()->kind(), ui::NoticeBar::Kind::Error);
    QCOMPARE(window.notice()->text(), sentence);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(window.exportTextButton()->isEnabled()); // the next try may go
    QVERIFY(guitest::saveScreenshot(&window, u"history-export-offline"_s));
}

// More than a page (100 rows) found in the cache: Export all found gathers every one.
void TestHistoryExport::exportAllFoundGathersEveryPage()
{
    constexpr int kMany = 130;
    QVERIFY(seedMany(kMany));
    HistoryArchive *archive = m_me.session()->history();
    // Closed while the admin is logged in: their cache takes them in as they happen.
    QLineEdit *search = m_window->searchEdit();
    search->clear();
    QTRY_VERIFY_WITH_TIMEOUT(archive->progress().cachedDialogs >= int(kSeeds.size()) + kMany, kWaitMs);
    // Asked for at once, before the first page (100 rows) is in: every page is gathered.
    search->setText(u"посылка"_s);
    QVERIFY(m_window->model()->rowCount() < 100);
    const QString target = m_dir.filePath(u"all-found.txt"_s);
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    QVERIFY(m_window->exportAllFound(HistoryExportJob::Format::Text, target));
    QVERIFY(!m_window->exportAllButton()->isEnabled()); // one at a time
    QVERIFY(waitExport(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(m_window->model()->rowCount(), kMany); // the rows gathered stay listed
    const QList<qint64> ids = exportedIds(target);
    QCOMPARE(ids.size(), kMany);
    QCOMPARE(QSet<qint64>(ids.cbegin(), ids.cend()).size(), kMany);
    QCOMPARE(ids.first(), m_window->model()->dialogId(0)); // newest first
    QCOMPARE(m_window->notice()->text(),
             QCoreApplication::translate("concierge::ui::HistoryExporter", "Exported %n dialog(s) to %1",
                                         nullptr, kMany)
                 .arg(QDir::toNativeSeparators(target)));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-export-all"_s));
    m_window->notice()->clearNotice();
}

// Boris on another computer, the backfill off: Export all found pages through the server's
// answers (50 at a time) and stops at the limit, saying so.
void TestHistoryExport::exportAllFoundFromTheServerAndCapped()
{
    guitest::Operator boris;
    boris.session()->history()->setBackfillEnabled(false);
    QVERIFY(boris.login(m_server, kBorisEmail, testkit::operatorPassword(), OperatorStatus::Online));
    ui::HistoryWindow window(boris.session());
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Asked for at once, before the server's first page (50 rows) is in.
    window.searchEdit()->setText(u"посылка"_s);
    constexpr int kLimit = 120; // three pages of the server's answers
    window.foundCollector()->setLimit(kLimit);
    const QString target = m_dir.filePath(u"all-found-server.txt"_s);
    QSignalSpy finished(window.exporter(), &ui::HistoryExporter::finished);
    QVERIFY(window.exportAllFound(HistoryExportJob::Format::Text, target));
    QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 4 * kWaitMs));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QVERIFY(window.model()->index(0, 0).data(HistoryListModel::FromServerRole).toBool());
    const QList<qint64> ids = exportedIds(target);
    QCOMPARE(ids.size(), kLimit);
    for (int row = 0; row < kLimit; ++row)
        QCOMPARE(ids.at(row), window.model()->dialogId(row));
    const QString capped =
        windowText("More dialogs were found: only the newest %L1 go in one export; narrow the "
                   "search (dates, filters) for the rest.")
            .arg(kLimit);
    QVERIFY2(window.notice()->text().endsWith(capped), qPrintable(window.notice()->text()));
    QVERIFY(window.notice()->text().startsWith(QCoreApplication::translate("concierge::ui::HistoryExporter",
                                                                           "Exported %n dialog(s) to %1",
                                                                           nullptr, kLimit)
                                                   .arg(QDir::toNativeSeparators(target))));
}

QTEST_MAIN(TestHistoryExport)
#include "tst_history_export.moc"
