// SPDX-License-Identifier: GPL-3.0-or-later
// Autostart on Linux and other freedesktop systems: the XDG Autostart specification's
// $XDG_CONFIG_HOME/autostart/concierge.desktop (QStandardPaths::GenericConfigLocation is
// $XDG_CONFIG_HOME, ~/.config by default). https://specifications.freedesktop.org/autostart-spec/
#include "Autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace concierge {

namespace {

QString autostartDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart"));
}

/// One argument of an Exec key, quoted as the Desktop Entry specification asks ("Exec key"): inside
/// double quotes, `"`, `` ` ``, `$` and `\` are escaped with a backslash. The file format then
/// escapes every backslash once more (a string value), so each of those becomes `\\`.
QString quotedExecArgument(const QString &argument)
{
    QString quoted;
    quoted.reserve(argument.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : argument) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$'))
            quoted += QLatin1String("\\\\");
        else if (c == QLatin1Char('\\'))
            quoted += QLatin1String("\\\\\\");
        quoted += c;
    }
    quoted += QLatin1Char('"');
    return quoted;
}

} // namespace

QString Autostart::entryLocation()
{
    return QDir(autostartDir()).filePath(QStringLiteral("concierge.desktop"));
}

bool Autostart::isEnabled()
{
    QFile file(entryLocation());
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed().remove(QLatin1Char(' '));
        if (line.compare(QLatin1String("Hidden=true"), Qt::CaseInsensitive) == 0
            || line.compare(QLatin1String("X-GNOME-Autostart-enabled=false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    return true;
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
    QDir().mkpath(autostartDir());
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        QString entry;
        entry += QLatin1String("[Desktop Entry]\n");
        entry += QLatin1String("Type=Application\n");
        entry += QLatin1String("Name=Concierge\n");
        entry += QLatin1String("Exec=") + quotedExecArgument(executable) + QLatin1Char('\n');
        entry += QLatin1String("Icon=concierge\n");
        entry += QLatin1String("Terminal=false\n");
        entry += QLatin1String("X-GNOME-Autostart-enabled=true\n");
        file.write(entry.toUtf8());
        if (file.commit())
            return true;
    }
    if (errorMessage)
        *errorMessage = tr("The autostart entry %1 could not be written: %2").arg(path, file.errorString());
    return false;
}

} // namespace concierge
