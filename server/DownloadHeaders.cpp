// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadHeaders.h"

#include <QUrl>

namespace concierge::server::downloadHeaders {

using namespace Qt::StringLiterals;

QByteArray contentDisposition(const QString &name)
{
    QByteArray fallback;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u >= 0x7f || u == u'"' || u == u'\\')
            fallback.append('_');
        else
            fallback.append(static_cast<char>(u));
    }
    if (fallback.isEmpty())
        fallback = "file";
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + QUrl::toPercentEncoding(name);
}

QByteArray contentType(const QString &mime, bool image)
{
    if (image || mime == u"application/pdf")
        return mime.toLatin1();
    if (mime == u"text/plain")
        return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

} // namespace concierge::server::downloadHeaders
