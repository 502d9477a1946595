// SPDX-License-Identifier: GPL-3.0-or-later
// Mail (docs/protocol.md "Mail") against the real server and a real SMTP server (SmtpSink, Debian's
// aiosmtpd): transcripts to a colleague, replies to offline requests, the operator-only lines that
// record them, what happens when mail is off or the mail server is down; and the profile email
// (the address transcripts go to, and the login).
#include "ServerTestKit.h"
#include "SmtpSink.h"

#include <QJsonArray>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kCarl = u"carl@example.com"_s;
const QString kIvan = u"ivan@example.com"_s;
const QString kFrom = u"Concierge Chat <chat@example.com>"_s;

qint64 operatorIdIn(const QJsonObject &hello, const QString &email)
{
    for (const QJsonValue &value : hello.value(u"operators").toArray()) {
        if (value.toObject().value(u"email").toString() == email)
            return idOf(value.toObject().value(u"id"));
    }
    return 0;
}

QJsonObject emailTranscript(RawProtocolClient &op, qint64 dialogId, qint64 toOperatorId,
                            const QString &subject, const QString &text)
{
    return op.request(u"dialog.email"_s,
                      {{u"dialogId"_s, dialogId},
                       {u"operatorId"_s, toOperatorId},
                       {u"subject"_s, subject},
                       {u"text"_s, text}},
                      30000);
}

QJsonObject offlineRequest(RawProtocolClient &visitor, const QString &text)
{
    return visitor.request(u"offline.request"_s, {{u"cid"_s, newCid()},
                                                  {u"text"_s, text},
                                                  {u"name"_s, u"Ольга"_s},
                                                  {u"email"_s, u"olga@example.org"_s},
                                                  {u"phone"_s, QString()}});
}

/// Every message.new line \a client received, in order.
QList<QJsonObject> receivedLines(const RawProtocolClient &client)
{
    QList<QJsonObject> lines;
    for (const QJsonObject &data : eventData(client, u"message.new"_s))
        lines.append(data.value(u"message").toObject());
    return lines;
}

bool anyOperatorOnly(const QList<QJsonObject> &lines)
{
    for (const QJsonObject &line : lines) {
        const QString event = line.value(u"event").toString();
        if (event == u"transcript.sent" || event == u"email.sent" || event == u"email.failed")
            return true;
    }
    return false;
}

} // namespace

class TestMail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void transcriptReachesAnOfflineColleague();
    void transcriptRefusals();
    void mailOffAnswersUnavailable();
    void mailServerDownOrRefusingAnswersUnavailable();
    void slowMailServerDoesNotHoldTheServer();
    void aPasswordIsNeverSentWithoutTls();
    void aFullMailQueueAnswersAtOnce();
    void replyToOfflineRequestIsMailed();
    void replyInRussianDialogHasRussianSubject();
    void replyWhenMailServerIsDownIsStillDelivered();
    void profileEmailChanges();

private:
    bool startServer(const QStringList &args);
    QStringList mailArgs(const QString &url) const { return {u"--smtp-url"_s, url, u"--smtp-from"_s, kFrom}; }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<SmtpSink> m_sink;
};

void TestMail::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMail::init()
{
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY2(m_sink->start(), qPrintable(m_sink->output()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(*m_server, kAnna, u"Anna"_s));
    QVERIFY(createOperator(*m_server, kBoris, u"Борис Петров"_s));
}

void TestMail::cleanup()
{
    if (QTest::currentTestFailed()) {
        qInfo().noquote() << "server output:\n" << m_server->output();
        qInfo().noquote() << "smtp sink output:\n" << m_sink->output();
    }
    qunsetenv("CONCIERGE_SMTP_PASSWORD");
    m_server.reset();
    m_sink.reset();
}

bool TestMail::startServer(const QStringList &args)
{
    const bool started = m_server->start(args);
    if (!started)
        qWarning().noquote() << m_server->output();
    return started;
}

void TestMail::transcriptReachesAnOfflineColleague()
{
    QVERIFY(startServer(mailArgs(m_sink->url())));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    QVERIFY(anna);
    QCOMPARE(hello.value(u"settings").toObject().value(u"mail").toBool(), true);
    const qint64 borisId = operatorIdIn(hello, kBoris); // never logged in: offline
    QVERIFY(borisId > 0);
    QJsonObject visitorHello;
    auto visitor = connectVisitor(*m_server, &visitorHello);
    QVERIFY(visitor);
    const qint64 dialogId = openDialog(*visitor, u"Здравствуйте, где мой заказ?"_s);
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Добрый день! Сейчас проверю."_s)));

    // A line that is just "." would end an SMTP message if the dot were not stuffed.
    const QString text = u"#%1 22.11.2026 10:04\nИмя посетителя: Фёкла\n"_s.arg(dialogId) +
                         QString(47, u'-') + u"\n22.11.2026\n10:04:34 Фёкла: Здравствуйте\n.\n"_s +
                         u"10:05:00 Anna: "_s + QString(300, u'щ') + u"\n"_s;
    const QString subject = u"Диалог #%1 с посетителем Фёкла — для Бориса"_s.arg(dialogId);
    const QJsonObject reply = emailTranscript(*anna, dialogId, borisId, subject, text);
    QVERIFY2(isResult(reply), qPrintable(reply.value(u"message").toString()));

    QVERIFY(m_sink->waitForMessages(1));
    const SmtpSink::Mail mail = m_sink->messages().first();
    QCOMPARE(mail.rcptTo, QStringList{kBoris});
    QCOMPARE(mail.mailFrom, u"chat@example.com"_s);
    QVERIFY2(mail.to.contains(kBoris) && mail.to.contains(u"Борис Петров"_s), qPrintable(mail.to));
    QVERIFY2(mail.from.contains(u"chat@example.com"_s), qPrintable(mail.from));
    QCOMPARE(mail.subject, subject);
    QVERIFY2(mail.rawSubject.startsWith(u"=?UTF-8?B?"_s), qPrintable(mail.rawSubject));
    QCOMPARE(mail.body, text);
    QVERIFY(mail.contentType.startsWith(u"text/plain"_s));
    QVERIFY(!mail.date.isEmpty());
    QVERIFY(mail.messageId.startsWith(u'<') && mail.messageId.endsWith(u"@example.com>"_s));
    QVERIFY(mail.sevenBit);
    QVERIFY(mail.crlfOnly);

    // The operators see the line; the visitor neither hears of it nor finds it in a snapshot.
    QTRY_COMPARE(receivedLinesWithEvent(*anna, u"transcript.sent"_s).size(), 1);
    const QJsonObject line = receivedLinesWithEvent(*anna, u"transcript.sent"_s).first();
    const QJsonObject meta = line.value(u"meta").toObject();
    QCOMPARE(idOf(meta.value(u"toOperatorId")), borisId);
    QCOMPARE(meta.value(u"toName").toString(), u"Борис Петров"_s);
    QCOMPARE(meta.value(u"toEmail").toString(), kBoris);
    QCOMPARE(meta.value(u"byName").toString(), u"Anna"_s);
    QCOMPARE(linesWithEvent(history(*anna, dialogId), u"transcript.sent"_s).size(), 1);
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Barrier"_s))); // the visitor hears this after the line
    QTRY_VERIFY(!messageWithText(*visitor, u"Barrier"_s).isEmpty());
    QVERIFY(!anyOperatorOnly(receivedLines(*visitor)));
    QJsonObject again;
    QVERIFY(connectVisitorWithToken(*m_server, visitorHello.value(u"visitorToken").toString(), &again));
    QJsonArray snapshotLines = again.value(u"snapshot").toObject().value(u"messages").toArray();
    QCOMPARE(snapshotLines.size(), 3); // the question, the answer, the barrier
    for (const QJsonValue &value : snapshotLines)
        QVERIFY(!anyOperatorOnly({value.toObject()}));

    // Closed dialogs may be mailed too: a transcript is often sent after the end.
    QVERIFY(isResult(anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})));
    QVERIFY(isResult(emailTranscript(*anna, dialogId, borisId, u"Closed"_s, u"Done\n"_s)));
    QVERIFY(m_sink->waitForMessages(2));
    QCOMPARE(m_sink->messages().at(1).subject, u"Closed"_s);
}

void TestMail::transcriptRefusals()
{
    QVERIFY(createOperator(*m_server, kCarl, u"Carl"_s));
    QVERIFY(startServer(mailArgs(m_sink->url()) +
                        QStringList{u"--hide-others-dialogs"_s, u"on"_s, u"--auto-assign"_s, u"off"_s}));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto carl = loginOperator(*m_server, kCarl, u"online"_s);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && carl && visitor);
    const qint64 borisId = operatorIdIn(hello, kBoris);
    const qint64 dialogId = openDialog(*visitor);
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(operatorSend(*carl, dialogId, u"Carl here"_s))); // now Carl's: hidden from Anna

    QCOMPARE(errorCode(emailTranscript(*anna, dialogId, borisId, u"S"_s, u"T"_s)), u"not_found"_s);
    QCOMPARE(errorCode(emailTranscript(*carl, dialogId, 999999, u"S"_s, u"T"_s)), u"not_found"_s);
    QCOMPARE(errorCode(emailTranscript(*carl, 999999, borisId, u"S"_s, u"T"_s)), u"not_found"_s);
    QCOMPARE(errorCode(emailTranscript(*carl, dialogId, borisId, QString(301, u'x'), u"T"_s)), u"too_long"_s);
    QCOMPARE(errorCode(emailTranscript(*carl, dialogId, borisId, u"S"_s, QString(500001, u'x'))),
             u"too_long"_s);
    QCOMPARE(
        errorCode(carl->request(u"dialog.email"_s, {{u"dialogId"_s, dialogId}, {u"operatorId"_s, borisId}})),
        u"bad_request"_s);
    // An Offline operator works with no dialog (docs/protocol.md "Statuses").
    QVERIFY(isResult(carl->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    QCOMPARE(errorCode(emailTranscript(*carl, dialogId, borisId, u"S"_s, u"T"_s)), u"forbidden"_s);

    QVERIFY(isResult(carl->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    QVERIFY(linesWithEvent(history(*carl, dialogId), u"transcript.sent"_s).isEmpty());
    QVERIFY(m_sink->messages().isEmpty());
}

void TestMail::mailOffAnswersUnavailable()
{
    QVERIFY(startServer({}));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    QCOMPARE(hello.value(u"settings").toObject().value(u"mail").toBool(true), false);
    const qint64 dialogId = openDialog(*visitor);
    const QJsonObject reply = emailTranscript(*anna, dialogId, operatorIdIn(hello, kBoris), u"S"_s, u"T"_s);
    QCOMPARE(errorCode(reply), u"unavailable"_s);
    QVERIFY(!reply.value(u"message").toString().isEmpty());
    QVERIFY(linesWithEvent(history(*anna, dialogId), u"transcript.sent"_s).isEmpty());
}

void TestMail::mailServerDownOrRefusingAnswersUnavailable()
{
    QVERIFY(startServer(mailArgs(m_sink->url())));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const qint64 borisId = operatorIdIn(hello, kBoris);
    const qint64 dialogId = openDialog(*visitor);

    m_sink->setRefusing(true);
    QJsonObject reply = emailTranscript(*anna, dialogId, borisId, u"S"_s, u"T"_s);
    QCOMPARE(errorCode(reply), u"unavailable"_s);
    // The mail server's own words reach the operator: they say why.
    QVERIFY2(reply.value(u"message").toString().contains(u"550 5.7.1 Refused by the test sink"_s),
             qPrintable(reply.value(u"message").toString()));

    m_sink->stop();
    reply = emailTranscript(*anna, dialogId, borisId, u"S"_s, u"T"_s);
    QCOMPARE(errorCode(reply), u"unavailable"_s);
    QVERIFY(!reply.value(u"message").toString().isEmpty());

    QVERIFY(linesWithEvent(history(*anna, dialogId), u"transcript.sent"_s).isEmpty());
    QVERIFY(receivedLinesWithEvent(*anna, u"transcript.sent"_s).isEmpty());
    QVERIFY(m_sink->messages().isEmpty());
}

void TestMail::slowMailServerDoesNotHoldTheServer()
{
    QVERIFY(startServer(mailArgs(m_sink->url())));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const qint64 dialogId = openDialog(*visitor);
    QVERIFY(dialogId > 0);

    // Which answers come first, not how fast: the visitor is served while the mail is pending.
    QStringList order;
    connect(&anna->socket(), &QWebSocket::textMessageReceived, this, [&order](const QString &text) {
        if (text.contains(u"\"rid\":\"slow-mail\""_s))
            order.append(u"mail answered"_s);
        else if (text.contains(u"\"transcript.sent\""_s))
            order.append(u"line announced"_s);
    });
    m_sink->setDelaySeconds(3);
    anna->sendFrame({{u"type"_s, u"dialog.email"_s},
                     {u"rid"_s, u"slow-mail"_s},
                     {u"dialogId"_s, dialogId},
                     {u"operatorId"_s, operatorIdIn(hello, kBoris)},
                     {u"subject"_s, u"Slow"_s},
                     {u"text"_s, u"Slow\n"_s}});
    const QJsonObject sent =
        visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"Still there?"_s}});
    QVERIFY(isResult(sent));
    order.append(u"visitor answered"_s);
    QTRY_VERIFY(!messageWithText(*anna, u"Still there?"_s).isEmpty());
    order.append(u"operator told"_s);
    QTRY_VERIFY_WITH_TIMEOUT(order.contains(u"line announced"_s), 20000);
    // …and the result comes before the event it causes (docs/protocol.md "Ordering").
    QCOMPARE(order, (QStringList{u"visitor answered"_s, u"operator told"_s, u"mail answered"_s,
                                 u"line announced"_s}));
    QCOMPARE(m_sink->messages().size(), 1);
}

void TestMail::aPasswordIsNeverSentWithoutTls()
{
    // The sink would accept exactly this login over plain TCP: a mail getting through would mean
    // the password crossed the network in the clear.
    m_sink->stop();
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY2(m_sink->startWithLogin(u"chat"_s, u"s3cret-pass"_s), qPrintable(m_sink->output()));
    // The server takes the password from its environment only (it inherits the test's).
    qputenv("CONCIERGE_SMTP_PASSWORD", "s3cret-pass");
    const bool started = startServer(mailArgs(m_sink->url()) + QStringList{u"--smtp-user"_s, u"chat"_s});
    qunsetenv("CONCIERGE_SMTP_PASSWORD");
    QVERIFY(started);
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const qint64 dialogId = openDialog(*visitor);
    const QJsonObject reply = emailTranscript(*anna, dialogId, operatorIdIn(hello, kBoris), u"S"_s, u"T"_s);
    QCOMPARE(errorCode(reply), u"unavailable"_s);
    QVERIFY2(reply.value(u"message").toString().contains(u"TLS"_s), qPrintable(reply.value(u"message").toString()));
    QVERIFY(m_sink->messages().isEmpty());
    QVERIFY(linesWithEvent(history(*anna, dialogId), u"transcript.sent"_s).isEmpty());
}

void TestMail::aFullMailQueueAnswersAtOnce()
{
    QVERIFY(startServer(mailArgs(m_sink->url())));
    QJsonObject hello;
    auto anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const qint64 borisId = operatorIdIn(hello, kBoris);
    const qint64 dialogId = openDialog(*visitor);
    QVERIFY(dialogId > 0);

    // A mail server that hangs: 50 transcripts wait (docs/protocol.md "Mail"), the next is refused
    // at once instead of piling up behind them.
    m_sink->setDelaySeconds(30);
    for (int i = 0; i < 50; ++i)
        anna->sendFrame({{u"type"_s, u"dialog.email"_s},
                         {u"rid"_s, u"waiting-%1"_s.arg(i)},
                         {u"dialogId"_s, dialogId},
                         {u"operatorId"_s, borisId},
                         {u"subject"_s, u"S"_s},
                         {u"text"_s, u"T"_s}});
    const QJsonObject refused = emailTranscript(*anna, dialogId, borisId, u"S"_s, u"T"_s);
    QCOMPARE(errorCode(refused), u"unavailable"_s);
    QVERIFY2(refused.value(u"message").toString().contains(u"Too many mails are waiting; try again later"_s),
             qPrintable(refused.value(u"message").toString()));

    // A reply to an offline request meanwhile is delivered, and its mail is recorded as failed.
    auto asking = connectVisitor(*m_server);
    QVERIFY(asking);
    const QJsonObject asked = offlineRequest(*asking, u"Call me back"_s);
    const qint64 offlineDialog = idOf(data(asked).value(u"message").toObject().value(u"dialogId"));
    QVERIFY(offlineDialog > 0);
    QVERIFY(isResult(operatorSend(*anna, offlineDialog, u"We will call you"_s)));
    QTRY_COMPARE(receivedLinesWithEvent(*anna, u"email.failed"_s).size(), 1);
    const QJsonObject meta = receivedLinesWithEvent(*anna, u"email.failed"_s).first().value(u"meta").toObject();
    QCOMPARE(meta.value(u"to").toString(), u"olga@example.org"_s);
    QVERIFY2(meta.value(u"error").toString().contains(u"Too many mails are waiting"_s),
             qPrintable(meta.value(u"error").toString()));
    QTRY_VERIFY(!messageWithText(*asking, u"We will call you"_s).isEmpty());
    m_sink->stop(); // the waiting transfers fail fast instead of holding the server's shutdown
}

void TestMail::replyToOfflineRequestIsMailed()
{
    QVERIFY(startServer(mailArgs(m_sink->url())));
    auto anna = loginOperator(*m_server, kAnna);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const QString request = u"Перезвоните мне, пожалуйста,\nпо заказу 4711"_s;
    const QJsonObject asked = offlineRequest(*visitor, request);
    QVERIFY2(isResult(asked), qPrintable(errorCode(asked)));
    const qint64 dialogId = idOf(data(asked).value(u"message").toObject().value(u"dialogId"));

    const QString answer = u"Здравствуйте, Ольга!\nЗаказ 4711 отправлен сегодня."_s;
    const QJsonObject replied = operatorSend(*anna, dialogId, answer);
    QVERIFY(isResult(replied));

    QVERIFY(m_sink->waitForMessages(1));
    const SmtpSink::Mail mail = m_sink->messages().first();
    QCOMPARE(mail.rcptTo, QStringList{u"olga@example.org"_s});
    QVERIFY2(mail.to.contains(u"Ольга"_s), qPrintable(mail.to));
    QCOMPARE(mail.subject, u"Reply to your request"_s);
    QVERIFY2(mail.body.startsWith(answer + u"\n\n"_s), qPrintable(mail.body));
    QVERIFY2(mail.body.contains(u"you wrote:\n> Перезвоните мне, пожалуйста,\n> по заказу 4711\n"_s),
             qPrintable(mail.body));

    QTRY_COMPARE(receivedLinesWithEvent(*anna, u"email.sent"_s).size(), 1);
    const QJsonObject line = receivedLinesWithEvent(*anna, u"email.sent"_s).first();
    QCOMPARE(line.value(u"meta").toObject().value(u"to").toString(), u"olga@example.org"_s);
    QCOMPARE(linesWithEvent(history(*anna, dialogId), u"email.sent"_s).size(), 1);
    // The visitor still on the page got the reply, and nothing about the mail.
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Barrier"_s)));
    QTRY_VERIFY(!messageWithText(*visitor, u"Barrier"_s).isEmpty());
    QVERIFY(!messageWithText(*visitor, answer).isEmpty());
    QVERIFY(!anyOperatorOnly(receivedLines(*visitor)));
    // Each reply is mailed (the barrier too); a retry of the same cid is not mailed again.
    QVERIFY(m_sink->waitForMessages(2));
    const QJsonObject retry = anna->request(
        u"message.send"_s, {{u"dialogId"_s, dialogId},
                            {u"cid"_s, data(replied).value(u"message").toObject().value(u"cid").toString()},
                            {u"text"_s, answer}});
    QVERIFY(isResult(retry));
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Third"_s))); // mailed after the retry would have been
    QVERIFY(m_sink->waitForMessages(3));
    QTRY_COMPARE(linesWithEvent(history(*anna, dialogId), u"email.sent"_s).size(), 3);
    int answers = 0;
    for (const SmtpSink::Mail &each : m_sink->messages())
        answers += each.body.startsWith(answer) ? 1 : 0;
    QCOMPARE(answers, 1);
    QCOMPARE(m_sink->messages().size(), 3);
}

void TestMail::replyInRussianDialogHasRussianSubject()
{
    QVERIFY(createOperator(*m_server, kIvan, u"Иван"_s, {u"--languages"_s, u"ru"_s}));
    QVERIFY(startServer(mailArgs(m_sink->url()) + QStringList{u"--auto-assign"_s, u"off"_s}));
    auto anna = loginOperator(*m_server, kAnna);
    auto ivan = loginOperator(*m_server, kIvan);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && ivan && visitor);
    const QJsonObject asked = offlineRequest(*visitor, u"Где мой заказ?"_s);
    const qint64 dialogId = idOf(data(asked).value(u"message").toObject().value(u"dialogId"));
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(transfer(*anna, dialogId, {{u"language"_s, u"ru"_s}})));
    QVERIFY(isResult(operatorSend(*ivan, dialogId, u"Уже в пути."_s)));

    QVERIFY(m_sink->waitForMessages(1));
    const SmtpSink::Mail mail = m_sink->messages().first();
    QCOMPARE(mail.subject, u"Ответ на ваше обращение"_s);
    QVERIFY2(mail.body.startsWith(u"Уже в пути.\n\n"_s), qPrintable(mail.body));
    QVERIFY2(mail.body.contains(u"вы написали:\n> Где мой заказ?\n"_s), qPrintable(mail.body));
}

void TestMail::replyWhenMailServerIsDownIsStillDelivered()
{
    QVERIFY(startServer(mailArgs(SmtpSink::unreachableUrl())));
    auto anna = loginOperator(*m_server, kAnna);
    auto visitor = connectVisitor(*m_server);
    QVERIFY(anna && visitor);
    const QJsonObject asked = offlineRequest(*visitor, u"Call me back"_s);
    const qint64 dialogId = idOf(data(asked).value(u"message").toObject().value(u"dialogId"));
    QVERIFY(dialogId > 0);

    QVERIFY(isResult(operatorSend(*anna, dialogId, u"We tried to write to you"_s)));
    QTRY_VERIFY(!messageWithText(*visitor, u"We tried to write to you"_s).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(receivedLinesWithEvent(*anna, u"email.failed"_s).size(), 1, 20000);
    const QJsonObject meta =
        receivedLinesWithEvent(*anna, u"email.failed"_s).first().value(u"meta").toObject();
    QCOMPARE(meta.value(u"to").toString(), u"olga@example.org"_s);
    QVERIFY(!meta.value(u"error").toString().isEmpty());

    const QList<QJsonObject> stored = history(*anna, dialogId);
    QCOMPARE(linesWithEvent(stored, u"email.failed"_s).size(), 1);
    QCOMPARE(stored.at(1).value(u"text").toString(), u"We tried to write to you"_s);
    QVERIFY(isResult(operatorSend(*anna, dialogId, u"Barrier"_s)));
    QTRY_VERIFY(!messageWithText(*visitor, u"Barrier"_s).isEmpty());
    QVERIFY(!anyOperatorOnly(receivedLines(*visitor)));
}

void TestMail::profileEmailChanges()
{
    QVERIFY(startServer({}));
    auto anna = loginOperator(*m_server, kAnna);
    auto boris = loginOperator(*m_server, kBoris);
    QVERIFY(anna && boris);
    const auto update = [&](const QString &email) {
        return anna->request(u"profile.update"_s, {{u"email"_s, email}});
    };
    QCOMPARE(errorCode(update(u"not an address"_s)), u"bad_request"_s);
    QCOMPARE(errorCode(update(u"anna@"_s)), u"bad_request"_s);
    QCOMPARE(errorCode(update(u"Anna <anna@example.com>"_s)), u"bad_request"_s);
    const QJsonObject taken = update(u"  BORIS@example.com "_s);
    QCOMPARE(errorCode(taken), u"bad_request"_s);
    QVERIFY2(taken.value(u"message").toString().contains(u"already in use"_s),
             qPrintable(taken.value(u"message").toString()));

    const QJsonObject changed = update(u"Anna.Smith@Example.com"_s);
    QVERIFY2(isResult(changed), qPrintable(changed.value(u"message").toString()));
    const QJsonObject me = data(changed).value(u"operator").toObject();
    QCOMPARE(me.value(u"email").toString(), u"anna.smith@example.com"_s);
    QTRY_COMPARE(latestOperator(*boris, idOf(me.value(u"id"))).value(u"email").toString(),
                 u"anna.smith@example.com"_s);
    QVERIFY(isResult(update(u"anna.smith@example.com"_s))); // the same again is no clash with oneself

    RawProtocolClient fresh;
    QVERIFY(fresh.open(m_server->wsUrl(u"/v1/operator"_s)));
    QVERIFY(isResult(fresh.helloOperator(u"anna.smith@example.com"_s, operatorPassword())));
    RawProtocolClient old;
    QVERIFY(old.open(m_server->wsUrl(u"/v1/operator"_s)));
    QCOMPARE(errorCode(old.helloOperator(kAnna, operatorPassword())), u"auth_failed"_s);
}

QTEST_GUILESS_MAIN(TestMail)
#include "tst_mail.moc"
