// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace concierge::ui {

/// Names of the languages operators speak ("ru" → "Russian"), in the app's own language. Qt only
/// knows English and native names, so the common ones are translated here; others fall back to
/// Qt's English name.
class LanguageNames
{
    Q_DECLARE_TR_FUNCTIONS(LanguageNames)
public:
    static QString name(const QString &code);
    /// "Russian (ru)"
    static QString nameWithCode(const QString &code);
};

} // namespace concierge::ui
