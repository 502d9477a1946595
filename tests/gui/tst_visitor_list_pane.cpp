// SPDX-License-Identifier: GPL-3.0-or-later
// The visitor list pane on its own (no server): what the operator is reading must not change
// because the list changed. When the open visitor leaves, the view would move the current row to a
// neighbour; the pane must not open that neighbour's conversation.
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {
protocol::Visitor onlineVisitor(qint64 id)
{
    protocol::Visitor visitor;
    visitor.id = id;
    visitor.name = u"Visitor %1"_s.arg(id);
    visitor.online = true;
    visitor.lastSeen = QDateTime::currentDateTimeUtc();
    return visitor;
}
} // namespace

class TestVisitorListPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aVisitorLeavingDoesNotOpenAnother()
    {
        VisitorListModel model;
        model.setViewer(1, false, {});
        for (qint64 id = 1; id <= 3; ++id)
            model.upsertVisitor(onlineVisitor(id));
        ui::VisitorListPane pane(&model);
        pane.resize(300, 400);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QSignalSpy activated(&pane, &ui::VisitorListPane::visitorActivated);

        pane.view()->setCurrentIndex(model.indexOfVisitor(2)); // the operator opens visitor 2
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.last().at(0).toLongLong(), 2);

        model.removeVisitor(2); // visitor 2 leaves
        QTest::qWait(50);
        QCOMPARE(activated.count(), 1); // nobody else was opened
        QVERIFY(!pane.view()->currentIndex().isValid());

        pane.view()->setCurrentIndex(model.indexOfVisitor(3)); // choosing again still works
        QCOMPARE(activated.count(), 2);
        QCOMPARE(activated.last().at(0).toLongLong(), 3);
    }
};

QTEST_MAIN(TestVisitorListPane)
#include "tst_visitor_list_pane.moc"
