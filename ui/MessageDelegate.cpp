// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageDelegate.h"

#include "MessageListModel.h"
#include "SystemLineText.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QJsonObject>
#include <QPainter>

namespace concierge::ui {

using protocol::Author;

namespace {

QColor accentFor(Author author, const QPalette &palette)
{
    switch (author) {
    case Author::Visitor:
        return QColor(0x1f, 0x6f, 0xb2);
    case Author::Operator:
        return QColor(0x2e, 0x7d, 0x32);
    case Author::System:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

QRect textRectFor(const QRect &itemRect, const QFontMetrics &headerMetrics, int margin)
{
    return itemRect.adjusted(margin, margin + headerMetrics.height() + 2, -margin, -margin);
}

} // namespace

QString MessageDelegate::displayText(const QModelIndex &index)
{
    // System lines (transfer, take-over, contact, rating, ban) are worded here, in the operator's language.
    const QString event = index.data(MessageListModel::EventRole).toString();
    if (!event.isEmpty()) {
        const QString sentence =
            SystemLineText::describe(event, index.data(MessageListModel::MetaRole).toJsonObject());
        if (!sentence.isEmpty())
            return sentence;
    }
    return index.data(MessageListModel::TextRole).toString();
}

QString MessageDelegate::headerText(const QModelIndex &index) const
{
    const auto author = static_cast<Author>(index.data(MessageListModel::AuthorRole).toInt());
    QString name = index.data(MessageListModel::AuthorNameRole).toString();
    if (name.isEmpty())
        name = author == Author::System ? tr("System") : tr("Visitor");
    const QDateTime time = index.data(MessageListModel::TimeRole).toDateTime().toLocalTime();
    QString header = name + QStringLiteral("  ·  ") + QLocale().toString(time.time(), QLocale::ShortFormat);
    if (index.data(MessageListModel::PendingRole).toBool())
        header += QStringLiteral("  ·  ") + tr("sending…");
    return header;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    const auto author = static_cast<Author>(index.data(MessageListModel::AuthorRole).toInt());
    const bool pending = index.data(MessageListModel::PendingRole).toBool();

    // Operator lines get a faint tint so the two sides of the conversation read apart at a glance.
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.color(QPalette::Highlight).lighter(190));
    else if (author == Author::Operator)
        painter->fillRect(option.rect, QColor(0x2e, 0x7d, 0x32, 18));

    QFont headerFont = option.font;
    headerFont.setBold(true);
    const QFontMetrics headerMetrics(headerFont);
    painter->setFont(headerFont);
    painter->setPen(accentFor(author, option.palette));
    const QRect headerRect = option.rect.adjusted(kMargin, kMargin, -kMargin, 0);
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                      headerMetrics.elidedText(headerText(index), Qt::ElideRight, headerRect.width()));

    painter->setFont(option.font);
    QColor textColor = option.palette.color(QPalette::Text);
    if (pending || author == Author::System)
        textColor = option.palette.color(QPalette::PlaceholderText);
    painter->setPen(textColor);
    const QString text = displayText(index);
    painter->drawText(textRectFor(option.rect, headerMetrics, kMargin),
                      Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont headerFont = option.font;
    headerFont.setBold(true);
    const QFontMetrics headerMetrics(headerFont);
    // Lines wrap to the view's width, which the option does not reliably carry in a QListView.
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(parent()))
        width = view->viewport()->width();
    width = qMax(120, width);
    const QRect available(0, 0, width - 2 * kMargin, 100000);
    const QRect textBounds =
        option.fontMetrics.boundingRect(available, Qt::AlignLeft | Qt::TextWordWrap, displayText(index));
    return {width, textBounds.height() + headerMetrics.height() + 2 + 2 * kMargin};
}

} // namespace concierge::ui
