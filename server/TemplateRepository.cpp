// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateRepository.h"

#include "Database.h"
#include "protocol/Json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::Template;
using protocol::TemplateScope;

namespace {

constexpr auto kColumns = "id, scope, department_id, owner_id, title, text, tags, revision, updated_at, "
                          "updated_by, deleted";

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
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

/// A row of kColumns (template_versions reads the same order with its template_id first).
Template templateFrom(const QSqlQuery &query)
{
    Template item;
    item.id = query.value(0).toLongLong();
    item.scope = protocol::templateScopeFromString(query.value(1).toString());
    item.departmentId = query.value(2).toLongLong();
    item.ownerId = query.value(3).toLongLong();
    item.title = query.value(4).toString();
    item.text = query.value(5).toString();
    item.tags = tagsFromText(query.value(6).toString());
    item.revision = query.value(7).toLongLong();
    item.updatedAt = protocol::timestampFromJson(query.value(8).toString());
    item.updatedBy = query.value(9).toString();
    item.deleted = query.value(10).toInt() != 0;
    return item;
}

QList<Template> templatesFrom(QSqlQuery &query)
{
    QList<Template> list;
    while (query.next())
        list.append(templateFrom(query));
    return list;
}

} // namespace

TemplateRepository::TemplateRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
    refoldTitleKeys();
}

QString TemplateRepository::titleKey(const QString &title)
{
    return title.trimmed().toCaseFolded();
}

void TemplateRepository::refoldTitleKeys()
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id, title, title_key FROM templates WHERE deleted = 0"_s))
        return;
    while (query.next()) {
        const QString key = titleKey(query.value(1).toString());
        if (key == query.value(2).toString())
            continue;
        // Two old titles that differ only in case keep their migrated keys (the second one's made
        // unique with "#id"): both stay usable, and renaming one is the admin's call.
        QSqlQuery update(m_db);
        runQuery(
            update,
            u"UPDATE templates SET title_key = ? WHERE id = ? AND NOT EXISTS (SELECT 1 FROM templates other "
            "WHERE other.deleted = 0 AND other.id <> templates.id AND other.scope = templates.scope "
            "AND IFNULL(other.owner_id, 0) = IFNULL(templates.owner_id, 0) "
            "AND IFNULL(other.department_id, 0) = IFNULL(templates.department_id, 0) AND other.title_key = ?)"_s,
            {key, query.value(0), key});
    }
}

qint64 TemplateRepository::revision()
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT revision FROM template_revision WHERE id = 1"_s) || !query.next())
        return 0;
    return query.value(0).toLongLong();
}

std::optional<qint64> TemplateRepository::nextRevision()
{
    QSqlQuery bump(m_db);
    if (!runQuery(bump, u"UPDATE template_revision SET revision = revision + 1 WHERE id = 1"_s))
        return std::nullopt;
    const qint64 value = revision();
    return value > 0 ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<Template> TemplateRepository::find(qint64 id)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT %1 FROM templates WHERE id = ?"_s.arg(QLatin1StringView(kColumns)), {id}) ||
        !query.next())
        return std::nullopt;
    return templateFrom(query);
}

std::optional<Template> TemplateRepository::findByTitle(TemplateScope scope, qint64 ownerId,
                                                        qint64 departmentId, const QString &title)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT %1 FROM templates WHERE deleted = 0 AND scope = ? AND IFNULL(owner_id, 0) = ? "
                  "AND IFNULL(department_id, 0) = ? AND title_key = ?"_s.arg(QLatin1StringView(kColumns)),
                  {protocol::templateScopeToString(scope), scope == TemplateScope::Personal ? ownerId : 0,
                   scope == TemplateScope::Shared ? departmentId : 0, titleKey(title)}) ||
        !query.next())
        return std::nullopt;
    return templateFrom(query);
}

QList<Template> TemplateRepository::changedSince(qint64 since)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT %1 FROM templates WHERE revision > ? ORDER BY revision"_s.arg(
                      QLatin1StringView(kColumns)),
                  {since}))
        return {};
    return templatesFrom(query);
}

QList<Template> TemplateRepository::live()
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT %1 FROM templates WHERE deleted = 0 ORDER BY id"_s.arg(
                             QLatin1StringView(kColumns))))
        return {};
    return templatesFrom(query);
}

std::optional<Template> TemplateRepository::insert(Template item)
{
    const auto revision = nextRevision();
    if (!revision)
        return std::nullopt;
    item.revision = *revision;
    item.deleted = false;
    if (!item.updatedAt.isValid())
        item.updatedAt = QDateTime::currentDateTimeUtc();
    const bool personal = item.scope == TemplateScope::Personal;
    QSqlQuery query(m_db);
    if (!runQuery(
            query,
            u"INSERT INTO templates (scope, department_id, owner_id, title, title_key, text, tags, revision, "
            "updated_at, updated_by, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"_s,
            {protocol::templateScopeToString(item.scope), personal ? QVariant() : idOrNull(item.departmentId),
             personal ? idOrNull(item.ownerId) : QVariant(), item.title, titleKey(item.title), item.text,
             tagsToText(item.tags), item.revision, protocol::timestampToJson(item.updatedAt),
             item.updatedBy}))
        return std::nullopt;
    item.id = query.lastInsertId().toLongLong();
    return item;
}

std::optional<Template> TemplateRepository::update(Template item, const Template &previous)
{
    QSqlQuery keep(m_db);
    if (!runQuery(
            keep,
            u"INSERT INTO template_versions (template_id, scope, department_id, owner_id, title, text, tags, "
            "revision, updated_at, updated_by, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {previous.id, protocol::templateScopeToString(previous.scope), idOrNull(previous.departmentId),
             idOrNull(previous.ownerId), previous.title, previous.text, tagsToText(previous.tags),
             previous.revision, protocol::timestampToJson(previous.updatedAt), previous.updatedBy,
             protocol::timestampToJson(QDateTime::currentDateTimeUtc())}))
        return std::nullopt;
    QSqlQuery trim(m_db);
    if (!runQuery(trim,
                  u"DELETE FROM template_versions WHERE template_id = ? AND id NOT IN "
                  "(SELECT id FROM template_versions WHERE template_id = ? ORDER BY id DESC LIMIT ?)"_s,
                  {previous.id, previous.id, kPerTemplateVersions}))
        return std::nullopt;
    const auto revision = nextRevision();
    if (!revision)
        return std::nullopt;
    item.id = previous.id;
    item.scope = previous.scope;
    item.ownerId = previous.ownerId;
    item.revision = *revision;
    item.deleted = false;
    if (!item.updatedAt.isValid())
        item.updatedAt = QDateTime::currentDateTimeUtc();
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"UPDATE templates SET department_id = ?, title = ?, title_key = ?, text = ?, tags = ?, "
                  "revision = ?, updated_at = ?, updated_by = ? WHERE id = ?"_s,
                  {item.scope == TemplateScope::Personal ? QVariant() : idOrNull(item.departmentId),
                   item.title, titleKey(item.title), item.text, tagsToText(item.tags), item.revision,
                   protocol::timestampToJson(item.updatedAt), item.updatedBy, item.id}))
        return std::nullopt;
    return item;
}

std::optional<Template> TemplateRepository::markDeleted(Template item, const QString &by)
{
    const auto revision = nextRevision();
    if (!revision)
        return std::nullopt;
    item.revision = *revision;
    item.deleted = true;
    item.updatedAt = QDateTime::currentDateTimeUtc();
    item.updatedBy = by;
    QSqlQuery query(m_db);
    if (!runQuery(
            query,
            u"UPDATE templates SET deleted = 1, revision = ?, updated_at = ?, updated_by = ? WHERE id = ?"_s,
            {item.revision, protocol::timestampToJson(item.updatedAt), by, item.id}))
        return std::nullopt;
    return item;
}

bool TemplateRepository::retireDepartment(qint64 departmentId, const QString &by)
{
    QSqlQuery query(m_db);
    if (!runQuery(query,
                  u"SELECT %1 FROM templates WHERE department_id = ? AND deleted = 0"_s.arg(
                      QLatin1StringView(kColumns)),
                  {departmentId}))
        return false;
    for (const Template &item : templatesFrom(query)) {
        if (!markDeleted(item, by))
            return false;
    }
    QSqlQuery move(m_db);
    return runQuery(move,
                    u"UPDATE templates SET department_id = NULL WHERE department_id = ? AND deleted = 1"_s,
                    {departmentId});
}

QList<Template> TemplateRepository::history(qint64 id)
{
    QSqlQuery query(m_db);
    if (!runQuery(
            query,
            u"SELECT template_id, scope, department_id, owner_id, title, text, tags, revision, updated_at, "
            "updated_by, 0 FROM template_versions WHERE template_id = ? ORDER BY id DESC LIMIT ?"_s,
            {id, kPerTemplateVersions}))
        return {};
    return templatesFrom(query);
}

std::optional<Template> TemplateRepository::versionAt(qint64 id, qint64 revision)
{
    QSqlQuery query(m_db);
    if (!runQuery(
            query,
            u"SELECT template_id, scope, department_id, owner_id, title, text, tags, revision, updated_at, "
            "updated_by, 0 FROM template_versions WHERE template_id = ? AND revision <= ? "
            "ORDER BY revision DESC LIMIT 1"_s,
            {id, revision}) ||
        !query.next())
        return std::nullopt;
    return templateFrom(query);
}

bool TemplateRepository::transaction()
{
    return m_db.transaction();
}

bool TemplateRepository::commit()
{
    return m_db.commit();
}

void TemplateRepository::rollback()
{
    m_db.rollback();
}

} // namespace concierge::server
