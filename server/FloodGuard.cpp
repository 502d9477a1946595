// SPDX-License-Identifier: GPL-3.0-or-later
#include "FloodGuard.h"

#include <algorithm>

namespace concierge::server {

FloodGuard::FloodGuard(qint64 limit, std::chrono::seconds window)
    : m_limit(limit)
    , m_window(window)
{
}

void FloodGuard::forgetOld(qint64 key, Clock::time_point now)
{
    auto it = m_actions.find(key);
    if (it == m_actions.end())
        return;
    auto &entries = it.value();
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const auto &entry) { return now - entry.first >= m_window; }),
                  entries.end());
    if (entries.isEmpty())
        m_actions.erase(it); // a visitor gone quiet costs no memory
}

int FloodGuard::waitFor(qint64 key, qint64 amount)
{
    const Clock::time_point now = Clock::now();
    forgetOld(key, now);
    const auto it = m_actions.constFind(key);
    if (it == m_actions.cend())
        return 0;
    qint64 used = 0;
    for (const auto &entry : it.value())
        used += entry.second;
    // The oldest entries leave the window first: wait until enough of them have.
    const qint64 needed = std::min(amount, m_limit);
    for (const auto &[when, counted] : it.value()) {
        if (used + needed <= m_limit)
            break;
        used -= counted;
        if (used + needed <= m_limit) {
            const auto wait = std::chrono::ceil<std::chrono::seconds>(when + m_window - now);
            return std::max<int>(1, static_cast<int>(wait.count()));
        }
    }
    return 0;
}

int FloodGuard::tryAction(qint64 key, qint64 amount)
{
    if (const int wait = waitFor(key, amount))
        return wait;
    m_actions[key].append({Clock::now(), std::min(amount, m_limit)});
    return 0;
}

} // namespace concierge::server
