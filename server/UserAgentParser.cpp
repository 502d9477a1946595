// SPDX-License-Identifier: GPL-3.0-or-later
#include "UserAgentParser.h"

#include <QRegularExpression>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

/// "Name <major>" when \a pattern (one capture: the major version) matches.
QString versioned(const QString &userAgent, const QString &name, const QString &pattern)
{
    const QRegularExpression expression(pattern);
    const QRegularExpressionMatch match = expression.match(userAgent);
    return match.hasMatch() ? name + u' ' + match.captured(1) : QString();
}

} // namespace

UserAgentParser::Result UserAgentParser::parse(const QString &userAgent)
{
    Result result;
    // Order matters: Edge and Chrome both say "Safari"; Edge also says "Chrome".
    for (const auto &[name, pattern] :
         {std::pair{u"Edge"_s, u"Edg(?:e|A|iOS)?/(\\d+)"_s}, std::pair{u"Firefox"_s, u"(?:Firefox|FxiOS)/(\\d+)"_s},
          std::pair{u"Chrome"_s, u"(?:Chrome|CriOS)/(\\d+)"_s},
          std::pair{u"Safari"_s, u"Version/(\\d+)[.\\d]* (?:Mobile/\\S+ )?Safari/"_s}}) {
        result.browser = versioned(userAgent, name, pattern);
        if (!result.browser.isEmpty())
            break;
    }
    if (userAgent.contains(u"Windows"))
        result.os = u"Windows"_s;
    else if (userAgent.contains(u"Android"))
        result.os = u"Android"_s;
    else if (userAgent.contains(u"iPhone") || userAgent.contains(u"iPad") || userAgent.contains(u"iPod"))
        result.os = u"iOS"_s;
    else if (userAgent.contains(u"Mac OS X") || userAgent.contains(u"Macintosh"))
        result.os = u"macOS"_s;
    else if (userAgent.contains(u"Linux") || userAgent.contains(u"X11"))
        result.os = u"Linux"_s;
    return result;
}

} // namespace concierge::server
