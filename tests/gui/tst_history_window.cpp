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
#include "HistoryFoundCollector.h"
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
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QMessageBox>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <functional>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
const QString kAnnaEmail = u"anna@example.com"_s;
const QString kBorisEmail = u"boris@example.com"_s;

const QString kBilling = u"Billing"_s;
const QString kVip = u"VIP"_s;
const QString kFoekla = u"Фёкла"_s;

/// What sets a seeded dialog apart for the filters.
enum class Mark { None, Billing, Vip, RatedFive, Contact };

/// One seeded dialog: what the visitor wrote, the answer, who answered, and what sets it apart.
struct Seed
{
    QString visitorText;
    QString reply;
    bool anna; ///< else Boris
    Mark mark = Mark::None;
};

// Chosen so that each letter of "заказ" leaves fewer dialogs: з 5, за 4, зак 3, зака 2, заказ 2.
// Each filter finds exactly one: department Billing, category VIP, rating 5, contact details.
const QList<Seed> kSeeds = {
    {u"Статус заказа 15?"_s, u"Уже в пути."_s, true},
    {u"Доставка заказа в Москву"_s, u"Курьер приедет в среду."_s, false, Mark::Billing},
    {u"Здравствуйте, есть скидки?"_s, u"Да, 10%."_s, true, Mark::Vip},
    {u"Завтра работаете?"_s, u"Да, с 9 до 18."_s, false, Mark::RatedFive},
    {u"Закрыто ли в субботу?"_s, u"Нет, открыто."_s, true, Mark::Contact},
    {u"Hello, I need a refund for my order"_s, u"Sure, I will help."_s, false},
    {u"Where is my parcel?"_s, u"On its way."_s, true},
};

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

/// Answers the "An export is running — cancel it?" question as soon as it shows.
void answerCloseQuestion(ui::HistoryWindow *window, bool cancelExport)
{
    QTimer::singleShot(0, window, [window, cancelExport] {
        QMessageBox *question = window->closeQuestion();
        if (!question) {
            qWarning() << "no close question";
            return;
        }
        const QString wanted = QCoreApplication::translate("concierge::ui::HistoryWindow",
                                                           cancelExport ? "Cancel the export" : "Keep exporting");
        const QList<QPushButton *> buttons = question->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->text() == wanted) {
                button->click();
                return;
            }
        }
        qWarning() << "no button" << wanted;
    });
}

/// The dialogs of an exported text: the ids of its "#<id> dd.MM.yyyy HH:mm" lines.
QList<qint64> exportedIds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<qint64> ids;
    static const QRegularExpression heading(u"^#(\\d+) \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s);
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = heading.match(line);
        if (match.hasMatch())
            ids.append(match.captured(1).toLongLong());
    }
    return ids;
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
    void filtersNarrowByEveryField();
    void dateFilterUsesTheOperatorsDays();
    void emptyHistorySaysNoDialogsYet();
    void serverOnlyDialogsLoadOnDemand();
    void closingDuringAnExportAsks();
    void exportOfServerDialogsFailsWithoutTheServer();
    void openDialogFollowsNewLines();
    void exportAllFoundGathersEveryPage();
    void exportAllFoundFromTheServerAndCapped();
    void logoutAndTheMainWindowCloseIt();

private:
    qint64 seedDialog(const Seed &seed);
    ui::HistoryWindow *window() const { return m_window; }
    int rows() const { return m_window->model()->rowCount(); }
    /// The table's row of dialog \a id; -1 when not listed.
    int rowOf(qint64 id) const;
    QSet<qint64> listedIds() const;
    /// Drives the export's file dialog to \a target; \a folder receives the folder it opened in.
    /// \a meanwhile runs while the dialog is open (the list refreshing under it, say).
    void answerFileDialog(const QString &target, QString *folder, const std::function<void()> &meanwhile = {});
    /// The export's outcome: waits for HistoryExporter::finished.
    bool waitExport(QSignalSpy &spy);
    /// Waits until the window's search is done and lists \a count rows.
    bool waitRows(ui::HistoryWindow *window, int count);
    /// Seeds \a count dialogs Boris answers, each with "посылка" (for Export all found).
    bool seedMany(int count);
    static QString windowText(const char *source, int n = -1)
    {
        return QCoreApplication::translate("concierge::ui::HistoryWindow", source, nullptr, n);
    }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    guitest::Operator m_me; // the demo operator, an admin: the history holds every dialog
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_boris;
    QJsonObject m_annaHello; ///< for the categories' ids
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
    QVERIFY(testkit::admin(m_server, {u"create-department"_s, u"--name"_s, kBilling}));
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, kVip}));
    QVERIFY2(m_server.start({u"--auto-assign"_s, u"off"_s}), "the real concierge-server did not start");
    QVERIFY(testkit::admin(
        m_server, {u"set-operator"_s, u"--email"_s, u"demo@example.com"_s, u"--role"_s, u"admin"_s}));
    QVERIFY(testkit::createOperator(m_server, kAnnaEmail, u"Anna Petrova"_s));
    QVERIFY(testkit::createOperator(m_server, kBorisEmail, u"Boris Ivanov"_s, {u"--department"_s, kBilling}));
    m_anna = testkit::loginOperator(m_server, kAnnaEmail, u"online"_s, &m_annaHello);
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
    QJsonObject hello;
    auto visitor = testkit::connectVisitor(m_server, &hello);
    if (!visitor)
        return 0;
    RawProtocolClient &op = seed.anna ? *m_anna : *m_boris;
    const qint64 department = seed.mark == Mark::Billing ? testkit::departmentId(hello, kBilling) : 0;
    const qint64 id = testkit::openDialog(*visitor, seed.visitorText, department);
    if (id == 0 || !testkit::isResult(op.request(u"dialog.take"_s, {{u"dialogId"_s, id}}))
        || !testkit::isResult(testkit::operatorSend(op, id, seed.reply)))
        return 0;
    if (seed.mark == Mark::Vip
        && !testkit::isResult(op.request(u"dialog.category.set"_s,
                                         {{u"dialogId"_s, id},
                                          {u"categoryId"_s, testkit::categoryId(m_annaHello, kVip)}})))
        return 0;
    if (seed.mark == Mark::Contact) {
        // Asked for, then given in the widget's form: the name the history shows for them.
        if (!testkit::isResult(op.request(u"contact.request"_s, {{u"dialogId"_s, id}})))
            return 0;
        visitor->waitEvent(u"contact.requested"_s);
        if (!testkit::isResult(visitor->request(u"contact.submit"_s,
                                                {{u"name"_s, kFoekla}, {u"email"_s, u"foekla@mail.de"_s}})))
            return 0;
    }
    if (!testkit::isResult(op.request(u"dialog.close"_s, {{u"dialogId"_s, id}})))
        return 0;
    if (seed.mark == Mark::RatedFive
        && !testkit::isResult(visitor->request(u"dialog.rate"_s, {{u"dialogId"_s, id}, {u"score"_s, 5}})))
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
    m_window = main->historyWindow();
    QVERIFY(m_window);
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    // One window: asking again brings the same one forward.
    QCOMPARE(main->openHistoryWindow(), m_window);
    m_window->exporter()->setUseNativeFileDialog(false);
    m_window->resize(1180, 760);
    // A window of its own (not the main window's child), in the run's language.
    QVERIFY(!m_window->parentWidget());
    QCOMPARE(m_window->windowTitle(), guitest::language() == u"ru"_s ? u"История диалогов"_s : u"Dialog history"_s);
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
    QVERIFY2(title.startsWith(QCoreApplication::translate("concierge::ui::HistoryTranscriptView", "Dialog #%1")
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
    QVERIFY(transcript->listView()->viewport()->rect().intersects(transcript->listView()->visualRect(marked)));
    // The visitor as they were: this test's visitors came from this machine and viewed no page.
    QCOMPARE(m_window->visitorCard()->ipLabel()->text(), u"127.0.0.1"_s);
    QVERIFY(!m_window->visitorCard()->pagesList()->isVisible());
    QVERIFY(m_window->visitorCard()->noPagesLabel()->isVisible());
    QCOMPARE(m_window->visitorCard()->noPagesLabel()->text(),
             QCoreApplication::translate("concierge::ui::HistoryVisitorCard", "None"));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-transcript"_s));
}

void TestHistoryWindow::answerFileDialog(const QString &target, QString *folder,
                                         const std::function<void()> &meanwhile)
{
    QTimer::singleShot(0, this, [target, folder, meanwhile] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning() << "no file dialog";
            return;
        }
        if (meanwhile)
            meanwhile();
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
    QCOMPARE(m_window->emptyLabel()->text(), windowText("No dialogs match"));
    QVERIFY(!m_window->emptyClearFiltersButton()->isVisible()); // no filter is on: nothing to clear
    QVERIFY(!m_window->exportTextButton()->isEnabled());
    QVERIFY(!m_window->exportAllButton()->isEnabled());
    // Nothing chosen: the transcript and the visitor card stay blank beside the sentence.
    QCOMPARE(m_window->transcriptView()->messageLabel()->text(), QString());
    const QList<QLabel *> cardLabels = m_window->visitorCard()->findChildren<QLabel *>();
    QVERIFY(std::none_of(cardLabels.cbegin(), cardLabels.cend(), [](QLabel *label) { return label->isVisible(); }));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-no-match"_s));
    search->clear();
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
    // The status line says where they came from, in so many words.
    const char *const model = "concierge::HistoryListModel";
    QCOMPARE(window.statusLabel()->text(),
             QCoreApplication::translate(model, "%1. The history is not on this computer yet — %n found on the server.",
                                         "", 4)
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
    QVERIFY(anna.session()->history()->messages(window.selectedDialogIds().value(0)).isEmpty()); // not here yet
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
             HistoryTextExport::format(dialogs, lines, &ui::SystemLineText::describe, QTimeZone::systemTimeZone()));
    window.notice()->clearNotice();
}

// Closing the window while an export runs asks first; "Keep exporting" keeps the window and the
// export, which then ends as usual.
void TestHistoryWindow::closingDuringAnExportAsks()
{
    guitest::Operator anna;
    anna.session()->history()->setBackfillEnabled(false);
    QVERIFY(anna.login(m_server, kAnnaEmail, testkit::operatorPassword(), OperatorStatus::Online));
    ui::HistoryWindow window(anna.session());
    window.resize(1180, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(waitRows(&window, 4));
    window.tableView()->selectionModel()->select(window.model()->index(2, 0),
                                                 QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
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

bool TestHistoryWindow::waitRows(ui::HistoryWindow *window, int count)
{
    return QTest::qWaitFor(
        [&] { return !window->model()->searching() && window->model()->rowCount() == count; }, kWaitMs);
}

bool TestHistoryWindow::seedMany(int count)
{
    for (int n = 1; n <= count; ++n) {
        if (seedDialog({u"Где моя посылка? Номер %1"_s.arg(n), u"Проверяю, минуту."_s, false}) == 0)
            return false;
    }
    return true;
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

// Anna on a third computer, the backfill off: closing the window during an export asks; "Cancel
// the export" closes it and writes nothing. Then without the server, an export of dialogs that are
// on the server only says why nothing was written.
void TestHistoryWindow::exportOfServerDialogsFailsWithoutTheServer()
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
        QCoreApplication::translate("concierge::ui::HistoryExporter",
                                    "The dialogs could not be loaded from the server, so nothing was exported: %1")
            .arg(QCoreApplication::translate("concierge::HistoryArchive", "Not connected to the server."));
    QCOMPARE(failed.at(0).at(2).toString(), sentence);
    QCOMPARE(window.notice()->kind(), ui::NoticeBar::Kind::Error);
    QCOMPARE(window.notice()->text(), sentence);
    QVERIFY(!QFileInfo::exists(target));
    QVERIFY(window.exportTextButton()->isEnabled()); // the next try may go
    QVERIFY(guitest::saveScreenshot(&window, u"history-export-offline"_s));
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
    QTRY_VERIFY_WITH_TIMEOUT(m_window->transcriptView()->lineTexts().filter(u"Слушаю."_s).size() == 1, kWaitMs);
    QVERIFY(testkit::openDialog(*visitor, u"А ещё вопрос про страуса"_s) == id);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->transcriptView()->lineTexts().filter(u"А ещё вопрос про страуса"_s).size() == 1, kWaitMs);
    QCOMPARE(m_window->transcriptView()->dialogId(), id);
    QVERIFY(testkit::isResult(m_boris->request(u"dialog.close"_s, {{u"dialogId"_s, id}})));
    search->clear();
}

// More than a page (100 rows) found in the cache: Export all found gathers every one.
void TestHistoryWindow::exportAllFoundGathersEveryPage()
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
             QCoreApplication::translate("concierge::ui::HistoryExporter", "Exported %n dialog(s) to %1", nullptr,
                                         kMany)
                 .arg(QDir::toNativeSeparators(target)));
    QVERIFY(guitest::saveScreenshot(m_window, u"history-export-all"_s));
    m_window->notice()->clearNotice();
}

// Boris on another computer, the backfill off: Export all found pages through the server's
// answers (50 at a time) and stops at the limit, saying so.
void TestHistoryWindow::exportAllFoundFromTheServerAndCapped()
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
    const QString capped = windowText("More dialogs were found: only the newest %L1 go in one export; narrow the "
                                      "search (dates, filters) for the rest.")
                               .arg(kLimit);
    QVERIFY2(window.notice()->text().endsWith(capped), qPrintable(window.notice()->text()));
    QVERIFY(window.notice()->text().startsWith(
        QCoreApplication::translate("concierge::ui::HistoryExporter", "Exported %n dialog(s) to %1", nullptr, kLimit)
            .arg(QDir::toNativeSeparators(target))));
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
