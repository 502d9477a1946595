// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"
#include "SingleInstance.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace {

/// Installs our translation and Qt's own for the chosen language ("" = the system's).
void installTranslations(QApplication &app, const QString &languageCode)
{
    const QLocale locale = languageCode.isEmpty() ? QLocale::system() : QLocale(languageCode);
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("concierge"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(ours);
    auto *qtBase = new QTranslator(&app);
    if (qtBase->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtBase);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Concierge"));
    QApplication::setApplicationName(QStringLiteral("concierge"));
    QApplication::setApplicationDisplayName(QStringLiteral("Concierge"));
    QApplication::setApplicationVersion(QStringLiteral(CONCIERGE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/concierge.svg")));
    QApplication::setDesktopFileName(QStringLiteral("concierge"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Concierge operator app"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QApplication::translate("main", "Server address to log in to."), QStringLiteral("url"));
    const QCommandLineOption emailOption(QStringLiteral("email"),
        QApplication::translate("main", "Operator email to log in with."), QStringLiteral("email"));
    const QCommandLineOption passwordEnvOption(QStringLiteral("password-env"),
        QApplication::translate("main", "Name of an environment variable holding the password "
                                        "(never pass a password on the command line)."),
        QStringLiteral("name"));
    const QCommandLineOption profileOption(QStringLiteral("profile-dir"),
        QApplication::translate("main", "Folder for the local cache (default: the user's app data)."),
        QStringLiteral("dir"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QApplication::translate("main", "Interface language (en, ru); default: the saved setting or "
                                        "the system's."),
        QStringLiteral("code"));
    const QCommandLineOption onlineOption(QStringLiteral("online"),
        QApplication::translate("main", "Switch to Online right after logging in."));
    parser.addOptions({serverOption, emailOption, passwordEnvOption, profileOption, languageOption, onlineOption});
    parser.process(app);

    // One app per user (and cache): a second start asks the running one to raise its window, and leaves.
    concierge::SingleInstance instance(concierge::SingleInstance::defaultKey(parser.value(profileOption)));
    if (!instance.isPrimary())
        return 0;

    const QString language = parser.isSet(languageOption)
                                 ? parser.value(languageOption)
                                 : QSettings().value(QStringLiteral("ui/language")).toString();
    installTranslations(app, language);

    concierge::LaunchOptions options;
    options.serverUrl = QUrl::fromUserInput(parser.value(serverOption));
    options.email = parser.value(emailOption);
    if (parser.isSet(passwordEnvOption))
        options.password = qEnvironmentVariable(parser.value(passwordEnvOption).toLocal8Bit().constData());
    options.profileDir = parser.value(profileOption);
    options.goOnline = parser.isSet(onlineOption);

    concierge::Application concierge(options);
    QObject::connect(&instance, &concierge::SingleInstance::activationRequested, &concierge,
                     &concierge::Application::activateWindow);
    if (!concierge.start())
        return 1;
    return app.exec();
}
