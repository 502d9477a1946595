// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QObject>

#include <memory>

class QAction;
class QActionGroup;
class QMenu;
class QSystemTrayIcon;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The app's icon in the system tray: shows the operator's status and offers the six statuses,
/// "Open Concierge" and "Quit" in its context menu. The menu exists even where the desktop has no
/// tray, so the same actions are there for tests (and for issue 6's alerts to build on).
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

Q_SIGNALS:
    void openRequested();
    void quitRequested();

private:
    void showServerStatus();

    OperatorSession *m_session;
    std::unique_ptr<QMenu> m_menu; ///< a top-level menu: it has no widget parent
    QActionGroup *m_statuses;
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace concierge::ui
