// SPDX-License-Identifier: GPL-3.0-or-later
#include "SystemLineText.h"

#include "LanguageNames.h"

namespace concierge::ui {

namespace {

QString nameOr(const QJsonObject &meta, const QString &key, const QString &fallback)
{
    const QString name = meta.value(key).toString().trimmed();
    return name.isEmpty() ? fallback : name;
}

} // namespace

QString SystemLineText::describe(const QString &event, const QJsonObject &meta)
{
    if (event == u"transfer")
        return transfer(meta);
    if (event == u"takeover")
        return takeover(meta);
    return {};
}

QString SystemLineText::transfer(const QJsonObject &meta)
{
    const QString from = nameOr(meta, QStringLiteral("fromName"), tr("An operator"));
    const QString to = meta.value(QStringLiteral("to")).toString();
    QString sentence;
    if (to == u"operator") {
        sentence = tr("%1 transferred the dialog to %2")
                       .arg(from, nameOr(meta, QStringLiteral("toName"), tr("another operator")));
    } else if (to == u"department") {
        sentence = tr("%1 transferred the dialog to the %2 department")
                       .arg(from, nameOr(meta, QStringLiteral("departmentName"), tr("other")));
    } else if (to == u"language") {
        sentence =
            tr("%1 transferred the dialog to operators speaking %2")
                .arg(from, LanguageNames::nameWithCode(meta.value(QStringLiteral("language")).toString()));
    } else {
        sentence = tr("%1 returned the dialog to the common queue").arg(from);
    }
    const QString comment = meta.value(QStringLiteral("comment")).toString().trimmed();
    if (comment.isEmpty())
        return sentence;
    return tr("%1: “%2”", "a transfer and the comment written with it").arg(sentence, comment);
}

QString SystemLineText::takeover(const QJsonObject &meta)
{
    const QString to = nameOr(meta, QStringLiteral("toName"), tr("A supervisor"));
    const QString from = meta.value(QStringLiteral("fromName")).toString().trimmed();
    if (from.isEmpty())
        return tr("%1 took over the dialog").arg(to);
    return tr("%1 took over the dialog from %2").arg(to, from);
}

} // namespace concierge::ui
