// SPDX-License-Identifier: GPL-3.0-or-later
// The client engine's mail against the real concierge-server and a real SMTP server (SmtpSink):
// a transcript mailed to an operator who is not logged in arrives with the dialog's lines in the
// manual's layout, and a "transcript.sent" line shows in the dialog; the mail server refusing is
// the server's reason, nothing written; a reply to an offline request reaches the visitor's
// address and its "email.sent" line shows in the engine's model; the profile email changed,
// refused when malformed or someone else's, and the new one used to log in; a transcript in flight
// when the server goes away is reported as maybe not sent, once.
#include "Connection.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "SmtpSink.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
const QString kAdaEmail = u"ada@example.com"_s;
const QString kBorisEmail = u"boris@example.com"_s;
const QString kVisitorEmail = u"olga@example.net"_s;

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

QJsonObject metaOfEvent(const MessageListModel *model, const QString &event)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row).data(MessageListModel::EventRole).toString() == event)
            return model->index(row).data(MessageListModel::MetaRole).toJsonObject();
    }
    return {};
}

} // namespace

class TestEngineMail : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void transcriptReachesAnOperatorWhoIsNotLoggedIn();
    void refusedTranscriptSaysWhy();
    void replyToOfflineRequestIsMailed();
    void profileEmailChanged();
    void transcriptInFlightWhenTheLinkDrops();

private:
    bool login(Engine &engine, const QString &email);
    qint64 operatorIdOf(const QString &email) const;

    SmtpSink m_sink;
    ServerProcess m_server;
    QTemporaryDir m_dir;
    Engine m_ada;
    std::unique_ptr<RawProtocolClient> m_visitor;
    qint64 m_dialogId = 0;
};

void TestEngineMail::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_sink.start(), qPrintable(m_sink.output()));
    QVERIFY(m_server.start({u"--auto-assign"_s, u"off"_s, u"--smtp-url"_s, m_sink.url(), u"--smtp-from"_s,
                            u"chat@example.com"_s}));
    QVERIFY(testkit::createOperator(m_server, kAdaEmail, u"Ada"_s));
    QVERIFY(testkit::createOperator(m_server, kBorisEmail, u"Boris"_s));
    QVERIFY(m_ada.open(m_dir.filePath(u"ada.sqlite"_s)));
    QVERIFY(login(m_ada, kAdaEmail));
    QVERIFY(m_ada->serverSettings().mail);
}

bool TestEngineMail::login(Engine &engine, const QString &email)
{
    QSignalSpy synced(engine.session.get(), &OperatorSession::synced);
    engine->loginWithPassword(m_server.url(), email, testkit::operatorPassword());
    if (!QTest::qWaitFor([&] { return !synced.isEmpty(); }, kWaitMs))
        return false;
    engine->setStatus(OperatorStatus::Online);
    return QTest::qWaitFor([&] { return engine->self().status == OperatorStatus::Online; }, kWaitMs);
}

qint64 TestEngineMail::operatorIdOf(const QString &email) const
{
    for (const auto &info : m_ada->operators()) {
        if (info.email == email)
            return info.id;
    }
    return 0;
}

void TestEngineMail::transcriptReachesAnOperatorWhoIsNotLoggedIn()
{
    m_visitor = testkit::connectVisitor(m_server);
    QVERIFY(m_visitor);
    m_dialogId = testkit::openDialog(*m_visitor, u"Do you ship to Riga?\nAnd to Tallinn?"_s);
    QVERIFY(m_dialogId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->dialog(m_dialogId).id == m_dialogId, kWaitMs);
    m_ada->openDialog(m_dialogId);
    m_ada->sendReply(m_dialogId, u"Yes, to both — in two days."_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->pendingReplyCount(), 0, kWaitMs);

    const qint64 boris = operatorIdOf(kBorisEmail);
    QVERIFY(boris > 0);
    QSignalSpy emailed(m_ada.session.get(), &OperatorSession::transcriptEmailed);
    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    m_ada->emailTranscript(m_dialogId, boris);
    QVERIFY(m_sink.waitForMessages(1));
    QTRY_COMPARE_WITH_TIMEOUT(emailed.size(), 1, kWaitMs);
    QCOMPARE(emailed.first().at(0).toLongLong(), m_dialogId);
    QCOMPARE(emailed.first().at(1).toLongLong(), boris);
    QVERIFY(failed.isEmpty());

    const SmtpSink::Mail mail = m_sink.messages().constLast();
    QCOMPARE(mail.rcptTo, QStringList{kBorisEmail});
    const QString visitorName = m_ada->visitor(m_ada->dialog(m_dialogId).visitorId).name;
    QVERIFY(!visitorName.isEmpty());
    QCOMPARE(mail.subject, u"Dialog #%1 with %2"_s.arg(m_dialogId).arg(visitorName));
    // The manual's layout: header, the visitor's name, the dashes, a date line, one line a message.
    const QStringList lines = mail.body.trimmed().split(u'\n');
    QVERIFY2(lines.size() >= 7, qPrintable(mail.body));
    const QDateTime start = m_ada->dialog(m_dialogId).createdAt.toLocalTime();
    QCOMPARE(lines.at(0), u"#%1 %2"_s.arg(m_dialogId).arg(start.toString(u"dd.MM.yyyy HH:mm"_s)));
    QCOMPARE(lines.at(1), u"Visitor's name: "_s + visitorName);
    QCOMPARE(lines.at(2), QString(47, u'-'));
    QCOMPARE(lines.at(3), start.toString(u"dd.MM.yyyy"_s));
    QVERIFY2(lines.at(4).endsWith(u" %1: Do you ship to Riga?"_s.arg(visitorName)), qPrintable(lines.at(4)));
    QCOMPARE(lines.at(5), u"And to Tallinn?"_s);
    QVERIFY2(lines.at(6).endsWith(u" Ada: Yes, to both — in two days."_s), qPrintable(lines.at(6)));
    QVERIFY(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d "_s).match(lines.at(6)).hasMatch());

    // The history says who mailed it to whom (an operator-only line).
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithEvent(m_ada->messageModel(), u"transcript.sent"_s), 1, kWaitMs);
    const QJsonObject meta = metaOfEvent(m_ada->messageModel(), u"transcript.sent"_s);
    QCOMPARE(meta.value(u"toEmail"_s).toString(), kBorisEmail);
    QCOMPARE(meta.value(u"toName"_s).toString(), u"Boris"_s);
    QCOMPARE(meta.value(u"byName"_s).toString(), u"Ada"_s);
}

void TestEngineMail::refusedTranscriptSaysWhy()
{
    QVERIFY(m_dialogId > 0);
    const int mailsBefore = int(m_sink.messages().size());
    QSignalSpy emailed(m_ada.session.get(), &OperatorSession::transcriptEmailed);
    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    m_sink.setRefusing(true);
    m_ada->emailTranscript(m_dialogId, operatorIdOf(kBorisEmail));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    m_sink.setRefusing(false);
    QCOMPARE(failed.first().at(0).toString(), u"dialog.email"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::Unavailable);
    QVERIFY(!failed.first().at(2).toString().isEmpty()); // the server's reason, for the notice
    QVERIFY(emailed.isEmpty());
    QCOMPARE(m_sink.messages().size(), mailsBefore);

    // An unknown recipient: not_found, as a failed mail too.
    m_ada->emailTranscript(m_dialogId, 987654);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.at(1).at(0).toString(), u"dialog.email"_s);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::NotFound);
    QCOMPARE(rowsWithEvent(m_ada->messageModel(), u"transcript.sent"_s), 1); // nothing new written
}

void TestEngineMail::replyToOfflineRequestIsMailed()
{
    auto visitor = testkit::connectVisitor(m_server);
    QVERIFY(visitor);
    const QJsonObject reply = visitor->request(u"offline.request"_s, {{u"cid"_s, testkit::newCid()},
                                                                      {u"text"_s, u"Please call me back"_s},
                                                                      {u"name"_s, u"Olga"_s},
                                                                      {u"email"_s, kVisitorEmail},
                                                                      {u"phone"_s, QString()}});
    QVERIFY2(testkit::isResult(reply), qPrintable(testkit::errorCode(reply)));
    const qint64 dialogId =
        testkit::idOf(testkit::data(reply).value(u"message"_s).toObject().value(u"dialogId"_s));
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->dialog(dialogId).isOfflineRequest(), kWaitMs);
    QCOMPARE(m_ada->dialog(dialogId).offline->email, kVisitorEmail);

    const int mailsBefore = int(m_sink.messages().size());
    m_ada->openDialog(dialogId);
    m_ada->sendReply(dialogId, u"We will call you at ten."_s);
    QVERIFY(m_sink.waitForMessages(mailsBefore + 1));
    const SmtpSink::Mail mail = m_sink.messages().constLast();
    QCOMPARE(mail.rcptTo, QStringList{kVisitorEmail});
    QCOMPARE(mail.subject, u"Reply to your request"_s);
    QVERIFY2(mail.body.contains(u"We will call you at ten."_s), qPrintable(mail.body));
    QVERIFY2(mail.body.contains(u"Please call me back"_s), qPrintable(mail.body)); // the request quoted

    // The engine's history shows that it went out, and to whom.
    QTRY_COMPARE_WITH_TIMEOUT(rowsWithEvent(m_ada->messageModel(), u"email.sent"_s), 1, kWaitMs);
    QCOMPARE(metaOfEvent(m_ada->messageModel(), u"email.sent"_s).value(u"to"_s).toString(), kVisitorEmail);
    // ... and the visitor never hears of it.
    // (a request's result comes after every event the server sent before it)
    QVERIFY(testkit::isResult(visitor->request(
        u"page.view"_s,
        {{u"url"_s, u"https://shop.example/"_s}, {u"title"_s, u"Shop"_s}, {u"referrer"_s, QString()}})));
    QVERIFY(testkit::receivedLinesWithEvent(*visitor, u"email.sent"_s).isEmpty());
}

void TestEngineMail::profileEmailChanged()
{
    const QString newEmail = u"ada.lovelace@example.com"_s;
    QSignalSpy updated(m_ada.session.get(), &OperatorSession::profileUpdated);
    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    const QString name = m_ada->self().name;
    const QStringList languages = m_ada->self().languages;

    m_ada->updateProfile(name, languages, u"not an address"_s);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.first().at(0).toString(), u"profile.update"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::BadRequest);

    m_ada->updateProfile(name, languages, kBorisEmail); // someone else's
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::BadRequest);
    QCOMPARE(m_ada->self().email, kAdaEmail);

    m_ada->updateProfile(name, languages, newEmail);
    QTRY_COMPARE_WITH_TIMEOUT(updated.size(), 1, kWaitMs);
    QCOMPARE(m_ada->self().email, newEmail);
    QCOMPARE(m_ada->self().name, name);

    // The new address is the login now; the old one is not.
    Engine again;
    QVERIFY(again.open(m_dir.filePath(u"again.sqlite"_s)));
    QVERIFY(login(again, newEmail));
    QCOMPARE(again->self().email, newEmail);
    Engine old;
    QVERIFY(old.open(m_dir.filePath(u"old.sqlite"_s)));
    QSignalSpy loginFailed(old.session.get(), &OperatorSession::loginFailed);
    old->loginWithPassword(m_server.url(), kAdaEmail, testkit::operatorPassword());
    QTRY_COMPARE_WITH_TIMEOUT(loginFailed.size(), 1, kWaitMs);
    QCOMPARE(loginFailed.first().at(0).value<ErrorCode>(), ErrorCode::AuthFailed);
}

// Last: it kills the server. The transcript's dialog.email waits on a slow mail server when the
// link drops; the operator hears that it may not have gone, once, and nothing more after the
// reconnect.
void TestEngineMail::transcriptInFlightWhenTheLinkDrops()
{
    QVERIFY(m_dialogId > 0);
    const qint64 boris = operatorIdOf(kBorisEmail);
    QVERIFY(boris > 0);
    QSignalSpy emailed(m_ada.session.get(), &OperatorSession::transcriptEmailed);
    QSignalSpy failed(m_ada.session.get(), &OperatorSession::requestFailed);
    QSignalSpy frames(m_ada->connection(), &Connection::frameReceived);
    m_sink.setDelaySeconds(30);
    m_ada->emailTranscript(m_dialogId, boris);
    // The history's result: the session has sent dialog.email by the time the spy sees it.
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(frames.cbegin(), frames.cend(),
                                         [](const QList<QVariant> &args) {
                                             const QJsonObject frame = args.at(0).toJsonObject();
                                             return frame.value(u"type"_s).toString() == u"result"_s
                                                    && frame.value(u"data"_s).toObject().contains(u"messages"_s);
                                         }),
                             kWaitMs);
    QVERIFY(failed.isEmpty()); // still waiting on the mail server
    m_server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    m_sink.setDelaySeconds(0);
    QCOMPARE(failed.first().at(0).toString(), u"dialog.email"_s);
    QCOMPARE(failed.first().at(1).value<ErrorCode>(), ErrorCode::NotAuthenticated);
    QCOMPARE(failed.first().at(2).toString(),
             OperatorSession::tr("The connection was lost; the transcript may not have been sent."));
    QVERIFY(emailed.isEmpty());

    QSignalSpy synced(m_ada.session.get(), &OperatorSession::synced);
    QVERIFY(m_server.restart());
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    QCOMPARE(failed.size(), 1);
    QVERIFY(emailed.isEmpty());
}

QTEST_GUILESS_MAIN(TestEngineMail)
#include "tst_engine_mail.moc"
