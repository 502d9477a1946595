// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

/// One HTTP exchange with the server under test (uploads, downloads), waited for with a bounded
/// event loop so tests read top to bottom. `status` 0 means no answer (refused connection, timeout).
struct HttpReply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const; ///< case-insensitive; "" when absent
    QJsonObject json() const;                        ///< the body as a JSON object; {} if it is not one
    QString code() const { return json().value(QStringLiteral("code")).toString(); }
};

namespace http {

/// \a verb ("GET", "POST", "DELETE") on \a url with \a body; `Authorization: Bearer <bearer>` unless empty.
HttpReply send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
               const QString &bearer = {}, int timeoutMs = 30000);
/// \a base with \a path and \a query ("http://127.0.0.1:PORT" + "/v1/visitor/files?cid=…").
QUrl url(const QUrl &base, const QString &path, const QUrlQuery &query = {});

} // namespace http
