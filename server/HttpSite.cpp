// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpSite.h"

#include <QDir>
#include <QFileInfo>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QUrl>

namespace concierge::server {

using namespace Qt::StringLiterals;
using StatusCode = QHttpServerResponder::StatusCode;

namespace {

QHttpServerResponse notFound()
{
    return QHttpServerResponse("text/plain", "not found\n", StatusCode::NotFound);
}

/// The file under \a root named by \a relative, refusing anything that escapes \a root.
QHttpServerResponse serveFile(const QString &root, const QString &relative)
{
    const QString rootPath = QDir(root).canonicalPath();
    const QString path = QFileInfo(QDir(root).filePath(relative)).canonicalFilePath();
    if (rootPath.isEmpty() || path.isEmpty() || !path.startsWith(rootPath + u'/') || !QFileInfo(path).isFile())
        return notFound();
    return QHttpServerResponse::fromFile(path);
}

} // namespace

HttpSite::HttpSite(QString shareDir)
    : m_shareDir(std::move(shareDir))
{
}

void HttpSite::addRoutes(QHttpServer &server) const
{
    server.route(u"/healthz"_s, [] { return QHttpServerResponse("text/plain", "ok\n"); });
    const QString widgetDir = QDir(m_shareDir).filePath(u"widget"_s);
    server.route(u"/widget.js"_s, [widgetDir] { return serveFile(widgetDir, u"widget.js"_s); });
    const QString demoDir = QDir(m_shareDir).filePath(u"demo"_s);
    server.route(u"/demo/<arg>"_s, [demoDir](const QUrl &rest) {
        const QString relative = rest.path();
        if (relative.isEmpty()) {
            QHttpServerResponse redirect(StatusCode::Found);
            redirect.setHeader("Location", "/demo/index.html");
            return redirect;
        }
        return serveFile(demoDir, relative);
    });
    server.route(u"/demo"_s, [] {
        QHttpServerResponse redirect(StatusCode::Found);
        redirect.setHeader("Location", "/demo/index.html");
        return redirect;
    });
}

} // namespace concierge::server
