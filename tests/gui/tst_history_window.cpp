// SPDX-License-Identifier: GPL-3.0-or-later
// File → History… against the real server and the real engine (issue 7): the dialogs of
// HistoryTestKit reach the app by the backfill; the window opens with Ctrl+H and lists them; typing
// "заказ" letter by letter narrows the rows after every keystroke and marks "заказа" in the matching
// line; every filter narrows (the date range by the operator's own days), says how many are on and
// offers to clear them; a row shows its transcript at the matched line and the visitor; the empty
// states say why; an open dialog follows its new lines; logout closes the window.
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

namespace {

/// A zone whose calendar day differs from UTC's right now, for the date filter: the test's dialogs
/// are made now, and the filter must use the operator's days, not UTC's. Moscow when its day is
/// ahead (21:00–24:00 UTC), else the farthest zones east or west.
QByteArray zoneWhoseDayDiffersFromUtc()
{
    const int hour = QDateTime::currentDateTimeUtc().time().hour();
    if (hour >= 21)
        return "Europe/Moscow";              // UTC+3: already tomorrow
    return hour >= 10 ? "Pacific/Kiritimati" // UTC+14: tomorrow
                      : "Pacific/Pago_Pago"; // UTC-11: still yesterday
}

} // namespace

class TestHistoryWindow : public SeededHistory
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensWithCtrlH();
    void searchNarrowsAsYouType();
    void operatorFilterNarrows();
    void rowShowsTranscriptAndVisitor();
    void escapeClearsAndNoMatchSaysSo();
    void filtersNarrowByEveryField();
    void dateFilterUsesTheOperatorsDays();
    void emptyHistorySaysNoDialogsYet();
    void openDialogFollowsNewLines();
    void logoutAndTheMainWindowCloseIt();
};

void TestHistoryWindow::initTestCase()
{
    startSeeded();
}

void TestHistoryWindow::opensWithCtrlH()
{
    ui::MainWindow *main = m_me.window();
    main->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(main));
    QTest::keyClick(main, Qt::Key_H, Qt::ControlModifier);
    m_window = main->historyWindow();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // One window: asking again brings the same one forward.
    QCOMPARE(main->openHistoryWindow(), m_window);
    m_window->exporter()->setUseNativeFileDialog(false);
    m_window->resize(1180, 760);
    // A window of its own (not the main window's child), in the run's language.
    QVERIFY(!m_window->parentWidget());
    QCOMPARE(m_window->windowTitle(),
             guitest::language() == u"ru"_s ? u"История диалогов"_s : u"Dialog history"_s);
    QCOMPARE(m_window->filtersButton()->text(), windowText("Filters"));

    // The help lists the shortcut.
    bool listed = false;
    const QKeySequence ctrlH(Qt::CTRL | Qt::Key_H);
    for (const ui::ShortcutsDialog::Entry &entry : ui::ShortcutsDialog::collect(main))
        listed = listed || entry.keys == ctrlH.toString(QKeySequence::NativeText);
    QVERIFY(listed);

    // Before anything is typed: every dialog, newest first, nothing to export yet.
    QTRY_COMPARE_WITH_TIMEOUT(rows(), int(kSeeds.size()), kWaitMs);
    QCOMPARE(m_window->model()->dialogId(0), m_ids.last());
    QVERIFY(m_window->tableView()->isVisible());
    QVERIFY(!m_window->exportTextButton()->isEnabled());
    QVERIFY(!m_window->exportExcelButton()->isEnabled());
    QVERIFY(m_window->searchEdit()->placeholderText().size() > 10);
    QVERIFY(!m_window->backfillLabel()->text().isEmpty());
    QVERIFY(!m_window->backfillBar()->isVisible()); // the backfill is complete
}

void TestHistoryWindow::searchNarrowsAsYouType()
{
    // Ctrl+F goes to the search box from anywhere in the window.
    m_window->tableView()->setFocus();
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_window->searchEdit()->hasFocus());

    const QString word = u"заказ"_s;
    const QList<int> expected = {5, 4, 3, 2, 2};
    for (qsizetype i = 0; i < word.size(); ++i) {
        typeText(m_window->searchEdit(), word.mid(i, 1));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->model()->queryText(), word.left(i + 1), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == expected.at(i), kWaitMs);
    }
    QCOMPARE(listedIds(), (QSet<qint64>{m_ids.at(0), m_ids.at(1)}));

    // The matching line under each row, "заказа" marked in it.
    for (int row = 0; row < rows(); ++row) {
        const QModelIndex index = m_window->model()->index(row, 0);
        QVERIFY(index.data(HistoryListModel::SnippetTextRole).toString().contains(u"заказа"_s));
        QCOMPARE(ui::HistoryResultDelegate::markedWords(index), QStringList{u"заказа"_s});
    }
    // And on screen: the marker colour is there, and the rows are taller than a plain line.
    QTreeView *table = m_window->tableView();
    QTRY_VERIFY(pixelsOf(table->viewport()->grab().toImage(), ui::HistoryResultDelegate::markColor()) > 40);
    QVERIFY(table->visualRect(m_window->model()->index(0, 0)).height() > 2 * table->fontMetrics().height());
    QVERIFY(!m_window->statusLabel()->text().isEmpty());
    QVERIFY(guitest::saveScreenshot(m_window, u"history-search"_s));
}

void TestHistoryWindow::operatorFilterNarrows()
{
    QVERIFY(!m_window->filterBar()->isVisible());
    m_window->filtersButton()->click();
    QVERIFY(m_window->filterBar()->isVisible());
    QComboBox *operators = m_window->filterBar()->operatorCombo();
    QCOMPARE(operators->currentIndex(), 0); // "Any"
    const int anna = operators->findData(m_annaId);
    QVERIFY(anna > 0);
    operators->setCurrentIndex(anna);
    // Of the two "заказ" dialogs only Anna's first is left.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == 1, kWaitMs);
    QCOMPARE(m_window->model()->dialogId(0), m_ids.at(0));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-filters"_s));

    // Offline requests only: none of these were.
    m_window->filterBar()->offlineCheck()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == 0, kWaitMs);
    QTRY_VERIFY(m_window->emptyLabel()->isVisible());

    m_window->filterBar()->clearButton()->click();
    QCOMPARE(operators->currentIndex(), 0);
    QVERIFY(!m_window->filterBar()->offlineCheck()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == 2, kWaitMs);
    QVERIFY(m_window->tableView()->isVisible());
    m_window->filtersButton()->click();
    QVERIFY(!m_window->filterBar()->isVisible());
}

void TestHistoryWindow::rowShowsTranscriptAndVisitor()
{
    const int row = rowOf(m_ids.at(0));
    QVERIFY(row >= 0);
    QTreeView *table = m_window->tableView();
    const QRect cell = table->visualRect(m_window->model()->index(row, HistoryListModel::Visitor));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ui::HistoryTranscriptView *transcript = m_window->transcriptView();
    QTRY_COMPARE_WITH_TIMEOUT(transcript->dialogId(), m_ids.at(0), kWaitMs);
    const QStringList lines = transcript->lineTexts();
    QVERIFY2(lines.filter(u"Статус заказа 15?"_s).size() == 1, qPrintable(lines.join(u'\n')));
    QVERIFY2(lines.filter(u"Anna Petrova: Уже в пути."_s).size() == 1, qPrintable(lines.join(u'\n')));
    const QString title = transcript->titleLabel()->text();
    QVERIFY2(
        title.startsWith(QCoreApplication::translate("concierge::ui::HistoryTranscriptView", "Dialog #%1")
                             .arg(m_ids.at(0))),
        qPrintable(title));
    QVERIFY(title.contains(u"Anna Petrova"_s));
    // The same way of writing a day and a time as the table: dd.MM.yyyy HH:mm.
    const QString start = m_window->model()->index(row, HistoryListModel::Start).data().toString();
    QVERIFY(QRegularExpression(u"^\\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s).match(start).hasMatch());
    QVERIFY2(title.contains(start + u" – "_s), qPrintable(title));
    // The line the search found ("заказа") is the one marked, and it is on screen.
    const qint64 matched = m_window->model()->hit(row).snippet.messageId;
    QVERIFY(matched != 0);
    QCOMPARE(transcript->markedMessageId(), matched);
    const QModelIndex marked = transcript->listView()->selectionModel()->selectedIndexes().value(0);
    QVERIFY(
        transcript->listView()->viewport()->rect().intersects(transcript->listView()->visualRect(marked)));
    // The visitor as they were: this test's visitors came from this machine and viewed no page.
    QCOMPARE(m_window->visitorCard()->ipLabel()->text(), u"127.0.0.1"_s);
    QVERIFY(!m_window->visitorCard()->pagesList()->isVisible());
    QVERIFY(m_window->visitorCard()->noPagesLabel()->isVisible());
    QCOMPARE(m_window->visitorCard()->noPagesLabel()->text(),
             QCoreApplication::translate("concierge::ui::HistoryVisitorCard", "None"));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-transcript"_s));
}

void TestHistoryWindow::escapeClearsAndNoMatchSaysSo()
{
    QLineEdit *search = m_window->searchEdit();
    search->setFocus();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == int(kSeeds.size()), kWaitMs);

    // Words no dialog has: a sentence instead of an empty table, and no error anywhere.
    QTest::keyClicks(search, u"\"xyzzy NEAR( *"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->model()->searching() && rows() == 0, kWaitMs);
    QTRY_VERIFY(m_window->emptyLabel()->isVisible());
    QCOMPARE(m_window->emptyLabel()->text(), windowText("No dialogs match"));
    QVERIFY(!m_window->emptyClearFiltersButton()->isVisible()); // no filter is on: nothing to clear
    QVERIFY(!m_window->exportTextButton()->isEnabled());
    QVERIFY(!m_window->exportAllButton()->isEnabled());
    // Nothing chosen: the transcript and the visitor card stay blank beside the sentence.
    QCOMPARE(m_window->transcriptView()->messageLabel()->text(), QString());
    const QList<QLabel *> cardLabels = m_window->visitorCard()->findChildren<QLabel *>();
    QVERIFY(std::none_of(cardLabels.cbegin(), cardLabels.cend(),
                         [](QLabel *label) { return label->isVisible(); }));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-no-match"_s));
    search->clear();
}

void TestHistoryWindow::filtersNarrowByEveryField()
{
    QVERIFY(waitRows(m_window, int(kSeeds.size())));
    ui::HistoryFilterBar *filters = m_window->filterBar();
    m_window->filtersButton()->click();
    QVERIFY(filters->isVisible());

    // Department Billing: the one dialog opened for it; the button counts the filters on.
    QComboBox *departments = filters->departmentCombo();
    const int billing = departments->findText(kBilling);
    QVERIFY(billing > 0);
    departments->setCurrentIndex(billing);
    QVERIFY(waitRows(m_window, 1));
    QCOMPARE(m_window->model()->dialogId(0), m_ids.at(1));
    QCOMPARE(m_window->filtersButton()->text(), windowText("Filters (%1)").arg(1));

    // And category VIP: no dialog is both — the sentence says so and offers to clear the filters.
    QComboBox *categories = filters->categoryCombo();
    const int vip = categories->findText(kVip);
    QVERIFY(vip > 0);
    categories->setCurrentIndex(vip);
    QVERIFY(waitRows(m_window, 0));
    QCOMPARE(m_window->filtersButton()->text(), windowText("Filters (%1)").arg(2));
    QTRY_VERIFY(m_window->emptyLabel()->isVisible());
    QCOMPARE(m_window->emptyLabel()->text(), windowText("No dialogs match"));
    QVERIFY(m_window->emptyClearFiltersButton()->isVisible());
    QVERIFY(guitest::saveScreenshot(m_window, u"history-filters-no-match"_s));
    m_window->emptyClearFiltersButton()->click();
    QVERIFY(waitRows(m_window, int(kSeeds.size())));
    QCOMPARE(departments->currentIndex(), 0);
    QCOMPARE(categories->currentIndex(), 0);
    QCOMPARE(m_window->filtersButton()->text(), windowText("Filters"));

    // Each of the others alone finds the one dialog it was made for.
    categories->setCurrentIndex(vip);
    QVERIFY(waitRows(m_window, 1));
    QCOMPARE(m_window->model()->dialogId(0), m_ids.at(2));
    filters->clear();
    filters->ratingCombo()->setCurrentIndex(filters->ratingCombo()->findData(5));
    QVERIFY(waitRows(m_window, 1));
    QCOMPARE(m_window->model()->dialogId(0), m_ids.at(3));
    filters->clear();
    filters->withContactCheck()->click();
    QVERIFY(waitRows(m_window, 1));
    QCOMPARE(m_window->model()->dialogId(0), m_ids.at(4));

    // The visitor who gave a name is called by it (not the server's "Visitor N") in the list, on
    // the card and in an export.
    QCOMPARE(m_window->model()->index(0, HistoryListModel::Visitor).data().toString(), kFoekla);
    m_window->tableView()->setCurrentIndex(m_window->model()->index(0, 0));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->transcriptView()->dialogId(), m_ids.at(4), kWaitMs);
    QCOMPARE(m_window->visitorCard()->nameLabel()->text(), kFoekla);
    m_window->tableView()->selectAll();
    const QString target = m_dir.filePath(u"foekla.txt"_s);
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    QVERIFY(m_window->exportSelectionTo(HistoryExportJob::Format::Text, target));
    QVERIFY(waitExport(finished));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QFile file(target);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString visitorLine =
        QCoreApplication::translate("TranscriptText", "Visitor's name: %1").arg(kFoekla);
    QCOMPARE(QString::fromUtf8(file.readAll()).split(u'\n').value(1), visitorLine);
    m_window->notice()->clearNotice();

    filters->clear();
    QVERIFY(waitRows(m_window, int(kSeeds.size())));
    m_window->filtersButton()->click();
}

// The days of the date filter are the operator's (this process runs in a zone whose day differs
// from UTC's now, see main()): a dialog is found on its local day and not on its UTC day.
void TestHistoryWindow::dateFilterUsesTheOperatorsDays()
{
    QCOMPARE(QTimeZone::systemTimeZoneId(), qgetenv("TZ"));
    HistoryArchive *archive = m_me.session()->history();
    const QDateTime made = archive->dialog(m_ids.at(0))->dialog.createdAt;
    const QDate localDay = made.toLocalTime().date();
    const QDate utcDay = made.toUTC().date();
    QVERIFY2(localDay != utcDay, qPrintable(made.toString(Qt::ISODate)));
    // How many of the seeds began on a day (almost surely all on the local one, none on UTC's).
    const auto seedsOn = [&](const QDate &day) {
        return int(std::count_if(m_ids.cbegin(), m_ids.cend(), [&](qint64 id) {
            return archive->dialog(id)->dialog.createdAt.toLocalTime().date() == day;
        }));
    };
    QVERIFY(seedsOn(localDay) > 0);

    ui::HistoryFilterBar *filters = m_window->filterBar();
    m_window->filtersButton()->click();
    filters->fromEdit()->setDate(localDay);
    filters->toEdit()->setDate(localDay);
    filters->fromCheck()->click();
    filters->toCheck()->click();
    QCOMPARE(filters->filter().timeZone, qgetenv("TZ"));
    QVERIFY(waitRows(m_window, seedsOn(localDay)));
    QVERIFY(listedIds().contains(m_ids.at(0)));
    QCOMPARE(m_window->filtersButton()->text(), windowText("Filters (%1)").arg(1)); // a range counts once
    // The date edits write days as the table does.
    QCOMPARE(filters->fromEdit()->text(), localDay.toString(u"dd.MM.yyyy"_s));

    filters->fromEdit()->setDate(utcDay);
    filters->toEdit()->setDate(utcDay);
    QVERIFY(waitRows(m_window, seedsOn(utcDay)));
    QVERIFY(!listedIds().contains(m_ids.at(0)));
    filters->clear();
    QVERIFY(waitRows(m_window, int(kSeeds.size())));
    m_window->filtersButton()->click();
}

void TestHistoryWindow::emptyHistorySaysNoDialogsYet()
{
    // Carl has never answered anyone: his history is empty, and the window says so (not "no match").
    const QString carlEmail = u"carl@example.com"_s;
    QVERIFY(testkit::createOperator(m_server, carlEmail, u"Carl"_s));
    guitest::Operator carl;
    QVERIFY(carl.login(m_server, carlEmail, testkit::operatorPassword(), OperatorStatus::Online));
    QTRY_VERIFY_WITH_TIMEOUT(carl.session()->history()->progress().complete, kWaitMs);
    ui::HistoryWindow window(carl.session());
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitRows(&window, 0));
    QTRY_COMPARE(window.emptyLabel()->text(), windowText("No dialogs yet"));
    QVERIFY(window.emptyLabel()->isVisible());
    QVERIFY(!window.emptyClearFiltersButton()->isVisible());
    QVERIFY(!window.exportAllButton()->isEnabled());
    QVERIFY(guitest::saveScreenshot(&window, u"history-empty"_s));
}

// A dialog still open when read: the visitor's next line shows in its transcript as it comes.
void TestHistoryWindow::openDialogFollowsNewLines()
{
    QJsonObject hello;
    auto visitor = testkit::connectVisitor(m_server, &hello);
    QVERIFY(visitor);
    const qint64 id = testkit::openDialog(*visitor, u"Вопрос про кенгуру"_s);
    QVERIFY(id > 0);
    QVERIFY(testkit::isResult(m_boris->request(u"dialog.take"_s, {{u"dialogId"_s, id}})));
    QVERIFY(testkit::isResult(testkit::operatorSend(*m_boris, id, u"Слушаю."_s)));
    QLineEdit *search = m_window->searchEdit();
    search->setText(u"кенгуру"_s);
    QVERIFY(waitRows(m_window, 1));
    QCOMPARE(m_window->model()->dialogId(0), id);
    m_window->tableView()->setCurrentIndex(m_window->model()->index(0, 0));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->transcriptView()->dialogId(), id, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->transcriptView()->lineTexts().filter(u"Слушаю."_s).size() == 1,
                             kWaitMs);
    QVERIFY(testkit::openDialog(*visitor, u"А ещё вопрос про страуса"_s) == id);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->transcriptView()->lineTexts().filter(u"А ещё вопрос про страуса"_s).size() == 1, kWaitMs);
    QCOMPARE(m_window->transcriptView()->dialogId(), id);
    QVERIFY(testkit::isResult(m_boris->request(u"dialog.close"_s, {{u"dialogId"_s, id}})));
    search->clear();
}

// Logging out closes the history (the next person at this computer must not find it open), and so
// does the main window going.
void TestHistoryWindow::logoutAndTheMainWindowCloseIt()
{
    ui::MainWindow *main = m_me.window();
    QPointer<ui::HistoryWindow> window = main->openHistoryWindow();
    QVERIFY(window && window->isVisible());
    QSignalSpy logout(main, &ui::MainWindow::logoutRequested);
    QAction *logoutAction = nullptr;
    const QList<QAction *> actions = main->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == QCoreApplication::translate("concierge::ui::MainWindow", "Log &out"))
            logoutAction = action;
    }
    QVERIFY(logoutAction);
    logoutAction->trigger();
    QCOMPARE(logout.count(), 1);
    QVERIFY(!window); // gone at once, not later
    QVERIFY(!main->historyWindow());
    m_window = nullptr;

    QPointer<ui::HistoryWindow> another;
    {
        ui::MainWindow second(m_me.session());
        another = second.openHistoryWindow();
        QVERIFY(another && another->isVisible());
    }
    QVERIFY(!another);
}

int main(int argc, char *argv[])
{
    // Before Qt reads the zone: the date filter's test needs a day that differs from UTC's.
    qputenv("TZ", zoneWhoseDayDiffersFromUtc());
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TestHistoryWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_history_window.moc"
