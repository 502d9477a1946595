// SPDX-License-Identifier: GPL-3.0-or-later
// The suggestion matcher of issue 5 as an operator meets it: typing 2+ characters finds templates
// by title, tag or text (substring or word start), in Russian and English, whatever the case and
// ё/е; "/" looks at titles only; the best match comes first, then what this operator sends most
// and lately, then the title; the typed text is highlighted in the right places.
#include "TemplateSearch.h"

#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Template;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

Template make(qint64 id, const QString &title, const QString &text, const QStringList &tags = {})
{
    Template t;
    t.id = id;
    t.title = title;
    t.text = text;
    t.tags = tags;
    return t;
}

TemplateUsage noUse(qint64)
{
    return {};
}

QList<qint64> ids(const QList<Suggestion> &suggestions)
{
    QList<qint64> out;
    for (const Suggestion &s : suggestions)
        out.append(s.templateId);
    return out;
}

QList<qint64> find(const TemplateIndex &index, const QString &typed, qsizetype limit = 8)
{
    return ids(index.suggest(typed, noUse, limit, kNow));
}

/// The highlighted pieces of `text`, to compare with what the operator would see.
QStringList pieces(const QString &text, const QList<TextSpan> &spans)
{
    QStringList out;
    for (const TextSpan &span : spans)
        out.append(text.mid(span.start, span.length));
    return out;
}

} // namespace

class TstTemplateSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void foldKeepsLengthAndJoinsYo()
    {
        const QString text = u"Ёлки, ЕЩЁ и Straße ÀB"_s;
        const QString folded = foldForSearch(text);
        QCOMPARE(folded.size(), text.size());
        QCOMPARE(folded, u"елки, еще и straße àb"_s);
        QCOMPARE(foldForSearch(u"ё"_s), foldForSearch(u"Е"_s));
        // Every UTF-16 unit folds as Qt folds it (the English and Russian shortcuts included).
        QString all;
        for (char32_t u = 0; u <= 0xffff; ++u)
            all += QChar(char16_t(u));
        const QString allFolded = foldForSearch(all);
        QCOMPARE(allFolded.size(), all.size());
        for (char32_t u = 0; u <= 0xffff; ++u) {
            const char32_t qt = QChar::toCaseFolded(u);
            const char16_t expected = qt == U'ё' ? u'е' : qt > 0xffff ? char16_t(u) : char16_t(qt);
            if (allFolded.at(qsizetype(u)).unicode() != expected)
                QFAIL(qPrintable(u"U+%1 folds to U+%2, Qt says U+%3"_s.arg(quint32(u), 4, 16, QChar(u'0'))
                                     .arg(allFolded.at(qsizetype(u)).unicode(), 4, 16, QChar(u'0'))
                                     .arg(quint32(expected), 4, 16, QChar(u'0'))));
        }
    }

    void fewerThanTwoCharactersSuggestNothing()
    {
        TemplateIndex index;
        index.reset({make(1, u"Доставка"_s, u"Доставим завтра"_s), make(2, u"Data"_s, u"d"_s)});
        QCOMPARE(index.size(), 2);
        QVERIFY(find(index, u""_s).isEmpty());
        QVERIFY(find(index, u"д"_s).isEmpty());
        QVERIFY(find(index, u"  д  "_s).isEmpty());
        QVERIFY(find(index, u"d"_s).isEmpty());
        QVERIFY(find(index, u"/"_s).isEmpty());
        QVERIFY(find(index, u"/  "_s).isEmpty());
        QCOMPARE(find(index, u"до"_s), QList<qint64>{1});
        QCOMPARE(find(index, u" до "_s), QList<qint64>{1});
    }

    void russianTitleTagAndText()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Доставка по Москве"_s, u"Курьер привезёт заказ за 1–2 дня."_s),
            make(2, u"Оплата"_s, u"Оплата при получении. Срок доставки не меняется."_s),
            make(3, u"Возврат"_s, u"Вернуть товар можно в течение 14 дней."_s),
            make(4, u"Самовывоз"_s, u"Заберите заказ в пункте выдачи."_s, {u"доставка"_s}),
        });
        QCOMPARE(find(index, u"доставк"_s), (QList<qint64>{1, 4, 2})); // title, tag, text
        QCOMPARE(find(index, u"ДОСТАВК"_s), (QList<qint64>{1, 4, 2}));
        QCOMPARE(find(index, u"товар"_s), QList<qint64>{3});
        QVERIFY(find(index, u"гарантия"_s).isEmpty());
    }

    void englishAnyCase()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Order status"_s, u"Your ORDER is on its way."_s),
            make(2, u"Refunds"_s, u"We refund within 5 days; check your order number."_s),
            make(3, u"Greeting"_s, u"Hello! How can I help?"_s),
        });
        QCOMPARE(find(index, u"ORDER"_s), (QList<qint64>{1, 2}));
        QCOMPARE(find(index, u"hel"_s), QList<qint64>{3});
        QCOMPARE(find(index, u"ReFuNd"_s), QList<qint64>{2});
    }

    void yoAndYeMatchBothWays()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Ещё вопрос"_s, u"Остались ещё вопросы?"_s),
            make(2, u"Елка"_s, u"Праздничная ёлка в подарок"_s),
        });
        QCOMPARE(find(index, u"еще"_s), QList<qint64>{1});
        QCOMPARE(find(index, u"ЕЩЁ"_s), QList<qint64>{1});
        QCOMPARE(find(index, u"ёлк"_s), QList<qint64>{2});
        QCOMPARE(find(index, u"елк"_s), QList<qint64>{2});
        QCOMPARE(find(index, u"Ёлка"_s), QList<qint64>{2});
    }

    /// exact title > title start > word start in the title > inside the title > tag > word start
    /// in the text > inside the text, whatever order the library came in.
    void matchQualityOrder()
    {
        const QList<Template> library{
            make(7, u"Турпоездки"_s, u"Есть турпакеты на осень."_s),
            make(3, u"Наш пакетный тариф"_s, u"Всё включено."_s),
            make(5, u"Тарифы"_s, u"Всё включено."_s, {u"пакет"_s}),
            make(1, u"Пакет"_s, u"Всё включено."_s),
            make(6, u"Как выбрать"_s, u"Выберите пакет на сайте."_s),
            make(4, u"Турпакеты"_s, u"Всё включено."_s),
            make(2, u"Пакет услуг"_s, u"Всё включено."_s),
            make(8, u"Оплата"_s, u"Ничего общего."_s),
        };
        TemplateIndex index;
        index.reset(library);
        QCOMPARE(find(index, u"пакет"_s), (QList<qint64>{1, 2, 3, 4, 5, 6, 7}));
        const QList<Suggestion> s = index.suggest(u"пакет"_s, noUse, 8, kNow);
        for (qsizetype i = 1; i < s.size(); ++i)
            QVERIFY2(s.at(i - 1).score > s.at(i).score, "each place ranks strictly above the next");
    }

    void everyWordMustMatchAndTheTitleCountsMost()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Order"_s, u"It shipped. Status: in transit."_s),
            make(2, u"Order only"_s, u"Nothing else here."_s),
            make(3, u"Status of your order"_s, u"Here it is."_s),
            make(4, u"Tracking"_s, u"Your order status is on the page."_s),
            make(5, u"Where is it"_s, u"Check the status, then the order."_s),
        });
        const QList<qint64> found = find(index, u"order status"_s);
        QCOMPARE(found.size(), 4);
        QVERIFY(!found.contains(2));
        QCOMPARE(found.first(), 3); // both words in the title
        QCOMPARE(found.at(1), 1);   // one word in the title
        // Both words in the text: the phrase as typed beats the words scattered.
        QCOMPARE(found.mid(2), (QList<qint64>{4, 5}));
        // Word starts work for every word: "ord stat".
        QCOMPARE(find(index, u"ord  stat"_s).size(), 4);
        // Russian, words in any order.
        index.upsert(make(6, u"Статус заказа"_s, u"Заказ в пути."_s));
        QCOMPARE(find(index, u"заказ стат"_s), QList<qint64>{6});
    }

    void slashSearchesTitlesOnly()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Delivery times"_s, u"Two days."_s),
            make(2, u"Shipping"_s, u"Delivery takes two days."_s, {u"delivery"_s}),
            make(3, u"Доставка"_s, u"Завтра."_s),
            make(4, u"Адрес"_s, u"Доставка по адресу."_s),
        });
        QCOMPARE(find(index, u"/Del"_s), QList<qint64>{1});
        QCOMPARE(find(index, u"Del"_s), (QList<qint64>{1, 2}));
        QCOMPARE(find(index, u"/д"_s), (QList<qint64>{3, 4})); // one character after the slash is enough
        QCOMPARE(find(index, u"/ дост"_s), QList<qint64>{3});
        const QList<Suggestion> s = index.suggest(u"/del"_s, noUse, 8, kNow);
        QCOMPARE(pieces(u"Delivery times"_s, s.first().titleSpans), QStringList{u"Del"_s});
        QVERIFY(s.first().textSpans.isEmpty());
    }

    void useRanksAmongEquals()
    {
        TemplateIndex index;
        index.reset({
            make(1, u"Привет"_s, u"Здравствуйте!"_s),
            make(2, u"Приветствие"_s, u"Добрый день!"_s),
            make(3, u"Приветик"_s, u"Хай!"_s),
        });
        // Unused: alphabetical.
        QCOMPARE(find(index, u"прив"_s), (QList<qint64>{1, 3, 2}));
        // Used: moves up among equals.
        QHash<qint64, TemplateUsage> use;
        use.insert(2, {3, kNow.addDays(-1)});
        const auto usage = [&use](qint64 id) { return use.value(id); };
        QCOMPARE(ids(index.suggest(u"прив"_s, usage, 8, kNow)), (QList<qint64>{2, 1, 3}));
        // Recency matters: many uses two months ago lose to a couple yesterday.
        use.insert(3, {10, kNow.addDays(-60)});
        use.insert(2, {2, kNow.addDays(-1)});
        QCOMPARE(ids(index.suggest(u"прив"_s, usage, 8, kNow)), (QList<qint64>{2, 3, 1}));
        // ...and the same count, more recent wins.
        use.insert(3, {2, kNow.addDays(-3)});
        QCOMPARE(ids(index.suggest(u"прив"_s, usage, 8, kNow)), (QList<qint64>{2, 3, 1}));
        use.insert(3, {2, kNow.addSecs(-3600)});
        QCOMPARE(ids(index.suggest(u"прив"_s, usage, 8, kNow)), (QList<qint64>{3, 2, 1}));
        // Use never beats a better match: the exact title stays first.
        QCOMPARE(ids(index.suggest(u"привет"_s, usage, 8, kNow)).first(), 1);
    }

    void limitIsRespectedAndKeepsTheBest()
    {
        QList<Template> library;
        for (int i = 1; i <= 40; ++i)
            library.append(make(i, u"Ответ %1"_s.arg(i, 2, 10, QChar(u'0')), u"Спасибо за вопрос."_s));
        TemplateIndex index;
        index.reset(library);
        QCOMPARE(find(index, u"спасибо"_s).size(), 8);
        QCOMPARE(find(index, u"спасибо"_s, 3), (QList<qint64>{1, 2, 3}));
        QCOMPARE(find(index, u"спасибо"_s, 100).size(), 40);
        // The most used one is last alphabetically and still makes a top 3.
        const auto usage = [](qint64 id) { return id == 40 ? TemplateUsage{5, kNow} : TemplateUsage{}; };
        QCOMPARE(ids(index.suggest(u"спасибо"_s, usage, 3, kNow)), (QList<qint64>{40, 1, 2}));
        QVERIFY(index.suggest(u"спасибо"_s, usage, 0, kNow).isEmpty());
    }

    void spansMarkTheTypedText()
    {
        TemplateIndex index;
        const QString title = u"Ещё раз: ЕЩЁ и еще"_s;
        const QString text = u"Вы всё ещё ждёте? Извините, ещё минуту. Ещё! Ещё!"_s;
        index.reset({make(1, title, text)});
        const QList<Suggestion> s = index.suggest(u"ещё"_s, noUse, 8, kNow);
        QCOMPARE(s.size(), 1);
        QCOMPARE(s.first().titleSpans, (QList<TextSpan>{{0, 3}, {9, 3}, {15, 3}}));
        QCOMPARE(pieces(title, s.first().titleSpans), (QStringList{u"Ещё"_s, u"ЕЩЁ"_s, u"еще"_s}));
        // The text: the first three only.
        QCOMPARE(s.first().textSpans.size(), TemplateIndex::kMaxTextSpans);
        QCOMPARE(pieces(text, s.first().textSpans), (QStringList{u"ещё"_s, u"ещё"_s, u"Ещё"_s}));
        QCOMPARE(s.first().textSpans.first().start, 7);

        // Several words: each highlighted; overlapping ones merged.
        index.upsert(make(2, u"Order status"_s, u"Your order's status: shipped."_s));
        const Suggestion o = index.suggest(u"status order stat"_s, noUse, 8, kNow).first();
        QCOMPARE(pieces(u"Order status"_s, o.titleSpans), (QStringList{u"Order"_s, u"status"_s}));
        QCOMPARE(pieces(u"Your order's status: shipped."_s, o.textSpans),
                 (QStringList{u"order"_s, u"status"_s}));

        // Only the first 200 characters of a text are highlighted (what a suggestion row shows).
        const QString longText = QString(250, u'x') + u" ключ"_s;
        index.upsert(make(3, u"Длинный"_s, longText));
        const Suggestion l = index.suggest(u"ключ"_s, noUse, 8, kNow).first();
        QCOMPARE(l.templateId, 3);
        QVERIFY(l.textSpans.isEmpty());
    }

    void whiteSpaceInTheTextIsOneSpace()
    {
        TemplateIndex index;
        index.reset({make(1, u"Трекинг"_s, u"Ваш номер\nзаказа: 123"_s),
                     make(2, u"Номер"_s, u"Заказа пока нет."_s)});
        const QList<Suggestion> s = index.suggest(u"номер заказа"_s, noUse, 8, kNow);
        QCOMPARE(ids(s), (QList<qint64>{2, 1}));
        // The phrase across a line break still counts as the phrase: above a template with the
        // words scattered in the text.
        index.upsert(make(3, u"Другое"_s, u"Заказа нет, номер не найден."_s));
        QCOMPARE(find(index, u"номер заказа"_s), (QList<qint64>{2, 1, 3}));
    }

    /// Key by key, backspaces, a new word, a slash, a save in the middle: every keystroke answers
    /// what a fresh index (that never saw the earlier keystrokes) answers.
    void typingKeyByKeyAnswersLikeAFreshIndex()
    {
        QList<Template> library{
            make(1, u"Доставка"_s, u"Доставим завтра, курьер позвонит."_s),
            make(2, u"Досуг"_s, u"Кино и театры."_s),
            make(3, u"Оплата"_s, u"Доставка оплачивается отдельно."_s, {u"доставка"_s}),
            make(4, u"Курьер"_s, u"Курьер позвонит за час."_s),
            make(5, u"Досмотр"_s, u"Только на таможне: доставка позже."_s),
        };
        TemplateIndex typing;
        typing.reset(library);
        const QStringList keystrokes{u"до"_s, u"дос"_s, u"дост"_s, u"достав"_s, u"дост"_s, u"дос"_s,
            u"досу"_s, u"дос"_s, u"дос "_s, u"дос к"_s, u"дос ку"_s, u"дос к"_s, u"дос"_s, u"/дос"_s,
            u"/досм"_s, u"/дос"_s, u"дос"_s, u"дост"_s};
        for (qsizetype i = 0; i < keystrokes.size(); ++i) {
            if (i == 5) { // another session saves a template that matches what is being typed
                library.append(make(6, u"Досрочно"_s, u"Досрочное погашение."_s));
                typing.upsert(library.last());
            }
            if (i == 12) {
                library.removeAt(0);
                typing.remove(1);
            }
            TemplateIndex fresh;
            fresh.reset(library);
            QCOMPARE(find(typing, keystrokes.at(i), 100), find(fresh, keystrokes.at(i), 100));
        }
        QCOMPARE(find(typing, u"дос"_s, 100), (QList<qint64>{5, 6, 2, 3})); // titles alphabetically, then the tag
    }

    void updatesAndRemovalsAreSeen()
    {
        TemplateIndex index;
        index.reset({make(1, u"Скидка"_s, u"Скидка 10%."_s), make(2, u"Акция"_s, u"Скидки нет."_s)});
        QCOMPARE(find(index, u"скидк"_s), (QList<qint64>{1, 2}));
        index.upsert(make(1, u"Бонус"_s, u"Бонусные баллы."_s));
        QCOMPARE(index.size(), 2);
        QCOMPARE(find(index, u"скидк"_s), QList<qint64>{2});
        QCOMPARE(find(index, u"бону"_s), QList<qint64>{1});
        index.remove(2);
        QCOMPARE(index.size(), 1);
        QVERIFY(find(index, u"скидк"_s).isEmpty());
        Template tombstone = make(1, {}, {});
        tombstone.deleted = true;
        index.upsert(tombstone);
        QCOMPARE(index.size(), 0);
        QVERIFY(find(index, u"бону"_s).isEmpty());
        index.remove(42); // unknown: nothing happens

        // Many edits (the buffer compacts itself on the way) leave exactly the last versions.
        for (int round = 0; round < 300; ++round) {
            for (int id = 1; id <= 10; ++id)
                index.upsert(make(id, u"Шаблон %1 версия %2"_s.arg(id).arg(round), QString(100, u'ж')));
        }
        QCOMPARE(index.size(), 10);
        QCOMPARE(find(index, u"версия 299"_s, 100).size(), 10);
        QVERIFY(find(index, u"версия 298"_s, 100).isEmpty());
        QCOMPARE(find(index, u"шаблон 7 "_s), QList<qint64>{7});
    }
};

QTEST_GUILESS_MAIN(TstTemplateSearch)
#include "tst_template_search.moc"
