// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryArchive driven over a LocalStore alone (the session's side: a transport that records the
// requests, handleResult() with the server's answers as tst_engine_history gets them from the real
// server): what it does when the link is down, when the store cannot be written, when another
// viewer logs in, and how long one written slice of a big page holds the GUI thread.
#include "HistoryArchive.h"
#include "HistoryStoreQueue.h"
#include "LocalStore.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

struct Sent
{
    QString type;
    QJsonObject fields;
    qint64 tag = 0;
};

protocol::OperatorInfo viewer(qint64 id, protocol::OperatorRole role)
{
    protocol::OperatorInfo info;
    info.id = id;
    info.name = u"Operator %1"_s.arg(id);
    info.role = role;
    info.status = protocol::OperatorStatus::Online;
    return info;
}

/// A closed dialog of operator 7 with \a lines lines, the first one "<word> …".
protocol::HistoryDialog dialogOf(qint64 id, int lines)
{
    protocol::HistoryDialog item;
    item.dialog.id = id;
    item.dialog.visitorId = 100 + id;
    item.dialog.operatorId = 7;
    item.dialog.state = protocol::DialogState::Closed;
    item.dialog.createdAt = kT0.addSecs(id * 3600);
    item.dialog.closedAt = item.dialog.createdAt.addSecs(600);
    item.visitor.id = item.dialog.visitorId;
    item.visitor.name = u"Visitor %1"_s.arg(item.visitor.id);
    item.operatorName = u"Ира"_s;
    item.messageCount = lines;
    return item;
}

/// A history.page answer: \a count dialogs below \a beforeId, \a linesEach lines each.
QJsonObject page(qint64 newestId, int count, int linesEach, qint64 nextBeforeId, const QString &word)
{
    QJsonArray dialogs, messages;
    for (qint64 id = newestId; id > newestId - count; --id) {
        dialogs.append(dialogOf(id, linesEach).toJson());
        for (int n = 0; n < linesEach; ++n) {
            protocol::Message m;
            m.id = id * 10000 + n;
            m.dialogId = id;
            m.author = n % 2 ? protocol::Author::Operator : protocol::Author::Visitor;
            m.operatorId = n % 2 ? 7 : 0;
            m.text = u"%1 строка %2 про доставку заказа номер %3"_s.arg(word).arg(n).arg(id);
            m.at = kT0.addSecs(id * 3600 + n);
            messages.append(m.toJson());
        }
    }
    return {{u"dialogs"_s, dialogs}, {u"messages"_s, messages}, {u"nextBeforeId"_s, nextBeforeId},
            {u"total"_s, count}};
}

} // namespace

class TestHistoryArchive : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString newPath() { return m_dir.filePath(u"archive-%1.sqlite"_s.arg(++m_files)); }

    /// The store as the session leaves it after a hello: who is logged in, then the archive told.
    static void logIn(LocalStore &store, HistoryArchive &archive, const protocol::OperatorInfo &self)
    {
        store.setOperatorInfo(self);
        archive.setViewer(self);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void ensureCachedWithTheLinkDownFailsOnce()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        // Known from a server search, their lines not cached.
        for (qint64 id : {5, 6, 7})
            QVERIFY(store.storeHistoryDialog(dialogOf(id, 3)));
        HistoryArchive archive(&store);
        archive.setTransport([](const QString &, const QJsonObject &, qint64) { return false; }); // no link
        QSignalSpy ready(&archive, &HistoryArchive::dialogsReady);
        QSignalSpy failed(&archive, &HistoryArchive::fetchFailed);
        archive.ensureCached({5, 6, 7});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<QList<qint64>>(), (QList<qint64>{5, 6, 7}));
        QVERIFY(!failed.first().at(1).toString().isEmpty());
        QCOMPARE(ready.size(), 0);
        // And again: each call is answered once, nothing left behind.
        archive.ensureCached({6, 7});
        QCOMPARE(failed.size(), 2);
        QCOMPARE(failed.last().first().value<QList<qint64>>(), (QList<qint64>{6, 7}));
    }

    void anotherViewerDoesNotFindTheHistoryBefore()
    {
        const QString path = newPath();
        LocalStore store;
        QVERIFY(store.open(path));
        HistoryArchive archive(&store);
        QList<Sent> sent;
        archive.setTransport([&](const QString &type, const QJsonObject &fields, qint64 tag) {
            sent.append({type, fields, tag});
            return true;
        });
        // A supervisor's backfill: every dialog of the service.
        logIn(store, archive, viewer(1, protocol::OperatorRole::Supervisor));
        archive.linkUp();
        QTRY_COMPARE(sent.size(), 1);
        QCOMPARE(sent.first().type, u"history.page"_s);
        archive.handleResult(sent.first().type, sent.first().tag, page(20, 20, 2, 0, u"секрет"_s));
        QTRY_VERIFY(store.historyBackfillComplete());
        QCOMPARE(store.searchHistory(u"секрет"_s, {}, 0, 50).size(), 20);
        archive.linkDown();

        // The next login on this computer is a plain operator who took part in none of them.
        QSignalSpy changed(&archive, &HistoryArchive::historyChanged);
        logIn(store, archive, viewer(2, protocol::OperatorRole::Operator));
        QCOMPARE(changed.size(), 1); // lists showing the old rows refresh
        QVERIFY(store.searchHistory(u"секрет"_s, {}, 0, 50).isEmpty());
        QVERIFY(store.searchHistory(QString(), {}, 0, 50).isEmpty());
        QCOMPARE(store.historyDialogCount(), 0);
        QVERIFY(!store.historyDialog(20).has_value());
        QVERIFY(store.historyMessages(20).isEmpty()); // the lines only the history brought are gone
        QCOMPARE(store.historyBackfillBeforeId(), 0);
        QVERIFY(!store.historyBackfillComplete());
        // Nor does a second connection on the file (the history window's search worker).
        LocalStore other;
        QVERIFY(other.open(path));
        QVERIFY(other.searchHistory(u"секрет"_s, {}, 0, 50).isEmpty());
    }

    void aStoreThatCannotBeWrittenKeepsTheCursor()
    {
        const QString path = newPath();
        LocalStore store;
        QVERIFY(store.open(path));
        HistoryArchive archive(&store);
        QList<Sent> sent;
        archive.setTransport([&](const QString &type, const QJsonObject &fields, qint64 tag) {
            sent.append({type, fields, tag});
            return true;
        });
        logIn(store, archive, viewer(1, protocol::OperatorRole::Admin));
        archive.linkUp();
        QTRY_COMPARE(sent.size(), 1);
        QVERIFY(!sent.first().fields.contains(u"beforeId"));

        // The disk turns read-only (a full disk fails the same way): the page cannot be written.
        {
            QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);
            db.close();
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            QVERIFY(db.open());
        }
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"history could not be stored"_s));
        archive.handleResult(sent.first().type, sent.first().tag, page(100, 50, 2, 51, u"заказ"_s));
        QTRY_VERIFY(!archive.progress().running);
        QCOMPARE(store.historyBackfillBeforeId(), 0); // the cursor did not move past what is not stored
        QVERIFY(!store.historyBackfillComplete());
        QCOMPARE(store.historyDialogCount(), 0);

        // Writable again: the same page is asked for once more (after a pause), and this time it moves on.
        {
            QSqlDatabase db = QSqlDatabase::database(store.connectionName(), false);
            db.close();
            db.setConnectOptions();
            QVERIFY(db.open());
        }
        QTRY_COMPARE_WITH_TIMEOUT(sent.size(), 2, 15000);
        QCOMPARE(sent.last().type, u"history.page"_s);
        QVERIFY(!sent.last().fields.contains(u"beforeId"));
        archive.handleResult(sent.last().type, sent.last().tag, page(100, 50, 2, 51, u"заказ"_s));
        QTRY_COMPARE(store.historyBackfillBeforeId(), 51);
        QCOMPARE(store.historyDialogCount(), 50);
        QCOMPARE(store.searchHistory(u"заказ"_s, {}, 0, 100).size(), 50);
    }

    void aBigPageIsWrittenInSlices()
    {
        LocalStore store;
        QVERIFY(store.open(newPath()));
        HistoryArchive archive(&store);
        QList<Sent> sent;
        archive.setTransport([&](const QString &type, const QJsonObject &fields, qint64 tag) {
            sent.append({type, fields, tag});
            return true;
        });
        logIn(store, archive, viewer(1, protocol::OperatorRole::Admin));
        archive.linkUp();
        QTRY_COMPARE(sent.size(), 1);

        // A page as the server sends them near the 512 KiB budget: 50 dialogs of 25 lines.
        constexpr int kDialogs = 50, kLines = 25;
        const QJsonObject answer = page(1000, kDialogs, kLines, 0, u"слайс"_s);
        // How long the event loop waits at most while the page is written: a timer that should
        // fire all the time notes the longest gap.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(0);
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, sinceTick.restart());
            ++ticks;
        });
        sinceTick.start();
        ticker.start();
        QElapsedTimer whole;
        whole.start();
        archive.handleResult(sent.first().type, sent.first().tag, answer);
        QTRY_VERIFY(store.historyBackfillComplete());
        const qint64 wholeMs = whole.elapsed();
        ticker.stop();
        qInfo("A page of %d lines: written in %lld ms in all, the event loop turned %d times, longest GUI "
              "stall %lld ms",
              kDialogs * kLines, qint64(wholeMs), ticks, qint64(longestGap));
        // Written in slices: the event loop turned between them.
        QVERIFY2(ticks >= kDialogs * kLines / HistoryStoreQueue::kLinesPerSlice,
                 qPrintable(u"%1 turns"_s.arg(ticks)));
        QCOMPARE(store.historyDialogCount(), kDialogs);
        QCOMPARE(store.searchHistory(u"слайс"_s, {}, 0, 100).size(), kDialogs);
        QCOMPARE(store.historyMessages(1000).size(), kLines);
        QVERIFY(store.historyComplete(951));
    }
};

QTEST_GUILESS_MAIN(TestHistoryArchive)
#include "tst_history_archive.moc"
