// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistoryExportJob.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QProgressDialog;
class QWidget;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The history window's "Export as text…" / "Export to Excel…": asks where (remembering the last
/// folder), brings every chosen dialog into the cache whole (HistoryArchive::ensureCached), then
/// runs a HistoryExportJob behind a progress dialog whose Cancel stops either step. One export at
/// a time. The outcome is one sentence for the operator (finished()).
class HistoryExporter : public QObject
{
    Q_OBJECT
public:
    using Format = HistoryExportJob::Format;

    /// \a window: where the file and progress dialogs show.
    HistoryExporter(OperatorSession *session, QWidget *window);
    ~HistoryExporter() override;

    /// Qt's own file dialog instead of the desktop's (tests drive it).
    void setUseNativeFileDialog(bool native) { m_nativeFileDialog = native; }
    /// The save dialog, in the folder used last; "" when the operator cancelled.
    QString askForPath(Format format, int dialogCount);
    /// Exports \a dialogIds (in this order) to \a path. False when an export is already running or
    /// there is nothing to export.
    bool start(const QList<qint64> &dialogIds, Format format, const QString &path);
    /// As the progress dialog's Cancel: nothing is written.
    void cancel();
    bool isRunning() const { return !m_dialogIds.isEmpty(); }
    /// Shown while running; null otherwise.
    QProgressDialog *progressDialog() const;

Q_SIGNALS:
    void runningChanged(bool running);
    void progress(int doneDialogs, int totalDialogs);
    /// \a message: "Exported 12 dialogs to /home/…/history.txt" or why nothing was written.
    void finished(bool ok, const QString &path, const QString &message);

private:
    void onDialogsReady(const QList<qint64> &dialogIds);
    void onFetchFailed(const QList<qint64> &dialogIds, const QString &message);
    void startJob();
    void finish(bool ok, const QString &message);

    OperatorSession *m_session;
    QWidget *m_window;
    bool m_nativeFileDialog = true;
    QList<qint64> m_dialogIds; ///< the export under way; empty: none
    Format m_format = Format::Text;
    QString m_path;
    QPointer<HistoryExportJob> m_job;
    QPointer<QProgressDialog> m_progress;
};

} // namespace concierge::ui
