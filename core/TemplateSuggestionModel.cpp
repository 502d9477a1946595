// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateSuggestionModel.h"

#include "TemplateLibrary.h"

#include <algorithm>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

bool sameRow(const protocol::Template &a, const Suggestion &sa, const protocol::Template &b, const Suggestion &sb)
{
    return a == b && sa.titleSpans == sb.titleSpans && sa.textSpans == sb.textSpans;
}

} // namespace

TemplateSuggestionModel::TemplateSuggestionModel(TemplateLibrary *library, QObject *parent)
    : QAbstractListModel(parent)
    , m_library(library)
{
    connect(m_library, &TemplateLibrary::changed, this, [this] {
        if (!m_query.isEmpty())
            refresh();
    });
}

void TemplateSuggestionModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    refresh();
}

QString TemplateSuggestionModel::query() const { return m_query; }

void TemplateSuggestionModel::refresh()
{
    QList<Row> rows;
    const auto usage = [this](qint64 id) { return m_library->usage(id); };
    for (const Suggestion &match : m_library->index().suggest(m_query, usage, kLimit)) {
        if (const auto item = m_library->find(match.templateId))
            rows.append({*item, match});
    }
    // The same answer (a library change elsewhere) keeps the popup's current row where it is.
    const bool same = rows.size() == m_rows.size()
        && std::equal(rows.cbegin(), rows.cend(), m_rows.cbegin(), [](const Row &a, const Row &b) {
               return sameRow(a.item, a.match, b.item, b.match);
           });
    if (same)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

std::optional<protocol::Template> TemplateSuggestionModel::templateAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row).item;
}

int TemplateSuggestionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TemplateSuggestionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.item.title;
    case IdRole:
        return row.item.id;
    case TextRole:
        return row.item.text;
    case TitleSpansRole:
        return QVariant::fromValue(row.match.titleSpans);
    case TextSpansRole:
        return QVariant::fromValue(row.match.textSpans);
    case ScopeRole:
        return protocol::templateScopeToString(row.item.scope);
    case TagsRole:
        return row.item.tags;
    default:
        return {};
    }
}

QHash<int, QByteArray> TemplateSuggestionModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"},     {IdRole, "templateId"},         {TitleRole, "title"},
            {TextRole, "text"},               {TitleSpansRole, "titleSpans"}, {TextSpansRole, "textSpans"},
            {ScopeRole, "scope"},             {TagsRole, "tags"}};
}

} // namespace concierge
