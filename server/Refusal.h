// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QJsonObject>
#include <QString>

namespace concierge::server {

/// A request turned down: the protocol error it is answered with, over the socket (`error` frame)
/// or over HTTP (status and `{"code","message"}` body). \a extra carries e.g. `retryAfter`.
struct Refusal
{
    protocol::ErrorCode code = protocol::ErrorCode::Internal;
    QString message;
    QJsonObject extra;
};

} // namespace concierge::server
