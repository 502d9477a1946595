// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListDelegate.h"

#include "VisitorListModel.h"

#include <QDateTime>
#include <QPainter>

namespace concierge::ui {

namespace {

const QColor kTimerColor(0xc6, 0x28, 0x28);
const QColor kTransferColor(0x1f, 0x5f, 0xa8);
const QColor kOfflineColor(0x8a, 0x5a, 0x00);
const QColor kTagBackground(0xe3, 0xe8, 0xf4);
const QColor kTagText(0x2b, 0x3a, 0x67);
const QColor kStarColor(0xc7, 0x8a, 0x00);

/// Untrusted text on one line: line breaks would be drawn as nothing, so they become spaces.
QString oneLine(QString text)
{
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

QString VisitorListDelegate::formatWaiting(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = (seconds / 60) % 60;
    const QLatin1Char zero('0');
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, zero).arg(seconds % 60, 2, 10, zero);
    return QStringLiteral("%1:%2").arg(minutes, 2, 10, zero).arg(seconds % 60, 2, 10, zero);
}

bool VisitorListDelegate::showsTransfer(const QModelIndex &index)
{
    // Only while it waits for an answer from us (or from whoever takes it from the queue): once
    // answered, or in someone else's hands, the hand-over is history (it is in the dialog).
    if (!index.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid() ||
        index.data(VisitorListModel::TransferFromNameRole).toString().isEmpty())
        return false;
    const auto section =
        static_cast<VisitorListModel::Section>(index.parent().data(VisitorListModel::SectionRole).toInt());
    return section == VisitorListModel::Section::Waiting || section == VisitorListModel::Section::CommonQueue;
}

QString VisitorListDelegate::secondLine(const QModelIndex &index)
{
    if (index.data(VisitorListModel::IsOfflineRequestRole).toBool())
        return offlineRequestLine(index);
    QString page = index.data(VisitorListModel::CurrentPageTitleRole).toString();
    if (page.isEmpty())
        page = index.data(VisitorListModel::CurrentPageUrlRole).toString();
    return oneLine(page);
}

QStringList VisitorListDelegate::detailLines(const QModelIndex &index)
{
    QStringList lines;
    const QString second = secondLine(index);
    if (!second.isEmpty())
        lines.append(second);
    // The transfer line takes the page's place when there is no page to show.
    if (showsTransfer(index))
        lines.append(transferLine(index));
    return lines;
}

QString VisitorListDelegate::transferLine(const QModelIndex &index)
{
    const QString from = oneLine(index.data(VisitorListModel::TransferFromNameRole).toString());
    const QString comment = oneLine(index.data(VisitorListModel::TransferCommentRole).toString()).trimmed();
    if (comment.isEmpty())
        return tr("From %1").arg(from);
    return tr("From %1: %2", "who transferred the dialog, and their comment").arg(from, comment);
}

QString VisitorListDelegate::offlineRequestLine(const QModelIndex &index)
{
    const QString text = oneLine(index.data(VisitorListModel::LastMessageTextRole).toString()).trimmed();
    if (text.isEmpty())
        return tr("Offline request");
    return tr("Offline request: %1").arg(text);
}

QString VisitorListDelegate::categoryTag(const QModelIndex &index) const
{
    const qint64 categoryId = index.data(VisitorListModel::CategoryIdRole).toLongLong();
    if (categoryId <= 0 || !m_categoryNames)
        return {};
    return oneLine(m_categoryNames(categoryId)).trimmed();
}

QString VisitorListDelegate::ratingStars(const QModelIndex &index)
{
    const int score = qBound(0, index.data(VisitorListModel::RatingRole).toInt(), 5);
    if (score == 0)
        return {};
    return QString(score, QChar(u'\u2605')) + QString(5 - score, QChar(u'\u2606'));
}

int VisitorListDelegate::drawCategoryTag(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QRect &line, const QString &tag) const
{
    if (tag.isEmpty())
        return 0;
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const QFontMetrics metrics(small);
    // A long name must not push the visitor's own name off the row.
    const int maxText = qMax(30, line.width() * 2 / 5);
    const QString text = metrics.elidedText(tag, Qt::ElideRight, maxText);
    const int width = metrics.horizontalAdvance(text) + 10;
    const QRect box(line.right() - width + 1, line.top() + (line.height() - metrics.height() - 2) / 2, width,
                    metrics.height() + 2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(kTagBackground);
    painter->drawRoundedRect(box, 4, 4);
    painter->setFont(small);
    painter->setPen(kTagText);
    painter->drawText(box, Qt::AlignCenter | Qt::TextSingleLine, text);
    painter->restore();
    return width + 6;
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
    const QColor textColor = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : option.palette.color(QPalette::PlaceholderText);
    const QRect area = option.rect.adjusted(4, 3, -6, -3);
    const QFontMetrics metrics(option.font);
    const int lineStep = metrics.height() + 2;

    QString timer;
    const QDateTime waitingSince = index.data(VisitorListModel::WaitingSinceRole).toDateTime();
    if (waitingSince.isValid())
        timer = formatWaiting(waitingSince.secsTo(QDateTime::currentDateTimeUtc()));

    // Line 1: the name, then the category tag and the timer on the right.
    QFont nameFont = option.font;
    nameFont.setBold(waitingSince.isValid());
    const int timerWidth = timer.isEmpty() ? 0 : metrics.horizontalAdvance(timer) + 8;
    const QRect tagLine(area.left(), area.top(), area.width() - timerWidth, metrics.height());
    int tagWidth = drawCategoryTag(painter, option, tagLine, categoryTag(index));
    if (const QString stars = ratingStars(index); !stars.isEmpty()) {
        const int starsWidth = metrics.horizontalAdvance(stars) + 6;
        painter->setPen(selected ? textColor : kStarColor);
        painter->setFont(option.font);
        painter->drawText(
            QRect(tagLine.right() - tagWidth - starsWidth + 1, tagLine.top(), starsWidth, tagLine.height()),
            Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, stars);
        tagWidth += starsWidth;
    }
    painter->setFont(nameFont);
    painter->setPen(textColor);
    const QRect nameRect(area.left(), area.top(), area.width() - timerWidth - tagWidth, metrics.height());
    const QString name = oneLine(index.data(VisitorListModel::NameRole).toString());
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetrics(nameFont).elidedText(name, Qt::ElideRight, nameRect.width()));
    if (!timer.isEmpty()) {
        painter->setFont(option.font);
        painter->setPen(selected ? textColor : kTimerColor);
        painter->drawText(QRect(area.right() - timerWidth, area.top(), timerWidth, metrics.height()),
                          Qt::AlignRight | Qt::AlignVCenter, timer);
    }

    // Line 2: what the visitor asked (offline request) or where they are.
    painter->setFont(option.font);
    QRect lineRect(area.left(), area.top() + lineStep, area.width(), metrics.height());
    const QString second = secondLine(index);
    if (!second.isEmpty()) {
        const bool offline = index.data(VisitorListModel::IsOfflineRequestRole).toBool();
        painter->setPen(selected ? textColor : offline ? kOfflineColor : dimColor);
        painter->drawText(
            lineRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            metrics.elidedText(second, offline ? Qt::ElideRight : Qt::ElideMiddle, lineRect.width()));
        lineRect.translate(0, lineStep);
    }

    // Then, on a dialog handed to us: who sent it, with their comment.
    if (showsTransfer(index)) {
        QFont italic = option.font;
        italic.setItalic(true);
        painter->setFont(italic);
        painter->setPen(selected ? textColor : kTransferColor);
        painter->drawText(
            lineRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
            QFontMetrics(italic).elidedText(transferLine(index), Qt::ElideRight, lineRect.width()));
    }
    painter->restore();
}

QSize VisitorListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Called for every row when the tree lays out (rows differ in height), so it must stay cheap:
    // font metrics and look-ups only, no text layout. The width is the view's anyway.
    if (index.data(VisitorListModel::IsSectionRole).toBool()) {
        QFont bold = option.font;
        bold.setBold(true);
        return {0, QFontMetrics(bold).height() + 10};
    }
    const int lines = 1 + qMax<qsizetype>(1, detailLines(index).size());
    return {0, lines * (option.fontMetrics.height() + 2) + 4};
}

} // namespace concierge::ui
