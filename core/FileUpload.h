// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Message.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace concierge {

/// One file on its way to the server (POST /v1/operator/files). Made by FileTransfer::sendFile();
/// ends with exactly one of finished(), failed() or cancelled(), then deletes itself (later), so
/// hold it in a QPointer. A refusal decided before anything is sent (too large, empty, not
/// connected) is reported the same way, from the event loop, so connecting after the call is safe.
class FileUpload : public QObject
{
    Q_OBJECT
public:
    FileUpload(qint64 dialogId, const QString &cid, const QString &name, qint64 size, QObject *parent);

    qint64 dialogId() const { return m_dialogId; }
    QString cid() const { return m_cid; }
    QString name() const { return m_name; }
    qint64 size() const { return m_size; }
    bool isDone() const { return m_done; }
    /// Refused before anything was sent (failed() follows from the event loop).
    bool wasRefused() const { return m_refused; }
    /// Stops sending; nothing is stored (the server keeps a message only for a complete body).
    void cancel();

    /// FileTransfer's side: the request carrying the file, or a refusal before any request.
    void attach(QNetworkReply *reply);
    void refuse(protocol::ErrorCode code, const QString &text);

Q_SIGNALS:
    void progress(qint64 bytesSent, qint64 bytesTotal);
    /// The server stored it: the message is already in the session's models.
    void finished(const concierge::protocol::Message &message);
    void failed(concierge::protocol::ErrorCode code, const QString &text);
    void cancelled();

private:
    void onReplyFinished();
    void end();

    qint64 m_dialogId;
    QString m_cid;
    QString m_name;
    qint64 m_size;
    bool m_done = false;
    bool m_cancelled = false;
    bool m_refused = false;
    QPointer<QNetworkReply> m_reply;
};

} // namespace concierge
