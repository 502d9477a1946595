// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProtocolVersion.h"

#include <QStringList>

namespace concierge::protocol {

std::optional<ProtocolVersion> ProtocolVersion::parse(const QString &text)
{
    const QStringList parts = text.split(u'.');
    if (parts.size() != 2)
        return std::nullopt;
    bool okMajor = false;
    bool okMinor = false;
    const int major = parts[0].toInt(&okMajor);
    const int minor = parts[1].toInt(&okMinor);
    if (!okMajor || !okMinor || major < 0 || minor < 0)
        return std::nullopt;
    return ProtocolVersion{major, minor};
}

QString ProtocolVersion::toString() const
{
    return QString::number(major) + u'.' + QString::number(minor);
}

} // namespace concierge::protocol
