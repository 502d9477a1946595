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
    TooLarge,    ///< an uploaded file over the server's size limit (HTTP 413)
    Unavailable, ///< the target is not there now (an operator or visitor who left, mail off or refused)
    Internal,
    Unknown, ///< a code this build does not know (a newer server); treat as a generic failure
};

QString errorCodeToString(ErrorCode code);
ErrorCode errorCodeFromString(const QString &text);

} // namespace concierge::protocol
