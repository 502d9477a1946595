// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLog.h"

#include "protocol/Frame.h"

namespace concierge::server {

EventLog::EventLog(int capacity)
    : m_capacity(capacity)
{
}

QJsonObject EventLog::append(const QString &name, const QJsonObject &data)
{
    ++m_lastSeq;
    QJsonObject frame = protocol::makeEvent(m_lastSeq, name, data);
    m_events.push_back({m_lastSeq, frame});
    while (static_cast<int>(m_events.size()) > m_capacity)
        m_events.pop_front();
    return frame;
}

void EventLog::acknowledge(qint64 seq)
{
    while (!m_events.empty() && m_events.front().seq <= seq)
        m_events.pop_front();
}

bool EventLog::canResumeFrom(qint64 lastSeq) const
{
    if (lastSeq < 0 || lastSeq > m_lastSeq)
        return false;
    if (lastSeq == m_lastSeq)
        return true;
    return !m_events.empty() && m_events.front().seq <= lastSeq + 1;
}

QList<QJsonObject> EventLog::eventsAfter(qint64 lastSeq) const
{
    QList<QJsonObject> frames;
    for (const Entry &entry : m_events) {
        if (entry.seq > lastSeq)
            frames.append(entry.frame);
    }
    return frames;
}

} // namespace concierge::server
