// SPDX-License-Identifier: GPL-3.0-or-later
#include "Teleport.h"

#include "ClientConnection.h"
#include "DialogRepository.h"
#include "EventFanout.h"
#include "RequestChecks.h"
#include "SessionRegistry.h"
#include "VisitorRepository.h"

#include <QRandomGenerator>
#include <QUrl>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Frame;
using protocol::OperatorInfo;

namespace {
constexpr int kCodeSeconds = 600;
constexpr qsizetype kMaxUrlChars = 2048;
} // namespace

Teleport::Teleport(const Services &services, const QStringList &allowedHosts)
    : m_dialogs(services.dialogs)
    , m_visitors(services.visitors)
    , m_sessions(services.sessions)
    , m_fanout(services.fanout)
    , m_allowedHosts(allowedHosts)
{
}

void Teleport::redirect(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    const auto visitorId = checks::id(connection, frame, u"visitorId"_s);
    if (!visitorId)
        return;
    const QString text = frame.object.value(u"url").toString().trimmed();
    const QUrl url(text, QUrl::StrictMode);
    if (text.size() > kMaxUrlChars || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http" && url.scheme() != u"https")) {
        connection->sendError(frame.rid, ErrorCode::BadRequest, u"Only http:// and https:// addresses can be opened"_s);
        return;
    }
    if (!m_allowedHosts.isEmpty() && !m_allowedHosts.contains(url.host().toLower())) {
        connection->sendError(frame.rid, ErrorCode::Forbidden,
                              u"This site allows redirects to its own pages only (%1)"_s.arg(m_allowedHosts.join(u", "_s)));
        return;
    }
    const auto open = m_dialogs.openForVisitor(*visitorId);
    if (!m_visitors.load(*visitorId) || (open && !m_fanout.canSee(me, *open))) {
        connection->sendError(frame.rid, ErrorCode::NotFound, u"No such visitor"_s);
        return;
    }
    if (!m_sessions.isVisitorOnline(*visitorId)) {
        connection->sendError(frame.rid, ErrorCode::Unavailable, u"The visitor has left the site"_s);
        return;
    }
    const QString target = url.toString(QUrl::FullyEncoded);
    connection->sendResult(frame.rid, {});
    if (open) {
        if (const auto line = m_dialogs.insertSystemLine(open->id, u"redirect"_s,
                                                         u"%1 opened %2 for the visitor"_s.arg(me.name, target),
                                                         {{u"url"_s, target}, {u"operatorName"_s, me.name}}))
            m_fanout.messageStored(*line, *open);
    }
    m_sessions.pushToVisitor(*visitorId, u"redirect"_s, {{u"url"_s, target}});
}

void Teleport::forgetExpired()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (auto it = m_codes.begin(); it != m_codes.end();) {
        if (it->expires <= now) {
            m_codeOf.remove(it->visitorId);
            it = m_codes.erase(it);
        } else {
            ++it;
        }
    }
}

void Teleport::issueCode(ClientConnection *connection, qint64 visitorId, const Frame &frame)
{
    forgetExpired();
    if (const QString old = m_codeOf.take(visitorId); !old.isEmpty())
        m_codes.remove(old); // a new code replaces the old one: a code read out once cannot be reused
    QString code;
    do {
        code = u"%1"_s.arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
    } while (m_codes.contains(code));
    m_codes.insert(code, {visitorId, QDateTime::currentDateTimeUtc().addSecs(kCodeSeconds)});
    m_codeOf.insert(visitorId, code);
    connection->sendResult(frame.rid, {{u"code"_s, code}, {u"expiresIn"_s, kCodeSeconds}});
}

void Teleport::find(ClientConnection *connection, const OperatorInfo &me, const Frame &frame)
{
    forgetExpired();
    const QString code = frame.object.value(u"code").toString().remove(u' ');
    const auto found = m_codes.constFind(code);
    const auto open = found != m_codes.cend() ? m_dialogs.openForVisitor(found->visitorId) : std::nullopt;
    const auto visitor = found != m_codes.cend() ? m_fanout.visitorJson(found->visitorId) : std::nullopt;
    if (!visitor || (open && !m_fanout.canSee(me, *open))) {
        connection->sendError(frame.rid, ErrorCode::NotFound,
                              u"No visitor has this code (codes last 10 minutes; ask for a new one)"_s);
        return;
    }
    connection->sendResult(frame.rid, {{u"visitor"_s, *visitor}});
}

} // namespace concierge::server
