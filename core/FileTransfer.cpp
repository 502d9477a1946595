// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileTransfer.h"

#include "FileDownload.h"
#include "FileUpload.h"
#include "OperatorSession.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>
#include <QUuid>

namespace concierge {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;

namespace {

// A stalled link gives up after this long without a byte moving (not a limit on big files).
constexpr int kTransferTimeoutMs = 60000;

} // namespace

FileTransfer::FileTransfer(OperatorSession *session)
    : QObject(session)
    , m_session(session)
    , m_network(new QNetworkAccessManager(this))
{
    qRegisterMetaType<FileUpload *>(); // uploadStarted() through queued connections and QSignalSpy
}

QUrl FileTransfer::resolve(const QString &serverRelativeUrl) const
{
    const QUrl base = m_session->httpBaseUrl();
    if (base.isEmpty())
        return {};
    return base.resolved(QUrl(serverRelativeUrl));
}

QNetworkRequest FileTransfer::request(const QString &pathAndQuery) const
{
    QNetworkRequest request(resolve(pathAndQuery));
    request.setRawHeader("Authorization", "Bearer " + m_session->token().toUtf8());
    // Qt follows redirects by default, to other hosts too, with the same headers: the token must
    // never travel to an address the operator did not log in to. A 3xx is an answer, not a route.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    request.setTransferTimeout(kTransferTimeoutMs);
    return request;
}

QString FileTransfer::sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

std::pair<ErrorCode, QString> FileTransfer::errorOf(QNetworkReply *reply, const QByteArray &body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return {ErrorCode::Unknown, tr("Could not reach the server: %1").arg(reply->errorString())};
    const QJsonObject error = QJsonDocument::fromJson(body).object();
    ErrorCode code = protocol::errorCodeFromString(error.value(u"code").toString());
    if (code == ErrorCode::Unknown) {
        switch (status) {
        case 400:
            code = ErrorCode::BadRequest;
            break;
        case 401:
            code = ErrorCode::AuthFailed;
            break;
        case 403:
            code = ErrorCode::Forbidden;
            break;
        case 404:
            code = ErrorCode::NotFound;
            break;
        case 413:
            code = ErrorCode::TooLarge;
            break;
        case 429:
            code = ErrorCode::RateLimited;
            break;
        default:
            code = ErrorCode::Internal;
            break;
        }
    }
    QString text = error.value(u"message").toString();
    if (text.isEmpty())
        text = tr("The server answered %1.").arg(status);
    return {code, text};
}

FileUpload *FileTransfer::startUpload(qint64 dialogId, const QString &name, qint64 size)
{
    auto *upload =
        new FileUpload(dialogId, QUuid::createUuid().toString(QUuid::WithoutBraces), name, size, this);
    Q_EMIT uploadStarted(upload);
    const qint64 limit = m_session->serverSettings().maxFileBytes;
    if (m_session->token().isEmpty() || m_session->httpBaseUrl().isEmpty())
        upload->refuse(ErrorCode::NotAuthenticated, tr("Not connected to the server"));
    else if (dialogId <= 0)
        upload->refuse(ErrorCode::NotFound, tr("There is no dialog to send the file to."));
    else if (size <= 0)
        upload->refuse(ErrorCode::BadRequest, tr("%1 is empty.").arg(name));
    else if (limit > 0 && size > limit)
        upload->refuse(
            ErrorCode::TooLarge,
            tr("%1 is %2; the server accepts files up to %3.").arg(name, sizeText(size), sizeText(limit)));
    return upload;
}

void FileTransfer::postUpload(FileUpload *upload, const QNetworkRequest &request, QIODevice *body,
                              const QByteArray &bytes)
{
    QNetworkReply *reply = body ? m_network->post(request, body) : m_network->post(request, bytes);
    if (body)
        body->setParent(reply);
    upload->attach(reply);
}

FileUpload *FileTransfer::sendFile(qint64 dialogId, const QString &path)
{
    const QFileInfo info(path);
    FileUpload *upload = startUpload(dialogId, info.fileName(), info.size());
    if (upload->wasRefused())
        return upload;
    auto *file = new QFile(path);
    if (!info.isFile() || !file->open(QIODevice::ReadOnly)) {
        upload->refuse(ErrorCode::Unknown,
                       tr("%1 could not be read: %2").arg(info.fileName(), file->errorString()));
        delete file;
        return upload;
    }
    QUrlQuery query;
    query.addQueryItem(u"dialogId"_s, QString::number(dialogId));
    query.addQueryItem(u"cid"_s, upload->cid());
    query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(info.fileName())));
    QNetworkRequest req = request(u"/v1/operator/files?"_s + query.toString(QUrl::FullyEncoded));
    req.setHeader(QNetworkRequest::ContentLengthHeader, info.size());
    postUpload(upload, req, file, {});
    return upload;
}

FileUpload *FileTransfer::sendData(qint64 dialogId, const QString &name, const QByteArray &bytes)
{
    FileUpload *upload = startUpload(dialogId, name, bytes.size());
    if (upload->wasRefused())
        return upload;
    QUrlQuery query;
    query.addQueryItem(u"dialogId"_s, QString::number(dialogId));
    query.addQueryItem(u"cid"_s, upload->cid());
    query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(name)));
    postUpload(upload, request(u"/v1/operator/files?"_s + query.toString(QUrl::FullyEncoded)), nullptr,
               bytes);
    return upload;
}

FileDownload *FileTransfer::saveFile(const protocol::FileRef &file, const QString &destinationPath)
{
    auto *download = new FileDownload(destinationPath, this);
    const QUrl url = resolve(file.url);
    if (url.isEmpty() || file.url.isEmpty()) {
        download->refuse(ErrorCode::NotAuthenticated, tr("Not connected to the server"));
        return download;
    }
    QNetworkRequest req(url);
    req.setTransferTimeout(kTransferTimeoutMs);
    download->attach(m_network->get(req));
    return download;
}

void FileTransfer::fetch(const QString &url, qint64 maxBytes)
{
    const QUrl address = resolve(url);
    if (address.isEmpty() || url.isEmpty()) {
        QMetaObject::invokeMethod(
            this,
            [this, url] {
                Q_EMIT fetchFailed(url, ErrorCode::NotAuthenticated, tr("Not connected to the server"));
            },
            Qt::QueuedConnection);
        return;
    }
    QNetworkRequest req(address);
    req.setTransferTimeout(kTransferTimeoutMs);
    QNetworkReply *reply = m_network->get(req);
    // Stop early rather than hold a huge body in memory for a thumbnail.
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, maxBytes](qint64 received, qint64) {
        if (received > maxBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, url] {
        reply->deleteLater();
        if (reply->property("tooLarge").toBool()) {
            Q_EMIT fetchFailed(url, ErrorCode::TooLarge, tr("The file is too large to preview."));
            return;
        }
        const QByteArray body = reply->readAll();
        if (reply->error() != QNetworkReply::NoError) {
            const auto [code, text] = errorOf(reply, body);
            Q_EMIT fetchFailed(url, code, text);
            return;
        }
        Q_EMIT fetched(url, body);
    });
}

bool FileTransfer::refuseAvatar(qint64 size)
{
    QString text;
    ErrorCode code = ErrorCode::BadRequest;
    if (m_session->token().isEmpty() || m_session->httpBaseUrl().isEmpty()) {
        code = ErrorCode::NotAuthenticated;
        text = tr("Not connected to the server");
    } else if (size <= 0) {
        text = tr("The picture is empty or could not be read.");
    } else if (size > kMaxAvatarBytes) {
        code = ErrorCode::TooLarge;
        text = tr("The picture is %1; an avatar may be up to %2.")
                   .arg(sizeText(size), sizeText(kMaxAvatarBytes));
    } else {
        return false;
    }
    QMetaObject::invokeMethod(
        this, [this, code, text] { Q_EMIT avatarFailed(code, text); }, Qt::QueuedConnection);
    return true;
}

void FileTransfer::uploadAvatar(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxAvatarBytes) {
        refuseAvatar(file.isOpen() ? file.size() : 0);
        return;
    }
    uploadAvatarData(file.readAll());
}

void FileTransfer::uploadAvatarData(const QByteArray &bytes)
{
    if (refuseAvatar(bytes.size()))
        return;
    onAvatarReply(m_network->post(request(u"/v1/operator/avatar"_s), bytes));
}

void FileTransfer::clearAvatar()
{
    if (refuseAvatar(1))
        return;
    onAvatarReply(m_network->deleteResource(request(u"/v1/operator/avatar"_s)));
}

void FileTransfer::onAvatarReply(QNetworkReply *reply)
{
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        const QByteArray body = reply->readAll();
        // A redirect not followed ends without a network error: it is no picture saved either.
        if (reply->error() != QNetworkReply::NoError
            || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300) {
            const auto [code, text] = errorOf(reply, body);
            Q_EMIT avatarFailed(code, text);
            return;
        }
        const QJsonObject object = QJsonDocument::fromJson(body).object().value(u"operator").toObject();
        Q_EMIT avatarChanged(protocol::OperatorInfo::fromJson(object));
    });
}

} // namespace concierge
