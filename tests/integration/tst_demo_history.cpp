// SPDX-License-Identifier: GPL-3.0-or-later
// `--seed-demo --demo-history` (scripts/demo): a fresh install shows a history at once — six finished
// dialogs found by the same search as any other (the manual's Фёкла among them, ё folded), never
// seeded twice, and never into a server that already has dialogs or was not asked for them.
#include "HttpTestClient.h"
#include "ServerProcess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDemoHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFreshDemoHasASearchableHistory();
    void withoutTheOptionThereIsNone();

private:
    static QString makeKey(ServerProcess &server)
    {
        QString output;
        if (server.admin({u"create-api-key"_s, u"--name"_s, u"demo"_s}, &output) != 0)
            return {};
        return QRegularExpression(u"ck_[A-Za-z0-9_-]+"_s).match(output).captured(0);
    }
    static QJsonArray hits(ServerProcess &server, const QString &key, const QString &query)
    {
        const HttpReply reply = http::send("GET", http::url(server.url(), u"/v1/api/history"_s,
                                                            QUrlQuery{{u"q"_s, query}, {u"limit"_s, u"50"_s}}),
                                           {}, key);
        if (reply.status == 200)
            return reply.json().value(u"hits"_s).toArray();
        qWarning("GET /v1/api/history answered %d: %s", reply.status, reply.body.constData());
        return QJsonArray{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1}; // a count no check expects
    }
};

void TestDemoHistory::aFreshDemoHasASearchableHistory()
{
    ServerProcess server;
    const QString key = makeKey(server);
    QVERIFY(!key.isEmpty());
    QVERIFY2(server.start({u"--demo-history"_s}), qPrintable(server.output()));

    QCOMPARE(hits(server, key, QString()).size(), 6);
    // The manual's visitor, by a word of her dialog in another case, and by her contact email.
    const QJsonArray order = hits(server, key, u"ЗАКАЗ"_s);
    QCOMPARE(order.size(), 1);
    const QJsonObject dialog = order.at(0).toObject().value(u"dialog"_s).toObject();
    QCOMPARE(dialog.value(u"visitor"_s).toObject().value(u"contact"_s).toObject().value(u"name"_s).toString(), u"Фёкла"_s);
    QCOMPARE(dialog.value(u"dialog"_s).toObject().value(u"state"_s).toString(), u"closed"_s);
    QCOMPARE(dialog.value(u"dialog"_s).toObject().value(u"rating"_s).toObject().value(u"score"_s).toInt(), 5);
    QVERIFY(dialog.value(u"dialog"_s).toObject().value(u"createdAt"_s).toString()
            < QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODate)); // of the past days
    QCOMPARE(hits(server, key, u"foekla"_s).size(), 1);
    QCOMPARE(hits(server, key, u"елочные"_s).size(), 1); // "Ёлочные" with ё folded
    QCOMPARE(hits(server, key, u"wholesale"_s).size(), 1);

    // Started again with the same option: still six, nothing doubled.
    server.kill();
    QVERIFY2(server.restart(), qPrintable(server.output()));
    QCOMPARE(hits(server, key, QString()).size(), 6);
}

void TestDemoHistory::withoutTheOptionThereIsNone()
{
    ServerProcess server;
    const QString key = makeKey(server);
    QVERIFY(!key.isEmpty());
    QVERIFY2(server.start(), qPrintable(server.output())); // tests' servers: --seed-demo only
    QCOMPARE(hits(server, key, QString()).size(), 0);
}

QTEST_GUILESS_MAIN(TestDemoHistory)
#include "tst_demo_history.moc"
