// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorRepository.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QSqlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::OperatorInfo;

namespace {

QString now()
{
    return protocol::timestampToJson(QDateTime::currentDateTimeUtc());
}

constexpr auto kOperatorColumns = "id, email, name, status, max_dialogs";

OperatorInfo operatorFrom(const QSqlQuery &query)
{
    OperatorInfo info;
    info.id = query.value(0).toLongLong();
    info.email = query.value(1).toString();
    info.name = query.value(2).toString();
    info.status = protocol::operatorStatusFromString(query.value(3).toString());
    info.maxDialogs = query.value(4).toInt();
    return info;
}

} // namespace

OperatorRepository::OperatorRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QString OperatorRepository::normalizeEmail(const QString &email)
{
    return email.trimmed().toLower();
}

bool OperatorRepository::isValidEmail(const QString &email)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
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
                                                         const QString &passwordHash, int maxDialogs,
                                                         QString *error)
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
                  {normalized, name, passwordHash, maxDialogs, now()})) {
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

bool OperatorRepository::setStatus(qint64 operatorId, protocol::OperatorStatus status)
{
    const QString text = protocol::operatorStatusToString(status);
    QSqlQuery update(m_db);
    QSqlQuery record(m_db);
    return runQuery(update, u"UPDATE operators SET status = ? WHERE id = ?"_s, {text, operatorId})
           && runQuery(record, u"INSERT INTO status_changes (operator_id, status, at) VALUES (?, ?, ?)"_s,
                       {operatorId, text, now()});
}

std::optional<OperatorRepository::Credentials> OperatorRepository::findByEmail(const QString &email)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT "_s + QLatin1StringView(kOperatorColumns)
                      + u", password_hash FROM operators WHERE email = ?"_s,
                  {normalizeEmail(email)})
        || !query.next())
        return std::nullopt;
    return Credentials{operatorFrom(query), query.value(5).toString()};
}

std::optional<OperatorInfo> OperatorRepository::find(qint64 operatorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT "_s + QLatin1StringView(kOperatorColumns) + u" FROM operators WHERE id = ?"_s,
                  {operatorId})
        || !query.next())
        return std::nullopt;
    return operatorFrom(query);
}

QList<OperatorInfo> OperatorRepository::all()
{
    QList<OperatorInfo> list;
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT "_s + QLatin1StringView(kOperatorColumns) + u" FROM operators ORDER BY id"_s))
        return list;
    while (query.next())
        list.append(operatorFrom(query));
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

bool OperatorRepository::revokeSession(qint64 sessionId)
{
    QSqlQuery query(m_db);
    return runQuery(query, u"UPDATE sessions SET revoked = 1 WHERE id = ?"_s, {sessionId});
}

bool OperatorRepository::ensureTemplate(qint64 departmentId, const QString &title, const QString &text)
{
    QSqlQuery query(m_db);
    return runQuery(query,
                    u"INSERT OR IGNORE INTO templates (department_id, title, text) VALUES (?, ?, ?)"_s,
                    {departmentId, title, text});
}

} // namespace concierge::server
