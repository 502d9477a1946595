// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>

#include <chrono>
#include <utility>

namespace concierge::server {

/// Caps how much one key (a visitor) may do within a sliding window: a number of actions, or an
/// amount such as bytes uploaded. A visitor who floods gets `rate_limited` with a `retryAfter`;
/// nothing they sent before is touched, and nobody else is slowed down.
class FloodGuard
{
public:
    FloodGuard(qint64 limit, std::chrono::seconds window);

    /// 0 and counts \a amount when it fits within the limit; otherwise the whole seconds until it
    /// will. An amount over the whole limit counts as the whole limit: it fits into an empty window.
    int tryAction(qint64 key, qint64 amount = 1);
    /// What tryAction() would answer, counting nothing.
    int waitFor(qint64 key, qint64 amount);

private:
    using Clock = std::chrono::steady_clock;
    void forgetOld(qint64 key, Clock::time_point now);

    qint64 m_limit;
    std::chrono::seconds m_window;
    QHash<qint64, QList<std::pair<Clock::time_point, qint64>>> m_actions; ///< when, how much
};

} // namespace concierge::server
