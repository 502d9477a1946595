// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Visitor.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace concierge::server {

/// Visitors (identified by the SHA-256 of their token), their visits and page views.
class VisitorRepository
{
public:
    explicit VisitorRepository(QSqlDatabase db);

    /// A new visitor named "Visitor <id>".
    std::optional<qint64> create(const QString &tokenHash);
    std::optional<qint64> findByToken(const QString &tokenHash);
    QString name(qint64 visitorId);

    /// The visit a (re)connecting visitor belongs to: the latest one if the visitor was seen in the
    /// last 30 minutes, otherwise a new one with this address and User-Agent. Touches last_seen.
    std::optional<qint64> beginVisit(qint64 visitorId, const QString &ip, const QString &userAgent);
    void touch(qint64 visitorId);

    /// Stores a page view; the visit's referrer and UTM tags are set from the first page view
    /// that carries them (the landing page).
    bool addPageView(qint64 visitorId, qint64 visitId, const protocol::PageView &page,
                     const QString &referrer, const protocol::Utm &utm);

    /// The Visitor object (without `online`, which is the session registry's knowledge); the last
    /// 20 pages of the latest visit.
    std::optional<protocol::Visitor> load(qint64 visitorId);
    /// Stores the contact details the visitor gave (replacing earlier ones).
    bool setContact(qint64 visitorId, const protocol::ContactDetails &contact);

private:
    QSqlDatabase m_db;
};

} // namespace concierge::server
