// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemplateSearch.h"

#include "protocol/ErrorCode.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace concierge {

class LocalStore;

/// The template libraries this operator can see (docs/protocol.md, "Templates"): shared and
/// personal, cached in the LocalStore so they are there before any network (and offline), kept in
/// step by `templates.sync` after a login and `template.updated` events, searchable through
/// index() and ranked by this operator's own use (counted on this machine only, never synced).
///
/// It speaks to the server only through a Transport the OperatorSession gives it and through the
/// handle…() calls the session forwards, so a test can build one over a LocalStore alone.
/// Lives on the GUI thread.
class TemplateLibrary : public QObject
{
    Q_OBJECT
public:
    /// Sends one request; false when there is no link (nothing was sent). \a subjectId comes back
    /// with its answer in handleResult() / handleError().
    using Transport = std::function<bool(const QString &type, const QJsonObject &fields, qint64 subjectId)>;

    /// `store` must be open; the cached libraries are loaded at once.
    explicit TemplateLibrary(LocalStore *store, QObject *parent = nullptr);
    ~TemplateLibrary() override;

    QList<protocol::Template> all() const; ///< in id order
    std::optional<protocol::Template> find(qint64 id) const;
    const TemplateIndex &index() const;
    /// This operator's use of a template on this machine (zero if never used).
    TemplateUsage usage(qint64 id) const;
    /// The operator sent or inserted template \a id: counted in the cache at once.
    void recordUse(qint64 id);
    /// template.save: \a item.id 0 makes a new one (its scope and departmentId say which library);
    /// \a baseRevision is the revision the operator edited, so a save over someone else's newer
    /// version reports it in saved()'s `overwrote`. Refusals come as failed("template.save").
    void save(const protocol::Template &item, qint64 baseRevision = 0);
    /// template.delete; success: removed().
    void remove(qint64 id);
    /// template.history: its earlier versions, newest first, as historyReady().
    void requestHistory(qint64 id);
    /// The sync cursor: the libraries are complete up to this revision.
    qint64 revision() const;

    // The OperatorSession's side.
    static bool handles(const QString &requestType);
    void setTransport(Transport transport);
    /// Who is logged in: their id keys the usage counts; their role and departments decide what
    /// the server shows, so a change of either makes the next sync start over from 0.
    void setViewer(const protocol::OperatorInfo &self);
    /// The hello's `templatesRevision` (-1: a server before 1.4, which has no templates).
    void setServerRevision(qint64 revision);
    /// A hello succeeded: syncs since the cursor when the server's counter moved, from 0 when the
    /// cache was synced for someone else. Resumed sessions too: the admin CLI's changes come with
    /// no event to replay.
    void linkUp(bool resumed);
    /// The link is gone: requests in flight are failed (they get no answer now).
    void linkDown();
    void applyEvent(const protocol::Template &item); ///< a `template.updated` event
    void handleResult(const QString &type, qint64 subjectId, const QJsonObject &data);
    void handleError(const QString &type, qint64 subjectId, protocol::ErrorCode code, const QString &message);

Q_SIGNALS:
    /// Templates were added, changed or deleted (once per event, once per sync).
    void changed();
    /// Just before changed(): which templates it was about; empty when any may have changed (a
    /// sync that replaced the library, another operator). Lets a big list update only those rows.
    void templatesChanged(const QList<qint64> &ids);
    /// Our template.save succeeded; \a overwrote is the version someone else saved after the one
    /// the operator edited, which this save replaced (it is in the template's history).
    void saved(const concierge::protocol::Template &item,
               const std::optional<concierge::protocol::Template> &overwrote);
    void removed(qint64 id); ///< our template.delete succeeded
    void historyReady(qint64 id, const QList<concierge::protocol::Template> &versions);
    /// A request of ours was refused or could not be sent; \a message is for display.
    void failed(const QString &request, concierge::protocol::ErrorCode code, const QString &message);

private:
    QString viewerKey() const;
    void load();
    void reloadUsage();
    bool send(const QString &type, const QJsonObject &fields, qint64 subjectId);
    void sync(qint64 since);
    /// Applies one template (or tombstone) to memory, store and index; false if nothing changed.
    bool apply(const protocol::Template &item);
    void announce(const QList<qint64> &ids);
    void applySync(qint64 since, const QJsonObject &data);

    LocalStore *m_store = nullptr;
    Transport m_transport;
    protocol::OperatorInfo m_viewer;
    QHash<qint64, protocol::Template> m_templates;
    QHash<qint64, TemplateUsage> m_usage;
    TemplateIndex m_index;
    qint64 m_revision = 0;
    qint64 m_serverRevision = -1;
    bool m_linked = false;
    bool m_syncing = false;
    QString m_syncViewer; ///< whom the sync in flight is for
    QList<QPair<QString, qint64>> m_inFlight; ///< save/delete/history requests awaiting an answer
};

} // namespace concierge
