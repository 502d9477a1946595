// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include "OperatorSession.h"
#include "StatusPresentation.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace concierge::ui {

using protocol::OperatorStatus;

namespace {

/// The app icon with the status dot in its lower right corner; the dot alone without an app icon.
QIcon trayIconFor(OperatorStatus status)
{
    const QIcon appIcon = QApplication::windowIcon();
    const QIcon dot = StatusPresentation::icon(status);
    if (appIcon.isNull())
        return dot;
    QPixmap pixmap = appIcon.pixmap(32, 32);
    QPainter painter(&pixmap);
    painter.drawPixmap(14, 14, dot.pixmap(18, 18));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(OperatorSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_menu(std::make_unique<QMenu>())
    , m_statuses(new QActionGroup(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_statuses->setExclusive(true);
    for (const OperatorStatus status : protocol::allOperatorStatuses()) {
        QAction *action =
            m_menu->addAction(StatusPresentation::icon(status), StatusPresentation::name(status));
        action->setCheckable(true);
        action->setData(static_cast<int>(status));
        m_statuses->addAction(action);
        connect(action, &QAction::triggered, this, [this, status] {
            if (status != m_session->self().status)
                m_session->setStatus(status);
            // The check mark follows the server's answer, not the click.
            showServerStatus();
        });
    }
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Open Concierge")), &QAction::triggered, this, &TrayIcon::openRequested);
    connect(m_menu->addAction(tr("Quit")), &QAction::triggered, this, &TrayIcon::quitRequested);

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT openRequested();
        });
        m_tray->show();
    }

    connect(session, &OperatorSession::selfChanged, this, &TrayIcon::showServerStatus);
    connect(session, &OperatorSession::loggedIn, this, &TrayIcon::showServerStatus);
    showServerStatus();
}

TrayIcon::~TrayIcon()
{
    // The tray refers to the menu: let it go first.
    delete m_tray;
}

QAction *TrayIcon::statusAction(OperatorStatus status) const
{
    const auto actions = m_statuses->actions();
    for (QAction *action : actions) {
        if (action->data().toInt() == static_cast<int>(status))
            return action;
    }
    return nullptr;
}

void TrayIcon::showServerStatus()
{
    const OperatorStatus status = m_session->self().status;
    if (QAction *action = statusAction(status))
        action->setChecked(true);
    if (m_tray) {
        m_tray->setIcon(trayIconFor(status));
        m_tray->setToolTip(tr("Concierge — %1").arg(StatusPresentation::name(status)));
    }
}

} // namespace concierge::ui
