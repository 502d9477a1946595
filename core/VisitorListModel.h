// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServerSettings.h"

#include "protocol/Dialog.h"
#include "protocol/Message.h"
#include "protocol/Visitor.h"

#include <QAbstractItemModel>
#include <QHash>

#include <memory>

namespace concierge {

/// The visitor list as a two-level tree: top-level rows are the sections (always present, in this
/// order, even when empty or not applying — the view hides those), their children the visitors in
/// it. Waiting visitors are sorted by waiting time (longest first); the others by last activity.
/// Every update costs O(log n) look-ups plus one row move; a new filter text re-places everyone.
class VisitorListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    /// In display order.
    enum class Section { Waiting = 0, InDialog, OfflineRequests, CommonQueue, OtherChats, Others };
    Q_ENUM(Section)
    static constexpr int kSectionCount = 6;

    enum Role {
        IsSectionRole = Qt::UserRole + 1, ///< bool
        SectionRole,       ///< Section (int)
        SectionCountRole,  ///< on section rows: number of visitors in it (after the filter)
        VisitorIdRole,     ///< qint64
        DialogIdRole,      ///< qint64, 0 if no open dialog
        NameRole,          ///< QString (untrusted: plain text)
        CurrentPageTitleRole,
        CurrentPageUrlRole,
        WaitingSinceRole,  ///< QDateTime (UTC); invalid if not waiting
        OnlineRole,        ///< bool
        AssignedToMeRole,  ///< bool
        AssignedOperatorIdRole, ///< qint64, 0 if unassigned or no open dialog
        TransferCommentRole,    ///< QString: the last transfer's comment (untrusted plain text)
        TransferFromNameRole,   ///< QString: who transferred it; "" if never transferred
        LastMessageTextRole,    ///< QString: the dialog's last visitor/operator line (plain text)
        IsOfflineRequestRole,   ///< bool
        DepartmentIdRole,       ///< qint64, 0: any department
        /// The row's dialog: the open one, or else the visitor's newest dialog seen closed in
        /// this run (ratings only come after a close).
        CategoryIdRole,         ///< qint64, 0: no category
        RatingRole,             ///< int: the rating's score 1–5, 0: not rated
    };

    explicit VisitorListModel(QObject *parent = nullptr);
    ~VisitorListModel() override;

    /// Who looks at the list: whose dialogs are "mine", whether others' dialogs may be shown
    /// (supervisors always; operators unless the server hides them), whether there is a common
    /// queue (auto-assignment on). Re-places everyone in one reset when anything changed.
    void setViewer(qint64 selfId, bool supervises, const ServerSettings &settings);
    /// setViewer() keeping the current role and settings.
    void setSelfId(qint64 operatorId);
    qint64 selfId() const;
    bool supervises() const;
    ServerSettings serverSettings() const;

    /// Whether the section exists for this viewer: CommonQueue only while auto-assignment is on,
    /// OtherChats only if the viewer may see others' dialogs. The others always apply.
    bool sectionApplies(Section section) const;

    /// Narrows every section to visitors whose name, current page title or URL, or last message
    /// text contains `text` (case-insensitive); "" shows everything. One reset per call.
    void setFilterText(const QString &text);
    QString filterText() const;

    /// Upserts; a visitor moves between sections as its dialog changes. O(log n) per update.
    void upsertVisitor(const protocol::Visitor &visitor);
    void upsertDialog(const protocol::Dialog &dialog);
    /// Remembers a dialog's last visitor/operator line (LastMessageTextRole, the filter); system
    /// lines and operator-room lines (dialogId 0) are ignored.
    void noteMessage(const protocol::Message &message);
    void removeVisitor(qint64 visitorId);
    void clear();
    /// Replaces everything in one reset (startup from the cache; a server snapshot).
    /// `lastMessageTexts`: dialog id → its last visitor/operator line.
    void resetContent(const QList<protocol::Visitor> &visitors, const QList<protocol::Dialog> &dialogs,
                      const QHash<qint64, QString> &lastMessageTexts = {});
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
    void placeEveryone(); ///< inside a reset: no signals
    void placeQuietly(qint64 visitorId);
    void replace(qint64 visitorId);      ///< re-places one visitor with minimal signals
    void emitSectionChanged(int section);

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
