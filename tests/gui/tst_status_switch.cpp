// SPDX-License-Identifier: GPL-3.0-or-later
// The six statuses as an operator switches them: from the tool bar and from the tray menu, each
// change confirmed by the server (a colleague sees it too); Before lunch turning into Lunch by
// itself when the last dialog closes; Offline closing the reply boxes with a clear line while the
// rest of the app keeps working.
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "StatusPresentation.h"
#include "TestVisitor.h"
#include "TrayIcon.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QAbstractItemView>
#include <QActionGroup>
#include <QComboBox>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

class TestStatusSwitch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sixStatusesInToolBarAndTray();
    void lunchFromToolBar();
    void statusFromTrayMenu();
    void beforeLunchTurnsIntoLunchWhenLastDialogCloses();
    void offlineShowsNoticeInsteadOfReplyBoxes();

private:
    QComboBox *combo() const { return m_me.window()->findChild<QComboBox *>(u"statusCombo"_s); }
    ui::TrayIcon *tray() const { return m_me.window()->trayIcon(); }
    /// Picks a status the way an operator does: opens the tool bar's list and clicks the entry.
    void chooseFromToolBar(OperatorStatus status);
    /// What the colleague's app knows of my status (from the server's operator.updated).
    OperatorStatus statusSeenByColleague() const
    {
        const auto info = m_colleague.session()->operatorInfo(m_me.id());
        return info ? info->status : OperatorStatus::Offline;
    }

    ServerProcess m_server;
    guitest::Operator m_me;
    guitest::Operator m_colleague;
    TestVisitor m_visitor;
};

void TestStatusSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    // A colleague stays Invisible: working, but never picked for new dialogs.
    QVERIFY(m_colleague.login(m_server, u"anna@example.com"_s, testkit::operatorPassword(),
                              OperatorStatus::Invisible));
    QTRY_COMPARE(statusSeenByColleague(), OperatorStatus::Online);
}

void TestStatusSwitch::chooseFromToolBar(OperatorStatus status)
{
    QComboBox *box = combo();
    const int row = box->findData(int(status));
    QVERIFY(row >= 0);
    box->showPopup();
    QAbstractItemView *list = box->view();
    QTRY_VERIFY(list->isVisible());
    const QRect rect = list->visualRect(list->model()->index(row, 0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTRY_VERIFY(!list->isVisible());
}

void TestStatusSwitch::sixStatusesInToolBarAndTray()
{
    const QList<OperatorStatus> statuses = protocol::allOperatorStatuses();
    QCOMPARE(statuses.size(), 6);
    QComboBox *box = combo();
    QVERIFY(box);
    QCOMPARE(box->count(), 6);
    const QStringList expected = {
        ui::StatusPresentation::tr("Online"),         ui::StatusPresentation::tr("Invisible"),
        ui::StatusPresentation::tr("Before lunch"),   ui::StatusPresentation::tr("Lunch"),
        ui::StatusPresentation::tr("Personal break"), ui::StatusPresentation::tr("Offline")};
    for (int row = 0; row < 6; ++row) {
        QCOMPARE(box->itemText(row), expected.at(row));
        QVERIFY(!box->itemIcon(row).isNull()); // each with its coloured dot
        QAction *action = tray()->statusAction(statuses.at(row));
        QVERIFY(action);
        QCOMPARE(action->text(), expected.at(row));
        QVERIFY(action->isCheckable());
        QVERIFY(action->actionGroup() && action->actionGroup()->isExclusive());
    }
    QCOMPARE(box->currentText(), ui::StatusPresentation::tr("Online"));
    QVERIFY(tray()->statusAction(OperatorStatus::Online)->isChecked());

    // The tray menu also opens the window and quits.
    QStringList texts;
    for (const QAction *action : tray()->menu()->actions())
        texts.append(action->text());
    QVERIFY(texts.contains(ui::TrayIcon::tr("Open Concierge")));
    QVERIFY(texts.contains(ui::TrayIcon::tr("Quit")));

    box->showPopup();
    QTRY_VERIFY(box->view()->isVisible());
    QVERIFY(guitest::saveScreenshot(box->view()->window(), u"status-toolbar-list"_s));
    box->hidePopup();
    tray()->menu()->popup(m_me.window()->mapToGlobal(QPoint(200, 100)));
    QTRY_VERIFY(tray()->menu()->isVisible());
    QVERIFY(guitest::saveScreenshot(tray()->menu(), u"status-tray-menu"_s));
    tray()->menu()->hide();
}

void TestStatusSwitch::lunchFromToolBar()
{
    chooseFromToolBar(OperatorStatus::Lunch);
    // The server's answer comes back: to me, and as operator.updated to my colleague.
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Lunch, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusSeenByColleague(), OperatorStatus::Lunch, 10000);
    QCOMPARE(combo()->currentText(), ui::StatusPresentation::tr("Lunch"));
    QVERIFY(tray()->statusAction(OperatorStatus::Lunch)->isChecked());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"status-lunch"_s));
}

void TestStatusSwitch::statusFromTrayMenu()
{
    tray()->statusAction(OperatorStatus::Break)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Break, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(statusSeenByColleague(), OperatorStatus::Break, 10000);
    QTRY_COMPARE(combo()->currentText(), ui::StatusPresentation::tr("Personal break"));

    tray()->statusAction(OperatorStatus::Online)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(statusSeenByColleague(), OperatorStatus::Online, 10000);
    QTRY_COMPARE(combo()->currentText(), ui::StatusPresentation::tr("Online"));
    QVERIFY(tray()->statusAction(OperatorStatus::Online)->isChecked());

    // "Open Concierge" brings the window back.
    m_me.window()->showMinimized();
    QTRY_VERIFY(m_me.window()->isMinimized());
    const QList<QAction *> actions = tray()->menu()->actions();
    const auto open = std::find_if(actions.begin(), actions.end(), [](const QAction *action) {
        return action->text() == ui::TrayIcon::tr("Open Concierge");
    });
    QVERIFY(open != actions.end());
    (*open)->trigger();
    QTRY_VERIFY(!m_me.window()->isMinimized());
    QVERIFY(m_me.window()->isVisible());
}

void TestStatusSwitch::beforeLunchTurnsIntoLunchWhenLastDialogCloses()
{
    // A visitor writes, I answer: one active dialog of mine.
    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    m_visitor.send(u"Hello, one quick question"_s);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(model->sectionIndex(VisitorListModel::Section::Waiting)), 1,
                              10000);
    m_me.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(m_visitor.visitorId()));
    auto *reply = m_me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    QTRY_VERIFY(reply->isEnabled());
    reply->setFocus();
    QTest::keyClicks(reply, u"Sure, go ahead"_s);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(m_visitor.waitForOperatorText(u"Sure, go ahead"_s));
    QTRY_COMPARE(model->rowCount(model->sectionIndex(VisitorListModel::Section::InDialog)), 1);

    // Before lunch: still working, so it stays while the dialog is open.
    chooseFromToolBar(OperatorStatus::BeforeLunch);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::BeforeLunch, 10000);
    QCOMPARE(combo()->currentText(), ui::StatusPresentation::tr("Before lunch"));
    QVERIFY(reply->isEnabled());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"status-before-lunch"_s));

    // Closing the last dialog: the server turns it into Lunch by itself, and the app shows it.
    auto *close = m_me.window()->findChild<QPushButton *>(u"closeDialogButton"_s);
    QVERIFY(close && close->isVisible());
    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Lunch, 10000);
    QTRY_COMPARE(combo()->currentText(), ui::StatusPresentation::tr("Lunch"));
    QVERIFY(tray()->statusAction(OperatorStatus::Lunch)->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(statusSeenByColleague(), OperatorStatus::Lunch, 10000);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"status-lunch-by-itself"_s));
}

void TestStatusSwitch::offlineShowsNoticeInsteadOfReplyBoxes()
{
    // A new chat from the same visitor, open on screen.
    tray()->statusAction(OperatorStatus::Online)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Online, 10000);
    m_visitor.send(u"Me again!"_s);
    auto *reply = m_me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isVisible() && reply->isEnabled(), 10000);

    tray()->statusAction(OperatorStatus::Offline)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Offline, 10000);
    const QString offlineLine =
        ui::DialogPane::tr("You are Offline. Choose another status to work with dialogs.");
    auto *notice = m_me.window()->findChild<ui::NoticeBar *>(u"offlineNoticeBar"_s);
    QVERIFY(notice);
    QTRY_VERIFY(notice->isVisible());
    QCOMPARE(notice->text(), offlineLine);
    QVERIFY(!reply->isVisible());
    QVERIFY(!m_me.window()->findChild<QPushButton *>(u"transferButton"_s)->isVisible());
    // The rest works: the visitor list is there and can be browsed.
    QTreeView *list = m_me.window()->visitorListPane()->view();
    QVERIFY(list->isEnabled() && list->isVisible());
    QVERIFY(list->model()->rowCount() > 0);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"status-offline-dialog"_s));

    // The operator room says the same.
    auto *modes = m_me.window()->findChild<QTabBar *>(u"dialogModeTabBar"_s);
    QTest::mouseClick(modes, Qt::LeftButton, {}, modes->tabRect(1).center());
    auto *chatNotice = m_me.window()->findChild<ui::NoticeBar *>(u"chatNoticeBar"_s);
    QTRY_VERIFY(chatNotice->isVisible());
    QCOMPARE(chatNotice->text(), offlineLine);
    QVERIFY(!m_me.window()->findChild<QPlainTextEdit *>(u"chatReplyEdit"_s)->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"status-offline-operator-chat"_s));

    // Back to work: the boxes return.
    chooseFromToolBar(OperatorStatus::Online);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().status, OperatorStatus::Online, 10000);
    QTRY_VERIFY(m_me.window()->findChild<QPlainTextEdit *>(u"chatReplyEdit"_s)->isVisible());
    QTest::mouseClick(modes, Qt::LeftButton, {}, modes->tabRect(0).center());
    QTRY_VERIFY(reply->isVisible());
    QVERIFY(!notice->isVisible());
}

QTEST_MAIN(TestStatusSwitch)
#include "tst_status_switch.moc"
