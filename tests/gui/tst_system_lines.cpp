// SPDX-License-Identifier: GPL-3.0-or-later
// The history's system lines as the operator reads them: each kind of transfer worded from the
// line's details, the comment quoted, the contact request and the details given, the visitor's
// rating and a ban with its reason; names shown as written (never as markup), and an unknown event
// falling back to the line's own text.
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "SystemLineText.h"

#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using ui::SystemLineText;

class TestSystemLines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void transferKinds_data();
    void transferKinds();
    void takeOver();
    void dialogActions_data();
    void dialogActions();
    void delegateShowsTheWordedLine();
};

void TestSystemLines::transferKinds_data()
{
    QTest::addColumn<QJsonObject>("meta");
    QTest::addColumn<QString>("expected");
    const QJsonObject from{{u"fromOperatorId"_s, 1}, {u"fromName"_s, u"Anna Petrova"_s}};
    QJsonObject toOperator = from;
    toOperator.insert(u"to"_s, u"operator"_s);
    toOperator.insert(u"toOperatorId"_s, 2);
    toOperator.insert(u"toName"_s, u"Boris Ivanov"_s);
    QTest::newRow("operator") << toOperator << u"Anna Petrova transferred the dialog to Boris Ivanov"_s;
    QJsonObject withComment = toOperator;
    withComment.insert(u"comment"_s, u"VIP, be quick"_s);
    QTest::newRow("operator with comment")
        << withComment << u"Anna Petrova transferred the dialog to Boris Ivanov: “VIP, be quick”"_s;
    QJsonObject toDepartment = from;
    toDepartment.insert(u"to"_s, u"department"_s);
    toDepartment.insert(u"departmentName"_s, u"Sales"_s);
    QTest::newRow("department") << toDepartment
                                << u"Anna Petrova transferred the dialog to the Sales department"_s;
    QJsonObject toLanguage = from;
    toLanguage.insert(u"to"_s, u"language"_s);
    toLanguage.insert(u"language"_s, u"ru"_s);
    QTest::newRow("language") << toLanguage
                              << u"Anna Petrova transferred the dialog to operators speaking Russian (ru)"_s;
    QJsonObject toQueue = from;
    toQueue.insert(u"to"_s, u"queue"_s);
    QTest::newRow("queue") << toQueue << u"Anna Petrova returned the dialog to the common queue"_s;
    QJsonObject markup = toOperator;
    markup.insert(u"comment"_s, u"<b>urgent</b>"_s);
    QTest::newRow("markup stays text")
        << markup << u"Anna Petrova transferred the dialog to Boris Ivanov: “<b>urgent</b>”"_s;
}

void TestSystemLines::transferKinds()
{
    QFETCH(QJsonObject, meta);
    QFETCH(QString, expected);
    QCOMPARE(SystemLineText::describe(u"transfer"_s, meta), expected);
}

void TestSystemLines::takeOver()
{
    const QJsonObject meta{{u"fromOperatorId"_s, 1},
                           {u"fromName"_s, u"Anna Petrova"_s},
                           {u"toOperatorId"_s, 3},
                           {u"toName"_s, u"Sam Super"_s}};
    QCOMPARE(SystemLineText::describe(u"takeover"_s, meta),
             u"Sam Super took over the dialog from Anna Petrova"_s);
    QCOMPARE(SystemLineText::describe(u"something-new"_s, meta), QString());
}

void TestSystemLines::dialogActions_data()
{
    QTest::addColumn<QString>("event");
    QTest::addColumn<QJsonObject>("meta");
    QTest::addColumn<QString>("expected");
    QTest::newRow("contact requested by")
        << u"contact.requested"_s << QJsonObject{{u"operatorId"_s, 1}, {u"operatorName"_s, u"Anna Petrova"_s}}
        << u"Anna Petrova requested the visitor's contact details"_s;
    QTest::newRow("contact requested, nobody named")
        << u"contact.requested"_s << QJsonObject{} << u"Contact details requested"_s;
    QTest::newRow("contact given")
        << u"contact.given"_s
        << QJsonObject{{u"name"_s, u"John Smith"_s},
                       {u"email"_s, u"john@example.com"_s},
                       {u"phone"_s, u"+44 20 7946 0000"_s}}
        << u"The visitor left contact details: John Smith · john@example.com · +44 20 7946 0000"_s;
    QTest::newRow("contact given, phone only")
        << u"contact.given"_s
        << QJsonObject{{u"name"_s, u""_s}, {u"email"_s, u""_s}, {u"phone"_s, u"12345"_s}}
        << u"The visitor left contact details: 12345"_s;
    QTest::newRow("contact given, markup stays text")
        << u"contact.given"_s << QJsonObject{{u"name"_s, u"<i>Eve</i>"_s}, {u"email"_s, u"eve@example.com"_s}}
        << u"The visitor left contact details: <i>Eve</i> · eve@example.com"_s;
    QTest::newRow("rating with comment")
        << u"rating"_s << QJsonObject{{u"score"_s, 4}, {u"comment"_s, u"Quick and helpful"_s}}
        << u"The visitor rated the dialog 4/5: “Quick and helpful”"_s;
    QTest::newRow("rating without comment")
        << u"rating"_s << QJsonObject{{u"score"_s, 2}, {u"comment"_s, u""_s}}
        << u"The visitor rated the dialog 2/5"_s;
    QTest::newRow("ban with reason") << u"ban"_s
                                     << QJsonObject{{u"reason"_s, u"Spam links"_s},
                                                    {u"bannedBy"_s, u"Anna Petrova"_s}}
                                     << u"Anna Petrova banned the visitor: Spam links"_s;
    QTest::newRow("ban without reason")
        << u"ban"_s << QJsonObject{{u"reason"_s, u""_s}, {u"bannedBy"_s, u"Anna Petrova"_s}}
        << u"Anna Petrova banned the visitor"_s;
    // Mail lines (operator-only).
    QTest::newRow("transcript sent")
        << u"transcript.sent"_s
        << QJsonObject{{u"toOperatorId"_s, 2}, {u"toName"_s, u"Boris Ivanov"_s},
                       {u"toEmail"_s, u"boris@example.com"_s}, {u"byName"_s, u"Anna Petrova"_s}}
        << u"Anna Petrova emailed the transcript to Boris Ivanov (boris@example.com)"_s;
    QTest::newRow("reply emailed") << u"email.sent"_s << QJsonObject{{u"to"_s, u"olga@example.net"_s}}
                                   << u"The reply was emailed to olga@example.net"_s;
    QTest::newRow("reply not emailed")
        << u"email.failed"_s << QJsonObject{{u"to"_s, u"olga@example.net"_s}, {u"error"_s, u"Mailbox full"_s}}
        << u"The reply could not be emailed to olga@example.net: Mailbox full"_s;
}

void TestSystemLines::dialogActions()
{
    QFETCH(QString, event);
    QFETCH(QJsonObject, meta);
    QFETCH(QString, expected);
    QCOMPARE(SystemLineText::describe(event, meta), expected);
}

void TestSystemLines::delegateShowsTheWordedLine()
{
    MessageListModel model;
    protocol::Message transfer;
    transfer.id = 1;
    transfer.cid = u"a"_s;
    transfer.dialogId = 5;
    transfer.author = protocol::Author::System;
    transfer.text = u"server's own English wording"_s;
    transfer.at = QDateTime::currentDateTimeUtc();
    transfer.event = u"transfer"_s;
    transfer.meta = {{u"fromName"_s, u"Anna Petrova"_s}, {u"to"_s, u"queue"_s}};
    protocol::Message future = transfer;
    future.id = 2;
    future.cid = u"b"_s;
    future.event = u"merge"_s; // an event a newer server might send
    future.text = u"Dialogs merged"_s;
    model.reset(5, {transfer, future});
    QCOMPARE(ui::MessageDelegate::displayText(model.index(0, 0)),
             u"Anna Petrova returned the dialog to the common queue"_s);
    QCOMPARE(ui::MessageDelegate::displayText(model.index(1, 0)), u"Dialogs merged"_s);
}

QTEST_MAIN(TestSystemLines)
#include "tst_system_lines.moc"
