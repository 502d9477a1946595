// SPDX-License-Identifier: GPL-3.0-or-later
// The operator room beside the dialog: Ctrl+2 switches to it, its history loads, a colleague's
// line (from a second real engine) appears live, the operator list beside it shows live statuses,
// clicking a name addresses them in the reply box, and Enter sends to everyone.
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "OperatorChatPane.h"
#include "OperatorListDelegate.h"
#include "OperatorListModel.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "StatusPresentation.h"

#include <QListView>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

class TestOperatorChatPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void unreadLinesAreCountedOnTheTab();
    void ctrl2OpensTheRoomWithItsHistory();
    void operatorListShowsLiveStatuses();
    void clickingANameAddressesThem();

private:
    QListView *chatView() const { return m_me.window()->findChild<QListView *>(u"chatView"_s); }
    QListView *operatorList() const { return m_me.window()->findChild<QListView *>(u"operatorListView"_s); }
    QPlainTextEdit *chatReply() const
    {
        return m_me.window()->findChild<QPlainTextEdit *>(u"chatReplyEdit"_s);
    }
    QModelIndex annaRow() const
    {
        QAbstractItemModel *model = operatorList()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(OperatorListModel::OperatorIdRole).toLongLong() == m_anna.id())
                return model->index(row, 0);
        }
        return {};
    }
    bool roomHas(const QString &text) const
    {
        const QAbstractItemModel *model = chatView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(MessageListModel::TextRole).toString() == text)
                return true;
        }
        return false;
    }

    ServerProcess m_server;
    guitest::Operator m_me;
    guitest::Operator m_anna;
};

void TestOperatorChatPane::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s));
    // A line written before I log in: the room's history.
    QVERIFY(
        m_anna.login(m_server, u"anna@example.com"_s, testkit::operatorPassword(), OperatorStatus::Online));
    m_anna.session()->sendChatMessage(u"Good morning, team!"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_anna.session()->pendingReplyCount(), 0, 10000);
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
}

void TestOperatorChatPane::unreadLinesAreCountedOnTheTab()
{
    auto *tabs = m_me.window()->findChild<QTabBar *>(u"dialogModeTabBar"_s);
    QVERIFY(tabs);
    QCOMPARE(m_me.window()->dialogPane()->mode(), ui::DialogPane::Mode::Visitor);
    QCOMPARE(tabs->tabText(1), ui::DialogPane::tr("Operators"));
    m_anna.session()->sendChatMessage(u"Who can take a call in German?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(tabs->tabText(1), ui::DialogPane::tr("Operators (%1)").arg(1), 10000);
}

void TestOperatorChatPane::ctrl2OpensTheRoomWithItsHistory()
{
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(m_me.window()->dialogPane()->mode(), ui::DialogPane::Mode::Operators);
    QVERIFY(chatView()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(roomHas(u"Good morning, team!"_s), 10000);
    QTRY_VERIFY(roomHas(u"Who can take a call in German?"_s));
    auto *tabs = m_me.window()->findChild<QTabBar *>(u"dialogModeTabBar"_s);
    QCOMPARE(tabs->tabText(1), ui::DialogPane::tr("Operators")); // read now

    // A new line from Anna appears while I look.
    m_anna.session()->sendChatMessage(u"Never mind, found someone."_s);
    QTRY_VERIFY_WITH_TIMEOUT(roomHas(u"Never mind, found someone."_s), 10000);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"operator-chat"_s));

    // Ctrl+1 goes back to the visitor's dialog.
    QTest::keyClick(m_me.window(), Qt::Key_1, Qt::ControlModifier);
    QTRY_COMPARE(m_me.window()->dialogPane()->mode(), ui::DialogPane::Mode::Visitor);
    QTest::keyClick(m_me.window(), Qt::Key_2, Qt::ControlModifier);
    QTRY_COMPARE(m_me.window()->dialogPane()->mode(), ui::DialogPane::Mode::Operators);
}

void TestOperatorChatPane::operatorListShowsLiveStatuses()
{
    QTRY_VERIFY(annaRow().isValid());
    QCOMPARE(annaRow().data(Qt::DisplayRole).toString(), u"Anna Petrova"_s);
    QCOMPARE(ui::OperatorListDelegate::statusText(annaRow()), ui::StatusPresentation::tr("Online"));
    QVERIFY(m_anna.setStatus(OperatorStatus::Lunch));
    QTRY_COMPARE_WITH_TIMEOUT(ui::OperatorListDelegate::statusText(annaRow()),
                              ui::StatusPresentation::tr("Lunch"), 10000);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"operator-chat-anna-at-lunch"_s));
    QVERIFY(m_anna.setStatus(OperatorStatus::Online));
    QTRY_COMPARE_WITH_TIMEOUT(ui::OperatorListDelegate::statusText(annaRow()),
                              ui::StatusPresentation::tr("Online"), 10000);
}

void TestOperatorChatPane::clickingANameAddressesThem()
{
    QPlainTextEdit *reply = chatReply();
    QVERIFY(reply && reply->isVisible());
    reply->setFocus();
    QTest::keyClicks(reply, u"Thanks "_s);
    const QRect rect = operatorList()->visualRect(annaRow());
    QTest::mouseClick(operatorList()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(reply->toPlainText(), u"Thanks @Anna Petrova, "_s);
    QTRY_VERIFY(reply->hasFocus());
    QTest::keyClicks(reply, u"see you at lunch"_s);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"operator-chat-addressed"_s));

    // Enter sends it to the room: Anna receives it.
    QSignalSpy arrived(m_anna.session(), &OperatorSession::chatMessageArrived);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(reply->toPlainText().isEmpty());
    const QString sent = u"Thanks @Anna Petrova, see you at lunch"_s;
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(arrived.cbegin(), arrived.cend(),
                                         [&](const QList<QVariant> &args) {
                                             return args.at(0).value<protocol::Message>().text == sent;
                                         }),
                             10000);
    QTRY_VERIFY(roomHas(sent));
}

QTEST_MAIN(TestOperatorChatPane)
#include "tst_operator_chat_pane.moc"
