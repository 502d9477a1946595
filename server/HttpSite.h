// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QHttpServer;

namespace concierge::server {

/// The plain-HTTP side of the port: /widget.js, /demo/… (from the share folder) and /healthz.
class HttpSite
{
public:
    explicit HttpSite(QString shareDir);
    void addRoutes(QHttpServer &server) const;

private:
    QString m_shareDir;
};

} // namespace concierge::server
