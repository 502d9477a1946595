// SPDX-License-Identifier: GPL-3.0-or-later
#include "Application.h"

#include "AlertPolicy.h"
#include "AlertSettingsStore.h"
#include "AlertSounds.h"
#include "IdleMonitor.h"
#include "IdleStatus.h"
#include "KeychainSecretStore.h"
#include "LocalStore.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "OperatorSession.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include <utility>

namespace concierge {

namespace {
const QString kTokenKey = QStringLiteral("session-token");
const QString kServerSetting = QStringLiteral("login/server");
const QString kEmailSetting = QStringLiteral("login/email");
const QString kRememberSetting = QStringLiteral("login/remember");
/// Why the last token could not be kept; shown once on the next start, then cleared.
const QString kKeychainProblemSetting = QStringLiteral("login/keychainProblem");
} // namespace

Application::Application(LaunchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

Application::~Application() = default;

bool Application::start()
{
    QString dir = m_options.profileDir;
    if (dir.isEmpty())
        dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    m_store = std::make_unique<LocalStore>();
    if (!m_store->open(QDir(dir).filePath(QStringLiteral("cache.sqlite")))) {
        QMessageBox::critical(nullptr, tr("Concierge"),
                              tr("The local cache could not be opened:\n%1").arg(m_store->errorString()));
        return false;
    }

    m_secrets = new KeychainSecretStore(this);
    connect(m_secrets, &SecretStore::readFinished, this, &Application::onTokenRead);
    connect(m_secrets, &SecretStore::writeFinished, this, &Application::onTokenWritten);

    m_session = new OperatorSession(m_store.get(), this);
    connect(m_session, &OperatorSession::loggedIn, this, &Application::onLoggedIn);
    connect(m_session, &OperatorSession::tokenChanged, this, [this](const QString &token) {
        if (m_rememberToken)
            m_secrets->write(kTokenKey, token);
    });
    connect(m_session, &OperatorSession::loginFailed, this,
            [this](protocol::ErrorCode code, const QString &message) {
                // Only a refused token is worth forgetting; a busy or failing server is not.
                if (code == protocol::ErrorCode::AuthFailed)
                    m_secrets->remove(kTokenKey);
                onLoginFailed(message);
            });

    // A new profile email is the login from now on: the form after a logout offers it, not the old one.
    connect(m_session, &OperatorSession::profileUpdated, this, [](const protocol::OperatorInfo &self) {
        if (!self.email.isEmpty())
            QSettings().setValue(kEmailSetting, self.email);
    });

    // The window fills from the cache at once; the network catches up behind it.
    m_window = std::make_unique<ui::MainWindow>(m_session);
    connect(m_window.get(), &ui::MainWindow::logoutRequested, this, &Application::onLogout);

    // Idle (issue 6): no keyboard or mouse input for the chosen minutes → Personal break, and the
    // status before it back at the operator's return (if they chose so on the Alerts page).
    m_idleMonitor = IdleMonitor::create();
    m_idleStatus = new IdleStatus(m_session, m_idleMonitor.get(), this);
    m_idleStatus->setSettings(AlertSettingsStore().load());
    connect(m_window.get(), &ui::MainWindow::alertSettingsChanged, m_idleStatus, &IdleStatus::setSettings);

    // Alerts (issue 6): the policy decides, the window shows (tray, notifications, taskbar), the
    // sounds play. Closing the window keeps the app running; Quit ends it.
    const AlertSettings alertSettings = AlertSettingsStore().load();
    m_alertPolicy = new AlertPolicy(m_session, nullptr, this);
    m_alertPolicy->setSettings(alertSettings);
    m_alertSounds = new ui::AlertSounds(this);
    m_alertSounds->setVolume(alertSettings.volume);
    m_alertSounds->setOutputDevice(alertSettings.outputDeviceId);
    connect(m_alertPolicy, &AlertPolicy::alert, m_alertSounds, [this](const Alert &alert) {
        if (alert.playSound)
            m_alertSounds->play(alert.kind, soundEscalation(alert, m_alertPolicy->settings()));
    });
    connect(m_alertPolicy, &AlertPolicy::attentionChanged, m_alertSounds, [this](bool attention) {
        if (!attention)
            m_alertSounds->stop(); // taken or acknowledged: an escalated sound ends now
    });
    m_window->setAlerts(m_alertPolicy, m_alertSounds);
    QApplication::setQuitOnLastWindowClosed(false);

    if (m_options.serverUrl.isValid() && !m_options.email.isEmpty() && !m_options.password.isEmpty()) {
        m_rememberToken = false; // a scripted login (the demo) leaves nothing behind
        m_window->show();
        m_session->loginWithPassword(m_options.serverUrl, m_options.email, m_options.password);
        return true;
    }
    if (QSettings().value(kRememberSetting, false).toBool())
        m_secrets->read(kTokenKey); // continues in onTokenRead
    else
        showLoginDialog();
    return true;
}

void Application::activateWindow()
{
    if (!m_window)
        return;
    m_window->setWindowState((m_window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
    if (m_loginDialog && m_loginDialog->isVisible()) {
        m_loginDialog->raise();
        m_loginDialog->activateWindow();
    }
}

void Application::onTokenRead(const QString &key, const QString &secret, const QString &error)
{
    if (key != kTokenKey)
        return;
    const QUrl server(QSettings().value(kServerSetting).toString());
    if (secret.isEmpty() || !server.isValid()) {
        showLoginDialog(error.isEmpty() ? QString()
                                        : tr("Your saved login could not be read from the system keychain "
                                             "(%1). Please log in again.").arg(error));
        return;
    }
    m_rememberToken = true;
    m_window->show();
    m_session->loginWithToken(server, secret);
}

void Application::showLoginDialog(const QString &notice)
{
    QSettings settings;
    QString text = notice;
    const QString keychainProblem = settings.value(kKeychainProblemSetting).toString();
    if (text.isEmpty() && !keychainProblem.isEmpty()) {
        text = tr("Concierge could not remember your login last time because the system keychain is "
                  "not available (%1). Your password is never stored on disk, so please log in again.")
                   .arg(keychainProblem);
        settings.remove(kKeychainProblemSetting);
    }
    if (!m_loginDialog) {
        m_loginDialog = new ui::LoginDialog(m_window.get());
        m_loginDialog->setServerUrl(settings.value(kServerSetting, m_options.serverUrl.toString()).toString());
        m_loginDialog->setEmail(settings.value(kEmailSetting, m_options.email).toString());
        m_loginDialog->setRemember(settings.value(kRememberSetting, true).toBool());
        connect(m_loginDialog, &ui::LoginDialog::loginRequested, this, [this] {
            m_loginDialog->setBusy(true);
            m_rememberToken = m_loginDialog->remember();
            m_session->loginWithPassword(m_loginDialog->serverUrl(), m_loginDialog->email(),
                                         m_loginDialog->password());
        });
        connect(m_loginDialog, &QDialog::rejected, this, [this] {
            if (m_session->token().isEmpty())
                QCoreApplication::quit();
        });
    }
    m_loginDialog->setNotice(text);
    m_window->show();
    m_loginDialog->open();
    m_loginDialog->focusFirstEmptyField();
}

void Application::onLoggedIn()
{
    QSettings settings;
    if (m_loginDialog) {
        settings.setValue(kServerSetting, m_loginDialog->serverUrl().toString());
        settings.setValue(kEmailSetting, m_loginDialog->email());
        settings.setValue(kRememberSetting, m_rememberToken);
        m_loginDialog->accept();
        m_loginDialog->deleteLater();
    }
    if (m_rememberToken)
        m_secrets->write(kTokenKey, m_session->token());
    if (std::exchange(m_options.goOnline, false))
        m_session->setStatus(protocol::OperatorStatus::Online);
    m_window->show();
    m_window->raise();
}

void Application::onTokenWritten(const QString &key, const QString &error)
{
    if (key != kTokenKey || error.isEmpty())
        return;
    // Nothing was kept, so next start must ask; remember only *why*, to tell the operator then.
    QSettings settings;
    settings.setValue(kRememberSetting, false);
    settings.setValue(kKeychainProblemSetting, error);
}

void Application::onLoginFailed(const QString &message)
{
    if (m_loginDialog && m_loginDialog->isVisible()) {
        m_loginDialog->showError(message);
        return;
    }
    showLoginDialog();
    m_loginDialog->showError(message);
}

void Application::onLogout()
{
    m_session->logout();
    m_secrets->remove(kTokenKey);
    QSettings().setValue(kRememberSetting, false);
    showLoginDialog();
}

} // namespace concierge
