// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdleStatus.h"

#include "IdleMonitor.h"
#include "OperatorSession.h"

#include <utility>

namespace concierge {

namespace {
constexpr int kDefaultPollMs = 5000;

/// The statuses idle time may replace: the operator is meant to be working in them.
bool isWorkingStatus(protocol::OperatorStatus status)
{
    using protocol::OperatorStatus;
    return status == OperatorStatus::Online || status == OperatorStatus::Invisible
        || status == OperatorStatus::BeforeLunch;
}
} // namespace

IdleStatus::IdleStatus(OperatorSession *session, IdleMonitor *monitor, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_monitor(monitor)
{
    m_poll.setInterval(kDefaultPollMs);
    connect(&m_poll, &QTimer::timeout, this, &IdleStatus::check);
}

IdleStatus::~IdleStatus() = default;

void IdleStatus::setSettings(const AlertSettings &settings)
{
    setReturnWhenActive(settings.idleReturn);
    setIdleMinutes(settings.idleMinutes);
}

void IdleStatus::setIdleMinutes(int minutes)
{
    m_idleMinutes = qMax(0, minutes);
    updatePolling();
}

void IdleStatus::setReturnWhenActive(bool on)
{
    m_returnWhenActive = on;
}

void IdleStatus::setPollInterval(int ms)
{
    m_poll.setInterval(qMax(1, ms));
}

int IdleStatus::pollIntervalMs() const
{
    return m_poll.interval();
}

bool IdleStatus::isPolling() const
{
    return m_poll.isActive();
}

void IdleStatus::updatePolling()
{
    // While away the return must still be noticed, even if idle handling was just switched off.
    if (m_idleMinutes > 0 || m_away) {
        if (!m_poll.isActive())
            m_poll.start();
    } else {
        m_poll.stop();
    }
}

bool IdleStatus::canSendStatus() const
{
    return !m_session->token().isEmpty() && m_session->connectionState() == ConnectionState::Connected;
}

void IdleStatus::check()
{
    const qint64 idleMs = m_monitor->idleMilliseconds();
    if (idleMs < 0)
        return; // the platform could not tell this time
    const qint64 previousIdleMs = std::exchange(m_lastIdleMs, idleMs);

    if (m_away) {
        // The idle counter starts again from zero at any input: a smaller value is the operator back.
        if (idleMs >= previousIdleMs)
            return;
        m_away = false;
        if (m_returnWhenActive && canSendStatus()
            && m_session->self().status == protocol::OperatorStatus::Break)
            m_session->setStatus(m_statusBefore);
        updatePolling();
        Q_EMIT awayChanged(false);
        return;
    }

    if (m_idleMinutes <= 0 || idleMs < qint64(m_idleMinutes) * 60 * 1000 || !canSendStatus())
        return;
    const protocol::OperatorStatus current = m_session->self().status;
    if (!isWorkingStatus(current))
        return;
    m_statusBefore = current;
    m_away = true;
    m_session->setStatus(protocol::OperatorStatus::Break);
    Q_EMIT awayChanged(true);
}

} // namespace concierge
