// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"

#include <QJsonObject>
#include <QObject>

#include <memory>
#include <optional>

namespace concierge::server {

class ChatRepository;
class ClientConnection;
class DialogActions;
class DialogClosing;
class DialogHandover;
class DialogRepository;
class DialogRouter;
class EventFanout;
class HistoryRepository;
class HistoryRequests;
class LoginRateLimiter;
class MessagePosting;
class ModerationRepository;
class OfflineReplies;
class OperatorChat;
class OperatorProfile;
class OperatorRepository;
class OperatorStatuses;
class SessionRegistry;
class Teleport;
class TemplateRepository;
class Templates;
class TranscriptMail;
class VisitorRepository;

/// The `/v1/operator` endpoint: hello (password or token, resume), status.set, dialog.take,
/// dialog.close, message.send, logout, typing and ack here; history.* in HistoryRequests; dialog.transfer and
/// dialog.takeover in DialogHandover; chat.send and chat.history in OperatorChat; templates.sync and
/// template.* in Templates.
class OperatorEndpoint : public QObject
{
    Q_OBJECT

public:
    struct Services
    {
        OperatorRepository &operators;
        VisitorRepository &visitors;
        DialogRepository &dialogs;
        ChatRepository &chat;
        SessionRegistry &sessions;
        EventFanout &fanout;
        DialogRouter &router;
        OperatorStatuses &statuses;
        DialogClosing &closing;
        DialogActions &actions;
        ModerationRepository &moderation;
        Teleport &teleport;
        LoginRateLimiter &rateLimiter;
        TranscriptMail &transcripts;
        OfflineReplies &offlineReplies;
        bool mail; ///< told to clients in the hello's settings: the server can send mail
        MessagePosting &posting;
        qint64 maxFileBytes; ///< told to clients in the hello's settings
        TemplateRepository &templates;
        HistoryRepository &history;
    };
    explicit OperatorEndpoint(const Services &services, QObject *parent = nullptr);
    ~OperatorEndpoint() override;

    void accept(ClientConnection *connection);

private:
    void onFrame(ClientConnection *connection, const protocol::Frame &frame);
    void onDisconnected(ClientConnection *connection);
    void hello(ClientConnection *connection, const protocol::Frame &frame);
    void onRequest(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void setStatus(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void takeDialog(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void closeDialog(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void sendMessage(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void logout(ClientConnection *connection, const protocol::Frame &frame);
    void typing(const protocol::OperatorInfo &me, const protocol::Frame &frame);
    QJsonObject snapshot(const protocol::OperatorInfo &me);
    /// Everything besides the snapshot a client needs at every hello: colleagues, departments, settings.
    void addDirectory(QJsonObject &data, const protocol::OperatorInfo &me);

    OperatorRepository &m_operators;
    VisitorRepository &m_visitors;
    DialogRepository &m_dialogs;
    ChatRepository &m_chat;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
    DialogRouter &m_router;
    OperatorStatuses &m_statuses;
    DialogClosing &m_closing;
    DialogActions &m_actions;
    ModerationRepository &m_moderation;
    Teleport &m_teleport;
    LoginRateLimiter &m_rateLimiter;
    TranscriptMail &m_transcripts;
    OfflineReplies &m_offlineReplies;
    bool m_mail;
    MessagePosting &m_posting;
    qint64 m_maxFileBytes;
    std::unique_ptr<DialogHandover> m_handover;
    std::unique_ptr<OperatorChat> m_room;
    std::unique_ptr<OperatorProfile> m_profile;
    std::unique_ptr<Templates> m_templates;
    std::unique_ptr<HistoryRequests> m_history;
};

} // namespace concierge::server
