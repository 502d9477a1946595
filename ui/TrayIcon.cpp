// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include "OperatorSession.h"
#include "StatusPresentation.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>
#include <QTimer>

namespace concierge::ui {

using protocol::OperatorStatus;

namespace {

constexpr int kIconSize = 64;
constexpr int kBlinkMs = 600;

/// The app icon with the status dot in its lower left corner and, when someone waits, their number
/// on a red disc in the upper right; dimmed for the blink's off half.
QIcon trayIconFor(OperatorStatus status, int waiting, bool dim)
{
    QPixmap pixmap(kIconSize, kIconSize);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (dim)
        painter.setOpacity(0.3);
    const QIcon appIcon = QApplication::windowIcon();
    const QIcon dot = StatusPresentation::icon(status);
    if (appIcon.isNull()) {
        painter.drawPixmap(0, 0, dot.pixmap(kIconSize, kIconSize));
    } else {
        painter.drawPixmap(0, 0, appIcon.pixmap(kIconSize, kIconSize));
        painter.drawPixmap(0, kIconSize * 7 / 16, dot.pixmap(kIconSize * 9 / 16, kIconSize * 9 / 16));
    }
    if (waiting > 0) {
        painter.setOpacity(1.0); // the number stays readable while the rest blinks
        const QString text = waiting > 99 ? QStringLiteral("99+") : QString::number(waiting);
        const int side = kIconSize * 5 / 8;
        const QRect badge(kIconSize - side, 0, side, side);
        painter.setPen(QPen(Qt::white, 2));
        painter.setBrush(QColor(0xd3, 0x2f, 0x2f));
        painter.drawEllipse(badge.adjusted(1, 1, -1, -1));
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(text.size() > 2 ? side * 2 / 5 : text.size() > 1 ? side / 2 : side * 2 / 3);
        painter.setFont(font);
        painter.drawText(badge, Qt::AlignCenter, text);
    }
    painter.end();
    return QIcon(pixmap);
}

} // namespace

TrayIcon::TrayIcon(OperatorSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_menu(std::make_unique<QMenu>())
    , m_statuses(new QActionGroup(this))
    , m_blinkTimer(new QTimer(this))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    // Who waits, and the way to stop the reminder, head the menu while there is someone.
    m_waitingAction = m_menu->addAction(QString());
    m_waitingAction->setObjectName(QStringLiteral("trayWaitingAction"));
    connect(m_waitingAction, &QAction::triggered, this, &TrayIcon::openRequested);
    m_acknowledgeAction = m_menu->addAction(tr("Stop the reminder"));
    m_acknowledgeAction->setObjectName(QStringLiteral("trayAcknowledgeAction"));
    connect(m_acknowledgeAction, &QAction::triggered, this, &TrayIcon::acknowledgeRequested);
    m_waitingSeparator = m_menu->addSeparator();

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

    m_blinkTimer->setInterval(kBlinkMs);
    connect(m_blinkTimer, &QTimer::timeout, this, [this] {
        m_blinkDim = !m_blinkDim;
        redraw();
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(this);
        m_tray->setContextMenu(m_menu.get());
        connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                Q_EMIT openRequested();
        });
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
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

void TrayIcon::setWaitingCount(int count)
{
    count = qMax(0, count);
    if (count == m_waitingCount)
        return;
    m_waitingCount = count;
    showServerStatus();
}

void TrayIcon::setAttention(bool attention)
{
    if (attention == isBlinking())
        return;
    if (attention) {
        m_blinkTimer->start();
    } else {
        m_blinkTimer->stop();
        m_blinkDim = false;
    }
    showServerStatus();
}

bool TrayIcon::isBlinking() const
{
    return m_blinkTimer->isActive();
}

bool TrayIcon::showMessage(const QString &title, const QString &body)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return false;
    m_tray->showMessage(title, body, m_icon);
    return true;
}

void TrayIcon::showServerStatus()
{
    const OperatorStatus status = m_session->self().status;
    if (QAction *action = statusAction(status))
        action->setChecked(true);
    m_waitingAction->setText(tr("Visitors waiting: %1").arg(m_waitingCount));
    m_waitingAction->setVisible(m_waitingCount > 0);
    m_acknowledgeAction->setVisible(isBlinking());
    m_waitingSeparator->setVisible(m_waitingCount > 0 || isBlinking());
    redraw();
}

void TrayIcon::redraw()
{
    const OperatorStatus status = m_session->self().status;
    m_icon = trayIconFor(status, m_waitingCount, m_blinkDim);
    m_waitingAction->setIcon(trayIconFor(status, m_waitingCount, false));
    if (m_tray) {
        m_tray->setIcon(m_icon);
        QString tip = tr("Concierge — %1").arg(StatusPresentation::name(status));
        if (m_waitingCount > 0)
            tip += QLatin1Char('\n') + tr("Visitors waiting: %1").arg(m_waitingCount);
        m_tray->setToolTip(tip);
    }
}

} // namespace concierge::ui
