// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "FileRepository.h"
#include "FileStore.h"
#include "MessagePosting.h"
#include "Refusal.h"
#include "protocol/OperatorInfo.h"

#include <QByteArray>

#include <optional>
#include <variant>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;
class QHttpServerResponse;

namespace concierge::server {

class DialogRepository;
class EventFanout;
class ModerationRepository;
class OfflineReplies;
class OperatorRepository;
class VisitorRepository;

/// The HTTP side of files (docs/protocol.md "Files" and the avatar paragraph of "Operator profile"):
/// POST /v1/operator/files and /v1/visitor/files store a file as a message through MessagePosting —
/// the same path as message.send — GET /v1/files/<token> serves it as an attachment, and
/// POST / DELETE /v1/operator/avatar set or clear the operator's picture.
///
/// QtHttpServer 6.4 hands a route the whole request body, already read into memory: the size limit
/// is checked before anything is stored, but not before the bytes arrived.
class FileUploads
{
public:
    struct Services
    {
        OperatorRepository &operators;
        VisitorRepository &visitors;
        DialogRepository &dialogs;
        ModerationRepository &moderation;
        EventFanout &fanout;
        MessagePosting &posting;
        OfflineReplies &offlineReplies; ///< an operator's file in an offline request is mailed too
    };
    struct Limits
    {
        qint64 maxFileBytes = 0;
        bool refuseExecutables = false;
        qint64 minFreeDiskBytes = 0; ///< an upload that would leave less free is refused (503)
    };
    static constexpr qint64 kMaxAvatarBytes = 1024 * 1024;

    FileUploads(const Services &services, FileStore store, FileRepository files, Limits limits);

    void addRoutes(QHttpServer &server);

private:
    using Caller = std::variant<protocol::OperatorInfo, Refusal>;
    void uploadFromOperator(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void uploadFromVisitor(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void download(const QString &token, QHttpServerResponder &&responder);
    void changeAvatar(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /// Writes the blob and its `files` row inside the line's transaction; \a createdBlob learns the
    /// sha256 of a blob this upload wrote new, so a failed line can remove it again.
    AttachFile attachment(const QByteArray &body, const QString &name, const SniffedType &type,
                          qint64 operatorId, qint64 visitorId, std::optional<QString> *createdBlob);
    /// Answers the upload, then announces the stored line.
    void finish(QHttpServerResponder &&responder, const PostOutcome &outcome,
                const std::optional<QString> &createdBlob);
    std::optional<Refusal> refusedExecutable(const SniffedType &type) const;
    /// `unavailable` when storing \a bytes would leave the store's disk under minFreeDiskBytes.
    std::optional<Refusal> refusedForSpace(qint64 bytes) const;
    /// The operator whose session token is in `Authorization: Bearer …`, or `auth_failed`.
    Caller operatorFor(const QHttpServerRequest &request);
    /// The bytes of an upload within \a maxBytes (`bad_request` when empty, `too_large` over).
    std::optional<Refusal> checkBody(const QByteArray &body, qint64 maxBytes) const;

    Services m_services;
    FileStore m_store;
    FileRepository m_files;
    Limits m_limits;
};

} // namespace concierge::server
