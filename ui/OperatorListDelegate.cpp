// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorListDelegate.h"

#include "OperatorListModel.h"
#include "StatusPresentation.h"

#include <QPainter>

namespace concierge::ui {

using protocol::OperatorStatus;

namespace {

OperatorStatus shownStatus(const QModelIndex &index)
{
    if (!index.data(OperatorListModel::ConnectedRole).toBool())
        return OperatorStatus::Offline;
    return static_cast<OperatorStatus>(index.data(OperatorListModel::StatusRole).toInt());
}

} // namespace

QString OperatorListDelegate::statusText(const QModelIndex &index)
{
    return StatusPresentation::name(shownStatus(index));
}

void OperatorListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    base.icon = QIcon();
    base.widget->style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, base.widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QRect area = option.rect.adjusted(6, 0, -6, 0);
    const int dotSize = option.fontMetrics.height() - 2;
    const OperatorStatus status = shownStatus(index);
    const QIcon dot = StatusPresentation::icon(status);
    dot.paint(painter, QRect(area.left(), area.center().y() - dotSize / 2, dotSize, dotSize));

    const QString statusName = StatusPresentation::name(status);
    const int statusWidth = option.fontMetrics.horizontalAdvance(statusName) + 8;
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->setFont(option.font);
    painter->drawText(QRect(area.right() - statusWidth, area.top(), statusWidth, area.height()),
                      Qt::AlignRight | Qt::AlignVCenter | Qt::TextSingleLine, statusName);

    QString name = index.data(Qt::DisplayRole).toString();
    if (index.data(OperatorListModel::IsSelfRole).toBool())
        name = tr("%1 (you)").arg(name);
    const QRect nameRect(area.left() + dotSize + 6, area.top(), area.width() - dotSize - 6 - statusWidth,
                         area.height());
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      option.fontMetrics.elidedText(name, Qt::ElideRight, nameRect.width()));
    painter->restore();
}

QSize OperatorListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {0, option.fontMetrics.height() + 10};
}

} // namespace concierge::ui
