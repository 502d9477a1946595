// SPDX-License-Identifier: GPL-3.0-or-later
#include "SystemLineText.h"

#include "LanguageNames.h"

#include <QStringList>

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
    if (event == u"contact.requested")
        return contactRequested(meta);
    if (event == u"contact.given")
        return contactGiven(meta);
    if (event == u"rating")
        return rating(meta);
    if (event == u"ban")
        return ban(meta);
    if (event == u"transcript.sent")
        return transcriptSent(meta);
    if (event == u"email.sent")
        return tr("The reply was emailed to %1").arg(meta.value(QStringLiteral("to")).toString());
    if (event == u"email.failed")
        return tr("The reply could not be emailed to %1: %2", "the address, then the mail server's reason")
            .arg(meta.value(QStringLiteral("to")).toString(), meta.value(QStringLiteral("error")).toString());
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

QString SystemLineText::contactRequested(const QJsonObject &meta)
{
    const QString by = meta.value(QStringLiteral("operatorName")).toString().trimmed();
    if (by.isEmpty())
        return tr("Contact details requested");
    return tr("%1 requested the visitor's contact details").arg(by);
}

QString SystemLineText::contactGiven(const QJsonObject &meta)
{
    // What the visitor typed, one line, in the order of the form; empty fields left out.
    QStringList parts;
    for (const char *key : {"name", "email", "phone"}) {
        const QString value = meta.value(QLatin1String(key)).toString().simplified();
        if (!value.isEmpty())
            parts.append(value);
    }
    if (parts.isEmpty())
        return tr("The visitor left contact details");
    return tr("The visitor left contact details: %1").arg(parts.join(QStringLiteral(" · ")));
}

QString SystemLineText::rating(const QJsonObject &meta)
{
    const int score = meta.value(QStringLiteral("score")).toInt();
    const QString comment = meta.value(QStringLiteral("comment")).toString().trimmed();
    if (comment.isEmpty())
        return tr("The visitor rated the dialog %1/5").arg(score);
    return tr("The visitor rated the dialog %1/5: “%2”", "score, then the visitor's comment")
        .arg(QString::number(score), comment);
}

QString SystemLineText::ban(const QJsonObject &meta)
{
    const QString by = nameOr(meta, QStringLiteral("bannedBy"), tr("An operator"));
    const QString reason = meta.value(QStringLiteral("reason")).toString().trimmed();
    if (reason.isEmpty())
        return tr("%1 banned the visitor").arg(by);
    return tr("%1 banned the visitor: %2", "who banned, then the reason they gave").arg(by, reason);
}

QString SystemLineText::transcriptSent(const QJsonObject &meta)
{
    const QString by = nameOr(meta, QStringLiteral("byName"), tr("An operator"));
    const QString to = nameOr(meta, QStringLiteral("toName"), tr("an operator"));
    const QString email = meta.value(QStringLiteral("toEmail")).toString().trimmed();
    if (email.isEmpty())
        return tr("%1 emailed the transcript to %2").arg(by, to);
    return tr("%1 emailed the transcript to %2 (%3)", "who sent it, to whom, their address").arg(by, to, email);
}

} // namespace concierge::ui
