// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryExports.h"

#include <QFile>
#include <QThread>

#include <algorithm>
#include <optional>

namespace concierge::server {

using Result = HistoryExportWriter::Outcome::Result;

/// One export being written: its thread, the caller waiting for it and, once the thread is done,
/// what it wrote.
struct HistoryExports::Running
{
    std::unique_ptr<QThread> thread;
    std::optional<QHttpServerResponder> responder;
    /// Written by the worker thread only; read on the main thread only after `finished`.
    HistoryExportWriter::Outcome outcome;
};

HistoryExports::HistoryExports(QString databasePath, Answer answer)
    : m_databasePath(std::move(databasePath))
    , m_answer(std::move(answer))
{
}

HistoryExports::~HistoryExports()
{
    stop();
}

bool HistoryExports::isFull() const
{
    return m_stopped || m_running.size() >= static_cast<size_t>(kMaxRunning);
}

void HistoryExports::start(HistoryExportWriter::Order order, QHttpServerResponder &&responder)
{
    auto running = std::make_unique<Running>();
    Running *const raw = running.get();
    raw->responder.emplace(std::move(responder));
    raw->thread.reset(QThread::create([raw, path = m_databasePath, order = std::move(order)] {
        HistoryExportWriter writer(path);
        raw->outcome = writer.write(order);
    }));
    raw->thread->setObjectName(QStringLiteral("history export"));
    // Queued to the main thread: the responder and the answer are used there only.
    QObject::connect(raw->thread.get(), &QThread::finished, &m_mainThread, [this, raw] { finish(raw); },
                     Qt::QueuedConnection);
    m_running.push_back(std::move(running));
    raw->thread->start(QThread::LowPriority);
}

void HistoryExports::finish(Running *running)
{
    // Found by address only: after stop() the Running is gone and must not be touched.
    const auto it = std::find_if(m_running.begin(), m_running.end(),
                                 [running](const std::unique_ptr<Running> &each) { return each.get() == running; });
    if (it == m_running.end())
        return;
    std::unique_ptr<Running> done = std::move(*it);
    m_running.erase(it);
    done->thread->wait(); // `finished` is emitted just before the thread really ends
    QHttpServerResponder responder(std::move(*done->responder));
    done->responder.reset();
    m_answer(std::move(done->outcome), std::move(responder));
}

void HistoryExports::stop()
{
    m_stopped = true;
    for (const std::unique_ptr<Running> &running : m_running)
        running->thread->requestInterruption();
    for (const std::unique_ptr<Running> &running : m_running) {
        QObject::disconnect(running->thread.get(), nullptr, &m_mainThread, nullptr);
        running->thread->wait();
        if (running->outcome.result == Result::Written)
            QFile::remove(running->outcome.path);
    }
    m_running.clear(); // the responders go unanswered while their connections still exist
}

} // namespace concierge::server
