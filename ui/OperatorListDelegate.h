// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace concierge::ui {

/// One operator beside the operator room: the name ("(you)" after one's own) over a status dot and
/// the status name. Someone with no connection shows as Offline whatever they chose last.
class OperatorListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The status name the row shows, for tests.
    static QString statusText(const QModelIndex &index);
};

} // namespace concierge::ui
