// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Template.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace concierge::server {

/// The template libraries as stored (docs/protocol.md "Templates"): every save and delete takes
/// the next value of one counter as the template's `revision`; deleted templates stay as
/// tombstones; a save of an existing template first copies the replaced version into
/// `template_versions` (the last kPerTemplateVersions kept). Who may see or change what is decided
/// by the callers (TemplateRules); this class only stores. Main thread only.
class TemplateRepository
{
public:
    static constexpr int kPerTemplateVersions = 20;

    /// Refolds `title_key` of stored templates whose key is not the C++ fold of their title (rows
    /// the SQL migration wrote, where lower() folded only ASCII).
    explicit TemplateRepository(QSqlDatabase db);

    /// The uniqueness key of a title within its library: trimmed and case-folded (Cyrillic too).
    static QString titleKey(const QString &title);

    /// The counter: the revision of the latest change to any template.
    qint64 revision();
    /// A template by id, tombstones included.
    std::optional<protocol::Template> find(qint64 id);
    /// The live template of a library with this title (case-insensitively), if any.
    std::optional<protocol::Template> findByTitle(protocol::TemplateScope scope, qint64 ownerId,
                                                  qint64 departmentId, const QString &title);
    /// Every template changed after \a since, tombstones included, by revision.
    QList<protocol::Template> changedSince(qint64 since);
    /// Every live template (no tombstones).
    QList<protocol::Template> live();

    /// Stores a new template with the next revision; fills id and revision. Not in a transaction of
    /// its own: callers wanting several writes at once wrap them (transaction()/commit()).
    std::optional<protocol::Template> insert(protocol::Template item);
    /// Replaces \a previous by \a item (same id) with the next revision, keeping \a previous in the history.
    std::optional<protocol::Template> update(protocol::Template item, const protocol::Template &previous);
    /// Turns \a item into a tombstone with the next revision.
    std::optional<protocol::Template> markDeleted(protocol::Template item, const QString &by);
    /// Before department \a departmentId is deleted (which cascades to its templates): its live
    /// templates become tombstones with new revisions, and every tombstone of it is moved out of it
    /// (to "everyone"), so that syncs still tell clients they are gone.
    bool retireDepartment(qint64 departmentId, const QString &by);
    /// Earlier versions of a template, newest first.
    QList<protocol::Template> history(qint64 id);
    /// The kept version of template \a id that was current at \a revision (the newest replaced
    /// version not newer than it), if the history still has it.
    std::optional<protocol::Template> versionAt(qint64 id, qint64 revision);

    bool transaction();
    bool commit();
    void rollback();

private:
    std::optional<qint64> nextRevision();
    void refoldTitleKeys();

    QSqlDatabase m_db;
};

} // namespace concierge::server
