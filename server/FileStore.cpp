// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStorageInfo>

namespace concierge::server {

using namespace Qt::StringLiterals;

FileStore::FileStore(QString root)
    : m_root(std::move(root))
{
}

QString FileStore::pathOf(const QString &sha256) const
{
    return QDir(m_root).filePath(sha256.left(2) + u'/' + sha256);
}

std::optional<FileStore::Stored> FileStore::store(const QByteArray &content)
{
    Stored stored;
    stored.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
    const QString path = pathOf(stored.sha256);
    if (QFileInfo(path).size() == content.size() && QFileInfo::exists(path))
        return stored; // same content, same name: already here
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return std::nullopt;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return std::nullopt;
    stored.created = true;
    return stored;
}

std::unique_ptr<QFile> FileStore::open(const QString &sha256) const
{
    auto file = std::make_unique<QFile>(pathOf(sha256));
    if (!file->open(QIODevice::ReadOnly))
        return nullptr;
    return file;
}

qint64 FileStore::bytesFree() const
{
    // The store folder appears with the first upload; until then its parent (the state folder)
    // is on the same file system.
    QString path = QFileInfo(m_root).absoluteFilePath();
    while (!QFileInfo::exists(path)) {
        const QString parent = QFileInfo(path).absolutePath();
        if (parent == path)
            break;
        path = parent;
    }
    const QStorageInfo storage(path);
    return storage.isValid() ? storage.bytesAvailable() : -1;
}

void FileStore::discard(const QString &sha256)
{
    QFile::remove(pathOf(sha256));
}

} // namespace concierge::server
