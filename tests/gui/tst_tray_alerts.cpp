// SPDX-License-Identifier: GPL-3.0-or-later
// Alerts as the operator meets them (issue 6): a visitor arrives from the real server → the tray
// icon shows "1" and blinks, the menu says who waits, a desktop notification is asked for;
// clicking it opens that dialog; taking the dialog clears the count and stops the blinking.
// Closing the window keeps the app running (tray, or minimised without one), with a note the
// first time only. Real window, real engine, real server.
#include "AlertNotifications.h"
#include "AlertPolicy.h"
#include "AlertSettingsStore.h"
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "TestVisitor.h"
#include "TrayIcon.h"
#include "VisitorListModel.h"

#include <QCoreApplication>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;
using Notification = ui::AlertNotifications::Notification;

class TestTrayAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void visitorArrivalCountsAndNotifies();
    void clickingTheNotificationOpensTheDialog();
    void takingTheDialogClearsTheCount();
    void closingHidesToTrayWithOneNote();
    void quittingReallyCloses();

private:
    ui::MainWindow *window() const { return m_me.window(); }
    ui::TrayIcon *tray() const { return window()->trayIcon(); }
    ui::AlertNotifications *notifications() const { return window()->alertNotifications(); }
    QAction *menuAction(const QString &objectName) const
    {
        return tray()->menu()->findChild<QAction *>(objectName);
    }
    qint64 dialogOf(const TestVisitor &visitor) const
    {
        return m_me.session()
            ->visitorModel()
            ->indexOfVisitor(visitor.visitorId())
            .data(VisitorListModel::DialogIdRole)
            .toLongLong();
    }

    ServerProcess m_server;
    guitest::Operator m_me;
    std::unique_ptr<AlertPolicy> m_policy;
    TestVisitor m_visitor;
};

void TestTrayAlerts::initTestCase()
{
    // The English and the Russian run may run at once: each has its own settings file.
    QCoreApplication::setApplicationName(QCoreApplication::applicationName() + u'-' +
                                         qEnvironmentVariable("CONCIERGE_TEST_LANGUAGE", u"en"_s));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    // A fresh start: the close-to-tray note has never been shown.
    AlertSettingsStore().save(AlertSettings{});
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    m_me.openWindow();
    m_policy = std::make_unique<AlertPolicy>(m_me.session());
    m_policy->setSettings(AlertSettingsStore().load());
    window()->setAlerts(m_policy.get(), nullptr);
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    QCOMPARE(tray()->waitingCount(), 0);
    QVERIFY(!tray()->isBlinking());
    QVERIFY(!menuAction(u"trayWaitingAction"_s)->isVisible());
}

void TestTrayAlerts::visitorArrivalCountsAndNotifies()
{
    const QImage quiet = tray()->icon().pixmap(64, 64).toImage();
    QSignalSpy requested(notifications(), &ui::AlertNotifications::notificationRequested);

    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_visitor.viewPage(u"http://127.0.0.1/demo/pricing.html"_s, u"Pricing - Northwind Tea"_s));
    m_visitor.send(u"Do you sell a teapot?"_s);

    QTRY_COMPARE_WITH_TIMEOUT(tray()->waitingCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(requested.count(), 1, 10000);
    const qint64 dialogId = dialogOf(m_visitor);
    QVERIFY(dialogId != 0);
    const Notification notification = notifications()->lastNotification();
    QCOMPARE(notification.kind, AlertKind::WaitingVisitor);
    QCOMPARE(notification.dialogId, dialogId);
    QVERIFY(!notification.title.isEmpty());
    // Shown by the desktop exactly where there is a tray that takes messages.
    QCOMPARE(notification.shown, tray()->systemTrayIcon() != nullptr && QSystemTrayIcon::supportsMessages());

    // The icon now carries the number and blinks; the menu says who waits and offers to stop it.
    QVERIFY(tray()->isBlinking());
    QVERIFY(tray()->icon().pixmap(64, 64).toImage() != quiet);
    QAction *waiting = menuAction(u"trayWaitingAction"_s);
    QVERIFY(waiting->isVisible());
    QCOMPARE(waiting->text(), ui::TrayIcon::tr("Visitors waiting: %1").arg(1));
    QVERIFY(menuAction(u"trayAcknowledgeAction"_s)->isVisible());

    QLabel icon;
    icon.setPixmap(tray()->icon().pixmap(64, 64));
    QVERIFY(guitest::saveScreenshot(&icon, u"alerts-tray-icon"_s));
    tray()->menu()->popup(window()->mapToGlobal(QPoint(200, 100)));
    QTRY_VERIFY(tray()->menu()->isVisible());
    QVERIFY(guitest::saveScreenshot(tray()->menu(), u"alerts-tray-menu"_s));
    tray()->menu()->hide();
}

void TestTrayAlerts::clickingTheNotificationOpensTheDialog()
{
    const qint64 dialogId = dialogOf(m_visitor);
    // The operator is elsewhere: in the operators' room, the window minimised.
    window()->dialogPane()->setMode(ui::DialogPane::Mode::Operators);
    window()->showMinimized();
    QTRY_VERIFY(window()->isMinimized());

    // What the tray's messageClicked leads to.
    Q_EMIT tray()->messageClicked();
    QTRY_COMPARE(window()->dialogPane()->dialogId(), dialogId);
    QCOMPARE(window()->dialogPane()->mode(), ui::DialogPane::Mode::Visitor);
    QVERIFY(window()->isVisible());
    QVERIFY(!window()->isMinimized());
}

void TestTrayAlerts::takingTheDialogClearsTheCount()
{
    QVERIFY(tray()->isBlinking());
    m_me.session()->takeDialog(dialogOf(m_visitor));
    QTRY_COMPARE_WITH_TIMEOUT(tray()->waitingCount(), 0, 10000);
    QTRY_VERIFY(!tray()->isBlinking());
    QVERIFY(!menuAction(u"trayWaitingAction"_s)->isVisible());
    QVERIFY(!menuAction(u"trayAcknowledgeAction"_s)->isVisible());
}

void TestTrayAlerts::closingHidesToTrayWithOneNote()
{
    const bool hasTray = tray()->systemTrayIcon() != nullptr;
    window()->bringToFront();
    QTRY_VERIFY(window()->isVisible());

    QVERIFY(!window()->close()); // the close is refused: the app keeps running
    if (hasTray)
        QTRY_VERIFY(!window()->isVisible());
    else
        QTRY_VERIFY(window()->isMinimized());
    QMessageBox *note = window()->closeToTrayNote();
    QVERIFY(note);
    QTRY_VERIFY(note->isVisible());
    QVERIFY(!note->text().isEmpty());
    QVERIFY(guitest::saveScreenshot(note, u"alerts-close-to-tray-note"_s));
    QVERIFY(AlertSettingsStore().load().closeToTrayNoteShown);
    note->close();
    QTRY_VERIFY(!window()->closeToTrayNote());

    // The second time: hidden again, no note.
    window()->bringToFront();
    QTRY_VERIFY(window()->isVisible() && !window()->isMinimized());
    QVERIFY(!window()->close());
    if (hasTray)
        QTRY_VERIFY(!window()->isVisible());
    else
        QTRY_VERIFY(window()->isMinimized());
    QVERIFY(!window()->closeToTrayNote());
    window()->bringToFront();
}

void TestTrayAlerts::quittingReallyCloses()
{
    // Quit (File → Quit, the tray's Quit) closes every window: this close is not refused.
    window()->bringToFront();
    QTRY_VERIFY(window()->isVisible() && !window()->isMinimized());
    QEvent quit(QEvent::Quit);
    QCoreApplication::sendEvent(qApp, &quit);
    // Refused, it would be minimised (no tray, as under offscreen) or hidden (tray) instead.
    QVERIFY(!window()->isVisible());
    QVERIFY(!window()->isMinimized());
    QVERIFY(!window()->closeToTrayNote());
}

QTEST_MAIN(TestTrayAlerts)
#include "tst_tray_alerts.moc"
