// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QFile;

namespace concierge::server {

/// The bytes of uploaded files, stored once per content as <root>/<first two hex digits>/<sha256>.
/// Written through QSaveFile, so a blob on disk is always whole: a crash leaves no half file that a
/// later identical upload would mistake for its own.
class FileStore
{
public:
    explicit FileStore(QString root);

    struct Stored
    {
        QString sha256;       ///< lower-case hex
        bool created = false; ///< false: the same content was already there
    };
    std::optional<Stored> store(const QByteArray &content);
    /// The blob opened for reading, to be streamed to a download; null when it is missing or
    /// unreadable. Never the whole content in memory: many people may download a big file at once.
    std::unique_ptr<QFile> open(const QString &sha256) const;
    /// Bytes free for unprivileged users on the file system holding the store (its parent folder
    /// while the store does not exist yet); -1 when it cannot be told.
    qint64 bytesFree() const;
    /// Removes a blob this upload created when its database row could not be written.
    void discard(const QString &sha256);
    QString pathOf(const QString &sha256) const;

private:
    QString m_root;
};

} // namespace concierge::server
