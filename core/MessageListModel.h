// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Message.h"

#include <QAbstractListModel>

namespace concierge {

/// The lines of one dialog, oldest first. Replies still in the outbox are shown as pending and
/// are replaced in place (matched by cid) when the server's stored copy arrives — never doubled.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        AuthorRole = Qt::UserRole + 1, ///< protocol::Author as int
        AuthorNameRole,
        TextRole,       ///< untrusted plain text
        TimeRole,       ///< QDateTime UTC
        PendingRole,    ///< bool: not yet acknowledged by the server
        CidRole,
        MessageIdRole,
        EventRole,      ///< QString: "" for plain lines; on system lines "transfer", "takeover",
                        ///< "contact.requested", "contact.given", "rating", "ban"
        MetaRole,       ///< QJsonObject: the system line's details (names, comment) to word it
        OperatorIdRole, ///< qint64: the operator who wrote it; 0 for visitor and system lines
        FileRole,       ///< QVariant<protocol::FileRef>: the attached file; empty FileRef otherwise
        HasFileRole,    ///< bool: a file line
    };

    explicit MessageListModel(QObject *parent = nullptr);

    qint64 dialogId() const;
    /// Replaces the content with this dialog's lines.
    void reset(qint64 dialogId, const QList<protocol::Message> &messages);
    /// Adds or (same cid) updates a line, keeping order by time; ignores other dialogs' lines.
    void upsert(const protocol::Message &message, bool pending = false);
    /// Removes a pending line the server refused for good. Returns false if there was none.
    bool removeLine(const QString &cid);
    int pendingCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    int findLine(const protocol::Message &message) const; ///< by cid, else by id; -1 if absent

    struct Line
    {
        protocol::Message message;
        bool pending = false;
    };
    qint64 m_dialogId = 0;
    QList<Line> m_lines;
};

} // namespace concierge
