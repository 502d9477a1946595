// SPDX-License-Identifier: GPL-3.0-or-later
// One app per user (issue 6): a second start is not primary and asks the first to raise its
// window — two objects in this process, a socket left by a crashed app, and a real second start
// of the `concierge` executable, which must leave at once with exit code 0.
#include "SingleInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;
using concierge::SingleInstance;

namespace {
QString uniqueKey()
{
    return u"concierge-test-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
}
} // namespace

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void secondStartIsNotPrimaryAndRaisesTheFirst();
    void everyLaterStartRaisesTheFirstAgain();
    void aStartAfterTheFirstQuitIsPrimary();
    void aSocketLeftByACrashIsTakenOver();
    void theKeyIsPerUser();
    void anotherCacheFolderIsAnotherApp();
    void aRealSecondStartExitsAtOnceAndRaisesTheFirst();
};

void TestSingleInstance::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSingleInstance::secondStartIsNotPrimaryAndRaisesTheFirst()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QVERIFY(first.isPrimary());
    QSignalSpy raised(&first, &SingleInstance::activationRequested);

    SingleInstance second(key);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE(raised.size(), 1);

    // Another name is another app: no interference.
    SingleInstance other(uniqueKey());
    QVERIFY(other.isPrimary());
    QCOMPARE(raised.size(), 1);
}

void TestSingleInstance::everyLaterStartRaisesTheFirstAgain()
{
    const QString key = uniqueKey();
    SingleInstance first(key);
    QSignalSpy raised(&first, &SingleInstance::activationRequested);
    for (int i = 1; i <= 3; ++i) {
        SingleInstance again(key);
        QVERIFY(!again.isPrimary());
        QTRY_COMPARE(raised.size(), i);
    }
}

void TestSingleInstance::aStartAfterTheFirstQuitIsPrimary()
{
    const QString key = uniqueKey();
    {
        SingleInstance first(key);
        QVERIFY(first.isPrimary());
    }
    SingleInstance next(key);
    QVERIFY(next.isPrimary());
    QSignalSpy raised(&next, &SingleInstance::activationRequested);
    SingleInstance second(key);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE(raised.size(), 1);
}

void TestSingleInstance::aSocketLeftByACrashIsTakenOver()
{
#ifdef Q_OS_UNIX
    // A crashed app leaves its socket file behind, bound but with nobody listening.
    const QString key = uniqueKey();
    const QByteArray path = QFile::encodeName(QDir(QDir::tempPath()).filePath(key));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    memcpy(address.sun_path, path.constData(), size_t(path.size()));
    QCOMPARE(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)), 0);
    ::close(fd);
    QVERIFY(QFile::exists(QFile::decodeName(path)));

    SingleInstance first(key);
    QVERIFY(first.isPrimary());
    QSignalSpy raised(&first, &SingleInstance::activationRequested);
    SingleInstance second(key);
    QVERIFY(!second.isPrimary());
    QTRY_COMPARE(raised.size(), 1);
#else
    QSKIP("Local sockets are named pipes here: a crash leaves nothing behind");
#endif
}

void TestSingleInstance::theKeyIsPerUser()
{
    const QByteArray oldHome = qgetenv("HOME");
    const QString mine = SingleInstance::defaultKey();
    QCOMPARE(SingleInstance::defaultKey(), mine); // stable
    QVERIFY(mine.startsWith(u"concierge-"_s));
    qputenv("HOME", "/home/someone-else");
    const QString theirs = SingleInstance::defaultKey();
    qputenv("HOME", oldHome);
    QVERIFY(theirs != mine);
}

void TestSingleInstance::anotherCacheFolderIsAnotherApp()
{
    // --profile-dir: a second operator account with its own cache may run beside the first; the
    // same folder, however written, may not.
    QTemporaryDir profiles;
    const QString first = profiles.filePath(u"first"_s);
    const QString second = profiles.filePath(u"second"_s);
    QVERIFY(SingleInstance::defaultKey(first) != SingleInstance::defaultKey(second));
    QVERIFY(SingleInstance::defaultKey(first) != SingleInstance::defaultKey());
    QCOMPARE(SingleInstance::defaultKey(profiles.filePath(u"second/../first/"_s)), SingleInstance::defaultKey(first));
}

void TestSingleInstance::aRealSecondStartExitsAtOnceAndRaisesTheFirst()
{
    // This process stands in for the running app: it holds the per-user name of a temporary home,
    // and the real executable, started by the same "user", must hand over and leave.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    SingleInstance running; // the default, per-user key
    qputenv("HOME", oldHome);
    QVERIFY(running.isPrimary());
    QSignalSpy raised(&running, &SingleInstance::activationRequested);

    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, home.path());
    env.insert(u"XDG_CONFIG_HOME"_s, home.filePath(u"config"_s));
    env.insert(u"XDG_DATA_HOME"_s, home.filePath(u"data"_s));
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    app.setProcessEnvironment(env);
    app.setProcessChannelMode(QProcess::MergedChannels);
    app.start(QStringLiteral(CONCIERGE_APP_BIN), {});
    QVERIFY2(app.waitForStarted(10000), qPrintable(app.errorString()));
    // It must leave on its own; a second app would keep running (showing its login dialog).
    const bool finished = app.waitForFinished(20000);
    if (!finished)
        app.kill();
    QVERIFY2(finished, qPrintable(u"the second start kept running: "_s + QString::fromLocal8Bit(app.readAll())));
    QCOMPARE(app.exitStatus(), QProcess::NormalExit);
    QCOMPARE(app.exitCode(), 0);
    QTRY_COMPARE(raised.size(), 1);

    // Started with a cache folder of its own, it is another app: it does not hand over but
    // listens under its own name (and runs, showing its login dialog, until stopped here).
    const QString profile = home.filePath(u"second-account"_s);
    qputenv("HOME", QFile::encodeName(home.path()));
    const QString otherKey = SingleInstance::defaultKey(profile);
    qputenv("HOME", oldHome);
    QProcess other;
    other.setProcessEnvironment(env);
    other.start(QStringLiteral(CONCIERGE_APP_BIN), {u"--profile-dir"_s, profile});
    QVERIFY(other.waitForStarted(10000));
    const auto listening = [&] {
        QLocalSocket probe;
        probe.connectToServer(otherKey);
        return probe.waitForConnected(200);
    };
    QTRY_VERIFY_WITH_TIMEOUT(listening() || other.state() == QProcess::NotRunning, 20000);
    QCOMPARE(other.state(), QProcess::Running);
    other.kill();
    other.waitForFinished(5000);
    QCOMPARE(raised.size(), 1);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "tst_single_instance.moc"
