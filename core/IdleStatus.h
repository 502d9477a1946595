// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include "protocol/OperatorInfo.h"

#include <QObject>
#include <QTimer>

namespace concierge {

class IdleMonitor;
class OperatorSession;

/// Idle → Personal break, and back (issue 6). After `idleMinutes` without keyboard or mouse input
/// (as `monitor` tells) it sets the operator's status to Break; at the first input after that it
/// sets the status they had before — if `idleReturn` is on and the status is still Break (a status
/// the operator chose meanwhile, here or on another machine, is kept).
///
/// Only a working status is replaced: Online, Invisible and Before lunch. Going to Break gives the
/// operator's waiting dialogs back to the queue (docs/protocol.md, "Statuses"), which is the point
/// for a visitor waiting on an absent operator; Before lunch comes back as Before lunch. Lunch,
/// Break and Offline are the operator's own and never touched. Nothing happens while not logged
/// in or not connected (the change could not be sent).
///
/// The only time it reads is the monitor's idle time: check() compares it with the threshold, and a
/// timer calls check() every pollIntervalMs() while idle handling is on. Tests call check() after
/// moving a fake monitor's time — no sleeping. Lives on the GUI thread.
class IdleStatus : public QObject
{
    Q_OBJECT
public:
    /// Neither is owned; both must outlive this object.
    IdleStatus(OperatorSession *session, IdleMonitor *monitor, QObject *parent = nullptr);
    ~IdleStatus() override;

    /// Reads idleMinutes (0 = off) and idleReturn.
    void setSettings(const AlertSettings &settings);
    void setIdleMinutes(int minutes);
    int idleMinutes() const { return m_idleMinutes; }
    void setReturnWhenActive(bool on);
    bool returnWhenActive() const { return m_returnWhenActive; }

    /// How often the monitor is asked; default 5 s (the return is noticed within that).
    void setPollInterval(int ms);
    int pollIntervalMs() const;
    bool isPolling() const;

    /// True from the moment idle time set Break until the operator's next input.
    bool isAway() const { return m_away; }
    /// The status that comes back on return (meaningful while isAway()).
    protocol::OperatorStatus statusBeforeAway() const { return m_statusBefore; }

    /// Asks the monitor now and acts on the answer.
    void check();

Q_SIGNALS:
    /// Idle time set Break (true), or the operator's input came back (false).
    void awayChanged(bool away);

private:
    void updatePolling();
    bool canSendStatus() const;

    OperatorSession *m_session;
    IdleMonitor *m_monitor;
    QTimer m_poll;
    int m_idleMinutes = 0;
    bool m_returnWhenActive = true;
    bool m_away = false;
    protocol::OperatorStatus m_statusBefore = protocol::OperatorStatus::Online;
    qint64 m_lastIdleMs = 0; ///< the idle time at the previous check: a smaller one means input
};

} // namespace concierge
