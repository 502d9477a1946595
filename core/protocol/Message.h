// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace concierge::protocol {

/// Who wrote a line of a dialog.
enum class Author { Visitor, Operator, System };
QString authorToString(Author author);
Author authorFromString(const QString &text);

/// One stored line of a dialog (the `Message` object of docs/protocol.md). Lines of the operator
/// chat room are Messages too, with `dialogId` 0.
struct Message
{
    qint64 id = 0;
    QString cid; ///< client-made UUID; unique per stored message
    qint64 dialogId = 0;
    Author author = Author::Visitor;
    qint64 operatorId = 0;
    QString authorName;
    QString text;
    QDateTime at;
    /// System lines only: what happened ("transfer", "takeover"; "" for plain text) and its
    /// details (names, comment), so each client words it in its own language.
    QString event;
    QJsonObject meta;

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &object);
    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace concierge::protocol
