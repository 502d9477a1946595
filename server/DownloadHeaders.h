// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace concierge::server::downloadHeaders {

/// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266): old
/// clients get a harmless ASCII name, current ones the real one; quotes and controls cannot break out.
QByteArray contentDisposition(const QString &name);
/// What a download is served as: the sniffed type for images, PDF and plain text; anything else
/// (HTML, SVG, scripts, unknown) as application/octet-stream, so no upload renders as a page.
QByteArray contentType(const QString &mime, bool image);

} // namespace concierge::server::downloadHeaders
