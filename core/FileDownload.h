// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkReply;
class QSaveFile;

namespace concierge {

/// One file being saved from the server (GET /v1/files/<token>) into a QSaveFile: the destination
/// appears whole or not at all, and is never opened or run. Ends with finished(), failed() or
/// cancelled(), then deletes itself (later).
class FileDownload : public QObject
{
    Q_OBJECT
public:
    FileDownload(const QString &destinationPath, QObject *parent);
    ~FileDownload() override;

    QString destinationPath() const { return m_path; }
    /// Ended (saved, failed or cancelled); it deletes itself soon after.
    bool isDone() const { return m_done; }
    void cancel();

    /// FileTransfer's side.
    void attach(QNetworkReply *reply);
    void refuse(protocol::ErrorCode code, const QString &text);

Q_SIGNALS:
    void progress(qint64 bytesReceived, qint64 bytesTotal);
    void finished(const QString &destinationPath);
    void failed(concierge::protocol::ErrorCode code, const QString &text);
    void cancelled();

private:
    void onReadyRead();
    void onReplyFinished();
    void end();

    QString m_path;
    std::unique_ptr<QSaveFile> m_file;
    bool m_done = false;
    bool m_cancelled = false;
    bool m_writeFailed = false;
    QPointer<QNetworkReply> m_reply;
};

} // namespace concierge
