// SPDX-License-Identifier: GPL-3.0-or-later
// Connection's own rules, without a chat server: backoff with jitter against a closed port, and a
// dead link noticed by the heartbeat when the peer accepts TCP and then says nothing at all.
#include "Connection.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

class TestConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void backoffGrowsWithJitterAndCaps()
    {
        // A port that was free a moment ago: connecting is refused at once.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();

        Connection connection;
        connection.setBackoff(20, 160);
        QSignalSpy lost(&connection, &Connection::linkLost);
        connection.open(QUrl(u"ws://127.0.0.1:%1/v1/operator"_s.arg(port)));
        QTRY_VERIFY_WITH_TIMEOUT(lost.size() >= 6, 10000);
        const int bases[] = {20, 40, 80, 160, 160, 160};
        for (int i = 0; i < 6; ++i) {
            const int delay = lost.at(i).at(0).toInt();
            QVERIFY2(delay >= bases[i] / 2 && delay <= bases[i],
                     qPrintable(u"retry %1 in %2 ms"_s.arg(i).arg(delay)));
        }
        QVERIFY(connection.attempt() >= 6);
        connection.close();
        const int count = int(lost.size());
        QTest::qWait(400); // nothing may happen after close(): wait past the longest backoff
        QCOMPARE(lost.size(), count);
        QCOMPARE(connection.secondsUntilRetry(), 0);
    }

    void silentPeerIsDeclaredDead()
    {
        // Accepts the TCP connection, never answers the WebSocket handshake.
        QTcpServer blackHole;
        QList<QTcpSocket *> held;
        QVERIFY(blackHole.listen(QHostAddress::LocalHost));
        connect(&blackHole, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = blackHole.nextPendingConnection())
                held.append(socket);
        });

        Connection connection;
        connection.setBackoff(5000, 5000);
        connection.setHeartbeat(100, 400);
        QSignalSpy lost(&connection, &Connection::linkLost);
        QSignalSpy opened(&connection, &Connection::opened);
        QElapsedTimer timer;
        timer.start();
        connection.open(QUrl(u"ws://127.0.0.1:%1/v1/operator"_s.arg(blackHole.serverPort())));
        QTRY_COMPARE_WITH_TIMEOUT(lost.size(), 1, 5000);
        QVERIFY(timer.elapsed() >= 400);
        QVERIFY(timer.elapsed() < 3000);
        QVERIFY(lost.first().at(1).toString().contains(u"no answer"_s));
        QCOMPARE(opened.size(), 0);
        QVERIFY(!connection.isOpen());
        QVERIFY(connection.secondsUntilRetry() > 0);
        QVERIFY(!connection.sendFrame({{u"type"_s, u"ping"_s}}));
        qDeleteAll(held);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
