// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemplateSearch.h"

#include "protocol/Template.h"

#include <QAbstractListModel>
#include <QList>
#include <QMetaType>

#include <optional>

Q_DECLARE_METATYPE(concierge::TextSpan)

namespace concierge {

class TemplateLibrary;

/// The suggestion popup under the reply box: the best templates for what the operator typed
/// (TemplateIndex::suggest, ranked by match and by this operator's use), at most kLimit rows.
/// Each keystroke resets it (cheap for 8 rows); a library change under it runs the query again.
class TemplateSuggestionModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TextRole,
        TitleSpansRole, ///< QList<TextSpan> in the title: what was typed, to highlight
        TextSpansRole,  ///< QList<TextSpan> in the text
        ScopeRole,      ///< "shared" or "personal" (protocol::templateScopeToString)
        TagsRole,       ///< QStringList
    };
    static constexpr qsizetype kLimit = 8;

    explicit TemplateSuggestionModel(TemplateLibrary *library, QObject *parent = nullptr);

    /// What the operator typed; under 2 characters (after trimming) the model is empty.
    void setQuery(const QString &query);
    QString query() const;
    std::optional<protocol::Template> templateAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Row
    {
        protocol::Template item;
        Suggestion match;
    };
    void refresh();

    TemplateLibrary *m_library = nullptr;
    QString m_query;
    QList<Row> m_rows;
};

} // namespace concierge
