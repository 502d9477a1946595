// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorRepository.h"

#include "Database.h"
#include "HistorySearchIndex.h"
#include "UserAgentParser.h"
#include "protocol/Json.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::timestampFromJson;
using protocol::timestampToJson;

namespace {

QString now()
{
    return timestampToJson(QDateTime::currentDateTimeUtc());
}

constexpr int kPagesShown = 20;

} // namespace

VisitorRepository::VisitorRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

std::optional<qint64> VisitorRepository::create(const QString &tokenHash)
{
    const QString time = now();
    QSqlQuery insert(m_db);
    if (!runQuery(insert, u"INSERT INTO visitors (token_hash, first_seen, last_seen) VALUES (?, ?, ?)"_s,
                  {tokenHash, time, time}))
        return std::nullopt;
    const qint64 id = insert.lastInsertId().toLongLong();
    QSqlQuery name(m_db);
    if (!runQuery(name, u"UPDATE visitors SET name = ? WHERE id = ?"_s, {QVariant(u"Visitor "_s + QString::number(id)), id}))
        return std::nullopt;
    HistorySearchIndex::refreshVisitor(m_db, id);
    return id;
}

std::optional<qint64> VisitorRepository::findByToken(const QString &tokenHash)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT id FROM visitors WHERE token_hash = ?"_s, {tokenHash}) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

QString VisitorRepository::name(qint64 visitorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT name FROM visitors WHERE id = ?"_s, {visitorId}) || !query.next())
        return u"Visitor "_s + QString::number(visitorId);
    return query.value(0).toString();
}

std::optional<qint64> VisitorRepository::beginVisit(qint64 visitorId, const QString &ip,
                                                    const QString &userAgent)
{
    const QString recent = timestampToJson(QDateTime::currentDateTimeUtc().addSecs(-30 * 60));
    QSqlQuery latest(m_db);
    if (!runQuery(latest,
                  u"SELECT v.id FROM visits v JOIN visitors p ON p.id = v.visitor_id "
                  "WHERE v.visitor_id = ? AND p.last_seen >= ? ORDER BY v.id DESC LIMIT 1"_s,
                  {visitorId, recent}))
        return std::nullopt;
    qint64 visitId = 0;
    if (latest.next()) {
        visitId = latest.value(0).toLongLong();
    } else {
        QSqlQuery insert(m_db);
        if (!runQuery(insert, u"INSERT INTO visits (visitor_id, ip, user_agent, started_at) VALUES (?, ?, ?, ?)"_s,
                      {visitorId, ip, userAgent, now()}))
            return std::nullopt;
        visitId = insert.lastInsertId().toLongLong();
    }
    touch(visitorId);
    return visitId;
}

void VisitorRepository::touch(qint64 visitorId)
{
    QSqlQuery query(m_db);
    runQuery(query, u"UPDATE visitors SET last_seen = ? WHERE id = ?"_s, {now(), visitorId});
}

bool VisitorRepository::addPageView(qint64 visitorId, qint64 visitId, const protocol::PageView &page,
                                    const QString &referrer, const protocol::Utm &utm)
{
    QSqlQuery insert(m_db);
    if (!runQuery(insert, u"INSERT INTO page_views (visit_id, visitor_id, url, title, at) VALUES (?, ?, ?, ?, ?)"_s,
                  {visitId, visitorId, page.url, page.title, timestampToJson(page.at)}))
        return false;
    if (!referrer.isEmpty()) {
        QSqlQuery update(m_db);
        runQuery(update, u"UPDATE visits SET referrer = ? WHERE id = ? AND referrer = ''"_s, {referrer, visitId});
    }
    if (!utm.isEmpty()) {
        QSqlQuery update(m_db);
        runQuery(update,
                 u"UPDATE visits SET utm_source = ?, utm_medium = ?, utm_campaign = ?, utm_term = ?, "
                 "utm_content = ? WHERE id = ? AND utm_source = '' AND utm_medium = '' "
                 "AND utm_campaign = '' AND utm_term = '' AND utm_content = ''"_s,
                 {utm.source, utm.medium, utm.campaign, utm.term, utm.content, visitId});
    }
    touch(visitorId);
    return true;
}

bool VisitorRepository::setContact(qint64 visitorId, const protocol::ContactDetails &contact)
{
    QSqlQuery query(m_db);
    const bool stored = runQuery(query, u"UPDATE visitors SET contact = ? WHERE id = ?"_s,
                                 {QString::fromUtf8(QJsonDocument(contact.toJson()).toJson(QJsonDocument::Compact)),
                                  visitorId})
                        && query.numRowsAffected() == 1;
    if (stored)
        HistorySearchIndex::refreshVisitor(m_db, visitorId); // found by the new name, email, phone
    return stored;
}

std::optional<protocol::Visitor> VisitorRepository::load(qint64 visitorId)
{
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT name, first_seen, last_seen, contact FROM visitors WHERE id = ?"_s, {visitorId})
        || !query.next())
        return std::nullopt;
    protocol::Visitor visitor;
    visitor.id = visitorId;
    visitor.name = query.value(0).toString();
    visitor.firstSeen = timestampFromJson(query.value(1).toString());
    visitor.lastSeen = timestampFromJson(query.value(2).toString());
    if (!query.value(3).isNull())
        visitor.contact = protocol::ContactDetails::fromJson(QJsonDocument::fromJson(query.value(3).toByteArray()).object());

    QSqlQuery visit(m_db);
    if (runQuery(visit,
                 u"SELECT id, ip, user_agent, referrer, utm_source, utm_medium, utm_campaign, utm_term, "
                 "utm_content FROM visits WHERE visitor_id = ? ORDER BY id DESC LIMIT 1"_s,
                 {visitorId})
        && visit.next()) {
        const qint64 visitId = visit.value(0).toLongLong();
        visitor.ip = visit.value(1).toString();
        visitor.userAgent = visit.value(2).toString();
        const auto parsed = UserAgentParser::parse(visitor.userAgent);
        visitor.browser = parsed.browser;
        visitor.os = parsed.os;
        visitor.referrer = visit.value(3).toString();
        visitor.utm = {visit.value(4).toString(), visit.value(5).toString(), visit.value(6).toString(),
                       visit.value(7).toString(), visit.value(8).toString()};
        QSqlQuery pages(m_db);
        if (runQuery(pages, u"SELECT url, title, at FROM page_views WHERE visit_id = ? ORDER BY id DESC LIMIT ?"_s,
                     {visitId, kPagesShown})) {
            while (pages.next())
                visitor.pages.append({pages.value(0).toString(), pages.value(1).toString(),
                                      timestampFromJson(pages.value(2).toString())});
            std::reverse(visitor.pages.begin(), visitor.pages.end());
        }
        if (!visitor.pages.isEmpty())
            visitor.currentPage = visitor.pages.constLast();
    }
    return visitor;
}

} // namespace concierge::server
