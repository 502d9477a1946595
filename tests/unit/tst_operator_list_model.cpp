// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorInfo;
using protocol::OperatorStatus;

namespace {

OperatorInfo op(qint64 id, const QString &name, OperatorStatus status, bool connected = true)
{
    OperatorInfo info;
    info.id = id;
    info.name = name;
    info.email = u"op%1@example.com"_s.arg(id);
    info.status = status;
    info.connected = connected;
    return info;
}

QStringList names(const OperatorListModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row).data().toString());
    return list;
}

} // namespace

class TestOperatorListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Names sort the way the operator's language does; the test machine runs in the "C"
        // locale, which only knows plain code-point order.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void sortedAvailableFirstThenStatusThenName()
    {
        OperatorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOperators({
            op(1, u"zoe"_s, OperatorStatus::Lunch),
            op(2, u"Bob"_s, OperatorStatus::Online, false), // Online but not connected: not available
            op(3, u"Carla"_s, OperatorStatus::Invisible),
            op(4, u"anna"_s, OperatorStatus::Online),
            op(5, u"Dan"_s, OperatorStatus::Offline, false),
            op(6, u"Eve"_s, OperatorStatus::BeforeLunch),
            op(7, u"Operator 10"_s, OperatorStatus::Break),
            op(8, u"Operator 2"_s, OperatorStatus::Break),
        });
        // Available (Online, Invisible; connected) first; then menu order: Online, Invisible,
        // Before lunch, Lunch, Break, Offline; names case-insensitive, numbers by value.
        QCOMPARE(names(model), (QStringList{u"anna"_s, u"Carla"_s, u"Bob"_s, u"Eve"_s, u"zoe"_s,
                                            u"Operator 2"_s, u"Operator 10"_s, u"Dan"_s}));
        const QModelIndex carla = model.index(1);
        QCOMPARE(carla.data(OperatorListModel::OperatorIdRole).toLongLong(), 3);
        QCOMPARE(carla.data(OperatorListModel::StatusRole).toInt(), int(OperatorStatus::Invisible));
        QVERIFY(carla.data(OperatorListModel::ConnectedRole).toBool());
        QVERIFY(!model.index(2).data(OperatorListModel::ConnectedRole).toBool());
        QCOMPARE(carla.data(OperatorListModel::RoleRole).toInt(), int(protocol::OperatorRole::Operator));
    }

    void statusChangeMovesOneRow()
    {
        OperatorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOperators({op(1, u"Anna"_s, OperatorStatus::Online), op(2, u"Bob"_s, OperatorStatus::Online),
                            op(3, u"Carla"_s, OperatorStatus::Lunch)});
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Anna goes to lunch: below Bob; Carla is at lunch too, so by name: Anna, then Carla.
        model.upsert(op(1, u"Anna"_s, OperatorStatus::Lunch));
        QCOMPARE(names(model), (QStringList{u"Bob"_s, u"Anna"_s, u"Carla"_s}));
        QCOMPARE(moved.size(), 1);
        // Carla comes back Online: into the available group, by name after Bob.
        model.upsert(op(3, u"Carla"_s, OperatorStatus::Online));
        QCOMPARE(names(model), (QStringList{u"Bob"_s, u"Carla"_s, u"Anna"_s}));
        QCOMPARE(moved.size(), 2);
        // Bob's socket drops: still "Online", but not available any more → below the available.
        auto bob = op(2, u"Bob"_s, OperatorStatus::Online, false);
        model.upsert(bob);
        QCOMPARE(names(model), (QStringList{u"Carla"_s, u"Bob"_s, u"Anna"_s}));
        QCOMPARE(model.index(1).data(OperatorListModel::ConnectedRole).toBool(), false);
        QCOMPARE(moved.size(), 3);
        // A change that keeps the place (languages) is a plain dataChanged, no move.
        const int changesBefore = int(changed.size());
        bob.languages = {u"fr"_s};
        model.upsert(bob);
        QCOMPARE(moved.size(), 3);
        QCOMPARE(changed.size(), changesBefore + 1);
        QCOMPARE(model.operatorInfo(2)->languages, QStringList{u"fr"_s});
        // The same data again signals nothing.
        model.upsert(bob);
        QCOMPARE(changed.size(), changesBefore + 1);
        // A new operator is inserted in place.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.upsert(op(9, u"Aaron"_s, OperatorStatus::Online));
        QCOMPARE(names(model), (QStringList{u"Aaron"_s, u"Carla"_s, u"Bob"_s, u"Anna"_s}));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!model.operatorInfo(42).has_value());
    }

    void selfIsMarked()
    {
        OperatorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setOperators(
            {op(1, u"Anna"_s, OperatorStatus::Online), op(2, u"Bob"_s, OperatorStatus::Online)});
        QVERIFY(!model.index(0).data(OperatorListModel::IsSelfRole).toBool());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setSelfId(2);
        QVERIFY(model.index(1).data(OperatorListModel::IsSelfRole).toBool());
        QVERIFY(!model.index(0).data(OperatorListModel::IsSelfRole).toBool());
        QCOMPARE(changed.size(), 1);
    }

    void randomUpdatesStaySorted()
    {
        OperatorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        quint32 seed = 7;
        auto next = [&seed](int n) {
            seed = seed * 1103515245u + 12345u;
            return int((seed >> 16) % quint32(n));
        };
        QHash<qint64, OperatorInfo> truth;
        for (int i = 0; i < 500; ++i) {
            const qint64 id = next(20) + 1;
            const auto info = op(id, u"Operator %1"_s.arg(next(30)), OperatorStatus(next(6)), next(3) != 0);
            truth.insert(id, info);
            model.upsert(info);
        }
        QCOMPARE(model.rowCount(), truth.size());
        OperatorListModel fresh;
        fresh.setOperators(truth.values());
        QCOMPARE(model.operators(), fresh.operators());
    }
};

QTEST_GUILESS_MAIN(TestOperatorListModel)
#include "tst_operator_list_model.moc"
