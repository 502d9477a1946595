// SPDX-License-Identifier: GPL-3.0-or-later
// Administration → Bans… as an admin uses it, against the real server: the bans in force are
// listed with who (or which address), why, by whom, since and until when; "Lift ban…" asks first,
// and once lifted the visitor and their address are let in again. A plain operator has no such
// menu at all.
#include "BansDialog.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

class TestBansDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adminSeesTheBansInForce();
    void liftingAsksFirstAndLetsTheVisitorWriteAgain();
    void plainOperatorHasNoBansMenu();

private:
    /// A new visitor on the raw protocol (their id), optionally with a dialog.
    std::unique_ptr<RawProtocolClient> newVisitor(qint64 *visitorId, QString *token);
    /// Bans through my engine and waits for the server's answer.
    bool ban(qint64 visitorId, const QString &reason, int hours, bool byIp);
    static QTreeWidgetItem *rowOf(QTreeWidget *tree, const QString &who)
    {
        const QList<QTreeWidgetItem *> found =
            tree->findItems(who, Qt::MatchExactly, ui::BansDialog::WhoColumn);
        return found.isEmpty() ? nullptr : found.first();
    }
    /// A visitor's hello (a new visitor without \a token) answers `banned`.
    bool helloSaysBanned(const QString &token);
    QString visitorName(qint64 id) const { return m_me.session()->visitor(id).name; }

    ServerProcess m_server;
    guitest::Operator m_me; // the demo operator, made an admin, with the window
    std::unique_ptr<RawProtocolClient> m_spammer;
    std::unique_ptr<RawProtocolClient> m_bot;
    qint64 m_spammerId = 0;
    qint64 m_botId = 0;
    QString m_spammerToken;
    QString m_botToken;
    QPointer<ui::BansDialog> m_dialog;
};

void TestBansDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::admin(
        m_server, {u"set-operator"_s, u"--email"_s, u"demo@example.com"_s, u"--role"_s, u"admin"_s}));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    QCOMPARE(m_me.session()->self().role, protocol::OperatorRole::Admin);

    // A spammer who wrote (banned for a day, with a reason) and a bot that only browses (banned
    // for good, with its address).
    m_spammer = newVisitor(&m_spammerId, &m_spammerToken);
    QVERIFY(m_spammer);
    QVERIFY(testkit::openDialog(*m_spammer, u"Cheap watches!"_s) > 0);
    m_bot = newVisitor(&m_botId, &m_botToken);
    QVERIFY(m_bot);
    QTRY_VERIFY_WITH_TIMEOUT(!visitorName(m_spammerId).isEmpty() && !visitorName(m_botId).isEmpty(), 10000);
    QVERIFY(ban(m_spammerId, u"Spam links"_s, 24, false));
    QVERIFY(ban(m_botId, QString(), 0, true));
    QVERIFY(helloSaysBanned(m_spammerToken));
}

std::unique_ptr<RawProtocolClient> TestBansDialog::newVisitor(qint64 *visitorId, QString *token)
{
    QJsonObject hello;
    auto client = testkit::connectVisitor(m_server, &hello);
    if (client) {
        *visitorId = testkit::idOf(hello.value(u"visitorId"));
        *token = hello.value(u"visitorToken").toString();
    }
    return client;
}

bool TestBansDialog::ban(qint64 visitorId, const QString &reason, int hours, bool byIp)
{
    bool done = false;
    const auto connection = connect(m_me.session(), &OperatorSession::visitorBanned, this,
                                    [&](qint64 id) { done = done || id == visitorId; });
    m_me.session()->banVisitor(visitorId, reason, hours, byIp);
    const bool ok = testkit::spinUntil([&] { return done; }, 10000);
    disconnect(connection);
    return ok;
}

void TestBansDialog::adminSeesTheBansInForce()
{
    // The admin's own menu, and its entry.
    QMenu *adminMenu = nullptr;
    for (QAction *action : m_me.window()->menuBar()->actions()) {
        if (action->text() == ui::MainWindow::tr("&Administration"))
            adminMenu = action->menu();
    }
    QVERIFY(adminMenu);
    QVERIFY(adminMenu->menuAction()->isVisible());
    auto *bans = m_me.window()->findChild<QAction *>(u"bansAction"_s);
    QVERIFY(bans);
    bans->trigger();
    QTRY_VERIFY((m_dialog = m_me.window()->findChild<ui::BansDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog));
    QTreeWidget *tree = m_dialog->banTree();
    QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 2, 10000);

    // Newest first: the bot, by visitor and address, for good; then the spammer, for a day.
    QTreeWidgetItem *bot = tree->topLevelItem(0);
    QCOMPARE(bot->text(ui::BansDialog::WhoColumn),
             ui::BansDialog::tr("%1, IP %2", "a banned visitor and their banned address")
                 .arg(visitorName(m_botId), u"127.0.0.1"_s));
    QCOMPARE(bot->text(ui::BansDialog::ReasonColumn), QString());
    QCOMPARE(bot->text(ui::BansDialog::ByColumn), u"Demo Operator"_s);
    QCOMPARE(bot->text(ui::BansDialog::ExpiresColumn), ui::BansDialog::tr("Never"));
    QTreeWidgetItem *spammer = tree->topLevelItem(1);
    QCOMPARE(spammer->text(ui::BansDialog::WhoColumn), visitorName(m_spammerId));
    QCOMPARE(spammer->text(ui::BansDialog::ReasonColumn), u"Spam links"_s);
    QCOMPARE(spammer->text(ui::BansDialog::ByColumn), u"Demo Operator"_s);
    const QDateTime tomorrow = QDateTime::currentDateTime().addDays(1);
    QCOMPARE(spammer->text(ui::BansDialog::ExpiresColumn).left(6),
             QLocale().toString(tomorrow, QLocale::ShortFormat).left(6));
    QCOMPARE(m_dialog->findChild<QLabel *>(u"bansStatusLabel"_s)->text(),
             ui::BansDialog::tr("Bans in force: %1").arg(2));
    // Nothing chosen, nothing to lift.
    QVERIFY(!m_dialog->findChild<QPushButton *>(u"liftBanButton"_s)->isEnabled());
    QVERIFY(guitest::saveScreenshot(m_dialog, u"bans-listed"_s));
}

void TestBansDialog::liftingAsksFirstAndLetsTheVisitorWriteAgain()
{
    QVERIFY(m_dialog);
    // While the bot's address is banned, anyone new from it is refused.
    QVERIFY(helloSaysBanned(QString()));

    QTreeWidget *tree = m_dialog->banTree();
    const QString botRow = ui::BansDialog::tr("%1, IP %2", "a banned visitor and their banned address")
                               .arg(visitorName(m_botId), u"127.0.0.1"_s);
    QTreeWidgetItem *bot = rowOf(tree, botRow);
    QVERIFY(bot);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(bot).center());
    auto *lift = m_dialog->findChild<QPushButton *>(u"liftBanButton"_s);
    QVERIFY(lift->isEnabled());

    // First "no": nothing changes.
    QTest::mouseClick(lift, Qt::LeftButton);
    QMessageBox *confirm = nullptr;
    QTRY_VERIFY((confirm = m_dialog->liftConfirmation()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(confirm));
    QCOMPARE(confirm->text(),
             ui::BansDialog::tr("Lift the ban on %1? They will be able to write to you again.").arg(botRow));
    QVERIFY(guitest::saveScreenshot(confirm, u"bans-lift-confirmation"_s));
    QTest::keyClick(confirm, Qt::Key_Escape);
    QTRY_VERIFY(!m_dialog->liftConfirmation());
    QCOMPARE(tree->topLevelItemCount(), 2);
    QVERIFY(helloSaysBanned(QString()));

    // Then "Lift ban".
    QTest::mouseClick(lift, Qt::LeftButton);
    QTRY_VERIFY((confirm = m_dialog->liftConfirmation()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(confirm));
    QTest::mouseClick(confirm->findChild<QPushButton *>(u"liftBanConfirmButton"_s), Qt::LeftButton);

    // The list is asked again and holds only the spammer.
    QTRY_COMPARE_WITH_TIMEOUT(tree->topLevelItemCount(), 1, 10000);
    QVERIFY(!rowOf(tree, botRow));
    QCOMPARE(tree->topLevelItem(0)->text(ui::BansDialog::WhoColumn), visitorName(m_spammerId));
    QVERIFY(guitest::saveScreenshot(m_dialog, u"bans-lifted"_s));

    // The bot, and anyone new from that address, may write again; the spammer may not.
    QVERIFY(!helloSaysBanned(m_botToken));
    QVERIFY(!helloSaysBanned(QString()));
    QVERIFY(helloSaysBanned(m_spammerToken));
}

bool TestBansDialog::helloSaysBanned(const QString &token)
{
    RawProtocolClient client;
    if (!client.open(m_server.wsUrl(u"/v1/visitor"_s)))
        return false;
    QJsonObject fields{{u"protocol"_s, u"1.2"_s}, {u"site"_s, u"test"_s}};
    if (!token.isEmpty())
        fields.insert(u"visitorToken"_s, token);
    const QJsonObject hello = client.request(u"hello"_s, fields);
    if (!testkit::isResult(hello))
        qWarning() << "visitor hello failed" << hello;
    return testkit::data(hello).value(u"banned").toBool();
}

void TestBansDialog::plainOperatorHasNoBansMenu()
{
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s));
    guitest::Operator anna;
    anna.openWindow();
    QVERIFY(anna.login(m_server, u"anna@example.com"_s, testkit::operatorPassword(), OperatorStatus::Online));
    for (QAction *action : anna.window()->menuBar()->actions())
        QVERIFY2(!action->isVisible() || action->text() != ui::MainWindow::tr("&Administration"),
                 "a plain operator sees the Administration menu");
    QVERIFY(!anna.window()->openBansDialog());
    QVERIFY(guitest::saveScreenshot(anna.window(), u"bans-plain-operator"_s));
}

QTEST_MAIN(TestBansDialog)
#include "tst_bans_dialog.moc"
