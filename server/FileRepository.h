// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FileSniffer.h"
#include "protocol/Message.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace concierge::server {

/// The `files` table: one row per upload (name, size, sniffed type, uploader, dialog) and its
/// download token. The bytes are in FileStore, shared by every row with the same sha256.
class FileRepository
{
public:
    explicit FileRepository(QSqlDatabase db);

    struct Upload
    {
        QString sha256;
        QString name;
        qint64 size = 0;
        SniffedType type;
        qint64 operatorId = 0; ///< the uploader: an operator…
        qint64 visitorId = 0;  ///< …or a visitor
        qint64 dialogId = 0;   ///< 0: not in a dialog (an avatar)
    };
    struct Record
    {
        qint64 id = 0;
        QString token;
        QString sha256;
        protocol::FileRef ref;
    };

    /// Stores the row with a new token: 32 random hex digits, the only permission a download needs.
    std::optional<Record> insert(const Upload &upload);
    std::optional<Record> findByToken(const QString &token);

    static QString urlFor(const QString &token);

private:
    QSqlDatabase m_db;
};

} // namespace concierge::server
