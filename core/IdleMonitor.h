// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <memory>

namespace concierge {

/// How long the operator has not touched the keyboard or mouse. One small interface with a file
/// per platform (ARCHITECTURE.md, "Portable by construction"): IdleMonitorLinux.cpp (X11
/// XScreenSaver extension; on Wayland the desktop over D-Bus: GNOME Mutter, KDE), IdleMonitorWindows.cpp
/// (GetLastInputInfo), IdleMonitorMac.cpp (CGEventSourceSecondsSinceLastEventType). Where nobody
/// tells, AppInputIdleMonitor counts only the input this app receives. Tests use a fake.
/// Lives on the GUI thread.
class IdleMonitor
{
public:
    virtual ~IdleMonitor() = default;

    /// Milliseconds since the last keyboard or mouse input; -1 when it cannot be told.
    virtual qint64 idleMilliseconds() const = 0;
    /// Whether the time counts input to every application (true) or only to this one.
    virtual bool isSystemWide() const = 0;

    /// The best monitor this platform offers at run time (never null). Call after the
    /// QCoreApplication exists: the fallback filters its events.
    static std::unique_ptr<IdleMonitor> create();
};

} // namespace concierge
