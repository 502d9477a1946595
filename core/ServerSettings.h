// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace concierge {

/// The server's settings that change what the app shows (hello result "settings").
struct ServerSettings
{
    /// The server assigns waiting dialogs itself; unassigned ones sit in the common queue.
    bool autoAssign = true;
    /// Plain operators neither see nor get other operators' dialogs (supervisors always do).
    bool hideOthersDialogs = false;

    friend bool operator==(const ServerSettings &, const ServerSettings &) = default;
};

} // namespace concierge
