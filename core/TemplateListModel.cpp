// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateListModel.h"

#include "TemplateLibrary.h"
#include "TemplateSearch.h"
#include "TemplateSuggestionModel.h" // the TextSpan metatype

#include <QHash>
#include <QSet>

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
    connect(m_library, &TemplateLibrary::templatesChanged, this, &TemplateListModel::followSome);
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
    // Linear in the library plus a binary search per new row: an event in a library of 10,000
    // templates must not sort it all again.
    QHash<qint64, protocol::Template> now;
    for (const auto &item : m_library->all()) {
        if (item.scope == m_scope)
            now.insert(item.id, item);
    }
    const auto goes = [&](const Row &row) {
        const auto it = now.constFind(row.item.id);
        return it == now.constEnd() || it->title != row.item.title;
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
    // 2. The rest stay where they are; those with a new text, tags… are refreshed in place.
    QSet<qint64> present;
    present.reserve(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const protocol::Template &item = now[m_rows.at(row).item.id];
        present.insert(item.id);
        if (!(item == m_rows.at(row).item)) {
            m_rows[row].item = item;
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    // 3. New (and retitled) rows go in at their places, a run of neighbours at a time.
    QList<Row> added;
    for (const auto &item : std::as_const(now)) {
        if (!present.contains(item.id))
            added.append({foldForSearch(item.title), item});
    }
    const auto lessThan = [this](const Row &a, const Row &b) { return less(a, b); };
    std::sort(added.begin(), added.end(), lessThan);
    qsizetype row = 0;
    for (qsizetype i = 0; i < added.size();) {
        row = std::lower_bound(m_rows.cbegin() + row, m_rows.cend(), added.at(i), lessThan) - m_rows.cbegin();
        qsizetype j = i + 1;
        while (j < added.size() && (row == m_rows.size() || less(added.at(j), m_rows.at(row))))
            ++j;
        beginInsertRows({}, int(row), int(row + (j - i) - 1));
        m_rows = m_rows.mid(0, row) + added.mid(i, j - i) + m_rows.mid(row);
        endInsertRows();
        row += j - i;
        i = j;
    }
}

void TemplateListModel::followSome(const QList<qint64> &ids)
{
    if (ids.isEmpty() || ids.size() > 64) {
        follow(); // a big batch: one linear pass beats many searches
        return;
    }
    for (const qint64 id : ids) {
        const int row = rowOf(id);
        const auto item = m_library->find(id);
        const bool belongs = item && item->scope == m_scope;
        if (row >= 0 && belongs && item->title == m_rows.at(row).item.title) {
            if (!(*item == m_rows.at(row).item)) {
                m_rows[row].item = *item;
                Q_EMIT dataChanged(index(row), index(row));
            }
            continue;
        }
        if (row >= 0) { // gone, or moving to its new title's place
            beginRemoveRows({}, row, row);
            m_rows.remove(row);
            endRemoveRows();
        }
        if (belongs) {
            const Row added{foldForSearch(item->title), *item};
            const int at = int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), added,
                                                [this](const Row &a, const Row &b) { return less(a, b); })
                               - m_rows.cbegin());
            beginInsertRows({}, at, at);
            m_rows.insert(at, added);
            endInsertRows();
        }
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
