// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Message.h"

#include <QPointer>
#include <QStyledItemDelegate>

namespace concierge::ui {

class ThumbnailCache;

/// Paints one dialog line: a header (author, time, "sending…") over the wrapped text. The text is
/// drawn with QPainter::drawText, so visitor-supplied markup is shown literally, never interpreted.
/// Transfer and take-over lines are worded from their details in the app's language.
/// File lines show an icon (a warning mark for programs and scripts), the name as plain text, the
/// size, and for images a preview fetched lazily through a ThumbnailCache.
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
    /// "price.pdf (12 KB)" — how a file line reads as text.
    static QString fileSummary(const protocol::FileRef &file);
    /// Where image previews come from; without one, image lines show the plain file icon.
    void setThumbnails(ThumbnailCache *thumbnails);

private:
    QString headerText(const QModelIndex &index) const;
    void paintFile(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                   const protocol::FileRef &file) const;
    static int fileBodyHeight(const QStyleOptionViewItem &option, const protocol::FileRef &file);
    static constexpr int kMargin = 8;
    static constexpr int kIconSize = 32;
    static constexpr int kPreviewHeight = 160; ///< fixed, so a preview arriving never moves the lines
    QPointer<ThumbnailCache> m_thumbnails;
};

} // namespace concierge::ui
