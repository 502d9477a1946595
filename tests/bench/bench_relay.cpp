// SPDX-License-Identifier: GPL-3.0-or-later
// Message relay through the real concierge-server on loopback: N visitor sockets send a combined
// 1,000 messages per second for 10 seconds; one operator socket receives them. Prints the
// visitor-send → operator-receive latency (p50/p95/p99/max) and checks that every message was
// stored (rows in the server's database after the run). Figures only; no timing pass/fail
// (ARCHITECTURE.md budget: p99 ≤ 50 ms, every message stored).
//
//   bench_relay [visitors=50] [rate=1000] [seconds=10]
#include "RawProtocolClient.h"
#include "ServerProcess.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const auto index = static_cast<size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
    return sorted[std::min(index, sorted.size() - 1)];
}

qint64 storedMessages(const QString &stateDir)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
        db.setDatabaseName(stateDir + u"/concierge.sqlite"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT COUNT(*) FROM messages"_s) && query.next())
                count = query.value(0).toLongLong();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(u"bench"_s);
    return count;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    const int visitorCount = args.size() > 1 ? args.at(1).toInt() : 50;
    const int rate = args.size() > 2 ? args.at(2).toInt() : 1000;
    const int seconds = args.size() > 3 ? args.at(3).toInt() : 10;
    const qint64 total = static_cast<qint64>(rate) * seconds;

    ServerProcess server;
    if (!server.start({u"--auto-assign"_s, u"off"_s, u"--max-dialogs"_s, u"10000"_s,
                       u"--visitor-message-limit"_s, u"100000"_s})) { // 20 msg/s per visitor is a script
        std::fprintf(stderr, "bench_relay: the server did not start\n");
        return 1;
    }

    RawProtocolClient op;
    if (!op.open(server.wsUrl(u"/v1/operator"_s))
        || op.helloOperator(u"demo@example.com"_s, server.demoPassword()).value(u"type").toString() != u"result") {
        std::fprintf(stderr, "bench_relay: operator login failed\n");
        return 1;
    }
    std::vector<std::unique_ptr<RawProtocolClient>> visitors;
    for (int i = 0; i < visitorCount; ++i) {
        auto visitor = std::make_unique<RawProtocolClient>();
        if (!visitor->open(server.wsUrl(u"/v1/visitor"_s))
            || visitor->request(u"hello"_s, {{u"protocol"_s, u"1.0"_s}}).value(u"type").toString() != u"result") {
            std::fprintf(stderr, "bench_relay: visitor %d could not connect\n", i);
            return 1;
        }
        visitors.push_back(std::move(visitor));
    }

    QElapsedTimer clock;
    QHash<QString, qint64> sentAt; // cid → ns
    std::vector<double> latenciesMs;
    latenciesMs.reserve(static_cast<size_t>(total));
    qint64 received = 0;
    qint64 duplicates = 0;
    QSet<QString> seen;
    QObject::connect(&op, &RawProtocolClient::eventReceived, &op, [&](const QJsonObject &event) {
        if (event.value(u"name").toString() != u"message.new")
            return;
        const QString cid = event.value(u"data").toObject().value(u"message").toObject().value(u"cid").toString();
        const auto it = sentAt.constFind(cid);
        if (it == sentAt.cend())
            return;
        if (seen.contains(cid)) {
            ++duplicates;
            return;
        }
        seen.insert(cid);
        latenciesMs.push_back(static_cast<double>(clock.nsecsElapsed() - *it) / 1e6);
        if (++received % 100 == 0)
            op.ackAll();
    });

    qint64 sent = 0;
    QTimer pacer;
    pacer.setTimerType(Qt::PreciseTimer);
    pacer.setInterval(1);
    QObject::connect(&pacer, &QTimer::timeout, &pacer, [&] {
        const qint64 due = std::min(total, clock.elapsed() * rate / 1000);
        while (sent < due) {
            const QString cid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            sentAt.insert(cid, clock.nsecsElapsed());
            visitors[static_cast<size_t>(sent % visitorCount)]->sendFrame(
                {{u"type"_s, u"message.send"_s},
                 {u"rid"_s, QString::number(sent)},
                 {u"cid"_s, cid},
                 {u"text"_s, u"benchmark message %1"_s.arg(sent)}});
            ++sent;
        }
        if (sent >= total)
            pacer.stop();
    });
    std::printf("bench_relay: %d visitors, %d msg/s for %d s (%lld messages)\n", visitorCount, rate, seconds,
                static_cast<long long>(total));
    std::fflush(stdout);
    clock.start();
    pacer.start();

    QElapsedTimer drain;
    drain.start();
    while ((sent < total || received < total) && drain.elapsed() < (seconds + 30) * 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    const double elapsedS = static_cast<double>(clock.elapsed()) / 1000.0;

    std::sort(latenciesMs.begin(), latenciesMs.end());
    const qint64 stored = storedMessages(server.stateDir());
    std::printf("sent %lld, received by operator %lld (duplicates %lld) in %.1f s\n", static_cast<long long>(sent),
                static_cast<long long>(received), static_cast<long long>(duplicates), elapsedS);
    std::printf("latency visitor send -> operator receive: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                percentile(latenciesMs, 0.50), percentile(latenciesMs, 0.95), percentile(latenciesMs, 0.99),
                latenciesMs.empty() ? 0.0 : latenciesMs.back());
    std::printf("stored in the server's database: %lld of %lld%s\n", static_cast<long long>(stored),
                static_cast<long long>(total), stored == total ? " (all)" : " (MISSING)");
    std::fflush(stdout);
    server.stop();
    return stored == total && received == total ? 0 : 2;
}
