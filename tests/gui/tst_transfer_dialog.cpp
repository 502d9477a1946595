// SPDX-License-Identifier: GPL-3.0-or-later
// Handing a dialog on, as the operator does it: "Transfer…" lists the colleagues who can take it
// now, the departments, the languages and the common queue; the receiver (a second real engine)
// gets it under Waiting with the comment; the history words the transfer; a dialog handed back
// shows who sent it and why. And when the chosen colleague goes offline before OK, the server's
// refusal is shown in the dialog pane and the dialog stays.
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "LanguageNames.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "StatusPresentation.h"
#include "SystemLineText.h"
#include "TestVisitor.h"
#include "TransferDialog.h"
#include "VisitorListDelegate.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;
using protocol::TransferTarget;
using Section = VisitorListModel::Section;

namespace {

QTreeWidgetItem *itemWithText(QTreeWidget *tree, const QString &text)
{
    const QList<QTreeWidgetItem *> found = tree->findItems(text, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

} // namespace

class TestTransferDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void transferToAColleagueWithComment();
    void dialogHandedBackShowsSenderAndComment();
    void refusedWhenTheColleagueWentOffline();

private:
    /// A new visitor whose first message waits for me; opened in the window. Its dialog id.
    qint64 visitorWritesToMe(TestVisitor &visitor, const QString &text);
    ui::TransferDialog *openTransferDialogByButton();
    QString operatorEntry(OperatorStatus status) const
    {
        return ui::TransferDialog::tr("%1 — %2", "operator name — status")
            .arg(u"Boris Ivanov"_s, ui::StatusPresentation::name(status));
    }
    QListView *history() const { return m_me.window()->findChild<QListView *>(u"historyView"_s); }
    ui::NoticeBar *notice() const { return m_me.window()->findChild<ui::NoticeBar *>(u"dialogNoticeBar"_s); }

    ServerProcess m_server;
    guitest::Operator m_me;    // the demo operator, with the window
    guitest::Operator m_boris; // the colleague, engine only
    TestVisitor m_first;
    TestVisitor m_second;
    qint64 m_firstDialog = 0;
    const QString m_comment = u"Wants a wholesale discount, please call back"_s;
};

void TestTransferDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, u"boris@example.com"_s, u"Boris Ivanov"_s,
                                    {u"--department"_s, u"Sales"_s, u"--languages"_s, u"en,ru"_s}));
    // Carl never logs in: nobody can hand him a dialog.
    QVERIFY(testkit::createOperator(m_server, u"carl@example.com"_s, u"Carl Away"_s));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    // Boris is connected but Offline for now, so the first visitor comes to me.
    QVERIFY(m_boris.login(m_server, u"boris@example.com"_s, testkit::operatorPassword(),
                          OperatorStatus::Offline));
}

qint64 TestTransferDialog::visitorWritesToMe(TestVisitor &visitor, const QString &text)
{
    if (!visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)))
        return 0;
    visitor.send(text);
    VisitorListModel *model = m_me.session()->visitorModel();
    QModelIndex row;
    testkit::spinUntil(
        [&] {
            row = model->indexOfVisitor(visitor.visitorId());
            return row.isValid() && row.parent() == model->sectionIndex(Section::Waiting);
        },
        10000);
    if (!row.isValid())
        return 0;
    m_me.window()->visitorListPane()->view()->setCurrentIndex(row);
    return row.data(VisitorListModel::DialogIdRole).toLongLong();
}

ui::TransferDialog *TestTransferDialog::openTransferDialogByButton()
{
    auto *button = m_me.window()->findChild<QPushButton *>(u"transferButton"_s);
    if (!button || !button->isVisible() || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = m_me.window()->findChild<ui::TransferDialog *>();
    return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
}

void TestTransferDialog::transferToAColleagueWithComment()
{
    m_firstDialog = visitorWritesToMe(m_first, u"Hello, I want to order 50 kg of tea"_s);
    QVERIFY(m_firstDialog > 0);
    QTRY_COMPARE(history()->model()->rowCount(), 1);
    QVERIFY(m_boris.setStatus(OperatorStatus::Online));
    QTRY_VERIFY(m_me.session()->operatorInfo(m_boris.id()) &&
                m_me.session()->operatorInfo(m_boris.id())->status == OperatorStatus::Online);

    ui::TransferDialog *dialog = openTransferDialogByButton();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QPushButton *>(u"transferOkButton"_s);
    QVERIFY(ok);
    QVERIFY(!ok->isEnabled()); // nothing chosen yet
    QTreeWidget *tree = dialog->targetTree();
    // Who can take it now (never me), the departments, the languages, the queue.
    QVERIFY(itemWithText(tree, operatorEntry(OperatorStatus::Online)));
    QVERIFY(tree->findItems(u"Demo Operator"_s, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
    QVERIFY(tree->findItems(u"Carl Away"_s, Qt::MatchStartsWith | Qt::MatchRecursive).isEmpty());
    QVERIFY(itemWithText(tree, u"Sales"_s));
    QVERIFY(itemWithText(tree, ui::LanguageNames::nameWithCode(u"ru"_s)));
    QVERIFY(itemWithText(tree, ui::TransferDialog::tr("Back to the common queue")));
    QVERIFY(guitest::saveScreenshot(dialog, u"transfer-dialog"_s));

    QTreeWidgetItem *boris = itemWithText(tree, operatorEntry(OperatorStatus::Online));
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(boris).center());
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->target(), TransferTarget::toOperator(m_boris.id()));
    auto *comment = dialog->findChild<QPlainTextEdit *>(u"transferCommentEdit"_s);
    // A pasted essay is cut at the limit the server accepts, and the counter says so.
    comment->setPlainText(QString(ui::TransferDialog::kMaxCommentChars + 5, u'x'));
    QCOMPARE(comment->toPlainText().size(), ui::TransferDialog::kMaxCommentChars);
    QCOMPARE(dialog->findChild<QLabel *>(u"transferCommentCountLabel"_s)->text(),
             ui::TransferDialog::tr("%1 / %2").arg(1000).arg(1000));
    comment->clear();
    comment->setFocus();
    QTest::keyClicks(comment, m_comment);
    QVERIFY(guitest::saveScreenshot(dialog, u"transfer-dialog-chosen"_s));
    QTest::mouseClick(ok, Qt::LeftButton);

    // Boris has it, waiting for his answer, with my comment.
    QTRY_COMPARE_WITH_TIMEOUT(m_boris.session()->dialog(m_firstDialog).operatorId, m_boris.id(), 10000);
    const protocol::Dialog received = m_boris.session()->dialog(m_firstDialog);
    QCOMPARE(received.state, protocol::DialogState::Waiting);
    QCOMPARE(received.transfer.comment, m_comment);
    QCOMPARE(received.transfer.fromName, u"Demo Operator"_s);
    VisitorListModel *borisList = m_boris.session()->visitorModel();
    QTRY_COMPARE(borisList->indexOfVisitor(m_first.visitorId()).parent(),
                 borisList->sectionIndex(Section::Waiting));

    // My pane says it left, and the history tells what happened in my language.
    QTRY_VERIFY(notice()->isVisible());
    QCOMPARE(notice()->text(), ui::DialogPane::tr("You transferred this dialog; it is no longer yours."));
    const QString line = ui::SystemLineText::tr("%1: “%2”", "a transfer and the comment written with it")
                             .arg(ui::SystemLineText::tr("%1 transferred the dialog to %2")
                                      .arg(u"Demo Operator"_s, u"Boris Ivanov"_s),
                                  m_comment);
    QTRY_VERIFY_WITH_TIMEOUT(history()->model()->rowCount() >= 2, 10000);
    const QModelIndex last = history()->model()->index(history()->model()->rowCount() - 1, 0);
    QCOMPARE(ui::MessageDelegate::displayText(last), line);
    // It is Boris's now: I may look (others' dialogs are not hidden here) but not reply.
    QVERIFY(!m_me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s)->isVisible());
    QVERIFY(m_me.window()->findChild<ui::NoticeBar *>(u"watchBanner"_s)->isVisible());
    // In my list it sits under Other chats, without the note meant for the receiver.
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_COMPARE(model->indexOfVisitor(m_first.visitorId()).parent(),
                 model->sectionIndex(Section::OtherChats));
    QCOMPARE(ui::VisitorListDelegate::detailLines(model->indexOfVisitor(m_first.visitorId())).size(), 0);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"transfer-done"_s));
}

void TestTransferDialog::dialogHandedBackShowsSenderAndComment()
{
    const QString back = u"He asks for you by name"_s;
    m_boris.session()->transferDialog(m_firstDialog, TransferTarget::toOperator(m_me.id()), back);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_COMPARE_WITH_TIMEOUT(model->indexOfVisitor(m_first.visitorId()).parent(),
                              model->sectionIndex(Section::Waiting), 10000);
    const QModelIndex row = model->indexOfVisitor(m_first.visitorId());
    const QString fromBoris =
        ui::VisitorListDelegate::tr("From %1: %2", "who transferred the dialog, and their comment")
            .arg(u"Boris Ivanov"_s, back);
    QVERIFY2(ui::VisitorListDelegate::detailLines(row).contains(fromBoris),
             qPrintable(ui::VisitorListDelegate::detailLines(row).join(u" | ")));
    // The reply box is back: the dialog is mine again; the note that it left me is gone.
    QTRY_VERIFY(m_me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s)->isVisible());
    QVERIFY(!notice()->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"transfer-received"_s));
}

void TestTransferDialog::refusedWhenTheColleagueWentOffline()
{
    // Boris stays available for transfers but takes no new visitors, so the next one is mine.
    QVERIFY(m_boris.setStatus(OperatorStatus::Invisible));
    QTRY_VERIFY(m_me.session()->operatorInfo(m_boris.id())->status == OperatorStatus::Invisible);
    const qint64 dialogId = visitorWritesToMe(m_second, u"Do you ship to Norway?"_s);
    QVERIFY(dialogId > 0);

    // Ctrl+T opens the transfer dialog; I choose Boris...
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_T, Qt::ControlModifier);
    ui::TransferDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_me.window()->findChild<ui::TransferDialog *>()) != nullptr);
    QVERIFY(dialog->selectTarget(TransferTarget::toOperator(m_boris.id())));

    // ...but he goes offline before I press OK. He stays listed, as Offline; the server decides.
    QVERIFY(m_boris.setStatus(OperatorStatus::Offline));
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->operatorInfo(m_boris.id())->status, OperatorStatus::Offline,
                              10000);
    QTRY_VERIFY(itemWithText(dialog->targetTree(), operatorEntry(OperatorStatus::Offline)));
    auto *ok = dialog->findChild<QPushButton *>(u"transferOkButton"_s);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    // The refusal, where I am looking and in my language; the dialog is still mine.
    QTRY_VERIFY_WITH_TIMEOUT(notice()->isVisible(), 10000);
    QCOMPARE(notice()->kind(), ui::NoticeBar::Kind::Error);
    QCOMPARE(notice()->text(),
             ui::DialogPane::tr("The dialog was not transferred: %1")
                 .arg(ui::DialogPane::tr("%1 is not online any more.").arg(u"Boris Ivanov"_s)));
    const protocol::Dialog kept = m_me.session()->dialog(dialogId);
    QCOMPARE(kept.operatorId, m_me.id());
    QVERIFY(kept.isOpen());
    QVERIFY(m_me.window()->findChild<QPlainTextEdit *>(u"replyEdit"_s)->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"transfer-refused"_s));
}

QTEST_MAIN(TestTransferDialog)
#include "tst_transfer_dialog.moc"
