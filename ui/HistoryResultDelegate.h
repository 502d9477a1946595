// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QStyledItemDelegate>

namespace concierge::ui {

/// The history window's result rows: each cell as usual on the first line, and under the row, across
/// all its columns, the line that matched (HistoryListModel::SnippetTextRole) with the searched words
/// marked. Every cell draws its own slice of that line, so it reads as one line under the row
/// whatever the column widths. The line is a visitor's or an operator's words: drawn as plain
/// text, never as rich text; tooltips are shown as plain text too.
class HistoryResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// A piece of the snippet line: marked (a searched word) or not.
    struct Segment
    {
        QString text;
        bool marked = false;
        friend bool operator==(const Segment &, const Segment &) = default;
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    /// \a text cut into marked and unmarked pieces by \a highlights (line breaks as spaces):
    /// what the row shows, in order.
    static QList<Segment> segments(const QString &text, const QList<protocol::TextSpan> &highlights);
    /// The marked words of a row as the operator sees them.
    static QStringList markedWords(const QModelIndex &index);
    /// The marker colour behind searched words.
    static QColor markColor();

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void paintSnippet(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index,
                      const QRect &lineRect) const;
    static constexpr int kSnippetIndent = 18; ///< the line sits a little right of the row's start
};

} // namespace concierge::ui
