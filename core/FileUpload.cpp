// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileUpload.h"

#include "FileTransfer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTimer>

namespace concierge {

using namespace Qt::StringLiterals;

FileUpload::FileUpload(qint64 dialogId, const QString &cid, const QString &name, qint64 size, QObject *parent)
    : QObject(parent)
    , m_dialogId(dialogId)
    , m_cid(cid)
    , m_name(name)
    , m_size(size)
{
}

void FileUpload::attach(QNetworkReply *reply)
{
    m_reply = reply;
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (!m_done)
            Q_EMIT progress(sent, total > 0 ? total : m_size);
    });
    connect(reply, &QNetworkReply::finished, this, &FileUpload::onReplyFinished);
}

void FileUpload::refuse(protocol::ErrorCode code, const QString &text)
{
    m_refused = true;
    // Queued: the caller has not connected to us yet.
    QTimer::singleShot(0, this, [this, code, text] {
        if (m_done)
            return;
        Q_EMIT failed(code, text);
        end();
    });
}

void FileUpload::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finishes the reply: onReplyFinished() reports the cancel
        return;
    }
    Q_EMIT cancelled();
    end();
}

void FileUpload::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    reply->deleteLater();
    if (m_cancelled) {
        Q_EMIT cancelled();
        end();
        return;
    }
    const QByteArray body = reply->readAll();
    if (reply->error() == QNetworkReply::NoError) {
        const auto message =
            protocol::Message::fromJson(QJsonDocument::fromJson(body).object().value(u"message").toObject());
        if (message.id > 0 && !message.file.isEmpty()) {
            Q_EMIT progress(m_size, m_size);
            if (auto *transfer = qobject_cast<FileTransfer *>(parent()))
                Q_EMIT transfer->messageUploaded(message);
            Q_EMIT finished(message);
            end();
            return;
        }
        Q_EMIT failed(protocol::ErrorCode::Internal, tr("The server's answer was not understood."));
        end();
        return;
    }
    const auto [code, text] = FileTransfer::errorOf(reply, body);
    Q_EMIT failed(code, text);
    end();
}

void FileUpload::end()
{
    m_done = true;
    deleteLater();
}

} // namespace concierge
