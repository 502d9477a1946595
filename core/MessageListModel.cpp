// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include <algorithm>
#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

// Lines without a time (never from a correct server) sort last rather than first.
bool earlier(const protocol::Message &a, const protocol::Message &b)
{
    const qint64 ta = a.at.isValid() ? a.at.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    const qint64 tb = b.at.isValid() ? b.at.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    return ta < tb;
}

} // namespace

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

qint64 MessageListModel::dialogId() const
{
    return m_dialogId;
}

void MessageListModel::reset(qint64 dialogId, const QList<protocol::Message> &messages)
{
    beginResetModel();
    m_dialogId = dialogId;
    m_lines.clear();
    m_lines.reserve(messages.size());
    for (const auto &message : messages) {
        if (message.dialogId == dialogId || message.dialogId == 0)
            m_lines.append({message, false});
    }
    std::stable_sort(m_lines.begin(), m_lines.end(),
                     [](const Line &a, const Line &b) { return earlier(a.message, b.message); });
    endResetModel();
}

int MessageListModel::findLine(const protocol::Message &message) const
{
    for (qsizetype i = m_lines.size() - 1; i >= 0; --i) {
        const auto &line = m_lines.at(i).message;
        if ((!message.cid.isEmpty() && line.cid == message.cid) || (message.id > 0 && line.id == message.id))
            return int(i);
    }
    return -1;
}

void MessageListModel::upsert(const protocol::Message &message, bool pending)
{
    if (message.dialogId != m_dialogId)
        return;
    const int existing = findLine(message);
    if (existing >= 0 && !pending && m_lines.at(existing).pending == false && m_lines.at(existing).message == message)
        return;
    if (existing >= 0 && pending && !m_lines.at(existing).pending)
        return; // the stored copy already arrived; a late "pending" must not demote it

    // Where the line belongs by time: after every line not later than it (stable for equal times).
    auto positionFor = [this, &message](int skip) {
        int pos = 0;
        for (int i = int(m_lines.size()) - 1; i >= 0; --i) {
            if (i == skip)
                continue;
            if (!earlier(message, m_lines.at(i).message)) {
                pos = i + 1;
                break;
            }
        }
        // `pos` counts rows including `skip`; turn it into an index in the list without it.
        if (skip >= 0 && pos > skip)
            --pos;
        return pos;
    };

    if (existing < 0) {
        const int row = positionFor(-1);
        beginInsertRows({}, row, row);
        m_lines.insert(row, {message, pending});
        endInsertRows();
        return;
    }
    // Replace in place (the pending line becomes the stored one); move only if its time moved it.
    const int target = positionFor(existing);
    if (target != existing) {
        beginMoveRows({}, existing, existing, {}, target > existing ? target + 1 : target);
        Line line = m_lines.takeAt(existing);
        m_lines.insert(target, line);
        endMoveRows();
    }
    m_lines[target] = {message, pending};
    const QModelIndex changed = index(target);
    Q_EMIT dataChanged(changed, changed);
}

bool MessageListModel::removeLine(const QString &cid)
{
    for (qsizetype i = 0; i < m_lines.size(); ++i) {
        if (m_lines.at(i).message.cid == cid) {
            beginRemoveRows({}, int(i), int(i));
            m_lines.removeAt(i);
            endRemoveRows();
            return true;
        }
    }
    return false;
}

int MessageListModel::pendingCount() const
{
    return int(std::count_if(m_lines.begin(), m_lines.end(), [](const Line &line) { return line.pending; }));
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return line.message.text;
    case AuthorRole: return int(line.message.author);
    case AuthorNameRole: return line.message.authorName;
    case TimeRole: return line.message.at;
    case PendingRole: return line.pending;
    case CidRole: return line.message.cid;
    case MessageIdRole: return line.message.id;
    case EventRole: return line.message.event;
    case MetaRole: return line.message.meta;
    case OperatorIdRole: return line.message.operatorId;
    case FileRole: return QVariant::fromValue(line.message.file);
    case HasFileRole: return !line.message.file.isEmpty();
    default: return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(AuthorRole, "author");
    names.insert(AuthorNameRole, "authorName");
    names.insert(TextRole, "text");
    names.insert(TimeRole, "time");
    names.insert(PendingRole, "pending");
    names.insert(CidRole, "cid");
    names.insert(MessageIdRole, "messageId");
    names.insert(EventRole, "event");
    names.insert(MetaRole, "meta");
    names.insert(OperatorIdRole, "operatorId");
    names.insert(FileRole, "file");
    names.insert(HasFileRole, "hasFile");
    return names;
}

} // namespace concierge
