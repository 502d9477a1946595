// SPDX-License-Identifier: GPL-3.0-or-later
#include "Server.h"

#include "ClientConnection.h"
#include "Database.h"
#include "OperatorEndpoint.h"
#include "VisitorEndpoint.h"

#include <QDebug>
#include <QDir>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QWebSocket>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

/// QtHttpServer 6.4 upgrades a WebSocket only when a route matches the path and its handler takes
/// `QHttpServerResponder &&` and writes nothing (6.8 replaced this with addWebSocketUpgradeVerifier).
/// A plain GET on the path is told to upgrade.
void webSocketRoute(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (request.value("Upgrade").compare("websocket", Qt::CaseInsensitive) == 0)
        return;
    responder.write("WebSocket endpoint: connect with a WebSocket client\n", "text/plain",
                    QHttpServerResponder::StatusCode::UpgradeRequired);
}

} // namespace

Server::Server(const ServerConfig &config, Database &database, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_operators(database.handle(), config.maxDialogs)
    , m_visitors(database.handle())
    , m_dialogs(database.handle())
    , m_chat(database.handle())
    , m_moderation(database.handle())
    , m_templates(database.handle())
    , m_history(database.handle())
    , m_rateLimiter(config.loginMaxFailures, std::chrono::seconds(config.loginWindowSeconds))
    , m_fanout(m_sessions, m_operators, m_visitors, m_moderation, config.hideOthersDialogs)
    , m_router(config.autoAssign, m_dialogs, m_operators, m_fanout)
    , m_statuses(m_operators, m_dialogs, m_fanout, m_router)
    , m_closing(m_dialogs, m_fanout, m_router, m_statuses)
    , m_actions({m_dialogs, m_visitors, m_moderation, m_sessions, m_fanout, m_closing})
    , m_teleport({m_dialogs, m_visitors, m_sessions, m_fanout}, config.teleportHosts)
    , m_mailer(config.mail)
    , m_transcripts(m_dialogs, m_fanout, m_mailer)
    , m_offlineReplies(m_dialogs, m_fanout, m_mailer)
    , m_posting({m_dialogs, m_visitors, m_fanout, m_router}, config.visitorMessageLimit,
                config.visitorUploadBytesPerHour)
    , m_uploads({m_operators, m_visitors, m_dialogs, m_moderation, m_fanout, m_posting, m_offlineReplies},
                FileStore(QDir(config.stateDir).filePath(u"files"_s)), FileRepository(database.handle()),
                {config.maxFileBytes, config.refuseExecutables, config.minFreeDiskBytes})
    , m_historyApi(database.handle(), config.loginMaxFailures, std::chrono::seconds(config.loginWindowSeconds),
                   {config.apiExportMaxDialogs, config.apiExportPaceMs})
    , m_site(config.shareDir)
    , m_operatorEndpoint(new OperatorEndpoint({m_operators, m_visitors, m_dialogs, m_chat, m_sessions, m_fanout,
                                               m_router, m_statuses, m_closing, m_actions, m_moderation, m_teleport,
                                               m_rateLimiter, m_transcripts, m_offlineReplies, m_mailer.isEnabled(),
                                               m_posting, config.maxFileBytes, m_templates,
                                               m_history},
                                              this))
    , m_visitorEndpoint(new VisitorEndpoint({m_visitors, m_dialogs, m_operators, m_sessions, m_fanout, m_router,
                                             m_closing, m_actions, m_moderation, m_teleport, m_posting},
                                            this))
{
    const auto upgrade = [](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        webSocketRoute(request, std::move(responder));
    };
    m_http.route(u"/v1/operator"_s, upgrade);
    m_http.route(u"/v1/visitor"_s, upgrade);
    m_site.addRoutes(m_http);
    m_uploads.addRoutes(m_http);
    m_historyApi.addRoutes(m_http);
    connect(&m_http, &QAbstractHttpServer::newWebSocketConnection, this, &Server::acceptWebSockets);

    const std::chrono::milliseconds idle = std::chrono::seconds(config.sessionIdleSeconds);
    m_sessionSweep.setInterval(std::min<std::chrono::milliseconds>(idle / 2, std::chrono::minutes(1)));
    connect(&m_sessionSweep, &QTimer::timeout, this, [this, idle] { m_sessions.dropIdle(idle); });
    m_sessionSweep.start();
}

Server::~Server()
{
    // Exports still being written hold responders that point into m_http's connections.
    m_historyApi.stopExports();
    // Endpoints (and their connections) go before the repositories they reference.
    delete m_operatorEndpoint;
    delete m_visitorEndpoint;
}

quint16 Server::listen()
{
    return m_http.listen(m_config.listenAddress, m_config.port);
}

void Server::acceptWebSockets()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (!socket)
            continue;
        const QString path = socket->requestUrl().path();
        if (path == u"/v1/operator") {
            m_operatorEndpoint->accept(new ClientConnection(std::move(socket)));
        } else if (path == u"/v1/visitor") {
            m_visitorEndpoint->accept(new ClientConnection(std::move(socket)));
        } else {
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"unknown endpoint"_s);
            socket.release()->deleteLater();
        }
    }
}

} // namespace concierge::server
