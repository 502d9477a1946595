// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include <QMainWindow>
#include <QPointer>

class QMessageBox;
class QSplitter;

namespace concierge {
class AlertPolicy;
class OperatorSession;
}

namespace concierge::ui {

class AlertNotifications;
class AlertSettingsPage;
class AlertSounds;
class BansDialog;
class ConnectionStatusLabel;
class DialogPane;
class HistoryWindow;
class ProfileDialog;
class ShortcutsDialog;
class StatusComboBox;
class TemplatesDialog;
class TeleportCodeField;
class TrayIcon;
class VisitorInfoPane;
class VisitorListPane;

/// The operator's workplace: visitor list | dialog (or operator room) | visitor info, with the
/// status switch and the teleport code box in the tool bar and the tray, and the connection state in the status bar.
/// Composes panes; holds no rules itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(OperatorSession *session, QWidget *parent = nullptr);
    /// Closes the history window too (a top-level window of its own).
    ~MainWindow() override;

    VisitorListPane *visitorListPane() const { return m_visitorList; }
    DialogPane *dialogPane() const { return m_dialog; }
    VisitorInfoPane *visitorInfoPane() const { return m_visitorInfo; }
    TrayIcon *trayIcon() const { return m_tray; }
    TeleportCodeField *teleportCodeField() const { return m_teleportField; }
    /// Brings the window to the front (the tray's "Open Concierge").
    void bringToFront();
    /// Help → Keyboard shortcuts (F1).
    ShortcutsDialog *openShortcutsDialog();
    /// Administration → Bans… (admins only; null for anyone else).
    BansDialog *openBansDialog();
    /// File → My profile… (name, languages, password).
    ProfileDialog *openProfileDialog();
    /// Settings → Templates… (personal and shared libraries).
    TemplatesDialog *openTemplatesDialog();
    /// File → History… (Ctrl+H): search and export past dialogs; one window, not modal.
    HistoryWindow *openHistoryWindow();
    /// The history window while it is open; null otherwise.
    HistoryWindow *historyWindow() const;

    /// Shows \a policy's alerts (tray count and blinking, notifications, taskbar flag), tells it when
    /// the window is active, and from now on closing the window hides it to the tray (minimises it
    /// where the desktop has no tray) instead of quitting. \a sounds plays the settings page's tests
    /// and follows its volume and device (may be null). Neither is owned.
    void setAlerts(AlertPolicy *policy, AlertSounds *sounds);
    AlertNotifications *alertNotifications() const { return m_alertNotifications; }
    /// Settings → Alerts… (null before setAlerts()).
    AlertSettingsPage *openAlertSettingsPage();
    /// Brings the window to the front on a dialog (a clicked notification); 0: the operators' room.
    void openDialog(qint64 dialogId);
    /// The one-time note that closing hid the window (null unless it is showing).
    QMessageBox *closeToTrayNote() const;

Q_SIGNALS:
    void logoutRequested();
    /// The operator picked a language in Settings; "" means follow the system.
    void languageChosen(const QString &languageCode);
    /// The Alerts page saved new settings (already given to the policy and the sounds).
    void alertSettingsChanged(const concierge::AlertSettings &settings);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildMenus();
    void openVisitor(qint64 visitorId, qint64 dialogId);
    /// A visitor found by teleport code: their row in the list if listed, and their card.
    void showFoundVisitor(qint64 visitorId);
    void restoreLayout();
    void updateAdminMenu();
    /// Logout and the end: the history must not stay open for whoever uses the computer next.
    void closeHistoryWindow();

    OperatorSession *m_session;
    StatusComboBox *m_statusCombo;
    QSplitter *m_splitter;
    VisitorListPane *m_visitorList;
    DialogPane *m_dialog;
    VisitorInfoPane *m_visitorInfo;
    ConnectionStatusLabel *m_connectionLabel;
    TrayIcon *m_tray;
    TeleportCodeField *m_teleportField;
    QMenu *m_adminMenu = nullptr;
    QPointer<ShortcutsDialog> m_shortcutsDialog;
    QPointer<BansDialog> m_bansDialog;
    QPointer<ProfileDialog> m_profileDialog;
    QPointer<TemplatesDialog> m_templatesDialog;
    QPointer<HistoryWindow> m_historyWindow;
    AlertPolicy *m_alertPolicy = nullptr;
    AlertSounds *m_alertSounds = nullptr;
    AlertNotifications *m_alertNotifications = nullptr;
    QPointer<AlertSettingsPage> m_alertSettingsPage;
    QPointer<QMessageBox> m_closeToTrayNote;
    QAction *m_alertsAction = nullptr;
    bool m_quitting = false; ///< the application is quitting: a close really closes
};

} // namespace concierge::ui
