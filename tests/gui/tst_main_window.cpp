// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's first conversation, as they would meet it: the real main window logs into the
// real server, a visitor's message appears under "Waiting for reply", the operator opens it,
// sees the visitor's page, replies with Enter, and the visitor receives the reply.
#include "ServerProcess.h"
#include "TestPaths.h"
#include "TestVisitor.h"

#include "ConnectionStatusLabel.h"
#include "LocalStore.h"
#include "MainWindow.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "protocol/ProtocolVersion.h"
#include "VisitorListModel.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace concierge;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void visitorMessageAppearsAndOperatorReplies();
    void visitorTextIsShownLiterally();
    void pagesAndTypingAreLive();
    void tooLongReplyIsKeptAndNotSent();
    void replyWrittenWhileServerIsDownArrivesOnce();

private:
    void saveScreenshot(const QString &name);

    ServerProcess m_server;
    QTemporaryDir m_profile;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<OperatorSession> m_session;
    std::unique_ptr<ui::MainWindow> m_window;
    TestVisitor m_visitor;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(QDir(m_profile.path()).filePath(u"cache.sqlite"_s)));
    m_session = std::make_unique<OperatorSession>(m_store.get());
    m_window = std::make_unique<ui::MainWindow>(m_session.get());
    m_window->resize(1180, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_session->loginWithPassword(m_server.url(), u"demo@example.com"_s, m_server.demoPassword());
    auto *statusLabel = m_window->findChild<QLabel *>(u"connectionStatusLabel"_s);
    QVERIFY(statusLabel);
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState(), ConnectionState::Connected, 10000);
    QTRY_COMPARE(statusLabel->text(), ui::ConnectionStatusLabel::tr("Connected"));
    m_session->setStatus(protocol::OperatorStatus::Online);
    QTRY_COMPARE(m_session->self().status, protocol::OperatorStatus::Online);
}

void TestMainWindow::saveScreenshot(const QString &name)
{
    QDir().mkpath(QStringLiteral(CONCIERGE_ARTIFACTS_DIR));
    const QString path = QDir(QStringLiteral(CONCIERGE_ARTIFACTS_DIR)).filePath(name + u".png"_s);
    QVERIFY2(m_window->grab().save(path), qPrintable(u"could not save "_s + path));
}

void TestMainWindow::visitorMessageAppearsAndOperatorReplies()
{
    auto *list = m_window->findChild<QTreeView *>(u"visitorListView"_s);
    QVERIFY(list);
    saveScreenshot(u"01-logged-in-empty"_s);

    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    QVERIFY(m_visitor.viewPage(u"http://127.0.0.1/demo/pricing.html"_s, u"Pricing — Northwind Tea"_s,
                               {{u"source"_s, u"newsletter"_s}}));
    m_visitor.send(u"Hello! Is the green tea in stock?"_s);

    // The visitor shows up under "Waiting for reply" with their page.
    VisitorListModel *model = m_session->visitorModel();
    const QModelIndex waiting = model->sectionIndex(VisitorListModel::Section::Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(waiting), 1, 10000);
    const QModelIndex row = model->index(0, 0, waiting);
    QCOMPARE(row.data(VisitorListModel::VisitorIdRole).toLongLong(), m_visitor.visitorId());
    QTRY_COMPARE(row.data(VisitorListModel::CurrentPageTitleRole).toString(), u"Pricing — Northwind Tea"_s);
    QVERIFY(row.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid());
    saveScreenshot(u"02-visitor-waiting"_s);

    // The operator opens it: history and visitor info fill in.
    list->setCurrentIndex(model->indexOfVisitor(m_visitor.visitorId()));
    auto *history = m_window->findChild<QListView *>(u"historyView"_s);
    QVERIFY(history && history->isVisible());
    QTRY_COMPARE(history->model()->rowCount(), 1);
    QCOMPARE(history->model()->index(0, 0).data(MessageListModel::TextRole).toString(),
             u"Hello! Is the green tea in stock?"_s);
    auto *pageLabel = m_window->findChild<QLabel *>(u"visitorCurrentPageLabel"_s);
    QVERIFY(pageLabel);
    QVERIFY(pageLabel->text().contains(u"Pricing — Northwind Tea"_s));
    QCOMPARE(m_window->findChild<QLabel *>(u"visitorUtmLabel"_s)->text(), u"source=newsletter"_s);

    // Reply: type, Enter sends (Shift+Enter would break the line).
    auto *reply = m_window->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    QVERIFY(reply && reply->isEnabled());
    reply->setFocus();
    QTest::keyClicks(reply, u"Yes, it is."_s);
    QTest::keyClick(reply, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(reply, u"Shall I reserve a pack?"_s);
    QTest::keyClick(reply, Qt::Key_Return);
    QVERIFY(reply->toPlainText().isEmpty());

    const QString replyText = u"Yes, it is.\nShall I reserve a pack?"_s;
    QVERIFY2(m_visitor.waitForOperatorText(replyText), "the visitor did not receive the reply");
    QTRY_COMPARE(history->model()->rowCount(), 2);
    QTRY_VERIFY(!history->model()->index(1, 0).data(MessageListModel::PendingRole).toBool());

    // Answered: the visitor moved from "Waiting for reply" to "In dialog".
    QTRY_COMPARE(model->rowCount(model->sectionIndex(VisitorListModel::Section::InDialog)), 1);
    QCOMPARE(model->rowCount(model->sectionIndex(VisitorListModel::Section::Waiting)), 0);
    saveScreenshot(u"03-replied"_s);
}

void TestMainWindow::visitorTextIsShownLiterally()
{
    // Markup from a visitor is text to read, never something to render or click.
    const QString markup = u"<b>bold?</b> <a href=\"http://evil.example\">click</a>"_s;
    m_visitor.send(markup);
    auto *history = m_window->findChild<QListView *>(u"historyView"_s);
    QTRY_COMPARE(history->model()->rowCount(), 3);
    QCOMPARE(history->model()->index(2, 0).data(MessageListModel::TextRole).toString(), markup);
    const auto labels = m_window->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->objectName().startsWith(u"visitor"_s) || label->objectName().startsWith(u"dialog"_s))
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
    saveScreenshot(u"04-markup-literal"_s);
}

void TestMainWindow::pagesAndTypingAreLive()
{
    // The visitor moves on to another page: the info pane follows without any click.
    QVERIFY(m_visitor.viewPage(u"http://127.0.0.1/demo/contact.html"_s, u"Contact us"_s));
    auto *pageLabel = m_window->findChild<QLabel *>(u"visitorCurrentPageLabel"_s);
    QTRY_VERIFY(pageLabel->text().startsWith(u"Contact us"_s));
    auto *pages = m_window->findChild<QListWidget *>(u"visitorPagesList"_s);
    QVERIFY(pages);
    QTRY_COMPARE(pages->count(), 2);
    QVERIFY(pages->item(0)->text().endsWith(u"Contact us"_s)); // newest first

    // Typing, both ways.
    auto *typingLabel = m_window->findChild<QLabel *>(u"typingLabel"_s);
    m_visitor.setTyping(true);
    QTRY_VERIFY(!typingLabel->text().isEmpty());
    saveScreenshot(u"05-visitor-typing"_s);
    m_visitor.setTyping(false);
    QTRY_VERIFY(typingLabel->text().isEmpty());

    auto *reply = m_window->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    reply->setFocus();
    QTest::keyClicks(reply, u"Let me check"_s);
    QVERIFY2(m_visitor.waitForOperatorTyping(true), "the visitor never saw the operator typing");
    reply->clear();
}

void TestMainWindow::tooLongReplyIsKeptAndNotSent()
{
    auto *reply = m_window->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    auto *history = m_window->findChild<QListView *>(u"historyView"_s);
    const int linesBefore = history->model()->rowCount();
    const QString tooLong(protocol::kMaxMessageChars + 1, u'x');
    reply->setPlainText(tooLong);
    reply->setFocus();
    QTest::keyClick(reply, Qt::Key_Return);
    QCOMPARE(reply->toPlainText(), tooLong); // nothing the operator wrote is lost
    QCOMPARE(m_session->pendingReplyCount(), 0);
    QCOMPARE(history->model()->rowCount(), linesBefore);
    QVERIFY(m_window->findChild<QLabel *>(u"typingLabel"_s)->text().contains(QString::number(protocol::kMaxMessageChars)));
    reply->clear();
}

void TestMainWindow::replyWrittenWhileServerIsDownArrivesOnce()
{
    auto *statusLabel = m_window->findChild<QLabel *>(u"connectionStatusLabel"_s);
    m_server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState(), ConnectionState::Reconnecting, 10000);
    QTRY_VERIFY(statusLabel->text().startsWith(u"Connection lost — reconnecting in"_s));

    // The operator keeps working: the reply waits in the outbox and the status bar counts it.
    auto *reply = m_window->findChild<QPlainTextEdit *>(u"replyEdit"_s);
    reply->setFocus();
    QTest::keyClicks(reply, u"Sorry, my connection dropped - still here!"_s);
    QTest::keyClick(reply, Qt::Key_Return);
    QCOMPARE(m_session->pendingReplyCount(), 1);
    QTRY_VERIFY(statusLabel->text().endsWith(ui::ConnectionStatusLabel::tr("%n unsent reply(s)", nullptr, 1)));
    auto *history = m_window->findChild<QListView *>(u"historyView"_s);
    const int last = history->model()->rowCount() - 1;
    QVERIFY(history->model()->index(last, 0).data(MessageListModel::PendingRole).toBool());
    saveScreenshot(u"06-offline-unsent-reply"_s);

    QVERIFY(m_server.restart());
    QTRY_COMPARE_WITH_TIMEOUT(m_session->connectionState(), ConnectionState::Connected, 40000);
    QTRY_COMPARE(m_session->pendingReplyCount(), 0);
    QTRY_COMPARE(statusLabel->text(), ui::ConnectionStatusLabel::tr("Connected"));

    m_visitor.abort();
    QVERIFY(m_visitor.connectTo(m_server.wsUrl(u"/v1/visitor"_s)));
    const QString text = u"Sorry, my connection dropped - still here!"_s;
    QVERIFY(m_visitor.waitForOperatorText(text));
    const auto copies = std::count_if(m_visitor.messages().cbegin(), m_visitor.messages().cend(),
                                      [&text](const QJsonObject &m) { return m.value(u"text").toString() == text; });
    QCOMPARE(copies, 1);
    QTRY_VERIFY(!history->model()->index(history->model()->rowCount() - 1, 0)
                     .data(MessageListModel::PendingRole).toBool());
    saveScreenshot(u"07-reconnected"_s);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
