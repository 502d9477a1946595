// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace concierge::protocol {

/// The typed error codes of docs/protocol.md ("Requests, results and errors").
enum class ErrorCode {
    BadFrame,
    BadRequest,
    UnsupportedVersion,
    NotAuthenticated,
    AuthFailed,
    RateLimited,
    NotFound,
    Forbidden,
    TooLong,
    Unavailable, ///< the transfer target is not online (any more)
    Internal,
    Unknown, ///< a code this build does not know (a newer server); treat as a generic failure
};

QString errorCodeToString(ErrorCode code);
ErrorCode errorCodeFromString(const QString &text);

} // namespace concierge::protocol
