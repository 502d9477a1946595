// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryText: the one definition of history search words (docs/protocol.md "History", "Search
// words"), shared by the server and the app — folding, query parsing (no input is an error), the
// FTS5 MATCH text, matching and snippets.
#include "protocol/HistoryText.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace concierge::protocol;
using namespace Qt::StringLiterals;

namespace {

QList<QStringList> termsOf(const QString &text)
{
    return HistoryText::parse(text).terms;
}

QStringList marked(const HistorySnippet &snippet)
{
    QStringList parts;
    for (const TextSpan &span : snippet.highlights)
        parts.append(snippet.text.mid(span.start, span.length));
    return parts;
}

/// No surrogate pair is cut apart: every high half is followed by a low one and the reverse.
bool surrogatesWhole(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i].isHighSurrogate() && (i + 1 >= text.size() || !text[i + 1].isLowSurrogate()))
            return false;
        if (text[i].isLowSurrogate() && (i == 0 || !text[i - 1].isHighSurrogate()))
            return false;
    }
    return true;
}

} // namespace

class TestHistoryText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void foldsCaseYoAndLatinAccents()
    {
        QCOMPARE(HistoryText::fold(u"Ёлка ЁЖ ёж Ель"_s), u"елка еж еж ель"_s);
        QCOMPARE(HistoryText::fold(u"Café Über Ñandú façade"_s), u"cafe uber nandu facade"_s);
        // й is a letter of its own in Russian, not и with a mark.
        QCOMPARE(HistoryText::fold(u"Йогурт йод"_s), u"йогурт йод"_s);
        // One unit in, one out: positions in the folded text are positions in the original.
        for (const QString &text : {u"Ёлка 😀 Café ЙЁ"_s, u"ß İ ǅ"_s, QString()})
            QCOMPARE(HistoryText::fold(text).size(), text.size());
    }

    void wordsAreRunsOfLettersAndDigits()
    {
        QCOMPARE(HistoryText::words(u"Заказ-15, café! ёж_2"_s),
                 (QStringList{u"заказ"_s, u"15"_s, u"cafe"_s, u"еж"_s, u"2"_s}));
        QVERIFY(HistoryText::words(u" -- !!! "_s).isEmpty());
    }

    void parsesWordsAndPhrases()
    {
        QCOMPARE(termsOf(u"Заказ  доставка"_s), (QList<QStringList>{{u"заказ"_s}, {u"доставка"_s}}));
        QCOMPARE(termsOf(u"\"Номер заказа\" курьер"_s),
                 (QList<QStringList>{{u"номер"_s, u"заказа"_s}, {u"курьер"_s}}));
        // An unclosed quote runs to the end.
        QCOMPARE(termsOf(u"курьер \"номер заказа"_s),
                 (QList<QStringList>{{u"курьер"_s}, {u"номер"_s, u"заказа"_s}}));
        // The same word twice narrows nothing.
        QCOMPARE(termsOf(u"чай Чай ЧАЙ"_s), (QList<QStringList>{{u"чай"_s}}));
    }

    void capsWordsAndTheirLength()
    {
        QStringList many;
        for (int i = 1; i <= 20; ++i)
            many.append(u"w%1"_s.arg(i));
        const auto terms = termsOf(many.join(u' '));
        QCOMPARE(terms.size(), HistoryText::kMaxQueryWords);
        QCOMPARE(terms.last(), QStringList{u"w16"_s});
        // Phrase words count too: 15 words leave one for the phrase.
        const auto withPhrase = termsOf(many.mid(0, 15).join(u' ') + u" \"a b c\""_s);
        QCOMPARE(withPhrase.size(), 16);
        QCOMPARE(withPhrase.last(), QStringList{u"a"_s});

        const QString longWord = QString(100, u'я');
        QCOMPARE(termsOf(longWord), (QList<QStringList>{{QString(HistoryText::kMaxWordLength, u'я')}}));
        // Cut to a prefix, it still finds the long word.
        QVERIFY(HistoryText::matches(QString(u"слово "_s + longWord), HistoryText::parse(longWord)));
    }

    void hostileInputIsWords()
    {
        for (const QString &text : {u"*"_s, u"^"_s, u"\""_s, u"\"\""_s, u"{}"_s, QString(), u"   "_s, u"()-+:"_s})
            QVERIFY2(HistoryText::parse(text).isEmpty(), qPrintable(text));
        QCOMPARE(termsOf(u"NEAR("_s), (QList<QStringList>{{u"near"_s}}));
        QCOMPARE(termsOf(u"AND"_s), (QList<QStringList>{{u"and"_s}}));
        QCOMPARE(termsOf(u"a OR b NOT c*"_s),
                 (QList<QStringList>{{u"a"_s}, {u"or"_s}, {u"b"_s}, {u"not"_s}, {u"c"_s}}));
        QCOMPARE(termsOf(u"col:value ^start {x y}"_s),
                 (QList<QStringList>{{u"col"_s}, {u"value"_s}, {u"start"_s}, {u"x"_s}, {u"y"_s}}));
    }

    void writesFtsMatch()
    {
        QCOMPARE(HistoryText::toFtsMatch(HistoryText::parse(u"Заказ \"номер заказа\""_s)),
                 u"\"заказ\"* AND \"номер заказа\"*"_s);
        QCOMPARE(HistoryText::toFtsMatch(HistoryText::parse(u"NEAR( AND \""_s)), u"\"near\"* AND \"and\"*"_s);
        QCOMPARE(HistoryText::toFtsMatch(HistoryText::parse(u"!!!"_s)), QString());
    }

    void matchesAsFtsWould()
    {
        auto matches = [](const QString &text, const QString &query) {
            return HistoryText::matches(text, HistoryText::parse(query));
        };
        QVERIFY(matches(u"Где мой Заказ-15?"_s, u"заказ 15"_s));
        QVERIFY(matches(u"Где мой Заказ-15?"_s, u"ЗАК"_s));      // a word's start
        QVERIFY(!matches(u"Где мой Заказ-15?"_s, u"каз"_s));     // not its middle
        QVERIFY(!matches(u"Где мой Заказ-15?"_s, u"заказы"_s));
        QVERIFY(matches(u"Ёлка зелёная"_s, u"елка зеленая"_s));
        QVERIFY(matches(u"Crème brûlée"_s, u"creme brulee"_s));
        QVERIFY(matches(u"номер заказа 5"_s, u"\"номер заказа\""_s));
        QVERIFY(matches(u"номер заказа 5"_s, u"\"номер зак\""_s)); // the phrase's last word: a prefix
        QVERIFY(!matches(u"номер заказа 5"_s, u"\"заказа номер\""_s));
        QVERIFY(!matches(u"номер, и заказа"_s, u"\"номер заказа\""_s));
        QVERIFY(!matches(u"номер"_s, u"номер курьер"_s)); // every term
        QVERIFY(matches(u"anything"_s, u"!!!"_s));          // no words: everything
    }

    void snippetOfAShortLine()
    {
        const auto query = HistoryText::parse(u"заказ"_s);
        const HistorySnippet s = HistoryText::snippet(5, u"Привет!\nГде мой заказ?"_s, query);
        QCOMPARE(s.messageId, 5);
        QCOMPARE(s.text, u"Привет! Где мой заказ?"_s); // the line break as a space, nothing cut
        QCOMPARE(s.highlights, (QList<TextSpan>{{16, 5}}));

        const HistorySnippet several = HistoryText::snippet(1, u"Ёлка и ёлочка, ель"_s, HistoryText::parse(u"ел"_s));
        QCOMPARE(marked(several), (QStringList{u"Ёлка"_s, u"ёлочка"_s, u"ель"_s}));
        const HistorySnippet phrase = HistoryText::snippet(1, u"Ваш номер заказа: 15"_s,
                                                           HistoryText::parse(u"\"номер заказа\" 15"_s));
        QCOMPARE(marked(phrase), (QStringList{u"номер заказа"_s, u"15"_s}));

        const HistorySnippet none = HistoryText::snippet(2, u"Ничего общего"_s, query);
        QCOMPARE(none.text, u"Ничего общего"_s);
        QVERIFY(none.highlights.isEmpty());
    }

    void snippetCutsAroundTheMatch()
    {
        QString text;
        for (int i = 0; i < 40; ++i)
            text += u"слово%1 "_s.arg(i);
        text += u"вот ваш ЗАКАЗ номер 15 "_s;
        for (int i = 0; i < 40; ++i)
            text += u"хвост%1 "_s.arg(i);
        const HistorySnippet s = HistoryText::snippet(9, text, HistoryText::parse(u"заказ"_s), 60);
        QVERIFY(s.text.startsWith(u'\u2026'));
        QVERIFY(s.text.endsWith(u'\u2026'));
        QVERIFY(s.text.size() <= 60 + 2);
        QCOMPARE(marked(s), QStringList{u"ЗАКАЗ"_s});
        // Cut at word boundaries when spaces are near.
        QVERIFY2(s.text.at(1) != u' ' && text.contains(s.text.mid(1, s.text.size() - 2)), qPrintable(s.text));
        QVERIFY(text.contains(u' ' + s.text.mid(1, 5)));

        // A match at the very start: no leading ellipsis.
        const HistorySnippet head = HistoryText::snippet(9, QString(u"Заказ "_s + text), HistoryText::parse(u"заказ"_s), 60);
        QVERIFY(!head.text.startsWith(u'\u2026'));
        QCOMPARE(head.highlights.first(), (TextSpan{0, 5}));
    }

    /// The words here must be FTS5's tokens, or the app's and the server's index find lines that
    /// matches() and snippet() then deny (or the reverse). Asked of SQLite itself.
    void wordsAgreeWithSqliteFts5()
    {
        const QStringList lines{u"😊спасибо за заказ"_s, u"е\u0308лка"_s, u"a\u200db c_d"_s,
                                u"x\U0001D400y 𠀀word"_s, u"don't x² ⅷ ١٢٣"_s, u"ab\u0903cd ef\u20ddgh"_s,
                                u"ij\ue000kl qr\u00adst"_s, u"Заказ-15, café!"_s};
        QStringList ours;
        for (const QString &line : lines)
            ours += HistoryText::words(line);
        ours.sort();
        ours.removeDuplicates();

        QStringList sqlite;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fts5-words"_s);
            db.setDatabaseName(u":memory:"_s);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(u"CREATE VIRTUAL TABLE t USING fts5(a, tokenize = \"unicode61 remove_diacritics 0\")"_s),
                     qPrintable(query.lastError().text()));
            QVERIFY(query.exec(u"CREATE VIRTUAL TABLE v USING fts5vocab(t, 'row')"_s));
            for (const QString &line : lines) {
                QVERIFY(query.prepare(u"INSERT INTO t (a) VALUES (?)"_s));
                query.addBindValue(HistoryText::fold(line)); // indexed folded, as both sides do
                QVERIFY(query.exec());
            }
            QVERIFY(query.exec(u"SELECT term FROM v"_s));
            while (query.next())
                sqlite.append(query.value(0).toString());
        }
        QSqlDatabase::removeDatabase(u"fts5-words"_s);
        sqlite.sort();
        QCOMPARE(ours, sqlite);
        // An emoji is no word: a query of emoji alone is an empty query.
        QVERIFY(HistoryText::parse(u"😊 🎄"_s).isEmpty());
        QVERIFY(HistoryText::matches(u"😊спасибо"_s, HistoryText::parse(u"спасибо"_s)));
    }

    void snippetNeverSplitsSurrogates()
    {
        // Emoji (two UTF-16 units each) all around the match, at every parity of the cut.
        for (int shift = 0; shift < 4; ++shift) {
            QString text = QString(shift, u'x');
            for (int i = 0; i < 100; ++i)
                text += u"😀"_s;
            text += u" заказ "_s;
            for (int i = 0; i < 100; ++i)
                text += u"🎄"_s;
            for (int window : {20, 41, 60, 121}) {
                const HistorySnippet s = HistoryText::snippet(1, text, HistoryText::parse(u"заказ"_s), window);
                QVERIFY2(surrogatesWhole(s.text), qPrintable(u"shift %1 window %2"_s.arg(shift).arg(window)));
                QCOMPARE(marked(s), QStringList{u"заказ"_s});
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestHistoryText)
#include "tst_history_text.moc"
