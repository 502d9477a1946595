// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace concierge {

/// "Start with the system": the per-user entry that starts the app at login. One file per platform
/// (ARCHITECTURE.md, "Portable by construction"): AutostartLinux.cpp (an XDG autostart .desktop in
/// $XDG_CONFIG_HOME/autostart), AutostartWindows.cpp (HKCU\…\CurrentVersion\Run),
/// AutostartMac.cpp (a LaunchAgent plist in ~/Library/LaunchAgents). No administrator rights.
class Autostart
{
    Q_DECLARE_TR_FUNCTIONS(Autostart)
public:
    /// Whether the entry exists and is not switched off by the desktop (Linux: Hidden=true or
    /// X-GNOME-Autostart-enabled=false).
    static bool isEnabled();
    /// Creates (replacing any old one) or removes the entry. `program` is the executable to start;
    /// "" = this one (QCoreApplication::applicationFilePath()). False, with a sentence for the
    /// operator in `errorMessage`, when it could not be written or removed.
    static bool setEnabled(bool enabled, QString *errorMessage = nullptr, const QString &program = {});
    /// Where the entry lives (a file, or the registry key and value name), for messages and tests.
    static QString entryLocation();
};

} // namespace concierge
