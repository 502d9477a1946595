// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChatRepository.h"
#include "DialogActions.h"
#include "DialogClosing.h"
#include "DialogRepository.h"
#include "DialogRouter.h"
#include "EventFanout.h"
#include "FileUploads.h"
#include "HistoryRepository.h"
#include "HistoryApi.h"
#include "HttpSite.h"
#include "LoginRateLimiter.h"
#include "Mailer.h"
#include "MessagePosting.h"
#include "ModerationRepository.h"
#include "OfflineReplies.h"
#include "OperatorRepository.h"
#include "OperatorStatuses.h"
#include "ServerConfig.h"
#include "SessionRegistry.h"
#include "Teleport.h"
#include "TemplateRepository.h"
#include "TranscriptMail.h"
#include "VisitorRepository.h"

#include <QHttpServer>
#include <QObject>
#include <QTimer>

namespace concierge::server {

class Database;
class OperatorEndpoint;
class VisitorEndpoint;

/// Wires one running server: HTTP routes and the two WebSocket endpoints on one port.
class Server : public QObject
{
    Q_OBJECT

public:
    Server(const ServerConfig &config, Database &database, QObject *parent = nullptr);
    ~Server() override;

    /// Binds; returns the port (the chosen one when the config asks for 0), or 0 on failure.
    quint16 listen();

private:
    void acceptWebSockets();

    ServerConfig m_config;
    OperatorRepository m_operators;
    VisitorRepository m_visitors;
    DialogRepository m_dialogs;
    ChatRepository m_chat;
    ModerationRepository m_moderation;
    TemplateRepository m_templates;
    HistoryRepository m_history;
    SessionRegistry m_sessions;
    LoginRateLimiter m_rateLimiter;
    EventFanout m_fanout;
    DialogRouter m_router;
    OperatorStatuses m_statuses;
    DialogClosing m_closing;
    DialogActions m_actions;
    Teleport m_teleport;
    Mailer m_mailer; ///< after the repositories its callbacks use: gone (transfers stopped) before them
    TranscriptMail m_transcripts;
    OfflineReplies m_offlineReplies;
    MessagePosting m_posting; ///< one path for a line, whether message.send or a file upload
    FileUploads m_uploads;
    HistoryApi m_historyApi; ///< /v1/api/history… for integrations (API keys)
    HttpSite m_site;
    QHttpServer m_http;
    OperatorEndpoint *m_operatorEndpoint;
    VisitorEndpoint *m_visitorEndpoint;
    QTimer m_sessionSweep; ///< drops sessions idle longer than config.sessionIdleSeconds
};

} // namespace concierge::server
