// SPDX-License-Identifier: GPL-3.0-or-later
// LocalStore's template libraries and their use by each operator (schema v8), apart from
// LocalStore.cpp to keep each file readable.
#include "LocalStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QVariant msecsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFromMsecs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString tagsToText(const QStringList &tags)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsFromText(const QString &text)
{
    QStringList tags;
    for (const QJsonValue &tag : QJsonDocument::fromJson(text.toUtf8()).array())
        tags.append(tag.toString());
    return tags;
}

} // namespace

QList<protocol::Template> LocalStore::templates() const
{
    QList<protocol::Template> result;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT id, scope, department_id, owner_id, title, text, tags, revision, updated_at, "
                    "updated_by FROM templates ORDER BY id"_s))
        return result;
    while (query.next()) {
        protocol::Template item;
        item.id = query.value(0).toLongLong();
        item.scope = protocol::templateScopeFromString(query.value(1).toString());
        item.departmentId = query.value(2).toLongLong(); // NULL reads as 0: every department
        item.ownerId = query.value(3).toLongLong();
        item.title = query.value(4).toString();
        item.text = query.value(5).toString();
        item.tags = tagsFromText(query.value(6).toString());
        item.revision = query.value(7).toLongLong();
        item.updatedAt = timeFromMsecs(query.value(8));
        item.updatedBy = query.value(9).toString();
        result.append(item);
    }
    return result;
}

bool LocalStore::upsertTemplate(const protocol::Template &item)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"INSERT OR REPLACE INTO templates (id, scope, department_id, owner_id, title, text, tags, "
                  "revision, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.addBindValue(item.id);
    query.addBindValue(protocol::templateScopeToString(item.scope));
    query.addBindValue(idOrNull(item.departmentId));
    query.addBindValue(idOrNull(item.ownerId));
    query.addBindValue(item.title);
    query.addBindValue(item.text);
    query.addBindValue(tagsToText(item.tags));
    query.addBindValue(item.revision);
    query.addBindValue(msecsOrNull(item.updatedAt));
    query.addBindValue(item.updatedBy);
    if (!query.exec())
        return fail(u"upsertTemplate"_s, query.lastError().text());
    return true;
}

bool LocalStore::removeTemplate(qint64 id)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"DELETE FROM templates WHERE id = ?"_s);
    query.addBindValue(id);
    if (!query.exec())
        return fail(u"removeTemplate"_s, query.lastError().text());
    return true;
}

bool LocalStore::replaceTemplates(const QList<protocol::Template> &templates)
{
    if (!beginTransaction())
        return false;
    exec(u"DELETE FROM templates"_s);
    for (const auto &item : templates)
        upsertTemplate(item);
    return commit();
}

qint64 LocalStore::templatesRevision() const
{
    return kv(u"templates_revision"_s).toLongLong();
}

bool LocalStore::setTemplatesRevision(qint64 revision)
{
    return setKv(u"templates_revision"_s, QString::number(revision));
}

QString LocalStore::templatesViewer() const
{
    return kv(u"templates_viewer"_s);
}

bool LocalStore::setTemplatesViewer(const QString &viewer)
{
    return setKv(u"templates_viewer"_s, viewer);
}

QList<TemplateUseRow> LocalStore::templateUsage(qint64 operatorId) const
{
    QList<TemplateUseRow> rows;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(u"SELECT template_id, count, last_used FROM template_usage WHERE operator_id = ?"_s);
    query.addBindValue(operatorId);
    if (!query.exec())
        return rows;
    while (query.next())
        rows.append({query.value(0).toLongLong(), query.value(1).toInt(), timeFromMsecs(query.value(2))});
    return rows;
}

TemplateUseRow LocalStore::recordTemplateUse(qint64 operatorId, qint64 templateId, const QDateTime &at)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    {
        QSqlQuery query(db);
        query.prepare(u"INSERT INTO template_usage (operator_id, template_id, count, last_used) VALUES (?, ?, 1, ?) "
                      "ON CONFLICT(operator_id, template_id) DO UPDATE SET count = count + 1, "
                      "last_used = excluded.last_used"_s);
        query.addBindValue(operatorId);
        query.addBindValue(templateId);
        query.addBindValue(msecsOrNull(at));
        if (!query.exec()) {
            fail(u"recordTemplateUse"_s, query.lastError().text());
            return {templateId, 0, {}};
        }
    }
    QSqlQuery query(db);
    query.prepare(u"SELECT count, last_used FROM template_usage WHERE operator_id = ? AND template_id = ?"_s);
    query.addBindValue(operatorId);
    query.addBindValue(templateId);
    if (query.exec() && query.next())
        return {templateId, query.value(0).toInt(), timeFromMsecs(query.value(1))};
    return {templateId, 0, {}};
}

} // namespace concierge
