// SPDX-License-Identifier: GPL-3.0-or-later
// Teleport as the operator uses it, against the real server with visitors speaking the real
// protocol: "Redirect…" from the pages list in the visitor info opens the chosen page's address,
// refuses a non-web one under the field, and the visitor's tab is told to open the address; a visitor
// who left meanwhile is refused in clear words; a code read out by a visitor not in chat, typed in the
// tool bar's "Teleport code" box (Ctrl+Shift+T), opens that visitor's card, from which they can be
// redirected; an unknown or short code is explained beside the box.
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "RedirectDialog.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TeleportCodeField.h"
#include "VisitorInfoPane.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

const QString kPricing = u"https://shop.example/pricing"_s;
const QString kDelivery = u"https://shop.example/delivery"_s;

/// A website visitor on the raw protocol who has looked at two pages.
std::unique_ptr<RawProtocolClient> browsingVisitor(const ServerProcess &server, qint64 *visitorId)
{
    QJsonObject hello;
    auto client = testkit::connectVisitor(server, &hello);
    if (!client)
        return nullptr;
    *visitorId = testkit::idOf(hello.value(u"visitorId"));
    for (const auto &[url, title] :
         {std::pair{kPricing, u"Pricing"_s}, std::pair{kDelivery, u"Delivery"_s}}) {
        if (!testkit::isResult(client->request(
                u"page.view"_s, {{u"url"_s, url}, {u"title"_s, title}, {u"referrer"_s, QString()}})))
            return nullptr;
    }
    return client;
}

} // namespace

class TestTeleportActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void redirectFromThePagesList();
    void redirectToAVisitorWhoLeft();
    void teleportCodeOpensTheCard();
    void unknownOrShortCodeIsExplained();

private:
    ui::VisitorInfoPane *info() const { return m_me.window()->visitorInfoPane(); }
    /// Clicks "Redirect…" and returns the dialog it opened.
    ui::RedirectDialog *clickRedirect();

    ServerProcess m_server;
    guitest::Operator m_me;
};

void TestTeleportActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
}

ui::RedirectDialog *TestTeleportActions::clickRedirect()
{
    QPushButton *button = info()->redirectButton();
    if (!button->isVisible() || !button->isEnabled()) {
        qWarning() << "Redirect… is not on offer";
        return nullptr;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    ui::RedirectDialog *dialog = nullptr;
    testkit::spinUntil([&] { return (dialog = info()->findChild<ui::RedirectDialog *>()) != nullptr; });
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning() << "the redirect dialog was not shown";
    return dialog;
}

void TestTeleportActions::redirectFromThePagesList()
{
    qint64 visitorId = 0;
    auto visitor = browsingVisitor(m_server, &visitorId);
    QVERIFY(visitor);
    const qint64 dialogId = testkit::openDialog(*visitor, u"Is delivery free?"_s);
    QVERIFY(dialogId > 0);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfVisitor(visitorId).isValid(), 10000);
    m_me.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(visitorId));
    QCOMPARE(info()->visitorId(), visitorId);

    // The pages list, newest first; the operator picks the pricing page they visited before.
    QListWidget *pages = info()->pagesList();
    QTRY_COMPARE_WITH_TIMEOUT(pages->count(), 2, 10000);
    QVERIFY(pages->item(1)->text().endsWith(u"Pricing"_s));
    pages->setCurrentRow(1);
    ui::RedirectDialog *dialog = clickRedirect();
    QVERIFY(dialog);
    QCOMPARE(dialog->urlEdit()->text(), kPricing);
    QVERIFY(!dialog->errorLabel()->isVisible());
    QVERIFY(guitest::saveScreenshot(dialog, u"redirect-dialog"_s));

    // Not a web address: refused under the field, nothing sent, the dialog stays.
    dialog->urlEdit()->selectAll();
    QTest::keyClicks(dialog->urlEdit(), u"ftp://shop.example/price-list.pdf"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"redirectOkButton"_s), Qt::LeftButton);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorLabel()->isVisible());
    QCOMPARE(dialog->errorLabel()->text(),
             ui::RedirectDialog::tr(
                 "Only web addresses starting with http:// or https:// can be opened for the visitor."));
    QVERIFY(guitest::saveScreenshot(dialog, u"redirect-bad-address"_s));
    QTest::qWait(200);
    QVERIFY(visitor->waitEvent(u"redirect"_s, 300).isEmpty());

    // Corrected: Enter sends it, the visitor's tab is told, and the pane says so.
    dialog->urlEdit()->selectAll();
    QTest::keyClicks(dialog->urlEdit(), u"https://shop.example/offer?week=1"_s);
    QVERIFY(!dialog->errorLabel()->isVisible());
    QTest::keyClick(dialog->urlEdit(), Qt::Key_Return);
    const QJsonObject redirect = visitor->waitEvent(u"redirect"_s);
    QVERIFY2(!redirect.isEmpty(), "the visitor was not redirected");
    QCOMPARE(testkit::data(redirect).value(u"url").toString(), u"https://shop.example/offer?week=1"_s);
    ui::NoticeBar *notice = info()->redirectNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible(), 10000);
    QCOMPARE(notice->kind(), ui::NoticeBar::Kind::Info);
    QCOMPARE(notice->text(), ui::VisitorInfoPane::tr("The visitor's tab is opening %1")
                                 .arg(u"https://shop.example/offer?week=1"_s));
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"redirect-done"_s));
}

void TestTeleportActions::redirectToAVisitorWhoLeft()
{
    qint64 visitorId = 0;
    auto visitor = browsingVisitor(m_server, &visitorId);
    QVERIFY(visitor);
    QVERIFY(testkit::openDialog(*visitor, u"One moment"_s) > 0);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfVisitor(visitorId).isValid(), 10000);
    m_me.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(visitorId));
    QTRY_VERIFY(info()->redirectButton()->isEnabled());

    // The dialog is open when the visitor closes their tab...
    ui::RedirectDialog *dialog = clickRedirect();
    QVERIFY(dialog);
    QCOMPARE(dialog->urlEdit()->text(), kDelivery); // nothing chosen: where they are now
    visitor.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!m_me.session()->visitor(visitorId).online, 10000);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"redirectOkButton"_s), Qt::LeftButton);

    // ...so the server refuses, and the pane says why in the operator's language.
    ui::NoticeBar *notice = info()->redirectNotice();
    QTRY_VERIFY_WITH_TIMEOUT(notice->isVisible() && notice->kind() == ui::NoticeBar::Kind::Error, 10000);
    QCOMPARE(notice->text(), ui::VisitorInfoPane::tr("The visitor was not redirected: %1")
                                 .arg(ui::VisitorInfoPane::tr("the visitor has left the site.")));
    // No second try on offer while they are away.
    QVERIFY(!info()->redirectButton()->isEnabled());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"redirect-visitor-left"_s));
}

void TestTeleportActions::teleportCodeOpensTheCard()
{
    // A visitor not in chat asks the page block for a code and reads it out on the phone.
    qint64 visitorId = 0;
    auto visitor = browsingVisitor(m_server, &visitorId);
    QVERIFY(visitor);
    const QJsonObject issued = visitor->request(u"teleport.code"_s);
    QVERIFY(testkit::isResult(issued));
    const QString code = testkit::data(issued).value(u"code").toString();
    QCOMPARE(code.size(), 6);

    // Ctrl+Shift+T, the code as the page shows it ("482 913"), Enter.
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_T, Qt::ControlModifier | Qt::ShiftModifier);
    QLineEdit *box = m_me.window()->teleportCodeField()->edit();
    QTRY_VERIFY(box->hasFocus());
    QCOMPARE(box->placeholderText(), ui::TeleportCodeField::tr("Teleport code"));
    QTest::keyClicks(box, code.left(3) + u' ' + code.mid(3));
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"teleport-code-typed"_s));
    QTest::keyClick(box, Qt::Key_Return);

    // Their card: who they are and the pages they saw.
    QTRY_COMPARE_WITH_TIMEOUT(info()->visitorId(), visitorId, 10000);
    const QString name = m_me.session()->visitor(visitorId).name;
    QVERIFY(!name.isEmpty());
    QCOMPARE(info()->findChild<QLabel *>(u"visitorNameLabel"_s)->text(), name);
    QCOMPARE(info()->pagesList()->count(), 2);
    QVERIFY(info()->pagesList()->item(0)->text().endsWith(u"Delivery"_s));
    QVERIFY(box->text().isEmpty());
    QVERIFY(!m_me.window()->teleportCodeField()->messageLabel()->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"teleport-card"_s));

    // From the card, the operator redirects them.
    ui::RedirectDialog *dialog = clickRedirect();
    QVERIFY(dialog);
    dialog->urlEdit()->selectAll();
    QTest::keyClicks(dialog->urlEdit(), u"https://shop.example/contacts"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"redirectOkButton"_s), Qt::LeftButton);
    QCOMPARE(testkit::data(visitor->waitEvent(u"redirect"_s)).value(u"url").toString(),
             u"https://shop.example/contacts"_s);
}

void TestTeleportActions::unknownOrShortCodeIsExplained()
{
    ui::TeleportCodeField *field = m_me.window()->teleportCodeField();
    QLabel *message = field->messageLabel();
    const qint64 onScreen = info()->visitorId();

    field->focusEdit();
    QTest::keyClicks(field->edit(), u"12 34"_s);
    QTest::keyClick(field->edit(), Qt::Key_Return);
    QVERIFY(message->isVisible());
    QCOMPARE(message->text(), ui::TeleportCodeField::tr("A teleport code has six digits."));
    // Letters do not even go in.
    QTest::keyClicks(field->edit(), u"ab"_s);
    QCOMPARE(field->edit()->text(), u"12 34"_s);
    QTest::keyClicks(field->edit(), u"5"_s);
    QVERIFY(!message->isVisible()); // correcting the code clears the message

    // Six digits nobody holds (codes are random: one in a million it is someone's).
    field->focusEdit();
    QTest::keyClicks(field->edit(), u"000 000"_s);
    QTest::keyClick(field->edit(), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10000);
    QCOMPARE(message->text(),
             ui::TeleportCodeField::tr(
                 "No visitor has this code. Codes last 10 minutes; ask the visitor for a new one."));
    QCOMPARE(info()->visitorId(), onScreen); // nothing else changed
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"teleport-code-unknown"_s));
}

QTEST_MAIN(TestTeleportActions)
#include "tst_teleport_actions.moc"
