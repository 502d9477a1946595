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

    // Two lines, so a long name never pushes the status out of a narrow column:
    //   Anna Petrova
    //   ● Lunch
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QFontMetrics metrics(option.font);
    const QRect area = option.rect.adjusted(6, 4, -6, -4);
    const QRect nameRect(area.left(), area.top(), area.width(), metrics.height());
    const QRect statusRect(area.left(), nameRect.bottom() + 3, area.width(), metrics.height());

    QString name = index.data(Qt::DisplayRole).toString();
    if (index.data(OperatorListModel::IsSelfRole).toBool())
        name = tr("%1 (you)").arg(name);
    painter->setFont(option.font);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      metrics.elidedText(name, Qt::ElideRight, nameRect.width()));

    const OperatorStatus status = shownStatus(index);
    const int dotSize = metrics.height() - 2;
    StatusPresentation::icon(status).paint(
        painter, QRect(statusRect.left(), statusRect.center().y() - dotSize / 2, dotSize, dotSize));
    const QRect statusTextRect = statusRect.adjusted(dotSize + 5, 0, 0, 0);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(
        statusTextRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
        metrics.elidedText(StatusPresentation::name(status), Qt::ElideRight, statusTextRect.width()));
    painter->restore();
}

QSize OperatorListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {0, 2 * option.fontMetrics.height() + 11};
}

} // namespace concierge::ui
