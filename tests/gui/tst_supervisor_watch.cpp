// SPDX-License-Identifier: GPL-3.0-or-later
// Watching and taking over, as a supervisor does it: with "hide others' dialogs" on, a plain
// operator's list has no Other chats at all, while the supervisor opens a colleague's dialog from
// there, watches it live read-only under a banner, and takes it over. A plain operator (setting
// off) may watch too, but gets no Take over button.
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "SystemLineText.h"
#include "TestVisitor.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;
using Section = VisitorListModel::Section;

class TestSupervisorWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plainOperatorHasNoOtherChats();
    void supervisorWatchesLive();
    void supervisorTakesOver();
    void plainOperatorMayWatchWithoutTakeOver();

private:
    static bool historyHas(const ui::MainWindow *window, const QString &text)
    {
        const QAbstractItemModel *model = window->findChild<QListView *>(u"historyView"_s)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (ui::MessageDelegate::displayText(model->index(row, 0)) == text)
                return true;
        }
        return false;
    }
    static QString watchingText(const QString &name)
    {
        return ui::DialogPane::tr("You are watching %1's dialog. The visitor does not see you.").arg(name);
    }
    /// Waits until \a visitor is listed under \a section in \a op's window, and opens it there.
    static bool openFrom(guitest::Operator &op, Section section, const TestVisitor &visitor)
    {
        VisitorListModel *model = op.session()->visitorModel();
        const bool listed = testkit::spinUntil(
            [&] {
                return model->indexOfVisitor(visitor.visitorId()).parent() == model->sectionIndex(section);
            },
            10000);
        if (listed)
            op.window()->visitorListPane()->view()->setCurrentIndex(
                model->indexOfVisitor(visitor.visitorId()));
        return listed;
    }

    ServerProcess m_server;
    guitest::Operator m_sam;  // supervisor, with a window
    guitest::Operator m_anna; // plain operator, with a window too
    TestVisitor m_visitor;
    qint64 m_dialogId = 0;
};

void TestSupervisorWatch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start({u"--hide-others-dialogs"_s, u"on"_s}),
             "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, u"sam@example.com"_s, u"Sam Super"_s,
                                    {u"--role"_s, u"supervisor"_s}));
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s));
    m_anna.openWindow();
    QVERIFY(
        m_anna.login(m_server, u"anna@example.com"_s, testkit::operatorPassword(), OperatorStatus::Online));
    m_sam.openWindow();
    // Invisible: working, but new visitors go to Anna.
    QVERIFY(
        m_sam.login(m_server, u"sam@example.com"_s, testkit::operatorPassword(), OperatorStatus::Invisible));

    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_visitor.viewPage(u"http://127.0.0.1/demo/pricing.html"_s, u"Pricing"_s));
    m_visitor.send(u"My order has not arrived"_s);
    QVERIFY(openFrom(m_anna, Section::Waiting, m_visitor));
    m_dialogId = m_anna.session()
                     ->visitorModel()
                     ->indexOfVisitor(m_visitor.visitorId())
                     .data(VisitorListModel::DialogIdRole)
                     .toLongLong();
    QVERIFY(m_dialogId > 0);
    auto *reply = m_anna.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    reply->setFocus();
    QTest::keyClicks(reply, u"Let me look it up"_s);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(m_visitor.waitForOperatorText(u"Let me look it up"_s));
}

void TestSupervisorWatch::plainOperatorHasNoOtherChats()
{
    QTreeView *list = m_anna.window()->visitorListPane()->view();
    QVERIFY(!m_anna.session()->visitorModel()->sectionApplies(Section::OtherChats));
    QTRY_VERIFY(list->isRowHidden(int(Section::OtherChats), {}));
    QVERIFY(!list->isRowHidden(int(Section::InDialog), {}));
    QVERIFY(guitest::saveScreenshot(m_anna.window(), u"supervisor-plain-operator-list"_s));
}

void TestSupervisorWatch::supervisorWatchesLive()
{
    QVERIFY(!m_sam.window()->visitorListPane()->view()->isRowHidden(int(Section::OtherChats), {}));
    QVERIFY(openFrom(m_sam, Section::OtherChats, m_visitor));
    auto *banner = m_sam.window()->findChild<ui::NoticeBar *>(u"watchBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->text(), watchingText(u"Anna Petrova"_s));
    QVERIFY(m_sam.window()->findChild<QPushButton *>(u"takeOverButton"_s)->isVisible());
    QVERIFY(!m_sam.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s)->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(m_sam.window(), u"Let me look it up"_s), 10000);

    // What happens next arrives by itself: the visitor's words and typing.
    m_visitor.send(u"It was due on Monday"_s);
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(m_sam.window(), u"It was due on Monday"_s), 10000);
    m_visitor.setTyping(true);
    auto *typing = m_sam.window()->findChild<QLabel *>(u"typingLabel"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!typing->text().isEmpty(), 10000);
    QVERIFY(guitest::saveScreenshot(m_sam.window(), u"supervisor-watching"_s));
    m_visitor.setTyping(false);
}

void TestSupervisorWatch::supervisorTakesOver()
{
    auto *takeOver = m_sam.window()->findChild<QPushButton *>(u"takeOverButton"_s);
    QTest::mouseClick(takeOver, Qt::LeftButton);

    // The dialog is mine: no banner, a reply box, and the history says what happened.
    auto *banner = m_sam.window()->findChild<ui::NoticeBar *>(u"watchBanner"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 10000);
    auto *reply = m_sam.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    QTRY_VERIFY(reply->isVisible() && reply->isEnabled());
    QCOMPARE(m_sam.session()->dialog(m_dialogId).operatorId, m_sam.id());
    const QString line =
        ui::SystemLineText::tr("%1 took over the dialog from %2").arg(u"Sam Super"_s, u"Anna Petrova"_s);
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(m_sam.window(), line), 10000);

    // Anna may no longer see it (the setting hides others' dialogs).
    VisitorListModel *annaList = m_anna.session()->visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(annaList->indexOfVisitor(m_visitor.visitorId()).parent() !=
                                 annaList->sectionIndex(Section::InDialog),
                             10000);

    reply->setFocus();
    QTest::keyClicks(reply, u"I am the shift supervisor, I will sort it out"_s);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(m_visitor.waitForOperatorText(u"I am the shift supervisor, I will sort it out"_s));
    QVERIFY(guitest::saveScreenshot(m_sam.window(), u"supervisor-took-over"_s));
}

void TestSupervisorWatch::plainOperatorMayWatchWithoutTakeOver()
{
    // Another server where others' dialogs are not hidden.
    ServerProcess server;
    QVERIFY2(server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(server, u"anna@example.com"_s, u"Anna Petrova"_s));
    QVERIFY(testkit::createOperator(server, u"boris@example.com"_s, u"Boris Ivanov"_s, {u"--role"_s, u"operator"_s}));
    guitest::Operator anna;
    QVERIFY(anna.login(server, u"anna@example.com"_s, testkit::operatorPassword(), OperatorStatus::Online));
    guitest::Operator me;
    me.openWindow();
    QVERIFY(me.login(server, u"boris@example.com"_s, testkit::operatorPassword(), OperatorStatus::Invisible));
    QVERIFY(!me.session()->self().supervises());
    TestVisitor visitor;
    QVERIFY(visitor.connectTo(server.wsUrl(u"/v1/visitor"_s)));
    visitor.send(u"Hello?"_s);

    QVERIFY(openFrom(me, Section::OtherChats, visitor));
    auto *banner = me.window()->findChild<ui::NoticeBar *>(u"watchBanner"_s);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->text(), watchingText(u"Anna Petrova"_s));
    QVERIFY(!me.window()->findChild<QPushButton *>(u"takeOverButton"_s)->isVisible());
    QVERIFY(!me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s)->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(historyHas(me.window(), u"Hello?"_s), 10000);
    QVERIFY(guitest::saveScreenshot(me.window(), u"supervisor-plain-operator-watching"_s));
}

QTEST_MAIN(TestSupervisorWatch)
#include "tst_supervisor_watch.moc"
