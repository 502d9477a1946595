// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"
#include "protocol/Message.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace concierge {

class LocalStore;

/// Writes what the HistoryArchive fetched into the LocalStore without stalling the GUI thread: a
/// history.page may bring a thousand lines and more, so the lines go in slices of a few hundred,
/// one transaction each, with the event loop turning between slices; the dialogs' rows follow with
/// the last slice (until then a dialog is not listed). Jobs are written one after another, in the
/// order queued. A job that could not be written (disk full, read-only file) stops at the failed
/// slice and says so; what it wrote before stays, harmlessly (a line is indexed once, a row
/// without its dialog is never listed), so fetching the same answer again completes it.
class HistoryStoreQueue : public QObject
{
    Q_OBJECT
public:
    /// Called once the job is written (\a stored true) or a write failed (false).
    using Done = std::function<void(bool stored)>;
    enum class Kind { Walk, Fetch }; ///< the backfill's answers; dialogs fetched on demand

    explicit HistoryStoreQueue(LocalStore *store, QObject *parent = nullptr);
    ~HistoryStoreQueue() override;

    void enqueue(Kind kind, const QList<protocol::HistoryDialog> &dialogs, const QList<protocol::Message> &lines,
                 Done done);
    /// Drops the jobs of \a kind not written yet (their done is not called): another viewer.
    void drop(Kind kind);
    bool busy(Kind kind) const;
    /// The longest time one slice held the GUI thread so far, in milliseconds (a figure for tests).
    qint64 longestSliceMs() const;

    static constexpr int kLinesPerSlice = 200;

private:
    void writeSlice();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
