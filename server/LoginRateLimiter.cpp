// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginRateLimiter.h"

namespace concierge::server {

LoginRateLimiter::LoginRateLimiter(int maxFailuresPerAccount, std::chrono::seconds window)
    : m_maxPerAccount(maxFailuresPerAccount)
    , m_window(window)
{
}

int LoginRateLimiter::waitFor(QList<Clock::time_point> &failures, int limit, Clock::time_point now) const
{
    while (!failures.isEmpty() && failures.constFirst() + m_window <= now)
        failures.removeFirst();
    if (failures.size() < limit)
        return 0;
    const auto left = failures.constFirst() + m_window - now;
    const auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
    return static_cast<int>(std::max<decltype(seconds)>(seconds, 1));
}

int LoginRateLimiter::retryAfter(const QString &account, const QString &address)
{
    const auto now = Clock::now();
    int wait = 0;
    if (auto it = m_byAccount.find(account); it != m_byAccount.end()) {
        wait = waitFor(*it, m_maxPerAccount, now);
        if (it->isEmpty())
            m_byAccount.erase(it);
    }
    if (auto it = m_byAddress.find(address); it != m_byAddress.end()) {
        wait = std::max(wait, waitFor(*it, m_maxPerAccount * 4, now));
        if (it->isEmpty())
            m_byAddress.erase(it);
    }
    return wait;
}

void LoginRateLimiter::recordFailure(const QString &account, const QString &address)
{
    const auto now = Clock::now();
    m_byAccount[account].append(now);
    m_byAddress[address].append(now);
}

void LoginRateLimiter::recordSuccess(const QString &account)
{
    m_byAccount.remove(account);
}

} // namespace concierge::server
