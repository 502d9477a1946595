// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace concierge::protocol {

/// Largest text frame either side accepts (1 MiB of UTF-8). Bigger frames close the socket with 1009.
inline constexpr qsizetype kMaxFrameBytes = 1024 * 1024;
/// Longest message text accepted from a visitor or an operator.
inline constexpr qsizetype kMaxMessageChars = 10000;

/// Close codes of our own (4000–4999 is the range RFC 6455 leaves to applications).
inline constexpr quint16 kCloseUnsupportedVersion = 4001;
inline constexpr quint16 kCloseAuthFailed = 4003;

struct ProtocolVersion
{
    int major = 1;
    int minor = 0;

    static ProtocolVersion current() { return {1, 5}; }
    /// Parses "MAJOR.MINOR"; nullopt for anything else.
    static std::optional<ProtocolVersion> parse(const QString &text);
    QString toString() const;
    /// A peer is compatible when the major versions match; minors only add optional things.
    bool isCompatibleWith(const ProtocolVersion &other) const { return major == other.major; }
};

} // namespace concierge::protocol
