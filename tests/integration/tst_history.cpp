// SPDX-License-Identifier: GPL-3.0-or-later
// The server's history (docs/protocol.md, "History") over the operator socket: who sees which
// dialogs, history.page walking everything once (a dialog bigger than a page comes truncated and
// history.get's beforeId brings the rest), history.search in Russian and English with every
// filter, hostile queries as plain words, the 500-character limit, Offline; and an older database
// whose existing lines become searchable when the server migrates it.
#include "HttpTestClient.h"
#include "ServerTestKit.h"

#include "protocol/HistoryText.h"

#include "protocol/ProtocolVersion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kSam = u"sam@example.com"_s; // supervisor

qint64 operatorIdOf(const QJsonObject &hello)
{
    return idOf(hello.value(u"operator").toObject().value(u"id"));
}

/// The dialog ids of a history.page or history.search answer, in order.
QList<qint64> dialogIds(const QJsonObject &reply)
{
    QList<qint64> ids;
    const QJsonObject answer = data(reply);
    const QJsonArray items = answer.contains(u"hits") ? answer.value(u"hits").toArray() : answer.value(u"dialogs").toArray();
    const bool hits = answer.contains(u"hits");
    for (const QJsonValue &item : items) {
        const QJsonObject historyDialog = hits ? item[u"dialog"].toObject() : item.toObject();
        ids.append(idOf(historyDialog[u"dialog"][u"id"]));
    }
    return ids;
}

QList<qint64> messageIds(const QJsonArray &messages)
{
    QList<qint64> ids;
    for (const QJsonValue &message : messages)
        ids.append(idOf(message.toObject().value(u"id")));
    return ids;
}

QJsonObject search(RawProtocolClient &op, const QString &query, const QJsonObject &filter = {})
{
    QJsonObject fields{{u"query"_s, query}, {u"limit"_s, 200}};
    if (!filter.isEmpty())
        fields.insert(u"filter"_s, filter);
    return op.request(u"history.search"_s, fields);
}

QList<qint64> found(RawProtocolClient &op, const QString &query, const QJsonObject &filter = {})
{
    const QJsonObject reply = search(op, query, filter);
    if (!isResult(reply))
        qWarning() << "history.search failed" << reply;
    return dialogIds(reply);
}

/// The snippet of the hit for \a dialogId; {} when absent.
QJsonObject snippetFor(const QJsonObject &reply, qint64 dialogId)
{
    for (const QJsonValue &hit : data(reply).value(u"hits").toArray()) {
        if (idOf(hit[u"dialog"][u"dialog"][u"id"]) == dialogId)
            return hit[u"snippet"].toObject();
    }
    return {};
}

/// The marked words of a snippet, folded (as a user would see them highlighted).
QStringList highlighted(const QJsonObject &snippet)
{
    QStringList words;
    const QString text = snippet.value(u"text").toString();
    for (const QJsonValue &span : snippet.value(u"highlights").toArray())
        words.append(concierge::protocol::HistoryText::fold(text.mid(span[0].toInt(), span[1].toInt())));
    return words;
}

QList<qint64> sortedDescending(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end(), std::greater<>());
    return ids;
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void anOperatorSeesTheDialogsTheyTookPartIn();
    void aSupervisorSeesEverything();
    void pagesWalkEverythingOnceNewestFirst();
    void searchFindsRussianWords();
    void searchFindsEnglishWordsAndPhrases();
    void aFileIsFoundByItsName();
    void aVisitorIsFoundByNameAndContact();
    void anOfflineRequestIsFoundByItsContact();
    void theGeneratedVisitorNameIsNotSearched();
    void everyFilterField();
    void searchPagesByDialogNotByLine();
    void hostileQueriesAreJustWords_data();
    void hostileQueriesAreJustWords();
    void aTooLongQueryIsRefusedAndTheSocketKeepsWorking();
    void outOfRangeLimitsAreClamped();
    void offlineOperatorsAreRefused();
    void aDialogBiggerThanAPageComesTruncatedAndTheRestFollows();
    void anOlderDatabaseBecomesSearchable();

private:
    ServerProcess &server() { return *m_server; }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna, m_boris, m_sam;
    std::vector<std::unique_ptr<RawProtocolClient>> m_visitors;
    qint64 m_annaId = 0, m_borisId = 0;
    qint64 m_sales = 0, m_delivery = 0;
    qint64 m_parcel = 0;   // Anna's, Sales, category Delivery, rated 5, closed (Russian)
    qint64 m_refund = 0;   // Anna answered, then transferred to Boris (English)
    qint64 m_zebra = 0;    // Boris's only
    qint64 m_invoice = 0;  // Anna's; the visitor left contact details and sent a file
    qint64 m_offline = 0;  // an offline request nobody took
};

void TestHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(admin(server(), {u"create-department"_s, u"--name"_s, u"Sales"_s}));
    QVERIFY(admin(server(), {u"create-category"_s, u"--name"_s, u"Delivery"_s}));
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s, {u"--department"_s, u"Sales"_s}));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s, {u"--department"_s, u"Sales"_s}));
    QVERIFY(createOperator(server(), kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}));
    QVERIFY2(server().start({u"--auto-assign"_s, u"off"_s}), qPrintable(server().output()));

    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(m_anna);
    m_annaId = operatorIdOf(hello);
    m_sales = departmentId(hello, u"Sales"_s);
    m_delivery = categoryId(hello, u"Delivery"_s);
    m_boris = loginOperator(server(), kBoris, u"online"_s, &hello);
    QVERIFY(m_boris);
    m_borisId = operatorIdOf(hello);
    m_sam = loginOperator(server(), kSam);
    QVERIFY(m_sam);
    const auto take = [](RawProtocolClient &op, qint64 dialogId) {
        return isResult(op.request(u"dialog.take"_s, {{u"dialogId"_s, dialogId}}));
    };
    const auto visitor = [this](QJsonObject *visitorHello = nullptr) -> RawProtocolClient & {
        m_visitors.push_back(connectVisitor(server(), visitorHello));
        return *m_visitors.back();
    };

    RawProtocolClient &first = visitor();
    m_parcel = openDialog(first, u"Где моя посылка? Ёлка так и не пришла"_s, m_sales);
    QVERIFY(m_parcel > 0);
    QVERIFY(take(*m_anna, m_parcel));
    QVERIFY(isResult(operatorSend(*m_anna, m_parcel, u"Ваш заказа уже в пути, номер Заказ-15"_s)));
    QVERIFY(isResult(m_anna->request(u"dialog.category.set"_s, {{u"dialogId"_s, m_parcel}, {u"categoryId"_s, m_delivery}})));
    QVERIFY(isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, m_parcel}})));
    QVERIFY(isResult(first.request(u"dialog.rate"_s, {{u"dialogId"_s, m_parcel}, {u"score"_s, 5}})));

    m_refund = openDialog(visitor(), u"Hello, I need a REFUND for my order"_s);
    QVERIFY(m_refund > 0);
    QVERIFY(take(*m_anna, m_refund));
    QVERIFY(isResult(operatorSend(*m_anna, m_refund, u"Refund approved, passing you to Boris"_s)));
    QVERIFY(isResult(transfer(*m_anna, m_refund, {{u"operatorId"_s, m_borisId}})));

    m_zebra = openDialog(visitor(), u"The zebra crossing near your shop"_s);
    QVERIFY(m_zebra > 0);
    QVERIFY(take(*m_boris, m_zebra));
    QVERIFY(isResult(operatorSend(*m_boris, m_zebra, u"Zebra noted"_s)));

    QJsonObject invoiceHello;
    RawProtocolClient &fourth = visitor(&invoiceHello);
    QVERIFY(isResult(fourth.request(u"contact.submit"_s, {{u"name"_s, u"Иван Петров"_s},
                                                            {u"email"_s, u"ivan.petrov@example.com"_s},
                                                            {u"phone"_s, u"+7 900 123-45-67"_s}})));
    m_invoice = openDialog(fourth, u"Просто вопрос"_s);
    QVERIFY(m_invoice > 0);
    QVERIFY(take(*m_anna, m_invoice));
    QVERIFY(isResult(operatorSend(*m_anna, m_invoice, u"Слушаю вас"_s)));
    QUrlQuery upload;
    upload.addQueryItem(u"cid"_s, newCid());
    upload.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(u"Счёт-фактура_2024.txt"_s)));
    const HttpReply uploaded = http::send("POST", http::url(server().url(), u"/v1/visitor/files"_s, upload),
                                          "the invoice", invoiceHello.value(u"visitorToken").toString());
    QCOMPARE(uploaded.status, 200);

    const QJsonObject offline = visitor().request(
        u"offline.request"_s, {{u"cid"_s, newCid()}, {u"name"_s, u"Olga"_s}, {u"email"_s, u"olga@example.com"_s},
                               {u"text"_s, u"Please call me back about delivery"_s}});
    QVERIFY2(isResult(offline), qPrintable(errorCode(offline)));
    m_offline = idOf(data(offline).value(u"message").toObject().value(u"dialogId"));
    QVERIFY(m_offline > 0);
}

void TestHistory::cleanupTestCase()
{
    if (QTest::currentTestFailed() && m_server)
        qInfo().noquote() << "server output:\n" << server().output();
}

void TestHistory::anOperatorSeesTheDialogsTheyTookPartIn()
{
    const QJsonObject page = m_anna->request(u"history.page"_s, {{u"limit"_s, 100}});
    QVERIFY2(isResult(page), qPrintable(errorCode(page)));
    // Her own, and the one she answered and handed to Boris; not Boris's, not the untaken request.
    QCOMPARE(dialogIds(page), (QList<qint64>{m_invoice, m_refund, m_parcel}));
    QCOMPARE(data(page).value(u"total").toInteger(), 3);
    QCOMPARE(data(page).value(u"nextBeforeId").toInteger(), 0);

    QVERIFY(isResult(m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, m_refund}})));
    QCOMPARE(errorCode(m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, m_zebra}})), u"not_found"_s);
    QCOMPARE(errorCode(m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, 999999}})), u"not_found"_s);
    QCOMPARE(found(*m_anna, u"zebra"_s), QList<qint64>{});
    QCOMPARE(found(*m_boris, u"zebra"_s), QList<qint64>{m_zebra});
    QCOMPARE(dialogIds(m_boris->request(u"history.page"_s)), (QList<qint64>{m_zebra, m_refund}));
}

void TestHistory::aSupervisorSeesEverything()
{
    const QJsonObject page = m_sam->request(u"history.page"_s, {{u"limit"_s, 100}});
    QVERIFY(isResult(page));
    const QList<qint64> ids = dialogIds(page);
    for (const qint64 id : {m_offline, m_invoice, m_zebra, m_refund, m_parcel})
        QVERIFY2(ids.contains(id), qPrintable(QString::number(id)));
    QCOMPARE(data(page).value(u"total").toInteger(), ids.size());
    QCOMPARE(found(*m_sam, u"zebra"_s), QList<qint64>{m_zebra});

    // One dialog as the history shows it: the names in force, the count, the visitor as then.
    const QJsonObject parcel = m_sam->request(u"history.dialog"_s, {{u"dialogId"_s, m_parcel}});
    QVERIFY(isResult(parcel));
    const QJsonObject item = data(parcel).value(u"dialog").toObject();
    QCOMPARE(item.value(u"operatorName").toString(), u"Anna"_s);
    QCOMPARE(item.value(u"departmentName").toString(), u"Sales"_s);
    QCOMPARE(item.value(u"categoryName").toString(), u"Delivery"_s);
    QCOMPARE(item.value(u"messageCount").toInt(), 2); // the category and closing lines are not counted
    QCOMPARE(item.value(u"visitor").toObject().value(u"online").toBool(), false);
    QVERIFY(!item.contains(u"messagesTruncated"));
    const QJsonArray lines = data(parcel).value(u"messages").toArray();
    QVERIFY(lines.size() >= 2);
    QCOMPARE(lines.at(0)[u"text"].toString(), u"Где моя посылка? Ёлка так и не пришла"_s);
}

void TestHistory::pagesWalkEverythingOnceNewestFirst()
{
    const QJsonObject all = m_sam->request(u"history.page"_s, {{u"limit"_s, 100}});
    const qint64 total = data(all).value(u"total").toInteger();
    QList<qint64> walked;
    qint64 before = 0;
    for (int pages = 0; pages < 50; ++pages) {
        QJsonObject fields{{u"limit"_s, 2}};
        if (before > 0)
            fields.insert(u"beforeId"_s, before);
        const QJsonObject page = m_sam->request(u"history.page"_s, fields);
        QVERIFY2(isResult(page), qPrintable(errorCode(page)));
        QCOMPARE(data(page).value(u"total").toInteger(), total);
        const QList<qint64> ids = dialogIds(page);
        QVERIFY(ids.size() <= 2);
        // Each dialog's lines are all there, oldest first, exactly as history.dialog has them.
        const QList<qint64> lines = messageIds(data(page).value(u"messages").toArray());
        QList<qint64> expected;
        for (const qint64 id : ids)
            expected += messageIds(data(m_sam->request(u"history.dialog"_s, {{u"dialogId"_s, id}})).value(u"messages").toArray());
        QCOMPARE(lines, expected);
        walked += ids;
        before = data(page).value(u"nextBeforeId").toInteger();
        if (before == 0)
            break;
        QCOMPARE(before, ids.last());
    }
    QCOMPARE(before, 0);
    QCOMPARE(walked.size(), total);
    QCOMPARE(QSet<qint64>(walked.cbegin(), walked.cend()).size(), walked.size());
    QCOMPARE(walked, sortedDescending(walked));
    QCOMPARE(walked, dialogIds(all));
}

void TestHistory::searchFindsRussianWords()
{
    // Case and a prefix: "ЗАКАЗ" finds "заказа" and "Заказ-15", marked in the operator's line.
    const QJsonObject reply = search(*m_sam, u"ЗАКАЗ"_s);
    QCOMPARE(dialogIds(reply), QList<qint64>{m_parcel});
    const QJsonObject snippet = snippetFor(reply, m_parcel);
    QCOMPARE(snippet.value(u"text").toString(), u"Ваш заказа уже в пути, номер Заказ-15"_s);
    QVERIFY(idOf(snippet.value(u"messageId")) > 0);
    QCOMPARE(highlighted(snippet), (QStringList{u"заказа"_s, u"заказ"_s}));

    // ё and е are one letter, both ways.
    QCOMPARE(found(*m_sam, u"елка"_s), QList<qint64>{m_parcel});
    QCOMPARE(found(*m_sam, u"Ёлка"_s), QList<qint64>{m_parcel});
    QCOMPARE(found(*m_sam, u"ужё"_s), QList<qint64>{m_parcel});
    // Every word in one line: these two are in different lines of the same dialog.
    QCOMPARE(found(*m_sam, u"посылка заказ"_s), QList<qint64>{});
    QCOMPARE(found(*m_sam, u"посылка ёлка"_s), QList<qint64>{m_parcel});
    // A word's middle is not a word's start.
    QCOMPARE(found(*m_sam, u"каз"_s), QList<qint64>{});
}

void TestHistory::searchFindsEnglishWordsAndPhrases()
{
    QCOMPARE(found(*m_sam, u"refund"_s), QList<qint64>{m_refund});
    QCOMPARE(found(*m_sam, u"REFUND APPROVED"_s), QList<qint64>{m_refund});
    QCOMPARE(found(*m_sam, u"\"refund approved\""_s), QList<qint64>{m_refund});
    QCOMPARE(found(*m_sam, u"\"approved refund\""_s), QList<qint64>{});
    QCOMPARE(found(*m_sam, u"\"refund appr"_s), QList<qint64>{m_refund}); // unclosed: to the end, last word a prefix
    QCOMPARE(found(*m_sam, u"hello approved"_s), QList<qint64>{}); // two lines, not one
    QVERIFY(found(*m_sam, u"deliver"_s).contains(m_offline)); // "delivery"
    // The transfer's system line is searchable too (its stored English text names Boris).
    QVERIFY(found(*m_sam, u"boris"_s).contains(m_refund));
}

void TestHistory::aFileIsFoundByItsName()
{
    const QJsonObject reply = search(*m_sam, u"счет фактура"_s);
    QCOMPARE(dialogIds(reply), QList<qint64>{m_invoice});
    const QJsonObject snippet = snippetFor(reply, m_invoice);
    QVERIFY2(snippet.value(u"text").toString().contains(u"Счёт-фактура_2024.txt"_s), qPrintable(snippet.value(u"text").toString()));
    QVERIFY(idOf(snippet.value(u"messageId")) > 0);
    QCOMPARE(found(*m_sam, u"2024"_s), QList<qint64>{m_invoice});
}

void TestHistory::aVisitorIsFoundByNameAndContact()
{
    const QJsonObject byName = search(*m_sam, u"иван"_s);
    QCOMPARE(dialogIds(byName), QList<qint64>{m_invoice});
    const QJsonObject snippet = snippetFor(byName, m_invoice);
    QVERIFY(snippet.value(u"messageId").isNull());
    QVERIFY2(snippet.value(u"text").toString().contains(u"Иван Петров"_s), qPrintable(snippet.value(u"text").toString()));
    QCOMPARE(highlighted(snippet), QStringList{u"иван"_s});
    QCOMPARE(found(*m_sam, u"ivan.petrov@example.com"_s), QList<qint64>{m_invoice});
    QCOMPARE(found(*m_sam, u"Петров Иван"_s), QList<qint64>{m_invoice}); // name and contact: every word, any order
    QCOMPARE(found(*m_sam, u"иван zebra"_s), QList<qint64>{});
    // Visible only to who may see the dialog.
    QCOMPARE(found(*m_boris, u"иван"_s), QList<qint64>{});
}

void TestHistory::anOfflineRequestIsFoundByItsContact()
{
    const QJsonObject byName = search(*m_sam, u"olga"_s);
    QCOMPARE(dialogIds(byName), QList<qint64>{m_offline});
    const QJsonObject snippet = snippetFor(byName, m_offline);
    QVERIFY(snippet.value(u"messageId").isNull()); // found by the form's name, not by a line
    QVERIFY2(snippet.value(u"text").toString().contains(u"olga@example.com"_s), qPrintable(snippet.value(u"text").toString()));
    QCOMPARE(highlighted(snippet), (QStringList{u"olga"_s, u"olga"_s})); // the name and the email
    QCOMPARE(found(*m_sam, u"olga@example.com"_s), QList<qint64>{m_offline});
    QCOMPARE(found(*m_sam, u"olga delivery"_s), QList<qint64>{}); // every word in one line or in the names
    QCOMPARE(found(*m_anna, u"olga"_s), QList<qint64>{}); // nobody took it: only supervisors see it
}

void TestHistory::theGeneratedVisitorNameIsNotSearched()
{
    // The zebra visitor never gave a name: the server calls them "Visitor <id>".
    const QJsonObject hit = data(m_sam->request(u"history.dialog"_s, {{u"dialogId"_s, m_zebra}}));
    const QString generated = hit[u"dialog"][u"visitor"][u"name"].toString();
    QVERIFY2(generated.startsWith(u"Visitor "_s), qPrintable(generated));
    const QString number = generated.mid(8);
    QVERIFY(!found(*m_sam, generated).contains(m_zebra));
    QVERIFY(!found(*m_sam, number).contains(m_zebra));
    QCOMPARE(found(*m_sam, u"zebra crossing"_s), QList<qint64>{m_zebra}); // its lines still are
}

void TestHistory::everyFilterField()
{
    const QString todayUtc = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate);
    const QString tomorrow = QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);

    QCOMPARE(found(*m_sam, {}, {{u"operatorId"_s, m_annaId}}), (QList<qint64>{m_invoice, m_parcel}));
    QCOMPARE(found(*m_sam, {}, {{u"operatorId"_s, m_borisId}}), (QList<qint64>{m_zebra, m_refund}));
    QCOMPARE(found(*m_sam, {}, {{u"departmentId"_s, m_sales}}), QList<qint64>{m_parcel});
    QCOMPARE(found(*m_sam, {}, {{u"categoryId"_s, m_delivery}}), QList<qint64>{m_parcel});
    QCOMPARE(found(*m_sam, {}, {{u"rating"_s, 5}}), QList<qint64>{m_parcel});
    QCOMPARE(found(*m_sam, {}, {{u"rating"_s, 4}}), QList<qint64>{});
    QCOMPARE(found(*m_sam, {}, {{u"withContact"_s, true}}), (QList<qint64>{m_offline, m_invoice}));
    QCOMPARE(found(*m_sam, {}, {{u"offline"_s, true}}), QList<qint64>{m_offline});
    QVERIFY(found(*m_sam, {}, {{u"from"_s, todayUtc}, {u"to"_s, todayUtc}}).contains(m_parcel));
    QCOMPARE(found(*m_sam, {}, {{u"to"_s, yesterday}}), QList<qint64>{});
    QCOMPARE(found(*m_sam, {}, {{u"from"_s, tomorrow}}), QList<qint64>{});
    // Words and filters together; an operator's filter stays inside her history.
    QCOMPARE(found(*m_sam, u"заказ"_s, {{u"operatorId"_s, m_borisId}}), QList<qint64>{});
    QCOMPARE(found(*m_anna, {}, {{u"operatorId"_s, m_borisId}}), QList<qint64>{m_refund});
    // A field of the wrong type counts as absent; unknown fields are ignored.
    QCOMPARE(found(*m_anna, {}, {{u"rating"_s, u"five"_s}, {u"colour"_s, u"red"_s}}),
             (QList<qint64>{m_invoice, m_refund, m_parcel}));
}

void TestHistory::searchPagesByDialogNotByLine()
{
    // Two older dialogs get a matching line after a newer dialog's only match, its first line:
    // the newest matching line is not in the newest matching dialog. Pages stay by dialog.
    auto first = connectVisitor(server());
    auto second = connectVisitor(server());
    auto third = connectVisitor(server());
    const qint64 older = openDialog(*first, u"Good morning"_s);
    const qint64 old = openDialog(*second, u"Good day"_s);
    const qint64 newer = openDialog(*third, u"Kiwifruit from the shop, please"_s);
    QVERIFY(older > 0 && old > older && newer > old);
    QVERIFY(isResult(operatorSend(*m_sam, older, u"We have kiwifruit"_s)));
    QVERIFY(isResult(operatorSend(*m_sam, old, u"Kiwifruit is in stock"_s)));
    QList<qint64> walked;
    qint64 before = 0;
    for (int i = 0; i < 5; ++i) {
        QJsonObject fields{{u"query"_s, u"kiwi"_s}, {u"limit"_s, 1}};
        if (before > 0)
            fields.insert(u"beforeId"_s, before);
        const QJsonObject page = m_sam->request(u"history.search"_s, fields);
        QVERIFY(isResult(page));
        walked += dialogIds(page);
        before = data(page).value(u"nextBeforeId").toInteger();
        if (before == 0)
            break;
    }
    QCOMPARE(walked, (QList<qint64>{newer, old, older}));
    QCOMPARE(found(*m_sam, u"kiwi"_s), (QList<qint64>{newer, old, older}));
}

void TestHistory::hostileQueriesAreJustWords_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<qint64>>("expected"); // only dialogs made by this test can be named here
    const QList<qint64> none;
    QTest::newRow("unclosed quote") << u"\"unclosed"_s << none;
    QTest::newRow("star") << u"*"_s << QList<qint64>{-1};
    QTest::newRow("NEAR") << u"NEAR(a b)"_s << none;
    QTest::newRow("operators") << u"a AND OR NOT"_s << none;
    QTest::newRow("caret") << u"^x"_s << none;
    QTest::newRow("sql comment") << u"'--"_s << QList<qint64>{-1};
    QTest::newRow("braces") << u"{}"_s << QList<qint64>{-1};
    QTest::newRow("column filter") << u"text:refund"_s << none;
    QTest::newRow("OR is a word") << u"refund OR"_s << QList<qint64>{m_refund};
    QTest::newRow("minus is a separator") << u"-refund"_s << QList<qint64>{m_refund};
    QTest::newRow("star after a word") << u"refund*"_s << QList<qint64>{m_refund};
    QTest::newRow("NOT is a word") << u"refund NOT zebra"_s << none;
    QTest::newRow("quotes only") << u"\"\"\""_s << QList<qint64>{-1};
    QTest::newRow("brackets") << u"([refund])"_s << QList<qint64>{m_refund};
}

void TestHistory::hostileQueriesAreJustWords()
{
    QFETCH(QString, query);
    QFETCH(QList<qint64>, expected);
    const QJsonObject reply = search(*m_sam, query);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply) + u": "_s + query));
    if (expected == QList<qint64>{-1}) // no words at all: the same as "" (every dialog)
        QCOMPARE(dialogIds(reply), dialogIds(search(*m_sam, QString())));
    else
        QCOMPARE(dialogIds(reply), expected);
}

void TestHistory::aTooLongQueryIsRefusedAndTheSocketKeepsWorking()
{
    const QJsonObject refused = search(*m_anna, QString(501, u'я'));
    QCOMPARE(errorCode(refused), u"bad_request"_s);
    QVERIFY(refused.value(u"message").toString().contains(u"500"_s));
    QVERIFY(m_anna->isOpen());
    QCOMPARE(found(*m_anna, u"refund"_s), QList<qint64>{m_refund});
    QVERIFY(isResult(search(*m_anna, QString(500, u'я'))));
    QCOMPARE(errorCode(m_anna->request(u"history.search"_s, {{u"query"_s, 42}})), u"bad_request"_s);
    QCOMPARE(errorCode(m_anna->request(u"history.page"_s, {{u"beforeId"_s, u"x"_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(m_anna->request(u"history.dialog"_s, {})), u"bad_request"_s);
}

void TestHistory::outOfRangeLimitsAreClamped()
{
    QCOMPARE(dialogIds(m_anna->request(u"history.page"_s, {{u"limit"_s, 0}})).size(), 1);
    QCOMPARE(dialogIds(m_anna->request(u"history.page"_s, {{u"limit"_s, -5}})).size(), 1);
    QCOMPARE(dialogIds(m_anna->request(u"history.page"_s, {{u"limit"_s, 100000}})).size(), 3);
    const QJsonObject one = m_anna->request(u"history.search"_s, {{u"query"_s, u""_s}, {u"limit"_s, 0}});
    QCOMPARE(dialogIds(one), QList<qint64>{m_invoice});
    QCOMPARE(data(one).value(u"nextBeforeId").toInteger(), m_invoice);
    const QJsonObject next = m_anna->request(u"history.search"_s,
                                             {{u"query"_s, u""_s}, {u"limit"_s, 1}, {u"beforeId"_s, m_invoice}});
    QCOMPARE(dialogIds(next), QList<qint64>{m_refund});
}

void TestHistory::offlineOperatorsAreRefused()
{
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    QCOMPARE(errorCode(m_anna->request(u"history.page"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(search(*m_anna, u"refund"_s)), u"forbidden"_s);
    QCOMPARE(errorCode(m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, m_parcel}})), u"forbidden"_s);
    QCOMPARE(errorCode(m_anna->request(u"history.get"_s, {{u"dialogId"_s, m_parcel}})), u"forbidden"_s);
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    QVERIFY(isResult(m_anna->request(u"history.page"_s)));
}

void TestHistory::aDialogBiggerThanAPageComesTruncatedAndTheRestFollows()
{
    const qint64 big = openDialog(*connectVisitor(server()), u"A long story follows"_s);
    QVERIFY(big > 0);
    QVERIFY(isResult(m_anna->request(u"dialog.take"_s, {{u"dialogId"_s, big}})));
    for (int i = 0; i < 70; ++i) // 70 × 9,000 characters: past the 512 KiB of one page
        QVERIFY(isResult(operatorSend(*m_anna, big, u"Line %1 "_s.arg(i) + QString(9000, u'x'))));
    // history.dialog fits the frame too: the newest lines, truncated.
    const QJsonObject opened = m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, big}});
    QVERIFY(isResult(opened));
    QVERIFY(QJsonDocument(data(opened)).toJson(QJsonDocument::Compact).size() < concierge::protocol::kMaxFrameBytes);
    QVERIFY(data(opened)[u"dialog"][u"messagesTruncated"].toBool());
    const QList<qint64> openedLines = messageIds(data(opened).value(u"messages").toArray());
    QVERIFY(openedLines.size() > 10 && openedLines.size() < 71);
    // A dialog that fits comes whole, without the flag.
    const QJsonObject small = m_anna->request(u"history.dialog"_s, {{u"dialogId"_s, m_parcel}});
    QVERIFY(!data(small)[u"dialog"].toObject().contains(u"messagesTruncated"));
    QCOMPARE(data(small)[u"dialog"][u"messageCount"].toInt(), 2);

    // Every line: the truncated answer completed by history.get with beforeId, page by page.
    const auto linesBefore = [this, big](qint64 before) {
        QList<qint64> rest;
        while (true) {
            const QJsonObject older = m_anna->request(u"history.get"_s,
                                                      {{u"dialogId"_s, big}, {u"beforeId"_s, before}, {u"limit"_s, 25}});
            if (!isResult(older))
                return QList<qint64>{-1};
            const QList<qint64> ids = messageIds(data(older).value(u"messages").toArray());
            if (ids.isEmpty())
                return rest;
            rest = ids + rest;
            before = ids.first();
        }
    };
    const QList<qint64> every = linesBefore(openedLines.first()) + openedLines;
    QCOMPARE(every.size(), 71);
    QCOMPARE(QSet<qint64>(every.cbegin(), every.cend()).size(), 71);

    const QJsonObject page = m_anna->request(u"history.page"_s, {{u"beforeId"_s, big + 1}});
    QVERIFY(isResult(page));
    QCOMPARE(dialogIds(page), QList<qint64>{big}); // alone: the next dialog waits for the next page
    QCOMPARE(data(page).value(u"nextBeforeId").toInteger(), big);
    QVERIFY(data(page)[u"dialogs"][0][u"messagesTruncated"].toBool());
    QVERIFY(QJsonDocument(data(page)).toJson(QJsonDocument::Compact).size() < concierge::protocol::kMaxFrameBytes);
    const QList<qint64> newest = messageIds(data(page).value(u"messages").toArray());
    QVERIFY(newest.size() > 10 && newest.size() < every.size());
    QCOMPARE(newest, every.mid(every.size() - newest.size()));

    // history.get with beforeId, page by page, brings exactly the rest.
    QCOMPARE(linesBefore(newest.first()) + newest, every);

    // The next page goes on below it, whole.
    const QJsonObject next = m_anna->request(u"history.page"_s, {{u"beforeId"_s, big}});
    QCOMPARE(dialogIds(next), (QList<qint64>{m_invoice, m_refund, m_parcel}));
    QCOMPARE(data(next).value(u"total").toInteger(), 4);
    // Boris took no part in it: not in his history.
    QCOMPARE(errorCode(m_boris->request(u"history.dialog"_s, {{u"dialogId"_s, big}})), u"not_found"_s);
}

namespace {

/// Takes the state database back to schema 5: no search tables (the lines stay).
bool downgradeToSchema5(const QString &databasePath)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema5"_s);
        db.setDatabaseName(databasePath);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : {u"DROP TABLE message_search"_s, u"DROP TABLE search_words"_s,
                                         u"DROP TABLE dialog_search"_s, u"DROP INDEX page_views_by_visit"_s,
                                         u"DROP INDEX messages_by_operator"_s, u"DROP INDEX dialogs_by_operator"_s,
                                         u"DROP TABLE api_keys"_s, u"DELETE FROM schema_version WHERE version >= 6"_s}) {
            if (ok && !query.exec(statement)) {
                qWarning() << "downgrade failed at" << statement;
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"schema5"_s);
    return ok;
}

} // namespace

void TestHistory::anOlderDatabaseBecomesSearchable()
{
    ServerProcess old;
    QVERIFY(createOperator(old, kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}));
    QVERIFY2(old.start({u"--auto-assign"_s, u"off"_s}), qPrintable(old.output()));
    auto sam = loginOperator(old, kSam);
    QVERIFY(sam);
    QJsonObject visitorHello;
    auto visitor = connectVisitor(old, &visitorHello);
    QVERIFY(visitor);
    QVERIFY(isResult(visitor->request(u"contact.submit"_s, {{u"name"_s, u"Пётр"_s}, {u"email"_s, u"petr@example.com"_s}})));
    const qint64 dialogId = openDialog(*visitor, u"Старый заказ, ещё с прошлого года"_s);
    QVERIFY(dialogId > 0);
    QCOMPARE(openDialog(*visitor, u"Второй вопрос: про доставку"_s), dialogId);
    visitor.reset();
    sam.reset();
    old.stop();
    QVERIFY(downgradeToSchema5(old.stateDir() + u"/concierge.sqlite"_s));

    QVERIFY2(old.restart(), qPrintable(old.output()));
    sam = loginOperator(old, kSam);
    QVERIFY(sam);
    QCOMPARE(found(*sam, u"заказ еще"_s), QList<qint64>{dialogId});
    QCOMPARE(found(*sam, u"петр"_s), QList<qint64>{dialogId});
    QCOMPARE(found(*sam, u"petr@example.com"_s), QList<qint64>{dialogId});
    // Each line is found as itself: the snippet is the line that holds the word.
    const QString secondLine = snippetFor(search(*sam, u"доставку"_s), dialogId).value(u"text").toString();
    QVERIFY2(secondLine.contains(u"Второй вопрос"_s), qPrintable(secondLine));
    // And lines written after the migration are found like any other.
    visitor = connectVisitorWithToken(old, visitorHello.value(u"visitorToken").toString());
    QVERIFY(visitor);
    QVERIFY(openDialog(*visitor, u"Новая строка после обновления"_s) == dialogId);
    const QJsonObject latest = search(*sam, u"обновления"_s);
    QCOMPARE(dialogIds(latest), QList<qint64>{dialogId});
    const QString thirdLine = snippetFor(latest, dialogId).value(u"text").toString();
    QVERIFY2(thirdLine.contains(u"Новая строка"_s), qPrintable(thirdLine));
}

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
