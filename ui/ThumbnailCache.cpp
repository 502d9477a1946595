// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThumbnailCache.h"

#include "FileTransfer.h"

namespace concierge::ui {

namespace {
// Scaled previews cost at most 240×240×4 bytes ≈ 225 KiB each; the cache counts KiB.
constexpr int kCacheKiB = 24 * 1024;
// A preview is not worth holding a bigger file in memory.
constexpr qint64 kMaxPreviewBytes = 16 * 1024 * 1024;
} // namespace

ThumbnailCache::ThumbnailCache(FileTransfer *files, QObject *parent)
    : QObject(parent)
    , m_files(files)
    , m_images(kCacheKiB)
{
    connect(files, &FileTransfer::fetched, this, &ThumbnailCache::onFetched);
    // A failed fetch stays in m_asked: the line keeps its plain file icon, no retry loop. Only
    // "not logged in yet" (history from the cache at start) is asked again at the next paint.
    connect(files, &FileTransfer::fetchFailed, this, [this](const QString &url, protocol::ErrorCode code) {
        if (code == protocol::ErrorCode::NotAuthenticated)
            m_asked.remove(url);
    });
}

QImage ThumbnailCache::thumbnail(const protocol::FileRef &file)
{
    if (!file.image || file.url.isEmpty())
        return {};
    if (const QImage *image = m_images.object(file.url))
        return *image;
    if (m_asked.contains(file.url) || file.size > kMaxPreviewBytes)
        return {};
    m_asked.insert(file.url);
    m_files->fetch(file.url, kMaxPreviewBytes);
    return {};
}

void ThumbnailCache::onFetched(const QString &url, const QByteArray &bytes)
{
    if (!m_asked.contains(url))
        return; // someone else's fetch (an avatar)
    QImage image = QImage::fromData(bytes);
    if (image.isNull())
        return;
    if (image.width() > kMaxSide || image.height() > kMaxSide)
        image = image.scaled(kMaxSide, kMaxSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const int cost = qMax(1, int(image.sizeInBytes() / 1024));
    m_images.insert(url, new QImage(std::move(image)), cost);
    m_asked.remove(url); // evicted later: fetched again when painted again
    Q_EMIT ready(url);
}

} // namespace concierge::ui
