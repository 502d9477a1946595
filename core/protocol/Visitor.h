// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Dialog.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace concierge::protocol {

struct PageView
{
    QString url;
    QString title;
    QDateTime at;

    QJsonObject toJson() const;
    static PageView fromJson(const QJsonObject &object);
    friend bool operator==(const PageView &, const PageView &) = default;
};

/// UTM tags of the visit, as the widget read them from the landing page's query.
struct Utm
{
    QString source;
    QString medium;
    QString campaign;
    QString term;
    QString content;

    bool isEmpty() const;
    QJsonObject toJson() const;
    static Utm fromJson(const QJsonObject &object);
    friend bool operator==(const Utm &, const Utm &) = default;
};

/// The `Visitor` object of docs/protocol.md. Every string in it came from a browser: untrusted,
/// shown as plain text only.
struct Visitor
{
    qint64 id = 0;
    QString name;
    bool online = false;
    QString ip;
    QString userAgent;
    QString browser;
    QString os;
    QString location;
    QString referrer;
    Utm utm;
    PageView currentPage;
    QList<PageView> pages; ///< most recent last
    QDateTime firstSeen;
    QDateTime lastSeen;
    std::optional<ContactDetails> contact; ///< given through `contact.submit`; pinned in the app
    bool banned = false;

    QJsonObject toJson() const;
    static Visitor fromJson(const QJsonObject &object);
    friend bool operator==(const Visitor &, const Visitor &) = default;
};

} // namespace concierge::protocol
