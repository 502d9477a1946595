// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>

#include <chrono>

namespace concierge::server {

/// Caps how often one key (a visitor) may do something within a sliding window. A visitor who
/// floods gets `rate_limited` with a `retryAfter`; nothing they sent before is touched, and nobody
/// else is slowed down.
class FloodGuard
{
public:
    FloodGuard(int limit, std::chrono::seconds window);

    /// 0 and counts the action when allowed; otherwise the whole seconds until it will be.
    int tryAction(qint64 key);

private:
    using Clock = std::chrono::steady_clock;
    int m_limit;
    std::chrono::seconds m_window;
    QHash<qint64, QList<Clock::time_point>> m_actions;
};

} // namespace concierge::server
