// SPDX-License-Identifier: GPL-3.0-or-later
// Mail as the operator uses it, against the real server and a real SMTP server (SmtpSink):
// "Email transcript…" lists the operators with an address (me first), sends the dialog's text to
// the one picked — who is not logged in — and says so in the dialog's notice bar, the history
// telling who mailed it to whom; a mail server that refuses is the notice's reason. On an offline
// request with an address the reply button reads "Send by email" and the reply reaches the
// visitor's mailbox, an ordinary dialog keeps "Send". My profile: a malformed email is refused
// under the field, a good one saved; a picture chosen shows, and goes again with Remove. A server
// without mail: the button is disabled and its tooltip says why. A server gone while a transcript
// is on its way: the notice says it may not have been sent.
#include "AvatarEditor.h"
#include "DialogActionsBar.h"
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ProfileDialog.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "SmtpSink.h"
#include "SystemLineText.h"
#include "TranscriptRecipientDialog.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
const QString kMe = u"demo@example.com"_s;
const QString kBorisEmail = u"boris.ivanov@example.com"_s;
const QString kBorisName = u"Boris Ivanov"_s;
const QString kVisitorEmail = u"olga@example.net"_s;
const QString kVisitorName = u"<b>Olga</b>"_s; // visitors type what they like; never markup to us

/// A tooltip's text as the operator reads it: QToolTip's label renders rich text when
/// Qt::mightBeRichText() says so, else shows the characters as they are.
QString shownText(const QString &toolTip)
{
    if (!Qt::mightBeRichText(toolTip))
        return toolTip;
    QTextDocument document;
    document.setHtml(toolTip);
    return document.toPlainText();
}

bool openInWindow(guitest::Operator &op, qint64 visitorId, qint64 dialogId)
{
    VisitorListModel *model = op.session()->visitorModel();
    const bool listed = testkit::spinUntil(
        [&] {
            const QModelIndex row = model->indexOfVisitor(visitorId);
            return row.isValid() && row.data(VisitorListModel::DialogIdRole).toLongLong() == dialogId;
        },
        10000);
    if (!listed) {
        qWarning() << "visitor" << visitorId << "with dialog" << dialogId << "is not listed";
        return false;
    }
    op.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(visitorId));
    return op.window()->dialogPane()->dialogId() == dialogId;
}

bool historyHas(const ui::MainWindow *window, const QString &text)
{
    const QAbstractItemModel *model = window->findChild<QListView *>(u"historyView"_s)->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (ui::MessageDelegate::displayText(model->index(row, 0)) == text)
            return true;
    }
    return false;
}

/// A visitor on the raw protocol with an open dialog (a chat, or an offline request).
struct Visitor
{
    std::unique_ptr<RawProtocolClient> client;
    qint64 id = 0;
    qint64 dialogId = 0;
};

} // namespace

class TestMailActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void transcriptToAColleague();
    void refusedTranscriptSaysWhy();
    void sendByEmailOnAnOfflineRequest();
    void profileEmailAndPicture();
    void withoutMailTheButtonSaysWhy();
    void lostLinkTranscriptMayNotHaveGone();

private:
    template <typename T> T *mine(const QString &name) const { return m_me.window()->findChild<T *>(name); }
    ui::NoticeBar *notice() const { return mine<ui::NoticeBar>(u"dialogNoticeBar"_s); }
    ui::TranscriptRecipientDialog *openPicker();

    SmtpSink m_sink;
    ServerProcess m_server;
    guitest::Operator m_me;
    Visitor m_chat;
    QTemporaryDir m_dir;
};

void TestMailActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sink.start(), qPrintable(m_sink.output()));
    QVERIFY2(m_server.start({u"--smtp-url"_s, m_sink.url(), u"--smtp-from"_s, u"chat@example.com"_s}),
             "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, kBorisEmail, kBorisName)); // never logs in
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, kMe, m_server.demoPassword(), OperatorStatus::Online));
    QVERIFY(m_me.session()->serverSettings().mail);
}

ui::TranscriptRecipientDialog *TestMailActions::openPicker()
{
    auto *button = mine<QPushButton>(u"emailTranscriptButton"_s);
    if (!button || !button->isVisible() || !button->isEnabled()) {
        qWarning() << "the Email transcript button is not there to click";
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    auto *picker = m_me.window()->findChild<ui::TranscriptRecipientDialog *>();
    if (picker && !QTest::qWaitForWindowExposed(picker))
        qWarning() << "the picker was not shown";
    return picker;
}

void TestMailActions::transcriptToAColleague()
{
    QJsonObject hello;
    m_chat.client = testkit::connectVisitor(m_server, &hello);
    QVERIFY(m_chat.client);
    m_chat.id = testkit::idOf(hello.value(u"visitorId"));
    m_chat.dialogId = testkit::openDialog(*m_chat.client, u"Do you deliver on Sundays?"_s);
    QVERIFY(m_chat.dialogId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_chat.dialogId).operatorId, m_me.id(), kWaitMs);
    QVERIFY(openInWindow(m_me, m_chat.id, m_chat.dialogId));
    m_me.session()->sendReply(m_chat.dialogId, u"Yes, from ten to four."_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->pendingReplyCount(), 0, kWaitMs);

    auto *button = mine<QPushButton>(u"emailTranscriptButton"_s);
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(button->isEnabled());
    QPointer<ui::TranscriptRecipientDialog> picker = openPicker();
    QVERIFY(picker);
    // Me first, then Boris — who is not logged in but has an address.
    QListWidget *list = picker->recipientList();
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->item(0)->text(),
             ui::TranscriptRecipientDialog::tr("%1 (%2) — you", "name, email").arg(u"Demo Operator"_s, kMe));
    QCOMPARE(list->item(1)->text(),
             ui::TranscriptRecipientDialog::tr("%1 (%2)", "name, email").arg(kBorisName, kBorisEmail));
    QCOMPARE(picker->recipientId(), m_me.id()); // me, unless I choose otherwise
    QVERIFY(guitest::saveScreenshot(picker, u"transcript-picker"_s));

    list->setCurrentRow(1);
    auto *buttons = picker->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!picker);

    QVERIFY(m_sink.waitForMessages(1));
    const SmtpSink::Mail mail = m_sink.messages().constLast();
    QCOMPARE(mail.rcptTo, QStringList{kBorisEmail});
    QVERIFY2(mail.body.contains(u" Demo Operator: Yes, from ten to four.\n"_s), qPrintable(mail.body));
    QVERIFY2(mail.body.startsWith(u"#%1 "_s.arg(m_chat.dialogId)), qPrintable(mail.body));

    const QString sent = ui::DialogActionsBar::tr("The transcript of dialog #%1 was sent to %2 (%3).")
                             .arg(QString::number(m_chat.dialogId), kBorisName, kBorisEmail);
    QTRY_COMPARE_WITH_TIMEOUT(notice()->text(), sent, kWaitMs);
    QCOMPARE(notice()->kind(), ui::NoticeBar::Kind::Info);
    // The history tells who mailed it to whom (operators only).
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("%1 emailed the transcript to %2 (%3)",
                                                         "who sent it, to whom, their address")
                                      .arg(u"Demo Operator"_s, kBorisName, kBorisEmail)),
        kWaitMs);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"transcript-sent"_s));
}

void TestMailActions::refusedTranscriptSaysWhy()
{
    QVERIFY(m_me.window()->dialogPane()->dialogId() == m_chat.dialogId);
    const int mailsBefore = int(m_sink.messages().size());
    m_sink.setRefusing(true);
    // Ctrl+Shift+E, from anywhere in the window.
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
    QPointer<ui::TranscriptRecipientDialog> picker;
    QTRY_VERIFY((picker = m_me.window()->findChild<ui::TranscriptRecipientDialog *>()));
    picker->accept(); // to me
    QTRY_COMPARE_WITH_TIMEOUT(notice()->kind(), ui::NoticeBar::Kind::Error, kWaitMs);
    m_sink.setRefusing(false);
    const QString prefix =
        ui::DialogActionsBar::tr("The transcript was not sent. %1", "then the server's reason")
            .arg(QString());
    QVERIFY2(notice()->text().startsWith(prefix) && notice()->text().size() > prefix.size(),
             qPrintable(notice()->text())); // with the server's reason
    QCOMPARE(m_sink.messages().size(), mailsBefore);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"transcript-refused"_s));
}

void TestMailActions::sendByEmailOnAnOfflineRequest()
{
    auto *send = mine<QPushButton>(u"sendButton"_s);
    QVERIFY(send);
    QCOMPARE(send->text(), ui::DialogPane::tr("&Send")); // an ordinary chat

    Visitor offline;
    QJsonObject hello;
    offline.client = testkit::connectVisitor(m_server, &hello);
    QVERIFY(offline.client);
    offline.id = testkit::idOf(hello.value(u"visitorId"));
    const QJsonObject reply =
        offline.client->request(u"offline.request"_s, {{u"cid"_s, testkit::newCid()},
                                                       {u"text"_s, u"Please send me the price list."_s},
                                                       {u"name"_s, kVisitorName},
                                                       {u"email"_s, kVisitorEmail},
                                                       {u"phone"_s, QString()}});
    QVERIFY2(testkit::isResult(reply), qPrintable(testkit::errorCode(reply)));
    offline.dialogId =
        testkit::idOf(testkit::data(reply).value(u"message"_s).toObject().value(u"dialogId"_s));
    QVERIFY(openInWindow(m_me, offline.id, offline.dialogId));

    QTRY_COMPARE_WITH_TIMEOUT(send->text(), ui::DialogPane::tr("Send by &email"), kWaitMs);
    // The name she typed shows as typed, not as bold "Olga": the tooltip carries it escaped.
    QVERIFY2(send->toolTip().contains(u"&lt;b&gt;Olga&lt;/b&gt;"_s), qPrintable(send->toolTip()));
    QCOMPARE(shownText(send->toolTip()),
             ui::DialogPane::tr("Send the reply (Enter); it is also emailed to %1")
                 .arg(ui::DialogPane::tr("%1 (%2)", "name, email").arg(kVisitorName, kVisitorEmail)));
    QVERIFY(send->isEnabled());
    auto *edit = mine<QWidget>(u"replyEdit"_s);
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, u"Here it is: https://shop.example/prices"_s);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"send-by-email"_s));

    const int mailsBefore = int(m_sink.messages().size());
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(m_sink.waitForMessages(mailsBefore + 1));
    const SmtpSink::Mail mail = m_sink.messages().constLast();
    QCOMPARE(mail.rcptTo, QStringList{kVisitorEmail});
    QVERIFY2(mail.body.contains(u"Here it is: https://shop.example/prices"_s), qPrintable(mail.body));
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("The reply was emailed to %1").arg(kVisitorEmail)),
        kWaitMs);

    // Back in the ordinary chat, the button is plain "Send" again.
    QVERIFY(openInWindow(m_me, m_chat.id, m_chat.dialogId));
    QCOMPARE(send->text(), ui::DialogPane::tr("&Send"));
}

void TestMailActions::profileEmailAndPicture()
{
    QAction *action = m_me.window()->findChild<QAction *>(u"profileAction"_s);
    QVERIFY(action);
    action->trigger();
    QPointer<ui::ProfileDialog> dialog = m_me.window()->findChild<ui::ProfileDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QCOMPARE(dialog->emailEdit()->text(), kMe);

    // A typo is caught here, under the field; nothing is sent.
    dialog->emailEdit()->selectAll();
    QTest::keyClicks(dialog->emailEdit(), u"demo@example"_s);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QVERIFY(dialog->emailMessage()->isVisible());
    QCOMPARE(dialog->emailMessage()->text(),
             ui::ProfileDialog::tr("Enter an email address such as anna@example.com."));
    QVERIFY(guitest::saveScreenshot(dialog, u"profile-email-typo"_s));

    // Someone else's address: the server's refusal, also under the field.
    dialog->emailEdit()->selectAll();
    QTest::keyClicks(dialog->emailEdit(), kBorisEmail);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->emailMessage()->isVisible(), kWaitMs);
    QVERIFY2(dialog->emailMessage()->text().startsWith(
                 ui::ProfileDialog::tr("This address was not accepted: %1").arg(QString())),
             qPrintable(dialog->emailMessage()->text()));
    QCOMPARE(m_me.session()->self().email, kMe);

    // A picture, chosen (the file dialog's answer given directly), shows once the server has it.
    ui::AvatarEditor *avatar = dialog->avatarEditor();
    QVERIFY(!avatar->showsPicture());
    QVERIFY(!avatar->removeButton()->isEnabled());
    QImage image(96, 96, QImage::Format_RGB32);
    image.fill(QColor(u"#1e88e5"_s));
    QPainter(&image).fillRect(24, 24, 48, 48, QColor(u"#ffca28"_s));
    const QString path = m_dir.filePath(u"me.png"_s);
    QVERIFY(image.save(path));
    avatar->upload(path);
    QTRY_VERIFY_WITH_TIMEOUT(!m_me.session()->self().avatarUrl.isEmpty(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(avatar->showsPicture(), kWaitMs);
    QVERIFY(avatar->removeButton()->isEnabled());
    QCOMPARE(avatar->messageLabel()->text(),
             ui::AvatarEditor::tr("Saved. Visitors see the new picture from now on."));

    // A good address is saved: it is my login from now on.
    const QString newEmail = u"demo.operator@example.com"_s;
    dialog->emailEdit()->selectAll();
    QTest::keyClicks(dialog->emailEdit(), newEmail);
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->self().email, newEmail, kWaitMs);
    QTRY_VERIFY(dialog->profileMessage()->isVisible());
    QCOMPARE(dialog->profileMessage()->text(),
             ui::ProfileDialog::tr("Saved. From now on you log in as %1.").arg(newEmail));
    QVERIFY(!dialog->emailMessage()->isVisible());
    QVERIFY(guitest::saveScreenshot(dialog, u"profile-email-and-picture"_s));

    // Remove: back to my initial.
    QTest::mouseClick(avatar->removeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_me.session()->self().avatarUrl.isEmpty(), kWaitMs);
    QTRY_VERIFY(!avatar->showsPicture());
    QVERIFY(!avatar->removeButton()->isEnabled());
    dialog->close();
}

void TestMailActions::withoutMailTheButtonSaysWhy()
{
    ServerProcess noMail;
    QVERIFY2(noMail.start(), "the real concierge-server did not start");
    guitest::Operator op;
    op.openWindow();
    QVERIFY(op.login(noMail, u"demo@example.com"_s, noMail.demoPassword(), OperatorStatus::Online));
    QVERIFY(!op.session()->serverSettings().mail);
    QJsonObject hello;
    auto visitor = testkit::connectVisitor(noMail, &hello);
    QVERIFY(visitor);
    const qint64 dialogId = testkit::openDialog(*visitor, u"Hello?"_s);
    QVERIFY(dialogId > 0);
    QVERIFY(openInWindow(op, testkit::idOf(hello.value(u"visitorId")), dialogId));

    auto *button = op.window()->findChild<QPushButton *>(u"emailTranscriptButton"_s);
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(!button->isEnabled());
    QCOMPARE(button->toolTip(),
             ui::DialogActionsBar::tr(
                 "The server cannot send mail: no mail server is set up in its configuration."));
    QVERIFY(!op.window()->findChild<QAction *>(u"emailTranscriptAction"_s)->isEnabled());
    QVERIFY(guitest::saveScreenshot(op.window(), u"transcript-without-mail"_s));
}

// The server goes away while a transcript waits on a slow mail server: the notice says it may not
// have been sent — not "was not sent", which nobody knows then.
void TestMailActions::lostLinkTranscriptMayNotHaveGone()
{
    ServerProcess server;
    QVERIFY2(server.start({u"--smtp-url"_s, m_sink.url(), u"--smtp-from"_s, u"chat@example.com"_s}),
             "the real concierge-server did not start");
    guitest::Operator op;
    op.openWindow();
    QVERIFY(op.login(server, kMe, server.demoPassword(), OperatorStatus::Online));
    QJsonObject hello;
    auto visitor = testkit::connectVisitor(server, &hello);
    QVERIFY(visitor);
    const qint64 dialogId = testkit::openDialog(*visitor, u"Is the shop open today?"_s);
    QVERIFY(dialogId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(op.session()->dialog(dialogId).operatorId, op.id(), kWaitMs);
    QVERIFY(openInWindow(op, testkit::idOf(hello.value(u"visitorId")), dialogId));

    m_sink.setDelaySeconds(30);
    auto *button = op.window()->findChild<QPushButton *>(u"emailTranscriptButton"_s);
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QPointer<ui::TranscriptRecipientDialog> picker = op.window()->findChild<ui::TranscriptRecipientDialog *>();
    QVERIFY(picker);
    picker->accept(); // to me
    server.kill();
    auto *bar = op.window()->findChild<ui::NoticeBar *>(u"dialogNoticeBar"_s);
    QTRY_COMPARE_WITH_TIMEOUT(bar->kind(), ui::NoticeBar::Kind::Error, kWaitMs);
    m_sink.setDelaySeconds(0);
    QCOMPARE(bar->text(), OperatorSession::tr("The connection was lost; the transcript may not have been sent."));
    QVERIFY(guitest::saveScreenshot(op.window(), u"transcript-link-lost"_s));
}

QTEST_MAIN(TestMailActions)
#include "tst_mail_actions.moc"
