// SPDX-License-Identifier: GPL-3.0-or-later
// The app's local history index (LocalStore v9): pages stored as the backfill stores them, the
// live path keeping it current, the search (Russian and English, prefixes, ё, names, every filter,
// paging, snippets) and the migration from a v8 cache.
#include "LocalStore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

protocol::Message line(qint64 id, qint64 dialogId, const QString &text, int minutes,
                       protocol::Author author = protocol::Author::Visitor)
{
    protocol::Message m;
    m.id = id;
    m.dialogId = dialogId;
    m.author = author;
    m.text = text;
    m.at = kT0.addSecs(qint64(dialogId) * 86400 + minutes * 60);
    if (author == protocol::Author::Operator) {
        m.operatorId = 7;
        m.authorName = u"Ира"_s;
    }
    return m;
}

/// A closed dialog started on day \a dialogId after kT0 (ids grow with the start, as on the server).
protocol::HistoryDialog historyDialog(qint64 id, const QString &visitorName = {})
{
    protocol::HistoryDialog item;
    item.dialog.id = id;
    item.dialog.visitorId = 100 + id;
    item.dialog.state = protocol::DialogState::Closed;
    item.dialog.createdAt = kT0.addSecs(qint64(id) * 86400);
    item.dialog.closedAt = item.dialog.createdAt.addSecs(3600);
    item.visitor.id = item.dialog.visitorId;
    item.visitor.name = visitorName.isEmpty() ? u"Visitor %1"_s.arg(item.visitor.id) : visitorName;
    item.visitor.browser = u"Firefox 120"_s;
    return item;
}

QList<qint64> idsOf(const QList<protocol::HistoryHit> &hits)
{
    QList<qint64> ids;
    for (const auto &hit : hits)
        ids.append(hit.dialog.dialog.id);
    return ids;
}

/// The highlighted parts of a snippet, as a reader would see them marked.
QStringList marked(const protocol::HistorySnippet &snippet)
{
    QStringList parts;
    for (const auto &span : snippet.highlights)
        parts.append(snippet.text.mid(span.start, span.length));
    return parts;
}

} // namespace

class TestLocalStoreHistory : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;

    QString newPath() { return m_dir.filePath(u"cache-%1.sqlite"_s.arg(++m_files)); }

    QList<qint64> search(LocalStore &store, const QString &query, const protocol::HistoryFilter &filter = {},
                         qint64 beforeId = 0, int limit = 50)
    {
        return idsOf(store.searchHistory(query, filter, beforeId, limit));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void storedPageReadsBack()
    {
        LocalStore store;
        QVERIFY2(store.open(newPath()), qPrintable(store.errorString()));
        protocol::HistoryDialog first = historyDialog(1, u"Анна"_s);
        first.operatorName = u"Ира"_s;
        first.departmentName = u"Продажи"_s;
        first.dialog.operatorId = 7;
        first.dialog.departmentId = 2;
        first.messageCount = 2;
        protocol::HistoryDialog second = historyDialog(2);
        second.messageCount = 5;
        second.messagesTruncated = true; // only its newest lines came
        // Lines in any order: historyMessages gives them oldest first.
        const QList<protocol::Message> lines{line(12, 1, u"Спасибо!"_s, 3),
                                             line(11, 1, u"Здравствуйте"_s, 1, protocol::Author::Operator),
                                             line(10, 1, u"Диалог начат"_s, 0, protocol::Author::System),
                                             line(20, 2, u"later"_s, 9)};
        QVERIFY(store.storeHistory({first, second}, lines));

        QCOMPARE(store.historyDialogCount(), 2);
        const auto stored = store.historyDialog(1);
        QVERIFY(stored.has_value());
        QCOMPARE(*stored, first);
        QCOMPARE(store.historyMessages(1), (QList<protocol::Message>{lines[2], lines[1], lines[0]}));
        QVERIFY(store.historyComplete(1));
        QVERIFY(!store.historyComplete(2));
        QCOMPARE(store.historyDialog(2)->messageCount, 5); // the server's count, not the one cached line
        QVERIFY(!store.historyDialog(3).has_value());

        // The rest of dialog 2 comes whole: now complete, and the cached lines stay as they were.
        second.messagesTruncated = false;
        QVERIFY(store.storeHistory({second}, {line(19, 2, u"earlier"_s, 1), line(20, 2, u"changed?"_s, 9)}));
        QVERIFY(store.historyComplete(2));
        QCOMPARE(store.historyMessages(2).size(), 2);
        QCOMPARE(store.historyMessages(2).last().text, u"later"_s);
        QCOMPARE(search(store, u"later"_s), QList<qint64>{2});
        QVERIFY(search(store, u"changed"_s).isEmpty());
    }

    void searchesRussianAndEnglish()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        QVERIFY(store.storeHistory(
            {historyDialog(1), historyDialog(2), historyDialog(3), historyDialog(4)},
            {line(10, 1, u"Здравствуйте, где мой Заказ-15? Жду с понедельника."_s, 0),
             line(11, 1, u"Ваш заказ уже в пути."_s, 1, protocol::Author::Operator),
             line(20, 2, u"Your order was shipped yesterday"_s, 0),
             line(30, 3, u"Ёлка доставлена, спасибо"_s, 0),
             line(31, 3, u"Café crème at the office"_s, 1),
             line(40, 4, u"order"_s, 0), line(41, 4, u"shipped"_s, 1)}));

        QCOMPARE(search(store, u"заказ"_s), QList<qint64>{1});
        QCOMPARE(search(store, u"ЗАК"_s), QList<qint64>{1});         // a prefix, any case
        QCOMPARE(search(store, u"15"_s), QList<qint64>{1});          // Заказ-15: the number is a word
        QCOMPARE(search(store, u"елка"_s), QList<qint64>{3});        // ё is е
        QCOMPARE(search(store, u"ёлк"_s), QList<qint64>{3});
        QCOMPARE(search(store, u"cafe creme"_s), QList<qint64>{3});  // accents ignored
        QCOMPARE(search(store, u"order"_s), (QList<qint64>{4, 2}));  // newest dialog first
        // Every word in one line: dialog 4 has them in two lines.
        QCOMPARE(search(store, u"shipped order"_s), QList<qint64>{2});
        QCOMPARE(search(store, u"\"order was\""_s), QList<qint64>{2});
        QVERIFY(search(store, u"\"was order\""_s).isEmpty());
        QVERIFY(search(store, u"заказы"_s).isEmpty());
        QVERIFY(search(store, u"ордер"_s).isEmpty());

        // The snippet is the first matching line, the match marked.
        const auto hits = store.searchHistory(u"заказ"_s, {}, 0, 50);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits[0].snippet.messageId, 10);
        QCOMPARE(hits[0].snippet.text, u"Здравствуйте, где мой Заказ-15? Жду с понедельника."_s);
        QCOMPARE(marked(hits[0].snippet), QStringList{u"Заказ"_s});
        const auto yo = store.searchHistory(u"елка спас"_s, {}, 0, 50);
        QCOMPARE(marked(yo.value(0).snippet), (QStringList{u"Ёлка"_s, u"спасибо"_s}));
    }

    void hostileQueriesAreWords()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        QVERIFY(store.storeHistory({historyDialog(1), historyDialog(2)},
                                   {line(10, 1, u"NEAR the android store"_s, 0), line(20, 2, u"plain"_s, 0)}));
        for (const QString &query : {u"*"_s, u"\""_s, u"{}"_s, u"^"_s, u"!!!"_s, u"\"\""_s, u"   "_s})
            QCOMPARE(search(store, query), (QList<qint64>{2, 1})); // no words: everything
        QCOMPARE(search(store, u"NEAR("_s), QList<qint64>{1});
        QCOMPARE(search(store, u"AND"_s), QList<qint64>{1}); // "android"
        QCOMPARE(search(store, u"near AND store*"_s), QList<qint64>{1});
        QCOMPARE(search(store, u"^store \"the"_s), QList<qint64>{1});
        QVERIFY(search(store, u"{plain} near"_s).isEmpty());
        QVERIFY(store.errorString().isEmpty());
    }

    void findsNameContactAndFileName()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::HistoryDialog named = historyDialog(1, u"Анна Петрова"_s);
        named.visitor.contact = protocol::ContactDetails{u"Анна"_s, u"anna@example.org"_s, u"+7 900 123-45-67"_s};
        protocol::HistoryDialog offline = historyDialog(2);
        offline.dialog.offline = protocol::ContactDetails{u"Пётр"_s, u"petr@mail.ru"_s, {}};
        protocol::Message file = line(30, 3, {}, 0);
        file.file.url = u"/v1/files/abc"_s;
        file.file.name = u"invoice_2024.pdf"_s;
        file.file.size = 1200;
        QVERIFY(store.storeHistory({named, offline, historyDialog(3)}, {line(10, 1, u"hello"_s, 0), file}));

        QCOMPARE(search(store, u"петрова"_s), QList<qint64>{1});
        QCOMPARE(search(store, u"anna example"_s), QList<qint64>{1});
        QCOMPARE(search(store, u"900 123"_s), QList<qint64>{1});
        QCOMPARE(search(store, u"петр"_s), (QList<qint64>{2, 1})); // Пётр and Петрова
        QCOMPARE(search(store, u"petr@mail"_s), QList<qint64>{2});
        // Name and line words are not mixed: "анна hello" is in neither alone.
        QVERIFY(search(store, u"анна hello"_s).isEmpty());
        const auto byName = store.searchHistory(u"петрова"_s, {}, 0, 10);
        QCOMPARE(byName.value(0).snippet.messageId, 0);
        QVERIFY(byName.value(0).snippet.text.contains(u"anna@example.org"_s));
        QCOMPARE(marked(byName.value(0).snippet), QStringList{u"Петрова"_s});

        const auto byFile = store.searchHistory(u"invoice"_s, {}, 0, 10);
        QCOMPARE(idsOf(byFile), QList<qint64>{3});
        QCOMPARE(byFile[0].snippet.messageId, 30);
        QCOMPARE(byFile[0].snippet.text, u"invoice_2024.pdf"_s);
    }

    void everyFilterHolds()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        QList<protocol::HistoryDialog> dialogs;
        QList<protocol::Message> lines;
        for (qint64 id = 1; id <= 6; ++id) {
            dialogs.append(historyDialog(id));
            lines.append(line(id * 10, id, u"delivery question %1"_s.arg(id), 0));
        }
        dialogs[0].dialog.operatorId = 7;
        dialogs[1].dialog.operatorId = 8;
        dialogs[1].dialog.departmentId = 2;
        dialogs[2].dialog.categoryId = 5;
        dialogs[2].dialog.operatorId = 7;
        dialogs[3].dialog.rating.score = 4;
        dialogs[3].dialog.rating.at = kT0;
        dialogs[4].visitor.contact = protocol::ContactDetails{{}, u"x@y.z"_s, {}};
        dialogs[5].dialog.offline = protocol::ContactDetails{u"Olga"_s, {}, {}};
        QVERIFY(store.storeHistory(dialogs, lines));

        auto check = [&](const protocol::HistoryFilter &filter, const QList<qint64> &expected) {
            QCOMPARE(search(store, {}, filter), expected);
            QCOMPARE(search(store, u"deliv"_s, filter), expected);
            QCOMPARE(search(store, u"question"_s, filter, 0, 1), expected.mid(0, 1));
        };
        protocol::HistoryFilter f;
        check(f, {6, 5, 4, 3, 2, 1});
        f.operatorId = 7;
        check(f, {3, 1});
        f.categoryId = 5;
        check(f, {3});
        f = {};
        f.departmentId = 2;
        check(f, {2});
        f = {};
        f.rating = 4;
        check(f, {4});
        f.rating = 5;
        check(f, {});
        f = {};
        f.withContactOnly = true;
        check(f, {6, 5}); // a contact given, or an offline request's
        f = {};
        f.offlineOnly = true;
        check(f, {6});
        // Dates are UTC days of the start, inclusive: dialog N started on kT0's day + N.
        f = {};
        f.from = kT0.date().addDays(2);
        f.to = kT0.date().addDays(4);
        check(f, {4, 3, 2});
        f.from = kT0.date().addDays(5);
        check(f, {});
        f = {};
        f.to = kT0.date().addDays(1);
        check(f, {1});
        f = {};
        f.from = kT0.date().addDays(30);
        check(f, {});
    }

    void pagesWithBeforeId()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        QList<protocol::HistoryDialog> dialogs;
        QList<protocol::Message> lines;
        for (qint64 id = 1; id <= 5; ++id) {
            dialogs.append(historyDialog(id));
            // Many matching lines in each dialog: the walk must still list each dialog once.
            for (int n = 0; n < 60; ++n)
                lines.append(line(id * 1000 + n, id, u"проблема с оплатой %1"_s.arg(n), n));
        }
        QVERIFY(store.storeHistory(dialogs, lines));
        QCOMPARE(search(store, u"оплат"_s, {}, 0, 2), (QList<qint64>{5, 4}));
        QCOMPARE(search(store, u"оплат"_s, {}, 4, 2), (QList<qint64>{3, 2}));
        QCOMPARE(search(store, u"оплат"_s, {}, 2, 2), QList<qint64>{1});
        QCOMPARE(search(store, u"оплат"_s, {}, 1, 2), QList<qint64>{});
        QCOMPARE(search(store, {}, {}, 3, 50), (QList<qint64>{2, 1}));
        QCOMPARE(store.searchHistory(u"оплат"_s, {}, 0, 5).value(0).snippet.messageId, 5000);
    }

    void livePathKeepsIndex()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::OperatorInfo ira;
        ira.id = 7;
        ira.name = u"Ира"_s;
        QVERIFY(store.setOperators({ira}));
        protocol::Visitor visitor;
        visitor.id = 3;
        visitor.name = u"Мария"_s;
        visitor.online = true;
        QVERIFY(store.upsertVisitor(visitor));

        // A new dialog seen live from its start: complete.
        protocol::Dialog dialog;
        dialog.id = 50;
        dialog.visitorId = 3;
        dialog.createdAt = kT0;
        QVERIFY(store.upsertDialog(dialog));
        QVERIFY(store.historyComplete(50));
        QCOMPARE(store.historyDialog(50)->visitor.name, u"Мария"_s);
        QVERIFY(!store.historyDialog(50)->visitor.online);

        const protocol::Message hello = line(500, 50, u"Нужна счёт-фактура"_s, 1);
        QVERIFY(store.upsertMessage(hello));
        QVERIFY(!store.upsertMessage(hello)); // the echo
        QVERIFY(store.upsertMessage(line(501, 50, u"Диалог принят"_s, 2, protocol::Author::System)));
        QCOMPARE(store.historyDialog(50)->messageCount, 1); // a line counts once, system lines not at all
        QCOMPARE(search(store, u"счет фактура"_s), QList<qint64>{50});

        // Taken by Ira; then the visitor's name goes blank: the known one is kept.
        dialog.operatorId = 7;
        dialog.state = protocol::DialogState::Active;
        QVERIFY(store.upsertDialog(dialog));
        visitor.name.clear();
        QVERIFY(store.upsertVisitor(visitor));
        QVERIFY(store.upsertDialog(dialog));
        QCOMPARE(store.historyDialog(50)->operatorName, u"Ира"_s);
        QCOMPARE(store.historyDialog(50)->visitor.name, u"Мария"_s);
        QCOMPARE(search(store, u"мария"_s), QList<qint64>{50});
        protocol::HistoryFilter byIra;
        byIra.operatorId = 7;
        QCOMPARE(search(store, u"фактур"_s, byIra), QList<qint64>{50});

        // A page from the server with the same lines: nothing counted twice.
        protocol::HistoryDialog page = *store.historyDialog(50);
        page.messageCount = 1;
        QVERIFY(store.storeHistory({page}, {hello}));
        QCOMPARE(store.historyDialog(50)->messageCount, 1);
        QCOMPARE(store.historyMessages(50).size(), 2);

        // A dialog first met mid-way (already taken) is not complete.
        protocol::Dialog taken = dialog;
        taken.id = 51;
        QVERIFY(store.upsertDialog(taken));
        QVERIFY(!store.historyComplete(51));
    }

    void snapshotKeepsHistory()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        QVERIFY(store.storeHistory({historyDialog(1)}, {line(10, 1, u"old tea order"_s, 0)}));
        protocol::Visitor visitor;
        visitor.id = 9;
        visitor.name = u"Zoe"_s;
        protocol::Dialog open;
        open.id = 2;
        open.visitorId = 9;
        open.state = protocol::DialogState::Active;
        open.operatorId = 7;
        open.createdAt = kT0.addDays(2);
        QVERIFY(store.replaceWithSnapshot({visitor}, {open}, {line(20, 2, u"new tea order"_s, 0)}));
        QVERIFY(!store.historyComplete(2)); // seen first in a snapshot: earlier lines may be missing
        QCOMPARE(search(store, u"tea"_s), (QList<qint64>{2, 1}));

        // The next snapshot no longer lists dialog 2 (closed while away) nor anything else.
        QVERIFY(store.replaceWithSnapshot({}, {}, {}));
        QCOMPARE(store.historyDialogCount(), 2);
        QCOMPARE(search(store, u"tea"_s), (QList<qint64>{2, 1}));
        QCOMPARE(store.historyDialog(2)->dialog.state, protocol::DialogState::Closed);
        QCOMPARE(store.historyDialog(2)->visitor.name, u"Zoe"_s);
        QCOMPARE(store.historyMessages(1).size(), 1);
        // How it ended and what was said after we left is not here: flagged for the next login.
        QCOMPARE(store.staleHistoryDialogs(10), QList<qint64>{2});
        QVERIFY(!store.historyComplete(2));
        // The server's answer for it makes it fresh (and whole).
        protocol::HistoryDialog fetched = *store.historyDialog(2);
        QVERIFY(store.storeHistory({fetched}, {line(20, 2, u"new tea order"_s, 0), line(21, 2, u"closed meanwhile"_s, 5)}));
        QVERIFY(store.staleHistoryDialogs(10).isEmpty());
        QVERIFY(store.historyComplete(2));
        QCOMPARE(search(store, u"meanwhile"_s), QList<qint64>{2});
    }

    void openDialogsStillListedAreNotStale()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::Dialog open;
        open.id = 4;
        open.visitorId = 9;
        open.state = protocol::DialogState::Active;
        open.createdAt = kT0;
        QVERIFY(store.replaceWithSnapshot({}, {open}, {}));
        QVERIFY(store.replaceWithSnapshot({}, {open}, {})); // still open: nothing to fetch again
        QVERIFY(store.staleHistoryDialogs(10).isEmpty());
        QCOMPARE(store.historyDialog(4)->dialog.state, protocol::DialogState::Active);
    }

    void plainOperatorFindsOnlyDialogsTheyTookPartIn()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::OperatorInfo ira;
        ira.id = 7;
        ira.name = u"Ира"_s;
        ira.role = protocol::OperatorRole::Operator;
        QVERIFY(store.setOperatorInfo(ira));
        auto live = [&](qint64 id, qint64 operatorId, protocol::DialogState state) {
            protocol::Dialog dialog;
            dialog.id = id;
            dialog.visitorId = 200 + id;
            dialog.operatorId = operatorId;
            dialog.state = state;
            dialog.createdAt = kT0.addSecs(id * 60);
            return store.upsertDialog(dialog);
        };
        // Seen live: a waiting dialog a colleague (8) then took, one assigned to Ira, and one Ira
        // answered before transferring it to 8.
        QVERIFY(live(1, 0, protocol::DialogState::Waiting));
        QVERIFY(store.upsertMessage(line(10, 1, u"доставка чужая"_s, 0)));
        QVERIFY(live(1, 8, protocol::DialogState::Active));
        QVERIFY(live(2, 7, protocol::DialogState::Active));
        QVERIFY(store.upsertMessage(line(20, 2, u"доставка моя"_s, 0)));
        QVERIFY(live(3, 0, protocol::DialogState::Waiting));
        QVERIFY(store.upsertMessage(line(30, 3, u"доставка передана"_s, 0)));
        QVERIFY(store.upsertMessage(line(31, 3, u"Сейчас передам коллеге"_s, 1, protocol::Author::Operator))); // by 7
        QVERIFY(live(3, 8, protocol::DialogState::Active));

        QCOMPARE(search(store, u"доставка"_s), (QList<qint64>{3, 2}));
        QCOMPARE(search(store, QString()), (QList<qint64>{3, 2}));
        QCOMPARE(store.historyDialogCount(), 2);

        // A supervisor on the same cache sees every dialog.
        ira.role = protocol::OperatorRole::Supervisor;
        QVERIFY(store.setOperatorInfo(ira));
        QCOMPARE(search(store, u"доставка"_s), (QList<qint64>{3, 2, 1}));
    }

    void assignedToSomeoneElseUnderHideOthersIsNotWhole()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::OperatorInfo ira;
        ira.id = 7;
        ira.role = protocol::OperatorRole::Operator;
        QVERIFY(store.setOperatorInfo(ira));
        ServerSettings settings;
        settings.hideOthersDialogs = true;
        QVERIFY(store.setServerSettings(settings));
        protocol::Dialog dialog;
        dialog.id = 5;
        dialog.visitorId = 9;
        dialog.createdAt = kT0;
        QVERIFY(store.upsertDialog(dialog)); // new and waiting: seen from its start
        QVERIFY(store.historyComplete(5));
        QVERIFY(store.upsertMessage(line(50, 5, u"Здравствуйте"_s, 0)));
        QVERIFY(store.upsertMessage(line(51, 5, u"Добрый день"_s, 1, protocol::Author::Operator))); // Ira
        dialog.operatorId = 8; // transferred: its next lines never reach Ira
        dialog.state = protocol::DialogState::Active;
        QVERIFY(store.upsertDialog(dialog));
        QVERIFY(!store.historyComplete(5));
        QCOMPARE(search(store, u"здравствуйте"_s), QList<qint64>{5}); // still hers to look up
    }

    void generatedVisitorNamesAreNotSearched()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        protocol::HistoryDialog generated15 = historyDialog(15);
        generated15.dialog.visitorId = generated15.visitor.id = 15;
        generated15.visitor.name = u"Visitor 15"_s; // as the server names visitor 15
        QVERIFY(store.storeHistory({generated15}, {}));
        protocol::HistoryDialog named = historyDialog(16, u"Иван 15"_s);
        protocol::HistoryDialog withContact = historyDialog(17);
        withContact.visitor.contact = protocol::ContactDetails{u"Пётр"_s, u"petr15@example.com"_s, {}};
        protocol::HistoryDialog generated150 = historyDialog(50); // "Visitor 150"
        QVERIFY(store.storeHistory({named, withContact, generated150}, {}));
        QCOMPARE(search(store, u"15"_s), QList<qint64>{16});
        QCOMPARE(search(store, u"visitor"_s), QList<qint64>{});
        QCOMPARE(search(store, u"петр"_s), QList<qint64>{17});
        QCOMPARE(search(store, u"petr15"_s), QList<qint64>{17});
        // The list still shows the generated name.
        QCOMPARE(store.historyDialog(50)->visitor.name, u"Visitor 150"_s);
    }

    void backfillCursorAndViewer()
    {
        const QString path = newPath();
        {
            LocalStore store;
            QVERIFY(store.open(path));
            QCOMPARE(store.historyBackfillBeforeId(), 0);
            QVERIFY(!store.historyBackfillComplete());
            QVERIFY(store.historyViewer().isEmpty());
            QVERIFY(store.setHistoryBackfill(1234, false));
            QVERIFY(store.setHistoryViewer(u"7:operator"_s));
        }
        LocalStore reopened;
        QVERIFY(reopened.open(path));
        QCOMPARE(reopened.historyBackfillBeforeId(), 1234);
        QVERIFY(!reopened.historyBackfillComplete());
        QCOMPARE(reopened.historyViewer(), u"7:operator"_s);
        QVERIFY(reopened.setHistoryBackfill(0, true));
        QVERIFY(reopened.historyBackfillComplete());
    }

    void migrationFromV8MakesOldLinesSearchable()
    {
        const QString path = newPath();
        {
            LocalStore store;
            QVERIFY(store.open(path));
            protocol::Visitor visitor;
            visitor.id = 4;
            visitor.name = u"Фёдор"_s;
            QVERIFY(store.upsertVisitor(visitor));
            protocol::Dialog dialog;
            dialog.id = 8;
            dialog.visitorId = 4;
            dialog.state = protocol::DialogState::Closed;
            dialog.createdAt = kT0;
            QVERIFY(store.upsertDialog(dialog));
            QVERIFY(store.upsertMessage(line(80, 8, u"Возврат денег за зелёный чай"_s, 0)));
            QVERIFY(store.upsertMessage(line(81, 8, u"Оформлен"_s, 1, protocol::Author::Operator)));
        }
        // Take the file back to what v8 wrote: no history tables, no history_key.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : {u"DROP TABLE history"_s, u"DROP TABLE history_lines"_s,
                                       u"DROP TABLE history_names"_s, u"DROP TABLE history_words"_s,
                                       u"ALTER TABLE messages DROP COLUMN history_key"_s,
                                       u"UPDATE schema_version SET version = 8"_s})
                QVERIFY2(q.exec(sql), qPrintable(sql));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);

        LocalStore migrated;
        QVERIFY2(migrated.open(path), qPrintable(migrated.errorString()));
        QCOMPARE(migrated.schemaVersion(), LocalStore::kSchemaVersion);
        QCOMPARE(search(migrated, u"зеленый чай"_s), QList<qint64>{8});
        QCOMPARE(search(migrated, u"федор"_s), QList<qint64>{8});
        QCOMPARE(migrated.historyDialog(8)->messageCount, 2);
        QVERIFY(!migrated.historyComplete(8)); // not known to be whole
        // Lines after the migration join the same numbering, each once.
        QVERIFY(migrated.upsertMessage(line(82, 8, u"Чай вернули"_s, 2)));
        QVERIFY(!migrated.upsertMessage(line(80, 8, u"Возврат денег за зелёный чай"_s, 0)));
        QCOMPARE(migrated.historyDialog(8)->messageCount, 3);
        QCOMPARE(search(migrated, u"чай"_s), QList<qint64>{8});
        QCOMPARE(migrated.searchHistory(u"чай"_s, {}, 0, 5).value(0).snippet.messageId, 80);
    }
};

QTEST_GUILESS_MAIN(TestLocalStoreHistory)
#include "tst_local_store_history.moc"
