// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageDelegate.h"

#include "MessageListModel.h"
#include "SystemLineText.h"
#include "ThumbnailCache.h"

#include "FileTransfer.h"

#include <QAbstractItemView>
#include <QDateTime>
#include <QApplication>
#include <QIcon>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QPainter>

namespace concierge::ui {

using protocol::Author;

namespace {

QColor accentFor(Author author, const QPalette &palette)
{
    switch (author) {
    case Author::Visitor:
        return QColor(0x1f, 0x6f, 0xb2);
    case Author::Operator:
        return QColor(0x2e, 0x7d, 0x32);
    case Author::System:
        return palette.color(QPalette::PlaceholderText);
    }
    return palette.color(QPalette::Text);
}

QRect textRectFor(const QRect &itemRect, const QFontMetrics &headerMetrics, int margin)
{
    return itemRect.adjusted(margin, margin + headerMetrics.height() + 2, -margin, -margin);
}

} // namespace

QString MessageDelegate::fileSummary(const protocol::FileRef &file)
{
    return tr("%1 (%2)", "file name, then its size").arg(file.name, FileTransfer::sizeText(file.size));
}

void MessageDelegate::setThumbnails(ThumbnailCache *thumbnails)
{
    m_thumbnails = thumbnails;
    connect(thumbnails, &ThumbnailCache::ready, this, [this] {
        if (auto *view = qobject_cast<QAbstractItemView *>(parent()))
            view->viewport()->update();
    });
}

int MessageDelegate::fileBodyHeight(const QStyleOptionViewItem &option, const protocol::FileRef &file)
{
    const int lines = file.executable ? 3 : 2;
    int height = qMax(kIconSize, lines * option.fontMetrics.height());
    if (file.image)
        height += 6 + kPreviewHeight;
    return height;
}

void MessageDelegate::paintFile(QPainter *painter, const QStyleOptionViewItem &option, const QRect &rect,
                                const protocol::FileRef &file) const
{
    // The icon: a warning mark for programs and scripts, else the type's icon from the theme.
    QIcon icon;
    if (file.executable) {
        icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
    } else {
        const QMimeType type = QMimeDatabase().mimeTypeForName(file.mime);
        icon = QIcon::fromTheme(type.iconName(), QIcon::fromTheme(type.genericIconName()));
        if (icon.isNull())
            icon = QApplication::style()->standardIcon(QStyle::SP_FileIcon);
    }
    const QRect iconRect(rect.left(), rect.top(), kIconSize, kIconSize);
    icon.paint(painter, iconRect);

    const QFontMetrics metrics = option.fontMetrics;
    const int textLeft = iconRect.right() + 8;
    const int textWidth = qMax(10, rect.right() - textLeft);
    QFont nameFont = option.font;
    nameFont.setUnderline(true); // reads as "something to act on": double-click saves it
    painter->setFont(nameFont);
    painter->setPen(option.palette.color(QPalette::Link));
    QRect line(textLeft, rect.top(), textWidth, metrics.height());
    // drawText with a plain string: a visitor's file name is never markup.
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      QFontMetrics(nameFont).elidedText(file.name, Qt::ElideMiddle, textWidth));
    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::PlaceholderText));
    line.translate(0, metrics.height());
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                      metrics.elidedText(tr("%1 · double-click to save").arg(FileTransfer::sizeText(file.size)),
                                         Qt::ElideRight, textWidth));
    if (file.executable) {
        line.translate(0, metrics.height());
        painter->setPen(QColor(0xc6, 0x28, 0x28));
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine,
                          metrics.elidedText(tr("A program or script: save it only if you trust the sender"),
                                             Qt::ElideRight, textWidth));
    }
    if (!file.image)
        return;
    const QRect box(rect.left(), rect.top() + qMax(kIconSize, (file.executable ? 3 : 2) * metrics.height()) + 6,
                    qMin(ThumbnailCache::kMaxSide, rect.width()), kPreviewHeight);
    const QImage preview = m_thumbnails ? m_thumbnails->thumbnail(file) : QImage();
    if (preview.isNull()) {
        painter->setPen(QPen(option.palette.color(QPalette::Mid), 1, Qt::DashLine));
        painter->drawRect(box.adjusted(0, 0, -1, -1));
        return;
    }
    const QSize size = preview.size().scaled(box.size(), Qt::KeepAspectRatio).boundedTo(preview.size());
    painter->drawImage(QRect(box.topLeft(), size), preview);
}

QString MessageDelegate::displayText(const QModelIndex &index)
{
    if (index.data(MessageListModel::HasFileRole).toBool()) {
        const QString summary = fileSummary(index.data(MessageListModel::FileRole).value<protocol::FileRef>());
        const QString text = index.data(MessageListModel::TextRole).toString();
        return text.isEmpty() ? summary : summary + u'\n' + text;
    }
    // System lines (transfer, take-over, contact, rating, ban) are worded here, in the operator's language.
    const QString event = index.data(MessageListModel::EventRole).toString();
    if (!event.isEmpty()) {
        const QString sentence =
            SystemLineText::describe(event, index.data(MessageListModel::MetaRole).toJsonObject());
        if (!sentence.isEmpty())
            return sentence;
    }
    return index.data(MessageListModel::TextRole).toString();
}

QString MessageDelegate::headerText(const QModelIndex &index) const
{
    const auto author = static_cast<Author>(index.data(MessageListModel::AuthorRole).toInt());
    QString name = index.data(MessageListModel::AuthorNameRole).toString();
    if (name.isEmpty())
        name = author == Author::System ? tr("System") : tr("Visitor");
    const QDateTime time = index.data(MessageListModel::TimeRole).toDateTime().toLocalTime();
    QString header = name + QStringLiteral("  ·  ") + QLocale().toString(time.time(), QLocale::ShortFormat);
    if (index.data(MessageListModel::PendingRole).toBool())
        header += QStringLiteral("  ·  ") + tr("sending…");
    return header;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    painter->save();
    const auto author = static_cast<Author>(index.data(MessageListModel::AuthorRole).toInt());
    const bool pending = index.data(MessageListModel::PendingRole).toBool();

    // Operator lines get a faint tint so the two sides of the conversation read apart at a glance.
    if (option.state & QStyle::State_Selected)
        painter->fillRect(option.rect, option.palette.color(QPalette::Highlight).lighter(190));
    else if (author == Author::Operator)
        painter->fillRect(option.rect, QColor(0x2e, 0x7d, 0x32, 18));

    QFont headerFont = option.font;
    headerFont.setBold(true);
    const QFontMetrics headerMetrics(headerFont);
    painter->setFont(headerFont);
    painter->setPen(accentFor(author, option.palette));
    const QRect headerRect = option.rect.adjusted(kMargin, kMargin, -kMargin, 0);
    painter->drawText(headerRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextSingleLine,
                      headerMetrics.elidedText(headerText(index), Qt::ElideRight, headerRect.width()));

    painter->setFont(option.font);
    QColor textColor = option.palette.color(QPalette::Text);
    if (pending || author == Author::System)
        textColor = option.palette.color(QPalette::PlaceholderText);
    painter->setPen(textColor);
    const QRect textRect = textRectFor(option.rect, headerMetrics, kMargin);
    if (index.data(MessageListModel::HasFileRole).toBool()) {
        const auto file = index.data(MessageListModel::FileRole).value<protocol::FileRef>();
        paintFile(painter, option, textRect, file);
        const QString text = index.data(MessageListModel::TextRole).toString();
        if (!text.isEmpty()) {
            painter->setPen(textColor);
            painter->drawText(textRect.adjusted(0, fileBodyHeight(option, file) + 4, 0, 0),
                              Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
        }
        painter->restore();
        return;
    }
    const QString text = displayText(index);
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont headerFont = option.font;
    headerFont.setBold(true);
    const QFontMetrics headerMetrics(headerFont);
    // Lines wrap to the view's width, which the option does not reliably carry in a QListView.
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(parent()))
        width = view->viewport()->width();
    width = qMax(120, width);
    const QRect available(0, 0, width - 2 * kMargin, 100000);
    if (index.data(MessageListModel::HasFileRole).toBool()) {
        const auto file = index.data(MessageListModel::FileRole).value<protocol::FileRef>();
        const QString text = index.data(MessageListModel::TextRole).toString();
        const int textHeight = text.isEmpty() ? 0
            : 4 + option.fontMetrics.boundingRect(available, Qt::AlignLeft | Qt::TextWordWrap, text).height();
        return {width, fileBodyHeight(option, file) + textHeight + headerMetrics.height() + 2 + 2 * kMargin};
    }
    const QRect textBounds =
        option.fontMetrics.boundingRect(available, Qt::AlignLeft | Qt::TextWordWrap, displayText(index));
    return {width, textBounds.height() + headerMetrics.height() + 2 + 2 * kMargin};
}

} // namespace concierge::ui
