// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace concierge {
class AlertPolicy;
}

namespace concierge::ui {

class TrayIcon;

/// Shows what the alert policy decides: the waiting count and the blinking on the tray icon, a
/// desktop notification for each alert whose event has "notify" on, and the taskbar's attention
/// flag (QApplication::alert) for every alert. Which events notify comes from the policy's settings. Clicking
/// a notification asks for its dialog.
///
/// Every notification is recorded (lastNotification(), notificationRequested()) whether or not the
/// desktop could show it, so tests see the request where there is no tray (Xvfb, offscreen).
class AlertNotifications : public QObject
{
    Q_OBJECT
public:
    struct Notification
    {
        AlertKind kind = AlertKind::WaitingVisitor;
        qint64 dialogId = 0;
        QString title;      ///< plain text, cut to fit
        QString body;       ///< plain text, cut to fit
        bool shown = false; ///< the desktop's tray took it
    };

    AlertNotifications(AlertPolicy *policy, TrayIcon *tray, QWidget *window, QObject *parent = nullptr);

    /// The last notification asked for; kind and dialog 0 before the first.
    const Notification &lastNotification() const { return m_last; }
    int notificationCount() const { return m_count; }

    /// Shows \a alert as the settings say. A repeat of the waiting-visitor alert (escalation > 0)
    /// flags the taskbar again but shows no second notification: the sound is its reminder.
    void present(const Alert &alert);
    /// What a click on the last notification does: asks for its dialog (or the operators' room).
    void activateLastNotification();

    /// Plain text cut to \a maxChars with an ellipsis, lines joined: notification bubbles are small.
    static QString cut(const QString &text, int maxChars);

Q_SIGNALS:
    /// A notification was asked for (with its cut texts), shown by the desktop or not.
    void notificationRequested(const concierge::ui::AlertNotifications::Notification &notification);
    /// The operator clicked a notification: open the main window on this dialog (0: the operators' room).
    void dialogRequested(qint64 dialogId);

private:
    AlertPolicy *m_policy; ///< its settings() say which events notify
    TrayIcon *m_tray;
    QPointer<QWidget> m_window;
    Notification m_last;
    int m_count = 0;
};

} // namespace concierge::ui
