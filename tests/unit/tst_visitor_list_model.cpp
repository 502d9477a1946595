// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using Section = VisitorListModel::Section;

namespace {

constexpr qint64 kMe = 1;
constexpr qint64 kOther = 2;
const QDateTime kT0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

protocol::Visitor visitor(qint64 id, int lastSeenSecs = 0, bool online = true)
{
    protocol::Visitor v;
    v.id = id;
    v.name = u"Visitor %1"_s.arg(id);
    v.online = online;
    v.lastSeen = kT0.addSecs(lastSeenSecs);
    return v;
}

protocol::Dialog dialog(qint64 id, qint64 visitorId, protocol::DialogState state, qint64 operatorId,
                        int waitingSecs = 0)
{
    protocol::Dialog dlg;
    dlg.id = id;
    dlg.visitorId = visitorId;
    dlg.state = state;
    dlg.operatorId = operatorId;
    dlg.createdAt = kT0;
    if (state == protocol::DialogState::Waiting)
        dlg.waitingSince = kT0.addSecs(waitingSecs);
    return dlg;
}

QList<qint64> idsIn(const VisitorListModel &model, Section section)
{
    QList<qint64> ids;
    const QModelIndex parent = model.sectionIndex(section);
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids.append(model.index(row, 0, parent).data(VisitorListModel::VisitorIdRole).toLongLong());
    return ids;
}

} // namespace

class TestVisitorListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sectionsAlwaysPresent()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), VisitorListModel::kSectionCount);
        QCOMPARE(model.sectionIndex(Section::Waiting).data().toString(), u"Waiting for reply (0)"_s);
        QCOMPARE(model.sectionIndex(Section::InDialog).data().toString(), u"In dialog (0)"_s);
        QCOMPARE(model.sectionIndex(Section::Others).data().toString(), u"Others (0)"_s);
        QVERIFY(model.sectionIndex(Section::Others).data(VisitorListModel::IsSectionRole).toBool());
    }

    void visitorMovesBetweenSections()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(kMe);
        model.upsertVisitor(visitor(10));
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{10});

        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // The visitor writes: a waiting dialog, unassigned → Waiting.
        model.upsertDialog(dialog(5, 10, protocol::DialogState::Waiting, 0));
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{10});
        QVERIFY(idsIn(model, Section::Others).isEmpty());
        QCOMPARE(model.sectionIndex(Section::Waiting).data().toString(), u"Waiting for reply (1)"_s);
        const QModelIndex index = model.indexOfVisitor(10);
        QCOMPARE(index.data(VisitorListModel::DialogIdRole).toLongLong(), 5);
        QVERIFY(index.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid());
        QCOMPARE(index.data().toString(), u"Visitor 10"_s);

        // I answer → In dialog.
        model.upsertDialog(dialog(5, 10, protocol::DialogState::Active, kMe));
        QCOMPARE(idsIn(model, Section::InDialog), QList<qint64>{10});
        QVERIFY(model.indexOfVisitor(10).data(VisitorListModel::AssignedToMeRole).toBool());
        // Closed → back to Others (still online).
        model.upsertDialog(dialog(5, 10, protocol::DialogState::Closed, kMe));
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{10});
        QCOMPARE(moved.size(), 3);
        QCOMPARE(reset.size(), 0);

        // Offline with no dialog → not listed.
        model.upsertVisitor(visitor(10, 5, false));
        QVERIFY(!model.indexOfVisitor(10).isValid());
        QCOMPARE(model.sectionIndex(Section::Others).data(VisitorListModel::SectionCountRole).toInt(), 0);
    }

    void otherOperatorsDialogsAreOthers()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(kMe);
        model.upsertVisitor(visitor(1));
        model.upsertVisitor(visitor(2));
        model.upsertDialog(dialog(11, 1, protocol::DialogState::Waiting, kOther));
        model.upsertDialog(dialog(12, 2, protocol::DialogState::Active, kOther));
        QVERIFY(idsIn(model, Section::Waiting).isEmpty());
        QVERIFY(idsIn(model, Section::InDialog).isEmpty());
        QCOMPARE(idsIn(model, Section::Others).size(), 2);
        // Assigned to me while waiting → Waiting.
        model.upsertDialog(dialog(11, 1, protocol::DialogState::Waiting, kMe));
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{1});
    }

    void waitingSortedLongestFirst()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(kMe);
        const int waits[] = {30, 10, 50, 20, 40};
        for (int i = 0; i < 5; ++i) {
            model.upsertVisitor(visitor(i + 1));
            model.upsertDialog(dialog(100 + i, i + 1, protocol::DialogState::Waiting, 0, waits[i]));
        }
        QCOMPARE(idsIn(model, Section::Waiting), (QList<qint64>{2, 4, 1, 5, 3}));
        // Visitor 2 got an answer and wrote again: now waiting since later → moves to the end.
        model.upsertDialog(dialog(101, 2, protocol::DialogState::Waiting, 0, 60));
        QCOMPARE(idsIn(model, Section::Waiting), (QList<qint64>{4, 1, 5, 3, 2}));
        // And one moving to the front.
        model.upsertDialog(dialog(102, 3, protocol::DialogState::Waiting, 0, 0));
        QCOMPARE(idsIn(model, Section::Waiting), (QList<qint64>{3, 4, 1, 5, 2}));
        QCOMPARE(model.sectionIndex(Section::Waiting).data().toString(), u"Waiting for reply (5)"_s);
    }

    void othersSortedByActivityAndDialogBeforeVisitor()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(kMe);
        model.upsertVisitor(visitor(1, 10));
        model.upsertVisitor(visitor(2, 30));
        model.upsertVisitor(visitor(3, 20));
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{2, 3, 1}));
        model.upsertVisitor(visitor(1, 40));
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{1, 2, 3}));
        // A dialog announced before its visitor still shows, with a placeholder name.
        model.upsertDialog(dialog(9, 77, protocol::DialogState::Waiting, 0));
        QCOMPARE(model.indexOfVisitor(77).data().toString(), u"Visitor 77"_s);
        model.removeVisitor(2);
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{1, 3}));
    }

    void resetContentAndSelfChange()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetContent({visitor(1), visitor(2), visitor(3, 0, false)},
                           {dialog(1, 1, protocol::DialogState::Active, kMe),
                            dialog(2, 2, protocol::DialogState::Waiting, kMe)});
        // Not knowing who I am, neither is "mine": Active one is Others; unassigned-or-mine fails.
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{1, 2}));
        model.setSelfId(kMe);
        QCOMPARE(idsIn(model, Section::InDialog), QList<qint64>{1});
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{2});
        model.clear();
        QCOMPARE(model.rowCount(model.sectionIndex(Section::InDialog)), 0);
        QCOMPARE(model.rowCount(), 3);
    }

    void manyRandomUpdatesStayConsistent()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSelfId(kMe);
        quint32 seed = 12345;
        auto next = [&seed](int n) { seed = seed * 1103515245u + 12345u; return int((seed >> 16) % quint32(n)); };
        for (int i = 0; i < 2000; ++i) {
            const qint64 id = next(30) + 1;
            if (next(2) == 0) {
                model.upsertVisitor(visitor(id, next(1000), next(4) != 0));
            } else {
                const auto state = protocol::DialogState(next(3));
                model.upsertDialog(dialog(id * 10, id, state, next(3), next(1000)));
            }
        }
        int total = 0;
        for (int s = 0; s < VisitorListModel::kSectionCount; ++s)
            total += model.rowCount(model.sectionIndex(Section(s)));
        QVERIFY(total <= 30);
        // Waiting stays sorted.
        const QModelIndex waiting = model.sectionIndex(Section::Waiting);
        for (int row = 1; row < model.rowCount(waiting); ++row)
            QVERIFY(model.index(row - 1, 0, waiting).data(VisitorListModel::WaitingSinceRole).toDateTime()
                    <= model.index(row, 0, waiting).data(VisitorListModel::WaitingSinceRole).toDateTime());
    }
};

QTEST_GUILESS_MAIN(TestVisitorListModel)
#include "tst_visitor_list_model.moc"
