// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace concierge::server {

/// Operators, departments, login sessions and status history (templates: TemplateRepository).
class OperatorRepository
{
public:
    struct Credentials
    {
        protocol::OperatorInfo info;
        QString passwordHash;
    };
    struct SessionRef
    {
        qint64 sessionId = 0;
        qint64 operatorId = 0;
    };

    /// \a defaultMaxDialogs applies to operators without their own maximum (server `--max-dialogs`).
    explicit OperatorRepository(QSqlDatabase db, int defaultMaxDialogs = 5);

    static QString normalizeEmail(const QString &email);
    static bool isValidEmail(const QString &email);

    std::optional<qint64> createDepartment(const QString &name, QString *error);
    std::optional<qint64> departmentId(const QString &name);
    QList<protocol::Department> departments(); ///< by name
    std::optional<protocol::Department> department(qint64 departmentId);
    bool deleteDepartment(qint64 departmentId);
    /// \a maxDialogs empty: the server's default applies.
    std::optional<qint64> createOperator(const QString &email, const QString &name,
                                         const QString &passwordHash, std::optional<int> maxDialogs,
                                         QString *error);
    bool addToDepartment(qint64 operatorId, qint64 departmentId);
    bool removeFromDepartment(qint64 operatorId, qint64 departmentId);
    bool setName(qint64 operatorId, const QString &name);
    bool setRole(qint64 operatorId, protocol::OperatorRole role);
    bool setMaxDialogs(qint64 operatorId, std::optional<int> maxDialogs);
    /// Replaces the operator's languages (lower-case codes such as "en").
    bool setLanguages(qint64 operatorId, const QStringList &languages);
    bool setPasswordHash(qint64 operatorId, const QString &passwordHash);
    /// The login and mail address (normalised here); false also when another operator has it.
    bool setEmail(qint64 operatorId, const QString &email);
    /// The operator's avatar: a `files` row (FileRepository), 0 to clear.
    bool setAvatar(qint64 operatorId, qint64 fileId);
    /// Records each change in `status_changes` and leaves the last one in force, all in one
    /// transaction (a failure changes nothing).
    bool setStatuses(qint64 operatorId, const QList<protocol::OperatorStatus> &changes);

    std::optional<Credentials> findByEmail(const QString &email);
    std::optional<protocol::OperatorInfo> find(qint64 operatorId);
    QList<protocol::OperatorInfo> all();
    QStringList departmentsOf(qint64 operatorId);

    std::optional<qint64> createSession(qint64 operatorId, const QString &tokenHash);
    /// A live (not revoked, seen within the last 30 days) session; touches its last_seen.
    std::optional<SessionRef> findSession(const QString &tokenHash);
    bool revokeSession(qint64 sessionId);

private:
    QSqlDatabase m_db;
    int m_defaultMaxDialogs;
};

} // namespace concierge::server
