// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace concierge::server {

/// The keys other systems use for the HTTP API (docs/protocol.md, "The HTTP API for
/// integrations"): `ck_` and 32 random bytes in base64url. A key is shown once, when made; the
/// `api_keys` table keeps only its SHA-256 (hex), so a copied database gives no working key.
class ApiKeys
{
public:
    /// One row of `api_keys`, as `admin list-api-keys` prints it. Never the key itself.
    struct Record
    {
        qint64 id = 0;
        QString name;
        QDateTime createdAt;
        QDateTime lastUsedAt; ///< invalid: never used
        QDateTime revokedAt;  ///< invalid: in force
    };
    /// A key just made: the only moment \a key exists outside the caller's hands.
    struct Created
    {
        qint64 id = 0;
        QString key;
    };

    explicit ApiKeys(QSqlDatabase db);

    /// A fresh key (libsodium randombytes_buf; PasswordHasher::initialize() must have run).
    static QString newKey();
    /// What the database keeps of \a key: SHA-256 of its UTF-8, in hex.
    static QString keyHash(const QString &key);

    /// Stores a new key named \a name (trimmed, not empty, at most 200 characters).
    std::optional<Created> create(const QString &name, QString *error);
    /// Every key, oldest first, revoked ones included.
    QList<Record> all() const;
    /// Revokes key \a id; false with a worded \a error when there is no such key, it is revoked
    /// already, or the database refuses.
    bool revoke(qint64 id, QString *error);
    /// The id of the key in force that \a key is, stamping its `last_used_at`; nothing when the
    /// key is unknown, revoked or not shaped like one.
    std::optional<qint64> check(const QString &key);

private:
    QSqlDatabase m_db;
};

} // namespace concierge::server
