// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The session's state, shared by its two source files: OperatorSession.cpp (login, sync, events,
// results) and OperatorSessionRequests.cpp (what the operator asks of the server). Not a public header.

#include "ConnectionState.h"
#include "OperatorSession.h"
#include "ServerSettings.h"

#include "protocol/Dialog.h"
#include "protocol/Moderation.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Visitor.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QTimer>
#include <QUrl>

namespace concierge {

class Connection;
class FileTransfer;
class HistoryArchive;
class LocalStore;
class MessageListModel;
class OperatorListModel;
class Outbox;
class TemplateLibrary;
class VisitorListModel;

namespace session {
inline constexpr int kTypingIdleMs = 5000;     // "typing: false" after this long without a keystroke
inline constexpr int kTransientRetryMs = 3000; // a reply the server could not take just now is resent after this
inline constexpr int kHistoryLimit = 200;
inline constexpr int kTranscriptLimit = 500; // history.get's maximum: a transcript takes all it can
} // namespace session

using session::kHistoryLimit;
using session::kTranscriptLimit;
using session::kTransientRetryMs;
using session::kTypingIdleMs;

struct OperatorSession::Request
{
    QString type;
    QString cid;
    qint64 dialogId = 0;
    qint64 subjectId = 0; ///< visitor.ban, visitor.redirect: the visitor; ban.lift: the ban;
                          ///< history.get, dialog.email of a transcript: its recipient
    QString text;         ///< visitor.redirect: the address; password.change: the new password
    bool forHistory = false; ///< sent by the HistoryArchive (its history.get too): answered there
};

struct OperatorSession::Private
{
    LocalStore *store = nullptr;
    Connection *connection = nullptr;
    FileTransfer *files = nullptr;
    Outbox *outbox = nullptr;
    VisitorListModel *visitorModel = nullptr;
    MessageListModel *messageModel = nullptr;
    MessageListModel *chatModel = nullptr;
    OperatorListModel *operatorModel = nullptr;
    TemplateLibrary *templates = nullptr;
    HistoryArchive *history = nullptr;
    QList<protocol::Department> departments;
    QList<protocol::Category> categories;
    ServerSettings settings;
    SystemLineWording systemLineWording; ///< for transcripts; set by the app

    ConnectionState state = ConnectionState::Disconnected;
    QUrl endpoint;
    QString email;
    QString password; ///< in memory only, to log in again if the server forgot our token
    QString token;
    protocol::OperatorInfo self;
    bool helloDone = false;
    bool loggedInAnnounced = false;
    qint64 lastSeq = 0;
    qint64 lastAckedSeq = 0;
    QTimer ackTimer;
    int nextRid = 1;
    QString helloRid;
    QHash<QString, Request> pending;
    qint64 currentDialogId = 0;
    int historyLimit = kHistoryLimit;
    /// Complete visitors only, never list rows: filled by a snapshot and visitor.updated, and by
    /// visitor() reading the cache on demand (the start fills only the list, from light rows).
    /// The store changes only through this session, so an entry loaded on demand stays current.
    QHash<qint64, protocol::Visitor> visitors;
    QHash<qint64, protocol::Dialog> dialogs;

    qint64 typingDialogId = 0;
    bool typingSent = false;
    QJsonObject snapshot;      ///< parts received so far of a snapshot that came in several
    qint64 snapshotSeq = 0;
    int snapshotPartsLeft = 0;
    QTimer typingIdle;
};

} // namespace concierge
