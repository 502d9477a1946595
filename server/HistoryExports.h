// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "HistoryExportWriter.h"

#include <QHttpServerResponder>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace concierge::server {

/// Runs history exports off the main thread: each on a worker QThread of its own with its own
/// database connection (HistoryExportWriter), at most kMaxRunning at once, so writing thousands of
/// dialogs never stalls the chats. The caller's responder waits here and is answered on the main
/// thread (QtHttpServer's responders belong to the thread of their socket) once the file is ready.
class HistoryExports
{
public:
    /// More exports at once would only share the same two cores and disk with the chats.
    static constexpr int kMaxRunning = 2;

    /// Called on the main thread with what the writer did and the responder still to answer.
    using Answer = std::function<void(HistoryExportWriter::Outcome &&outcome, QHttpServerResponder &&responder)>;

    /// \a databasePath: the server's SQLite file, which each writer opens for itself.
    HistoryExports(QString databasePath, Answer answer);
    /// stop().
    ~HistoryExports();
    HistoryExports(const HistoryExports &) = delete;
    HistoryExports &operator=(const HistoryExports &) = delete;

    /// Whether kMaxRunning exports are already being written (start() must not be called then).
    bool isFull() const;
    /// Writes \a order on a new worker thread; \a responder is answered through the Answer.
    void start(HistoryExportWriter::Order order, QHttpServerResponder &&responder);
    /// Asks every running export to stop, waits for their threads and drops their callers
    /// unanswered (and their files). For shutdown: must run while the QHttpServer whose
    /// connections the responders point at still exists. Nothing starts afterwards.
    void stop();

private:
    struct Running;
    /// On the main thread once \a running's thread has finished: answers its caller.
    void finish(Running *running);

    QString m_databasePath;
    Answer m_answer;
    QObject m_mainThread; ///< receives the workers' `finished` on the main thread
    std::vector<std::unique_ptr<Running>> m_running;
    bool m_stopped = false;
};

} // namespace concierge::server
