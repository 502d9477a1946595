// SPDX-License-Identifier: GPL-3.0-or-later
// The client engine (OperatorSession) of issue 4's dialog actions against the real concierge-server:
// categories from the hello (and from the cache on an offline start), set and cleared; a contact
// request answered by the visitor; a rating after the close; a ban, refused twice, listed and lifted
// by an admin; a visitor found by teleport code and redirected; the profile and password changed;
// nothing sent while Offline.
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "VisitorListModel.h"
#include "Connection.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::OperatorStatus;
using Section = VisitorListModel::Section;

namespace {

constexpr int kWaitMs = 15000;
const QString kAdaEmail = u"ada@example.com"_s;
const QString kRootEmail = u"root@example.com"_s;

struct Engine
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<OperatorSession> session;
    bool open(const QString &path)
    {
        session.reset();
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        session = std::make_unique<OperatorSession>(store.get());
        session->connection()->setBackoff(50, 400);
        return true;
    }
    OperatorSession *operator->() const { return session.get(); }
};

int rowsWithEvent(const MessageListModel *model, const QString &event)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        rows += model->index(row).data(MessageListModel::EventRole).toString() == event ? 1 : 0;
    return rows;
}

} // namespace

class TestEngineActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void categoriesFromHello();
    void categorySetAndCleared();
    void contactRequestAnswered();
    void ratingAfterClose();
    void banListedAndLifted();
    void teleportCodeFoundAndRedirected();
    void profileAndPassword();
    void nothingSentWhileOffline();
    void offlineStartKeepsCategoriesAndRating();

private:
    bool login(Engine &engine, const QString &email);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    Engine m_ada;
    Engine m_root;
    std::unique_ptr<RawProtocolClient> m_visitor;
    qint64 m_visitorId = 0;
    qint64 m_dialogId = 0;
    qint64 m_vip = 0;
};

void TestEngineActions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.start({u"--auto-assign"_s, u"off"_s}));
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, u"VIP"_s}));
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, u"Hooligan"_s}));
    QVERIFY(testkit::createOperator(m_server, kAdaEmail, u"Ada"_s));
    QVERIFY(testkit::createOperator(m_server, kRootEmail, u"Root"_s, {u"--role"_s, u"admin"_s}));
    QVERIFY(m_ada.open(m_dir.filePath(u"ada.sqlite"_s)));
    QVERIFY(m_root.open(m_dir.filePath(u"root.sqlite"_s)));
}

bool TestEngineActions::login(Engine &engine, const QString &email)
{
    QSignalSpy synced(engine.session.get(), &OperatorSession::synced);
    engine->loginWithPassword(m_server.url(), email, testkit::operatorPassword());
    if (!QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs))
        return false;
    engine->setStatus(OperatorStatus::Online);
    return QTest::qWaitFor([&] { return engine->self().status == OperatorStatus::Online; }, kWaitMs);
}

void TestEngineActions::categoriesFromHello()
{
    QSignalSpy changed(m_ada.session.get(), &OperatorSession::categoriesChanged);
    QVERIFY(m_ada->categories().isEmpty());
    QVERIFY(login(m_ada, kAdaEmail));
    QCOMPARE(changed.size(), 1);
    QStringList names;
    for (const auto &category : m_ada->categories()) {
        names.append(category.name);
        if (category.name == u"VIP")
            m_vip = category.id;
    }
    names.sort();
    QCOMPARE(names, (QStringList{u"Hooligan"_s, u"VIP"_s}));
    QVERIFY(m_vip > 0);
    QCOMPARE(m_ada->category(m_vip)->name, u"VIP"_s);
    QVERIFY(!m_ada->category(987654));
    QCOMPARE(m_ada.store->categories(), m_ada->categories());

    m_visitor = testkit::connectVisitor(m_server);
    QVERIFY(m_visitor);
    m_dialogId = testkit::openDialog(*m_visitor, u"Hello"_s);
    QVERIFY(m_dialogId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->dialog(m_dialogId).id == m_dialogId, kWaitMs);
    m_visitorId = m_ada->dialog(m_dialogId).visitorId;
    m_ada->takeDialog(m_dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->dialog(m_dialogId).operatorId, m_ada->self().id, kWaitMs);
}

void TestEngineActions::categorySetAndCleared()
{
    m_ada->setDialogCategory(m_dialogId, m_vip);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->dialog(m_dialogId).categoryId, m_vip, kWaitMs);
    QCOMPARE(m_ada->visitorModel()->indexOfVisitor(m_visitorId).data(VisitorListModel::CategoryIdRole).toLongLong(), m_vip);
    QCOMPARE(m_ada.store->dialog(m_dialogId).categoryId, m_vip);

    m_ada->setDialogCategory(m_dialogId, 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->dialog(m_dialogId).categoryId, 0, kWaitMs);

    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    m_ada->setDialogCategory(m_dialogId, 987654);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"dialog.category.set"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::BadRequest);
    m_ada->setDialogCategory(m_dialogId, m_vip); // kept for the offline start
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->dialog(m_dialogId).categoryId, m_vip, kWaitMs);
}

void TestEngineActions::contactRequestAnswered()
{
    m_ada->openDialog(m_dialogId);
    QSignalSpy requested(m_ada.session.get(), &OperatorSession::contactRequested);
    m_ada->requestContact(m_dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWaitMs);
    QCOMPARE(requested.first().at(0).toLongLong(), m_dialogId);
    QCOMPARE(testkit::data(m_visitor->waitEvent(u"contact.requested"_s)).value(u"dialogId").toInteger(), m_dialogId);
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithEvent(m_ada->messageModel(), u"contact.requested"_s), 1, kWaitMs);

    QSignalSpy visitorChanged(m_ada.session.get(), &OperatorSession::visitorChanged);
    QVERIFY(testkit::isResult(m_visitor->request(u"contact.submit"_s, {{u"name"_s, u"Ann"_s},
                                                                      {u"email"_s, u"ann@example.com"_s},
                                                                      {u"phone"_s, u""_s}})));
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->visitor(m_visitorId).contact.has_value(), kWaitMs);
    QCOMPARE(m_ada->visitor(m_visitorId).contact->email, u"ann@example.com"_s);
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithEvent(m_ada->messageModel(), u"contact.given"_s), 1, kWaitMs);
    QCOMPARE(m_ada.store->visitor(m_visitorId)->contact->name, u"Ann"_s);
}

void TestEngineActions::ratingAfterClose()
{
    m_ada->closeDialog(m_dialogId);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->dialog(m_dialogId).isOpen(), kWaitMs);
    QVERIFY(testkit::isResult(m_visitor->request(u"dialog.rate"_s, {{u"dialogId"_s, m_dialogId},
                                                                   {u"score"_s, 4},
                                                                   {u"comment"_s, u"Quick"_s}})));
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->dialog(m_dialogId).rating.score, 4, kWaitMs);
    QCOMPARE(m_ada->dialog(m_dialogId).rating.comment, u"Quick"_s);
    const QModelIndex row = m_ada->visitorModel()->indexOfVisitor(m_visitorId);
    QCOMPARE(row.parent().row(), int(Section::Others));
    QCOMPARE(row.data(VisitorListModel::RatingRole).toInt(), 4);
    QCOMPARE(m_ada.store->dialog(m_dialogId).rating.score, 4);
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithEvent(m_ada->messageModel(), u"rating"_s), 1, kWaitMs);
}

void TestEngineActions::banListedAndLifted()
{
    auto rude = testkit::connectVisitor(m_server);
    QVERIFY(rude);
    const qint64 rudeDialog = testkit::openDialog(*rude, u"You are all idiots"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->dialog(rudeDialog).id == rudeDialog, kWaitMs);
    const qint64 rudeId = m_ada->dialog(rudeDialog).visitorId;

    QSignalSpy banned(m_ada.session.get(), &OperatorSession::visitorBanned);
    m_ada->banVisitor(rudeId, u"Insults"_s, 0, true);
    QTRY_COMPARE_WITH_TIMEOUT(banned.size(), 1, kWaitMs);
    QCOMPARE(banned.first().at(0).toLongLong(), rudeId);
    const auto ban = banned.first().at(1).value<protocol::Ban>();
    QVERIFY(ban.id > 0);
    QCOMPARE(ban.visitorId, rudeId);
    QCOMPARE(ban.reason, u"Insults"_s);
    QCOMPARE(ban.ip, u"127.0.0.1"_s);
    QVERIFY(!ban.expiresAt.isValid());
    rude->waitEvent(u"banned"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->visitor(rudeId).banned, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->dialog(rudeDialog).isOpen(), kWaitMs);

    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    m_ada->banVisitor(rudeId, {}, 2, false);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"visitor.ban"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::BadRequest);
    m_ada->listBans(); // a plain operator
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.at(1).at(0).toString(), u"bans.list"_s);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::Forbidden);

    QVERIFY(login(m_root, kRootEmail));
    QSignalSpy listed(m_root.session.get(), &OperatorSession::bansListed);
    m_root->listBans();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 1, kWaitMs);
    const auto bans = listed.first().at(0).value<QList<protocol::Ban>>();
    QCOMPARE(bans.size(), 1);
    QCOMPARE(bans.first().id, ban.id);
    QSignalSpy lifted(m_root.session.get(), &OperatorSession::banLifted);
    m_root->liftBan(ban.id);
    QTRY_COMPARE_WITH_TIMEOUT(lifted.size(), 1, kWaitMs);
    QCOMPARE(lifted.first().at(0).toLongLong(), ban.id);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->visitor(rudeId).banned, kWaitMs);
    m_root->listBans();
    QTRY_COMPARE_WITH_TIMEOUT(listed.size(), 2, kWaitMs);
    QVERIFY(listed.at(1).at(0).value<QList<protocol::Ban>>().isEmpty());
}

void TestEngineActions::teleportCodeFoundAndRedirected()
{
    // A visitor not in chat reads out their code; the engine finds and keeps them.
    QJsonObject hello;
    auto browsing = testkit::connectVisitor(m_server, &hello);
    QVERIFY(browsing);
    const qint64 browsingId = testkit::idOf(hello.value(u"visitorId"));
    const QJsonObject issued = browsing->request(u"teleport.code"_s);
    QVERIFY(testkit::isResult(issued));
    const QString code = testkit::data(issued).value(u"code").toString();
    QCOMPARE(code.size(), 6);

    QSignalSpy found(m_ada.session.get(), &OperatorSession::teleportCodeFound);
    m_ada->findByTeleportCode(code.left(3) + u' ' + code.mid(3)); // as read out: "482 913"
    QTRY_COMPARE_WITH_TIMEOUT(found.size(), 1, kWaitMs);
    QCOMPARE(found.first().at(0).value<protocol::Visitor>().id, browsingId);
    QCOMPARE(m_ada->visitor(browsingId).id, browsingId);
    QVERIFY(m_ada->visitorModel()->indexOfVisitor(browsingId).isValid());

    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    m_ada->findByTeleportCode(code == u"000000" ? u"000001"_s : u"000000"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"teleport.find"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::NotFound);

    // The redirect reaches the visitor's tab; a non-web address is refused.
    QSignalSpy redirected(m_ada.session.get(), &OperatorSession::visitorRedirected);
    m_ada->redirectVisitor(browsingId, u"https://example.com/contacts"_s);
    QTRY_COMPARE_WITH_TIMEOUT(redirected.size(), 1, kWaitMs);
    QCOMPARE(redirected.first().at(0).toLongLong(), browsingId);
    QCOMPARE(redirected.first().at(1).toString(), u"https://example.com/contacts"_s);
    QCOMPARE(testkit::data(browsing->waitEvent(u"redirect"_s)).value(u"url"_s).toString(),
             u"https://example.com/contacts"_s);
    m_ada->redirectVisitor(browsingId, u"javascript:alert(1)"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.at(1).at(0).toString(), u"visitor.redirect"_s);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::BadRequest);

    // Gone from the site: Unavailable.
    browsing.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->visitor(browsingId).online, kWaitMs);
    m_ada->redirectVisitor(browsingId, u"https://example.com/"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, kWaitMs);
    QCOMPARE(failed.at(2).at(1).value<ErrorCode>(), ErrorCode::Unavailable);
    QCOMPARE(redirected.size(), 1);
}

void TestEngineActions::profileAndPassword()
{
    QSignalSpy updated(m_ada.session.get(), &OperatorSession::profileUpdated);
    m_ada->updateProfile(u"Ada Lovelace"_s, {u"en"_s, u"fr"_s});
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, kWaitMs);
    QCOMPARE(m_ada->self().name, u"Ada Lovelace"_s);
    QCOMPARE(m_ada->self().languages, (QStringList{u"en"_s, u"fr"_s}));
    // A colleague's engine hears of it.
    const qint64 adaId = m_ada->self().id;
    QTRY_COMPARE_WITH_TIMEOUT(m_root->operatorInfo(adaId)->name, u"Ada Lovelace"_s, kWaitMs);

    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    QSignalSpy changed(m_ada.session.get(), &OperatorSession::passwordChanged);
    m_ada->changePassword(u"not the password"_s, u"a new secret 1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"password.change"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    m_ada->changePassword(testkit::operatorPassword(), u"a new secret 1"_s);
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kWaitMs);
    QCOMPARE(failed.size(), 1);

    // The new password opens the door; the old one no longer does.
    RawProtocolClient raw;
    QVERIFY(raw.open(m_server.wsUrl(u"/v1/operator"_s)));
    QVERIFY(testkit::isResult(raw.request(
        u"hello"_s, {{u"protocol"_s, u"1.2"_s},
                     {u"auth"_s, QJsonObject{{u"email"_s, kAdaEmail}, {u"password"_s, u"a new secret 1"_s}}}})));
    RawProtocolClient old;
    QVERIFY(old.open(m_server.wsUrl(u"/v1/operator"_s)));
    QCOMPARE(testkit::errorCode(old.request(
                 u"hello"_s, {{u"protocol"_s, u"1.2"_s},
                              {u"auth"_s, QJsonObject{{u"email"_s, kAdaEmail},
                                                      {u"password"_s, testkit::operatorPassword()}}}})),
             u"auth_failed"_s);
}

void TestEngineActions::nothingSentWhileOffline()
{
    m_ada->setStatus(OperatorStatus::Offline);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->self().status, OperatorStatus::Offline, kWaitMs);
    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    QSignalSpy requested(m_ada.session.get(), &OperatorSession::contactRequested);
    m_ada->requestContact(m_dialogId);
    m_ada->setDialogCategory(m_dialogId, 0);
    m_ada->banVisitor(m_visitorId, {}, 0, false);
    m_ada->redirectVisitor(m_visitorId, u"https://example.com/"_s);
    m_ada->findByTeleportCode(u"123456"_s);
    QCOMPARE(failed.size(), 5); // at once, locally
    for (const auto &call : failed)
        QCOMPARE(call.at(1).value<ErrorCode>(), ErrorCode::Forbidden);
    QTest::qWait(300);
    QCOMPARE(failed.size(), 5);
    QVERIFY(requested.isEmpty());
}

void TestEngineActions::offlineStartKeepsCategoriesAndRating()
{
    const auto categories = m_ada->categories();
    QVERIFY(m_ada.open(m_dir.filePath(u"ada.sqlite"_s)));
    QCOMPARE(m_ada->categories(), categories);
    QCOMPARE(m_ada->category(m_vip)->name, u"VIP"_s);
    QCOMPARE(m_ada.store->dialog(m_dialogId).rating.score, 4);
    QCOMPARE(m_ada.store->dialog(m_dialogId).categoryId, m_vip);
}

QTEST_GUILESS_MAIN(TestEngineActions)
#include "tst_engine_actions.moc"
