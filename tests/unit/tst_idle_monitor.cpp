// SPDX-License-Identifier: GPL-3.0-or-later
// The idle time the app reads (issue 6): the Linux monitor on a real X server (the one of
// xvfb-run, or a private Xvfb; input injected with xdotool), a Wayland session's desktop asked over D-Bus (a private
// dbus-daemon with a stand-in for GNOME's org.gnome.Mutter.IdleMonitor), and the in-app fallback
// where nobody tells.
#include "AppInputIdleMonitor.h"
#include "IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

#ifdef CONCIERGE_TEST_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#endif

using namespace Qt::StringLiterals;
using namespace concierge;

#ifdef CONCIERGE_TEST_DBUS
/// Stands in for GNOME Shell's idle monitor: GetIdletime answers `idle` (milliseconds).
class FakeMutterIdleMonitor : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.gnome.Mutter.IdleMonitor")
public:
    quint64 idle = 0;
public Q_SLOTS:
    quint64 GetIdletime() { return idle; }
};
#endif

class TestIdleMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void x11MonitorSeesInputToTheWholeDisplay();
    void waylandSessionFallsBackToTheAppsOwnInput();
    void waylandSessionAsksTheDesktopOverDBus();
    void appMonitorCountsFromTheAppsLastInput();

private:
    QProcess m_bus;
    QProcess m_xvfb; ///< our own X server when the test was not started on one
};

void TestIdleMonitor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // No display (plain ctest): start a private Xvfb, which tells its display number on a pipe.
    const QString xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
    if (qEnvironmentVariableIsEmpty("DISPLAY") && !xvfb.isEmpty()) {
        m_xvfb.start(xvfb, {u"-displayfd"_s, u"1"_s, u"-screen"_s, u"0"_s, u"640x480x24"_s, u"-nolisten"_s, u"tcp"_s});
        QVERIFY(m_xvfb.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(m_xvfb.canReadLine(), 10000);
        const QByteArray display = m_xvfb.readLine().trimmed();
        QVERIFY(!display.isEmpty());
        qputenv("DISPLAY", ":" + display);
    }
#ifdef CONCIERGE_TEST_DBUS
    // A private session bus, before anything opens one: no desktop is on it unless the test puts it there.
    const QString daemon = QStandardPaths::findExecutable(u"dbus-daemon"_s);
    if (daemon.isEmpty())
        return;
    m_bus.start(daemon, {u"--session"_s, u"--nofork"_s, u"--print-address=1"_s});
    QVERIFY(m_bus.waitForStarted(5000));
    QTRY_VERIFY(m_bus.canReadLine());
    const QByteArray address = m_bus.readLine().trimmed();
    QVERIFY(!address.isEmpty());
    qputenv("DBUS_SESSION_BUS_ADDRESS", address);
    QVERIFY(QDBusConnection::sessionBus().isConnected());
#endif
}

void TestIdleMonitor::cleanupTestCase()
{
    if (m_xvfb.state() != QProcess::NotRunning) {
        m_xvfb.kill();
        m_xvfb.waitForFinished(5000);
    }
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.kill();
        m_bus.waitForFinished(5000);
    }
}

void TestIdleMonitor::x11MonitorSeesInputToTheWholeDisplay()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("No X display and no Xvfb (xvfb, in scripts/setup)");
    const QString xdotool = QStandardPaths::findExecutable(u"xdotool"_s);
    if (xdotool.isEmpty())
        QSKIP("xdotool (in scripts/setup) is not installed");
    qunsetenv("WAYLAND_DISPLAY");
    qputenv("XDG_SESSION_TYPE", "x11");

    const std::unique_ptr<IdleMonitor> monitor = IdleMonitor::create();
    QVERIFY(monitor->isSystemWide());
    QTRY_VERIFY(monitor->idleMilliseconds() >= 400); // nobody touches Xvfb: it only grows
    const qint64 before = monitor->idleMilliseconds();

    // Input sent to the display (not to this app, which has no window) resets the idle time.
    QCOMPARE(QProcess::execute(xdotool, {u"mousemove"_s, u"--sync"_s, u"37"_s, u"41"_s}), 0);
    QCOMPARE(QProcess::execute(xdotool, {u"mousemove"_s, u"--sync"_s, u"3"_s, u"5"_s}), 0);
    const qint64 after = monitor->idleMilliseconds();
    QVERIFY2(after >= 0 && after < before, qPrintable(u"before %1 ms, after %2 ms"_s.arg(before).arg(after)));
}

void TestIdleMonitor::waylandSessionFallsBackToTheAppsOwnInput()
{
    // XWayland would only see the input of X11 clients: never ask it. (On the private bus of
    // initTestCase no desktop answers either.)
#ifdef CONCIERGE_TEST_DBUS
    if (m_bus.state() != QProcess::Running && QDBusConnection::sessionBus().isConnected())
        QSKIP("A real desktop session bus may answer: run with dbus-daemon installed");
#endif
    qputenv("WAYLAND_DISPLAY", "wayland-0");
    const std::unique_ptr<IdleMonitor> monitor = IdleMonitor::create();
    qunsetenv("WAYLAND_DISPLAY");
    QVERIFY(!monitor->isSystemWide());
    QVERIFY(dynamic_cast<AppInputIdleMonitor *>(monitor.get()));
}

void TestIdleMonitor::waylandSessionAsksTheDesktopOverDBus()
{
#ifdef CONCIERGE_TEST_DBUS
    if (m_bus.state() != QProcess::Running)
        QSKIP("dbus-daemon is not installed");
    FakeMutterIdleMonitor mutter;
    mutter.idle = 123456;
    QDBusConnection bus = QDBusConnection::sessionBus();
    QVERIFY(bus.registerService(u"org.gnome.Mutter.IdleMonitor"_s));
    QVERIFY(bus.registerObject(u"/org/gnome/Mutter/IdleMonitor/Core"_s, &mutter, QDBusConnection::ExportAllSlots));

    qputenv("WAYLAND_DISPLAY", "wayland-0");
    const std::unique_ptr<IdleMonitor> monitor = IdleMonitor::create();
    qunsetenv("WAYLAND_DISPLAY");
    QVERIFY(monitor->isSystemWide());
    QCOMPARE(monitor->idleMilliseconds(), 123456);
    mutter.idle = 40; // the operator typed in another application
    QCOMPARE(monitor->idleMilliseconds(), 40);

    bus.unregisterObject(u"/org/gnome/Mutter/IdleMonitor/Core"_s);
    QVERIFY(bus.unregisterService(u"org.gnome.Mutter.IdleMonitor"_s));
    QCOMPARE(monitor->idleMilliseconds(), -1); // the desktop went away: unknown, not "active"
#else
    QSKIP("Built without Qt D-Bus");
#endif
}

void TestIdleMonitor::appMonitorCountsFromTheAppsLastInput()
{
    AppInputIdleMonitor monitor;
    QObject someWidget;
    QTRY_VERIFY(monitor.idleMilliseconds() >= 200);

    // Not input: a timer or a paint does not make the operator present.
    QEvent timer(QEvent::Timer);
    QCoreApplication::sendEvent(&someWidget, &timer);
    QVERIFY(monitor.idleMilliseconds() >= 200);

    QEvent key(QEvent::KeyPress);
    QCoreApplication::sendEvent(&someWidget, &key);
    QVERIFY(monitor.idleMilliseconds() < 200);
}

QTEST_GUILESS_MAIN(TestIdleMonitor)
#include "tst_idle_monitor.moc"
