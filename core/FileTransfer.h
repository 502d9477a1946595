// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QObject>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace concierge {

class FileDownload;
class FileUpload;
class OperatorSession;

/// Files over HTTP for one operator session (docs/protocol.md, "Files" and "Operator profile"):
/// uploads as messages, downloads to disk, raw bytes for thumbnails and avatars, the avatar itself.
/// Owned by the OperatorSession, which supplies the server address and the session token.
/// Lives on the GUI thread; everything is asynchronous.
class FileTransfer : public QObject
{
    Q_OBJECT
public:
    /// The server's own limit for avatars (docs/protocol.md, "Operator profile").
    static constexpr qint64 kMaxAvatarBytes = 1024 * 1024;

    explicit FileTransfer(OperatorSession *session);

    /// Sends the file at \a path into the dialog as a message (a fresh cid). Files over the
    /// server's maxFileBytes, empty or unreadable ones are refused before anything is sent.
    /// The stored message goes into the session's models like any received one.
    FileUpload *sendFile(qint64 dialogId, const QString &path);
    /// The same for bytes in memory (a pasted image), under the file name \a name.
    FileUpload *sendData(qint64 dialogId, const QString &name, const QByteArray &bytes);

    /// Downloads \a file to \a destinationPath (atomically, through QSaveFile). Never opens it.
    FileDownload *saveFile(const protocol::FileRef &file, const QString &destinationPath);

    /// Fetches a server file's bytes into memory (thumbnails, avatars): answered by fetched() or
    /// fetchFailed() with the same \a url. Larger than \a maxBytes: fetchFailed(TooLarge).
    void fetch(const QString &url, qint64 maxBytes = 16 * 1024 * 1024);

    /// POST /v1/operator/avatar with the image at \a path (PNG, JPEG, GIF or WebP, ≤ 1 MiB; the
    /// server checks the content). Success: avatarChanged() with my new Operator (self() is
    /// updated first); failure: avatarFailed(). Over 1 MiB is refused before sending (TooLarge).
    void uploadAvatar(const QString &path);
    void uploadAvatarData(const QByteArray &bytes);
    /// DELETE /v1/operator/avatar: avatarChanged() with an empty avatarUrl, or avatarFailed().
    void clearAvatar();

    /// An absolute address for a server-relative one ("/v1/files/…"); empty before any login.
    QUrl resolve(const QString &serverRelativeUrl) const;
    /// "2.4 MB", in the app's locale.
    static QString sizeText(qint64 bytes);
    /// The error of a finished request: the server's {"code","message"} body, else the HTTP
    /// status, else the network failure ("could not reach the server").
    static std::pair<protocol::ErrorCode, QString> errorOf(QNetworkReply *reply, const QByteArray &body);

Q_SIGNALS:
    /// Every upload, whoever started it (the attach button, a drop, a paste): for a progress bar.
    void uploadStarted(concierge::FileUpload *upload);
    /// An upload the server stored; the session applies it to its models.
    void messageUploaded(const concierge::protocol::Message &message);
    void fetched(const QString &url, const QByteArray &bytes);
    void fetchFailed(const QString &url, concierge::protocol::ErrorCode code, const QString &text);
    void avatarChanged(const concierge::protocol::OperatorInfo &self);
    void avatarFailed(concierge::protocol::ErrorCode code, const QString &text);

private:
    QNetworkRequest request(const QString &pathAndQuery) const;
    FileUpload *startUpload(qint64 dialogId, const QString &name, qint64 size);
    void postUpload(FileUpload *upload, const QNetworkRequest &request, QIODevice *body,
                    const QByteArray &bytes);
    void onAvatarReply(QNetworkReply *reply);
    bool refuseAvatar(qint64 size);

    OperatorSession *m_session;
    QNetworkAccessManager *m_network;
};

} // namespace concierge
