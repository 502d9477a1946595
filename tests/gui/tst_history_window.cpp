// SPDX-License-Identifier: GPL-3.0-or-later
// File → History… against the real server and the real engine (issue 7): seven dialogs in Russian
// and English, answered by two operators, reach the app by the backfill; the window opens with
// Ctrl+H and lists them; typing "заказ" letter by letter narrows the rows after every keystroke and
// marks "заказа" in the matching line; the operator filter narrows further and Clear filters undoes
// it; a row shows its transcript and the visitor; the selection exports as text in the transcript
// layout and to Excel (read back by openpyxl), the file dialog remembering its folder; an export to
// a place that cannot be written says so and leaves nothing.
#include "GuiTestKit.h"
#include "HistoryArchive.h"
#include "HistoryExporter.h"
#include "HistoryFilterBar.h"
#include "HistoryListModel.h"
#include "HistoryResultDelegate.h"
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

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
const QString kAnnaEmail = u"anna@example.com"_s;
const QString kBorisEmail = u"boris@example.com"_s;

/// One seeded dialog: what the visitor wrote, the answer, and who answered.
struct Seed
{
    QString visitorText;
    QString reply;
    bool anna; ///< else Boris
};

// Chosen so that each letter of "заказ" leaves fewer dialogs: з 5, за 4, зак 3, зака 2, заказ 2.
const QList<Seed> kSeeds = {
    {u"Статус заказа 15?"_s, u"Уже в пути."_s, true},
    {u"Доставка заказа в Москву"_s, u"Курьер приедет в среду."_s, false},
    {u"Здравствуйте, есть скидки?"_s, u"Да, 10%."_s, true},
    {u"Завтра работаете?"_s, u"Да, с 9 до 18."_s, false},
    {u"Закрыто ли в субботу?"_s, u"Нет, открыто."_s, true},
    {u"Hello, I need a refund for my order"_s, u"Sure, I will help."_s, false},
    {u"Where is my parcel?"_s, u"On its way."_s, true},
};

/// Types \a text key by key as a keyboard would (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

/// How many pixels of \a image have exactly \a color.
int pixelsOf(const QImage &image, const QColor &color)
{
    int count = 0;
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if ((image.pixel(x, y) & 0xffffff) == (wanted & 0xffffff))
                ++count;
        }
    }
    return count;
}

} // namespace

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensWithCtrlH();
    void searchNarrowsAsYouType();
    void operatorFilterNarrows();
    void rowShowsTranscriptAndVisitor();
    void exportsTextInTheTranscriptLayout();
    void exportsExcelWithARowPerDialog();
    void unwritablePlaceSaysSoAndWritesNothing();
    void escapeClearsAndNoMatchSaysSo();
    void serverOnlyDialogsLoadOnDemand();

private:
    qint64 seedDialog(const Seed &seed);
    ui::HistoryWindow *window() const { return m_window; }
    int rows() const { return m_window->model()->rowCount(); }
    /// The table's row of dialog \a id; -1 when not listed.
    int rowOf(qint64 id) const;
    QSet<qint64> listedIds() const;
    /// Drives the export's file dialog to \a target; \a folder receives the folder it opened in.
    void answerFileDialog(const QString &target, QString *folder);
    /// The export's outcome: waits for HistoryExporter::finished.
    bool waitExport(QSignalSpy &spy);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    guitest::Operator m_me; // the demo operator, an admin: the history holds every dialog
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_boris;
    QList<qint64> m_ids; ///< kSeeds' dialogs, in seed order
    qint64 m_annaId = 0;
    ui::HistoryWindow *m_window = nullptr;
};

void TestHistoryWindow::initTestCase()
{
    // The English and the Russian run may run at once: each has its own settings file.
    QCoreApplication::setApplicationName(QCoreApplication::applicationName() + u'-' +
                                         qEnvironmentVariable("CONCIERGE_TEST_LANGUAGE", u"en"_s));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY(m_dir.isValid());
    // A first export: no folder remembered from an earlier run.
    QSettings().remove(u"historyWindow"_s);
    // Dialogs wait until an operator takes them: each seed goes to the operator it names.
    QVERIFY2(m_server.start({u"--auto-assign"_s, u"off"_s}), "the real concierge-server did not start");
    QVERIFY(testkit::admin(
        m_server, {u"set-operator"_s, u"--email"_s, u"demo@example.com"_s, u"--role"_s, u"admin"_s}));
    QVERIFY(testkit::createOperator(m_server, kAnnaEmail, u"Anna Petrova"_s));
    QVERIFY(testkit::createOperator(m_server, kBorisEmail, u"Boris Ivanov"_s));
    m_anna = testkit::loginOperator(m_server, kAnnaEmail);
    m_boris = testkit::loginOperator(m_server, kBorisEmail);
    QVERIFY(m_anna && m_boris);
    for (const Seed &seed : kSeeds) {
        const qint64 id = seedDialog(seed);
        QVERIFY2(id > 0, qPrintable(seed.visitorText));
        m_ids.append(id);
    }

    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    // The backfill brings every dialog into this computer's history.
    HistoryArchive *archive = m_me.session()->history();
    QTRY_VERIFY_WITH_TIMEOUT(archive->progress().complete && !archive->progress().running, kWaitMs);
    QCOMPARE(archive->progress().cachedDialogs, int(kSeeds.size()));
    for (const protocol::OperatorInfo &info : m_me.session()->operators()) {
        if (info.email == kAnnaEmail)
            m_annaId = info.id;
    }
    QVERIFY(m_annaId > 0);
}

qint64 TestHistoryWindow::seedDialog(const Seed &seed)
{
    auto visitor = testkit::connectVisitor(m_server);
    if (!visitor)
        return 0;
    RawProtocolClient &op = seed.anna ? *m_anna : *m_boris;
    const qint64 id = testkit::openDialog(*visitor, seed.visitorText);
    if (id == 0 || !testkit::isResult(op.request(u"dialog.take"_s, {{u"dialogId"_s, id}}))
        || !testkit::isResult(testkit::operatorSend(op, id, seed.reply))
        || !testkit::isResult(op.request(u"dialog.close"_s, {{u"dialogId"_s, id}})))
        return 0;
    return id;
}

int TestHistoryWindow::rowOf(qint64 id) const
{
    for (int row = 0; row < rows(); ++row) {
        if (m_window->model()->dialogId(row) == id)
            return row;
    }
    return -1;
}

QSet<qint64> TestHistoryWindow::listedIds() const
{
    QSet<qint64> ids;
    for (int row = 0; row < rows(); ++row)
        ids.insert(m_window->model()->dialogId(row));
    return ids;
}

void TestHistoryWindow::opensWithCtrlH()
{
    ui::MainWindow *main = m_me.window();
    main->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(main));
    QTest::keyClick(main, Qt::Key_H, Qt::ControlModifier);
    m_window = main->findChild<ui::HistoryWindow *>();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // One window: asking again brings the same one forward.
    QCOMPARE(main->openHistoryWindow(), m_window);
    m_window->exporter()->setUseNativeFileDialog(false);
    m_window->resize(1180, 760);

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
    QVERIFY(transcript->titleLabel()->text().contains(u'#' + QString::number(m_ids.at(0))));
    QVERIFY(transcript->titleLabel()->text().contains(u"Anna Petrova"_s));
    // The visitor as they were: this test's visitors came from this machine.
    QCOMPARE(m_window->visitorCard()->ipLabel()->text(), u"127.0.0.1"_s);
    QVERIFY(guitest::saveScreenshot(m_window, u"history-transcript"_s));
}

void TestHistoryWindow::answerFileDialog(const QString &target, QString *folder)
{
    QTimer::singleShot(0, this, [this, target, folder] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning() << "no file dialog";
            return;
        }
        *folder = dialog->directory().absolutePath();
        dialog->selectFile(target);
        static_cast<QDialog *>(dialog)->accept();
    });
}

bool TestHistoryWindow::waitExport(QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return !spy.isEmpty(); }, kWaitMs);
}

void TestHistoryWindow::exportsTextInTheTranscriptLayout()
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
        TranscriptText::format(first.dialog, HistoryTextExport::visitorName(first), archive->messages(m_ids.at(1)),
                               &ui::SystemLineText::describe)
            .split(u'\n');
    QVERIFY(transcript.size() > 5);
    QCOMPARE(written.mid(0, transcript.size() - 1), transcript.mid(0, transcript.size() - 1));
    QVERIFY(QRegularExpression(u"^#%1 \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s.arg(m_ids.at(1)))
                .match(written.at(0))
                .hasMatch());
    QVERIFY(written.at(2).startsWith(u"-----"_s));
    QVERIFY(written.filter(u"Доставка заказа в Москву"_s).size() == 1);
    // Then the second dialog, after a blank line.
    const qsizetype second = written.indexOf(QRegularExpression(u"#%1 .*"_s.arg(m_ids.at(0)))); // a whole line
    QVERIFY2(second > 0, qPrintable(written.join(u'\n')));
    QCOMPARE(written.at(second - 1), QString());
    QVERIFY(written.filter(u"Статус заказа 15?"_s).size() == 1);
}

void TestHistoryWindow::exportsExcelWithARowPerDialog()
{
    QCOMPARE(m_window->selectedDialogIds().size(), 2);
    const QString target = m_dir.filePath(u"history.xlsx"_s);
    QString folder;
    QSignalSpy finished(m_window->exporter(), &ui::HistoryExporter::finished);
    answerFileDialog(target, &folder);
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
}

void TestHistoryWindow::unwritablePlaceSaysSoAndWritesNothing()
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
    QVERIFY(!m_window->emptyLabel()->text().isEmpty());
    QVERIFY(!m_window->exportTextButton()->isEnabled());
    QVERIFY(guitest::saveScreenshot(m_window, u"history-no-match"_s));
}

void TestHistoryWindow::serverOnlyDialogsLoadOnDemand()
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
    QVERIFY(!window.statusLabel()->text().isEmpty());

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
    QVERIFY(anna.session()->history()->messages(window.selectedDialogIds().value(0)).isEmpty()); // not here yet
    QPushButton *cancel = progress->findChild<QPushButton *>();
    QVERIFY(cancel);
    cancel->click();
    QVERIFY(waitExport(finished));
    QVERIFY(!finished.at(0).at(0).toBool());
    QCOMPARE(window.notice()->text(), finished.at(0).at(2).toString());
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(window.exportTextButton()->isEnabled());
}

QTEST_MAIN(TestHistoryWindow)
#include "tst_history_window.moc"
