// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor list as an operator meets it: every section with its count, sections that do not
// apply (or an empty Common queue) out of sight, a filter box (Ctrl+F, Esc), a waiting timer that
// ticks by itself, offline requests marked as such. Real window, real engine, real server.
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TestVisitor.h"
#include "VisitorListDelegate.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QLineEdit>
#include <QPaintEvent>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using Section = VisitorListModel::Section;
using protocol::OperatorStatus;

namespace {

/// Counts paint events on a widget that cover a given rectangle.
class PaintCounter : public QObject
{
public:
    PaintCounter(QWidget *widget, const QRect &rect)
        : m_rect(rect)
    {
        widget->installEventFilter(this);
    }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && static_cast<QPaintEvent *>(event)->region().contains(m_rect))
            ++count;
        return false;
    }

private:
    QRect m_rect;
};

} // namespace

class TestVisitorSections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySectionShowsItsCount();
    void emptyCommonQueueIsHidden();
    void filterNarrowsTheList();
    void waitingTimerTicksOnScreen();

private:
    int count(Section section) const { return model()->rowCount(model()->sectionIndex(section)); }
    bool hidden(Section section) const { return view()->isRowHidden(int(section), {}); }
    VisitorListModel *model() const { return m_me.session()->visitorModel(); }
    QTreeView *view() const { return m_me.window()->visitorListPane()->view(); }
    qint64 dialogOf(const TestVisitor &visitor) const
    {
        return model()->indexOfVisitor(visitor.visitorId()).data(VisitorListModel::DialogIdRole).toLongLong();
    }

    ServerProcess m_server;
    guitest::Operator m_me;                       // the demo operator, with the window
    guitest::Operator m_anna;                     // a colleague, engine only
    TestVisitor m_waiting;                        // writes first: assigned to me
    TestVisitor m_withAnna;                       // assigned to Anna
    TestVisitor m_queued;                         // nobody free: the common queue
    TestVisitor m_browsing;                       // no chat at all
    std::unique_ptr<RawProtocolClient> m_offline; // left an offline request
};

void TestVisitorSections::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    // One dialog each, so a third visitor has to wait in the common queue.
    QVERIFY2(m_server.start({u"--max-dialogs"_s, u"1"_s}), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
}

void TestVisitorSections::everySectionShowsItsCount()
{
    // Only I am online: the first visitor is mine and waits for my reply.
    QVERIFY(m_waiting.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_waiting.viewPage(u"http://127.0.0.1/demo/pricing.html"_s, u"Pricing - Northwind Tea"_s));
    m_waiting.send(u"Do you sell a teapot?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::Waiting), 1, 10000);

    // Anna comes online and gets the next one; the one after finds nobody free.
    QVERIFY(
        m_anna.login(m_server, u"anna@example.com"_s, testkit::operatorPassword(), OperatorStatus::Online));
    QVERIFY(m_withAnna.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_withAnna.viewPage(u"http://127.0.0.1/demo/tea.html"_s, u"Green tea"_s));
    m_withAnna.send(u"Is the sencha fresh?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::OtherChats), 1, 10000);
    QVERIFY(m_queued.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_queued.viewPage(u"http://127.0.0.1/demo/shipping.html"_s, u"Shipping"_s));
    m_queued.send(u"How long does delivery take?"_s);
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::CommonQueue), 1, 10000);

    // An offline request from the widget's form, and someone who only browses.
    m_offline = testkit::connectVisitor(m_server);
    QVERIFY(m_offline);
    const QJsonObject offline = m_offline->request(
        u"offline.request"_s, {{u"cid"_s, testkit::newCid()},
                               {u"text"_s, u"Please call me back about a wholesale order"_s},
                               {u"name"_s, u"Olga"_s},
                               {u"email"_s, u"olga@example.com"_s}});
    QVERIFY2(testkit::isResult(offline), qPrintable(testkit::errorCode(offline)));
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::OfflineRequests), 1, 10000);
    QVERIFY(m_browsing.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_browsing.viewPage(u"http://127.0.0.1/demo/about.html"_s, u"About us"_s));
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::Others), 1, 10000);

    QCOMPARE(count(Section::Waiting), 1);
    QCOMPARE(count(Section::InDialog), 0);
    // Every section is on screen, its header saying how many it holds.
    for (int row = 0; row < VisitorListModel::kSectionCount; ++row) {
        const auto section = static_cast<Section>(row);
        QVERIFY2(!hidden(section), qPrintable(QString::number(row)));
        const QString header = model()->sectionIndex(section).data(Qt::DisplayRole).toString();
        QVERIFY2(header.endsWith(u"(%1)"_s.arg(count(section))), qPrintable(header));
    }

    // The offline request reads as one, with what the visitor asked.
    const QModelIndex request = model()->index(0, 0, model()->sectionIndex(Section::OfflineRequests));
    QVERIFY(request.data(VisitorListModel::IsOfflineRequestRole).toBool());
    QCOMPARE(ui::VisitorListDelegate::offlineRequestLine(request),
             ui::VisitorListDelegate::tr("Offline request: %1")
                 .arg(u"Please call me back about a wholesale order"_s));
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"sections-all"_s));
}

void TestVisitorSections::emptyCommonQueueIsHidden()
{
    // Anna finishes her dialog: the queued visitor goes to her, and the empty queue disappears.
    m_anna.session()->closeDialog(dialogOf(m_withAnna));
    QTRY_COMPARE_WITH_TIMEOUT(count(Section::CommonQueue), 0, 10000);
    QTRY_VERIFY(hidden(Section::CommonQueue));
    QTRY_COMPARE(count(Section::OtherChats), 1);
    QVERIFY(!hidden(Section::InDialog)); // an empty section that applies stays, with (0)
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"sections-queue-drained"_s));
}

void TestVisitorSections::filterNarrowsTheList()
{
    QLineEdit *filter = m_me.window()->visitorListPane()->filterEdit();
    QCOMPARE(filter->placeholderText(), ui::VisitorListPane::tr("Filter by name, page or text"));
    view()->setFocus();
    QTest::keyClick(m_me.window(), Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());

    // By page title.
    QTest::keyClicks(filter, u"pricing"_s);
    QTRY_COMPARE(count(Section::Waiting), 1);
    QCOMPARE(count(Section::OtherChats), 0);
    QCOMPARE(count(Section::OfflineRequests), 0);
    QCOMPARE(count(Section::Others), 0);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"sections-filtered"_s));

    // By what was written.
    filter->clear();
    QTest::keyClicks(filter, u"wholesale"_s);
    QTRY_COMPARE(count(Section::OfflineRequests), 1);
    QCOMPARE(count(Section::Waiting), 0);

    // Esc brings everyone back.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QTRY_COMPARE(count(Section::Waiting), 1);
    QCOMPARE(count(Section::OfflineRequests), 1);
    QCOMPARE(count(Section::Others), 2); // the one browsing, and the one whose chat Anna closed
}

void TestVisitorSections::waitingTimerTicksOnScreen()
{
    QCOMPARE(ui::VisitorListDelegate::formatWaiting(42), u"00:42"_s);
    QCOMPARE(ui::VisitorListDelegate::formatWaiting(12 * 60 + 5), u"12:05"_s);
    QCOMPARE(ui::VisitorListDelegate::formatWaiting(3600 + 2 * 60 + 3), u"1:02:03"_s);

    // Nothing changes in the model, yet the waiting row is painted anew as its seconds go by.
    const QModelIndex row = model()->indexOfVisitor(m_waiting.visitorId());
    QVERIFY(row.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid());
    const QRect rect = view()->visualRect(row);
    QVERIFY(!rect.isEmpty());
    PaintCounter paints(view()->viewport(), rect);
    QTRY_VERIFY_WITH_TIMEOUT(paints.count >= 2, 4000);
}

QTEST_MAIN(TestVisitorSections)
#include "tst_visitor_sections.moc"
