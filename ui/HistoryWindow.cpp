// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryWindow.h"

#include "HistoryArchive.h"
#include "HistoryExporter.h"
#include "HistoryFilterBar.h"
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

namespace concierge::ui {

namespace {

const QString kGeometryKey = QStringLiteral("historyWindow/geometry");
const QString kSplitterKey = QStringLiteral("historyWindow/splitter");
const QString kDetailSplitterKey = QStringLiteral("historyWindow/detailSplitter");
const QString kColumnsKey = QStringLiteral("historyWindow/columns");

/// Widths that fit "dd.MM.yyyy HH:mm" and a name or two before the operator widens anything.
void setDefaultColumnWidths(QHeaderView *header)
{
    const int widths[HistoryListModel::ColumnCount] = {60, 120, 120, 160, 130, 110, 110, 80, 70};
    for (int column = 0; column < HistoryListModel::ColumnCount; ++column)
        header->resizeSection(column, widths[column]);
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
    , m_notice(new NoticeBar(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_detailSplitter(new QSplitter(Qt::Horizontal, m_splitter))
    , m_results(new QStackedWidget(m_splitter))
    , m_table(new QTreeView(m_results))
    , m_emptyLabel(new QLabel(m_results))
    , m_transcript(new HistoryTranscriptView(m_detailSplitter))
    , m_card(new HistoryVisitorCard(m_detailSplitter))
    , m_statusLabel(new QLabel(this))
    , m_backfillLabel(new QLabel(this))
    , m_backfillBar(new QProgressBar(this))
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
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionsMovable(false);
    setDefaultColumnWidths(m_table->header());
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setWordWrap(true);
    m_results->addWidget(m_table);
    m_results->addWidget(m_emptyLabel);

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
    connect(m_filtersButton, &QToolButton::toggled, this, [this](bool shown) {
        m_filterBar->setVisible(shown);
        m_filtersButton->setArrowType(shown ? Qt::UpArrow : Qt::DownArrow);
    });
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, &HistoryWindow::focusSearch);

    connect(m_model, &HistoryListModel::statusChanged, this, [this] {
        m_statusLabel->setText(m_model->status());
        updateEmptyState();
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
    connect(m_table, &QWidget::customContextMenuRequested, this, &HistoryWindow::showContextMenu);

    HistoryArchive *archive = session->history();
    connect(archive, &HistoryArchive::progressChanged, this, &HistoryWindow::updateBackfill);
    connect(archive, &HistoryArchive::dialogsReady, this, &HistoryWindow::onDialogsReady);
    connect(archive, &HistoryArchive::fetchFailed, this, &HistoryWindow::onFetchFailed);

    connect(m_exportText, &QPushButton::clicked, this,
            [this] { exportSelection(HistoryExportJob::Format::Text); });
    connect(m_exportExcel, &QPushButton::clicked, this,
            [this] { exportSelection(HistoryExportJob::Format::Excel); });
    connect(m_exporter, &HistoryExporter::runningChanged, this, &HistoryWindow::updateExportActions);
    connect(m_exporter, &HistoryExporter::finished, this, [this](bool ok, const QString &, const QString &message) {
        m_notice->showNotice(ok ? NoticeBar::Kind::Info : NoticeBar::Kind::Error, message);
    });

    restoreLayout();
    updateBackfill();
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
    m_model->setQuery(m_search->text(), m_filterBar->filter());
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
        m_transcript->showMessage(m_model->rowCount() > 0 ? tr("Select a dialog to read it.") : QString());
        m_card->clear();
    }
    updateEmptyState();
}

void HistoryWindow::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0 && !m_model->searching();
    if (!empty) {
        m_results->setCurrentWidget(m_table);
        return;
    }
    const bool asked = !m_search->text().trimmed().isEmpty() || !m_filterBar->filter().isEmpty();
    m_emptyLabel->setText(asked ? tr("No dialogs match") : tr("Type to search the history"));
    m_results->setCurrentWidget(m_emptyLabel);
}

void HistoryWindow::showRow(int row)
{
    const protocol::HistoryHit hit = m_model->hit(row);
    const qint64 id = hit.dialog.dialog.id;
    if (id == 0)
        return;
    m_openDialogId = id;
    HistoryArchive *archive = m_session->history();
    const protocol::HistoryDialog dialog = archive->dialog(id).value_or(hit.dialog);
    m_card->showDialog(dialog);
    if (archive->messages(id).isEmpty())
        m_transcript->showMessage(tr("Loading…")); // found on the server only: its lines come next
    else
        showTranscript(dialog);
    // Brings whatever is missing (a dialog found on the server, one cached while still open);
    // dialogsReady() then shows it whole.
    archive->ensureCached({id});
}

void HistoryWindow::showTranscript(const protocol::HistoryDialog &dialog)
{
    m_transcript->showDialog(dialog, m_session->history()->messages(dialog.dialog.id));
}

void HistoryWindow::onDialogsReady(const QList<qint64> &dialogIds)
{
    if (m_openDialogId == 0 || !dialogIds.contains(m_openDialogId))
        return;
    const auto dialog = m_session->history()->dialog(m_openDialogId);
    if (!dialog)
        return;
    const QList<protocol::Message> lines = m_session->history()->messages(m_openDialogId);
    // Already on screen as it is: keep the reader's scroll position.
    if (m_transcript->dialogId() == m_openDialogId && m_transcript->lineTexts().size() == lines.size())
        return;
    m_card->showDialog(*dialog);
    m_transcript->showDialog(*dialog, lines);
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
        text = tr("History on this computer: %1 of %2 dialogs")
                   .arg(locale.toString(progress.cachedDialogs), locale.toString(progress.totalDialogs));
    } else {
        text = tr("History on this computer: %Ln dialog(s)", nullptr, progress.cachedDialogs);
    }
    m_backfillLabel->setText(text);
    m_backfillLabel->setToolTip(
        progress.cachedFrom.isValid()
            ? tr("Searchable here without the server: dialogs since %1")
                  .arg(locale.toString(progress.cachedFrom, QLocale::ShortFormat))
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
    const bool may = !m_exporter->isRunning() && m_table->selectionModel()->hasSelection();
    m_exportText->setEnabled(may);
    m_exportExcel->setEnabled(may);
    const QString why = m_exporter->isRunning() ? tr("An export is running.")
                                                : tr("Select the dialogs to export (Ctrl+A: all found).");
    m_exportText->setToolTip(may ? tr("Save the selected dialogs as a text file") : why);
    m_exportExcel->setToolTip(may ? tr("Save the selected dialogs as an Excel workbook") : why);
}

void HistoryWindow::exportSelection(HistoryExportJob::Format format)
{
    const QList<qint64> ids = selectedDialogIds();
    if (ids.isEmpty() || m_exporter->isRunning())
        return;
    const QString path = m_exporter->askForPath(format, int(ids.size()));
    if (!path.isEmpty())
        exportSelectionTo(format, path);
}

bool HistoryWindow::exportSelectionTo(HistoryExportJob::Format format, const QString &path)
{
    m_notice->clearNotice();
    return m_exporter->start(selectedDialogIds(), format, path);
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

void HistoryWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    QWidget::closeEvent(event);
}

} // namespace concierge::ui
