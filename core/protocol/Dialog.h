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

/// A visitor's name, email and phone: left in the widget's offline form (`offline.request`) or
/// given on an operator's request (`contact.submit`).
struct ContactDetails
{
    QString name;
    QString email;
    QString phone;

    QJsonObject toJson() const;
    static ContactDetails fromJson(const QJsonObject &object);
    friend bool operator==(const ContactDetails &, const ContactDetails &) = default;
};

/// The visitor's rating of a closed dialog (`dialog.rate`).
struct Rating
{
    int score = 0; ///< 1–5; 0: not rated
    QString comment;
    QDateTime at;

    bool isValid() const { return score > 0; }
    friend bool operator==(const Rating &, const Rating &) = default;
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
    std::optional<ContactDetails> offline; ///< set: an offline request left through the form
    Transfer transfer;
    qint64 categoryId = 0; ///< 0: none
    Rating rating;

    bool isOfflineRequest() const { return offline.has_value(); }

    bool isOpen() const { return state != DialogState::Closed; }
    QJsonObject toJson() const;
    static Dialog fromJson(const QJsonObject &object);
    friend bool operator==(const Dialog &, const Dialog &) = default;
};

} // namespace concierge::protocol
