// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileSniffer.h"

#include <QMimeDatabase>
#include <QStringConverter>
#include <QStringList>

namespace concierge::server::fileSniffer {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kTextProbeBytes = 8192;

bool startsWith(QByteArrayView content, QByteArrayView magic)
{
    return content.size() >= magic.size() && content.first(magic.size()) == magic;
}

/// Image formats browsers render inline; nothing else counts as an image.
QString imageType(QByteArrayView content)
{
    if (startsWith(content, "\x89PNG\r\n\x1a\n"))
        return u"image/png"_s;
    if (startsWith(content, "\xff\xd8\xff"))
        return u"image/jpeg"_s;
    if (startsWith(content, "GIF87a") || startsWith(content, "GIF89a"))
        return u"image/gif"_s;
    if (content.size() >= 12 && startsWith(content, "RIFF") && content.sliced(8, 4) == "WEBP")
        return u"image/webp"_s;
    return {};
}

/// Windows PE, Linux ELF, macOS Mach-O (thin and universal).
QString programType(QByteArrayView content)
{
    if (startsWith(content, "MZ"))
        return u"application/vnd.microsoft.portable-executable"_s;
    if (startsWith(content, "\x7f"
                            "ELF"))
        return u"application/x-executable"_s;
    static const QByteArrayView machO[] = {"\xfe\xed\xfa\xce", "\xfe\xed\xfa\xcf", "\xce\xfa\xed\xfe",
                                           "\xcf\xfa\xed\xfe", "\xca\xfe\xba\xbe"};
    for (const QByteArrayView magic : machO) {
        if (startsWith(content, magic))
            return u"application/x-mach-binary"_s;
    }
    return {};
}

bool isText(QByteArrayView content)
{
    const QByteArrayView probe = content.first(std::min(content.size(), kTextProbeBytes));
    for (const char c : probe) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r' && byte != '\f' && byte != 0x1b)
            return false;
    }
    // Cutting the probe may split a UTF-8 sequence: drop up to three trailing bytes before judging.
    QByteArrayView whole = probe;
    if (probe.size() < content.size()) {
        while (!whole.isEmpty() && (static_cast<unsigned char>(whole.back()) & 0xc0) == 0x80 &&
               probe.size() - whole.size() < 3)
            whole.chop(1);
        if (!whole.isEmpty() && static_cast<unsigned char>(whole.back()) >= 0xc0)
            whole.chop(1);
    }
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(whole);
    Q_UNUSED(decoded);
    return !decoder.hasError();
}

/// Markup a browser would render as a page or a scriptable image, from the first kilobyte of text.
QString markupType(QByteArrayView content)
{
    QByteArray head = content.first(std::min<qsizetype>(content.size(), 1024)).toByteArray().toLower();
    if (head.startsWith("\xef\xbb\xbf"))
        head.remove(0, 3);
    const QByteArray start = head.trimmed();
    if (start.contains("<svg"))
        return u"image/svg+xml"_s;
    static const char *const pageStarts[] = {
        "<!doctype html", "<html", "<head", "<body",  "<script", "<iframe", "<meta", "<style", "<title",
        "<div",           "<a ",   "<img",  "<table", "<h1",     "<p>",     "<br",   "<!--"};
    for (const char *tag : pageStarts) {
        if (start.startsWith(tag))
            return u"text/html"_s;
    }
    if (start.startsWith("<?xml"))
        return u"application/xml"_s;
    return {};
}

QString extensionOf(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(u'.');
    return dot < 0 ? QString() : name.mid(dot + 1).toLower();
}

/// Content said "text": the name may only pick a more precise plain kind of text.
QString textTypeByName(const QString &name)
{
    const QString extension = extensionOf(name);
    if (extension == u"csv")
        return u"text/csv"_s;
    if (extension == u"json")
        return u"application/json"_s;
    if (extension == u"md")
        return u"text/markdown"_s;
    return u"text/plain"_s;
}

/// Content said "binary": the name may name the format, but never one a browser renders.
QString binaryTypeByName(const QString &name)
{
    static const QMimeDatabase database;
    const QString byName = database.mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    const bool rendered = byName.startsWith(u"image/") || byName.startsWith(u"text/") ||
                          byName.contains(u"html") || byName.contains(u"xml") ||
                          byName.contains(u"javascript") || byName == u"application/pdf";
    if (byName.isEmpty() || rendered)
        return u"application/octet-stream"_s;
    return byName;
}

} // namespace

bool hasExecutableName(const QString &name)
{
    static const QStringList extensions{u"exe"_s, u"msi"_s, u"bat"_s, u"cmd"_s, u"com"_s, u"scr"_s,
                                        u"ps1"_s, u"vbs"_s, u"js"_s,  u"jar"_s, u"sh"_s,  u"apk"_s,
                                        u"app"_s, u"dmg"_s, u"deb"_s, u"rpm"_s};
    // Windows ignores trailing dots and spaces: "setup.exe. " still runs.
    QString trimmed = name;
    while (!trimmed.isEmpty() && (trimmed.back() == u'.' || trimmed.back().isSpace()))
        trimmed.chop(1);
    return extensions.contains(extensionOf(trimmed));
}

QString cleanName(const QString &name)
{
    QString last = name.mid(std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\')) + 1);
    QString clean;
    clean.reserve(last.size());
    for (const QChar c : std::as_const(last)) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u < 0xa0);
        const bool bidi =
            (u >= 0x200e && u <= 0x200f) || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069);
        if (!control && !bidi)
            clean.append(c);
    }
    clean = clean.trimmed();
    if (clean == u"." || clean == u"..")
        return {};
    return clean;
}

SniffedType sniff(QByteArrayView content, const QString &name)
{
    SniffedType type;
    type.executable = hasExecutableName(name);
    if (const QString image = imageType(content); !image.isEmpty()) {
        type.mime = image;
        type.image = true;
        return type;
    }
    if (const QString program = programType(content); !program.isEmpty()) {
        type.mime = program;
        type.executable = true;
        return type;
    }
    if (startsWith(content, "%PDF-")) {
        type.mime = u"application/pdf"_s;
        return type;
    }
    if (startsWith(content, "PK\x03\x04") || startsWith(content, "PK\x05\x06")) {
        type.mime = u"application/zip"_s;
        return type;
    }
    if (startsWith(content, "#!")) {
        type.mime = u"text/x-script"_s;
        type.executable = true;
        return type;
    }
    if (!isText(content)) {
        type.mime = binaryTypeByName(name);
        return type;
    }
    const QString markup = markupType(content);
    type.mime = markup.isEmpty() ? textTypeByName(name) : markup;
    return type;
}

} // namespace concierge::server::fileSniffer
