// SPDX-License-Identifier: GPL-3.0-or-later
// Autostart on macOS: a per-user LaunchAgent, ~/Library/LaunchAgents/<label>.plist with
// ProgramArguments and RunAtLoad, loaded by launchd at the next login
// (https://developer.apple.com/library/archive/documentation/MacOSX/Conceptual/BPSystemStartup/Chapters/CreatingLaunchdJobs.html).
#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace concierge {

namespace {
const QString kLabel = QStringLiteral("org.concierge.app");

QString agentsDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::HomeLocation))
        .filePath(QStringLiteral("Library/LaunchAgents"));
}

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}
} // namespace

QString Autostart::entryLocation()
{
    return QDir(agentsDir()).filePath(kLabel + QStringLiteral(".plist"));
}

bool Autostart::isEnabled()
{
    return QFileInfo::exists(entryLocation());
}

bool Autostart::setEnabled(bool enabled, QString *errorMessage, const QString &program)
{
    const QString path = entryLocation();
    if (!enabled) {
        if (!QFileInfo::exists(path) || QFile::remove(path))
            return true;
        if (errorMessage)
            *errorMessage = tr("The autostart entry %1 could not be removed.").arg(path);
        return false;
    }
    const QString executable = program.isEmpty() ? QCoreApplication::applicationFilePath() : program;
    QDir().mkpath(agentsDir());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        QString plist;
        plist += QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                               "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                               "<plist version=\"1.0\">\n<dict>\n");
        plist += QLatin1String("  <key>Label</key>\n  <string>") + xmlEscaped(kLabel) + QLatin1String("</string>\n");
        plist += QLatin1String("  <key>ProgramArguments</key>\n  <array>\n    <string>")
               + xmlEscaped(executable) + QLatin1String("</string>\n  </array>\n");
        plist += QLatin1String("  <key>RunAtLoad</key>\n  <true/>\n");
        plist += QLatin1String("  <key>ProcessType</key>\n  <string>Interactive</string>\n");
        plist += QLatin1String("</dict>\n</plist>\n");
        file.write(plist.toUtf8());
        if (file.commit())
            return true;
    }
    if (errorMessage)
        *errorMessage = tr("The autostart entry %1 could not be written: %2").arg(path, file.errorString());
    return false;
}

} // namespace concierge
