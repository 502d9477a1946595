// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QString>

namespace concierge::server {

/// What an uploaded file is, judged from its bytes (docs/protocol.md "Files"). The name only breaks
/// a tie when the content says nothing more than "binary" or "text", and never makes a file an image
/// or a page: a browser must not be talked into rendering an upload.
struct SniffedType
{
    QString mime;
    bool image = false;      ///< PNG, JPEG, GIF or WebP by content
    bool executable = false; ///< a program by magic bytes, a #! script, or a program's file name
};

namespace fileSniffer {

SniffedType sniff(QByteArrayView content, const QString &name);
/// Names that Windows, macOS or Linux would run or install (".exe", "invoice.pdf.exe", "run.sh").
bool hasExecutableName(const QString &name);
/// The name as shown to people: the last path segment, without control or bidi-override characters
/// (which can make "evil\u202Efdp.exe" read as "evilexe.pdf"), trimmed. Empty when nothing is left.
QString cleanName(const QString &name);

} // namespace fileSniffer
} // namespace concierge::server
