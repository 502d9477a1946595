// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateLibrary.h"

#include "LocalStore.h"

#include <QJsonArray>

#include <algorithm>
#include <utility>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

namespace {

const QString kSync = u"templates.sync"_s;
const QString kSave = u"template.save"_s;
const QString kDelete = u"template.delete"_s;
const QString kHistory = u"template.history"_s;

qint64 operatorIdOf(const QString &viewerKey)
{
    return viewerKey.section(u':', 0, 0).toLongLong();
}

QList<protocol::Template> templatesFromJson(const QJsonValue &value)
{
    QList<protocol::Template> list;
    for (const QJsonValue &item : value.toArray())
        list.append(protocol::Template::fromJson(item.toObject()));
    return list;
}

} // namespace

TemplateLibrary::TemplateLibrary(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_viewer(store->operatorInfo())
{
    load();
    reloadUsage();
}

TemplateLibrary::~TemplateLibrary() = default;

QString TemplateLibrary::viewerKey() const
{
    // What decides which templates the server shows: personal ones by the operator, shared ones
    // by their departments, or all of them for supervisors and admins.
    QList<qint64> departments = m_viewer.departmentIds;
    std::sort(departments.begin(), departments.end());
    QStringList ids;
    for (qint64 id : departments)
        ids.append(QString::number(id));
    return u"%1:%2:%3"_s.arg(m_viewer.id).arg(protocol::operatorRoleToString(m_viewer.role), ids.join(u','));
}

void TemplateLibrary::load()
{
    m_templates.clear();
    m_revision = m_store->templatesRevision();
    // Another operator's cache (a shared machine) is never shown, even for the moment before
    // the sync replaces it: it holds their personal templates.
    const QString cachedFor = m_store->templatesViewer();
    QList<protocol::Template> cached;
    if (!cachedFor.isEmpty() && operatorIdOf(cachedFor) == m_viewer.id)
        cached = m_store->templates();
    for (const auto &item : cached)
        m_templates.insert(item.id, item);
    m_index.reset(cached);
}

void TemplateLibrary::reloadUsage()
{
    m_usage.clear();
    for (const TemplateUseRow &row : m_store->templateUsage(m_viewer.id))
        m_usage.insert(row.templateId, {row.count, row.lastUsed});
}

QList<protocol::Template> TemplateLibrary::all() const
{
    QList<protocol::Template> list = m_templates.values();
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return list;
}

std::optional<protocol::Template> TemplateLibrary::find(qint64 id) const
{
    const auto it = m_templates.constFind(id);
    if (it == m_templates.constEnd())
        return std::nullopt;
    return *it;
}

const TemplateIndex &TemplateLibrary::index() const { return m_index; }
TemplateUsage TemplateLibrary::usage(qint64 id) const { return m_usage.value(id); }
qint64 TemplateLibrary::revision() const { return m_revision; }

void TemplateLibrary::recordUse(qint64 id)
{
    const TemplateUseRow row = m_store->recordTemplateUse(m_viewer.id, id, QDateTime::currentDateTimeUtc());
    if (row.count > 0)
        m_usage.insert(id, {row.count, row.lastUsed});
}

void TemplateLibrary::save(const protocol::Template &item, qint64 baseRevision)
{
    QJsonObject fields{{u"scope"_s, protocol::templateScopeToString(item.scope)},
                       {u"title"_s, item.title},
                       {u"text"_s, item.text},
                       {u"tags"_s, QJsonArray::fromStringList(item.tags)}};
    if (item.id > 0)
        fields.insert(u"id"_s, item.id);
    if (item.scope == protocol::TemplateScope::Shared)
        fields.insert(u"departmentId"_s, item.departmentId > 0 ? QJsonValue(item.departmentId) : QJsonValue());
    QJsonObject request{{u"template"_s, fields}};
    if (baseRevision > 0)
        request.insert(u"baseRevision"_s, baseRevision);
    if (send(kSave, request, item.id))
        m_inFlight.append({kSave, item.id});
}

void TemplateLibrary::remove(qint64 id)
{
    if (send(kDelete, {{u"id"_s, id}}, id))
        m_inFlight.append({kDelete, id});
}

void TemplateLibrary::requestHistory(qint64 id)
{
    if (send(kHistory, {{u"id"_s, id}}, id))
        m_inFlight.append({kHistory, id});
}

bool TemplateLibrary::handles(const QString &requestType)
{
    return requestType == kSync || requestType == kSave || requestType == kDelete || requestType == kHistory;
}

void TemplateLibrary::setTransport(Transport transport)
{
    m_transport = std::move(transport);
}

bool TemplateLibrary::send(const QString &type, const QJsonObject &fields, qint64 subjectId)
{
    if (m_transport && m_transport(type, fields, subjectId))
        return true;
    if (type != kSync)
        Q_EMIT failed(type, ErrorCode::NotAuthenticated, tr("Not connected to the server"));
    return false;
}

void TemplateLibrary::setViewer(const protocol::OperatorInfo &self)
{
    const qint64 previousId = m_viewer.id;
    m_viewer = self;
    if (self.id != previousId) {
        reloadUsage();
        const bool hadAny = !m_templates.isEmpty();
        load(); // shows nothing of another operator's cache
        if (hadAny || !m_templates.isEmpty())
            announce({});
    }
    // A role or department change shows other shared templates: start over. A sync in flight
    // checks again when its answer comes.
    if (m_linked && !m_syncing && m_serverRevision >= 0 && viewerKey() != m_store->templatesViewer())
        sync(0);
}

void TemplateLibrary::setServerRevision(qint64 revision)
{
    m_serverRevision = revision;
}

void TemplateLibrary::linkUp(bool resumed)
{
    m_linked = true;
    if (m_serverRevision < 0 || m_syncing)
        return; // a server before 1.4 (no templates), or a sync already on its way
    // A resumed session gets the missed template.updated events replayed, but changes made with
    // the admin CLI (imports, deleted departments) send none: only a sync brings them. When the
    // counter moved, one small sync since the cursor answers both (replayed ones change nothing).
    Q_UNUSED(resumed);
    if (viewerKey() != m_store->templatesViewer())
        sync(0);
    else if (m_serverRevision != m_revision)
        sync(m_revision);
}

void TemplateLibrary::linkDown()
{
    m_linked = false;
    m_syncing = false;
    const auto lost = std::exchange(m_inFlight, {});
    for (const auto &request : lost)
        Q_EMIT failed(request.first, ErrorCode::NotAuthenticated,
                      tr("The connection to the server was lost before it answered. Try again."));
}

void TemplateLibrary::sync(qint64 since)
{
    m_syncing = true;
    m_syncViewer = viewerKey();
    if (!send(kSync, {{u"since"_s, since}}, since))
        m_syncing = false;
}

bool TemplateLibrary::apply(const protocol::Template &item)
{
    if (item.id <= 0)
        return false;
    const auto it = m_templates.find(item.id);
    // A version older than the one we hold (a late echo) changes nothing.
    if (it != m_templates.end() && it->revision > item.revision)
        return false;
    if (item.deleted) {
        if (it == m_templates.end())
            return false;
        m_templates.erase(it);
        m_store->removeTemplate(item.id);
        m_index.remove(item.id);
        return true;
    }
    if (it != m_templates.end() && *it == item)
        return false;
    m_templates.insert(item.id, item);
    m_store->upsertTemplate(item);
    m_index.upsert(item);
    return true;
}

void TemplateLibrary::applyEvent(const protocol::Template &item)
{
    // The cursor stays where the last sync left it: the admin CLI's changes come with no event, so
    // an event's revision does not prove that everything before it has arrived.
    if (apply(item))
        announce({item.id});
}

void TemplateLibrary::applySync(qint64 since, const QJsonObject &data)
{
    m_syncing = false;
    const QList<protocol::Template> received = templatesFromJson(data.value(u"templates"));
    bool changedAny = false;
    QList<qint64> touched; // empty after a replacement: anything may have changed
    m_store->beginTransaction();
    if (since == 0) {
        // Exactly the visible library: whatever the cache held beyond it is gone.
        QList<protocol::Template> live;
        for (const auto &item : received) {
            if (!item.deleted && item.id > 0)
                live.append(item);
        }
        m_store->replaceTemplates(live);
        m_store->setTemplatesViewer(m_syncViewer);
        QHash<qint64, protocol::Template> next;
        for (const auto &item : live)
            next.insert(item.id, item);
        changedAny = next != m_templates;
        m_templates = std::move(next);
        m_index.reset(live);
    } else {
        for (const auto &item : received) {
            if (apply(item)) {
                changedAny = true;
                touched.append(item.id);
            }
        }
    }
    m_revision = data.value(u"revision").toInteger(m_revision);
    m_store->setTemplatesRevision(m_revision);
    m_store->commit();
    if (changedAny)
        announce(touched);
    if (m_linked && viewerKey() != m_store->templatesViewer())
        sync(0); // the role or departments changed while this sync was on its way
}

void TemplateLibrary::announce(const QList<qint64> &ids)
{
    Q_EMIT templatesChanged(ids);
    Q_EMIT changed();
}

void TemplateLibrary::handleResult(const QString &type, qint64 subjectId, const QJsonObject &data)
{
    if (type == kSync) {
        applySync(subjectId, data);
        return;
    }
    m_inFlight.removeOne(QPair<QString, qint64>(type, subjectId));
    if (type == kSave) {
        const auto item = protocol::Template::fromJson(data.value(u"template").toObject());
        if (apply(item))
            announce({item.id});
        std::optional<protocol::Template> overwrote;
        if (data.value(u"overwrote").isObject())
            overwrote = protocol::Template::fromJson(data.value(u"overwrote").toObject());
        Q_EMIT saved(item, overwrote);
    } else if (type == kDelete) {
        // The tombstone's event follows; the operator sees it gone now.
        if (m_templates.remove(subjectId) > 0) {
            m_store->removeTemplate(subjectId);
            m_index.remove(subjectId);
            announce({subjectId});
        }
        Q_EMIT removed(subjectId);
    } else if (type == kHistory) {
        Q_EMIT historyReady(subjectId, templatesFromJson(data.value(u"versions")));
    }
}

void TemplateLibrary::handleError(const QString &type, qint64 subjectId, ErrorCode code, const QString &message)
{
    if (type == kSync) {
        m_syncing = false; // the next login tries again
        qWarning("TemplateLibrary: templates.sync refused: %s", qUtf8Printable(message));
    } else {
        m_inFlight.removeOne(QPair<QString, qint64>(type, subjectId));
    }
    Q_EMIT failed(type, code, message);
}

} // namespace concierge
