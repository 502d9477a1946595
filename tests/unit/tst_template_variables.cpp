// SPDX-License-Identifier: GPL-3.0-or-later
// Variables in a template's text (docs/protocol.md, "Templates" → Variables): what the visitor
// would receive once the app fills them, and what the operator is shown flagged before sending.
#include "TemplateVariables.h"

#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

QStringList flagged(const Expansion &e)
{
    QStringList out;
    for (const TextSpan &span : e.unknownSpans)
        out.append(e.text.mid(span.start, span.length));
    return out;
}

} // namespace

class TstTemplateVariables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fillsKnownValues()
    {
        const QHash<QString, QString> values{{u"visitor.name"_s, u"Анна"_s}, {u"operator.name"_s, u"Olga"_s}};
        const Expansion e = expandVariables(u"Hello {visitor.name}, I am {operator.name}."_s, values);
        QCOMPARE(e.text, u"Hello Анна, I am Olga."_s);
        QVERIFY(e.unknown.isEmpty());
        QVERIFY(e.unknownSpans.isEmpty());
    }

    void fallbacksForMissingAndEmptyValues()
    {
        const QHash<QString, QString> values{{u"visitor.name"_s, QString()}, {u"site"_s, u"shop.example"_s}};
        QCOMPARE(expandVariables(u"Hi {visitor.name|there}!"_s, values).text, u"Hi there!"_s);
        QCOMPARE(expandVariables(u"Hi {contact.name|there}!"_s, values).text, u"Hi there!"_s);
        QCOMPARE(expandVariables(u"On {site|our site}."_s, values).text, u"On shop.example."_s);
        QCOMPARE(expandVariables(u"Здравствуйте, {visitor.name|уважаемый клиент}!"_s, values).text,
                 u"Здравствуйте, уважаемый клиент!"_s);
        // An empty fallback is a choice: the variable disappears.
        const Expansion empty = expandVariables(u"Hi{visitor.name|}!"_s, values);
        QCOMPARE(empty.text, u"Hi!"_s);
        QVERIFY(empty.unknown.isEmpty());
    }

    void unknownStayVisibleAndAreListed()
    {
        const QHash<QString, QString> values{{u"operator.name"_s, u"Ольга"_s}, {u"visitor.name"_s, u""_s}};
        const Expansion e = expandVariables(
            u"{operator.name}: ваш тариф {crm.plan}, {visitor.name}; ещё раз: {crm.plan}. {crm.id|—}"_s, values);
        QCOMPARE(e.text, u"Ольга: ваш тариф {crm.plan}, {visitor.name}; ещё раз: {crm.plan}. —"_s);
        QCOMPARE(e.unknown, (QStringList{u"crm.plan"_s, u"visitor.name"_s}));
        QCOMPARE(flagged(e), (QStringList{u"{crm.plan}"_s, u"{visitor.name}"_s, u"{crm.plan}"_s}));
        QCOMPARE(e.unknownSpans.first().start, 17);
    }

    void spansPointIntoTheExpandedText()
    {
        // Values before the unknown one change the positions: the spans follow the result.
        const QHash<QString, QString> values{{u"visitor.name"_s, u"Александра Константиновна"_s}};
        const Expansion e = expandVariables(u"{visitor.name}, {{заказ}} {order.id} готов"_s, values);
        QCOMPARE(e.text, u"Александра Константиновна, {заказ} {order.id} готов"_s);
        QCOMPARE(flagged(e), QStringList{u"{order.id}"_s});
    }

    void doubledBracesAreLiteral()
    {
        const QHash<QString, QString> values{{u"visitor.name"_s, u"Ann"_s}};
        const Expansion e = expandVariables(u"Write {{visitor.name}} to get {visitor.name}; json: {{\"a\": 1}}"_s, values);
        QCOMPARE(e.text, u"Write {visitor.name} to get Ann; json: {\"a\": 1}"_s);
        QVERIFY(e.unknown.isEmpty());
    }

    void bracesThatAreNotVariablesStay()
    {
        const QHash<QString, QString> values{{u"site"_s, u"x.org"_s}};
        QCOMPARE(expandVariables(u"Unterminated {site and more"_s, values).text, u"Unterminated {site and more"_s);
        QCOMPARE(expandVariables(u"Ends with {"_s, values).text, u"Ends with {"_s);
        QCOMPARE(expandVariables(u"A { smile } and {site}"_s, values).text, u"A { smile } and x.org"_s);
        QCOMPARE(expandVariables(u"{ {site}"_s, values).text, u"{ x.org"_s);
        QCOMPARE(expandVariables(u"a } b"_s, values).text, u"a } b"_s);
        QVERIFY(expandVariables(u"A { smile } {"_s, values).unknown.isEmpty());
    }

    void valuesFromTheDialog()
    {
        protocol::OperatorInfo me;
        me.name = u"Ольга"_s;
        protocol::Visitor visitor;
        visitor.name = u"Иван"_s;
        visitor.currentPage.url = u"https://shop.example.ru:8443/cart?x=1"_s;
        visitor.currentPage.title = u"Корзина"_s;
        visitor.contact = protocol::ContactDetails{u"Иван Петров"_s, u"ivan@example.ru"_s, QString()};
        const QHash<QString, QString> values = variableValues(&visitor, me);
        QCOMPARE(values.value(u"operator.name"_s), u"Ольга"_s);
        QCOMPARE(values.value(u"visitor.name"_s), u"Иван Петров"_s); // the name they gave wins
        QCOMPARE(values.value(u"site"_s), u"shop.example.ru"_s);
        QCOMPARE(values.value(u"page.title"_s), u"Корзина"_s);
        QCOMPARE(values.value(u"page.url"_s), u"https://shop.example.ru:8443/cart?x=1"_s);
        QCOMPARE(values.value(u"contact.name"_s), u"Иван Петров"_s);
        QCOMPARE(values.value(u"contact.email"_s), u"ivan@example.ru"_s);
        QVERIFY(!values.contains(u"contact.phone"_s)); // empty: the fallback applies
        QCOMPARE(expandVariables(u"{contact.phone|no phone} on {site}"_s, values).text,
                 u"no phone on shop.example.ru"_s);

        // No visitor (or no page yet): only the operator, so fallbacks and flags apply.
        const QHash<QString, QString> alone = variableValues(nullptr, me);
        QCOMPARE(alone.keys(), QStringList{u"operator.name"_s});
        protocol::Visitor fresh;
        QVERIFY(!variableValues(&fresh, me).contains(u"site"_s));
    }

    void theServersLabelIsNoName()
    {
        // The server labels an anonymous visitor "Visitor 12": a greeting takes the fallback.
        const protocol::OperatorInfo me;
        protocol::Visitor anonymous;
        anonymous.id = 12;
        anonymous.name = u"Visitor 12"_s;
        QCOMPARE(expandVariables(u"Hello {visitor.name|there}!"_s, variableValues(&anonymous, me)).text,
                 u"Hello there!"_s);
        anonymous.contact = protocol::ContactDetails{u"Фёкла"_s, u"f@example.ru"_s, QString()};
        QCOMPARE(expandVariables(u"Hello {visitor.name|there}!"_s, variableValues(&anonymous, me)).text,
                 u"Hello Фёкла!"_s);
    }
};

QTEST_GUILESS_MAIN(TstTemplateVariables)
#include "tst_template_variables.moc"
