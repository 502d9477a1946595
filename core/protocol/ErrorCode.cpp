// SPDX-License-Identifier: GPL-3.0-or-later
#include "ErrorCode.h"

#include <array>
#include <utility>

namespace concierge::protocol {

namespace {
using namespace Qt::StringLiterals;

constexpr std::array kNames = {
    std::pair{ErrorCode::BadFrame, u"bad_frame"},
    std::pair{ErrorCode::BadRequest, u"bad_request"},
    std::pair{ErrorCode::UnsupportedVersion, u"unsupported_version"},
    std::pair{ErrorCode::NotAuthenticated, u"not_authenticated"},
    std::pair{ErrorCode::AuthFailed, u"auth_failed"},
    std::pair{ErrorCode::RateLimited, u"rate_limited"},
    std::pair{ErrorCode::NotFound, u"not_found"},
    std::pair{ErrorCode::Forbidden, u"forbidden"},
    std::pair{ErrorCode::TooLong, u"too_long"},
    std::pair{ErrorCode::TooLarge, u"too_large"},
    std::pair{ErrorCode::Unavailable, u"unavailable"},
    std::pair{ErrorCode::Internal, u"internal"},
};
} // namespace

QString errorCodeToString(ErrorCode code)
{
    for (const auto &[value, name] : kNames) {
        if (value == code)
            return QString::fromUtf16(name);
    }
    return u"unknown"_s;
}

ErrorCode errorCodeFromString(const QString &text)
{
    for (const auto &[value, name] : kNames) {
        if (text == QStringView(name))
            return value;
    }
    return ErrorCode::Unknown;
}

} // namespace concierge::protocol
