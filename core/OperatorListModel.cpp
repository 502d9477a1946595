// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorListModel.h"

#include <algorithm>

namespace concierge {

using protocol::OperatorInfo;
using protocol::OperatorStatus;

namespace {

/// Can be handed a dialog right now (docs/protocol.md, "Transfer" to an operator).
bool isAvailable(const OperatorInfo &info)
{
    return info.connected &&
           (info.status == OperatorStatus::Online || info.status == OperatorStatus::Invisible);
}

} // namespace

OperatorListModel::OperatorListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true); // "Operator 2" before "Operator 10"
}

bool OperatorListModel::before(const OperatorInfo &a, const OperatorInfo &b) const
{
    const bool availableA = isAvailable(a);
    const bool availableB = isAvailable(b);
    if (availableA != availableB)
        return availableA;
    if (a.status != b.status)
        return int(a.status) < int(b.status); // the enum is in menu order
    if (const int byName = m_collator.compare(a.name, b.name); byName != 0)
        return byName < 0;
    return a.id < b.id; // a total order, so equal names never swap places
}

int OperatorListModel::insertionRow(const OperatorInfo &info, int skipRow) const
{
    // Binary search over the rows without `skipRow` (the row's own old place).
    int low = 0;
    int high = int(m_rows.size()) - (skipRow >= 0 ? 1 : 0);
    while (low < high) {
        const int mid = (low + high) / 2;
        const int real = (skipRow >= 0 && mid >= skipRow) ? mid + 1 : mid;
        if (before(m_rows.at(real), info))
            low = mid + 1;
        else
            high = mid;
    }
    return low;
}

void OperatorListModel::setOperators(const QList<OperatorInfo> &operators)
{
    beginResetModel();
    m_rows = operators;
    std::sort(m_rows.begin(), m_rows.end(),
              [this](const OperatorInfo &a, const OperatorInfo &b) { return before(a, b); });
    endResetModel();
}

void OperatorListModel::upsert(const OperatorInfo &info)
{
    const int oldRow = rowOf(info.id);
    if (oldRow < 0) {
        const int row = insertionRow(info, -1);
        beginInsertRows({}, row, row);
        m_rows.insert(row, info);
        endInsertRows();
        return;
    }
    if (m_rows.at(oldRow) == info)
        return;
    const int target = insertionRow(info, oldRow);
    if (target != oldRow) {
        // beginMoveRows counts the destination in the list that still holds the moving row.
        beginMoveRows({}, oldRow, oldRow, {}, target > oldRow ? target + 1 : target);
        m_rows.move(oldRow, target);
        m_rows[target] = info;
        endMoveRows();
    } else {
        m_rows[target] = info;
    }
    const QModelIndex changed = index(target);
    Q_EMIT dataChanged(changed, changed);
}

void OperatorListModel::setSelfId(qint64 operatorId)
{
    if (m_selfId == operatorId)
        return;
    const int oldRow = rowOf(m_selfId);
    m_selfId = operatorId;
    for (const int row : {oldRow, rowOf(operatorId)}) {
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), {IsSelfRole});
    }
}

QList<OperatorInfo> OperatorListModel::operators() const
{
    return m_rows;
}

std::optional<OperatorInfo> OperatorListModel::operatorInfo(qint64 operatorId) const
{
    const int row = rowOf(operatorId);
    if (row < 0)
        return std::nullopt;
    return m_rows.at(row);
}

int OperatorListModel::rowOf(qint64 operatorId) const
{
    // A few dozen operators: a linear look-up is cheaper than keeping an index in step.
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == operatorId)
            return row;
    }
    return -1;
}

int OperatorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant OperatorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const OperatorInfo &info = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return info.name;
    case OperatorIdRole:
        return info.id;
    case StatusRole:
        return int(info.status);
    case ConnectedRole:
        return info.connected;
    case RoleRole:
        return int(info.role);
    case IsSelfRole:
        return m_selfId != 0 && info.id == m_selfId;
    default:
        return {};
    }
}

QHash<int, QByteArray> OperatorListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(OperatorIdRole, "operatorId");
    names.insert(StatusRole, "status");
    names.insert(ConnectedRole, "connected");
    names.insert(RoleRole, "role");
    names.insert(IsSelfRole, "isSelf");
    return names;
}

} // namespace concierge
