// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileDownload.h"

#include "FileTransfer.h"

#include <QNetworkReply>
#include <QSaveFile>
#include <QTimer>

namespace concierge {

FileDownload::FileDownload(const QString &destinationPath, QObject *parent)
    : QObject(parent)
    , m_path(destinationPath)
{
}

FileDownload::~FileDownload() = default;

void FileDownload::attach(QNetworkReply *reply)
{
    m_reply = reply;
    m_file = std::make_unique<QSaveFile>(m_path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString reason = m_file->errorString();
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
        refuse(protocol::ErrorCode::Unknown, tr("%1 could not be written: %2").arg(m_path, reason));
        return;
    }
    connect(reply, &QNetworkReply::downloadProgress, this, &FileDownload::progress);
    connect(reply, &QNetworkReply::readyRead, this, &FileDownload::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &FileDownload::onReplyFinished);
}

void FileDownload::refuse(protocol::ErrorCode code, const QString &text)
{
    QTimer::singleShot(0, this, [this, code, text] {
        if (m_done)
            return;
        Q_EMIT failed(code, text);
        end();
    });
}

void FileDownload::cancel()
{
    if (m_done)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort();
        return;
    }
    Q_EMIT cancelled();
    end();
}

void FileDownload::onReadyRead()
{
    // An error answer's JSON body is not the file: keep it for errorOf() instead.
    if (!m_reply || m_writeFailed ||
        m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300)
        return;
    const QByteArray chunk = m_reply->readAll();
    if (m_file->write(chunk) != chunk.size()) {
        m_writeFailed = true;
        m_reply->abort();
    }
}

void FileDownload::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    reply->deleteLater();
    if (m_cancelled) {
        m_file->cancelWriting();
        Q_EMIT cancelled();
        end();
        return;
    }
    if (m_writeFailed) {
        const QString reason = m_file->errorString();
        m_file->cancelWriting();
        Q_EMIT failed(protocol::ErrorCode::Unknown, tr("%1 could not be written: %2").arg(m_path, reason));
        end();
        return;
    }
    if (reply->error() != QNetworkReply::NoError) {
        m_file->cancelWriting();
        const auto [code, text] = FileTransfer::errorOf(reply, reply->readAll());
        Q_EMIT failed(code, text);
        end();
        return;
    }
    onReadyRead();
    if (!m_file->commit()) {
        Q_EMIT failed(protocol::ErrorCode::Unknown,
                      tr("%1 could not be written: %2").arg(m_path, m_file->errorString()));
        end();
        return;
    }
    Q_EMIT finished(m_path);
    end();
}

void FileDownload::end()
{
    m_done = true;
    deleteLater();
}

} // namespace concierge
