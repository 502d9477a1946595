// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusPresentation.h"

#include <QPainter>
#include <QPixmap>

namespace concierge::ui {

using protocol::OperatorStatus;

QString StatusPresentation::name(OperatorStatus status)
{
    switch (status) {
    case OperatorStatus::Online:
        return tr("Online");
    case OperatorStatus::Invisible:
        return tr("Invisible");
    case OperatorStatus::BeforeLunch:
        return tr("Before lunch");
    case OperatorStatus::Lunch:
        return tr("Lunch");
    case OperatorStatus::Break:
        return tr("Personal break");
    case OperatorStatus::Offline:
        return tr("Offline");
    }
    return tr("Offline");
}

QColor StatusPresentation::color(OperatorStatus status)
{
    switch (status) {
    case OperatorStatus::Online:
        return QColor(0x2e, 0x9d, 0x3a);
    case OperatorStatus::Invisible:
        return QColor(0x2e, 0x9d, 0x3a);
    case OperatorStatus::BeforeLunch:
        return QColor(0xe0, 0xa1, 0x00);
    case OperatorStatus::Lunch:
        return QColor(0xef, 0x6c, 0x00);
    case OperatorStatus::Break:
        return QColor(0x5e, 0x6a, 0xd2);
    case OperatorStatus::Offline:
        return QColor(0x9e, 0x9e, 0x9e);
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QIcon StatusPresentation::icon(OperatorStatus status)
{
    QIcon icon;
    // Painted at two sizes so the dot stays crisp on high-density screens and in the tray.
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal margin = size * 0.2;
        const QRectF dot(margin, margin, size - 2 * margin, size - 2 * margin);
        const QColor colour = color(status);
        if (status == OperatorStatus::Invisible) {
            painter.setPen(QPen(colour, size / 8.0));
            painter.setBrush(Qt::NoBrush);
            painter.drawEllipse(dot.adjusted(size / 16.0, size / 16.0, -size / 16.0, -size / 16.0));
        } else {
            painter.setPen(QPen(colour.darker(130), size / 16.0));
            painter.setBrush(colour);
            painter.drawEllipse(dot);
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace concierge::ui
