// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileUploads.h"

#include "DialogRepository.h"
#include "DownloadHeaders.h"
#include "EventFanout.h"
#include "FileSniffer.h"
#include "MessagePosting.h"
#include "ModerationRepository.h"
#include "OfflineReplies.h"
#include "OperatorRepository.h"
#include "PasswordHasher.h"
#include "VisitorRepository.h"

#include <QFile>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QRegularExpression>
#include <QUrlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Message;
using StatusCode = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

namespace {

constexpr qsizetype kMaxNameChars = 255;
constexpr qsizetype kMaxCidChars = 128;

StatusCode statusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::AuthFailed:
        return StatusCode::Unauthorized;
    case ErrorCode::NotFound:
        return StatusCode::NotFound;
    case ErrorCode::Forbidden:
        return StatusCode::Forbidden;
    case ErrorCode::TooLarge:
        return StatusCode::PayloadTooLarge;
    case ErrorCode::RateLimited:
        return StatusCode::TooManyRequests;
    case ErrorCode::Unavailable:
        return StatusCode::ServiceUnavailable;
    case ErrorCode::Internal:
        return StatusCode::InternalServerError;
    default:
        return StatusCode::BadRequest;
    }
}

/// `{"code", "message"}` (and `retryAfter` when rate-limited) with the matching HTTP status.
QHttpServerResponse refusalResponse(const Refusal &refusal)
{
    QJsonObject body = refusal.extra;
    body.insert(u"code"_s, protocol::errorCodeToString(refusal.code));
    body.insert(u"message"_s, refusal.message);
    QHttpServerResponse response(body, statusFor(refusal.code));
    if (refusal.extra.contains(u"retryAfter"))
        response.addHeader("Retry-After", QByteArray::number(refusal.extra.value(u"retryAfter").toInt()));
    return response;
}

Refusal badRequest(const QString &message)
{
    return {ErrorCode::BadRequest, message, {}};
}

QString bearerToken(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
        return {};
    return QString::fromLatin1(header.mid(7).trimmed());
}

Refusal authFailed()
{
    return {ErrorCode::AuthFailed, u"Unknown or missing token"_s, {}};
}

/// The query fields every file upload has: `cid` and the file's `name`.
struct UploadFields
{
    QString cid;
    QString name;
};

std::variant<UploadFields, Refusal> uploadFields(const QUrlQuery &query)
{
    UploadFields fields;
    fields.cid = query.queryItemValue(u"cid"_s, QUrl::FullyDecoded);
    if (fields.cid.isEmpty() || fields.cid.size() > kMaxCidChars)
        return badRequest(u"\"cid\" must be a client-made id (a UUID string)"_s);
    const QString raw = query.queryItemValue(u"name"_s, QUrl::FullyDecoded);
    if (raw.size() > kMaxNameChars)
        return badRequest(u"A file name may hold at most %1 characters"_s.arg(kMaxNameChars));
    fields.name = fileSniffer::cleanName(raw);
    if (fields.name.isEmpty())
        return badRequest(u"\"name\" must name the file"_s);
    return fields;
}

/// A positive integer query field; 0 when absent and \a optional, nothing when malformed.
std::optional<qint64> idField(const QUrlQuery &query, const QString &name, bool optional)
{
    if (!query.hasQueryItem(name))
        return optional ? std::optional<qint64>(0) : std::nullopt;
    bool ok = false;
    const qint64 id = query.queryItemValue(name).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

/// The widget runs on the site's own origin, not the chat server's, so the browser only lets it
/// send a file and read the answer (even a refusal's JSON code) when every answer allows any
/// origin. That is safe here: the credential is the Bearer token the page holds, never a cookie.
constexpr std::pair<const char *, const char *> kAllowAnyOrigin[] = {
    {"Access-Control-Allow-Origin", "*"},
    {"Access-Control-Expose-Headers", "Retry-After"},
};

void allowAnyOrigin(QHttpServerResponse &response)
{
    for (const auto &[name, value] : kAllowAnyOrigin)
        response.setHeader(name, value);
}

void answer(QHttpServerResponder &&responder, QHttpServerResponse &&response)
{
    allowAnyOrigin(response);
    response.write(std::move(responder));
}

/// The browser's preflight before a cross-origin upload with an Authorization header.
QHttpServerResponse preflight()
{
    QHttpServerResponse response(StatusCode::NoContent);
    allowAnyOrigin(response);
    response.setHeader("Access-Control-Allow-Methods", "POST");
    response.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.setHeader("Access-Control-Max-Age", "600");
    return response;
}

} // namespace

FileUploads::FileUploads(const Services &services, FileStore store, FileRepository files, Limits limits)
    : m_services(services)
    , m_store(std::move(store))
    , m_files(std::move(files))
    , m_limits(limits)
{
}

FileUploads::Caller FileUploads::operatorFor(const QHttpServerRequest &request)
{
    const QString token = bearerToken(request);
    if (token.isEmpty())
        return authFailed();
    const auto session = m_services.operators.findSession(PasswordHasher::tokenHash(token));
    if (!session)
        return authFailed();
    const auto info = m_services.fanout.operatorInfo(session->operatorId);
    if (!info)
        return authFailed();
    return *info;
}

std::optional<Refusal> FileUploads::checkBody(const QByteArray &body, qint64 maxBytes) const
{
    if (body.isEmpty())
        return badRequest(u"The request body must hold the file"_s);
    if (body.size() > maxBytes)
        return Refusal{ErrorCode::TooLarge, u"The file is larger than %1 bytes"_s.arg(maxBytes), {}};
    return std::nullopt;
}

void FileUploads::addRoutes(QHttpServer &server)
{
    // Handlers take the responder so the answer is written before the events it causes.
    server.route(u"/v1/operator/files"_s, Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     uploadFromOperator(request, std::move(responder));
                 });
    server.route(u"/v1/visitor/files"_s, Method::Post,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     uploadFromVisitor(request, std::move(responder));
                 });
    server.route(u"/v1/visitor/files"_s, Method::Options, [] { return preflight(); });
    server.route(u"/v1/files/<arg>"_s, Method::Get, [this](const QString &token, QHttpServerResponder &&responder) {
        download(token, std::move(responder));
    });
    server.route(u"/v1/operator/avatar"_s, Method::Post | Method::Delete,
                 [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     changeAvatar(request, std::move(responder));
                 });
}

AttachFile FileUploads::attachment(const QByteArray &body, const QString &name, const SniffedType &type,
                                   qint64 operatorId, qint64 visitorId, std::optional<QString> *createdBlob)
{
    return [this, &body, name, type, operatorId, visitorId,
            createdBlob](Message &message, const protocol::Dialog &dialog) -> std::optional<qint64> {
        const auto blob = m_store.store(body);
        if (!blob)
            return std::nullopt;
        if (blob->created)
            *createdBlob = blob->sha256;
        const auto record =
            m_files.insert({blob->sha256, name, body.size(), type, operatorId, visitorId, dialog.id});
        if (!record)
            return std::nullopt;
        message.file = record->ref;
        return record->id;
    };
}

void FileUploads::finish(QHttpServerResponder &&responder, const PostOutcome &outcome,
                         const std::optional<QString> &createdBlob)
{
    if (const auto *refusal = std::get_if<Refusal>(&outcome)) {
        // Nothing was stored: a blob this upload wrote belongs to no row.
        if (createdBlob)
            m_store.discard(*createdBlob);
        answer(std::move(responder), refusalResponse(*refusal));
        return;
    }
    const Posted &posted = std::get<Posted>(outcome);
    answer(std::move(responder), QHttpServerResponse(posted.resultData()));
    m_services.posting.announce(posted);
    if (!posted.retry && !posted.byVisitor)
        m_services.offlineReplies.messageStored(posted.message, posted.dialog);
}

std::optional<Refusal> FileUploads::refusedExecutable(const SniffedType &type) const
{
    if (m_limits.refuseExecutables && type.executable)
        return Refusal{ErrorCode::Forbidden, u"Programs and scripts may not be sent here"_s, {}};
    return std::nullopt;
}

std::optional<Refusal> FileUploads::refusedForSpace(qint64 bytes) const
{
    // A full disk breaks far more than uploads (the database, the log): keep a margin. The same
    // content stored before would need no room, but the check is kept simple and on the safe side.
    const qint64 free = m_store.bytesFree();
    if (free >= 0 && free - bytes < m_limits.minFreeDiskBytes)
        return Refusal{ErrorCode::Unavailable, u"The server is short of disk space"_s, {}};
    return std::nullopt;
}

void FileUploads::uploadFromOperator(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Caller caller = operatorFor(request);
    if (const auto *refusal = std::get_if<Refusal>(&caller))
        return answer(std::move(responder), refusalResponse(*refusal));
    const protocol::OperatorInfo &me = std::get<protocol::OperatorInfo>(caller);
    const QUrlQuery query = request.query();
    const auto fields = uploadFields(query);
    if (const auto *refusal = std::get_if<Refusal>(&fields))
        return answer(std::move(responder), refusalResponse(*refusal));
    const auto dialogId = idField(query, u"dialogId"_s, false);
    if (!dialogId)
        return answer(std::move(responder),
                      refusalResponse(badRequest(u"\"dialogId\" must be a positive integer"_s)));
    const QByteArray body = request.body();
    if (const auto refusal = checkBody(body, m_limits.maxFileBytes))
        return answer(std::move(responder), refusalResponse(*refusal));
    const auto &[cid, name] = std::get<UploadFields>(fields);
    const SniffedType type = fileSniffer::sniff(body, name);
    if (const auto refusal = refusedExecutable(type))
        return answer(std::move(responder), refusalResponse(*refusal));
    if (const auto refusal = refusedForSpace(body.size()))
        return answer(std::move(responder), refusalResponse(*refusal));
    Message line;
    line.cid = cid;
    std::optional<QString> createdBlob;
    const PostOutcome outcome = m_services.posting.fromOperator(
        me, *dialogId, line, attachment(body, name, type, me.id, 0, &createdBlob));
    finish(std::move(responder), outcome, createdBlob);
}

void FileUploads::uploadFromVisitor(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QString token = bearerToken(request);
    const auto visitorId =
        token.isEmpty() ? std::nullopt : m_services.visitors.findByToken(PasswordHasher::tokenHash(token));
    if (!visitorId)
        return answer(std::move(responder), refusalResponse(authFailed()));
    // As for the socket's message.send: a ban on the visitor or on this address.
    if (m_services.moderation.banInForce(*visitorId, request.remoteAddress().toString()))
        return answer(std::move(responder),
                      refusalResponse({ErrorCode::Forbidden, u"Chat is not available"_s, {}}));
    const QUrlQuery query = request.query();
    const auto fields = uploadFields(query);
    if (const auto *refusal = std::get_if<Refusal>(&fields))
        return answer(std::move(responder), refusalResponse(*refusal));
    const auto departmentId = idField(query, u"departmentId"_s, true);
    if (!departmentId || (*departmentId > 0 && !m_services.operators.department(*departmentId)))
        return answer(std::move(responder), refusalResponse(badRequest(u"No such department"_s)));
    const QByteArray body = request.body();
    if (const auto refusal = checkBody(body, m_limits.maxFileBytes))
        return answer(std::move(responder), refusalResponse(*refusal));
    const auto &[cid, name] = std::get<UploadFields>(fields);
    const SniffedType type = fileSniffer::sniff(body, name);
    if (const auto refusal = refusedExecutable(type))
        return answer(std::move(responder), refusalResponse(*refusal));
    if (const auto refusal = refusedForSpace(body.size()))
        return answer(std::move(responder), refusalResponse(*refusal));
    Message line;
    line.cid = cid;
    std::optional<QString> createdBlob;
    const PostOutcome outcome =
        m_services.posting.fromVisitor(*visitorId, line, *departmentId,
                                       attachment(body, name, type, 0, *visitorId, &createdBlob), body.size());
    finish(std::move(responder), outcome, createdBlob);
}

void FileUploads::download(const QString &token, QHttpServerResponder &&responder)
{
    static const QRegularExpression tokenPattern(u"^[0-9a-f]{32}$"_s);
    const auto record = tokenPattern.match(token).hasMatch() ? m_files.findByToken(token) : std::nullopt;
    std::unique_ptr<QFile> blob = record ? m_store.open(record->sha256) : nullptr;
    if (!blob)
        return answer(std::move(responder), refusalResponse({ErrorCode::NotFound, u"No such file"_s, {}}));
    // Streamed from the file in chunks as the socket drains (Content-Length from the file's size):
    // a download never holds the whole file in memory. The responder owns the file from here.
    const QByteArray type = downloadHeaders::contentType(record->ref.mime, record->ref.image);
    const QByteArray disposition = downloadHeaders::contentDisposition(record->ref.name);
    responder.write(blob.release(),
                    {{"Content-Type", type},
                     {"Content-Disposition", disposition},
                     {"X-Content-Type-Options", "nosniff"},
                     {"Content-Security-Policy", "sandbox"},
                     {"Cache-Control", "private, max-age=31536000, immutable"},
                     {kAllowAnyOrigin[0].first, kAllowAnyOrigin[0].second},
                     {kAllowAnyOrigin[1].first, kAllowAnyOrigin[1].second}},
                    StatusCode::Ok);
}

void FileUploads::changeAvatar(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const Caller caller = operatorFor(request);
    if (const auto *refusal = std::get_if<Refusal>(&caller))
        return answer(std::move(responder), refusalResponse(*refusal));
    const qint64 operatorId = std::get<protocol::OperatorInfo>(caller).id;
    qint64 fileId = 0; // DELETE clears
    if (request.method() == Method::Post) {
        const QByteArray body = request.body();
        if (const auto refusal = checkBody(body, kMaxAvatarBytes))
            return answer(std::move(responder), refusalResponse(*refusal));
        const SniffedType type = fileSniffer::sniff(body, u"avatar"_s);
        if (!type.image)
            return answer(std::move(responder),
                          refusalResponse(badRequest(u"An avatar must be a PNG, JPEG, GIF or WebP image"_s)));
        if (const auto refusal = refusedForSpace(body.size()))
            return answer(std::move(responder), refusalResponse(*refusal));
        // The `files` row and the operator's avatar land together or not at all (one connection, one
        // transaction); when they do not, a blob this upload wrote new belongs to nothing and goes,
        // as in finish().
        const auto blob = m_store.store(body);
        const bool stored = blob && m_services.dialogs.transaction();
        const auto record =
            stored ? m_files.insert({blob->sha256, u"avatar"_s, body.size(), type, operatorId, 0, 0})
                   : std::nullopt;
        if (!record || !m_services.operators.setAvatar(operatorId, record->id) || !m_services.dialogs.commit()) {
            if (stored)
                m_services.dialogs.rollback();
            if (blob && blob->created)
                m_store.discard(blob->sha256);
            return answer(std::move(responder),
                          refusalResponse({ErrorCode::Internal, u"Cannot store the avatar"_s, {}}));
        }
        fileId = record->id;
    } else if (!m_services.operators.setAvatar(operatorId, fileId)) {
        return answer(std::move(responder),
                      refusalResponse({ErrorCode::Internal, u"Cannot store the avatar"_s, {}}));
    }
    const auto info = m_services.fanout.operatorInfo(operatorId);
    answer(std::move(responder),
           QHttpServerResponse(QJsonObject{{u"operator"_s, info ? info->toJson() : QJsonObject()}}));
    m_services.fanout.operatorChanged(operatorId);
    m_services.fanout.operatorLookChanged(operatorId, m_services.dialogs.openDialogs());
}

} // namespace concierge::server
