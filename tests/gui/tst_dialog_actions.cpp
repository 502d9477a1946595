// SPDX-License-Identifier: GPL-3.0-or-later
// The dialog actions as the operator uses them, against the real server with a visitor speaking
// the real protocol: "Request contact details" makes the visitor's widget ask, and what they give
// is pinned in the visitor info and written in the history; the category picked in the dialog pane
// comes back from the server, shows as a tag in the list and, read-only, to a colleague; the
// visitor's rating after the close shows in the header; "Ban visitor…" asks first, then the
// visitor is refused; a ban someone else applied meanwhile is refused with a clear message.
#include "BanDialog.h"
#include "DialogActionsBar.h"
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "SystemLineText.h"
#include "VisitorInfoPane.h"
#include "VisitorListDelegate.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

/// A website visitor on the raw protocol, with their open dialog.
struct Visitor
{
    std::unique_ptr<RawProtocolClient> client;
    qint64 id = 0;
    QString token;
    qint64 dialogId = 0;
};

} // namespace

class TestDialogActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void requestContactPinsTheDetails();
    void categoryFromThePicker();
    void ratingShowsOnceTheVisitorRates();
    void banAfterConfirmation();
    void banAppliedTwiceIsRefusedClearly();

private:
    /// A new visitor writes; their dialog comes to me and I open it in my window.
    bool visitorWritesToMe(Visitor &visitor, const QString &text);
    /// Selects the visitor in \a op's list once it is listed with \a dialogId.
    static bool openInWindow(guitest::Operator &op, qint64 visitorId, qint64 dialogId);
    static bool historyHas(const ui::MainWindow *window, const QString &text)
    {
        const QAbstractItemModel *model = window->findChild<QListView *>(u"historyView"_s)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (ui::MessageDelegate::displayText(model->index(row, 0)) == text)
                return true;
        }
        return false;
    }
    template <typename T> T *mine(const QString &name) const { return m_me.window()->findChild<T *>(name); }
    ui::NoticeBar *notice() const { return mine<ui::NoticeBar>(u"dialogNoticeBar"_s); }
    qint64 categoryNamed(const QString &name) const;

    ServerProcess m_server;
    guitest::Operator m_me;    // the demo operator, with the window
    guitest::Operator m_boris; // a colleague who only looks, with a window too
    Visitor m_visitor;
};

void TestDialogActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, u"VIP"_s}));
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, u"Hooligan"_s}));
    QVERIFY(testkit::createOperator(m_server, u"boris@example.com"_s, u"Boris Ivanov"_s));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    m_boris.openWindow();
    // Invisible: he sees everything (others' dialogs are not hidden) but new visitors come to me.
    QVERIFY(m_boris.login(m_server, u"boris@example.com"_s, testkit::operatorPassword(),
                          OperatorStatus::Invisible));
    QCOMPARE(m_me.session()->categories().size(), 2);
}

qint64 TestDialogActions::categoryNamed(const QString &name) const
{
    const QList<protocol::Category> categories = m_me.session()->categories();
    for (const protocol::Category &category : categories) {
        if (category.name == name)
            return category.id;
    }
    return 0;
}

bool TestDialogActions::openInWindow(guitest::Operator &op, qint64 visitorId, qint64 dialogId)
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

bool TestDialogActions::visitorWritesToMe(Visitor &visitor, const QString &text)
{
    QJsonObject hello;
    visitor.client = testkit::connectVisitor(m_server, &hello);
    if (!visitor.client)
        return false;
    visitor.id = testkit::idOf(hello.value(u"visitorId"));
    visitor.token = hello.value(u"visitorToken").toString();
    visitor.dialogId = testkit::openDialog(*visitor.client, text);
    if (visitor.dialogId <= 0)
        return false;
    if (!testkit::spinUntil([&] { return m_me.session()->dialog(visitor.dialogId).operatorId == m_me.id(); },
                            10000)) {
        qWarning() << "dialog" << visitor.dialogId << "did not come to me";
        return false;
    }
    return openInWindow(m_me, visitor.id, visitor.dialogId);
}

void TestDialogActions::requestContactPinsTheDetails()
{
    QVERIFY(visitorWritesToMe(m_visitor, u"Can you call me back about the order?"_s));
    auto *contactBox = mine<QGroupBox>(u"visitorContactBox"_s);
    QVERIFY(!contactBox->isVisible()); // nothing given yet

    auto *request = mine<QPushButton>(u"requestContactButton"_s);
    QVERIFY(request->isVisible());
    QTest::mouseClick(request, Qt::LeftButton);

    // The visitor's widget is told to show the form; the history says who asked.
    const QJsonObject asked = m_visitor.client->waitEvent(u"contact.requested"_s);
    QVERIFY2(!asked.isEmpty(), "the visitor was not asked for contact details");
    QCOMPARE(testkit::idOf(asked.value(u"data").toObject().value(u"dialogId")), m_visitor.dialogId);
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(
            m_me.window(),
            ui::SystemLineText::tr("%1 requested the visitor's contact details").arg(u"Demo Operator"_s)),
        10000);

    // The visitor fills in the form.
    const QJsonObject given =
        m_visitor.client->request(u"contact.submit"_s, {{u"name"_s, u"John Smith"_s},
                                                        {u"email"_s, u"john@example.com"_s},
                                                        {u"phone"_s, u"+44 20 7946 0000"_s}});
    QVERIFY2(testkit::isResult(given), qPrintable(testkit::errorCode(given)));

    // Pinned at the top of the visitor info, as plain text, and written in the history.
    QTRY_VERIFY_WITH_TIMEOUT(contactBox->isVisible(), 10000);
    const QList<QPair<QString, QString>> fields = {{u"contactNameLabel"_s, u"John Smith"_s},
                                                   {u"contactEmailLabel"_s, u"john@example.com"_s},
                                                   {u"contactPhoneLabel"_s, u"+44 20 7946 0000"_s}};
    for (const auto &[objectName, value] : fields) {
        auto *label = contactBox->findChild<QLabel *>(objectName);
        QVERIFY(label);
        QCOMPARE(label->text(), value);
        QCOMPARE(label->textFormat(), Qt::PlainText);
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("The visitor left contact details: %1")
                                      .arg(u"John Smith · john@example.com · +44 20 7946 0000"_s)),
        10000);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"contact-pinned"_s));

    // Ctrl+Shift+C asks again, from anywhere in the window.
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(!m_visitor.client->waitEvent(u"contact.requested"_s).isEmpty(),
             "Ctrl+Shift+C did not ask again");
}

void TestDialogActions::categoryFromThePicker()
{
    const qint64 vip = categoryNamed(u"VIP"_s);
    QVERIFY(vip > 0);
    auto *combo = mine<QComboBox>(u"categoryCombo"_s);
    QVERIFY(combo->isVisible());
    QVERIFY(combo->isEnabled());
    QCOMPARE(combo->currentText(), ui::DialogActionsBar::tr("No category"));
    QVERIFY(combo->findText(u"VIP"_s) > 0);
    QVERIFY(combo->findText(u"Hooligan"_s) > 0);

    // Typing the first letter on the picker chooses, as the operator would with the keyboard.
    combo->setFocus();
    QTest::keyClicks(combo, u"V"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_visitor.dialogId).categoryId, vip, 10000);
    QCOMPARE(combo->currentText(), u"VIP"_s);

    // The list row wears it as a tag.
    VisitorListModel *model = m_me.session()->visitorModel();
    ui::VisitorListDelegate *delegate = m_me.window()->visitorListPane()->delegate();
    QTRY_COMPARE(delegate->categoryTag(model->indexOfVisitor(m_visitor.id)), u"VIP"_s);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"category-set"_s));

    // My colleague sees it too — in his list and, read-only, in the dialog he opens.
    QTRY_COMPARE_WITH_TIMEOUT(m_boris.session()->dialog(m_visitor.dialogId).categoryId, vip, 10000);
    QVERIFY(openInWindow(m_boris, m_visitor.id, m_visitor.dialogId));
    auto *borisCategory = m_boris.window()->findChild<QLabel *>(u"categoryValueLabel"_s);
    QTRY_COMPARE(borisCategory->text(), u"VIP"_s);
    QVERIFY(borisCategory->isVisible());
    QCOMPARE(borisCategory->textFormat(), Qt::PlainText);
    QVERIFY(!m_boris.window()->findChild<QComboBox *>(u"categoryCombo"_s)->isVisible());
    QCOMPARE(m_boris.window()->visitorListPane()->delegate()->categoryTag(
                 m_boris.session()->visitorModel()->indexOfVisitor(m_visitor.id)),
             u"VIP"_s);
    QVERIFY(guitest::saveScreenshot(m_boris.window(), u"category-seen-by-colleague"_s));

    // "No category" clears it, and the tag goes.
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_visitor.dialogId).categoryId, qint64(0), 10000);
    QTRY_COMPARE(delegate->categoryTag(model->indexOfVisitor(m_visitor.id)), QString());
    // A dialog without a category he cannot change shows none to him.
    QTRY_VERIFY_WITH_TIMEOUT(!borisCategory->isVisible(), 10000);

    // Back to VIP for the rest of the dialog: closed dialogs keep theirs.
    for (int row = 0; row < combo->findText(u"VIP"_s); ++row)
        QTest::keyClick(combo, Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_visitor.dialogId).categoryId, vip, 10000);
}

void TestDialogActions::ratingShowsOnceTheVisitorRates()
{
    auto *rating = mine<QLabel>(u"dialogRatingLabel"_s);
    QVERIFY(!rating->isVisible());
    QTest::mouseClick(mine<QPushButton>(u"closeDialogButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_visitor.dialogId).state, protocol::DialogState::Closed,
                              10000);

    const QString comment = u"Quick and helpful, thank you"_s;
    const QJsonObject rated = m_visitor.client->request(
        u"dialog.rate"_s, {{u"dialogId"_s, m_visitor.dialogId}, {u"score"_s, 4}, {u"comment"_s, comment}});
    QVERIFY2(testkit::isResult(rated), qPrintable(testkit::errorCode(rated)));

    QTRY_VERIFY_WITH_TIMEOUT(rating->isVisible(), 10000);
    QCOMPARE(
        rating->text(),
        ui::DialogPane::tr("Rated %1/5: %2", "the visitor's score, then their comment").arg(u"4"_s, comment));
    QCOMPARE(rating->textFormat(), Qt::PlainText);
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("The visitor rated the dialog %1/5: “%2”",
                                                         "score, then the visitor's comment")
                                      .arg(u"4"_s, comment)),
        10000);
    // The list row shows it in stars, beside the category.
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_COMPARE(ui::VisitorListDelegate::ratingStars(model->indexOfVisitor(m_visitor.id)), u"★★★★☆"_s);
    QCOMPARE(m_me.window()->visitorListPane()->delegate()->categoryTag(model->indexOfVisitor(m_visitor.id)),
             u"VIP"_s);
    // A closed dialog keeps its category, shown as text: it can no longer be changed.
    QCOMPARE(mine<QLabel>(u"categoryValueLabel"_s)->text(), u"VIP"_s);
    QVERIFY(mine<QLabel>(u"categoryValueLabel"_s)->isVisible());
    QVERIFY(!mine<QComboBox>(u"categoryCombo"_s)->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"rating-shown"_s));
}

void TestDialogActions::banAfterConfirmation()
{
    Visitor spammer;
    QVERIFY(visitorWritesToMe(spammer, u"Buy cheap watches at http://spam.example"_s));
    const QString name = m_me.session()->visitor(spammer.id).name;
    QVERIFY(!name.isEmpty());

    auto *banButton = mine<QPushButton>(u"banVisitorButton"_s);
    QVERIFY(banButton->isVisible());
    QTest::mouseClick(banButton, Qt::LeftButton);
    ui::BanDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_me.window()->findChild<ui::BanDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    // It says what a ban does, offers the durations and the IP, and Cancel is what Enter presses.
    QCOMPARE(dialog->findChild<QLabel *>(u"banWarningLabel"_s)->text(),
             ui::BanDialog::tr("%1 will not be able to write to you any more: their open dialog is closed "
                               "and the chat window shows them a neutral notice.")
                 .arg(name));
    QComboBox *duration = dialog->durationCombo();
    QCOMPARE(duration->count(), 4);
    QCOMPARE(duration->currentText(), ui::BanDialog::tr("1 day"));
    QCOMPARE(duration->itemText(3), ui::BanDialog::tr("Forever"));
    QVERIFY(dialog->ipCheckBox()->isVisible());
    QVERIFY(dialog->ipCheckBox()->text().contains(u"127.0.0.1"_s));
    QVERIFY(!dialog->ipCheckBox()->isChecked());
    auto *ok = dialog->findChild<QPushButton *>(u"banOkButton"_s);
    QCOMPARE(ok->text(), ui::BanDialog::tr("&Ban"));
    QVERIFY(!ok->isDefault());

    QTest::keyClicks(dialog->reasonEdit(), u"Spam links"_s);
    duration->setFocus();
    QTest::keyClick(duration, Qt::Key_Down); // a week
    QCOMPARE(dialog->hours(), 24 * 7);
    QVERIFY(guitest::saveScreenshot(dialog, u"ban-confirmation"_s));

    std::optional<protocol::Ban> ban;
    connect(m_me.session(), &OperatorSession::visitorBanned, this,
            [&ban](qint64, const protocol::Ban &stored) { ban = stored; });
    QTest::mouseClick(ok, Qt::LeftButton);

    // The visitor is told, and refused from now on — this socket and any new one.
    QVERIFY2(!spammer.client->waitEvent(u"banned"_s).isEmpty(), "the visitor was not told of the ban");
    const QJsonObject refused =
        spammer.client->request(u"message.send"_s, {{u"cid"_s, testkit::newCid()}, {u"text"_s, u"Hello?"_s}});
    QCOMPARE(testkit::errorCode(refused), u"forbidden"_s);
    RawProtocolClient again;
    QVERIFY(again.open(m_server.wsUrl(u"/v1/visitor"_s)));
    const QJsonObject hello = again.request(
        u"hello"_s, {{u"protocol"_s, u"1.2"_s}, {u"site"_s, u"test"_s}, {u"visitorToken"_s, spammer.token}});
    QVERIFY(testkit::isResult(hello));
    QVERIFY(testkit::data(hello).value(u"banned").toBool());

    // The ban is what the confirmation said: my name, the reason, a week, not by IP.
    QTRY_VERIFY(ban.has_value());
    disconnect(m_me.session(), &OperatorSession::visitorBanned, this, nullptr);
    QCOMPARE(ban->reason, u"Spam links"_s);
    QCOMPARE(ban->bannedBy, u"Demo Operator"_s);
    QVERIFY(ban->ip.isEmpty());
    QVERIFY(qAbs(ban->at.secsTo(ban->expiresAt) - 7 * 24 * 3600) < 120);

    // My window: the marker in the visitor info, the line in the history, the dialog closed, and
    // no second ban on offer.
    QTRY_VERIFY_WITH_TIMEOUT(mine<QLabel>(u"visitorBannedLabel"_s)->isVisible(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("%1 banned the visitor: %2",
                                                         "who banned, then the reason they gave")
                                      .arg(u"Demo Operator"_s, u"Spam links"_s)),
        10000);
    QTRY_COMPARE(m_me.session()->dialog(spammer.dialogId).state, protocol::DialogState::Closed);
    QVERIFY(!banButton->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"ban-done"_s));
}

void TestDialogActions::banAppliedTwiceIsRefusedClearly()
{
    Visitor troll;
    QVERIFY(visitorWritesToMe(troll, u"You are all useless"_s));

    // Ctrl+Shift+B opens the confirmation...
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTest::keyClick(m_me.window(), Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    ui::BanDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_me.window()->findChild<ui::BanDialog *>()) != nullptr);

    // ...while my colleague bans the same visitor first.
    m_boris.session()->banVisitor(troll.id, u"Insults"_s, 0, false);
    QTRY_VERIFY_WITH_TIMEOUT(m_me.session()->visitor(troll.id).banned, 10000);
    QVERIFY(dialog);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"banOkButton"_s), Qt::LeftButton);

    // The server refuses the second ban; the pane says so in my language.
    QTRY_VERIFY_WITH_TIMEOUT(notice()->isVisible(), 10000);
    QCOMPARE(notice()->kind(), ui::NoticeBar::Kind::Error);
    QCOMPARE(notice()->text(),
             ui::DialogActionsBar::tr("The visitor was not banned: %1")
                 .arg(ui::DialogActionsBar::tr("this visitor or their IP address is already banned.")));
    QTRY_VERIFY_WITH_TIMEOUT(
        historyHas(m_me.window(), ui::SystemLineText::tr("%1 banned the visitor: %2",
                                                         "who banned, then the reason they gave")
                                      .arg(u"Boris Ivanov"_s, u"Insults"_s)),
        10000);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"ban-refused-twice"_s));
}

QTEST_MAIN(TestDialogActions)
#include "tst_dialog_actions.moc"
