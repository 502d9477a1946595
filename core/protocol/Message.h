// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace concierge::protocol {

/// A file attached to a message (the `File` object of docs/protocol.md, section "Files"). The server
/// sniffed `mime`, `image` and `executable` from the content, not from the name.
struct FileRef
{
    QString url; ///< relative to the server's origin: "/v1/files/<token>"
    QString name;
    qint64 size = 0;
    QString mime;
    bool image = false;      ///< PNG, JPEG, GIF or WebP by content: clients may show a thumbnail
    bool executable = false; ///< a program or script: clients warn before saving it

    bool isEmpty() const { return url.isEmpty(); }
    QJsonObject toJson() const;
    static FileRef fromJson(const QJsonObject &object);
    friend bool operator==(const FileRef &, const FileRef &) = default;
};

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
    /// A file message (protocol 1.3) has `file` set and usually empty `text`.
    FileRef file;

    /// Operator-only system lines (mail sent or failed) never reach the visitor.
    bool isOperatorOnly() const;

    QJsonObject toJson() const;
    static Message fromJson(const QJsonObject &object);
    friend bool operator==(const Message &, const Message &) = default;
};

} // namespace concierge::protocol
