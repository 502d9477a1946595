// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);

protocol::Message message(qint64 id, const QString &cid, int secs, const QString &text,
                          protocol::Author author = protocol::Author::Visitor, qint64 dialogId = 5)
{
    protocol::Message m;
    m.id = id;
    m.cid = cid;
    m.dialogId = dialogId;
    m.author = author;
    m.text = text;
    m.at = kT0.addSecs(secs);
    return m;
}

QStringList texts(const MessageListModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row).data(MessageListModel::TextRole).toString());
    return result;
}

} // namespace

class TestMessageListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    /// A file line carries its file for the view; the upload's answer and the message.new echo
    /// (same cid and id) make one line, not two.
    void fileLineHasItsFileOnce()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(5, {message(1, u"a"_s, 1, u"Hi"_s)});
        protocol::Message file = message(2, u"f"_s, 2, {}, protocol::Author::Operator);
        file.file = {u"/v1/files/00ff"_s, u"price.pdf"_s, 12345, u"application/pdf"_s, false, false};
        model.upsert(file);
        model.upsert(file);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!model.index(0).data(MessageListModel::HasFileRole).toBool());
        QVERIFY(model.index(0).data(MessageListModel::FileRole).value<protocol::FileRef>().isEmpty());
        QVERIFY(model.index(1).data(MessageListModel::HasFileRole).toBool());
        QCOMPARE(model.index(1).data(MessageListModel::FileRole).value<protocol::FileRef>(), file.file);
    }

    void resetSortsAndFiltersDialog()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(5, {message(2, u"b"_s, 20, u"two"_s), message(1, u"a"_s, 10, u"one"_s),
                        message(3, u"c"_s, 15, u"other dialog"_s, protocol::Author::Visitor, 6)});
        QCOMPARE(model.dialogId(), 5);
        QCOMPARE(texts(model), (QStringList{u"one"_s, u"two"_s}));
        model.upsert(message(4, u"d"_s, 30, u"ignored"_s, protocol::Author::Visitor, 6));
        QCOMPARE(model.rowCount(), 2);
        model.upsert(message(5, u"e"_s, 15, u"between"_s));
        QCOMPARE(texts(model), (QStringList{u"one"_s, u"between"_s, u"two"_s}));
        QCOMPARE(model.index(1).data(MessageListModel::AuthorRole).toInt(), int(protocol::Author::Visitor));
        QCOMPARE(model.index(1).data(MessageListModel::MessageIdRole).toLongLong(), 5);
    }

    void pendingReplacedByCidNeverDoubled()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(5, {message(1, u"a"_s, 10, u"hello"_s)});
        model.upsert(message(0, u"reply-cid"_s, 20, u"my reply"_s, protocol::Author::Operator), true);
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.index(1).data(MessageListModel::PendingRole).toBool());
        QCOMPARE(model.pendingCount(), 1);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // The server's copy: same cid, a server id and the server's time.
        model.upsert(message(7, u"reply-cid"_s, 21, u"my reply"_s, protocol::Author::Operator));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(changed.size(), 1);
        QVERIFY(!model.index(1).data(MessageListModel::PendingRole).toBool());
        QCOMPARE(model.index(1).data(MessageListModel::MessageIdRole).toLongLong(), 7);
        // The echo (message.new) and a replay: still one line.
        model.upsert(message(7, u"reply-cid"_s, 21, u"my reply"_s, protocol::Author::Operator));
        model.upsert(message(7, u"reply-cid"_s, 21, u"my reply"_s, protocol::Author::Operator));
        QCOMPARE(model.rowCount(), 2);
        // A late "pending" must not demote the stored line.
        model.upsert(message(0, u"reply-cid"_s, 20, u"my reply"_s, protocol::Author::Operator), true);
        QVERIFY(!model.index(1).data(MessageListModel::PendingRole).toBool());
        QCOMPARE(model.pendingCount(), 0);
    }

    void storedCopyMovesWhenServerTimeDiffers()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(5, {});
        // Operator's clock is ahead: the pending reply sorts after the visitor's message...
        model.upsert(message(0, u"r"_s, 100, u"reply"_s, protocol::Author::Operator), true);
        model.upsert(message(1, u"v1"_s, 50, u"visitor"_s));
        QCOMPARE(texts(model), (QStringList{u"visitor"_s, u"reply"_s}));
        // ...the server stamped it earlier: it moves, still one line.
        model.upsert(message(2, u"r"_s, 40, u"reply"_s, protocol::Author::Operator));
        QCOMPARE(texts(model), (QStringList{u"reply"_s, u"visitor"_s}));
        QVERIFY(model.removeLine(u"v1"_s));
        QCOMPARE(texts(model), (QStringList{u"reply"_s}));
        QVERIFY(!model.removeLine(u"nope"_s));
    }

    void manyUpsertsNoDoubles()
    {
        MessageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.reset(5, {});
        for (int i = 0; i < 200; ++i) {
            model.upsert(message(0, u"c%1"_s.arg(i), i, u"m%1"_s.arg(i), protocol::Author::Operator), true);
            if (i >= 3) // the server confirms with a lag, twice each (result + echo)
                for (int k = 0; k < 2; ++k)
                    model.upsert(message(i - 2, u"c%1"_s.arg(i - 3), i - 3, u"m%1"_s.arg(i - 3),
                                         protocol::Author::Operator));
        }
        QCOMPARE(model.rowCount(), 200);
        QCOMPARE(model.pendingCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_message_list_model.moc"
