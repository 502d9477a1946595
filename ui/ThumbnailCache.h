// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Message.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>

namespace concierge {
class FileTransfer;
}

namespace concierge::ui {

/// Small previews of image files, decoded here (core has no QtGui) from bytes the FileTransfer
/// fetches. Asked lazily by the painting delegate: the first ask starts the download, ready()
/// says when to repaint. Kept scaled (at most kMaxSide px), so the memory stays small.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxSide = 240;

    explicit ThumbnailCache(FileTransfer *files, QObject *parent = nullptr);

    /// The preview if it is here; otherwise a null image, and (once per file) a download starts.
    QImage thumbnail(const protocol::FileRef &file);

Q_SIGNALS:
    void ready(const QString &url);

private:
    void onFetched(const QString &url, const QByteArray &bytes);

    FileTransfer *m_files;
    QCache<QString, QImage> m_images;
    QSet<QString> m_asked; ///< fetching now, or failed: not asked again this run
};

} // namespace concierge::ui
