// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QPointer>

class QSplitter;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class BansDialog;
class ConnectionStatusLabel;
class DialogPane;
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

Q_SIGNALS:
    void logoutRequested();
    /// The operator picked a language in Settings; "" means follow the system.
    void languageChosen(const QString &languageCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void openVisitor(qint64 visitorId, qint64 dialogId);
    /// A visitor found by teleport code: their row in the list if listed, and their card.
    void showFoundVisitor(qint64 visitorId);
    void restoreLayout();
    void updateAdminMenu();

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
};

} // namespace concierge::ui
