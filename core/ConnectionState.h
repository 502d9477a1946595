// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMetaType>

namespace concierge {

/// What the operator sees in the status bar.
enum class ConnectionState {
    Disconnected,   ///< not logged in, or logged out
    Connecting,     ///< socket opening / hello in flight
    Connected,      ///< hello answered; live
    Reconnecting,   ///< link lost; a retry is scheduled (see Connection::secondsUntilRetry)
};

} // namespace concierge
Q_DECLARE_METATYPE(concierge::ConnectionState)
