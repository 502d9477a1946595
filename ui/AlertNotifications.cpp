// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertNotifications.h"

#include "AlertPolicy.h"
#include "TrayIcon.h"

#include <QApplication>
#include <QWidget>

namespace concierge::ui {

namespace {
constexpr int kTitleChars = 64;
constexpr int kBodyChars = 200;
} // namespace

AlertNotifications::AlertNotifications(AlertPolicy *policy, TrayIcon *tray, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
    , m_tray(tray)
    , m_window(window)
{
    connect(policy, &AlertPolicy::alert, this, &AlertNotifications::present);
    connect(policy, &AlertPolicy::waitingCountChanged, tray, &TrayIcon::setWaitingCount);
    connect(policy, &AlertPolicy::attentionChanged, tray, &TrayIcon::setAttention);
    connect(tray, &TrayIcon::acknowledgeRequested, policy, &AlertPolicy::acknowledge);
    connect(tray, &TrayIcon::messageClicked, this, &AlertNotifications::activateLastNotification);
    tray->setWaitingCount(policy->waitingCount());
    tray->setAttention(policy->needsAttention());
}

void AlertNotifications::present(const Alert &alert)
{
    if (m_window)
        QApplication::alert(m_window->window());
    if (alert.escalation > 0 || !m_policy->settings().event(alert.kind).notify)
        return;
    Notification notification;
    notification.kind = alert.kind;
    notification.dialogId = alert.dialogId;
    notification.title = cut(alert.title, kTitleChars);
    notification.body = cut(alert.body, kBodyChars);
    notification.shown = m_tray->showMessage(notification.title, notification.body);
    m_last = notification;
    ++m_count;
    Q_EMIT notificationRequested(m_last);
}

void AlertNotifications::activateLastNotification()
{
    if (m_count > 0)
        Q_EMIT dialogRequested(m_last.kind == AlertKind::ChatMention ? 0 : m_last.dialogId);
}

QString AlertNotifications::cut(const QString &text, int maxChars)
{
    QString plain = text.simplified();
    if (plain.size() <= maxChars)
        return plain;
    int end = maxChars - 1;
    // Never split a surrogate pair (emoji) in two.
    if (end > 0 && plain.at(end - 1).isHighSurrogate())
        --end;
    return plain.left(end).trimmed() + QChar(0x2026);
}

} // namespace concierge::ui
