// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemplateSearch.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Visitor.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace concierge {

/// A template's text with its variables filled in (docs/protocol.md, "Templates" → Variables).
struct Expansion
{
    QString text;
    QStringList unknown;           ///< names of the variables left as typed, each once, in order
    QList<TextSpan> unknownSpans;  ///< every place they are in `text` (braces included), to flag them
};

/// Fills `{name}` and `{name|fallback}`: an empty or missing value takes the fallback; an empty or
/// missing one without a fallback stays as typed and is listed in `unknown` (the app flags it and
/// never sends it). `{{` and `}}` are literal braces; an unterminated `{`, and braces around
/// something that is not a name (letters, digits, `.`, `_`, `-`), stay as they are.
Expansion expandVariables(const QString &text, const QHash<QString, QString> &values);

/// The values the app can fill for a dialog with `visitor` (null: none): visitor.name, operator.name,
/// site (host of the visitor's current page), page.title, page.url, contact.name/email/phone.
/// Empty ones are left out, so their fallbacks apply.
QHash<QString, QString> variableValues(const protocol::Visitor *visitor, const protocol::OperatorInfo &me);

} // namespace concierge
