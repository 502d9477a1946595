// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemplateSearch.h"

#include <QStyledItemDelegate>

namespace concierge::ui {

/// One suggested template: its title in bold, the first lines of its text below, what the operator
/// typed highlighted in both, and a small "personal"/"shared" mark. Template text is the admins'
/// or the operator's own words: drawn as plain text, never as rich text.
class TemplateSuggestionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    /// Lines of the template's text shown under its title.
    static constexpr int kTextLines = 2;

    explicit TemplateSuggestionDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// Draws \a text (its line breaks as spaces) in at most \a maxLines lines within \a rect, the
    /// last one elided, with \a spans on a highlight. Returns the height used.
    static int drawHighlighted(QPainter *painter, const QRect &rect, const QFont &font, const QString &text,
                               const QList<TextSpan> &spans, int maxLines, const QColor &textColor,
                               const QColor &highlight);
};

} // namespace concierge::ui
