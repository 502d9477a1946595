// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace concierge::protocol {

enum class OperatorStatus { Online, Offline };
QString operatorStatusToString(OperatorStatus status);
OperatorStatus operatorStatusFromString(const QString &text);

/// The `Operator` object of docs/protocol.md (no secrets ever travel in it).
struct OperatorInfo
{
    qint64 id = 0;
    QString email;
    QString name;
    OperatorStatus status = OperatorStatus::Offline;
    int maxDialogs = 5;

    QJsonObject toJson() const;
    static OperatorInfo fromJson(const QJsonObject &object);
    friend bool operator==(const OperatorInfo &, const OperatorInfo &) = default;
};

} // namespace concierge::protocol
