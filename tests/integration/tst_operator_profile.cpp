// SPDX-License-Identifier: GPL-3.0-or-later
// The operator's own profile as docs/protocol.md ("Operator profile") defines it: name and languages
// reach colleagues at once; the password changes only with the current one, and guessing it through
// this request is rate-limited like a login.
#include "ServerTestKit.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {
const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
} // namespace

class TestOperatorProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void nameAndLanguagesReachColleagues();
    void badProfileChangesAreRefused();
    void passwordChangesOnlyWithTheCurrentOne();
    void guessingTheCurrentPasswordIsRateLimited();

private:
    ServerProcess &server() { return *m_server; }
    std::unique_ptr<ServerProcess> m_server;
};

void TestOperatorProfile::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s, {u"--languages"_s, u"en"_s}));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY2(server().start({u"--login-max-failures"_s, u"3"_s}), qPrintable(server().output()));
}

void TestOperatorProfile::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_server.reset();
}

void TestOperatorProfile::nameAndLanguagesReachColleagues()
{
    QJsonObject hello;
    auto anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(anna && boris);
    const qint64 annaId = idOf(hello.value(u"operator").toObject().value(u"id"));

    const QJsonObject reply = anna->request(
        u"profile.update"_s, {{u"name"_s, u"  Anna Petrova "_s}, {u"languages"_s, QJsonArray{u"ru"_s, u"EN"_s, u"ru"_s}}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QCOMPARE(data(reply).value(u"operator").toObject().value(u"name").toString(), u"Anna Petrova"_s);
    QTRY_COMPARE(latestOperator(*boris, annaId).value(u"name").toString(), u"Anna Petrova"_s);
    QCOMPARE(latestOperator(*boris, annaId).value(u"languages").toArray(), (QJsonArray{u"en"_s, u"ru"_s}));
    // A new login sees it too: it is stored, not only told.
    QJsonObject again;
    QVERIFY(loginOperator(server(), kAnna, {}, &again));
    QCOMPARE(again.value(u"operator").toObject().value(u"name").toString(), u"Anna Petrova"_s);
}

void TestOperatorProfile::badProfileChangesAreRefused()
{
    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    QCOMPARE(errorCode(anna->request(u"profile.update"_s, {{u"name"_s, u"   "_s}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"profile.update"_s, {{u"name"_s, QString(101, u'a')}})), u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"profile.update"_s, {{u"languages"_s, QJsonArray{u"english!"_s}}})),
             u"bad_request"_s);
    QCOMPARE(errorCode(anna->request(u"profile.update"_s, {{u"languages"_s, u"en"_s}})), u"bad_request"_s);
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kAnna, {}, &hello));
    QCOMPARE(hello.value(u"operator").toObject().value(u"name").toString(), u"Anna"_s);
    QCOMPARE(hello.value(u"operator").toObject().value(u"languages").toArray(), QJsonArray{u"en"_s});
}

void TestOperatorProfile::passwordChangesOnlyWithTheCurrentOne()
{
    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    const QString fresh = u"a-much-longer-secret"_s;
    QCOMPARE(errorCode(anna->request(u"password.change"_s,
                                     {{u"oldPassword"_s, u"wrong"_s}, {u"newPassword"_s, fresh}})),
             u"forbidden"_s);
    QCOMPARE(errorCode(anna->request(u"password.change"_s,
                                     {{u"oldPassword"_s, operatorPassword()}, {u"newPassword"_s, u"short"_s}})),
             u"bad_request"_s);
    QVERIFY(isResult(anna->request(u"password.change"_s,
                                   {{u"oldPassword"_s, operatorPassword()}, {u"newPassword"_s, fresh}})));
    QVERIFY(anna->isOpen()); // this session stays

    RawProtocolClient withOld;
    QVERIFY(withOld.open(server().wsUrl(u"/v1/operator"_s)));
    QCOMPARE(errorCode(withOld.helloOperator(kAnna, operatorPassword(), u"1.2"_s)), u"auth_failed"_s);
    RawProtocolClient withNew;
    QVERIFY(withNew.open(server().wsUrl(u"/v1/operator"_s)));
    QVERIFY(isResult(withNew.helloOperator(kAnna, fresh, u"1.2"_s)));
}

void TestOperatorProfile::guessingTheCurrentPasswordIsRateLimited()
{
    auto anna = loginOperator(server(), kAnna);
    QVERIFY(anna);
    for (int attempt = 0; attempt < 3; ++attempt) {
        QCOMPARE(errorCode(anna->request(u"password.change"_s, {{u"oldPassword"_s, u"guess %1"_s.arg(attempt)},
                                                                 {u"newPassword"_s, u"whatever-long"_s}})),
                 u"forbidden"_s);
    }
    // Even the right one now waits: the limit is on the account, as at login.
    const QJsonObject limited = anna->request(
        u"password.change"_s, {{u"oldPassword"_s, operatorPassword()}, {u"newPassword"_s, u"whatever-long"_s}});
    QCOMPARE(errorCode(limited), u"rate_limited"_s);
    QVERIFY(limited.value(u"retryAfter").toInt() > 0);
}

QTEST_GUILESS_MAIN(TestOperatorProfile)
#include "tst_operator_profile.moc"
