// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Template.h"

#include <QAbstractListModel>
#include <QCollator>
#include <QList>

#include <optional>

namespace concierge {

class TemplateLibrary;

/// One library for the template manager: the shared templates (every department this operator
/// sees; filter by DepartmentIdRole in a proxy) or their personal ones, sorted by title. Follows the
/// library live with row inserts, removals and dataChanged (never a reset), so the manager keeps
/// its selection and scroll position while colleagues edit.
class TemplateListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TextRole,
        TitleSpansRole, ///< always empty here (kept so views can share a delegate with suggestions)
        TextSpansRole,  ///< always empty here
        ScopeRole,      ///< "shared" or "personal"
        TagsRole,       ///< QStringList
        DepartmentIdRole, ///< qint64; 0: every department (shared only)
        UpdatedAtRole,    ///< QDateTime (UTC)
        UpdatedByRole,    ///< display name of who saved it last
    };

    TemplateListModel(TemplateLibrary *library, protocol::TemplateScope scope, QObject *parent = nullptr);

    protocol::TemplateScope scope() const;
    void setScope(protocol::TemplateScope scope);
    std::optional<protocol::Template> templateAt(int row) const;
    int rowOf(qint64 id) const; ///< -1 if not in this list

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        QString key; ///< the folded title: the sort key (ties by id)
        protocol::Template item;
    };
    bool less(const Row &a, const Row &b) const;
    QList<Row> collect() const;
    /// Brings the rows to the library's content with row removals, inserts and dataChanged, never
    /// a reset. A retitled template moves (removed, then inserted at its new place).
    void follow();
    /// After a few templates changed: only their rows, found and placed by binary search.
    void followSome(const QList<qint64> &ids);

    TemplateLibrary *m_library = nullptr;
    protocol::TemplateScope m_scope;
    QCollator m_collator; ///< the app language's order, "Offer 2" before "Offer 10"
    QList<Row> m_rows;
};

} // namespace concierge
