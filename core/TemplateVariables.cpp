// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateVariables.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace concierge {

namespace {

/// Variable names are dotted words (`visitor.name`, `crm.plan_id`); anything else between braces
/// ("{ }", JSON in a template) is plain text.
bool isVariableName(QStringView name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'_' && c != u'-')
            return false;
    }
    return true;
}

} // namespace

Expansion expandVariables(const QString &text, const QHash<QString, QString> &values)
{
    Expansion out;
    out.text.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        const bool doubled = i + 1 < n && text.at(i + 1) == c;
        if ((c == u'{' || c == u'}') && doubled) {
            out.text += c; // "{{" and "}}" are one literal brace
            i += 2;
            continue;
        }
        if (c != u'{') {
            out.text += c;
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i + 1);
        const qsizetype nested = text.indexOf(u'{', i + 1);
        if (close < 0 || (nested >= 0 && nested < close)) {
            out.text += c; // unterminated: left as is
            ++i;
            continue;
        }
        const QStringView body = QStringView(text).mid(i + 1, close - i - 1);
        const qsizetype bar = body.indexOf(u'|');
        const QString name = (bar < 0 ? body : body.left(bar)).toString();
        if (!isVariableName(name)) {
            out.text += c;
            ++i;
            continue;
        }
        const QString value = values.value(name);
        if (!value.isEmpty()) {
            out.text += value;
        } else if (bar >= 0) {
            out.text += body.mid(bar + 1);
        } else {
            // Nothing to fill it with: kept exactly as typed, for the app to flag before sending.
            const QStringView typed = QStringView(text).mid(i, close + 1 - i);
            out.unknownSpans.append({int(out.text.size()), int(typed.size())});
            if (!out.unknown.contains(name))
                out.unknown.append(name);
            out.text += typed;
        }
        i = close + 1;
    }
    return out;
}

QHash<QString, QString> variableValues(const protocol::Visitor *visitor, const protocol::OperatorInfo &me)
{
    QHash<QString, QString> values;
    const auto put = [&values](const QString &name, const QString &value) {
        if (!value.trimmed().isEmpty())
            values.insert(name, value);
    };
    put(u"operator.name"_s, me.name);
    if (!visitor)
        return values;
    // A name the visitor gave (contact form) is their name; the server's own label "Visitor <id>"
    // (docs/protocol.md, "Visitor details") is not, and greeting someone as "Visitor 12" is what
    // the fallback in {visitor.name|there} exists to avoid.
    const bool placeholderName = visitor->name == u"Visitor %1"_s.arg(visitor->id);
    put(u"visitor.name"_s, visitor->contact && !visitor->contact->name.trimmed().isEmpty()
                               ? visitor->contact->name
                               : (placeholderName ? QString() : visitor->name));
    put(u"page.title"_s, visitor->currentPage.title);
    put(u"page.url"_s, visitor->currentPage.url);
    put(u"site"_s, QUrl(visitor->currentPage.url).host());
    if (visitor->contact) {
        put(u"contact.name"_s, visitor->contact->name);
        put(u"contact.email"_s, visitor->contact->email);
        put(u"contact.phone"_s, visitor->contact->phone);
    }
    return values;
}

} // namespace concierge
