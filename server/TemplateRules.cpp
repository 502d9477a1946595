// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateRules.h"

namespace concierge::server::templaterules {

using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::OperatorInfo;
using protocol::Template;
using protocol::TemplateScope;

bool canSee(const OperatorInfo &viewer, const Template &item)
{
    if (item.scope == TemplateScope::Personal)
        return item.ownerId == viewer.id;
    return viewer.supervises() || item.departmentId == 0 || viewer.departmentIds.contains(item.departmentId);
}

std::optional<Refusal> tidyAndCheck(Template &item)
{
    item.title = item.title.trimmed();
    if (item.title.isEmpty())
        return Refusal{ErrorCode::BadRequest, u"The title must not be empty"_s, {}};
    if (item.title.size() > kMaxTitleChars)
        return Refusal{
            ErrorCode::BadRequest, u"The title must be at most %1 characters"_s.arg(kMaxTitleChars), {}};
    if (item.text.trimmed().isEmpty())
        return Refusal{ErrorCode::BadRequest, u"The text must not be empty"_s, {}};
    if (item.text.size() > kMaxTextChars)
        return Refusal{
            ErrorCode::TooLong, u"The text must be at most %1 characters"_s.arg(kMaxTextChars), {}};
    QStringList tags;
    for (const QString &tag : std::as_const(item.tags)) {
        const QString trimmed = tag.trimmed();
        if (trimmed.isEmpty() || trimmed.size() > kMaxTagChars)
            return Refusal{
                ErrorCode::BadRequest, u"Each tag must be 1 to %1 characters"_s.arg(kMaxTagChars), {}};
        if (!tags.contains(trimmed, Qt::CaseInsensitive))
            tags.append(trimmed);
    }
    if (tags.size() > kMaxTags)
        return Refusal{ErrorCode::BadRequest, u"At most %1 tags"_s.arg(kMaxTags), {}};
    item.tags = tags;
    return std::nullopt;
}

Refusal duplicateTitle()
{
    return {ErrorCode::BadRequest, u"A template with this title already exists"_s, {}};
}

} // namespace concierge::server::templaterules
