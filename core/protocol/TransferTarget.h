// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace concierge::protocol {

/// Where `dialog.transfer` hands a dialog (the `to` object of docs/protocol.md, "Transfer").
struct TransferTarget
{
    enum class Kind { Operator, Department, Language, Queue };

    Kind kind = Kind::Queue;
    qint64 id = 0;    ///< operator or department id
    QString language; ///< for Kind::Language, e.g. "ru"

    static TransferTarget toOperator(qint64 operatorId) { return {Kind::Operator, operatorId, {}}; }
    static TransferTarget toDepartment(qint64 departmentId) { return {Kind::Department, departmentId, {}}; }
    static TransferTarget toLanguage(const QString &code) { return {Kind::Language, 0, code}; }
    static TransferTarget toQueue() { return {Kind::Queue, 0, {}}; }

    QJsonObject toJson() const;
    /// Nothing when \a object names no target, or more than one.
    static std::optional<TransferTarget> fromJson(const QJsonObject &object);
    friend bool operator==(const TransferTarget &, const TransferTarget &) = default;
};

} // namespace concierge::protocol
