// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace concierge::ui {

/// Section rows: bold title with count. Visitor rows: name with a live "mm:ss" waiting timer (the
/// pane repaints it once a second), then the current page — or, for an offline request, its text —
/// and, on a dialog transferred to us, who sent it and their comment. The dialog's category, if it
/// has one, is a small tag on the right of the first line, after the visitor's rating in stars once
/// they rated it. Everything drawn is plain text.
class VisitorListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Category id → its name ("" if unknown); the list shows no tags without it.
    using CategoryNames = std::function<QString(qint64 categoryId)>;
    void setCategoryNames(CategoryNames names) { m_categoryNames = std::move(names); }
    /// The tag drawn on this row: the name of its dialog's category, or "".
    QString categoryTag(const QModelIndex &index) const;
    /// "★★★★☆" for a dialog the visitor rated 4 of 5; "" if not rated.
    static QString ratingStars(const QModelIndex &index);

    /// "00:42", "12:05", "1:02:03" — how long a visitor has waited, for the row and for tests.
    static QString formatWaiting(qint64 seconds);
    /// The line under a transferred dialog: "From Anna: please call back" (or "From Anna").
    static QString transferLine(const QModelIndex &index);
    /// The second line of an offline request: "Offline request: <text>".
    static QString offlineRequestLine(const QModelIndex &index);
    /// The lines drawn under the name, in order: the page (or the offline request's text), then,
    /// on a transferred dialog waiting for an answer, transferLine().
    static QStringList detailLines(const QModelIndex &index);

private:
    /// Draws the tag right-aligned in \a line; returns the width it took (0 for none).
    int drawCategoryTag(QPainter *painter, const QStyleOptionViewItem &option, const QRect &line,
                        const QString &tag) const;
    static bool showsTransfer(const QModelIndex &index);
    static QString secondLine(const QModelIndex &index); ///< offline request text or current page

    CategoryNames m_categoryNames;
};

} // namespace concierge::ui
