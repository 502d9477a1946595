// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace concierge::ui {

/// Paints one dialog line: a header (author, time, "sending…") over the wrapped text. The text is
/// drawn with QPainter::drawText, so visitor-supplied markup is shown literally, never interpreted.
/// Transfer and take-over lines are worded from their details in the app's language.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// What the line says: its text, or for a system line with an event (transfer, take-over) the
    /// sentence worded from its details.
    static QString displayText(const QModelIndex &index);

private:
    QString headerText(const QModelIndex &index) const;
    static constexpr int kMargin = 8;
};

} // namespace concierge::ui
