// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryResultDelegate.h"

#include "HistoryListModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHeaderView>
#include <QHelpEvent>
#include <QPainter>
#include <QTextDocument>
#include <QTextLayout>
#include <QToolTip>
#include <QTreeView>

namespace concierge::ui {

namespace {

constexpr int kLineGap = 4; ///< between the cells' line and the snippet line

/// The snippet as one line: breaks and tabs as spaces, one for one, so the spans still fit.
QString flattened(const QString &text)
{
    QString flat = text;
    for (QChar &c : flat) {
        if (c == u'\n' || c == u'\r' || c == u'\t')
            c = u' ';
    }
    return flat;
}

/// The spans, clipped to the text and in order, as [start, end) pairs.
QList<std::pair<int, int>> clippedSpans(const QList<protocol::TextSpan> &highlights, int textLength)
{
    QList<std::pair<int, int>> spans;
    int previousEnd = 0;
    for (const protocol::TextSpan &span : highlights) {
        const int start = qBound(previousEnd, span.start, textLength);
        const int end = qBound(start, span.start + span.length, textLength);
        if (end > start) {
            spans.append({start, end});
            previousEnd = end;
        }
    }
    return spans;
}

QString snippetOf(const QModelIndex &index)
{
    return index.data(HistoryListModel::SnippetTextRole).toString();
}

QList<protocol::TextSpan> highlightsOf(const QModelIndex &index)
{
    return index.data(HistoryListModel::SnippetHighlightsRole).value<QList<protocol::TextSpan>>();
}

} // namespace

QList<HistoryResultDelegate::Segment> HistoryResultDelegate::segments(const QString &text,
                                                                      const QList<protocol::TextSpan> &highlights)
{
    const QString flat = flattened(text);
    QList<Segment> result;
    int at = 0;
    for (const auto &[start, end] : clippedSpans(highlights, int(flat.size()))) {
        if (start > at)
            result.append({flat.mid(at, start - at), false});
        result.append({flat.mid(start, end - start), true});
        at = end;
    }
    if (at < flat.size())
        result.append({flat.mid(at), false});
    return result;
}

QStringList HistoryResultDelegate::markedWords(const QModelIndex &index)
{
    QStringList words;
    const QList<Segment> pieces = segments(snippetOf(index), highlightsOf(index));
    for (const Segment &piece : pieces) {
        if (piece.marked)
            words.append(piece.text);
    }
    return words;
}

QColor HistoryResultDelegate::markColor()
{
    // A warm marker (as in the template suggestions) that reads on plain and selected rows alike.
    return QColor(255, 214, 102);
}

void HistoryResultDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    // Found on the server only (its lines come when opened): italic, a cloud before its number,
    // and the model's tooltip says why.
    if (index.data(HistoryListModel::FromServerRole).toBool()) {
        option->font.setItalic(true);
        if (index.column() == HistoryListModel::Number)
            option->text = QStringLiteral("\u2601 ") + option->text;
    }
    // With a snippet under it, the cell's own text keeps to the first line.
    if (!snippetOf(index).isEmpty())
        option->displayAlignment = (option->displayAlignment & Qt::AlignHorizontal_Mask) | Qt::AlignTop;
}

QSize HistoryResultDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (!snippetOf(index).isEmpty())
        size.rheight() += option.fontMetrics.height() + kLineGap;
    return size;
}

void HistoryResultDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    if (snippetOf(index).isEmpty())
        return;
    // The line runs under the whole row: from the first column's start to the last one's end, in
    // the viewport's coordinates (scrolled like the cells).
    QRect rowSpan(option.rect.left(), 0, option.rect.width(), 0);
    if (const auto *tree = qobject_cast<const QTreeView *>(option.widget)) {
        const QHeaderView *header = tree->header();
        const int first = header->sectionViewportPosition(header->logicalIndex(0));
        rowSpan.setLeft(first);
        rowSpan.setWidth(header->length());
    }
    const int height = option.fontMetrics.height();
    const QRect lineRect(rowSpan.left() + kSnippetIndent, option.rect.bottom() - height - kLineGap / 2,
                         qMax(0, rowSpan.width() - kSnippetIndent - 6), height);
    painter->save();
    painter->setClipRect(option.rect, Qt::IntersectClip);
    paintSnippet(painter, option, index, lineRect);
    painter->restore();
}

void HistoryResultDelegate::paintSnippet(QPainter *painter, const QStyleOptionViewItem &option,
                                         const QModelIndex &index, const QRect &lineRect) const
{
    QString text = flattened(snippetOf(index));
    const QList<std::pair<int, int>> spans = clippedSpans(highlightsOf(index), int(text.size()));
    const bool selected = option.state & QStyle::State_Selected;
    QColor plain = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    if (!selected)
        plain.setAlpha(200); // a shade lighter than the cells: it is the detail, not the heading
    QTextCharFormat marked;
    marked.setBackground(markColor());
    marked.setForeground(QColor(Qt::black)); // dark on the warm marker, even on a selected row
    QFont bold = option.font;
    bold.setBold(true);
    marked.setFont(bold);

    const auto layOut = [&](QTextLayout &layout, const QString &shown) {
        QList<QTextLayout::FormatRange> ranges;
        for (const auto &[start, end] : spans) {
            if (start < shown.size())
                ranges.append({start, int(qMin<qsizetype>(end, shown.size())) - start, marked});
        }
        layout.setText(shown);
        layout.setFont(option.font);
        layout.setFormats(ranges);
        layout.beginLayout();
        QTextLine line = layout.createLine();
        line.setLineWidth(1e6); // one line: cut below, never wrapped
        layout.endLayout();
        return line.naturalTextWidth();
    };
    QTextLayout layout;
    if (layOut(layout, text) > lineRect.width()) {
        // Cut where the line stops fitting, leaving room for the ellipsis (bold words measured bold).
        const QString ellipsis(QChar(0x2026));
        const int room = lineRect.width() - option.fontMetrics.horizontalAdvance(ellipsis);
        const int cut = qMax(0, layout.lineAt(0).xToCursor(qMax(0, room), QTextLine::CursorOnCharacter));
        text = text.left(cut) + ellipsis;
        layOut(layout, text);
    }
    painter->setPen(plain);
    layout.draw(painter, lineRect.topLeft());
}

bool HistoryResultDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                      const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // A tooltip guesses at rich text; a visitor's name or line must show as typed.
    if (event && view && event->type() == QEvent::ToolTip && index.isValid()) {
        const QString tip = index.data(Qt::ToolTipRole).toString();
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), Qt::convertFromPlainText(tip, Qt::WhiteSpaceNormal),
                               view->viewport(), option.rect);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace concierge::ui
