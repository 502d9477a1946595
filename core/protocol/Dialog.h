// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace concierge::protocol {

enum class DialogState { Waiting, Active, Closed };
QString dialogStateToString(DialogState state);
DialogState dialogStateFromString(const QString &text);

/// What a visitor left in the widget's offline form (docs/protocol.md, `offline.request`).
struct OfflineContact
{
    QString name;
    QString email;
    QString phone;

    QJsonObject toJson() const;
    static OfflineContact fromJson(const QJsonObject &object);
    friend bool operator==(const OfflineContact &, const OfflineContact &) = default;
};

/// The dialog's last transfer: shown to the receiver beside the waiting dialog.
struct Transfer
{
    qint64 fromOperatorId = 0;
    QString fromName;
    QString comment;
    QDateTime at; ///< invalid: never transferred

    bool isValid() const { return at.isValid(); }
    friend bool operator==(const Transfer &, const Transfer &) = default;
};

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
    qint64 departmentId = 0; ///< 0: any department
    QString language;        ///< "": any language; otherwise only operators speaking it get it
    std::optional<OfflineContact> offline; ///< set: an offline request left through the form
    Transfer transfer;

    bool isOfflineRequest() const { return offline.has_value(); }

    bool isOpen() const { return state != DialogState::Closed; }
    QJsonObject toJson() const;
    static Dialog fromJson(const QJsonObject &object);
    friend bool operator==(const Dialog &, const Dialog &) = default;
};

} // namespace concierge::protocol
