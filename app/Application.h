// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace concierge {
class AlertPolicy;
class IdleMonitor;
class IdleStatus;
class LocalStore;
class OperatorSession;
class SecretStore;
namespace ui {
class AlertSounds;
class LoginDialog;
class MainWindow;
} // namespace ui

/// Options from the command line (the demo launcher uses them to log in without a dialog).
struct LaunchOptions
{
    QUrl serverUrl;
    QString email;
    QString password; ///< read from the environment variable named by --password-env, never argv
    QString profileDir; ///< where the local cache lives; default: the platform's app data folder
    bool goOnline = false; ///< switch to Online right after the first login (the demo wants visitors served)
};

/// Wires one running app: cache → session → windows, and the login flow around them
/// (remembered token from the keychain, else the login dialog).
class Application : public QObject
{
    Q_OBJECT
public:
    explicit Application(LaunchOptions options, QObject *parent = nullptr);
    ~Application() override;

    /// Opens the cache and starts the login flow; false (with a message shown) if the cache fails.
    bool start();
    /// Shows the main window (from the tray or minimised) and brings it, or the login dialog over
    /// it, to the front: another start of the app asked for it (SingleInstance).
    void activateWindow();

private:
    void showLoginDialog(const QString &notice = {});
    void onLoggedIn();
    void onLoginFailed(const QString &message);
    void onLogout();
    void onTokenRead(const QString &key, const QString &secret, const QString &error);
    void onTokenWritten(const QString &key, const QString &error);

    LaunchOptions m_options;
    std::unique_ptr<LocalStore> m_store;
    SecretStore *m_secrets = nullptr;
    OperatorSession *m_session = nullptr;
    std::unique_ptr<ui::MainWindow> m_window;
    AlertPolicy *m_alertPolicy = nullptr;
    ui::AlertSounds *m_alertSounds = nullptr;
    std::unique_ptr<IdleMonitor> m_idleMonitor;
    IdleStatus *m_idleStatus = nullptr; ///< uses m_idleMonitor; deleted with this object
    QPointer<ui::LoginDialog> m_loginDialog;
    bool m_rememberToken = false;
};

} // namespace concierge
