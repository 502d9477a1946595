// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace concierge::server {

/// The server's SQLite database: WAL, foreign keys, busy timeout, and versioned migrations
/// recorded in `schema_version`. One connection, used from the main thread only.
class Database
{
public:
    Database();
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens (creating folders and file as needed) and migrates to the latest schema.
    bool open(const QString &path, QString *error);
    QSqlDatabase handle() const;
    int schemaVersion() const;

    bool transaction();
    bool commit();
    void rollback();

private:
    bool migrate(QString *error);
    QString m_connectionName;
};

/// Prepares \a sql, binds \a values positionally and runs it. Logs and returns false on failure.
/// A null QString binds as '' (use an invalid QVariant() for SQL NULL).
bool runQuery(QSqlQuery &query, const QString &sql, const QVariantList &values = {});

} // namespace concierge::server
