// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QAbstractListModel>
#include <QCollator>

#include <optional>

namespace concierge {

/// Every operator with a live status, for the list beside the operator room. Sorted: those who can
/// take a dialog now (connected and Online/Invisible) first, then by status in menu order, then by
/// name (locale-aware). A status change moves one row (beginMoveRows), never resets.
class OperatorListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        OperatorIdRole = Qt::UserRole + 1, ///< qint64
        StatusRole,                        ///< protocol::OperatorStatus as int
        ConnectedRole,                     ///< bool
        RoleRole,                          ///< protocol::OperatorRole as int
        IsSelfRole,                        ///< bool: the operator using this app
    };

    explicit OperatorListModel(QObject *parent = nullptr);

    /// Replaces every row (hello result, start from the cache).
    void setOperators(const QList<protocol::OperatorInfo> &operators);
    /// Adds or updates one operator (operator.updated), moving its row if its place changed.
    void upsert(const protocol::OperatorInfo &info);
    void setSelfId(qint64 operatorId);

    QList<protocol::OperatorInfo> operators() const; ///< in display order
    std::optional<protocol::OperatorInfo> operatorInfo(qint64 operatorId) const;
    int rowOf(qint64 operatorId) const; ///< -1 if unknown

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    bool before(const protocol::OperatorInfo &a, const protocol::OperatorInfo &b) const;
    int insertionRow(const protocol::OperatorInfo &info, int skipRow) const;

    QList<protocol::OperatorInfo> m_rows; ///< kept sorted by before()
    qint64 m_selfId = 0;
    QCollator m_collator;
};

} // namespace concierge
