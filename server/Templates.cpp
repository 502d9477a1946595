// SPDX-License-Identifier: GPL-3.0-or-later
#include "Templates.h"

#include "ClientConnection.h"
#include "EventFanout.h"
#include "OperatorRepository.h"
#include "SessionRegistry.h"
#include "TemplateRepository.h"
#include "TemplateRules.h"
#include "protocol/Json.h"

#include <QHash>
#include <QJsonArray>

#include <algorithm>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;
using protocol::Template;
using protocol::TemplateScope;

namespace {

/// What someone who can no longer see a template gets instead of it: its id, gone.
Template goneFor(const Template &item)
{
    Template gone;
    gone.id = item.id;
    gone.scope = item.scope;
    gone.revision = item.revision;
    gone.updatedAt = item.updatedAt;
    gone.deleted = true;
    return gone;
}

/// A positive id, or 0 for absent/null; nullopt for anything else.
std::optional<qint64> optionalId(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return 0;
    if (!value.isDouble() || value.toDouble() < 1)
        return std::nullopt;
    return value.toInteger();
}

} // namespace

Templates::Templates(TemplateRepository &repository, OperatorRepository &operators, SessionRegistry &sessions,
                     EventFanout &fanout)
    : m_repository(repository)
    , m_operators(operators)
    , m_sessions(sessions)
    , m_fanout(fanout)
{
}

qint64 Templates::revision()
{
    return m_repository.revision();
}

void Templates::sync(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue sinceValue = frame.object.value(u"since");
    const qint64 since = sinceValue.isUndefined() ? 0 : sinceValue.toInteger(-1);
    if (since < 0) {
        connection->sendError(frame.rid, ErrorCode::BadRequest,
                              u"\"since\" must be a revision (0: everything)"_s);
        return;
    }
    // Read the counter first: a change made after it is then sent again at the next sync, never lost.
    const qint64 revision = m_repository.revision();
    QJsonArray templates;
    if (since == 0) {
        for (const Template &item : m_repository.live()) {
            if (templaterules::canSee(me, item))
                templates.append(item.toJson());
        }
    } else {
        for (const Template &item : m_repository.changedSince(since)) {
            if (templaterules::canSee(me, item))
                templates.append(item.deleted ? goneFor(item).toJson() : item.toJson());
            else if (sawBefore(me, item, since)) // moved out of their departments since
                templates.append(goneFor(item).toJson());
        }
    }
    connection->sendResult(frame.rid, {{u"templates"_s, templates}, {u"revision"_s, revision}});
}

bool Templates::sawBefore(const OperatorInfo &me, const Template &item, qint64 since)
{
    if (item.scope != TemplateScope::Shared)
        return false; // a personal template never changes hands
    if (const auto then = m_repository.versionAt(item.id, since))
        return templaterules::canSee(me, *then);
    // No kept version from then: it was created after `since` — unless the history was trimmed,
    // in which case a tombstone for something they never had does no harm.
    return m_repository.history(item.id).size() >= TemplateRepository::kPerTemplateVersions;
}

std::optional<Template> Templates::visible(ClientConnection *connection, const OperatorInfo &me,
                                           const Frame &frame, qint64 id, bool liveOnly)
{
    const auto stored = m_repository.find(id);
    if (!stored || (liveOnly && stored->deleted) || !templaterules::canSee(me, *stored)) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such template"_s);
        return std::nullopt;
    }
    return stored;
}

void Templates::save(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const QJsonValue value = frame.object.value(u"template");
    if (!value.isObject()) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"template\" must be an object"_s);
        return;
    }
    const QJsonObject object = value.toObject();
    const auto id = optionalId(object.value(u"id"));
    const auto departmentId = optionalId(object.value(u"departmentId"));
    const QJsonValue tags = object.value(u"tags");
    const QJsonArray tagList = tags.toArray();
    const QJsonValue scope = object.value(u"scope");
    const QJsonValue base = frame.object.value(u"baseRevision");
    const bool tagsOk = tags.isUndefined() || tags.isNull() ||
                        (tags.isArray() && std::all_of(tagList.begin(), tagList.end(),
                                                       [](const QJsonValue &tag) { return tag.isString(); }));
    const bool scopeOk = scope.toString() == u"shared" || scope.toString() == u"personal" ||
                         (scope.isUndefined() && id && *id > 0);
    if (!id || !departmentId || !tagsOk || !scopeOk || !object.value(u"title").isString() ||
        !object.value(u"text").isString() || !(base.isUndefined() || base.isNull() || base.isDouble())) {
        connection->sendError(
            frame.rid, ErrorCode::BadRequest,
            u"template.save needs \"template\" with scope (shared or personal), title, text, "
            "optional id, departmentId and tags (strings), and an optional baseRevision"_s);
        return;
    }
    Template item = Template::fromJson(object);
    std::optional<Template> previous;
    if (*id > 0) {
        previous = visible(connection, me, frame, *id, true);
        if (!previous)
            return;
        if (!scope.isUndefined() && protocol::templateScopeFromString(scope.toString()) != previous->scope) {
            connection->sendError(frame.rid, ErrorCode::BadRequest, u"A template keeps its scope"_s);
            return;
        }
        item.scope = previous->scope;
        // Optional fields left out keep their values; null says "for everyone" / "no tags".
        if (!object.contains(u"departmentId"))
            item.departmentId = previous->departmentId;
        if (!object.contains(u"tags"))
            item.tags = previous->tags;
    }
    if (item.scope == TemplateScope::Shared && me.role != protocol::OperatorRole::Admin) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Only admins change shared templates"_s);
        return;
    }
    if (item.scope == TemplateScope::Personal) {
        item.ownerId = me.id;
        item.departmentId = 0;
    } else {
        item.ownerId = 0;
        if (item.departmentId != 0 && !m_operators.department(item.departmentId)) {
            connection->sendError(frame.rid, ErrorCode::BadRequest, u"No such department"_s);
            return;
        }
    }
    if (const auto refusal = templaterules::tidyAndCheck(item)) {
        connection->sendError(frame.rid, refusal->code, refusal->message, refusal->extra);
        return;
    }
    const auto sameTitle = m_repository.findByTitle(item.scope, item.ownerId, item.departmentId, item.title);
    if (sameTitle && sameTitle->id != *id) {
        const Refusal refusal = templaterules::duplicateTitle();
        connection->sendError(frame.rid, refusal.code, refusal.message);
        return;
    }
    item.updatedBy = me.name;
    item.updatedAt = QDateTime::currentDateTimeUtc();
    if (!m_repository.transaction()) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the template"_s);
        return;
    }
    const auto saved = previous ? m_repository.update(item, *previous) : m_repository.insert(item);
    if (!saved || !m_repository.commit()) {
        m_repository.rollback();
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot store the template"_s);
        return;
    }
    QJsonObject data{{u"template"_s, saved->toJson()}};
    // The last write wins; the version it replaced is in the history, and the client is told when
    // that version was not the one it had edited.
    const qint64 baseRevision = base.toInteger();
    if (previous && baseRevision > 0 && baseRevision < previous->revision)
        data.insert(u"overwrote"_s, previous->toJson());
    connection->sendResult(frame.rid, data);
    announce(*saved, previous);
}

void Templates::remove(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto id = optionalId(frame.object.value(u"id"));
    if (!id || *id == 0) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"id\" must be a template id"_s);
        return;
    }
    const auto stored = visible(connection, me, frame, *id, true);
    if (!stored)
        return;
    if (stored->scope == TemplateScope::Shared && me.role != protocol::OperatorRole::Admin) {
        connection->sendError(frame.rid, ErrorCode::Forbidden, u"Only admins change shared templates"_s);
        return;
    }
    const auto deleted = m_repository.markDeleted(*stored, me.name);
    if (!deleted) {
        connection->sendError(frame.rid, ErrorCode::Internal, u"Cannot delete the template"_s);
        return;
    }
    connection->sendResult(frame.rid, {});
    announce(*deleted);
}

void Templates::history(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto id = optionalId(frame.object.value(u"id"));
    if (!id || *id == 0) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"\"id\" must be a template id"_s);
        return;
    }
    if (!visible(connection, me, frame, *id, false))
        return;
    QJsonArray versions;
    for (const Template &version : m_repository.history(*id))
        versions.append(version.toJson());
    connection->sendResult(frame.rid, {{u"versions"_s, versions}});
}

void Templates::announce(const Template &now, const std::optional<Template> &before)
{
    QHash<qint64, OperatorInfo> viewers;
    for (const OperatorInfo &info : m_fanout.allOperators())
        viewers.insert(info.id, info);
    const auto canSee = [&viewers](qint64 operatorId, const Template &item) {
        const auto viewer = viewers.constFind(operatorId);
        return viewer != viewers.cend() && templaterules::canSee(*viewer, item);
    };
    m_sessions.pushToOperators(u"template.updated"_s, {{u"template"_s, now.toJson()}},
                               [&](qint64 operatorId) { return canSee(operatorId, now); });
    if (before) {
        m_sessions.pushToOperators(
            u"template.updated"_s, {{u"template"_s, goneFor(now).toJson()}},
            [&](qint64 operatorId) { return !canSee(operatorId, now) && canSee(operatorId, *before); });
    }
}

} // namespace concierge::server
