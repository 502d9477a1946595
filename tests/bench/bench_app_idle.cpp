// SPDX-License-Identifier: GPL-3.0-or-later
// Figures for ARCHITECTURE.md's app budgets (printed, not asserted):
//  - idle memory after login with 5,000 visitors and 100,000 cached messages (≤ 120 MB RSS);
//  - cold start to a main window filled from the cache vs a bare Qt Widgets window (≤ 2×).
// The driver (no arguments) prepares a real server and a cache, then runs this same binary in
// child processes so each start is really cold. The run fails only when no figure came back or
// the list did not hold every waiting visitor (then the figures describe something else).
#include "ServerProcess.h"
#include "TestPaths.h"
#include "TestVisitor.h"

#include "LocalStore.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "VisitorListModel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMainWindow>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <cstdio>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kVisitors = 5000;
constexpr int kMessagesPerDialog = 20; // 5,000 × 20 = 100,000 cached messages

double rssMegabytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

/// The waiting sections that apply to this viewer: Waiting (assigned to me, or everyone's without
/// auto-assignment) and, while the server assigns dialogs itself, the common queue (unassigned).
QList<VisitorListModel::Section> waitingSections(const VisitorListModel *model)
{
    QList<VisitorListModel::Section> sections;
    for (const auto section : {VisitorListModel::Section::Waiting, VisitorListModel::Section::CommonQueue}) {
        if (model->sectionApplies(section))
            sections.append(section);
    }
    return sections;
}

/// Visitors listed as waiting for an answer, over every waiting section that applies.
int waitingListed(const VisitorListModel *model)
{
    int listed = 0;
    for (const auto section : waitingSections(model))
        listed += model->rowCount(model->sectionIndex(section));
    return listed;
}

/// The dialog of the first waiting visitor listed; 0 if none.
qint64 firstWaitingDialog(const VisitorListModel *model)
{
    for (const auto section : waitingSections(model)) {
        const QModelIndex first = model->index(0, 0, model->sectionIndex(section));
        if (first.isValid())
            return first.data(VisitorListModel::DialogIdRole).toLongLong();
    }
    return 0;
}

/// Child: a bare window, for the start-up baseline.
int runBare(QApplication &app, const QElapsedTimer &sinceStart)
{
    QMainWindow window;
    window.resize(1180, 720);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 2;
    std::printf("STARTUP_MS %lld\n", static_cast<long long>(sinceStart.elapsed()));
    Q_UNUSED(app);
    return 0;
}

/// Child: the real main window filled from the cache; with a server, also logs in and reports RSS.
int runApp(const QString &cachePath, const QString &serverUrl, const QString &password,
           const QElapsedTimer &sinceStart)
{
    LocalStore store;
    if (!store.open(cachePath))
        return 2;
    const qint64 storeOpenedMs = sinceStart.elapsed();
    OperatorSession session(&store);
    const qint64 sessionFilledMs = sinceStart.elapsed();
    ui::MainWindow window(&session);
    window.resize(1180, 720);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 2;
    std::printf("PHASES_MS store=%lld,session=%lld,window=%lld\n", static_cast<long long>(storeOpenedMs),
                static_cast<long long>(sessionFilledMs), static_cast<long long>(sinceStart.elapsed()));
    VisitorListModel *model = session.visitorModel();
    const int listed = waitingListed(model);
    std::printf("STARTUP_MS %lld\nLISTED_FROM_CACHE %d\n", static_cast<long long>(sinceStart.elapsed()), listed);
    if (serverUrl.isEmpty())
        return 0;

    session.loginWithPassword(QUrl(serverUrl), u"demo@example.com"_s, password);
    if (!QTest::qWaitFor([&] { return session.connectionState() == ConnectionState::Connected; }, 30000))
        return 3;
    session.openDialog(firstWaitingDialog(model));
    QTest::qWait(3000); // idle: let the snapshot settle and the history request answer
    std::printf("RSS_MB %.1f\nLISTED_AFTER_LOGIN %d\n", rssMegabytes(), waitingListed(model));
    return 0;
}

QMap<QString, QString> runChild(const QStringList &args)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), args);
    child.waitForFinished(120000);
    QMap<QString, QString> figures;
    for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.trimmed().split(' ');
        if (parts.size() == 2)
            figures.insert(QString::fromLatin1(parts[0]), QString::fromLatin1(parts[1]));
    }
    return figures;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

int drive()
{
    ServerProcess server;
    if (!server.start())
        return 1;
    std::printf("bench_app_idle: creating %d visitors with a waiting dialog each on the real server…\n", kVisitors);
    std::fflush(stdout);
    for (int i = 0; i < kVisitors; ++i) {
        TestVisitor visitor;
        if (!visitor.connectTo(server.wsUrl(u"/v1/visitor"_s)))
            return 1;
        visitor.viewPage(u"http://127.0.0.1/demo/index.html"_s, u"Northwind Tea"_s);
        if (!visitor.waitForMessage(visitor.send(u"Hello, visitor %1 here"_s.arg(i)))) {
            std::printf("bench_app_idle: visitor %d's message was not stored\n", i);
            return 1;
        }
        visitor.abort();
    }

    // Cache: log in once so the store holds the server's dialogs, then add 20 lines to each.
    QTemporaryDir profile;
    profile.setAutoRemove(qEnvironmentVariableIsEmpty("CONCIERGE_BENCH_KEEP_CACHE")); // for profiling
    const QString cachePath = QDir(profile.path()).filePath(u"cache.sqlite"_s);
    std::printf("bench_app_idle: cache at %s\n", qPrintable(cachePath));
    {
        LocalStore store;
        store.open(cachePath);
        OperatorSession session(&store);
        session.loginWithPassword(server.url(), u"demo@example.com"_s, server.demoPassword());
        if (!QTest::qWaitFor([&] { return session.connectionState() == ConnectionState::Connected; }, 60000)) {
            std::printf("bench_app_idle: could not log in to fill the cache\n");
            return 1;
        }
        QTest::qWait(1000);
        const QList<protocol::Dialog> dialogs = store.openDialogs();
        store.beginTransaction();
        qint64 id = 10'000'000;
        for (const protocol::Dialog &dialog : dialogs) {
            for (int i = 0; i < kMessagesPerDialog; ++i) {
                protocol::Message message;
                message.id = ++id;
                message.cid = QUuid::createUuid().toString(QUuid::WithoutBraces);
                message.dialogId = dialog.id;
                message.author = i % 2 ? protocol::Author::Operator : protocol::Author::Visitor;
                message.text = u"Cached line %1 of dialog %2 — some ordinary words of a chat"_s.arg(i).arg(dialog.id);
                message.at = QDateTime::currentDateTimeUtc().addSecs(-3600 + i);
                store.upsertMessage(message);
            }
        }
        store.commit();
        std::printf("bench_app_idle: cache holds %lld dialogs, %lld messages\n",
                    static_cast<long long>(dialogs.size()),
                    static_cast<long long>(dialogs.size()) * kMessagesPerDialog);
    }

    QList<double> bare;
    QList<double> filled;
    for (int run = 0; run < 5; ++run) {
        bare << runChild({u"--bare"_s}).value(u"STARTUP_MS"_s).toDouble();
        filled << runChild({u"--app"_s, cachePath}).value(u"STARTUP_MS"_s).toDouble();
    }
    const auto phases = runChild({u"--app"_s, cachePath}).value(u"PHASES_MS"_s);
    const auto idle = runChild({u"--app"_s, cachePath, server.url().toString(), server.demoPassword()});

    std::printf("\n== bench_app_idle (budgets from ARCHITECTURE.md) ==\n");
    std::printf("cold start, bare Qt window:            median %.0f ms (5 runs)\n", median(bare));
    std::printf("cold start, main window from cache:    median %.0f ms (5 runs) = %.2fx bare  [budget <= 2x]\n",
                median(filled), median(bare) > 0 ? median(filled) / median(bare) : 0.0);
    std::printf("  where the filled start goes (ms since process start): %s\n", qPrintable(phases));
    // Every visitor has a waiting dialog: a figure below kVisitors means the list lost some, and
    // the start-up and memory figures then describe a smaller list than the one claimed.
    std::printf("waiting visitors listed from cache at start (Waiting + Common queue): %s of %d\n",
                qPrintable(idle.value(u"LISTED_FROM_CACHE"_s)), kVisitors);
    std::printf("idle RSS after login (%d visitors, %d cached msgs): %s MB  [budget <= 120 MB]\n", kVisitors,
                kVisitors * kMessagesPerDialog, qPrintable(idle.value(u"RSS_MB"_s, u"n/a"_s)));
    std::printf("waiting visitors listed after login (Waiting + Common queue): %s of %d\n",
                qPrintable(idle.value(u"LISTED_AFTER_LOGIN"_s)), kVisitors);
    const bool listsWhole = idle.value(u"LISTED_FROM_CACHE"_s).toInt() == kVisitors &&
                            idle.value(u"LISTED_AFTER_LOGIN"_s).toInt() == kVisitors;
    if (!listsWhole)
        std::printf("bench_app_idle: the list is not whole: the figures do not describe %d visitors\n", kVisitors);
    return idle.contains(u"RSS_MB"_s) && listsWhole ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--bare")
        return runBare(app, sinceStart);
    if (args.value(1) == u"--app")
        return runApp(args.value(2), args.value(3), args.value(4), sinceStart);
    return drive();
}
