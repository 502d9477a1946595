// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace concierge::ui {

/// Paints one dialog line: a header (author, time, "sending…") over the wrapped text. The text is
/// drawn with QPainter::drawText, so visitor-supplied markup is shown literally, never interpreted.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QString headerText(const QModelIndex &index) const;
    static constexpr int kMargin = 8;
};

} // namespace concierge::ui
