// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace concierge::ui {

/// Section rows: bold title with count. Visitor rows: name, current page, and for waiting visitors
/// a live "waiting m:ss" timer (the pane repaints once a second).
class VisitorListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// "0:42", "12:05", "1:02:03" — how long a visitor has waited, for the row and for tests.
    static QString formatWaiting(qint64 seconds);
};

} // namespace concierge::ui
