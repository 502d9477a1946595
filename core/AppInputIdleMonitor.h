// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IdleMonitor.h"

#include <QElapsedTimer>
#include <QObject>

namespace concierge {

/// The portable fallback: the time since this application last received keyboard, mouse, wheel,
/// touch or tablet input (an event filter on the QCoreApplication). Input to other applications is
/// not seen, so an operator working elsewhere counts as idle — used only where the platform gives
/// no system-wide idle time (e.g. a Wayland session).
class AppInputIdleMonitor : public QObject, public IdleMonitor
{
    Q_OBJECT
public:
    explicit AppInputIdleMonitor(QObject *parent = nullptr);
    ~AppInputIdleMonitor() override;

    qint64 idleMilliseconds() const override;
    bool isSystemWide() const override { return false; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QElapsedTimer m_sinceInput;
};

} // namespace concierge
