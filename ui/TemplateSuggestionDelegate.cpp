// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateSuggestionDelegate.h"

#include "TemplateSuggestionModel.h"
#include "protocol/Template.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

namespace concierge::ui {

namespace {

constexpr int kPadding = 6;

/// The spans that fall in [from, from + length), moved to start at 0.
QList<QTextLayout::FormatRange> rangesIn(const QList<TextSpan> &spans, int from, int length,
                                         const QTextCharFormat &format)
{
    QList<QTextLayout::FormatRange> ranges;
    for (const TextSpan &span : spans) {
        const int start = qMax(span.start, from);
        const int end = qMin(span.start + span.length, from + length);
        if (end > start)
            ranges.append({start - from, end - start, format});
    }
    return ranges;
}

} // namespace

TemplateSuggestionDelegate::TemplateSuggestionDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

int TemplateSuggestionDelegate::drawHighlighted(QPainter *painter, const QRect &rect, const QFont &font,
                                                const QString &text, const QList<TextSpan> &spans,
                                                int maxLines, const QColor &textColor,
                                                const QColor &highlight)
{
    // Line breaks become spaces, one for one, so the spans still point at the same characters.
    QString flat = text;
    for (QChar &c : flat) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    QTextCharFormat marked;
    marked.setBackground(highlight);
    const QFontMetrics metrics(font);
    painter->save();
    painter->setPen(textColor);
    painter->setClipRect(rect);
    int y = rect.top();
    int from = 0;
    for (int line = 0; line < maxLines && from < flat.size(); ++line) {
        QString piece = flat.mid(from);
        const bool last = line == maxLines - 1;
        int used = int(piece.size());
        if (!last) {
            // Where this line wraps: lay the rest out once at the width and take its first line.
            QTextLayout probe(piece, font);
            probe.beginLayout();
            QTextLine first = probe.createLine();
            if (first.isValid()) {
                first.setLineWidth(rect.width());
                used = qMax(1, first.textLength());
            }
            probe.endLayout();
            piece.truncate(used);
        } else {
            const QString elided = metrics.elidedText(piece, Qt::ElideRight, rect.width());
            if (elided != piece) {
                used = int(elided.size()) - 1; // what is left of the text before the "…"
                piece = elided;
            }
        }
        QTextLayout layout(piece, font);
        layout.setFormats(rangesIn(spans, from, used, marked));
        layout.beginLayout();
        QTextLine textLine = layout.createLine();
        textLine.setLineWidth(rect.width() * 2); // already cut to fit: never wrap again
        layout.endLayout();
        layout.draw(painter, QPointF(rect.left(), y));
        y += metrics.height();
        from += used;
        while (from < flat.size() && flat.at(from) == u' ' && !last)
            ++from; // a wrapped line does not start with the space it broke at
    }
    painter->restore();
    return y - rect.top();
}

void TemplateSuggestionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                       const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    const QColor textColor = palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : palette.color(QPalette::PlaceholderText);
    // A warm marker that reads on the plain and on the selected background alike.
    const QColor highlight = selected ? QColor(255, 214, 102, 150) : QColor(255, 214, 102);

    const QRect area = option.rect.adjusted(kPadding, kPadding / 2, -kPadding, -kPadding / 2);
    const auto scope =
        protocol::templateScopeFromString(index.data(TemplateSuggestionModel::ScopeRole).toString());
    const QString mark = scope == protocol::TemplateScope::Personal ? tr("personal") : tr("shared");
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    const int markWidth = QFontMetrics(small).horizontalAdvance(mark) + kPadding;

    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const auto spansOf = [&index](int role) { return index.data(role).value<QList<TextSpan>>(); };
    QRect titleRect(area.left(), area.top(), area.width() - markWidth, boldMetrics.height());
    drawHighlighted(painter, titleRect, bold, index.data(TemplateSuggestionModel::TitleRole).toString(),
                    spansOf(TemplateSuggestionModel::TitleSpansRole), 1, textColor, highlight);

    painter->save();
    painter->setFont(small);
    painter->setPen(dimColor);
    painter->drawText(QRect(area.right() - markWidth, area.top(), markWidth, boldMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, mark);
    painter->restore();

    const QRect textRect(area.left(), titleRect.bottom() + 2, area.width(),
                         area.bottom() - titleRect.bottom() - 2);
    drawHighlighted(painter, textRect, option.font, index.data(TemplateSuggestionModel::TextRole).toString(),
                    spansOf(TemplateSuggestionModel::TextSpansRole), kTextLines,
                    selected ? textColor : palette.color(QPalette::Text), highlight);
}

QSize TemplateSuggestionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    QFont bold = option.font;
    bold.setBold(true);
    const int height = QFontMetrics(bold).height() + 2 + kTextLines * QFontMetrics(option.font).height();
    return {300, height + kPadding};
}

} // namespace concierge::ui
