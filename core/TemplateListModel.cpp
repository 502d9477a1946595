// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateListModel.h"

#include "TemplateLibrary.h"
#include "TemplateSearch.h"
#include "TemplateSuggestionModel.h" // the TextSpan metatype

#include <QHash>

#include <algorithm>

namespace concierge {

TemplateListModel::TemplateListModel(TemplateLibrary *library, protocol::TemplateScope scope, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
    , m_scope(scope)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);
    m_rows = collect();
    connect(m_library, &TemplateLibrary::changed, this, &TemplateListModel::follow);
}

protocol::TemplateScope TemplateListModel::scope() const { return m_scope; }

void TemplateListModel::setScope(protocol::TemplateScope scope)
{
    if (scope == m_scope)
        return;
    beginResetModel(); // another list altogether
    m_scope = scope;
    m_rows = collect();
    endResetModel();
}

QList<TemplateListModel::Row> TemplateListModel::collect() const
{
    QList<Row> rows;
    for (const auto &item : m_library->all()) {
        if (item.scope == m_scope)
            rows.append({foldForSearch(item.title), item});
    }
    std::sort(rows.begin(), rows.end(), [this](const Row &a, const Row &b) { return less(a, b); });
    return rows;
}

bool TemplateListModel::less(const Row &a, const Row &b) const
{
    const int order = m_collator.compare(a.key, b.key);
    return order != 0 ? order < 0 : a.item.id < b.item.id;
}

void TemplateListModel::follow()
{
    const QList<Row> next = collect();
    QHash<qint64, QString> keyOf;
    keyOf.reserve(next.size());
    for (const Row &row : next)
        keyOf.insert(row.item.id, row.key);
    const auto goes = [&](const Row &row) {
        const auto it = keyOf.constFind(row.item.id);
        return it == keyOf.constEnd() || *it != row.key;
    };
    // 1. Rows that left, or whose title (so place) changed: removed in runs, from the bottom.
    for (int last = int(m_rows.size()) - 1; last >= 0; --last) {
        if (!goes(m_rows.at(last)))
            continue;
        int first = last;
        while (first > 0 && goes(m_rows.at(first - 1)))
            --first;
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }
    // 2. What is left keeps its order in `next` (same keys, same ids): walk both, inserting the
    //    runs that are new and refreshing rows whose content changed.
    int row = 0;
    for (int j = 0; j < next.size();) {
        if (row < m_rows.size() && m_rows.at(row).item.id == next.at(j).item.id) {
            if (!(m_rows.at(row).item == next.at(j).item)) {
                m_rows[row] = next.at(j);
                Q_EMIT dataChanged(index(row), index(row));
            }
            ++row;
            ++j;
            continue;
        }
        int end = j;
        while (end < next.size() && !(row < m_rows.size() && m_rows.at(row).item.id == next.at(end).item.id))
            ++end;
        beginInsertRows({}, row, row + (end - j) - 1);
        for (int k = j; k < end; ++k)
            m_rows.insert(row + (k - j), next.at(k));
        endInsertRows();
        row += end - j;
        j = end;
    }
}

std::optional<protocol::Template> TemplateListModel::templateAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).item;
}

int TemplateListModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).item.id == id)
            return row;
    }
    return -1;
}

int TemplateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const protocol::Template &item = m_rows.at(index.row()).item;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case IdRole:
        return item.id;
    case TextRole:
        return item.text;
    case TitleSpansRole:
    case TextSpansRole:
        return QVariant::fromValue(QList<TextSpan>());
    case ScopeRole:
        return protocol::templateScopeToString(item.scope);
    case TagsRole:
        return item.tags;
    case DepartmentIdRole:
        return item.departmentId;
    case UpdatedAtRole:
        return item.updatedAt;
    case UpdatedByRole:
        return item.updatedBy;
    default:
        return {};
    }
}

QHash<int, QByteArray> TemplateListModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},   {IdRole, "templateId"},         {TitleRole, "title"},
            {TextRole, "text"},             {TitleSpansRole, "titleSpans"}, {TextSpansRole, "textSpans"},
            {ScopeRole, "scope"},           {TagsRole, "tags"},             {DepartmentIdRole, "departmentId"},
            {UpdatedAtRole, "updatedAt"},   {UpdatedByRole, "updatedBy"}};
}

} // namespace concierge
