// SPDX-License-Identifier: GPL-3.0-or-later
// The idle time the app reads (issue 6): the Linux monitor on a real X server (Xvfb under
// xvfb-run; input injected with xdotool) and the in-app fallback used where the system does not
// tell (a Wayland session).
#include "AppInputIdleMonitor.h"
#include "IdleMonitor.h"

#include <QCoreApplication>
#include <QEvent>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace concierge;

class TestIdleMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void x11MonitorSeesInputToTheWholeDisplay();
    void waylandSessionFallsBackToTheAppsOwnInput();
    void appMonitorCountsFromTheAppsLastInput();
};

void TestIdleMonitor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestIdleMonitor::x11MonitorSeesInputToTheWholeDisplay()
{
    if (qEnvironmentVariableIsEmpty("DISPLAY"))
        QSKIP("No X display: run under xvfb-run -a");
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
    // XWayland would only see the input of X11 clients: never ask it.
    qputenv("WAYLAND_DISPLAY", "wayland-0");
    const std::unique_ptr<IdleMonitor> monitor = IdleMonitor::create();
    qunsetenv("WAYLAND_DISPLAY");
    QVERIFY(!monitor->isSystemWide());
    QVERIFY(dynamic_cast<AppInputIdleMonitor *>(monitor.get()));
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
