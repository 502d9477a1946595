// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

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
    /// The blob's bytes; nothing when it is missing or unreadable.
    std::optional<QByteArray> read(const QString &sha256) const;
    /// Removes a blob this upload created when its database row could not be written.
    void discard(const QString &sha256);
    QString pathOf(const QString &sha256) const;

private:
    QString m_root;
};

} // namespace concierge::server
