// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QIcon>
#include <QObject>

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;
class QTimer;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The app's icon in the system tray: shows the operator's status and the number of waiting
/// visitors (drawn on the icon), blinks while someone waits unanswered, and offers the six statuses,
/// "Open Concierge" and "Quit" in its context menu. The menu and the drawn icon exist even where
/// the desktop has no tray, so the same state is there for tests.
class TrayIcon : public QObject
{
    Q_OBJECT
public:
    explicit TrayIcon(OperatorSession *session, QObject *parent = nullptr);
    ~TrayIcon() override;

    QMenu *menu() const { return m_menu.get(); }
    /// The status entry of the menu, for tests.
    QAction *statusAction(protocol::OperatorStatus status) const;
    /// Null where the desktop has no system tray.
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }

    /// The number drawn on the icon and said in the menu; 0 draws none.
    void setWaitingCount(int count);
    int waitingCount() const { return m_waitingCount; }
    /// While true the icon blinks and the menu offers to stop the reminder.
    void setAttention(bool attention);
    bool isBlinking() const;
    /// The icon as drawn now (status, waiting count, blink phase), tray or not.
    QIcon icon() const { return m_icon; }

    /// A desktop notification (plain text). False where the desktop has no tray or cannot show
    /// messages: nothing was shown then.
    bool showMessage(const QString &title, const QString &body);

Q_SIGNALS:
    void openRequested();
    void quitRequested();
    /// "Stop the reminder": the operator has seen the waiting visitor.
    void acknowledgeRequested();
    /// The operator clicked the last desktop notification.
    void messageClicked();

private:
    void showServerStatus();
    void redraw();

    OperatorSession *m_session;
    std::unique_ptr<QMenu> m_menu; ///< a top-level menu: it has no widget parent
    QActionGroup *m_statuses;
    QAction *m_waitingAction;
    QAction *m_acknowledgeAction;
    QAction *m_waitingSeparator;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_blinkTimer;
    QIcon m_icon;
    int m_waitingCount = 0;
    bool m_blinkDim = false; ///< the blink's dim half
};

} // namespace concierge::ui
