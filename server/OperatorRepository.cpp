// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorRepository.h"

#include "Database.h"
#include "FileRepository.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

#include <algorithm>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::OperatorInfo;

namespace {

QString now()
{
    return protocol::timestampToJson(QDateTime::currentDateTimeUtc());
}

// Languages and departments ride along as comma lists so that one query gives whole operators:
// auto-assignment reads every operator for each dialog it places.
constexpr auto kOperatorColumns =
    "o.id, o.email, o.name, o.status, o.max_dialogs, o.role, o.status_since, "
    "(SELECT group_concat(language, ',') FROM operator_languages WHERE operator_id = o.id), "
    "(SELECT group_concat(department_id, ',') FROM operator_departments WHERE operator_id = o.id), "
    "(SELECT token FROM files WHERE id = o.avatar_file_id)";

QString operatorSelect(const QString &tail)
{
    return u"SELECT "_s + QLatin1StringView(kOperatorColumns) + u" FROM operators o "_s + tail;
}

OperatorInfo operatorFrom(const QSqlQuery &query, int defaultMaxDialogs)
{
    OperatorInfo info;
    info.id = query.value(0).toLongLong();
    info.email = query.value(1).toString();
    info.name = query.value(2).toString();
    info.status = protocol::operatorStatusFromString(query.value(3).toString());
    info.maxDialogs = query.value(4).isNull() ? defaultMaxDialogs : query.value(4).toInt();
    info.role = protocol::operatorRoleFromString(query.value(5).toString());
    if (!query.value(6).isNull())
        info.statusSince = protocol::timestampFromJson(query.value(6).toString());
    info.languages = query.value(7).toString().split(u',', Qt::SkipEmptyParts);
    info.languages.sort();
    for (const QString &department : query.value(8).toString().split(u',', Qt::SkipEmptyParts))
        info.departmentIds.append(department.toLongLong());
    std::sort(info.departmentIds.begin(), info.departmentIds.end());
    if (!query.value(9).isNull())
        info.avatarUrl = FileRepository::urlFor(query.value(9).toString());
    return info;
}

} // namespace

OperatorRepository::OperatorRepository(QSqlDatabase db, int defaultMaxDialogs)
    : m_db(std::move(db))
    , m_defaultMaxDialogs(defaultMaxDialogs)
{
}

QString OperatorRepository::normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool OperatorRepository::isValidEmail(const QString &email)
{
    // One rule for every address the server keeps (logins, contact forms, offline requests) — all of
    // them may be mailed to, so nothing that could split a header or an SMTP command: no spaces,
    // quotes, brackets, commas, semicolons or colons.
    static const QRegularExpression pattern(u"^[^@\\s<>()\\[\\],;:\"\\\\]+@[^@\\s<>()\\[\\],;:\"\\\\]+\\.[^@\\s<>()\\[\\],;:\"\\\\]+$"_s);
    return pattern.match(email).hasMatch();
}

std::optional<qint64> OperatorRepository::createDepartment(const QString &name, QString *error)
{
    if (departmentId(name)) {
        *error = u"a department named \""_s + name + u"\" already exists"_s;
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    if (!runQuery(query, u"INSERT INTO departments (name, created_at) VALUES (?, ?)"_s, {name, now()})) {
        *error = u"cannot store the department"_s;
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

std::optional<qint64> OperatorRepository::departmentId(const QString &name)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id FROM departments WHERE name = ?"_s, {name}) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

std::optional<qint64> OperatorRepository::createOperator(const QString &email, const QString &name,
                                                         const QString &passwordHash,
                                                         std::optional<int> maxDialogs, QString *error)
{
    const QString normalized = normalizeEmail(email);
    if (!isValidEmail(normalized)) {
        *error = u"not a valid email address: "_s + email;
        return std::nullopt;
    }
    if (findByEmail(normalized)) {
        *error = u"an operator with email "_s + normalized + u" already exists"_s;
        return std::nullopt;
    }
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"INSERT INTO operators (email, name, password_hash, max_dialogs, created_at) "
                  "VALUES (?, ?, ?, ?, ?)"_s,
                  {normalized, name, passwordHash, maxDialogs ? QVariant(*maxDialogs) : QVariant(), now()})) {
        *error = u"cannot store the operator"_s;
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool OperatorRepository::addToDepartment(qint64 operatorId, qint64 departmentId)
{
    QSqlQuery query(m_db);
    return runQuery(query,
                    u"INSERT OR IGNORE INTO operator_departments (operator_id, department_id) "
                    "VALUES (?, ?)"_s,
                    {operatorId, departmentId});
}

bool OperatorRepository::setPasswordHash(qint64 operatorId, const QString &passwordHash)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET password_hash = ? WHERE id = ?"_s,
                    {passwordHash, operatorId});
}

bool OperatorRepository::setStatuses(qint64 operatorId, const QList<protocol::OperatorStatus> &changes)
{
    if (changes.isEmpty() || !m_db.transaction())
        return false;
    const QString time = now();
    for (const protocol::OperatorStatus status : changes) {
        const QString text = protocol::operatorStatusToString(status);
        QSqlQuery update(m_db);
        QSqlQuery record(m_db);
        if (!runQuery(update, u"UPDATE operators SET status = ?, status_since = ? WHERE id = ?"_s,
                      {text, time, operatorId})
            || !runQuery(record, u"INSERT INTO status_changes (operator_id, status, at) VALUES (?, ?, ?)"_s,
                         {operatorId, text, time})) {
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        m_db.rollback();
        return false;
    }
    return true;
}

std::optional<OperatorRepository::Credentials> OperatorRepository::findByEmail(const QString &email)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kOperatorColumns)
                      + u", o.password_hash FROM operators o WHERE o.email = ?"_s,
                  {normalizeEmail(email)})
        || !query.next())
        return std::nullopt;
    return Credentials{operatorFrom(query, m_defaultMaxDialogs), query.value(10).toString()};
}

std::optional<OperatorInfo> OperatorRepository::find(qint64 operatorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, operatorSelect(u"WHERE o.id = ?"_s), {operatorId}) || !query.next())
        return std::nullopt;
    return operatorFrom(query, m_defaultMaxDialogs);
}

QList<OperatorInfo> OperatorRepository::all()
{
    QList<OperatorInfo> list;
    QSqlQuery query(m_db);
    if (!runQuery(query, operatorSelect(u"ORDER BY o.id"_s)))
        return list;
    while (query.next())
        list.append(operatorFrom(query, m_defaultMaxDialogs));
    return list;
}

QStringList OperatorRepository::departmentsOf(qint64 operatorId)
{
    QStringList names;
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT d.name FROM departments d JOIN operator_departments od "
                  "ON od.department_id = d.id WHERE od.operator_id = ? ORDER BY d.name"_s,
                  {operatorId}))
        return names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QList<protocol::Department> OperatorRepository::departments()
{
    QList<protocol::Department> list;
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id, name FROM departments ORDER BY name"_s))
        return list;
    while (query.next())
        list.append({query.value(0).toLongLong(), query.value(1).toString(), false});
    return list;
}

std::optional<protocol::Department> OperatorRepository::department(qint64 departmentId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id, name FROM departments WHERE id = ?"_s, {departmentId}) || !query.next())
        return std::nullopt;
    return protocol::Department{query.value(0).toLongLong(), query.value(1).toString(), false};
}

bool OperatorRepository::deleteDepartment(qint64 departmentId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"DELETE FROM departments WHERE id = ?"_s, {departmentId});
}

bool OperatorRepository::removeFromDepartment(qint64 operatorId, qint64 departmentId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"DELETE FROM operator_departments WHERE operator_id = ? AND department_id = ?"_s,
                    {operatorId, departmentId});
}

bool OperatorRepository::setName(qint64 operatorId, const QString &name)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET name = ? WHERE id = ?"_s, {name, operatorId});
}

bool OperatorRepository::setEmail(qint64 operatorId, const QString &email)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET email = ? WHERE id = ?"_s, {normalizeEmail(email), operatorId});
}

bool OperatorRepository::setRole(qint64 operatorId, protocol::OperatorRole role)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET role = ? WHERE id = ?"_s,
                    {protocol::operatorRoleToString(role), operatorId});
}

bool OperatorRepository::setMaxDialogs(qint64 operatorId, std::optional<int> maxDialogs)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET max_dialogs = ? WHERE id = ?"_s,
                    {maxDialogs ? QVariant(*maxDialogs) : QVariant(), operatorId});
}

bool OperatorRepository::setLanguages(qint64 operatorId, const QStringList &languages)
{
    QSqlQuery clear(m_db);
    if (!runQuery(clear, u"DELETE FROM operator_languages WHERE operator_id = ?"_s, {operatorId}))
        return false;
    for (const QString &language : languages) {
        QSqlQuery insert(m_db);
        if (!runQuery(insert, u"INSERT OR IGNORE INTO operator_languages (operator_id, language) VALUES (?, ?)"_s,
                      {operatorId, language}))
            return false;
    }
    return true;
}

std::optional<qint64> OperatorRepository::createSession(qint64 operatorId, const QString &tokenHash)
{
    QSqlQuery query(m_db);
    const QString time = now();
    if (!runQuery(query,
                  u"INSERT INTO sessions (token_hash, operator_id, created_at, last_seen) "
                  "VALUES (?, ?, ?, ?)"_s,
                  {tokenHash, operatorId, time, time}))
        return std::nullopt;
    return query.lastInsertId().toLongLong();
}

std::optional<OperatorRepository::SessionRef> OperatorRepository::findSession(const QString &tokenHash)
{
    const QString oldest = protocol::timestampToJson(QDateTime::currentDateTimeUtc().addDays(-30));
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT id, operator_id FROM sessions "
                  "WHERE token_hash = ? AND revoked = 0 AND last_seen >= ?"_s,
                  {tokenHash, oldest})
        || !query.next())
        return std::nullopt;
    SessionRef ref{query.value(0).toLongLong(), query.value(1).toLongLong()};
    QSqlQuery touch(m_db);
    runQuery(touch, u"UPDATE sessions SET last_seen = ? WHERE id = ?"_s, {now(), ref.sessionId});
    return ref;
}

bool OperatorRepository::setAvatar(qint64 operatorId, qint64 fileId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE operators SET avatar_file_id = ? WHERE id = ?"_s,
                    {fileId > 0 ? QVariant(fileId) : QVariant(), operatorId});
}

bool OperatorRepository::revokeSession(qint64 sessionId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE sessions SET revoked = 1 WHERE id = ?"_s, {sessionId});
}

} // namespace concierge::server
