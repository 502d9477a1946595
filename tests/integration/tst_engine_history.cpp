// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 7 in the engine, against the real concierge-server: the history backfill fills the cache
// page by page (progress up to the total), goes on after a restart where it stopped, is searchable
// with the server stopped, tops up what happened while the app was away, takes live dialogs at
// once, and — with the backfill off — finds old dialogs on the server and says so.
#include "Connection.h"
#include "HistoryArchive.h"
#include "HistoryListModel.h"
#include "LocalStore.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"

#include "protocol/History.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 20000;
constexpr int kDialogs = 120;
const QString kRootEmail = u"root@example.com"_s;
const QString kIraEmail = u"ira@example.com"_s;

/// The word only dialog \a n of the seed has: "t017q" for the 17th.
QString seedWord(int n)
{
    return u"t%1q"_s.arg(n, 3, 10, QChar(u'0'));
}

/// One app: a cache file, a store on it and a session (what Application builds).
struct Engine
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<OperatorSession> session;
    /// Every history.page answer this session received: the dialog ids of each page.
    QList<QList<qint64>> pages;
    QList<qint64> truncated; ///< dialogs a page brought only the newest lines of

    bool open(const QString &path)
    {
        close();
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        session = std::make_unique<OperatorSession>(store.get());
        session->connection()->setBackoff(50, 400);
        // A history.page answer is the only one with both "total" and "nextBeforeId".
        QObject::connect(session->connection(), &Connection::frameReceived, session.get(), [this](const QJsonObject &frame) {
            const QJsonObject data = frame.value(u"data").toObject();
            if (frame.value(u"type").toString() != u"result" || !data.contains(u"total") || !data.contains(u"nextBeforeId"))
                return;
            QList<qint64> ids;
            for (const QJsonValue &dialog : data.value(u"dialogs").toArray()) {
                ids.append(dialog.toObject().value(u"dialog").toObject().value(u"id").toInteger());
                if (dialog.toObject().value(u"messagesTruncated").toBool())
                    truncated.append(ids.last());
            }
            pages.append(ids);
        });
        return true;
    }
    void close()
    {
        session.reset();
        store.reset();
        pages.clear();
        truncated.clear();
    }
    HistoryArchive *archive() const { return session->history(); }
};

} // namespace

class TestEngineHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void backfillReachesEveryDialog();
    void searchWithTheServerStopped();
    void restartGoesOnFromTheCursor();
    void topUpBringsWhatHappenedWhileAway();
    void liveDialogIsSearchableAtOnce();
    void serverSearchWhenNotCached();
    void ensureCachedFetchesAServerOnlyDialog();
    void truncatedDialogIsCompleted();
    void refreshPastAThousandRowsKeepsThem();

    void cleanup();

private:
    /// Logs \a engine in as root and makes it Online (the server refuses history while Offline).
    bool loginRoot(Engine &engine);
    /// A visitor's dialog with \a visitorText, answered by Ira and closed (unless \a leaveOpen).
    qint64 seedDialog(const QString &visitorText, const QString &reply, bool leaveOpen = false);
    bool waitBackfillComplete(Engine &engine);
    /// Starts the stopped server again, and Ira's session with it.
    void restartServer();

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<RawProtocolClient> m_ira;
    QList<qint64> m_seeded; ///< dialog ids of the seed, oldest first
    int m_before = 0;       ///< dialogs the server had before the seed (ServerProcess's --seed-demo)
};

void TestEngineHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start({u"--auto-assign"_s, u"off"_s}));
    QVERIFY(testkit::createOperator(m_server, kRootEmail, u"Root"_s, {u"--role"_s, u"admin"_s}));
    QVERIFY(testkit::createOperator(m_server, kIraEmail, u"Ira"_s));
    m_ira = testkit::loginOperator(m_server, kIraEmail);
    QVERIFY(m_ira);
    {
        auto root = testkit::loginOperator(m_server, kRootEmail, u"online"_s);
        QVERIFY(root);
        const QJsonObject page = root->request(u"history.page"_s, {{u"limit"_s, 1}});
        QVERIFY2(testkit::isResult(page), qPrintable(QString::fromUtf8(QJsonDocument(page).toJson())));
        m_before = testkit::data(page).value(u"total").toInt();
    }
    // The fastest real way: visitors write, Ira takes, answers and closes — all over the protocol.
    for (int n = 1; n <= kDialogs; ++n) {
        const qint64 id = seedDialog(u"Где моя посылка? Номер %1"_s.arg(seedWord(n)),
                                     u"Проверяю заказ %1, минуту."_s.arg(n));
        QVERIFY2(id > 0, qPrintable(u"dialog %1 of the seed"_s.arg(n)));
        m_seeded.append(id);
    }
}

qint64 TestEngineHistory::seedDialog(const QString &visitorText, const QString &reply, bool leaveOpen)
{
    auto visitor = testkit::connectVisitor(m_server);
    if (!visitor)
        return 0;
    const qint64 id = testkit::openDialog(*visitor, visitorText);
    if (id == 0 || !testkit::isResult(m_ira->request(u"dialog.take"_s, {{u"dialogId"_s, id}}))
        || !testkit::isResult(testkit::operatorSend(*m_ira, id, reply)))
        return 0;
    if (!leaveOpen && !testkit::isResult(m_ira->request(u"dialog.close"_s, {{u"dialogId"_s, id}})))
        return 0;
    return id;
}

void TestEngineHistory::cleanup()
{
    if (!m_server.isRunning()) // a test that stopped it failed before starting it again
        restartServer();
}

void TestEngineHistory::restartServer()
{
    QVERIFY(m_server.restart());
    m_ira = testkit::loginOperator(m_server, kIraEmail);
    QVERIFY(m_ira);
}

bool TestEngineHistory::loginRoot(Engine &engine)
{
    QSignalSpy synced(engine.session.get(), &OperatorSession::synced);
    engine.session->loginWithPassword(m_server.url(), kRootEmail, testkit::operatorPassword());
    if (!QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs))
        return false;
    if (engine.session->self().status != OperatorStatus::Online)
        engine.session->setStatus(OperatorStatus::Online);
    return QTest::qWaitFor([&] { return engine.session->self().status == OperatorStatus::Online; }, kWaitMs);
}

bool TestEngineHistory::waitBackfillComplete(Engine &engine)
{
    return QTest::qWaitFor([&] {
        const auto progress = engine.archive()->progress();
        return progress.complete && !progress.running;
    }, kWaitMs);
}

void TestEngineHistory::backfillReachesEveryDialog()
{
    Engine app;
    QVERIFY(app.open(m_dir.filePath(u"root-full.sqlite"_s)));
    QCOMPARE(app.archive()->progress().cachedDialogs, 0);
    QList<HistoryArchive::Progress> seen;
    connect(app.archive(), &HistoryArchive::progressChanged, this, [&] { seen.append(app.archive()->progress()); });
    QVERIFY(loginRoot(app));
    QVERIFY(waitBackfillComplete(app));

    const auto progress = app.archive()->progress();
    QCOMPARE(progress.totalDialogs, m_before + kDialogs);
    QCOMPARE(progress.cachedDialogs, m_before + kDialogs);
    QVERIFY(progress.cachedFrom.isValid());
    QCOMPARE(app.archive()->uncachedBelowId(), 0);
    // Pages of 50, one after another, newest first; the count only ever went up.
    QCOMPARE(app.pages.size(), (m_before + kDialogs + 49) / 50);
    QCOMPARE(app.pages.at(0).size(), 50);
    QCOMPARE(app.pages.at(0).first(), m_seeded.last());
    QList<qint64> walked;
    for (const auto &page : std::as_const(app.pages))
        walked += page;
    QCOMPARE(walked.size(), m_before + kDialogs);
    for (qint64 id : std::as_const(m_seeded))
        QVERIFY2(walked.contains(id), qPrintable(u"dialog %1 not walked"_s.arg(id)));
    int last = 0;
    bool sawRunning = false;
    for (const auto &step : std::as_const(seen)) {
        QVERIFY2(step.cachedDialogs >= last, "the cached count went down");
        last = step.cachedDialogs;
        sawRunning = sawRunning || step.running;
        if (step.running)
            QVERIFY(step.cachedDialogs < m_before + kDialogs || step.totalDialogs == m_before + kDialogs);
    }
    QVERIFY(sawRunning);
    QVERIFY(seen.size() >= 3);

    // Every line of a dialog, names as the history shows them.
    const auto seventeenth = app.archive()->dialog(m_seeded.at(16));
    QVERIFY(seventeenth);
    QCOMPARE(seventeenth->operatorName, u"Ira"_s);
    QCOMPARE(seventeenth->messageCount, 2);
    QVERIFY(!seventeenth->dialog.isOpen());
    QStringList texts;
    for (const auto &line : app.archive()->messages(m_seeded.at(16)))
        texts.append(line.text);
    QVERIFY2(texts.indexOf(u"Где моя посылка? Номер t017q"_s) >= 0, qPrintable(texts.join(u'|')));
    QVERIFY2(texts.indexOf(u"Проверяю заказ 17, минуту."_s) > texts.indexOf(u"Где моя посылка? Номер t017q"_s),
             qPrintable(texts.join(u'|')));
    QVERIFY(app.store->historyComplete(m_seeded.at(16)));
}

void TestEngineHistory::searchWithTheServerStopped()
{
    m_server.stop();
    Engine app; // the cache filled by the test before; no login at all
    QVERIFY(app.open(m_dir.filePath(u"root-full.sqlite"_s)));
    HistoryListModel model(app.session.get(), app.session->databasePath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &HistoryListModel::searchFinished);

    model.setQuery(seedWord(17), {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.dialogId(0), m_seeded.at(16));
    QCOMPARE(model.index(0, HistoryListModel::Number).data().toString(), QString::number(m_seeded.at(16)));
    QCOMPARE(model.index(0, HistoryListModel::Operator).data().toString(), u"Ira"_s);
    QCOMPARE(model.index(0, HistoryListModel::Messages).data().toString(), u"2"_s);
    QVERIFY(!model.index(0, HistoryListModel::End).data().toString().isEmpty());
    QCOMPARE(model.index(0, 0).data(HistoryListModel::FromServerRole).toBool(), false);
    // The snippet: the matching line, the searched word marked in it.
    const QString snippet = model.index(0, 0).data(HistoryListModel::SnippetTextRole).toString();
    QVERIFY2(snippet.contains(u"t017q"_s), qPrintable(snippet));
    const auto marks = model.index(0, 0).data(HistoryListModel::SnippetHighlightsRole).value<QList<protocol::TextSpan>>();
    QCOMPARE(marks.size(), 1);
    QCOMPARE(snippet.mid(marks.first().start, marks.first().length), u"t017q"_s);
    // All cached: no server to ask. ("1 dialog(s)" until the English plural forms are loaded.)
    QVERIFY2(model.status().startsWith(u"1 dialog"_s) && !model.status().contains(u"server"_s), qPrintable(model.status()));

    // Russian words, any case, ё as е, a word's start: every dialog; the rest as the table scrolls.
    int rowsFirst = 0;
    connect(&model, &HistoryListModel::searchFinished, this, [&] { rowsFirst = model.rowCount(); });
    model.setQuery(u"ПОСЫЛК"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, kWaitMs);
    QCOMPARE(rowsFirst, 100);
    model.fetchMore(); // as a view scrolled to the end (a no-op if the model tester asked already)
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), kDialogs, kWaitMs);
    QCOMPARE(model.dialogId(0), m_seeded.last());
    QCOMPARE(model.dialogId(kDialogs - 1), m_seeded.first());
    QTRY_VERIFY_WITH_TIMEOUT(!model.canFetchMore(), kWaitMs);

    // Nothing to find is an empty table, not an error.
    model.setQuery(u"\"unclosed (( !!"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, kWaitMs);
    QCOMPARE(model.rowCount(), 0);
    restartServer();
}

void TestEngineHistory::restartGoesOnFromTheCursor()
{
    const QString path = m_dir.filePath(u"root-restart.sqlite"_s);
    qint64 cursor = 0;
    QList<qint64> firstPage;
    {
        Engine app;
        QVERIFY(app.open(path));
        // The app quits after the first page: no second page is asked for.
        connect(app.archive(), &HistoryArchive::historyChanged, this, [&] { app.archive()->setBackfillEnabled(false); });
        QVERIFY(loginRoot(app));
        QTRY_VERIFY_WITH_TIMEOUT(!app.archive()->progress().running && app.pages.size() == 1, kWaitMs);
        QCOMPARE(app.archive()->progress().cachedDialogs, 50);
        firstPage = app.pages.first();
        cursor = app.store->historyBackfillBeforeId();
        QVERIFY(cursor > 0 && cursor <= firstPage.last());
        QCOMPARE(app.archive()->uncachedBelowId(), cursor);
    }
    Engine app;
    QVERIFY(app.open(path));
    QCOMPARE(app.archive()->progress().cachedDialogs, 50);
    QVERIFY(app.archive()->progress().cachedFrom.isValid());
    QVERIFY(loginRoot(app));
    QVERIFY(waitBackfillComplete(app));
    QCOMPARE(app.archive()->progress().cachedDialogs, m_before + kDialogs);
    // One look at the newest dialog (is there anything new?), then on below the cursor: the first
    // page's dialogs are not fetched again.
    QVERIFY(app.pages.size() >= 2);
    QCOMPARE(app.pages.first(), QList<qint64>{m_seeded.last()});
    for (int i = 1; i < app.pages.size(); ++i) {
        for (qint64 id : app.pages.at(i))
            QVERIFY2(id < cursor, qPrintable(u"dialog %1 fetched again"_s.arg(id)));
    }
}

void TestEngineHistory::topUpBringsWhatHappenedWhileAway()
{
    const QString path = m_dir.filePath(u"root-full.sqlite"_s);
    qint64 stillOpen = 0;
    {
        Engine app;
        QVERIFY(app.open(path));
        QVERIFY(loginRoot(app));
        QVERIFY(waitBackfillComplete(app));
        // A dialog going on while the app runs: cached live, open.
        stillOpen = seedDialog(u"Консультация по возврату, слово t901q"_s, u"Сейчас посмотрю."_s, true);
        QVERIFY(stillOpen > 0);
        QTRY_VERIFY_WITH_TIMEOUT(app.archive()->dialog(stillOpen).has_value(), kWaitMs);
        QVERIFY(app.archive()->dialog(stillOpen)->dialog.isOpen());
        // And a newer one, over before the app quits: the newest the cache has.
        const qint64 newer = seedDialog(u"Ещё вопрос t904q"_s, u"Готово"_s);
        QVERIFY(newer > stillOpen);
        QTRY_VERIFY_WITH_TIMEOUT(app.archive()->dialog(newer).has_value()
                                     && !app.archive()->dialog(newer)->dialog.isOpen(), kWaitMs);
    }
    // While the app is closed the open one is answered again and closed — and nothing newer comes,
    // so the top-up stops at the newer one cached and never reaches it: it is fetched because the
    // snapshot closed it.
    QVERIFY(testkit::isResult(testkit::operatorSend(*m_ira, stillOpen, u"Возврат оформлен t902q"_s)));
    QVERIFY(testkit::isResult(m_ira->request(u"dialog.close"_s, {{u"dialogId"_s, stillOpen}})));
    {
        Engine app;
        QVERIFY(app.open(path));
        QVERIFY(loginRoot(app));
        QTRY_VERIFY_WITH_TIMEOUT(app.archive()->messages(stillOpen).size() == 3, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!app.archive()->progress().running, kWaitMs);
        QVERIFY(!app.archive()->dialog(stillOpen)->dialog.isOpen());
        QVERIFY(app.archive()->dialog(stillOpen)->dialog.closedAt.isValid());
        QCOMPARE(app.archive()->dialog(stillOpen)->messageCount, 3);
        QVERIFY(app.store->historyComplete(stillOpen));
        QVERIFY(app.store->staleHistoryDialogs(10).isEmpty());
        bool hasLateLine = false;
        for (const auto &line : app.archive()->messages(stillOpen))
            hasLateLine = hasLateLine || line.text == u"Возврат оформлен t902q"_s;
        QVERIFY(hasLateLine);
        QCOMPARE(app.store->searchHistory(u"t902q"_s, {}, 0, 5).value(0).dialog.dialog.id, stillOpen);
        // Only the newest dialog was looked at, no page walked down to it.
        for (const auto &page : std::as_const(app.pages))
            QVERIFY2(page.size() <= 1, qPrintable(u"a page of %1 dialogs"_s.arg(page.size())));
    }

    // A dialog that came and went while away: the top-up brings it.
    const qint64 whileAway = seedDialog(u"Пока вас не было t903q"_s, u"Отвечаю позже"_s);
    QVERIFY(whileAway > stillOpen);
    Engine app;
    QVERIFY(app.open(path));
    QVERIFY(loginRoot(app));
    QTRY_VERIFY_WITH_TIMEOUT(app.archive()->dialog(whileAway).has_value(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!app.archive()->progress().running, kWaitMs);
    QVERIFY(app.store->historyComplete(whileAway));
    QCOMPARE(app.archive()->progress().cachedDialogs, m_before + kDialogs + 3);
    // Only the dialogs above the cache were fetched, not the whole history again.
    int fetched = 0;
    for (const auto &page : std::as_const(app.pages))
        fetched += int(page.size());
    QVERIFY2(fetched <= 51, qPrintable(u"%1 dialogs fetched"_s.arg(fetched)));

    HistoryListModel model(app.session.get(), app.session->databasePath());
    QSignalSpy finished(&model, &HistoryListModel::searchFinished);
    model.setQuery(u"t903q"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.dialogId(0), whileAway);
}

void TestEngineHistory::liveDialogIsSearchableAtOnce()
{
    Engine app;
    QVERIFY(app.open(m_dir.filePath(u"root-full.sqlite"_s)));
    QVERIFY(loginRoot(app));
    HistoryListModel model(app.session.get(), app.session->databasePath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &HistoryListModel::searchFinished);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setQuery(u"ёжевичные"_s, {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kWaitMs);
    QCOMPARE(model.rowCount(), 0);
    const int resetsBefore = int(resets.size());

    auto visitor = testkit::connectVisitor(m_server);
    QVERIFY(visitor);
    const qint64 id = testkit::openDialog(*visitor, u"Есть ли у вас ежевичные пироги?"_s);
    QVERIFY(id > 0);
    // In the table of the search already typed, as a row inserted, not a reset.
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kWaitMs);
    QCOMPARE(model.dialogId(0), id);
    QCOMPARE(resets.size(), resetsBefore);
    QVERIFY(model.index(0, HistoryListModel::End).data().toString().isEmpty()); // still open
    QVERIFY(model.index(0, 0).data(HistoryListModel::SnippetTextRole).toString().contains(u"ежевичные"_s));
}

void TestEngineHistory::serverSearchWhenNotCached()
{
    Engine app;
    QVERIFY(app.open(m_dir.filePath(u"root-no-backfill.sqlite"_s)));
    app.archive()->setBackfillEnabled(false);
    QVERIFY(loginRoot(app));
    QVERIFY(app.archive()->uncachedBelowId() > 0);
    HistoryListModel model(app.session.get(), app.session->databasePath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList statuses;
    connect(&model, &HistoryListModel::statusChanged, this, [&] { statuses.append(model.status()); });

    model.setQuery(seedWord(17), {});
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, kWaitMs);
    QCOMPARE(model.dialogId(0), m_seeded.at(16));
    QCOMPARE(model.index(0, 0).data(HistoryListModel::FromServerRole).toBool(), true);
    QVERIFY(model.index(0, 0).data(HistoryListModel::SnippetTextRole).toString().contains(u"t017q"_s));
    QCOMPARE(model.index(0, HistoryListModel::Operator).data().toString(), u"Ira"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWaitMs);
    QVERIFY2(statuses.join(u'|').contains(u"searching the server"_s), qPrintable(statuses.join(u'|')));
    QVERIFY2(model.status().contains(u"1 found on the server"_s), qPrintable(model.status()));
    QVERIFY(app.pages.isEmpty()); // no backfill page was asked for
    // Remembered, without its lines.
    QVERIFY(app.archive()->dialog(m_seeded.at(16)).has_value());
    QVERIFY(!app.store->historyComplete(m_seeded.at(16)));

    // Every dialog: the cache has only that old one, and the server is still asked from the newest
    // (not only below the old one cached).
    model.setQuery(QString(), {});
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 1 && !model.searching(), kWaitMs);
    QList<qint64> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(model.dialogId(row));
    QVERIFY2(shown.contains(m_seeded.last()) && shown.contains(m_seeded.at(16)), qPrintable(u"%1 rows"_s.arg(shown.size())));
    QCOMPARE(QSet<qint64>(shown.cbegin(), shown.cend()).size(), shown.size()); // each once

    // The server gone: what the cache has is still shown, and the status says why nothing more.
    m_server.stop();
    QTRY_VERIFY_WITH_TIMEOUT(app.session->connectionState() != ConnectionState::Connected, kWaitMs);
    model.setQuery(u"ежевичные"_s, {}); // the live dialog of the test before came with the snapshot
    QTRY_VERIFY_WITH_TIMEOUT(model.status().contains(u"The server could not be searched"_s), kWaitMs);
    QVERIFY2(model.rowCount() == 1, qPrintable(u"%1 rows, the first %2"_s.arg(model.rowCount()).arg(model.dialogId(0))));
    QCOMPARE(model.index(0, 0).data(HistoryListModel::FromServerRole).toBool(), false);
    restartServer();
}

void TestEngineHistory::ensureCachedFetchesAServerOnlyDialog()
{
    Engine app;
    QVERIFY(app.open(m_dir.filePath(u"root-no-backfill.sqlite"_s))); // knows dialog 17 from a server search
    app.archive()->setBackfillEnabled(false);
    const qint64 id = m_seeded.at(16);
    QVERIFY(app.archive()->dialog(id).has_value());
    QVERIFY(!app.store->historyComplete(id));
    QVERIFY(loginRoot(app));

    QSignalSpy ready(app.archive(), &HistoryArchive::dialogsReady);
    QSignalSpy failed(app.archive(), &HistoryArchive::fetchFailed);
    app.archive()->ensureCached({id});
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, kWaitMs);
    QCOMPARE(ready.first().first().value<QList<qint64>>(), QList<qint64>{id});
    QVERIFY(app.store->historyComplete(id));
    QStringList texts;
    for (const auto &line : app.archive()->messages(id))
        texts.append(line.text);
    QVERIFY2(texts.indexOf(u"Где моя посылка? Номер t017q"_s) >= 0, qPrintable(texts.join(u'|')));
    QVERIFY2(texts.indexOf(u"Проверяю заказ 17, минуту."_s) > texts.indexOf(u"Где моя посылка? Номер t017q"_s),
             qPrintable(texts.join(u'|')));

    // Already whole: answered at once, nothing asked.
    app.archive()->ensureCached({id});
    QCOMPARE(ready.size(), 2);

    // A dialog that does not exist: a failure naming it, nothing stored.
    app.archive()->ensureCached({id, 999999});
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().first().value<QList<qint64>>(), QList<qint64>{999999});
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QVERIFY(!app.archive()->dialog(999999).has_value());
    QCOMPARE(ready.size(), 2);
}

void TestEngineHistory::truncatedDialogIsCompleted()
{
    // More text than a page may carry (512 KiB): the page brings its newest lines only, the rest
    // comes by history.get before the backfill moves on.
    const qint64 big = seedDialog(u"Пришлите, пожалуйста, весь журнал t950q"_s, u"Отправляю частями."_s, true);
    QVERIFY(big > 0);
    // 1.6 MB of lines: past the page's 512 KiB budget, and what is left past the 1 MiB frame too
    // (history.get's 500 lines at once would never arrive).
    constexpr int kLongLines = 180;
    for (int i = 0; i < kLongLines; ++i) {
        const QString text = u"line%1 "_s.arg(i) + QString(9000, QChar(u'a' + i % 26));
        QVERIFY(testkit::isResult(testkit::operatorSend(*m_ira, big, text)));
    }
    QVERIFY(testkit::isResult(m_ira->request(u"dialog.close"_s, {{u"dialogId"_s, big}})));

    Engine app;
    QVERIFY(app.open(m_dir.filePath(u"root-big.sqlite"_s)));
    QVERIFY(loginRoot(app));
    QVERIFY(waitBackfillComplete(app));
    QCOMPARE(app.truncated, QList<qint64>{big});
    QCOMPARE(app.archive()->progress().cachedDialogs, app.archive()->progress().totalDialogs);
    QVERIFY(app.store->historyComplete(big));
    QStringList starts;
    for (const auto &line : app.archive()->messages(big))
        starts.append(line.text.section(u' ', 0, 0));
    QCOMPARE(starts.count(u"Пришлите,"_s), 1);
    for (int i = 0; i < kLongLines; ++i)
        QVERIFY2(starts.count(u"line%1"_s.arg(i)) == 1, qPrintable(u"line%1"_s.arg(i)));
    QCOMPARE(app.archive()->dialog(big)->messageCount, kLongLines + 2);
}

void TestEngineHistory::refreshPastAThousandRowsKeepsThem()
{
    // A cache with more matching dialogs than one search returns (1,000), scrolled to its end.
    constexpr int kMany = 1150;
    const QString path = m_dir.filePath(u"many.sqlite"_s);
    {
        LocalStore store;
        QVERIFY(store.open(path));
        QList<protocol::HistoryDialog> dialogs;
        QList<protocol::Message> lines;
        for (int n = 1; n <= kMany; ++n) {
            protocol::HistoryDialog item;
            item.dialog.id = n;
            item.dialog.visitorId = 5000 + n;
            item.dialog.state = protocol::DialogState::Closed;
            item.dialog.createdAt = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC).addSecs(n * 60);
            item.visitor.id = item.dialog.visitorId;
            dialogs.append(item);
            protocol::Message line;
            line.id = n;
            line.dialogId = n;
            line.author = protocol::Author::Visitor;
            line.text = u"кофемашина номер %1"_s.arg(n);
            line.at = item.dialog.createdAt;
            lines.append(line);
        }
        QVERIFY(store.storeHistory(dialogs, lines));
        QVERIFY(store.setHistoryBackfill(1, true));
    }
    Engine app; // no login: the cache alone
    QVERIFY(app.open(path));
    HistoryListModel model(app.session.get(), app.session->databasePath());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(u"кофемашина"_s, {});
    QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0 && !model.searching(), kWaitMs);
    while (model.canFetchMore() || model.searching()) {
        if (model.canFetchMore())
            model.fetchMore();
        QTRY_VERIFY_WITH_TIMEOUT(!model.searching(), kWaitMs);
    }
    QCOMPARE(model.rowCount(), kMany);

    // The operator is on row 1,100 when the cache changes (a backfill page): the rows stay, the
    // end of the list stays the end, nothing is reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy status(&model, &HistoryListModel::statusChanged);
    const qint64 selected = model.dialogId(1100);
    Q_EMIT app.archive()->historyChanged();
    // The refresh started (one word) and is in (another).
    QTRY_VERIFY_WITH_TIMEOUT(status.size() >= 2 && !model.searching(), kWaitMs);
    QCOMPARE(resets.size(), 0);
    QCOMPARE(removed.size(), 0);
    QCOMPARE(model.rowCount(), kMany);
    QCOMPARE(model.dialogId(1100), selected);
    QVERIFY(!model.canFetchMore());
}

QTEST_GUILESS_MAIN(TestEngineHistory)
#include "tst_engine_history.moc"
