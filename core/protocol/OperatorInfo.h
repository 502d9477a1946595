// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace concierge::protocol {

/// The six statuses of docs/protocol.md ("Statuses"). The order is the order of the menus.
enum class OperatorStatus { Online, Invisible, BeforeLunch, Lunch, Break, Offline };
QString operatorStatusToString(OperatorStatus status);
/// Unknown text (a newer server) reads as Offline: the safe assumption.
OperatorStatus operatorStatusFromString(const QString &text);
/// Every status, in menu order.
QList<OperatorStatus> allOperatorStatuses();
bool isValidOperatorStatus(const QString &text);

enum class OperatorRole { Operator, Supervisor, Admin };
QString operatorRoleToString(OperatorRole role);
OperatorRole operatorRoleFromString(const QString &text);

/// The `Operator` object of docs/protocol.md (no secrets ever travel in it).
struct OperatorInfo
{
    qint64 id = 0;
    QString email;
    QString name;
    OperatorStatus status = OperatorStatus::Offline;
    int maxDialogs = 5; ///< effective maximum of open dialogs (their own override or the server default)
    OperatorRole role = OperatorRole::Operator;
    QStringList languages;       ///< e.g. {"en", "ru"}
    QList<qint64> departmentIds; ///< departments they belong to
    bool connected = false;      ///< at least one socket connected right now
    QDateTime statusSince;       ///< when the current status was set
    QString avatarUrl;           ///< "/v1/files/<token>" relative to the server, or "" (protocol 1.3)

    /// Supervisors and admins see every dialog and may take one over.
    bool supervises() const { return role != OperatorRole::Operator; }
    /// Offline operators have no access to dialogs or the operator chat.
    bool mayWork() const { return status != OperatorStatus::Offline; }
    /// Online and connected: gets new dialogs, and counts as available for visitors.
    bool takesNewDialogs() const { return status == OperatorStatus::Online && connected; }

    QJsonObject toJson() const;
    static OperatorInfo fromJson(const QJsonObject &object);
    friend bool operator==(const OperatorInfo &, const OperatorInfo &) = default;
};

/// A department (`Department` in docs/protocol.md). `available` is filled only where the protocol
/// says so (the visitor's list): someone in it is Online.
struct Department
{
    qint64 id = 0;
    QString name;
    bool available = false;

    QJsonObject toJson() const;
    static Department fromJson(const QJsonObject &object);
    friend bool operator==(const Department &, const Department &) = default;
};

} // namespace concierge::protocol
