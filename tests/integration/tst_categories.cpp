// SPDX-License-Identifier: GPL-3.0-or-later
// Dialog categories (docs/protocol.md, "Dialog actions"): defined by an admin on the command line,
// listed in every operator's hello, set and cleared on a dialog by whoever can change it and shown
// to everyone who sees the dialog — never to the visitor; unknown categories and dialogs one may not
// change are refused without changing anything.
#include "ServerTestKit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kAda = u"ada@example.com"_s; // admin

QStringList categoryNames(const QJsonObject &hello)
{
    QStringList names;
    for (const QJsonValue &category : hello.value(u"categories").toArray())
        names.append(category.toObject().value(u"name").toString());
    return names;
}

/// Whether a line of `admin list-categories` names both \a id and \a name.
bool listedWithId(const QString &output, qint64 id, const QString &name)
{
    const QRegularExpression idWord(u"(^|\\D)"_s + QString::number(id) + u"(\\D|$)"_s);
    const QStringList lines = output.split(u'\n');
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) {
        return line.contains(name) && idWord.match(line).hasMatch();
    });
}

} // namespace

class TestCategories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void adminDefinesCategoriesOnTheCommandLine();
    void setAndClearedForEveryoneWhoSeesTheDialog();
    void theVisitorNeverSeesTheCategory();
    void closedDialogsKeepTheirCategory();
    void unknownCategoriesAreRefused();
    void anUnassignedDialogMayBeCategorisedByAnyone();
    void aColleaguesVisibleDialogIsForbidden();
    void aColleaguesHiddenDialogIsNotFound();

private:
    /// Anna, Boris and Ada (admin); categories VIP and Hooligan; then the server with \a serverArgs.
    bool start(const QStringList &serverArgs = {});
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) is given a new visitor's dialog and answers it; sets m_anna, m_annaHello and
    /// m_visitor; returns the dialog id (0 on failure).
    qint64 annaAnswersAVisitor();
    QJsonObject setCategory(RawProtocolClient &op, qint64 dialogId, const QJsonValue &categoryId)
    {
        return op.request(u"dialog.category.set"_s,
                          {{u"dialogId"_s, dialogId}, {u"categoryId"_s, categoryId}});
    }
    qint64 vip() const { return categoryId(m_annaHello, u"VIP"_s); }
    qint64 hooligan() const { return categoryId(m_annaHello, u"Hooligan"_s); }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    QJsonObject m_annaHello;
    std::unique_ptr<RawProtocolClient> m_visitor;
};

void TestCategories::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCategories::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
    m_annaHello = {};
}

bool TestCategories::start(const QStringList &serverArgs)
{
    m_server = std::make_unique<ServerProcess>();
    if (!createOperator(server(), kAnna, u"Anna"_s) || !createOperator(server(), kBoris, u"Boris"_s) ||
        !createOperator(server(), kAda, u"Ada"_s, {u"--role"_s, u"admin"_s}) ||
        !admin(server(), {u"create-category"_s, u"--name"_s, u"VIP"_s}) ||
        !admin(server(), {u"create-category"_s, u"--name"_s, u"Hooligan"_s}))
        return false;
    if (!server().start(QStringList{u"--max-dialogs"_s, u"10"_s} + serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

qint64 TestCategories::annaAnswersAVisitor()
{
    m_anna = loginOperator(server(), kAnna, u"online"_s, &m_annaHello);
    m_visitor = connectVisitor(server());
    if (!m_anna || !m_visitor)
        return 0;
    const qint64 annaId = idOf(m_annaHello.value(u"operator").toObject().value(u"id"));
    const qint64 dialogId = openDialog(*m_visitor, u"I want to order 500 chairs"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Wonderful, let me help"_s)))
        return 0;
    return dialogId;
}

void TestCategories::adminDefinesCategoriesOnTheCommandLine()
{
    QVERIFY(start());
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kAnna, u"online"_s, &hello));
    QVERIFY(categoryNames(hello).contains(u"VIP"_s));
    QVERIFY(categoryNames(hello).contains(u"Hooligan"_s));
    const qint64 vipId = categoryId(hello, u"VIP"_s);
    const qint64 hooliganId = categoryId(hello, u"Hooligan"_s);
    QVERIFY(vipId > 0);
    QVERIFY(hooliganId > 0);
    QVERIFY(vipId != hooliganId);

    QString output;
    QCOMPARE(server().admin({u"list-categories"_s}, &output), 0);
    QVERIFY2(listedWithId(output, vipId, u"VIP"_s), qPrintable(output));
    QVERIFY2(listedWithId(output, hooliganId, u"Hooligan"_s), qPrintable(output));

    // While the server runs: one more, one fewer; the next hello lists what is defined now.
    QVERIFY(admin(server(), {u"create-category"_s, u"--name"_s, u"Wholesale"_s}));
    QVERIFY(admin(server(), {u"delete-category"_s, u"--name"_s, u"Hooligan"_s}));
    QCOMPARE(server().admin({u"list-categories"_s}, &output), 0);
    QVERIFY2(output.contains(u"Wholesale"_s), qPrintable(output));
    QVERIFY2(!output.contains(u"Hooligan"_s), qPrintable(output));
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &hello));
    QVERIFY(categoryNames(hello).contains(u"VIP"_s));
    QVERIFY(categoryNames(hello).contains(u"Wholesale"_s));
    QVERIFY(!categoryNames(hello).contains(u"Hooligan"_s));
    QCOMPARE(categoryId(hello, u"VIP"_s), vipId);

    // Mistakes on the command line fail and change nothing.
    QVERIFY(server().admin({u"delete-category"_s, u"--name"_s, u"No such thing"_s}) != 0);
    QVERIFY(server().admin({u"create-category"_s}) != 0);
    QVERIFY(server().admin({u"create-category"_s, u"--name"_s, u"  "_s}) != 0);
    QCOMPARE(server().admin({u"list-categories"_s}, &output), 0);
    QVERIFY2(output.contains(u"VIP"_s) && output.contains(u"Wholesale"_s), qPrintable(output));
}

void TestCategories::setAndClearedForEveryoneWhoSeesTheDialog()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris); // sees Anna's dialogs (the setting is off)
    QVERIFY(boris);
    const QList<QJsonObject> before = history(*m_anna, dialogId);

    QJsonObject reply = setCategory(*m_anna, dialogId, vip());
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(idOf(data(reply).value(u"dialog").toObject().value(u"categoryId")), vip());
    QTRY_COMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"categoryId")), vip());
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"categoryId")), vip());
    // Whoever opens the app later finds it too.
    QJsonObject adaHello;
    QVERIFY(loginOperator(server(), kAda, u"online"_s, &adaHello));
    QCOMPARE(idOf(snapshotDialog(adaHello, dialogId).value(u"categoryId")), vip());

    // Another category replaces it; null clears it.
    reply = setCategory(*m_anna, dialogId, hooligan());
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"categoryId")), hooligan());
    reply = setCategory(*m_anna, dialogId, QJsonValue::Null);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QVERIFY(data(reply).value(u"dialog").toObject().value(u"categoryId").isNull());
    QTRY_VERIFY(latestDialog(*boris, dialogId).value(u"categoryId").isNull());
    QVERIFY(loginOperator(server(), kAda, u"online"_s, &adaHello));
    QVERIFY(snapshotDialog(adaHello, dialogId).value(u"categoryId").isNull());

    // No history line for any of it.
    QCOMPARE(history(*m_anna, dialogId), before);
}

void TestCategories::theVisitorNeverSeesTheCategory()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(setCategory(*m_anna, dialogId, hooligan())));
    QVERIFY(isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})));
    QTRY_COMPARE(latestDialog(*m_visitor, dialogId).value(u"state").toString(), u"closed"_s);

    // The visitor's dialog.updated carries id, state and operator name only.
    for (const QJsonObject &update : eventData(*m_visitor, u"dialog.updated"_s)) {
        const QJsonObject dialog = update.value(u"dialog").toObject();
        QVERIFY2(!dialog.contains(u"categoryId"),
                 qPrintable(QString::fromUtf8(QJsonDocument(dialog).toJson())));
    }
    for (const QJsonObject &event : m_visitor->events())
        QVERIFY(!QString::fromUtf8(QJsonDocument(event).toJson()).contains(u"Hooligan"_s));
}

void TestCategories::closedDialogsKeepTheirCategory()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(setCategory(*m_anna, dialogId, vip())));

    const QJsonObject closed = m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY(isResult(closed));
    QCOMPARE(idOf(data(closed).value(u"dialog").toObject().value(u"categoryId")), vip());
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"closed"_s);
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"categoryId")), vip());

    // Closed is closed: neither changed nor cleared.
    QCOMPARE(errorCode(setCategory(*m_anna, dialogId, hooligan())), u"forbidden"_s);
    QCOMPARE(errorCode(setCategory(*m_anna, dialogId, QJsonValue::Null)), u"forbidden"_s);
    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"categoryId")), vip());
}

void TestCategories::unknownCategoriesAreRefused()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(setCategory(*m_anna, dialogId, vip())));
    QVERIFY(admin(server(), {u"delete-category"_s, u"--name"_s, u"Hooligan"_s}));
    QTRY_COMPARE(idOf(latestDialog(*m_anna, dialogId).value(u"categoryId")), vip());
    const qsizetype updates = eventData(*m_anna, u"dialog.updated"_s).size();

    QCOMPARE(errorCode(setCategory(*m_anna, dialogId, 999999)), u"bad_request"_s);
    QCOMPARE(errorCode(setCategory(*m_anna, dialogId, hooligan())), u"bad_request"_s); // deleted
    QCOMPARE(errorCode(setCategory(*m_anna, dialogId, u"VIP"_s)), u"bad_request"_s);
    QCOMPARE(errorCode(m_anna->request(u"dialog.category.set"_s, {{u"dialogId"_s, dialogId}})),
             u"bad_request"_s);
    QCOMPARE(errorCode(m_anna->request(u"dialog.category.set"_s, {{u"categoryId"_s, vip()}})),
             u"bad_request"_s);
    QCOMPARE(errorCode(setCategory(*m_anna, 999999, vip())), u"not_found"_s);

    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(eventData(*m_anna, u"dialog.updated"_s).size(), updates);
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &hello));
    QCOMPARE(idOf(snapshotDialog(hello, dialogId).value(u"categoryId")), vip());
}

void TestCategories::anUnassignedDialogMayBeCategorisedByAnyone()
{
    QVERIFY(start({u"--auto-assign"_s, u"off"_s}));
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QVERIFY(boris);
    m_visitor = connectVisitor(server());
    QVERIFY(m_visitor);
    const qint64 dialogId = openDialog(*m_visitor, u"Anyone?"_s);
    QVERIFY(dialogId > 0);

    const QJsonObject reply = setCategory(*boris, dialogId, categoryId(borisHello, u"VIP"_s));
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    const QJsonObject dialog = data(reply).value(u"dialog").toObject();
    QCOMPARE(idOf(dialog.value(u"categoryId")), categoryId(borisHello, u"VIP"_s));
    // Categorising is not taking: it still waits for whoever answers.
    QCOMPARE(idOf(dialog.value(u"operatorId")), 0);
    QCOMPARE(dialog.value(u"state").toString(), u"waiting"_s);
}

void TestCategories::aColleaguesVisibleDialogIsForbidden()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    QVERIFY(isResult(setCategory(*m_anna, dialogId, vip())));
    QTRY_COMPARE(idOf(latestDialog(*boris, dialogId).value(u"categoryId")), vip());

    QCOMPARE(errorCode(setCategory(*boris, dialogId, hooligan())), u"forbidden"_s);
    QCOMPARE(errorCode(setCategory(*boris, dialogId, QJsonValue::Null)), u"forbidden"_s);
    QVERIFY(settle(server(), {m_anna.get(), boris.get()}));
    QCOMPARE(idOf(latestDialog(*boris, dialogId).value(u"categoryId")), vip());
}

void TestCategories::aColleaguesHiddenDialogIsNotFound()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);

    QCOMPARE(errorCode(setCategory(*boris, dialogId, vip())), u"not_found"_s);
    QVERIFY(settle(server(), {m_anna.get(), boris.get()}));
    QVERIFY(latestDialog(*m_anna, dialogId).value(u"categoryId").isNull());
    QVERIFY(!sawDialog(*boris, dialogId));
    // Anna's own dialog is hers to categorise.
    QVERIFY(isResult(setCategory(*m_anna, dialogId, vip())));
}

QTEST_GUILESS_MAIN(TestCategories)
#include "tst_categories.moc"
