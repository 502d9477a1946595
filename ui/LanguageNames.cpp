// SPDX-License-Identifier: GPL-3.0-or-later
#include "LanguageNames.h"

#include <QLocale>

namespace concierge::ui {

QString LanguageNames::name(const QString &code)
{
    const QString lower = code.toLower();
    if (lower == u"en")
        return tr("English");
    if (lower == u"ru")
        return tr("Russian");
    if (lower == u"uk")
        return tr("Ukrainian");
    if (lower == u"be")
        return tr("Belarusian");
    if (lower == u"kk")
        return tr("Kazakh");
    if (lower == u"de")
        return tr("German");
    if (lower == u"fr")
        return tr("French");
    if (lower == u"es")
        return tr("Spanish");
    if (lower == u"it")
        return tr("Italian");
    if (lower == u"pt")
        return tr("Portuguese");
    if (lower == u"zh")
        return tr("Chinese");
    if (lower == u"tr")
        return tr("Turkish");
    const QLocale::Language language = QLocale(code).language();
    if (language == QLocale::C || language == QLocale::AnyLanguage)
        return code;
    return QLocale::languageToString(language);
}

QString LanguageNames::nameWithCode(const QString &code)
{
    const QString languageName = name(code);
    if (languageName == code)
        return code;
    return tr("%1 (%2)", "language name and its code").arg(languageName, code);
}

} // namespace concierge::ui
