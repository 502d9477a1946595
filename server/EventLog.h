// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <deque>

namespace concierge::server {

/// The events of one session (docs/protocol.md "Events, sequence numbers and resume"): numbers them
/// 1, 2, 3..., keeps the unacknowledged ones (at most `capacity`, oldest dropped first) and tells
/// whether a client that processed up to some seq can be resumed by replay.
class EventLog
{
public:
    static constexpr int kDefaultCapacity = 1000;
    explicit EventLog(int capacity = kDefaultCapacity);

    qint64 lastSeq() const { return m_lastSeq; }
    /// Numbers and stores an event; returns its frame.
    QJsonObject append(const QString &name, const QJsonObject &data);
    /// Drops events up to and including \a seq (acks are cumulative).
    void acknowledge(qint64 seq);
    /// True when every event after \a lastSeq is still here.
    bool canResumeFrom(qint64 lastSeq) const;
    /// The frames after \a lastSeq, in order (call canResumeFrom first).
    QList<QJsonObject> eventsAfter(qint64 lastSeq) const;
    int size() const { return static_cast<int>(m_events.size()); }

private:
    struct Entry
    {
        qint64 seq;
        QJsonObject frame;
    };
    int m_capacity;
    qint64 m_lastSeq = 0;
    std::deque<Entry> m_events;
};

} // namespace concierge::server
