// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConnectionState.h"
#include "LocalStore.h"
#include "ServerSettings.h"
#include "TranscriptText.h"

#include "protocol/Dialog.h"
#include "protocol/ErrorCode.h"
#include "protocol/Message.h"
#include "protocol/Moderation.h"
#include "protocol/OperatorInfo.h"
#include "protocol/TransferTarget.h"
#include "protocol/Visitor.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QUrl>

#include <memory>
#include <optional>

namespace concierge {

class Connection;
class FileTransfer;
class Outbox;
class VisitorListModel;
class MessageListModel;
class OperatorListModel;
class TemplateLibrary;
class HistoryArchive;

/// The client engine of one operator: logs in over `/v1/operator`, keeps the local cache in step
/// with the server (snapshot or resume, acks every event), and sends replies through a persistent
/// outbox so a reply typed while offline is sent, once, when the link returns.
/// Lives on the GUI thread; everything here is asynchronous and reports through signals.
class OperatorSession : public QObject
{
    Q_OBJECT
public:
    /// `store` must be open; the session fills its models from it at once (before the network).
    explicit OperatorSession(LocalStore *store, QObject *parent = nullptr);
    ~OperatorSession() override;

    /// `serverUrl` is the server's base ("http://127.0.0.1:8080" or "ws://…"); the endpoint
    /// `/v1/operator` is derived from it.
    void loginWithPassword(const QUrl &serverUrl, const QString &email, const QString &password);
    void loginWithToken(const QUrl &serverUrl, const QString &token);
    void logout();

    void setStatus(protocol::OperatorStatus status);
    void takeDialog(qint64 dialogId);
    void closeDialog(qint64 dialogId);
    /// dialog.transfer: to an operator, a department, a language or back to the queue. Success
    /// comes as dialogTransferred(), a refusal (e.g. Unavailable) as requestFailed("dialog.transfer").
    void transferDialog(qint64 dialogId, const protocol::TransferTarget &target, const QString &comment);
    /// dialog.takeover (supervisors and admins): the dialog becomes mine and active.
    void takeOverDialog(qint64 dialogId);
    /// contact.request: the visitor's widget shows the contact form. Success: contactRequested();
    /// the answer comes later as a visitor.updated (Visitor.contact) and a "contact.given" line.
    void requestContact(qint64 dialogId);
    /// dialog.category.set; categoryId 0 clears the category (sent as null).
    void setDialogCategory(qint64 dialogId, qint64 categoryId);
    /// visitor.ban after the operator confirmed it; hours 0 = no expiry, byIp also bans their
    /// current IP. Success: visitorBanned().
    void banVisitor(qint64 visitorId, const QString &reason, int hours, bool byIp);
    /// bans.list (admins): answered by bansListed().
    void listBans();
    /// ban.lift (admins): answered by banLifted().
    void liftBan(qint64 banId);
    /// visitor.redirect: the visitor's tab opens \a url (http/https only; the server checks too).
    /// Success: visitorRedirected(); a refusal (left the site: Unavailable, host not allowed:
    /// Forbidden, bad address: BadRequest) as requestFailed("visitor.redirect").
    void redirectVisitor(qint64 visitorId, const QString &url);
    /// teleport.find: the visitor who read out \a code (spaces ignored). Found: the visitor is
    /// stored like a visitor.updated and teleportCodeFound() follows; unknown or expired code:
    /// requestFailed("teleport.find", NotFound).
    void findByTeleportCode(const QString &code);
    /// profile.update: my display name and languages, and my email (login and mail address) when
    /// \a email is given and differs from self().email. The result (and operator.updated) updates
    /// self(); success also emits profileUpdated(); an email that is malformed or another
    /// operator's is requestFailed("profile.update", BadRequest).
    void updateProfile(const QString &name, const QStringList &languages, const QString &email = {});
    /// The words for system lines in transcripts: the app gives its dialog pane's
    /// (ui::SystemLineText::describe). Without them a line shows its stored text.
    void setSystemLineWording(SystemLineWording wording);
    /// Mails the transcript of dialog \a dialogId (its history, up to 500 lines, in the app's
    /// language and this machine's time zone) to operator \a operatorId's profile email: history.get,
    /// then dialog.email. Success: transcriptEmailed(); a refusal (mail off or refused by the mail
    /// server: Unavailable, with the reason) as requestFailed("dialog.email"); no link, or the link
    /// lost before the answer: requestFailed("dialog.email", NotAuthenticated) with a whole sentence.
    void emailTranscript(qint64 dialogId, qint64 operatorId);
    /// password.change: success emits passwordChanged() (and a later automatic re-login uses the
    /// new one); a wrong current password is requestFailed("password.change", Forbidden).
    void changePassword(const QString &oldPassword, const QString &newPassword);
    /// A line in the operator room, through the same persistent outbox as replies (dialogId 0 is
    /// sent as chat.send); shows at once as pending in chatModel(). Returns the cid.
    QString sendChatMessage(const QString &text);
    /// chat.history: fills chatModel() with the room's recent lines.
    void loadChatHistory();
    /// Queues the reply in the outbox (persisted first), shows it at once as pending, sends it when
    /// connected. Returns the cid.
    QString sendReply(qint64 dialogId, const QString &text);
    void setTyping(qint64 dialogId, bool typing);
    /// Points messageModel() at this dialog: cached lines at once, then history.get from the server.
    void openDialog(qint64 dialogId);
    /// openDialog() asking the server for up to `historyLimit` lines (it caps them at 500). Not an
    /// overload, so `&OperatorSession::openDialog` stays usable in connect().
    void openDialogWithHistory(qint64 dialogId, int historyLimit);

    ConnectionState connectionState() const;
    int secondsUntilRetry() const;
    int pendingReplyCount() const;  ///< outbox size (unsent replies)
    QString token() const;          ///< session token after a successful login; empty otherwise
    protocol::OperatorInfo self() const;
    qint64 currentDialogId() const;
    qint64 lastSeq() const;                  ///< last event applied (and persisted)
    QList<OutboxEntry> pendingReplies() const; ///< the outbox, in sending order
    protocol::Visitor visitor(qint64 visitorId) const;
    protocol::Dialog dialog(qint64 dialogId) const;
    /// Every open dialog this session knows (the cache, then the server's), in no order.
    QList<protocol::Dialog> openDialogs() const;
    /// The newest `limit` cached lines of a dialog (0: the operator room), oldest first.
    QList<protocol::Message> cachedMessages(qint64 dialogId, int limit) const;
    /// Every operator, live (operator.updated).
    QList<protocol::OperatorInfo> operators() const;
    std::optional<protocol::OperatorInfo> operatorInfo(qint64 operatorId) const;
    QList<protocol::Department> departments() const;
    /// The admin-defined dialog categories, from the last hello (cached across restarts).
    QList<protocol::Category> categories() const;
    std::optional<protocol::Category> category(qint64 categoryId) const;
    /// Every language some operator speaks, sorted, unique.
    QStringList languages() const;
    ServerSettings serverSettings() const;
    /// Whether I may take, reply to, close or transfer it now: open, unassigned or mine, and my
    /// status is not Offline. (Supervisors act on others' dialogs through takeOverDialog().)
    bool canChangeDialog(qint64 dialogId) const;

    VisitorListModel *visitorModel() const;
    MessageListModel *messageModel() const;
    MessageListModel *chatModel() const; ///< the operator room
    OperatorListModel *operatorModel() const;
    Connection *connection() const; ///< for tests and sleep/wake handling
    /// The cache file's path, for workers that open their own connection to it (history search
    /// and export); "" for an in-memory cache.
    QString databasePath() const;
    /// Files over HTTP: uploads into dialogs, downloads, thumbnails' bytes, my avatar
    /// (uploadAvatar / clearAvatar). Uploaded messages go into the models like received ones.
    FileTransfer *files() const;
    /// The template libraries (shared and personal), from the cache at once, synced after login.
    TemplateLibrary *templates() const;
    /// The history this operator may look back at: cached here, backfilled while connected.
    HistoryArchive *history() const;
    /// The server's HTTP origin ("http://host:port", "https://…" for wss), from the last login;
    /// empty before one. File URLs ("/v1/files/…") are relative to it.
    QUrl httpBaseUrl() const;

Q_SIGNALS:
    void connectionStateChanged(concierge::ConnectionState state);
    void loggedIn(const concierge::protocol::OperatorInfo &self);
    /// Login refused (wrong password, revoked token, rate limited, unsupported version).
    void loginFailed(concierge::protocol::ErrorCode code, const QString &message);
    /// A request failed (e.g. dialog taken by someone else); message is the server's, for display.
    void requestFailed(const QString &requestType, concierge::protocol::ErrorCode code,
                       const QString &message);
    void selfChanged(const concierge::protocol::OperatorInfo &self);
    /// After the first login: the server issued a new session token (the old one was forgotten).
    void tokenChanged(const QString &token);
    void pendingReplyCountChanged(int count);
    void visitorChanged(qint64 visitorId);
    void dialogChanged(qint64 dialogId);
    void messageArrived(const concierge::protocol::Message &message);
    void typingChanged(qint64 dialogId, bool visitorTyping);
    /// A hello succeeded and the cache is in step with the server again: by replaying the missed
    /// events (`resumed`) or from a full snapshot (first login, gap too old, server restarted).
    void synced(bool resumed);
    /// The link was lost; the next attempt is in `secondsUntilRetry` (state is Reconnecting).
    void reconnectScheduled(int secondsUntilRetry);
    /// The operator list, or someone's status or connection, changed.
    void operatorsChanged();
    /// A new line in the operator room (announced once, mine included).
    void chatMessageArrived(const concierge::protocol::Message &message);
    void dialogTransferred(qint64 dialogId); ///< our dialog.transfer succeeded
    void dialogTakenOver(qint64 dialogId);   ///< our dialog.takeover succeeded
    void serverSettingsChanged(const concierge::ServerSettings &settings);
    void categoriesChanged();
    void visitorBanned(qint64 visitorId, const concierge::protocol::Ban &ban); ///< our visitor.ban succeeded
    void bansListed(const QList<concierge::protocol::Ban> &bans);
    void banLifted(qint64 banId);
    void contactRequested(qint64 dialogId); ///< our contact.request succeeded
    void visitorRedirected(qint64 visitorId, const QString &url); ///< our visitor.redirect succeeded
    void teleportCodeFound(const concierge::protocol::Visitor &visitor); ///< our teleport.find found them
    void profileUpdated(const concierge::protocol::OperatorInfo &self); ///< our profile.update succeeded
    void passwordChanged();                                         ///< our password.change succeeded
    void transcriptEmailed(qint64 dialogId, qint64 toOperatorId);   ///< our dialog.email was accepted

private:
    struct Request;
    void setState(ConnectionState state);
    void startLogin(const QUrl &serverUrl);
    QString newRid();
    QString sendRequest(const QString &type, QJsonObject fields = {}, qint64 dialogId = 0,
                        const QString &cid = {}, qint64 subjectId = 0);
    void sendHello();
    void onFrame(const QJsonObject &frame);
    void onHelloResult(const QJsonObject &data);
    void onSnapshotPart(const QJsonObject &frame);
    void completeHello(bool resumed);
    void onHelloError(protocol::ErrorCode code, const QString &message);
    void onEvent(qint64 seq, const QString &name, const QJsonObject &data);
    void onResult(const Request &request, const QJsonObject &data);
    void onError(const Request &request, protocol::ErrorCode code, const QString &message);
    void applySnapshot(const QJsonObject &snapshot, qint64 seq);
    void applyDialog(const protocol::Dialog &dialog);
    void applyMessage(const protocol::Message &message);
    void applyChatMessage(const protocol::Message &message);
    void applyOperator(const protocol::OperatorInfo &info);
    /// The hello result's operators, departments and settings.
    void applyDirectory(const QJsonObject &data);
    void refillChatModel();
    void onTeleportCodeFound(const protocol::Visitor &visitor);
    /// The link is gone: forgets the requests in flight, reporting transcripts among them.
    void dropPendingRequests();
    /// The transcript's history arrived: word it and send dialog.email.
    void sendTranscript(qint64 dialogId, qint64 operatorId, const QList<protocol::Message> &messages);
    /// My status is known to be Offline: the server refuses dialog and room requests.
    bool knownOffline() const;
    /// True (and requestFailed reported) while knownOffline().
    bool refuseWhileOffline(const QString &requestType);
    void updateSelf(const protocol::OperatorInfo &self);
    void flushOutbox();
    void refillMessageModel();
    protocol::Message pendingMessage(const OutboxEntry &entry) const;
    void stopTyping();

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
