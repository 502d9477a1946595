// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Visitor.h"

#include <QLatin1String>
#include <QString>
#include <QStringList>

/// Small wordings of a visitor's details shared by the live info pane and the history's visitor card.
namespace concierge::ui::visitortext {

/// The value, or a dash for "not known".
inline QString orDash(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("—") : value;
}

/// "source=…, medium=…" with only the tags the visit had.
inline QString utmText(const protocol::Utm &utm)
{
    QStringList parts;
    const auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + value;
    };
    add("source", utm.source);
    add("medium", utm.medium);
    add("campaign", utm.campaign);
    add("term", utm.term);
    add("content", utm.content);
    return parts.join(QStringLiteral(", "));
}

} // namespace concierge::ui::visitortext
