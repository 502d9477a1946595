// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryExporter.h"

#include "HistoryArchive.h"
#include "OperatorSession.h"
#include "SystemLineText.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QProgressDialog>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>

namespace concierge::ui {

namespace {

const QString kFolderKey = QStringLiteral("historyWindow/exportFolder");

} // namespace

HistoryExporter::HistoryExporter(OperatorSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
{
    HistoryArchive *archive = session->history();
    connect(archive, &HistoryArchive::dialogsReady, this, &HistoryExporter::onDialogsReady);
    connect(archive, &HistoryArchive::fetchFailed, this, &HistoryExporter::onFetchFailed);
}

HistoryExporter::~HistoryExporter()
{
    // Closing the window mid-way: the job (a child) cancels and removes its temporary file.
    if (m_job)
        m_job->cancel();
}

QProgressDialog *HistoryExporter::progressDialog() const
{
    return m_progress;
}

QString HistoryExporter::askForPath(Format format, int dialogCount)
{
    QSettings settings;
    QString folder = settings.value(kFolderKey).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const bool text = format == Format::Text;
    const QString suffix = text ? QStringLiteral("txt") : QStringLiteral("xlsx");
    const QString name = QStringLiteral("history-") + QDate::currentDate().toString(Qt::ISODate)
                         + QLatin1Char('.') + suffix;
    QFileDialog dialog(m_window,
                       text ? tr("Export %n dialog(s) as text", nullptr, dialogCount)
                            : tr("Export %n dialog(s) to Excel", nullptr, dialogCount),
                       QDir(folder).filePath(name),
                       text ? tr("Text files (*.txt)") : tr("Excel workbooks (*.xlsx)"));
    dialog.setObjectName(QStringLiteral("historyExportFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(suffix);
    dialog.setOption(QFileDialog::DontUseNativeDialog, !m_nativeFileDialog);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return {};
    const QString path = dialog.selectedFiles().constFirst();
    settings.setValue(kFolderKey, QFileInfo(path).absolutePath());
    return path;
}

bool HistoryExporter::start(const QList<qint64> &dialogIds, Format format, const QString &path)
{
    if (isRunning() || dialogIds.isEmpty() || path.isEmpty())
        return false;
    m_dialogIds = dialogIds;
    m_format = format;
    m_path = path;

    auto *progress = new QProgressDialog(tr("Preparing %n dialog(s)…", nullptr, int(dialogIds.size())),
                                         tr("Cancel"), 0, int(dialogIds.size()), m_window);
    progress->setObjectName(QStringLiteral("historyExportProgressDialog"));
    progress->setWindowTitle(format == Format::Text ? tr("Export as text") : tr("Export to Excel"));
    // Not modal: a modal one handles events inside setValue(), where the job's end could pull it
    // away mid-update; the export buttons are off meanwhile, and the exporter keeps its own list.
    progress->setWindowModality(Qt::NonModal);
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    progress->setMinimumDuration(0);
    progress->setMinimumWidth(360);
    progress->setValue(0);
    connect(progress, &QProgressDialog::canceled, this, &HistoryExporter::cancel);
    m_progress = progress;
    progress->show();
    Q_EMIT runningChanged(true);
    // Lines of dialogs found on the server only are fetched first; the job reads the cache alone.
    m_session->history()->ensureCached(dialogIds);
    return true;
}

void HistoryExporter::onDialogsReady(const QList<qint64> &dialogIds)
{
    if (!isRunning() || m_job)
        return;
    const QSet<qint64> ready(dialogIds.cbegin(), dialogIds.cend());
    for (qint64 id : std::as_const(m_dialogIds)) {
        if (!ready.contains(id))
            return; // another request's answer (a transcript being opened)
    }
    startJob();
}

void HistoryExporter::onFetchFailed(const QList<qint64> &dialogIds, const QString &message)
{
    if (!isRunning() || m_job)
        return;
    for (qint64 id : dialogIds) {
        if (m_dialogIds.contains(id)) {
            finish(false, tr("The dialogs could not be loaded from the server, so nothing was exported: %1")
                              .arg(message));
            return;
        }
    }
}

void HistoryExporter::startJob()
{
    auto *job = new HistoryExportJob(m_session->databasePath(), this);
    m_job = job;
    connect(job, &HistoryExportJob::progress, this, [this](int done, int total) {
        if (m_progress) {
            m_progress->setLabelText(tr("Exported %1 of %n dialog(s)…", nullptr, total).arg(done));
            m_progress->setMaximum(total);
            m_progress->setValue(done);
        }
        Q_EMIT progress(done, total);
    });
    connect(job, &HistoryExportJob::finished, this, [this, job](bool ok, const QString &, const QString &error) {
        job->deleteLater();
        finish(ok, ok ? tr("Exported %n dialog(s) to %1", nullptr, int(m_dialogIds.size()))
                            .arg(QDir::toNativeSeparators(m_path))
                      : error);
    });
    if (m_progress)
        m_progress->setLabelText(tr("Exporting…"));
    // System lines are worded as the dialog pane words them, in the app's language (tr() is
    // thread-safe; the wording touches no widget).
    job->start(m_dialogIds, m_format, m_path, &SystemLineText::describe);
}

void HistoryExporter::cancel()
{
    if (!isRunning())
        return;
    if (m_job) {
        m_job->cancel(); // finished(false, "The export was cancelled.") follows
        return;
    }
    finish(false, tr("The export was cancelled."));
}

void HistoryExporter::finish(bool ok, const QString &message)
{
    const QString path = m_path;
    m_dialogIds.clear(); // first: closing the progress dialog says "canceled" again
    m_job = nullptr;
    if (m_progress) {
        m_progress->hide();
        m_progress->deleteLater();
        m_progress = nullptr;
    }
    Q_EMIT runningChanged(false);
    Q_EMIT finished(ok, path, message);
}

} // namespace concierge::ui
