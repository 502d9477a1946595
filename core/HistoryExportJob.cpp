// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryExportJob.h"

#include "HistoryTextExport.h"
#include "HistoryWorkbook.h"
#include "LocalStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QThread>

#include <atomic>
#include <filesystem>
#include <system_error>

namespace concierge {

using namespace Qt::StringLiterals;

// Free functions name the class context explicitly: lupdate run over the file list (tst_translations)
// cannot tell a qualified HistoryExportJob::tr() here from a class outside the namespace.
namespace {

/// The workbook's words in the app's language (HistoryWorkbook's defaults are the server's English).
HistoryWorkbook::Labels translatedLabels()
{
    HistoryWorkbook::Labels labels;
    labels.dialogsSheet = QCoreApplication::translate("concierge::HistoryExportJob", "Dialogs", "Excel export: sheet name (at most 31 characters)");
    labels.messagesSheet = QCoreApplication::translate("concierge::HistoryExportJob", "Messages", "Excel export: sheet name (at most 27 characters)");
    labels.continuedSheet =
        QCoreApplication::translate("concierge::HistoryExportJob", "%1 (%2)", "Excel export: a continued sheet's name: the first sheet's name, its number");
    labels.dialogColumns = {
        QCoreApplication::translate("concierge::HistoryExportJob", "Number", "Excel export: column of the dialog's number"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Start", "Excel export: column, when the dialog started"),
        QCoreApplication::translate("concierge::HistoryExportJob", "End", "Excel export: column, when the dialog was closed"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Visitor", "Excel export: column, the visitor's name"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Operator", "Excel export: column, the operator's name"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Department", "Excel export: column"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Category", "Excel export: column"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Rating", "Excel export: column, the visitor's score 1-5"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Messages", "Excel export: column, how many messages the dialog has"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Contact", "Excel export: column, the contact details the visitor left"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Offline request", "Excel export: column"),
    };
    labels.messageColumns = {
        QCoreApplication::translate("concierge::HistoryExportJob", "Dialog", "Excel export: column, the dialog's number"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Time", "Excel export: column"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Author", "Excel export: column, Visitor/Operator/System"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Name", "Excel export: column, the author's name"),
        QCoreApplication::translate("concierge::HistoryExportJob", "Text", "Excel export: column, the message"),
    };
    labels.visitorAuthor = QCoreApplication::translate("concierge::HistoryExportJob", "Visitor", "Excel export: author of a line");
    labels.operatorAuthor = QCoreApplication::translate("concierge::HistoryExportJob", "Operator", "Excel export: author of a line");
    labels.systemAuthor = QCoreApplication::translate("concierge::HistoryExportJob", "System", "Excel export: author of a line (an event)");
    labels.fileText = QCoreApplication::translate("concierge::HistoryExportJob", "[file: %1, %2]", "Excel export: a file sent in the dialog: name, size");
    labels.yes = QCoreApplication::translate("concierge::HistoryExportJob", "Yes", "Excel export: the dialog is an offline request");
    return labels;
}

/// What the worker hands back to the job's thread.
struct Outcome
{
    bool ok = false;
    QString error;
};

std::filesystem::path fsPath(const QString &path)
{
    return std::filesystem::path(QDir::toNativeSeparators(path).toStdU16String());
}

} // namespace

struct HistoryExportJob::Private
{
    QString databasePath;
    QThread *thread = nullptr;
    std::atomic_bool cancelled = false;
    Outcome outcome; // written by the worker, read after its thread finished

    // Everything below runs on the worker thread.

    QString cannotWrite(const QString &path, const QString &reason) const
    {
        return QCoreApplication::translate("concierge::HistoryExportJob", "Cannot write to “%1”: %2.", "folder, the system's reason")
            .arg(QDir::toNativeSeparators(QFileInfo(path).absolutePath()), reason);
    }

    /// The dialog and its lines from the cache; false with \a error when it is not there.
    bool load(const LocalStore &store, qint64 id, protocol::HistoryDialog *dialog, QList<protocol::Message> *lines,
              QString *error) const
    {
        const std::optional<protocol::HistoryDialog> cached = store.historyDialog(id);
        if (!cached) {
            *error = QCoreApplication::translate("concierge::HistoryExportJob", "Dialog #%1 is not in this computer's history cache.").arg(id);
            return false;
        }
        *dialog = *cached;
        *lines = store.historyMessages(id);
        return true;
    }

    Outcome exportText(HistoryExportJob *job, const LocalStore &store, const QList<qint64> &ids, const QString &path,
                       const SystemLineWording &wording, const QTimeZone &zone)
    {
        // QSaveFile writes next to the target and renames over it on commit(); dropped unfinished,
        // it removes its temporary file and the target stays as it was.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {false, cannotWrite(path, file.errorString())};
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (cancelled)
                return {false, QCoreApplication::translate("concierge::HistoryExportJob", "The export was cancelled.")};
            protocol::HistoryDialog dialog;
            QList<protocol::Message> lines;
            QString error;
            if (!load(store, ids.at(i), &dialog, &lines, &error))
                return {false, error};
            QString text = HistoryTextExport::dialogText(dialog, lines, wording, zone);
            if (i > 0)
                text.prepend(HistoryTextExport::separator());
            if (file.write(text.toUtf8()) < 0)
                return {false, cannotWrite(path, file.errorString())};
            reportProgress(job, int(i + 1), int(ids.size()));
        }
        if (cancelled)
            return {false, QCoreApplication::translate("concierge::HistoryExportJob", "The export was cancelled.")};
        if (!file.commit())
            return {false, cannotWrite(path, file.errorString())};
        return {true, {}};
    }

    Outcome exportExcel(HistoryExportJob *job, const LocalStore &store, const QList<qint64> &ids, const QString &path,
                        const SystemLineWording &wording, const QTimeZone &zone, const HistoryWorkbook::Labels &labels)
    {
        // libxlsxwriter writes its file only at the end; a temporary name in the target's folder,
        // renamed over the target when whole, keeps a half-written workbook from ever showing.
        const QString partPath = path + u'.' + QString::number(QRandomGenerator::global()->generate64(), 36) + u".part"_s;
        {
            // Created here first so an unwritable folder is told with the system's own reason.
            QFile probe(partPath);
            if (!probe.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                return {false, cannotWrite(path, probe.errorString())};
        }
        const auto failed = [&](const QString &error) {
            QFile::remove(partPath);
            return Outcome{false, error};
        };
        HistoryWorkbook book;
        if (!book.open(partPath, labels))
            return failed(book.errorString());
        for (qsizetype i = 0; i < ids.size(); ++i) {
            if (cancelled)
                return failed(QCoreApplication::translate("concierge::HistoryExportJob", "The export was cancelled."));
            protocol::HistoryDialog dialog;
            QList<protocol::Message> lines;
            QString error;
            if (!load(store, ids.at(i), &dialog, &lines, &error))
                return failed(error);
            if (!book.addDialog(dialog, lines, wording, zone))
                return failed(book.errorString());
            reportProgress(job, int(i + 1), int(ids.size()));
        }
        if (cancelled)
            return failed(QCoreApplication::translate("concierge::HistoryExportJob", "The export was cancelled."));
        if (!book.finish())
            return failed(book.errorString());
        if (cancelled) // finish() of a big workbook takes a while; a cancel meanwhile still counts
            return failed(QCoreApplication::translate("concierge::HistoryExportJob", "The export was cancelled."));
        std::error_code error;
        std::filesystem::rename(fsPath(partPath), fsPath(path), error); // replaces the target at once
        if (error)
            return failed(cannotWrite(path, QString::fromLocal8Bit(error.message())));
        return {true, {}};
    }

    static void reportProgress(HistoryExportJob *job, int done, int total)
    {
        // Queued to the job's thread; dropped if the job is gone by then.
        QMetaObject::invokeMethod(
            job, [job, done, total] { Q_EMIT job->progress(done, total); }, Qt::QueuedConnection);
    }
};

HistoryExportJob::HistoryExportJob(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->databasePath = databasePath;
}

HistoryExportJob::~HistoryExportJob()
{
    if (d->thread) {
        d->cancelled = true;
        d->thread->wait(); // the worker touches d; it stops within one dialog
        delete d->thread;
    }
}

void HistoryExportJob::start(const QList<qint64> &dialogIds, Format format, const QString &path,
                             const SystemLineWording &wording, const QTimeZone &zone)
{
    if (isRunning()) {
        qWarning("HistoryExportJob::start: an export is already running");
        return;
    }
    delete d->thread;
    d->cancelled = false;
    d->outcome = {};
    const HistoryWorkbook::Labels labels = translatedLabels(); // tr() now, on the caller's thread
    const QString databasePath = d->databasePath;
    d->thread = QThread::create([this, dialogIds, format, path, wording, zone, labels, databasePath] {
        LocalStore store; // its own connection, made and used on this thread only
        if (!store.open(databasePath)) {
            d->outcome = {false, tr("The history cache could not be opened: %1").arg(store.errorString())};
            return;
        }
        Private::reportProgress(this, 0, int(dialogIds.size()));
        d->outcome = format == Format::Text
            ? d->exportText(this, store, dialogIds, path, wording, zone)
            : d->exportExcel(this, store, dialogIds, path, wording, zone, labels);
    });
    d->thread->setObjectName(u"HistoryExportJob"_s);
    connect(d->thread, &QThread::finished, this, [this, path] {
        // Progress queued by the worker was posted before this, so it has been delivered.
        const Outcome outcome = d->outcome;
        d->thread->deleteLater();
        d->thread = nullptr;
        Q_EMIT finished(outcome.ok, path, outcome.error);
    });
    d->thread->start();
}

void HistoryExportJob::cancel()
{
    d->cancelled = true;
}

bool HistoryExportJob::isRunning() const
{
    return d->thread != nullptr;
}

} // namespace concierge
