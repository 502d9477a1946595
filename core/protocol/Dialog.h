// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace concierge::protocol {

enum class DialogState { Waiting, Active, Closed };
QString dialogStateToString(DialogState state);
DialogState dialogStateFromString(const QString &text);

/// A conversation between one visitor and (at most) one operator at a time.
struct Dialog
{
    qint64 id = 0;
    qint64 visitorId = 0;
    qint64 operatorId = 0; ///< 0: not assigned
    DialogState state = DialogState::Waiting;
    QDateTime createdAt;
    QDateTime closedAt;
    QDateTime waitingSince; ///< when the visitor started waiting for an answer; invalid if not waiting

    bool isOpen() const { return state != DialogState::Closed; }
    QJsonObject toJson() const;
    static Dialog fromJson(const QJsonObject &object);
    friend bool operator==(const Dialog &, const Dialog &) = default;
};

} // namespace concierge::protocol
