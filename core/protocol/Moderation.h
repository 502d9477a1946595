// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace concierge::protocol {

/// An admin-defined dialog category ("VIP", "Hooligan"…), the `Category` of docs/protocol.md.
struct Category
{
    qint64 id = 0;
    QString name;

    QJsonObject toJson() const;
    static Category fromJson(const QJsonObject &object);
    friend bool operator==(const Category &, const Category &) = default;
};

/// A ban of a visitor and/or an IP address, the `Ban` of docs/protocol.md.
struct Ban
{
    qint64 id = 0;
    qint64 visitorId = 0; ///< 0: an IP-only ban
    QString ip;           ///< "": not by IP
    QString reason;
    QString bannedBy;     ///< the operator's display name
    QDateTime at;
    QDateTime expiresAt;  ///< invalid: no expiry

    QJsonObject toJson() const;
    static Ban fromJson(const QJsonObject &object);
    friend bool operator==(const Ban &, const Ban &) = default;
};

} // namespace concierge::protocol
