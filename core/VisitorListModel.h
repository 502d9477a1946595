// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Visitor.h"

#include <QAbstractItemModel>

#include <memory>

namespace concierge {

/// The visitor list as a two-level tree: top-level rows are the sections (always present, in this
/// order, even when empty), their children the visitors in it. Waiting visitors are sorted by
/// waiting time (longest first); the others by last activity.
class VisitorListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Section { Waiting = 0, InDialog = 1, Others = 2 };
    Q_ENUM(Section)
    static constexpr int kSectionCount = 3;

    enum Role {
        IsSectionRole = Qt::UserRole + 1, ///< bool
        SectionRole,       ///< Section (int)
        SectionCountRole,  ///< on section rows: number of visitors in it
        VisitorIdRole,     ///< qint64
        DialogIdRole,      ///< qint64, 0 if no open dialog
        NameRole,          ///< QString (untrusted: plain text)
        CurrentPageTitleRole,
        CurrentPageUrlRole,
        WaitingSinceRole,  ///< QDateTime (UTC); invalid if not waiting
        OnlineRole,        ///< bool
        AssignedToMeRole,  ///< bool
    };

    explicit VisitorListModel(QObject *parent = nullptr);
    ~VisitorListModel() override;

    /// The operator whose dialogs count as "mine" (In dialog shows only mine).
    void setSelfId(qint64 operatorId);
    /// Upserts; a visitor moves between sections as its dialog changes. O(log n) per update.
    void upsertVisitor(const protocol::Visitor &visitor);
    void upsertDialog(const protocol::Dialog &dialog);
    void removeVisitor(qint64 visitorId);
    void clear();
    /// Replaces everything in one reset (startup from the cache; a server snapshot).
    void resetContent(const QList<protocol::Visitor> &visitors, const QList<protocol::Dialog> &dialogs);
    int visitorCount(Section section) const;

    QModelIndex sectionIndex(Section section) const;
    QModelIndex indexOfVisitor(qint64 visitorId) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    void placeQuietly(qint64 visitorId); ///< inside a reset: no signals
    void replace(qint64 visitorId);      ///< re-places one visitor with minimal signals
    void emitSectionChanged(int section);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
