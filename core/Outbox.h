// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LocalStore.h"

#include <QObject>
#include <QSet>

namespace concierge {

/// Replies on their way to the server. A reply is written to the LocalStore BEFORE it is sent and
/// removed only when the server confirms it (the `message.send` result or the `message.new` echo
/// carrying its cid). The server dedups by cid, so resending everything still here after a
/// reconnect can never double a reply: nothing lost, nothing twice.
class Outbox : public QObject
{
    Q_OBJECT
public:
    /// `store` must be open and outlive the outbox.
    explicit Outbox(LocalStore *store, QObject *parent = nullptr);

    /// Persists a new reply and returns it (with a fresh cid). Empty cid if the store failed.
    OutboxEntry add(qint64 dialogId, const QString &text);
    /// The server has the reply: forget it. Returns false if it was not (or no longer) here.
    bool acknowledge(const QString &cid);
    /// Forget a reply the server refused for good (closed dialog, too long).
    bool discard(const QString &cid) { return acknowledge(cid); }

    QList<OutboxEntry> entries() const { return m_entries; }
    QList<OutboxEntry> entriesFor(qint64 dialogId) const;
    int count() const { return int(m_entries.size()); }
    bool contains(const QString &cid) const;

    /// Entries not yet sent on the current link, in order; marks them as sent on it.
    QList<OutboxEntry> takeUnsent();
    /// The link went down: whatever was sent on it may not have arrived, so all of it goes again.
    void linkLost() { m_inFlight.clear(); }
    /// The server could not take this reply just now (busy, failing): send it again next flush.
    void retryLater(const QString &cid) { m_inFlight.remove(cid); }

Q_SIGNALS:
    void countChanged(int count);

private:
    LocalStore *m_store;
    QList<OutboxEntry> m_entries; ///< mirror of the table, in order
    QSet<QString> m_inFlight;     ///< sent on the current link, no answer yet
};

} // namespace concierge
