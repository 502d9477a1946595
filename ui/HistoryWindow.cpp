// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryWindow.h"

#include "HistoryArchive.h"
#include "HistoryExporter.h"
#include "HistoryFilterBar.h"
#include "HistoryFoundCollector.h"
#include "HistoryListModel.h"
#include "HistoryResultDelegate.h"
#include "HistoryTranscriptView.h"
#include "HistoryVisitorCard.h"
#include "NoticeBar.h"
#include "OperatorSession.h"

#include <QCloseEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace concierge::ui {

namespace {

const QString kGeometryKey = QStringLiteral("historyWindow/geometry");
const QString kSplitterKey = QStringLiteral("historyWindow/splitter");
const QString kDetailSplitterKey = QStringLiteral("historyWindow/detailSplitter");
const QString kColumnsKey = QStringLiteral("historyWindow/columns");

/// Widths that fit "dd.MM.yyyy HH:mm" and a name or two before the operator widens anything; no
/// column narrower than its own title ("Сообщений" is longer than "Messages").
void setDefaultColumnWidths(QHeaderView *header, const QAbstractItemModel *model)
{
    const int widths[HistoryListModel::ColumnCount] = {60, 120, 120, 160, 130, 110, 110, 80, 70};
    const QFontMetrics metrics(header->font());
    for (int column = 0; column < HistoryListModel::ColumnCount; ++column) {
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        header->resizeSection(column, qMax(widths[column], metrics.horizontalAdvance(title) + 24));
    }
}

} // namespace

HistoryWindow::HistoryWindow(OperatorSession *session, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_session(session)
    , m_model(new HistoryListModel(session, session->databasePath(), this))
    , m_exporter(new HistoryExporter(session, this))
    , m_search(new QLineEdit(this))
    , m_filtersButton(new QToolButton(this))
    , m_filterBar(new HistoryFilterBar(session, this))
    , m_exportText(new QPushButton(tr("Export as text…"), this))
    , m_exportExcel(new QPushButton(tr("Export to Excel…"), this))
    , m_exportAll(new QPushButton(tr("Export all found"), this))
    , m_notice(new NoticeBar(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_detailSplitter(new QSplitter(Qt::Horizontal, m_splitter))
    , m_results(new QStackedWidget(m_splitter))
    , m_table(new QTreeView(m_results))
    , m_emptyPage(new QWidget(m_results))
    , m_emptyLabel(new QLabel(m_emptyPage))
    , m_emptyClearFilters(new QPushButton(tr("Clear filters"), m_emptyPage))
    , m_transcript(new HistoryTranscriptView(m_detailSplitter))
    , m_card(new HistoryVisitorCard(m_detailSplitter))
    , m_statusLabel(new QLabel(this))
    , m_backfillLabel(new QLabel(this))
    , m_backfillBar(new QProgressBar(this))
    , m_collector(new HistoryFoundCollector(m_model, this))
{
    setObjectName(QStringLiteral("historyWindow"));
    setWindowTitle(tr("Dialog history"));

    m_search->setObjectName(QStringLiteral("historySearchEdit"));
    m_search->setPlaceholderText(tr("Search by visitor name or words of the dialog"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    m_filtersButton->setObjectName(QStringLiteral("historyFiltersButton"));
    m_filtersButton->setText(tr("Filters"));
    m_filtersButton->setCheckable(true);
    m_filtersButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_filtersButton->setArrowType(Qt::DownArrow);
    m_filterBar->setVisible(false);
    m_exportText->setObjectName(QStringLiteral("historyExportTextButton"));
    m_exportExcel->setObjectName(QStringLiteral("historyExportExcelButton"));
    m_exportAll->setObjectName(QStringLiteral("historyExportAllButton"));
    m_exportAll->setToolTip(tr("Save every dialog found, not only the selected ones (at most %L1)")
                                .arg(HistoryFoundCollector::kMaxDialogs));
    auto *allMenu = new QMenu(m_exportAll);
    QAction *allText = allMenu->addAction(tr("As text…"));
    allText->setObjectName(QStringLiteral("historyExportAllTextAction"));
    connect(allText, &QAction::triggered, this, [this] { exportAllFound(HistoryExportJob::Format::Text); });
    QAction *allExcel = allMenu->addAction(tr("To Excel…"));
    allExcel->setObjectName(QStringLiteral("historyExportAllExcelAction"));
    connect(allExcel, &QAction::triggered, this, [this] { exportAllFound(HistoryExportJob::Format::Excel); });
    m_exportAll->setMenu(allMenu);
    m_notice->setObjectName(QStringLiteral("historyNoticeBar"));
    m_notice->setButtonText(tr("Close")); // the outcome stays until read and dismissed
    connect(m_notice->button(), &QPushButton::clicked, m_notice, &NoticeBar::clearNotice);

    m_table->setObjectName(QStringLiteral("historyTableView"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new HistoryResultDelegate(m_table));
    m_table->setRootIsDecorated(false);
    m_table->setItemsExpandable(false);
    m_table->setUniformRowHeights(false); // rows with a matching line under them are taller
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAllColumnsShowFocus(true);
    m_table->setSortingEnabled(false); // newest first, always
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->header()->setStretchLastSection(true);
    m_table->header()->setSectionsMovable(false);
    setDefaultColumnWidths(m_table->header(), m_model);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setTextFormat(Qt::PlainText); // may quote the server's words
    m_emptyLabel->setWordWrap(true);
    m_emptyClearFilters->setObjectName(QStringLiteral("historyEmptyClearFiltersButton"));
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addStretch(1);
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(m_emptyClearFilters, 0, Qt::AlignHCenter);
    emptyLayout->addStretch(1);
    m_results->addWidget(m_table);
    m_results->addWidget(m_emptyPage);

    m_splitter->setObjectName(QStringLiteral("historySplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_results);
    m_splitter->addWidget(m_detailSplitter);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({330, 400});
    m_detailSplitter->setObjectName(QStringLiteral("historyDetailSplitter"));
    m_detailSplitter->setChildrenCollapsible(false);
    m_detailSplitter->addWidget(m_transcript);
    m_detailSplitter->addWidget(m_card);
    m_detailSplitter->setStretchFactor(0, 1);
    m_detailSplitter->setStretchFactor(1, 0);
    m_detailSplitter->setSizes({700, 300});

    m_statusLabel->setObjectName(QStringLiteral("historyStatusLabel"));
    m_statusLabel->setTextFormat(Qt::PlainText); // may quote the server's words
    m_backfillLabel->setObjectName(QStringLiteral("historyBackfillLabel"));
    m_backfillLabel->setTextFormat(Qt::PlainText);
    m_backfillBar->setObjectName(QStringLiteral("historyBackfillProgressBar"));
    m_backfillBar->setTextVisible(false);
    m_backfillBar->setFixedSize(120, 6); // thin: a hint that work goes on, not a task to watch

    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_filtersButton);
    searchRow->addSpacing(12);
    searchRow->addWidget(m_exportText);
    searchRow->addWidget(m_exportExcel);
    searchRow->addWidget(m_exportAll);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_statusLabel, 1);
    statusRow->addWidget(m_backfillLabel);
    statusRow->addWidget(m_backfillBar, 0, Qt::AlignVCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(searchRow);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_notice);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusRow);

    // Typing searches at once: the model answers from its worker thread, newest query wins.
    connect(m_search, &QLineEdit::textChanged, this, &HistoryWindow::runSearch);
    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &HistoryWindow::runSearch);
    connect(m_filterBar, &HistoryFilterBar::filterChanged, this, &HistoryWindow::updateFiltersButton);
    connect(m_emptyClearFilters, &QPushButton::clicked, m_filterBar, &HistoryFilterBar::clear);
    connect(m_filtersButton, &QToolButton::toggled, this, [this](bool shown) {
        m_filterBar->setVisible(shown);
        m_filtersButton->setArrowType(shown ? Qt::UpArrow : Qt::DownArrow);
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, &HistoryWindow::focusSearch);

    connect(m_model, &HistoryListModel::statusChanged, this, [this] {
        m_statusLabel->setText(m_model->status());
        updateEmptyState();
        updateBackfill(); // live dialogs join the cache without a progressChanged()
    });
    connect(m_model, &HistoryListModel::searchFinished, this, &HistoryWindow::onSearchFinished);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HistoryWindow::updateEmptyState);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    showRow(current.row());
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &HistoryWindow::updateExportActions);
    // A new search drops the selection without a selectionChanged().
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryWindow::updateExportActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HistoryWindow::updateExportActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HistoryWindow::updateExportActions);
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryWindow::showContextMenu);

    HistoryArchive *archive = session->history();
    connect(archive, &HistoryArchive::progressChanged, this, &HistoryWindow::updateBackfill);
    connect(archive, &HistoryArchive::progressChanged, this, &HistoryWindow::updateEmptyState);
    // Only this window's model searches the server: its failure is this query's.
    connect(archive, &HistoryArchive::serverSearchFailed, this, [this](qint64, const QString &message) {
        m_serverError = message;
        updateEmptyState();
    });
    // A dialog still open when read goes on: its new lines show as they come.
    connect(session, &OperatorSession::messageArrived, this, [this](const protocol::Message &message) {
        if (message.dialogId != 0 && message.dialogId == m_openDialogId && m_transcript->dialogId() == m_openDialogId)
            reloadTranscript();
    });
    connect(archive, &HistoryArchive::dialogsReady, this, &HistoryWindow::onDialogsReady);
    connect(archive, &HistoryArchive::fetchFailed, this, &HistoryWindow::onFetchFailed);

    connect(m_exportText, &QPushButton::clicked, this,
            [this] { exportSelection(HistoryExportJob::Format::Text); });
    connect(m_exportExcel, &QPushButton::clicked, this,
            [this] { exportSelection(HistoryExportJob::Format::Excel); });
    connect(m_exporter, &HistoryExporter::runningChanged, this, &HistoryWindow::updateExportActions);
    connect(m_exporter, &HistoryExporter::finished, this, [this](bool ok, const QString &, const QString &message) {
        const QString note = std::exchange(m_cappedNote, QString());
        m_notice->showNotice(ok ? NoticeBar::Kind::Info : NoticeBar::Kind::Error,
                             ok && !note.isEmpty() ? message + u' ' + note : message);
    });
    connect(m_collector, &HistoryFoundCollector::finished, this, &HistoryWindow::onAllFound);
    connect(m_collector, &HistoryFoundCollector::progress, this, [this](int rows) {
        m_notice->showNotice(NoticeBar::Kind::Info, tr("Gathering every dialog found: %Ln so far…", nullptr, rows));
    });

    restoreLayout();
    updateBackfill();
    updateFiltersButton();
    updateExportActions();
    runSearch(); // the newest dialogs, before anything is typed
    m_statusLabel->setText(m_model->status());
    updateEmptyState();
}

HistoryWindow::~HistoryWindow()
{
    saveLayout();
}

void HistoryWindow::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void HistoryWindow::runSearch()
{
    m_serverError.clear();
    m_model->setQuery(m_search->text(), m_filterBar->filter());
}

void HistoryWindow::updateFiltersButton()
{
    const int active = m_filterBar->activeCount();
    m_filtersButton->setText(active > 0 ? tr("Filters (%1)").arg(active) : tr("Filters"));
}

bool HistoryWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Esc in the search box clears it (and so lists every dialog again).
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
        m_search->clear();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void HistoryWindow::onSearchFinished()
{
    // The dialog being read stays selected when the new results still hold it.
    if (m_openDialogId != 0) {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (m_model->dialogId(row) == m_openDialogId) {
                const QModelIndex index = m_model->index(row, 0);
                if (m_table->currentIndex().row() != row) {
                    m_table->selectionModel()->setCurrentIndex(
                        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                }
                m_table->scrollTo(index);
                updateEmptyState();
                return;
            }
        }
    }
    if (!m_table->currentIndex().isValid()) {
        m_openDialogId = 0;
        m_openMatchId = 0;
        // With no results the empty list says why; the detail panes stay blank beside it.
        m_transcript->showMessage(m_model->rowCount() > 0 ? tr("Select a dialog to read it.") : QString());
        m_card->clear();
    }
    updateEmptyState();
}

void HistoryWindow::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_results->setCurrentWidget(m_table);
        return;
    }
    const bool filtered = m_filterBar->activeCount() > 0;
    const bool asked = !m_search->text().trimmed().isEmpty() || filtered;
    const HistoryArchive::Progress progress = m_session->history()->progress();
    QString text;
    if (m_model->searching())
        text = asked || progress.cachedDialogs > 0 ? tr("Searching…") : tr("Fetching the history…");
    else if (!m_serverError.isEmpty())
        text = tr("The server could not be searched: %1").arg(m_serverError);
    else if (asked)
        text = tr("No dialogs match");
    else if (progress.running && !progress.complete)
        text = tr("Fetching the history…"); // the first pages are on their way
    else
        text = tr("No dialogs yet");
    m_emptyLabel->setText(text);
    m_emptyClearFilters->setVisible(filtered && !m_model->searching());
    m_results->setCurrentWidget(m_emptyPage);
}

void HistoryWindow::showRow(int row)
{
    const protocol::HistoryHit hit = m_model->hit(row);
    const qint64 id = hit.dialog.dialog.id;
    if (id == 0)
        return;
    m_openDialogId = id;
    m_openMatchId = hit.snippet.messageId;
    HistoryArchive *archive = m_session->history();
    const protocol::HistoryDialog dialog = archive->dialog(id).value_or(hit.dialog);
    m_card->showDialog(dialog);
    // The lines are read once here; a dialog already whole is not read again when ensureCached()
    // says at once that it is ready (m_readingRow).
    const QList<protocol::Message> lines = archive->messages(id);
    if (lines.isEmpty())
        m_transcript->showMessage(tr("Loading…")); // found on the server only: its lines come next
    else
        m_transcript->showDialog(dialog, lines, m_openMatchId);
    // Brings whatever is missing (a dialog found on the server, one cached while still open);
    // dialogsReady() then shows it whole.
    m_readingRow = true;
    archive->ensureCached({id});
    m_readingRow = false;
}

void HistoryWindow::reloadTranscript()
{
    const auto dialog = m_session->history()->dialog(m_openDialogId);
    if (!dialog)
        return;
    m_card->showDialog(*dialog);
    // The same dialog again keeps the reader's place (HistoryTranscriptView); a first showing
    // goes to the matched line.
    m_transcript->showDialog(*dialog, m_session->history()->messages(m_openDialogId), m_openMatchId);
}

void HistoryWindow::onDialogsReady(const QList<qint64> &dialogIds)
{
    if (m_readingRow || m_openDialogId == 0 || !dialogIds.contains(m_openDialogId))
        return;
    reloadTranscript();
}

void HistoryWindow::onFetchFailed(const QList<qint64> &dialogIds, const QString &message)
{
    if (m_openDialogId == 0 || !dialogIds.contains(m_openDialogId) || m_transcript->dialogId() == m_openDialogId)
        return; // what is cached stays on screen
    m_transcript->showMessage(tr("This dialog could not be loaded: %1").arg(message));
}

void HistoryWindow::updateBackfill()
{
    const HistoryArchive::Progress progress = m_session->history()->progress();
    const QLocale locale;
    QString text;
    if (progress.complete) {
        text = tr("History on this computer: complete (%Ln dialog(s))", nullptr, progress.cachedDialogs);
    } else if (progress.totalDialogs > 0) {
        text = tr("History on this computer: %1 of %Ln dialog(s)", nullptr, progress.totalDialogs)
                   .arg(locale.toString(progress.cachedDialogs));
    } else {
        text = tr("History on this computer: %Ln dialog(s)", nullptr, progress.cachedDialogs);
    }
    m_backfillLabel->setText(text);
    m_backfillLabel->setToolTip(
        progress.cachedFrom.isValid()
            ? tr("Searchable here without the server: dialogs since %1")
                  .arg(progress.cachedFrom.toString(QStringLiteral("dd.MM.yyyy")))
            : QString());
    m_backfillBar->setVisible(progress.running && !progress.complete);
    m_backfillBar->setRange(0, qMax(1, progress.totalDialogs));
    m_backfillBar->setValue(qMin(progress.cachedDialogs, qMax(1, progress.totalDialogs)));
}

QList<qint64> HistoryWindow::selectedDialogIds() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<qint64> ids;
    for (const QModelIndex &index : std::as_const(rows))
        ids.append(m_model->dialogId(index.row()));
    return ids;
}

void HistoryWindow::updateExportActions()
{
    const bool busy = m_exporter->isRunning() || m_collector->isRunning();
    const bool may = !busy && m_table->selectionModel()->hasSelection();
    m_exportText->setEnabled(may);
    m_exportExcel->setEnabled(may);
    m_exportAll->setEnabled(!busy && m_model->rowCount() > 0);
    const QString why = busy ? tr("An export is running.")
                             : tr("Select the dialogs to export, or use Export all found.");
    m_exportText->setToolTip(may ? tr("Save the selected dialogs as a text file") : why);
    m_exportExcel->setToolTip(may ? tr("Save the selected dialogs as an Excel workbook") : why);
}

void HistoryWindow::exportSelection(HistoryExportJob::Format format)
{
    // Taken before the file dialog: while it is open the list may refresh (a backfill page, a
    // live line) and the selection with it; what the operator chose is what goes.
    const QList<qint64> ids = selectedDialogIds();
    if (ids.isEmpty() || m_exporter->isRunning() || m_collector->isRunning())
        return;
    const QString path = m_exporter->askForPath(format, int(ids.size()));
    if (!path.isEmpty())
        startExport(ids, format, path);
}

bool HistoryWindow::exportSelectionTo(HistoryExportJob::Format format, const QString &path)
{
    return startExport(selectedDialogIds(), format, path);
}

bool HistoryWindow::startExport(const QList<qint64> &dialogIds, HistoryExportJob::Format format,
                                const QString &path)
{
    m_notice->clearNotice();
    return m_exporter->start(dialogIds, format, path);
}

bool HistoryWindow::exportAllFound(HistoryExportJob::Format format, const QString &path)
{
    if (m_exporter->isRunning() || m_collector->isRunning())
        return false;
    m_allFormat = format;
    m_allPath = path;
    m_cappedNote.clear();
    const bool started = m_collector->start();
    updateExportActions();
    return started;
}

void HistoryWindow::onAllFound(const QList<qint64> &dialogIds, bool capped, bool abandoned)
{
    updateExportActions();
    if (abandoned) {
        m_notice->showNotice(NoticeBar::Kind::Info, tr("The search changed, so nothing was exported."));
        return;
    }
    if (dialogIds.isEmpty()) {
        m_notice->showNotice(NoticeBar::Kind::Info, tr("No dialogs were found, so nothing was exported."));
        return;
    }
    m_notice->clearNotice();
    const QString path = m_allPath.isEmpty() ? m_exporter->askForPath(m_allFormat, int(dialogIds.size())) : m_allPath;
    if (path.isEmpty())
        return;
    m_cappedNote = capped ? tr("More dialogs were found: only the newest %L1 go in one export; narrow the "
                               "search (dates, filters) for the rest.")
                                .arg(m_collector->limit())
                          : QString();
    startExport(dialogIds, m_allFormat, path);
}

void HistoryWindow::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid() && !m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    QMenu menu(this);
    QAction *text = menu.addAction(m_exportText->text());
    text->setObjectName(QStringLiteral("historyExportTextAction"));
    text->setEnabled(m_exportText->isEnabled());
    connect(text, &QAction::triggered, this, [this] { exportSelection(HistoryExportJob::Format::Text); });
    QAction *excel = menu.addAction(m_exportExcel->text());
    excel->setObjectName(QStringLiteral("historyExportExcelAction"));
    excel->setEnabled(m_exportExcel->isEnabled());
    connect(excel, &QAction::triggered, this, [this] { exportSelection(HistoryExportJob::Format::Excel); });
    QAction *allText = menu.addAction(tr("Export all found as text…"));
    allText->setEnabled(m_exportAll->isEnabled());
    connect(allText, &QAction::triggered, this, [this] { exportAllFound(HistoryExportJob::Format::Text); });
    QAction *allExcel = menu.addAction(tr("Export all found to Excel…"));
    allExcel->setEnabled(m_exportAll->isEnabled());
    connect(allExcel, &QAction::triggered, this, [this] { exportAllFound(HistoryExportJob::Format::Excel); });
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Select all"));
    connect(all, &QAction::triggered, m_table, &QTreeView::selectAll);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void HistoryWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1180, 760);
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_detailSplitter->restoreState(settings.value(kDetailSplitterKey).toByteArray());
    const QByteArray columns = settings.value(kColumnsKey).toByteArray();
    if (!columns.isEmpty())
        m_table->header()->restoreState(columns);
}

void HistoryWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kDetailSplitterKey, m_detailSplitter->saveState());
    settings.setValue(kColumnsKey, m_table->header()->saveState());
}

bool HistoryWindow::mayCloseDuringExport()
{
    if (m_collector->isRunning())
        m_collector->cancel(); // nothing written yet: no need to ask
    if (!m_exporter->isRunning() || m_discardExport)
        return true;
    QMessageBox question(QMessageBox::Question, tr("Export running"),
                         tr("An export is running — cancel it? Nothing of it is written then."),
                         QMessageBox::NoButton, this);
    question.setObjectName(QStringLiteral("historyCloseQuestionBox"));
    QPushButton *cancelExport = question.addButton(tr("Cancel the export"), QMessageBox::DestructiveRole);
    QPushButton *keep = question.addButton(tr("Keep exporting"), QMessageBox::RejectRole);
    question.setDefaultButton(keep);
    question.setEscapeButton(keep);
    m_closeQuestion = &question;
    question.exec();
    m_closeQuestion = nullptr;
    if (question.clickedButton() != cancelExport)
        return false;
    m_exporter->cancel(); // the job stops between two dialogs; its temporary file goes
    return true;
}

void HistoryWindow::closeDiscardingExport()
{
    m_discardExport = true;
    m_collector->cancel();
    m_exporter->cancel();
    close();
}

void HistoryWindow::closeEvent(QCloseEvent *event)
{
    if (!mayCloseDuringExport()) {
        event->ignore();
        return;
    }
    saveLayout();
    QWidget::closeEvent(event);
}

} // namespace concierge::ui
