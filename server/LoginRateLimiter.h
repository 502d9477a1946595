// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <chrono>

namespace concierge::server {

/// Counts failed logins per account and per address in a sliding window. Once an account (or an
/// address) reached its limit, every attempt — even with the right password — is refused until
/// the oldest failure leaves the window. An address gets 4x the account limit, so one office
/// behind a NAT does not lock itself out by one person's typos.
class LoginRateLimiter
{
public:
    LoginRateLimiter(int maxFailuresPerAccount, std::chrono::seconds window);

    /// 0 when an attempt is allowed; otherwise the seconds to wait (`retryAfter`).
    int retryAfter(const QString &account, const QString &address);
    void recordFailure(const QString &account, const QString &address);
    /// A successful login clears the account's failures (not the address's).
    void recordSuccess(const QString &account);

private:
    using Clock = std::chrono::steady_clock;
    int waitFor(QList<Clock::time_point> &failures, int limit, Clock::time_point now) const;

    int m_maxPerAccount;
    std::chrono::seconds m_window;
    QHash<QString, QList<Clock::time_point>> m_byAccount;
    QHash<QString, QList<Clock::time_point>> m_byAddress;
};

} // namespace concierge::server
