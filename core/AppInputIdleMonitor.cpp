// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppInputIdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>

namespace concierge {

AppInputIdleMonitor::AppInputIdleMonitor(QObject *parent)
    : QObject(parent)
{
    m_sinceInput.start();
    if (QCoreApplication *app = QCoreApplication::instance())
        app->installEventFilter(this);
}

AppInputIdleMonitor::~AppInputIdleMonitor()
{
    if (QCoreApplication *app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

qint64 AppInputIdleMonitor::idleMilliseconds() const
{
    return m_sinceInput.elapsed();
}

bool AppInputIdleMonitor::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TabletPress:
        m_sinceInput.restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace concierge
