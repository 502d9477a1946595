// SPDX-License-Identifier: GPL-3.0-or-later
// Autostart on Windows: a value under HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run
// holding the quoted executable path (https://learn.microsoft.com/windows/win32/setupapi/run-and-runonce-registry-keys).
// Task Manager's "Startup apps" switch keeps its own flag elsewhere (StartupApproved); a value
// present here is read as enabled.
#include "Autostart.h"

#include <QDir>
#include <QSettings>

namespace concierge {

namespace {
const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString kValueName = QStringLiteral("Concierge");
} // namespace

QString Autostart::entryLocation()
{
    return kRunKey + QLatin1Char('\\') + kValueName;
}

bool Autostart::isEnabled()
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    return !run.value(kValueName).toString().isEmpty();
}

bool Autostart::setEnabled(bool enabled, QString *errorMessage, const QString &program)
{
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled) {
        const QString executable = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
        run.setValue(kValueName, QLatin1Char('"') + QDir::toNativeSeparators(executable) + QLatin1Char('"'));
    } else {
        run.remove(kValueName);
    }
    run.sync();
    if (run.status() == QSettings::NoError)
        return true;
    if (errorMessage) {
        // The same sentences as on Linux, so the translations (made from the Linux build) cover them.
        if (enabled) {
            const QString reason = run.status() == QSettings::AccessError ? QStringLiteral("AccessError")
                                                                          : QStringLiteral("FormatError");
            *errorMessage = tr("The autostart entry %1 could not be written: %2").arg(entryLocation(), reason);
        } else {
            *errorMessage = tr("The autostart entry %1 could not be removed.").arg(entryLocation());
        }
    }
    return false;
}

} // namespace concierge
