// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace concierge::server {

/// A rough browser/OS guess from a User-Agent string ("Chrome 120", "Windows"), for the
/// operator's visitor card. Unknown parts stay empty.
class UserAgentParser
{
public:
    struct Result
    {
        QString browser;
        QString os;
    };
    static Result parse(const QString &userAgent);
};

} // namespace concierge::server
