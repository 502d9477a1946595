// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using Section = VisitorListModel::Section;
using protocol::DialogState;

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

protocol::Dialog dialog(qint64 id, qint64 visitorId, DialogState state, qint64 operatorId, int waitingSecs = 0)
{
    protocol::Dialog dlg;
    dlg.id = id;
    dlg.visitorId = visitorId;
    dlg.state = state;
    dlg.operatorId = operatorId;
    dlg.createdAt = kT0;
    if (state == DialogState::Waiting)
        dlg.waitingSince = kT0.addSecs(waitingSecs);
    return dlg;
}

protocol::Dialog offlineRequest(qint64 id, qint64 visitorId, int waitingSecs = 0)
{
    protocol::Dialog dlg = dialog(id, visitorId, DialogState::Waiting, 0, waitingSecs);
    dlg.offline = protocol::ContactDetails{u"Ann"_s, u"ann@example.com"_s, {}};
    return dlg;
}

protocol::Message line(qint64 id, qint64 dialogId, const QString &text, int secs,
                       protocol::Author author = protocol::Author::Visitor)
{
    protocol::Message m;
    m.id = id;
    m.dialogId = dialogId;
    m.author = author;
    m.text = text;
    m.at = kT0.addSecs(secs);
    return m;
}

ServerSettings settings(bool autoAssign, bool hideOthers)
{
    ServerSettings s;
    s.autoAssign = autoAssign;
    s.hideOthersDialogs = hideOthers;
    return s;
}

QList<qint64> idsIn(const VisitorListModel &model, Section section)
{
    QList<qint64> ids;
    const QModelIndex parent = model.sectionIndex(section);
    for (int row = 0; row < model.rowCount(parent); ++row)
        ids.append(model.index(row, 0, parent).data(VisitorListModel::VisitorIdRole).toLongLong());
    return ids;
}

/// The section a visitor is listed in, or -1.
int sectionOf(const VisitorListModel &model, qint64 visitorId)
{
    const QModelIndex index = model.indexOfVisitor(visitorId);
    return index.isValid() ? index.parent().row() : -1;
}

} // namespace

class TestVisitorListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sectionsAlwaysPresentInDisplayOrder()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), VisitorListModel::kSectionCount);
        const QStringList labels{u"Waiting for reply (0)"_s, u"In dialog (0)"_s, u"Offline requests (0)"_s,
                                 u"Common queue (0)"_s,      u"Other chats (0)"_s, u"Others (0)"_s};
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, 0).data().toString(), labels.at(row));
            QVERIFY(model.index(row, 0).data(VisitorListModel::IsSectionRole).toBool());
            QCOMPARE(model.index(row, 0).data(VisitorListModel::SectionRole).toInt(), row);
        }
    }

    void placement_data()
    {
        QTest::addColumn<bool>("supervises");
        QTest::addColumn<bool>("autoAssign");
        QTest::addColumn<bool>("hideOthers");
        QTest::addColumn<QString>("what"); // the visitor's situation, see placement()
        QTest::addColumn<int>("expected"); // Section, or -1: not listed

        const int none = -1;
        // clang-format off
        QTest::newRow("offline request, unassigned")   << false << true  << false << u"offline-request"_s << int(Section::OfflineRequests);
        QTest::newRow("offline request, no autoassign") << false << false << false << u"offline-request"_s << int(Section::OfflineRequests);
        QTest::newRow("offline request, taken by me")  << false << true  << false << u"offline-request-mine"_s << int(Section::InDialog);
        QTest::newRow("mine, waiting")                 << false << true  << false << u"mine-waiting"_s << int(Section::Waiting);
        QTest::newRow("mine, active")                  << false << true  << false << u"mine-active"_s << int(Section::InDialog);
        QTest::newRow("unassigned, auto-assign on")    << false << true  << false << u"unassigned-waiting"_s << int(Section::CommonQueue);
        QTest::newRow("unassigned, auto-assign off")   << false << false << false << u"unassigned-waiting"_s << int(Section::Waiting);
        QTest::newRow("other's, shown to operators")   << false << true  << false << u"others-active"_s << int(Section::OtherChats);
        QTest::newRow("other's waiting, shown")        << false << true  << false << u"others-waiting"_s << int(Section::OtherChats);
        QTest::newRow("other's, hidden from operator, online") << false << true << true << u"others-active"_s << int(Section::Others);
        QTest::newRow("other's, hidden from operator, offline") << false << true << true << u"others-active-offline"_s << none;
        QTest::newRow("other's, supervisor despite hide") << true << true << true << u"others-active"_s << int(Section::OtherChats);
        QTest::newRow("no dialog, online")             << false << true  << false << u"browsing"_s << int(Section::Others);
        QTest::newRow("no dialog, left")               << false << true  << false << u"left"_s << none;
        QTest::newRow("supervisor, own dialog")        << true  << true  << false << u"mine-active"_s << int(Section::InDialog);
        QTest::newRow("supervisor, unassigned")        << true  << true  << false << u"unassigned-waiting"_s << int(Section::CommonQueue);
        // clang-format on
    }

    void placement()
    {
        QFETCH(bool, supervises);
        QFETCH(bool, autoAssign);
        QFETCH(bool, hideOthers);
        QFETCH(QString, what);
        QFETCH(int, expected);

        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, supervises, settings(autoAssign, hideOthers));
        model.upsertVisitor(visitor(10, 0, !what.endsWith(u"offline") && what != u"left"));
        if (what == u"offline-request")
            model.upsertDialog(offlineRequest(5, 10));
        else if (what == u"offline-request-mine") {
            auto dlg = offlineRequest(5, 10);
            dlg.operatorId = kMe;
            dlg.state = DialogState::Active;
            model.upsertDialog(dlg);
        } else if (what == u"mine-waiting")
            model.upsertDialog(dialog(5, 10, DialogState::Waiting, kMe));
        else if (what == u"mine-active")
            model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        else if (what == u"unassigned-waiting")
            model.upsertDialog(dialog(5, 10, DialogState::Waiting, 0));
        else if (what.startsWith(u"others-active"))
            model.upsertDialog(dialog(5, 10, DialogState::Active, kOther));
        else if (what == u"others-waiting")
            model.upsertDialog(dialog(5, 10, DialogState::Waiting, kOther));

        QCOMPARE(sectionOf(model, 10), expected);
        int listed = 0;
        for (int s = 0; s < VisitorListModel::kSectionCount; ++s)
            listed += model.visitorCount(Section(s));
        QCOMPARE(listed, expected < 0 ? 0 : 1);
        if (expected < 0)
            return;
        const QModelIndex row = model.indexOfVisitor(10);
        QCOMPARE(model.index(expected, 0).data(VisitorListModel::SectionCountRole).toInt(), 1);
        QCOMPARE(row.data(VisitorListModel::SectionRole).toInt(), expected);
        // A hidden dialog is "no dialog" all the way: the row must not offer to open it.
        const bool dialogHidden = hideOthers && !supervises && what.startsWith(u"others");
        const bool hasDialog = what != u"browsing" && !dialogHidden;
        QCOMPARE(row.data(VisitorListModel::DialogIdRole).toLongLong(), hasDialog ? 5 : 0);
        QCOMPARE(row.data(VisitorListModel::IsOfflineRequestRole).toBool(), what.startsWith(u"offline-request"));
        const qint64 assigned = what.startsWith(u"mine") || what == u"offline-request-mine" ? kMe
                                : (what.startsWith(u"others") && hasDialog)                ? kOther
                                                                                            : 0;
        QCOMPARE(row.data(VisitorListModel::AssignedOperatorIdRole).toLongLong(), assigned);
        QCOMPARE(row.data(VisitorListModel::AssignedToMeRole).toBool(), assigned == kMe);
    }

    void sectionsThatApply()
    {
        VisitorListModel model;
        model.setViewer(kMe, false, settings(true, false));
        QVERIFY(model.sectionApplies(Section::CommonQueue));
        QVERIFY(model.sectionApplies(Section::OtherChats));
        model.setViewer(kMe, false, settings(false, true));
        QVERIFY(!model.sectionApplies(Section::CommonQueue));
        QVERIFY(!model.sectionApplies(Section::OtherChats));
        for (Section always : {Section::Waiting, Section::InDialog, Section::OfflineRequests, Section::Others})
            QVERIFY(model.sectionApplies(always));
        model.setViewer(kMe, true, settings(false, true)); // supervisors always see others' dialogs
        QVERIFY(model.sectionApplies(Section::OtherChats));
        QCOMPARE(model.serverSettings(), settings(false, true));
        QVERIFY(model.supervises());
    }

    void viewerChangeReplacesEveryone()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(true, false));
        model.resetContent({visitor(1), visitor(2), visitor(3, 0, false)},
                           {dialog(11, 1, DialogState::Active, kOther), dialog(12, 2, DialogState::Waiting, 0),
                            dialog(13, 3, DialogState::Active, kOther)});
        QCOMPARE(idsIn(model, Section::OtherChats), (QList<qint64>{1, 3}));
        QCOMPARE(idsIn(model, Section::CommonQueue), QList<qint64>{2});

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // The server now hides others' dialogs and assigns nothing by itself.
        model.setViewer(kMe, false, settings(false, true));
        QCOMPARE(reset.size(), 1);
        QVERIFY(idsIn(model, Section::OtherChats).isEmpty());
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{1}); // visitor 3 is offline: gone
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{2});
        QVERIFY(idsIn(model, Section::CommonQueue).isEmpty());
        // The same viewer again changes nothing.
        model.setViewer(kMe, false, settings(false, true));
        QCOMPARE(reset.size(), 1);
        // setSelfId keeps role and settings.
        model.setSelfId(kOther);
        QCOMPARE(model.serverSettings(), settings(false, true));
        QCOMPARE(idsIn(model, Section::InDialog), (QList<qint64>{1, 3}));
    }

    void visitorMovesBetweenSections()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(false, false));
        model.upsertVisitor(visitor(10));
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{10});

        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        // The visitor writes: a waiting dialog, unassigned, no auto-assignment → Waiting.
        model.upsertDialog(dialog(5, 10, DialogState::Waiting, 0));
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{10});
        QVERIFY(idsIn(model, Section::Others).isEmpty());
        QCOMPARE(model.sectionIndex(Section::Waiting).data().toString(), u"Waiting for reply (1)"_s);
        const QModelIndex index = model.indexOfVisitor(10);
        QCOMPARE(index.data(VisitorListModel::DialogIdRole).toLongLong(), 5);
        QVERIFY(index.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid());
        QCOMPARE(index.data().toString(), u"Visitor 10"_s);

        // I answer → In dialog.
        model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        QCOMPARE(idsIn(model, Section::InDialog), QList<qint64>{10});
        QVERIFY(model.indexOfVisitor(10).data(VisitorListModel::AssignedToMeRole).toBool());
        // Closed → back to Others (still online).
        model.upsertDialog(dialog(5, 10, DialogState::Closed, kMe));
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{10});
        QCOMPARE(moved.size(), 3);
        QCOMPARE(reset.size(), 0);

        // Offline with no dialog → not listed.
        model.upsertVisitor(visitor(10, 5, false));
        QVERIFY(!model.indexOfVisitor(10).isValid());
        QCOMPARE(model.sectionIndex(Section::Others).data(VisitorListModel::SectionCountRole).toInt(), 0);
    }

    void transferAndTakeOverMoveTheVisitor()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, true, settings(true, false)); // a supervisor
        model.upsertVisitor(visitor(10));
        model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        QCOMPARE(sectionOf(model, 10), int(Section::InDialog));
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // I transfer it to a colleague: it waits for them, shown under Other chats.
        protocol::Dialog toColleague = dialog(5, 10, DialogState::Waiting, kOther, 100);
        toColleague.transfer = {kMe, u"Me"_s, u"Wants a refund"_s, kT0.addSecs(100)};
        model.upsertDialog(toColleague);
        QCOMPARE(sectionOf(model, 10), int(Section::OtherChats));

        // The colleague sends it back to me with a comment: I see it waiting, with the comment.
        protocol::Dialog back = dialog(5, 10, DialogState::Waiting, kMe, 200);
        back.transfer = {kOther, u"Bob"_s, u"Speaks only French"_s, kT0.addSecs(200)};
        model.upsertDialog(back);
        QCOMPARE(sectionOf(model, 10), int(Section::Waiting));
        const QModelIndex row = model.indexOfVisitor(10);
        QCOMPARE(row.data(VisitorListModel::TransferFromNameRole).toString(), u"Bob"_s);
        QCOMPARE(row.data(VisitorListModel::TransferCommentRole).toString(), u"Speaks only French"_s);
        QCOMPARE(row.data(VisitorListModel::WaitingSinceRole).toDateTime(), kT0.addSecs(200));

        // To the queue: unassigned, waiting → Common queue while auto-assignment is on.
        model.upsertDialog(dialog(5, 10, DialogState::Waiting, 0, 300));
        QCOMPARE(sectionOf(model, 10), int(Section::CommonQueue));
        QVERIFY(model.indexOfVisitor(10).data(VisitorListModel::TransferFromNameRole).toString().isEmpty());

        // Assigned to a colleague, then taken over by me (the supervisor): In dialog.
        model.upsertDialog(dialog(5, 10, DialogState::Active, kOther));
        QCOMPARE(sectionOf(model, 10), int(Section::OtherChats));
        model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        QCOMPARE(sectionOf(model, 10), int(Section::InDialog));
        // Each step was one move of the same row: a view keeps its selection on the visitor.
        QCOMPARE(moved.size(), 5);
        QCOMPARE(removed.size(), 0);
    }

    /// The row shows its dialog's category while it is open, and — once the visitor rated it after
    /// the close — the score, for as long as the visitor stays on the site with no new dialog.
    void categoryAndRatingOnTheRow()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(false, false));
        model.upsertVisitor(visitor(10));
        model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        QModelIndex row = model.indexOfVisitor(10);
        QCOMPARE(row.data(VisitorListModel::CategoryIdRole).toLongLong(), 0);
        QCOMPARE(row.data(VisitorListModel::RatingRole).toInt(), 0);

        // A category set on the open dialog reaches the row, with a dataChanged a view repaints on.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        protocol::Dialog categorised = dialog(5, 10, DialogState::Active, kMe);
        categorised.categoryId = 3;
        model.upsertDialog(categorised);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.indexOfVisitor(10).data(VisitorListModel::CategoryIdRole).toLongLong(), 3);

        // Closed: back under Others, keeping its category; then the visitor rates it.
        protocol::Dialog closed = categorised;
        closed.state = DialogState::Closed;
        closed.closedAt = kT0.addSecs(60);
        model.upsertDialog(closed);
        QCOMPARE(sectionOf(model, 10), int(Section::Others));
        QCOMPARE(model.indexOfVisitor(10).data(VisitorListModel::CategoryIdRole).toLongLong(), 3);
        QCOMPARE(model.indexOfVisitor(10).data(VisitorListModel::RatingRole).toInt(), 0);
        protocol::Dialog rated = closed;
        rated.rating = {4, u"Quick answer"_s, kT0.addSecs(70)};
        model.upsertDialog(rated);
        QCOMPARE(model.indexOfVisitor(10).data(VisitorListModel::RatingRole).toInt(), 4);

        // A late update of an older dialog does not replace what the newest one says.
        protocol::Dialog older = dialog(2, 10, DialogState::Closed, kMe);
        older.rating = {1, {}, kT0};
        model.upsertDialog(older);
        QCOMPARE(model.indexOfVisitor(10).data(VisitorListModel::RatingRole).toInt(), 4);

        // A new dialog: the row is about that one now, unrated and without a category.
        model.upsertDialog(dialog(6, 10, DialogState::Waiting, 0));
        row = model.indexOfVisitor(10);
        QCOMPARE(row.data(VisitorListModel::DialogIdRole).toLongLong(), 6);
        QCOMPARE(row.data(VisitorListModel::RatingRole).toInt(), 0);
        QCOMPARE(row.data(VisitorListModel::CategoryIdRole).toLongLong(), 0);
        QCOMPARE(model.roleNames().value(VisitorListModel::RatingRole), "rating");
        QCOMPARE(model.roleNames().value(VisitorListModel::CategoryIdRole), "categoryId");
    }

    void transferAwayHidesItFromAPlainOperator()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(true, true));
        model.upsertVisitor(visitor(10, 0, false)); // left the site, the dialog stays open
        model.upsertDialog(dialog(5, 10, DialogState::Active, kMe));
        QCOMPARE(sectionOf(model, 10), int(Section::InDialog));
        model.upsertDialog(dialog(5, 10, DialogState::Waiting, kOther));
        QCOMPARE(sectionOf(model, 10), -1);
        QCOMPARE(model.visitorCount(Section::InDialog), 0);
    }

    void waitingSortedLongestFirst_data()
    {
        QTest::addColumn<int>("section");
        QTest::addColumn<bool>("autoAssign");
        QTest::addColumn<bool>("offline");
        QTest::newRow("waiting") << int(Section::Waiting) << false << false;
        QTest::newRow("common queue") << int(Section::CommonQueue) << true << false;
        QTest::newRow("offline requests") << int(Section::OfflineRequests) << true << true;
    }

    void waitingSortedLongestFirst()
    {
        QFETCH(int, section);
        QFETCH(bool, autoAssign);
        QFETCH(bool, offline);
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(autoAssign, false));
        const auto make = [offline](qint64 id, qint64 visitorId, int waitingSecs) {
            return offline ? offlineRequest(id, visitorId, waitingSecs)
                           : dialog(id, visitorId, DialogState::Waiting, 0, waitingSecs);
        };
        const int waits[] = {30, 10, 50, 20, 40};
        for (int i = 0; i < 5; ++i) {
            model.upsertVisitor(visitor(i + 1, 1000 - i)); // activity order differs from waiting order
            model.upsertDialog(make(100 + i, i + 1, waits[i]));
        }
        QCOMPARE(idsIn(model, Section(section)), (QList<qint64>{2, 4, 1, 5, 3}));
        // Visitor 2 waits since later now → moves to the end.
        model.upsertDialog(make(101, 2, 60));
        QCOMPARE(idsIn(model, Section(section)), (QList<qint64>{4, 1, 5, 3, 2}));
        // And one moving to the front.
        model.upsertDialog(make(102, 3, 0));
        QCOMPARE(idsIn(model, Section(section)), (QList<qint64>{3, 4, 1, 5, 2}));
        QCOMPARE(model.index(section, 0).data(VisitorListModel::SectionCountRole).toInt(), 5);
    }

    void othersSortedByActivityAndDialogBeforeVisitor()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(false, false));
        model.upsertVisitor(visitor(1, 10));
        model.upsertVisitor(visitor(2, 30));
        model.upsertVisitor(visitor(3, 20));
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{2, 3, 1}));
        model.upsertVisitor(visitor(1, 40));
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{1, 2, 3}));
        // A dialog announced before its visitor still shows, with a placeholder name.
        model.upsertDialog(dialog(9, 77, DialogState::Waiting, 0));
        QCOMPARE(model.indexOfVisitor(77).data().toString(), u"Visitor 77"_s);
        model.removeVisitor(2);
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{1, 3}));
    }

    void lastMessageText()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(false, false));
        model.resetContent({visitor(1)}, {dialog(5, 1, DialogState::Waiting, 0)}, {{5, u"From the cache"_s}});
        const auto text = [&] { return model.indexOfVisitor(1).data(VisitorListModel::LastMessageTextRole).toString(); };
        QCOMPARE(text(), u"From the cache"_s);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.noteMessage(line(1, 5, u"Hello?"_s, 10));
        QCOMPARE(text(), u"Hello?"_s);
        QCOMPARE(changed.size(), 1);
        model.noteMessage(line(2, 5, u"Hi, how can I help?"_s, 20, protocol::Author::Operator));
        QCOMPARE(text(), u"Hi, how can I help?"_s);
        // A system line (transfer) and an operator-room line leave it alone; so does an older line
        // arriving late (history after the live line).
        model.noteMessage(line(3, 5, {}, 30, protocol::Author::System));
        model.noteMessage(line(4, 0, u"room line"_s, 40, protocol::Author::Operator));
        model.noteMessage(line(1, 5, u"Hello?"_s, 10));
        QCOMPARE(text(), u"Hi, how can I help?"_s);
        // A file line (no text) reads as its name, as the cache words it after a restart.
        protocol::Message file = line(5, 5, {}, 50);
        file.file = {u"/v1/files/ab"_s, u"invoice.pdf"_s, 100, u"application/pdf"_s, false, false};
        model.noteMessage(file);
        QCOMPARE(text(), u"\U0001F4CE invoice.pdf"_s);
        // A browsing visitor has none.
        model.upsertVisitor(visitor(2));
        QVERIFY(model.indexOfVisitor(2).data(VisitorListModel::LastMessageTextRole).toString().isEmpty());
    }

    void filterNarrowsEverySection()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(true, false));
        protocol::Visitor alice = visitor(1);
        alice.name = u"Alice Martin"_s;
        protocol::Visitor pricing = visitor(2);
        pricing.currentPage = {u"https://shop.example/pricing"_s, u"Our prices"_s, kT0};
        protocol::Visitor urlOnly = visitor(3);
        urlOnly.currentPage = {u"https://shop.example/PRICING/enterprise"_s, {}, kT0};
        model.resetContent({alice, pricing, urlOnly, visitor(4), visitor(5)},
                           {dialog(11, 1, DialogState::Active, kMe), dialog(14, 4, DialogState::Waiting, 0),
                            dialog(15, 5, DialogState::Active, kOther)},
                           {{14, u"Do you ship to Martinique?"_s}});

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFilterText(u"martin"_s); // a name and a message text, case-insensitive
        QCOMPARE(reset.size(), 1);
        QCOMPARE(idsIn(model, Section::InDialog), QList<qint64>{1});
        QCOMPARE(idsIn(model, Section::CommonQueue), QList<qint64>{4});
        QVERIFY(idsIn(model, Section::Others).isEmpty());
        QVERIFY(idsIn(model, Section::OtherChats).isEmpty());
        // Section labels count what is shown.
        QCOMPARE(model.sectionIndex(Section::InDialog).data().toString(), u"In dialog (1)"_s);
        QCOMPARE(model.sectionIndex(Section::OtherChats).data().toString(), u"Other chats (0)"_s);

        model.setFilterText(u"Pricing"_s); // page title or URL
        QCOMPARE(idsIn(model, Section::Others), (QList<qint64>{2, 3}));
        QCOMPARE(model.visitorCount(Section::InDialog), 0);

        // Live updates respect the filter: a new line that matches brings its visitor in, a page
        // view that no longer matches takes one out.
        model.noteMessage(line(50, 15, u"Is there a pricing page for schools?"_s, 5));
        QCOMPARE(idsIn(model, Section::OtherChats), QList<qint64>{5});
        protocol::Visitor moved = urlOnly;
        moved.currentPage = {u"https://shop.example/contact"_s, u"Contact"_s, kT0};
        model.upsertVisitor(moved);
        QCOMPARE(idsIn(model, Section::Others), QList<qint64>{2});

        model.setFilterText(u"no such thing"_s);
        for (int s = 0; s < VisitorListModel::kSectionCount; ++s)
            QCOMPARE(model.visitorCount(Section(s)), 0);
        model.setFilterText({});
        QCOMPARE(model.filterText(), QString());
        int listed = 0;
        for (int s = 0; s < VisitorListModel::kSectionCount; ++s)
            listed += model.visitorCount(Section(s));
        QCOMPARE(listed, 5);
    }

    void resetContentAndSelfChange()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.resetContent({visitor(1), visitor(2), visitor(3, 0, false)},
                           {dialog(1, 1, DialogState::Active, kMe), dialog(2, 2, DialogState::Waiting, kMe)});
        // Not knowing who I am, neither is "mine": both are someone else's.
        QCOMPARE(idsIn(model, Section::OtherChats), (QList<qint64>{1, 2}));
        model.setSelfId(kMe);
        QCOMPARE(idsIn(model, Section::InDialog), QList<qint64>{1});
        QCOMPARE(idsIn(model, Section::Waiting), QList<qint64>{2});
        model.clear();
        QCOMPARE(model.rowCount(model.sectionIndex(Section::InDialog)), 0);
        QCOMPARE(model.rowCount(), VisitorListModel::kSectionCount);
    }

    /// Random updates against a model under QAbstractItemModelTester: every visitor must end up
    /// exactly where a model rebuilt from scratch with the same data puts it, in the same order.
    void manyRandomUpdatesMatchAFreshModel()
    {
        VisitorListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setViewer(kMe, false, settings(true, false));
        QHash<qint64, protocol::Visitor> visitors;
        QHash<qint64, protocol::Dialog> dialogs;
        quint32 seed = 12345;
        auto next = [&seed](int n) { seed = seed * 1103515245u + 12345u; return int((seed >> 16) % quint32(n)); };
        const QStringList words{u"alpha"_s, u"beta"_s, u"gamma"_s};
        for (int i = 0; i < 3000; ++i) {
            const qint64 id = next(40) + 1;
            switch (next(4)) {
            case 0: {
                protocol::Visitor v = visitor(id, next(1000), next(4) != 0);
                v.currentPage.title = words.at(next(3));
                visitors.insert(id, v);
                model.upsertVisitor(v);
                break;
            }
            case 1:
            case 2: {
                protocol::Dialog dlg = next(6) == 0 ? offlineRequest(id * 10, id, next(1000))
                                                    : dialog(id * 10, id, DialogState(next(3)), next(3), next(1000));
                dialogs.insert(id, dlg);
                model.upsertDialog(dlg);
                break;
            }
            default:
                model.noteMessage(line(i + 1000, id * 10, words.at(next(3)), i));
                break;
            }
            if (i == 1000)
                model.setFilterText(u"ALPHA"_s);
            if (i == 2000)
                model.setViewer(kMe, false, settings(false, true));
        }
        VisitorListModel fresh;
        fresh.setViewer(kMe, false, settings(false, true));
        QHash<qint64, QString> texts;
        for (auto it = dialogs.constBegin(); it != dialogs.constEnd(); ++it) {
            if (it->isOpen())
                texts.insert(it->id, model.indexOfVisitor(it->visitorId).data(VisitorListModel::LastMessageTextRole).toString());
        }
        // The fresh model only knows the texts of listed rows; compare with the filter applied to
        // both, after dropping the filter on the live model to read every row's text.
        model.setFilterText({});
        for (auto it = dialogs.constBegin(); it != dialogs.constEnd(); ++it) {
            if (it->isOpen())
                texts.insert(it->id, model.indexOfVisitor(it->visitorId).data(VisitorListModel::LastMessageTextRole).toString());
        }
        fresh.resetContent(visitors.values(), dialogs.values(), texts);
        for (const QString &filter : {QString(), u"alpha"_s}) {
            model.setFilterText(filter);
            fresh.setFilterText(filter);
            for (int s = 0; s < VisitorListModel::kSectionCount; ++s)
                QCOMPARE(idsIn(model, Section(s)), idsIn(fresh, Section(s)));
        }
        QVERIFY(model.visitorCount(Section::Others) > 0);
    }
};

QTEST_GUILESS_MAIN(TestVisitorListModel)
#include "tst_visitor_list_model.moc"
