// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistoryExportJob.h"

#include <QList>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace concierge {
class HistoryListModel;
class OperatorSession;
namespace protocol {
struct HistoryDialog;
}
} // namespace concierge

namespace concierge::ui {

class HistoryExporter;
class HistoryFilterBar;
class HistoryFoundCollector;
class HistoryTranscriptView;
class HistoryVisitorCard;
class NoticeBar;

/// File → History… (Ctrl+H): every dialog this operator may look back at (issue 7; the Webim
/// manual's "Просмотр истории диалогов"). A search box that finds as one types (the model searches
/// off the GUI thread; Ctrl+F goes to it, Esc clears it), advanced filters behind "Filters", the
/// results newest first with the matching line under each, and the selected dialog's transcript
/// beside the visitor as they were then. Selected dialogs export as text or to Excel. The status
/// line says what the search covered and how far the history on this computer has been filled.
/// Not modal; column widths, splitters and size are remembered. A top-level window of its own
/// (MainWindow closes it on logout and when it goes).
class HistoryWindow : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryWindow(OperatorSession *session, QWidget *parent = nullptr);
    ~HistoryWindow() override;

    /// The selected rows' dialogs, in the table's order (newest first).
    QList<qint64> selectedDialogIds() const;
    /// "Export as text…" / "Export to Excel…": asks for a file, then exports the selection.
    void exportSelection(HistoryExportJob::Format format);
    /// Exports the selection to \a path without asking (what the buttons do once a file is chosen).
    bool exportSelectionTo(HistoryExportJob::Format format, const QString &path);
    /// "Export all found": every dialog the search finds (not only the rows loaded), at most
    /// HistoryFoundCollector::kMaxDialogs, newest first. Asks for a file once they are gathered,
    /// unless \a path is given. False when an export is already under way.
    bool exportAllFound(HistoryExportJob::Format format, const QString &path = {});
    /// Logout or the main window going: cancels an export without asking, then closes.
    void closeDiscardingExport();
    /// Ctrl+F: to the search box, its text selected.
    void focusSearch();

    QLineEdit *searchEdit() const { return m_search; }
    QToolButton *filtersButton() const { return m_filtersButton; }
    HistoryFilterBar *filterBar() const { return m_filterBar; }
    QTreeView *tableView() const { return m_table; }
    HistoryListModel *model() const { return m_model; }
    HistoryTranscriptView *transcriptView() const { return m_transcript; }
    HistoryVisitorCard *visitorCard() const { return m_card; }
    QLabel *emptyLabel() const { return m_emptyLabel; }
    QLabel *statusLabel() const { return m_statusLabel; }
    QLabel *backfillLabel() const { return m_backfillLabel; }
    QProgressBar *backfillBar() const { return m_backfillBar; }
    NoticeBar *notice() const { return m_notice; }
    QPushButton *exportTextButton() const { return m_exportText; }
    QPushButton *exportExcelButton() const { return m_exportExcel; }
    QPushButton *exportAllButton() const { return m_exportAll; }
    /// Under "No dialogs match" while filters are on.
    QPushButton *emptyClearFiltersButton() const { return m_emptyClearFilters; }
    HistoryExporter *exporter() const { return m_exporter; }
    HistoryFoundCollector *foundCollector() const { return m_collector; }
    /// "An export is running — cancel it?" while it asks; null otherwise.
    QMessageBox *closeQuestion() const { return m_closeQuestion; }

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void runSearch();
    void showRow(int row);
    /// Re-reads the open dialog's lines (fetched whole, or a live line arrived), keeping the place.
    void reloadTranscript();
    bool startExport(const QList<qint64> &dialogIds, HistoryExportJob::Format format, const QString &path);
    void onAllFound(const QList<qint64> &dialogIds, bool capped, bool abandoned);
    void updateFiltersButton();
    /// True when the window may close: no export, or the operator chose to cancel it.
    bool mayCloseDuringExport();
    void onDialogsReady(const QList<qint64> &dialogIds);
    void onFetchFailed(const QList<qint64> &dialogIds, const QString &message);
    void onSearchFinished();
    void updateEmptyState();
    void updateBackfill();
    void updateExportActions();
    void showContextMenu(const QPoint &pos);
    void restoreLayout();
    void saveLayout() const;

    OperatorSession *m_session;
    HistoryListModel *m_model;
    HistoryExporter *m_exporter;
    QLineEdit *m_search;
    QToolButton *m_filtersButton;
    HistoryFilterBar *m_filterBar;
    QPushButton *m_exportText;
    QPushButton *m_exportExcel;
    QPushButton *m_exportAll;
    NoticeBar *m_notice;
    QSplitter *m_splitter;       ///< results over the dialog
    QSplitter *m_detailSplitter; ///< transcript beside the visitor
    QStackedWidget *m_results;
    QTreeView *m_table;
    QWidget *m_emptyPage;
    QLabel *m_emptyLabel;
    QPushButton *m_emptyClearFilters;
    HistoryTranscriptView *m_transcript;
    HistoryVisitorCard *m_card;
    QLabel *m_statusLabel;
    QLabel *m_backfillLabel;
    QProgressBar *m_backfillBar;
    HistoryFoundCollector *m_collector;
    QPointer<QMessageBox> m_closeQuestion;
    qint64 m_openDialogId = 0;  ///< the dialog whose transcript is (being) shown
    qint64 m_openMatchId = 0;   ///< its line the search matched (scrolled to and marked)
    bool m_readingRow = false;  ///< inside showRow(): its lines were just read
    bool m_discardExport = false; ///< closing without asking (logout)
    HistoryExportJob::Format m_allFormat = HistoryExportJob::Format::Text;
    QString m_allPath;          ///< "Export all found" to this file ("": ask once gathered)
    QString m_cappedNote;       ///< said after the export's outcome when only the newest went
    QString m_serverError;      ///< why the server could not be searched for this query
};

} // namespace concierge::ui
