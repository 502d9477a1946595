// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TranscriptText.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTimeZone>

#include <memory>

namespace concierge {

/// Exports cached dialogs (docs/protocol.md, "History": "Transcript text" and "The Excel
/// workbook") on a worker thread with its own connection to the cache file: progress as it goes,
/// cancel at any moment, and the file appears whole or not at all (written next to the target
/// under a temporary name and renamed over it at the end; on failure or cancel nothing is left
/// and an existing file there is untouched). The dialogs must be cached whole first
/// (HistoryArchive::ensureCached).
class HistoryExportJob : public QObject
{
    Q_OBJECT
public:
    enum class Format { Text, Excel };

    HistoryExportJob(const QString &databasePath, QObject *parent = nullptr);
    ~HistoryExportJob() override;

    /// Starts exporting \a dialogIds (in that order) to \a path. \a wording words system lines in
    /// the app's language (called on the worker thread: it must not touch widgets); times in \a zone.
    /// Header words come from tr() at the moment start() is called.
    void start(const QList<qint64> &dialogIds, Format format, const QString &path,
               const SystemLineWording &wording, const QTimeZone &zone = QTimeZone::systemTimeZone());
    /// Stops the export before its next dialog; finished() then says it was cancelled. Safe from
    /// any thread (the wording may call it from the worker).
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(int doneDialogs, int totalDialogs);
    /// \a ok false: \a error is a whole sentence for the operator ("Cannot write to /x: Permission
    /// denied.", "The export was cancelled."); nothing was written.
    void finished(bool ok, const QString &path, const QString &error);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
