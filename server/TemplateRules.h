// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Refusal.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"

#include <optional>

namespace concierge::server::templaterules {

constexpr qsizetype kMaxTitleChars = 200;
constexpr qsizetype kMaxTextChars = 10000; ///< as for messages
constexpr qsizetype kMaxTags = 20;
constexpr qsizetype kMaxTagChars = 50;

/// docs/protocol.md "Templates": shared ones for everyone or for the viewer's departments (all of
/// them for supervisors and admins); a personal one only for its owner, admins included.
bool canSee(const protocol::OperatorInfo &viewer, const protocol::Template &item);

/// Trims the title and the tags of \a item in place (dropping repeated tags), then checks them and
/// the text: an empty or too long title or tag, too many tags: bad_request; an empty text:
/// bad_request; a text over 10,000 characters: too_long. The refusal's message says which.
std::optional<Refusal> tidyAndCheck(protocol::Template &item);

/// The refusal for a title already used in the same library.
Refusal duplicateTitle();

} // namespace concierge::server::templaterules
