// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListDelegate.h"

#include "VisitorListModel.h"

#include <QDateTime>
#include <QPainter>

namespace concierge::ui {

QString VisitorListDelegate::formatWaiting(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QString secs = QStringLiteral("%1").arg(seconds % 60, 2, 10, QLatin1Char('0'));
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(secs);
    return QStringLiteral("%1:%2").arg(minutes).arg(secs);
}

void VisitorListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    if (index.data(VisitorListModel::IsSectionRole).toBool()) {
        QStyleOptionViewItem sectionOption = option;
        initStyleOption(&sectionOption, index);
        sectionOption.font.setBold(true);
        QStyledItemDelegate::paint(painter, sectionOption, index);
        return;
    }

    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear(); // background, selection and focus from the style; the text is ours
    base.widget->style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, base.widget);

    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect area = option.rect.adjusted(4, 3, -6, -3);
    const QFontMetrics metrics(option.font);

    QString timer;
    const QDateTime waitingSince = index.data(VisitorListModel::WaitingSinceRole).toDateTime();
    if (waitingSince.isValid())
        timer = formatWaiting(waitingSince.secsTo(QDateTime::currentDateTimeUtc()));

    QFont nameFont = option.font;
    nameFont.setBold(waitingSince.isValid());
    painter->setFont(nameFont);
    painter->setPen(option.palette.color(textRole));
    const int timerWidth = timer.isEmpty() ? 0 : metrics.horizontalAdvance(timer) + 8;
    const QRect nameRect(area.left(), area.top(), area.width() - timerWidth, metrics.height());
    const QString name = index.data(VisitorListModel::NameRole).toString();
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));
    if (!timer.isEmpty()) {
        painter->setFont(option.font);
        painter->setPen(selected ? option.palette.color(textRole) : QColor(0xc6, 0x28, 0x28));
        painter->drawText(QRect(area.right() - timerWidth, area.top(), timerWidth, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter, timer);
    }

    QString page = index.data(VisitorListModel::CurrentPageTitleRole).toString();
    if (page.isEmpty())
        page = index.data(VisitorListModel::CurrentPageUrlRole).toString();
    painter->setFont(option.font);
    painter->setPen(selected ? option.palette.color(textRole)
                             : option.palette.color(QPalette::PlaceholderText));
    const QRect pageRect(area.left(), area.top() + metrics.height() + 2, area.width(), metrics.height());
    painter->drawText(pageRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      metrics.elidedText(page, Qt::ElideMiddle, pageRect.width()));
    painter->restore();
}

QSize VisitorListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Called for every row when the tree lays out (rows differ in height), so it must stay cheap:
    // font metrics only, no text layout. The width is the view's anyway.
    if (index.data(VisitorListModel::IsSectionRole).toBool()) {
        QFont bold = option.font;
        bold.setBold(true);
        return {0, QFontMetrics(bold).height() + 10};
    }
    return {0, 2 * option.fontMetrics.height() + 8};
}

} // namespace concierge::ui
