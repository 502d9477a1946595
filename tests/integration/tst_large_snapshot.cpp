// SPDX-License-Identifier: GPL-3.0-or-later
// A busy site's snapshot is far bigger than one 1 MiB frame. The server sends it in parts and the
// engine applies it whole: every waiting visitor listed, every cached line there, nothing half-new.
// Nobody is online and auto-assignment is on (the server's default), so every dialog waits
// unassigned in the common queue — the section that counts here.
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "TestVisitor.h"

#include "LocalStore.h"
#include "OperatorSession.h"
#include "VisitorListModel.h"

#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using Section = VisitorListModel::Section;

namespace {
constexpr int kVisitors = 60;
constexpr int kLinesEach = 8;
constexpr int kLineChars = 9000; // 60 × 8 × 9,000 ≈ 4.3 MB of text: at least five parts
} // namespace

class TestLargeSnapshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverSplitsTheSnapshotIntoFramesUnderTheLimit();
    void engineAppliesAllPartsAtOnce();

private:
    ServerProcess m_server;
    QStringList m_cids;
};

void TestLargeSnapshot::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    for (int v = 0; v < kVisitors; ++v) {
        TestVisitor visitor;
        QVERIFY(visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
        for (int line = 0; line < kLinesEach; ++line) {
            const QString text = QString(kLineChars, QLatin1Char('a' + line)) + QString::number(v);
            const QString cid = visitor.send(text);
            QVERIFY(visitor.waitForMessage(cid));
            m_cids << cid;
        }
        visitor.abort();
    }
}

void TestLargeSnapshot::serverSplitsTheSnapshotIntoFramesUnderTheLimit()
{
    RawProtocolClient client;
    qsizetype largest = 0;
    connect(&client.socket(), &QWebSocket::textMessageReceived, this,
            [&largest](const QString &text) { largest = qMax(largest, text.toUtf8().size()); });
    QVERIFY(client.open(m_server.wsUrl(u"/v1/operator"_s)));
    const QJsonObject hello = client.helloOperator(u"demo@example.com"_s, m_server.demoPassword());
    const int parts = hello.value(u"data").toObject().value(u"snapshotParts").toInt();
    QVERIFY2(parts >= 5, qPrintable(u"only %1 parts"_s.arg(parts)));
    const QJsonObject lastPart = client.waitFrame(u"snapshot.part"_s);
    QVERIFY(!lastPart.isEmpty());
    QTRY_VERIFY(largest > 256 * 1024); // parts are filled, not one item each
    QVERIFY2(largest <= 1024 * 1024, qPrintable(u"a frame of %1 bytes"_s.arg(largest)));
}

void TestLargeSnapshot::engineAppliesAllPartsAtOnce()
{
    QTemporaryDir profile;
    LocalStore store;
    QVERIFY(store.open(QDir(profile.path()).filePath(u"cache.sqlite"_s)));
    OperatorSession session(&store);
    QSignalSpy synced(&session, &OperatorSession::synced);
    // What the operator could see after each change of the list: never a partial snapshot.
    VisitorListModel *model = session.visitorModel();
    QList<int> queuedSeen;
    const auto record = [&] { queuedSeen << model->rowCount(model->sectionIndex(Section::CommonQueue)); };
    connect(model, &QAbstractItemModel::modelReset, this, record);
    connect(model, &QAbstractItemModel::rowsInserted, this, record);
    session.loginWithPassword(m_server.url(), u"demo@example.com"_s, m_server.demoPassword());
    QVERIFY(synced.wait(20000));
    QCOMPARE(synced.first().first().toBool(), false); // a snapshot, not a replay
    QVERIFY(model->sectionApplies(Section::CommonQueue));
    for (const int count : std::as_const(queuedSeen))
        QVERIFY2(count == 0 || count == kVisitors, qPrintable(u"the list showed %1 visitors at one point"_s.arg(count)));
    QCOMPARE(model->rowCount(model->sectionIndex(Section::CommonQueue)), kVisitors);
    QCOMPARE(model->rowCount(model->sectionIndex(Section::Waiting)), 0); // none is assigned to me
    int cached = 0;
    for (const protocol::Dialog &dialog : store.openDialogs()) {
        const QList<protocol::Message> lines = store.messages(dialog.id, 500);
        for (const protocol::Message &line : lines)
            cached += m_cids.contains(line.cid) ? 1 : 0;
    }
    QCOMPARE(cached, kVisitors * kLinesEach);
    QCOMPARE(session.connectionState(), ConnectionState::Connected);

    // The next start fills the list from the cache's list rows only; a visitor opened then is
    // still the whole visitor (user agent, first seen…), read from the cache on demand.
    OperatorSession restarted(&store);
    VisitorListModel *cachedModel = restarted.visitorModel();
    const QModelIndex queue = cachedModel->sectionIndex(Section::CommonQueue);
    QCOMPARE(cachedModel->rowCount(queue), kVisitors);
    const QModelIndex first = cachedModel->index(0, 0, queue);
    const qint64 visitorId = first.data(VisitorListModel::VisitorIdRole).toLongLong();
    const protocol::Visitor live = session.visitor(visitorId);
    QVERIFY(!live.userAgent.isEmpty());
    QVERIFY(live.firstSeen.isValid());
    QCOMPARE(first.data(VisitorListModel::NameRole).toString(), live.name);
    QCOMPARE(restarted.visitor(visitorId), live);
    QCOMPARE(restarted.visitor(visitorId), live); // and again, from memory
    QCOMPARE(restarted.visitor(-1).id, 0);
}

QTEST_GUILESS_MAIN(TestLargeSnapshot)
#include "tst_large_snapshot.moc"
