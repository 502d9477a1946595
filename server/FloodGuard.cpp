// SPDX-License-Identifier: GPL-3.0-or-later
#include "FloodGuard.h"

#include <algorithm>

namespace concierge::server {

FloodGuard::FloodGuard(int limit, std::chrono::seconds window)
    : m_limit(limit)
    , m_window(window)
{
}

int FloodGuard::tryAction(qint64 key)
{
    const Clock::time_point now = Clock::now();
    QList<Clock::time_point> &times = m_actions[key];
    times.erase(std::remove_if(times.begin(), times.end(), [&](Clock::time_point t) { return now - t >= m_window; }),
                times.end());
    if (times.size() >= m_limit) {
        const auto wait = std::chrono::ceil<std::chrono::seconds>(times.first() + m_window - now);
        return std::max<int>(1, static_cast<int>(wait.count()));
    }
    times.append(now);
    return 0;
}

} // namespace concierge::server
