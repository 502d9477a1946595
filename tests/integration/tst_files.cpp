// SPDX-License-Identifier: GPL-3.0-or-later
// Files and avatars over HTTP against the real server (docs/protocol.md "Files", "Operator profile"):
// a file is a message — it reaches the other side, changes the dialog, is idempotent by cid and
// counts for the visitor's flood limit — stored once per content; downloads are attachments with
// headers that keep browsers from rendering them; every refusal is the documented status and
// stores nothing.
#include "HttpTestClient.h"
#include "ServerTestKit.h"
#include "SmtpSink.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kSam = u"sam@example.com"_s; // supervisor

const QByteArray kPdf = QByteArray("%PDF-1.4\n% price list\n1 0 obj << >> endobj\ntrailer\n%%EOF\n");
const QByteArray kPng =
    QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                        "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082");
const QByteArray kElf = QByteArray("\x7f"
                                   "ELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00",
                                   16);

QUrlQuery fileQuery(const QString &cid, const QString &name, qint64 dialogId = 0)
{
    QUrlQuery query;
    query.addQueryItem(u"cid"_s, cid);
    // Percent-encoded by hand: QUrlQuery would leave '+' and '&' as they are.
    query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(name)));
    if (dialogId > 0)
        query.addQueryItem(u"dialogId"_s, QString::number(dialogId));
    return query;
}

QJsonObject fileOf(const QJsonObject &message)
{
    return message.value(u"file").toObject();
}

/// Every blob under <state>/files (one per distinct content).
QStringList blobs(const ServerProcess &server)
{
    QStringList found;
    QDirIterator it(server.stateDir() + u"/files"_s, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        found.append(it.next());
    return found;
}

QList<QJsonObject> fileLines(const QList<QJsonObject> &lines)
{
    QList<QJsonObject> files;
    for (const QJsonObject &line : lines) {
        if (line.value(u"file").isObject())
            files.append(line);
    }
    return files;
}

} // namespace

class TestFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void anOperatorsFileReachesTheVisitorAndDownloadsAsAnAttachment();
    void aVisitorsFileOpensADialogAndReachesTheOperator();
    void theSameCidTwiceIsOneMessage();
    void theSameContentTwiceIsOneBlobWithTwoLinks();
    void aFileOverTheLimitIsRefusedAndNothingIsStored();
    void uploadsNeedAValidToken();
    void badUploadsAreRefused();
    void dialogsOneMayNotChangeAreRefused();
    void aBannedVisitorCannotUpload();
    void programsAreMarkedOrRefused();
    void aFloodingVisitorIsLimitedAndOthersAreNot();
    void aVisitorsUploadsAreLimitedInBytesPerHour();
    void uploadsAreRefusedWhenTheDiskIsNearlyFull();
    void aBigFileDownloadsWhole();
    void avatarsReachColleaguesAndVisitors();
    void anAvatarThatCannotBeSavedLeavesNoFileBehind();
    void aFileAnsweringAnOfflineRequestIsMailed();
    void unknownDownloadsAreNotFound();

private:
    bool start(const QStringList &serverArgs = {});
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) answers a new visitor's dialog; sets m_anna, m_visitor, their tokens; returns the
    /// dialog.
    qint64 annaAnswersAVisitor();
    HttpReply operatorUpload(const QString &token, qint64 dialogId, const QString &name,
                             const QByteArray &bytes, const QString &cid = newCid());
    HttpReply visitorUpload(const QString &token, const QString &name, const QByteArray &bytes,
                            const QString &cid = newCid());
    HttpReply download(const QString &path) { return http::send("GET", http::url(server().url(), path)); }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_visitor;
    QString m_annaToken;
    QString m_visitorToken;
    qint64 m_annaId = 0;
};

void TestFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestFiles::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY(createOperator(server(), kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}));
}

void TestFiles::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

bool TestFiles::start(const QStringList &serverArgs)
{
    if (!server().start(serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

qint64 TestFiles::annaAnswersAVisitor()
{
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QJsonObject visitorHello;
    m_visitor = connectVisitor(server(), &visitorHello);
    if (!m_anna || !m_visitor)
        return 0;
    m_annaToken = annaHello.value(u"token").toString();
    m_annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    m_visitorToken = visitorHello.value(u"visitorToken").toString();
    const qint64 dialogId = openDialog(*m_visitor, u"Do you have a price list?"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != m_annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Yes, one moment"_s)))
        return 0;
    return dialogId;
}

HttpReply TestFiles::operatorUpload(const QString &token, qint64 dialogId, const QString &name,
                                    const QByteArray &bytes, const QString &cid)
{
    return http::send("POST",
                      http::url(server().url(), u"/v1/operator/files"_s, fileQuery(cid, name, dialogId)),
                      bytes, token);
}

HttpReply TestFiles::visitorUpload(const QString &token, const QString &name, const QByteArray &bytes,
                                   const QString &cid)
{
    return http::send("POST", http::url(server().url(), u"/v1/visitor/files"_s, fileQuery(cid, name)), bytes,
                      token);
}

void TestFiles::anOperatorsFileReachesTheVisitorAndDownloadsAsAnAttachment()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const QString name = u"Прайс \"2026\".pdf"_s;

    const HttpReply reply = operatorUpload(m_annaToken, dialogId, name, kPdf);
    QCOMPARE(reply.status, 200);
    const QJsonObject sent = reply.json().value(u"message").toObject();
    QCOMPARE(idOf(sent.value(u"dialogId")), dialogId);
    QCOMPARE(sent.value(u"author").toString(), u"operator"_s);
    QCOMPARE(sent.value(u"text").toString(), QString());
    const QJsonObject file = fileOf(sent);
    QCOMPARE(file.value(u"name").toString(), name);
    QCOMPARE(file.value(u"size").toInteger(), kPdf.size());
    QCOMPARE(file.value(u"mime").toString(), u"application/pdf"_s);
    QCOMPARE(file.value(u"image").toBool(), false);
    QCOMPARE(file.value(u"executable").toBool(), false);
    QVERIFY(
        QRegularExpression(u"^/v1/files/[0-9a-f]{32}$"_s).match(file.value(u"url").toString()).hasMatch());

    // The visitor gets the line with the same file, the operator's id withheld as for any line.
    QJsonObject received;
    QVERIFY(spinUntil([&] {
        for (const QJsonObject &event : eventData(*m_visitor, u"message.new"_s)) {
            if (event.value(u"message").toObject().value(u"cid") == sent.value(u"cid"))
                received = event.value(u"message").toObject();
        }
        return !received.isEmpty();
    }));
    QCOMPARE(fileOf(received), file);
    QVERIFY(received.value(u"operatorId").isNull());

    const HttpReply fetched = download(file.value(u"url").toString());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.body, kPdf);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("application/pdf"));
    QCOMPARE(fetched.header("Content-Disposition"),
             QByteArray("attachment; filename=\"_____ _2026_.pdf\"; filename*=UTF-8''") +
                 QUrl::toPercentEncoding(name));
    QCOMPARE(fetched.header("X-Content-Type-Options"), QByteArray("nosniff"));
    QCOMPARE(fetched.header("Content-Security-Policy"), QByteArray("sandbox"));
    QCOMPARE(fetched.header("Cache-Control"), QByteArray("private, max-age=31536000, immutable"));
    // The widget on the shop's own origin may read it (an image preview) like every answer here.
    QCOMPARE(fetched.header("Access-Control-Allow-Origin"), QByteArray("*"));
    QCOMPARE(fetched.header("Access-Control-Expose-Headers"), QByteArray("Retry-After"));

    // Read back like any line: history and a new login's snapshot carry the file.
    const QList<QJsonObject> lines = fileLines(history(*m_anna, dialogId));
    QCOMPARE(lines.size(), 1);
    QCOMPARE(fileOf(lines.first()), file);
    QJsonObject again;
    auto annaElsewhere = loginOperator(server(), kAnna, u"online"_s, &again);
    QVERIFY(annaElsewhere);
    bool inSnapshot = false;
    for (const QJsonValue &message : again.value(u"snapshot").toObject().value(u"messages").toArray())
        inSnapshot = inSnapshot || fileOf(message.toObject()) == file;
    QVERIFY(inSnapshot);

    // Uploaded HTML is never served as a page.
    const HttpReply page = operatorUpload(m_annaToken, dialogId, u"page.html"_s,
                                          "<!doctype html><script>alert(document.cookie)</script>");
    QCOMPARE(page.status, 200);
    const HttpReply html =
        download(fileOf(page.json().value(u"message").toObject()).value(u"url").toString());
    QCOMPARE(html.header("Content-Type"), QByteArray("application/octet-stream"));
    QVERIFY(html.header("Content-Disposition").startsWith("attachment;"));
}

void TestFiles::aVisitorsFileOpensADialogAndReachesTheOperator()
{
    QVERIFY(start());
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QJsonObject visitorHello;
    m_visitor = connectVisitor(server(), &visitorHello);
    QVERIFY(m_anna && m_visitor);
    const QString token = visitorHello.value(u"visitorToken").toString();

    const HttpReply reply = visitorUpload(token, u"screenshot.png"_s, kPng);
    QCOMPARE(reply.status, 200);
    const QJsonObject sent = reply.json().value(u"message").toObject();
    const qint64 dialogId = idOf(sent.value(u"dialogId"));
    QVERIFY(dialogId > 0);
    QCOMPARE(sent.value(u"author").toString(), u"visitor"_s);
    QCOMPARE(fileOf(sent).value(u"image").toBool(), true);
    QCOMPARE(fileOf(sent).value(u"mime").toString(), u"image/png"_s);

    // The dialog it opened is assigned to Anna like any new dialog, and she gets the line.
    QCOMPARE(waitAssigned(*m_anna, dialogId), idOf(annaHello.value(u"operator").toObject().value(u"id")));
    QJsonObject received;
    QVERIFY(spinUntil([&] {
        for (const QJsonObject &event : eventData(*m_anna, u"message.new"_s)) {
            if (event.value(u"message").toObject().value(u"cid") == sent.value(u"cid"))
                received = event.value(u"message").toObject();
        }
        return !received.isEmpty();
    }));
    QCOMPARE(fileOf(received), fileOf(sent));
    const HttpReply fetched = download(fileOf(sent).value(u"url").toString());
    QCOMPARE(fetched.body, kPng);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("image/png"));

    // A reload of the visitor's page sees the file in its snapshot.
    QJsonObject back;
    auto reloaded = connectVisitorWithToken(server(), token, &back);
    QVERIFY(reloaded);
    const QJsonArray messages = back.value(u"snapshot").toObject().value(u"messages").toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(fileOf(messages.first().toObject()), fileOf(sent));
}

void TestFiles::theSameCidTwiceIsOneMessage()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const QString cid = newCid();
    const HttpReply first = visitorUpload(m_visitorToken, u"a.txt"_s, "first try", cid);
    const HttpReply retry = visitorUpload(m_visitorToken, u"a.txt"_s, "first try", cid);
    QCOMPARE(first.status, 200);
    QCOMPARE(retry.status, 200);
    QCOMPARE(retry.json(), first.json());
    QVERIFY(settle(server(), {m_anna.get()}));
    int seen = 0;
    for (const QJsonObject &event : eventData(*m_anna, u"message.new"_s))
        seen += event.value(u"message").toObject().value(u"cid").toString() == cid ? 1 : 0;
    QCOMPARE(seen, 1);
    QCOMPARE(fileLines(history(*m_anna, dialogId)).size(), 1);

    // The same for an operator's upload; and a cid already used by the other side is refused.
    const QString annaCid = newCid();
    QCOMPARE(operatorUpload(m_annaToken, dialogId, u"b.txt"_s, "answer", annaCid).status, 200);
    QCOMPARE(operatorUpload(m_annaToken, dialogId, u"b.txt"_s, "answer", annaCid).status, 200);
    QCOMPARE(fileLines(history(*m_anna, dialogId)).size(), 2);
    const HttpReply stolen = operatorUpload(m_annaToken, dialogId, u"c.txt"_s, "other", cid);
    QCOMPARE(stolen.status, 400);
    QCOMPARE(stolen.code(), u"bad_request"_s);
}

void TestFiles::theSameContentTwiceIsOneBlobWithTwoLinks()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const HttpReply one = operatorUpload(m_annaToken, dialogId, u"price.pdf"_s, kPdf);
    const HttpReply two = visitorUpload(m_visitorToken, u"same price.pdf"_s, kPdf);
    QCOMPARE(one.status, 200);
    QCOMPARE(two.status, 200);
    const QString urlOne = fileOf(one.json().value(u"message").toObject()).value(u"url").toString();
    const QString urlTwo = fileOf(two.json().value(u"message").toObject()).value(u"url").toString();
    QVERIFY(urlOne != urlTwo);
    const QStringList stored = blobs(server());
    QCOMPARE(stored.size(), 1);
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(kPdf, QCryptographicHash::Sha256).toHex());
    QVERIFY2(stored.first().endsWith(u"/files/"_s + sha.left(2) + u'/' + sha), qPrintable(stored.first()));
    QCOMPARE(download(urlOne).body, kPdf);
    const HttpReply second = download(urlTwo);
    QCOMPARE(second.body, kPdf);
    QVERIFY(second.header("Content-Disposition").contains("filename=\"same price.pdf\""));
}

void TestFiles::aFileOverTheLimitIsRefusedAndNothingIsStored()
{
    QVERIFY(start({u"--max-file-mb"_s, u"1"_s}));
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(m_anna);
    QCOMPARE(hello.value(u"settings").toObject().value(u"maxFileBytes").toInteger(), 1024 * 1024);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const int linesBefore = history(*m_anna, dialogId).size();

    const QByteArray tooBig(1024 * 1024 + 1, 'x');
    const HttpReply refused = operatorUpload(m_annaToken, dialogId, u"big.txt"_s, tooBig);
    QCOMPARE(refused.status, 413);
    QCOMPARE(refused.code(), u"too_large"_s);
    const HttpReply visitorRefused = visitorUpload(m_visitorToken, u"big.txt"_s, tooBig);
    QCOMPARE(visitorRefused.status, 413);
    QCOMPARE(visitorRefused.code(), u"too_large"_s);
    QCOMPARE(history(*m_anna, dialogId).size(), linesBefore);
    QVERIFY(blobs(server()).isEmpty());

    const HttpReply exactly =
        operatorUpload(m_annaToken, dialogId, u"fits.txt"_s, QByteArray(1024 * 1024, 'x'));
    QCOMPARE(exactly.status, 200);
    QCOMPARE(history(*m_anna, dialogId).size(), linesBefore + 1);
}

void TestFiles::uploadsNeedAValidToken()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    for (const QString &token : {QString(), u"0123456789abcdef"_s, m_visitorToken}) {
        const HttpReply reply = operatorUpload(token, dialogId, u"a.txt"_s, "text");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), u"auth_failed"_s);
    }
    for (const QString &token : {QString(), u"0123456789abcdef"_s, m_annaToken}) {
        const HttpReply reply = visitorUpload(token, u"a.txt"_s, "text");
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.code(), u"auth_failed"_s);
    }
    const HttpReply avatar =
        http::send("POST", http::url(server().url(), u"/v1/operator/avatar"_s), kPng, m_visitorToken);
    QCOMPARE(avatar.status, 401);
    // A logged-out session's token no longer uploads.
    QVERIFY(isResult(m_anna->request(u"logout"_s)));
    QCOMPARE(operatorUpload(m_annaToken, dialogId, u"a.txt"_s, "text").status, 401);
    QVERIFY(fileLines(history(*loginOperator(server(), kAnna), dialogId)).isEmpty());
}

void TestFiles::badUploadsAreRefused()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const QUrl base = server().url();
    const auto post = [&](const QString &path, const QUrlQuery &query, const QByteArray &body,
                          const QString &token) {
        return http::send("POST", http::url(base, path, query), body, token);
    };
    QUrlQuery noCid;
    noCid.addQueryItem(u"name"_s, u"a.txt"_s);
    noCid.addQueryItem(u"dialogId"_s, QString::number(dialogId));
    QUrlQuery noName;
    noName.addQueryItem(u"cid"_s, newCid());
    noName.addQueryItem(u"dialogId"_s, QString::number(dialogId));
    QUrlQuery noDialog = fileQuery(newCid(), u"a.txt"_s);
    const QList<HttpReply> refused{
        post(u"/v1/operator/files"_s, noCid, "x", m_annaToken),
        post(u"/v1/operator/files"_s, noName, "x", m_annaToken),
        post(u"/v1/operator/files"_s, noDialog, "x", m_annaToken),
        post(u"/v1/operator/files"_s, fileQuery(newCid(), u"a.txt"_s, dialogId), QByteArray(""), m_annaToken),
        post(u"/v1/operator/files"_s, fileQuery(newCid(), QString(256, u'a'), dialogId), "x", m_annaToken),
        post(u"/v1/visitor/files"_s, noName, "x", m_visitorToken),
        post(u"/v1/visitor/files"_s, fileQuery(newCid(), u"a.txt"_s), QByteArray(""), m_visitorToken),
    };
    for (const HttpReply &reply : refused) {
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.code(), u"bad_request"_s);
        QVERIFY(!reply.json().value(u"message").toString().isEmpty());
    }
    QVERIFY(fileLines(history(*m_anna, dialogId)).isEmpty());
    QVERIFY(blobs(server()).isEmpty());
}

void TestFiles::dialogsOneMayNotChangeAreRefused()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    QJsonObject borisHello;
    auto boris = loginOperator(server(), kBoris, u"online"_s, &borisHello);
    QJsonObject samHello;
    auto sam = loginOperator(server(), kSam, u"online"_s, &samHello);
    QVERIFY(boris && sam);

    const HttpReply hidden = operatorUpload(borisHello.value(u"token").toString(), dialogId, u"a.txt"_s, "x");
    QCOMPARE(hidden.status, 404);
    QCOMPARE(hidden.code(), u"not_found"_s);
    const HttpReply notHis = operatorUpload(samHello.value(u"token").toString(), dialogId, u"a.txt"_s, "x");
    QCOMPARE(notHis.status, 403);
    QCOMPARE(notHis.code(), u"forbidden"_s);
    QCOMPARE(operatorUpload(m_annaToken, 999999, u"a.txt"_s, "x").status, 404);

    // Offline operators may not send; nor may anyone into a closed dialog.
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    QCOMPARE(operatorUpload(m_annaToken, dialogId, u"a.txt"_s, "x").status, 403);
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    QVERIFY(isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})));
    const HttpReply closed = operatorUpload(m_annaToken, dialogId, u"a.txt"_s, "x");
    QCOMPARE(closed.status, 403);
    QCOMPARE(closed.code(), u"forbidden"_s);
    QVERIFY(fileLines(history(*m_anna, dialogId)).isEmpty());
}

void TestFiles::aBannedVisitorCannotUpload()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const qint64 visitorId = idOf(latestDialog(*m_anna, dialogId).value(u"visitorId"));
    QVERIFY(isResult(m_anna->request(u"visitor.ban"_s, {{u"visitorId"_s, visitorId}})));
    const HttpReply refused = visitorUpload(m_visitorToken, u"a.txt"_s, "let me in");
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.code(), u"forbidden"_s);
    QVERIFY(fileLines(history(*m_anna, dialogId)).isEmpty());
    QVERIFY(blobs(server()).isEmpty());
}

void TestFiles::programsAreMarkedOrRefused()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const HttpReply elf = visitorUpload(m_visitorToken, u"invoice.pdf"_s, kElf);
    QCOMPARE(elf.status, 200);
    QCOMPARE(fileOf(elf.json().value(u"message").toObject()).value(u"executable").toBool(), true);
    const HttpReply named = visitorUpload(m_visitorToken, u"invoice.pdf.exe"_s, "harmless words");
    QCOMPARE(fileOf(named.json().value(u"message").toObject()).value(u"executable").toBool(), true);
    const HttpReply served =
        download(fileOf(elf.json().value(u"message").toObject()).value(u"url").toString());
    QCOMPARE(served.header("Content-Type"), QByteArray("application/octet-stream"));

    // With --refuse-executables on they are not stored at all.
    m_anna.reset();
    m_visitor.reset();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s));
    QVERIFY(start({u"--refuse-executables"_s, u"on"_s}));
    const qint64 strictDialog = annaAnswersAVisitor();
    QVERIFY(strictDialog != 0);
    for (const auto &[name, bytes] :
         {std::pair{u"invoice.pdf"_s, kElf}, std::pair{u"run.sh"_s, QByteArray("echo")},
          std::pair{u"notes.txt"_s, QByteArray("#!/bin/sh\necho hi\n")}}) {
        const HttpReply visitor = visitorUpload(m_visitorToken, name, bytes);
        QCOMPARE(visitor.status, 403);
        QCOMPARE(visitor.code(), u"forbidden"_s);
        QCOMPARE(operatorUpload(m_annaToken, strictDialog, name, bytes).status, 403);
    }
    QVERIFY(fileLines(history(*m_anna, strictDialog)).isEmpty());
    QVERIFY(blobs(server()).isEmpty());
    QCOMPARE(visitorUpload(m_visitorToken, u"fine.pdf"_s, kPdf).status, 200);
}

void TestFiles::aFloodingVisitorIsLimitedAndOthersAreNot()
{
    QVERIFY(start({u"--visitor-message-limit"_s, u"3"_s}));
    const qint64 dialogId = annaAnswersAVisitor(); // the visitor's first line counts: 2 left
    QVERIFY(dialogId != 0);
    QCOMPARE(visitorUpload(m_visitorToken, u"1.txt"_s, "one").status, 200);
    QCOMPARE(visitorUpload(m_visitorToken, u"2.txt"_s, "two").status, 200);
    const HttpReply limited = visitorUpload(m_visitorToken, u"3.txt"_s, "three");
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.code(), u"rate_limited"_s);
    QVERIFY(limited.json().value(u"retryAfter").toInt() >= 1);
    // Files and typed lines share the one limit.
    const QJsonObject typed =
        m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"hi"_s}});
    QCOMPARE(errorCode(typed), u"rate_limited"_s);
    QCOMPARE(fileLines(history(*m_anna, dialogId)).size(), 2);

    QJsonObject otherHello;
    auto other = connectVisitor(server(), &otherHello);
    QVERIFY(other);
    QCOMPARE(visitorUpload(otherHello.value(u"visitorToken").toString(), u"mine.txt"_s, "unaffected").status,
             200);
}

void TestFiles::aVisitorsUploadsAreLimitedInBytesPerHour()
{
    QVERIFY(start({u"--visitor-upload-mb"_s, u"1"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const QByteArray big(600 * 1024, 'a');
    QCOMPARE(visitorUpload(m_visitorToken, u"one.txt"_s, big).status, 200);

    // 1.2 MiB within the hour is over the 1 MiB budget: the second big file waits about an hour.
    const HttpReply limited = visitorUpload(m_visitorToken, u"two.txt"_s, QByteArray(600 * 1024, 'b'));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.code(), u"rate_limited"_s);
    const int retryAfter = limited.json().value(u"retryAfter").toInt();
    QVERIFY2(retryAfter > 3500 && retryAfter <= 3600, qPrintable(QString::number(retryAfter)));
    QCOMPARE(limited.header("Retry-After"), QByteArray::number(retryAfter));
    QCOMPARE(fileLines(history(*m_anna, dialogId)).size(), 1);
    QCOMPARE(blobs(server()).size(), 1);

    // What is left of the budget still takes a small file, and typed lines are not affected.
    QCOMPARE(visitorUpload(m_visitorToken, u"small.txt"_s, QByteArray(100 * 1024, 'c')).status, 200);
    QVERIFY(isResult(m_visitor->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, u"still here"_s}})));
    // The budget is the visitor's own: operators and other visitors send on.
    QCOMPARE(operatorUpload(m_annaToken, dialogId, u"answer.txt"_s, QByteArray(900 * 1024, 'd')).status, 200);
    QJsonObject otherHello;
    auto other = connectVisitor(server(), &otherHello);
    QVERIFY(other);
    QCOMPARE(visitorUpload(otherHello.value(u"visitorToken").toString(), u"mine.txt"_s, big).status, 200);
}

void TestFiles::uploadsAreRefusedWhenTheDiskIsNearlyFull()
{
    // No test machine has a petabyte free: with this margin every upload would leave too little.
    QVERIFY(start({u"--min-free-disk-mb"_s, u"1000000000"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    const QList<HttpReply> refused{
        visitorUpload(m_visitorToken, u"photo.png"_s, kPng),
        operatorUpload(m_annaToken, dialogId, u"price.pdf"_s, kPdf),
        http::send("POST", http::url(server().url(), u"/v1/operator/avatar"_s), kPng, m_annaToken),
    };
    for (const HttpReply &reply : refused) {
        QCOMPARE(reply.status, 503);
        QCOMPARE(reply.code(), u"unavailable"_s);
        QCOMPARE(reply.json().value(u"message").toString(), u"The server is short of disk space"_s);
    }
    QVERIFY(fileLines(history(*m_anna, dialogId)).isEmpty());
    QVERIFY(blobs(server()).isEmpty());
    // Typed lines need no file space: the chat goes on.
    QVERIFY(isResult(operatorSend(*m_anna, dialogId, u"Please describe it in words"_s)));
}

void TestFiles::aBigFileDownloadsWhole()
{
    QVERIFY(start({u"--max-file-mb"_s, u"8"_s}));
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    // Streamed from disk in chunks: every byte arrives, in order, with the length announced.
    QByteArray content;
    for (int i = 0; content.size() < 7 * 1024 * 1024 + 123; ++i)
        content += QCryptographicHash::hash(QByteArray::number(i), QCryptographicHash::Sha256);
    const HttpReply sent = operatorUpload(m_annaToken, dialogId, u"catalogue.bin"_s, content);
    QCOMPARE(sent.status, 200);
    const HttpReply fetched = download(fileOf(sent.json().value(u"message").toObject()).value(u"url").toString());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.header("Content-Length"), QByteArray::number(content.size()));
    QCOMPARE(fetched.body.size(), content.size());
    QVERIFY(fetched.body == content);
    QCOMPARE(fetched.header("Content-Type"), QByteArray("application/octet-stream"));
    QVERIFY(fetched.header("Content-Disposition").startsWith("attachment;"));
    // The file is opened per download: a second one gets it whole too.
    const QString url = fileOf(sent.json().value(u"message").toObject()).value(u"url").toString();
    QVERIFY(download(url).body == content);
}

void TestFiles::avatarsReachColleaguesAndVisitors()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId != 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    const QUrl avatarUrl = http::url(server().url(), u"/v1/operator/avatar"_s);

    const HttpReply set = http::send("POST", avatarUrl, kPng, m_annaToken);
    QCOMPARE(set.status, 200);
    const QString url = set.json().value(u"operator").toObject().value(u"avatarUrl").toString();
    QVERIFY(url.startsWith(u"/v1/files/"_s));
    QVERIFY(
        spinUntil([&] { return latestOperator(*boris, m_annaId).value(u"avatarUrl").toString() == url; }));
    QVERIFY(spinUntil([&] {
        const QList<QJsonObject> updates = eventData(*m_visitor, u"dialog.updated"_s);
        return !updates.isEmpty() &&
               updates.last().value(u"dialog").toObject().value(u"operatorAvatarUrl").toString() == url;
    }));
    const HttpReply picture = download(url);
    QCOMPARE(picture.body, kPng);
    QCOMPARE(picture.header("Content-Type"), QByteArray("image/png"));
    QJsonObject fresh;
    auto visitorAgain = connectVisitorWithToken(server(), m_visitorToken, &fresh);
    QVERIFY(visitorAgain);
    QCOMPARE(fresh.value(u"snapshot")
                 .toObject()
                 .value(u"dialog")
                 .toObject()
                 .value(u"operatorAvatarUrl")
                 .toString(),
             url);

    // Not a picture, or too big: refused, the old one stays.
    const HttpReply notImage = http::send("POST", avatarUrl, kPdf, m_annaToken);
    QCOMPARE(notImage.status, 400);
    QCOMPARE(notImage.code(), u"bad_request"_s);
    const HttpReply tooBig = http::send("POST", avatarUrl, kPng + QByteArray(1024 * 1024, '\0'), m_annaToken);
    QCOMPARE(tooBig.status, 413);
    QCOMPARE(tooBig.code(), u"too_large"_s);
    QJsonObject hello;
    auto borisAgain = loginOperator(server(), kBoris, u"online"_s, &hello);
    QVERIFY(borisAgain);
    bool listed = false;
    for (const QJsonValue &op : hello.value(u"operators").toArray())
        listed = listed || op.toObject().value(u"avatarUrl").toString() == url;
    QVERIFY(listed);

    const HttpReply cleared = http::send("DELETE", avatarUrl, {}, m_annaToken);
    QCOMPARE(cleared.status, 200);
    QCOMPARE(cleared.json().value(u"operator").toObject().value(u"avatarUrl").toString(), QString());
    QVERIFY(
        spinUntil([&] { return latestOperator(*boris, m_annaId).value(u"avatarUrl").toString().isEmpty(); }));
    QVERIFY(spinUntil([&] {
        const QList<QJsonObject> updates = eventData(*m_visitor, u"dialog.updated"_s);
        return updates.last().value(u"dialog").toObject().value(u"operatorAvatarUrl").toString().isEmpty();
    }));
}

void TestFiles::anAvatarThatCannotBeSavedLeavesNoFileBehind()
{
    // The database refuses to record any avatar (as a full or broken disk would): set up before
    // the server opens it.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sabotage"_s);
        db.setDatabaseName(server().stateDir() + u"/concierge.sqlite"_s);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(u"CREATE TRIGGER refuse_avatars BEFORE UPDATE OF avatar_file_id ON operators "
                            "WHEN NEW.avatar_file_id IS NOT NULL BEGIN SELECT RAISE(ABORT, 'no avatars'); END"_s),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"sabotage"_s);
    QVERIFY(start());
    QJsonObject hello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &hello);
    QVERIFY(m_anna);

    const HttpReply refused = http::send("POST", http::url(server().url(), u"/v1/operator/avatar"_s), kPng,
                                         hello.value(u"token").toString());
    QCOMPARE(refused.status, 500);
    QCOMPARE(refused.code(), u"internal"_s);
    // Nothing half-stored: no picture on disk that nothing points to, no avatar shown.
    QVERIFY(blobs(server()).isEmpty());
    QJsonObject again;
    auto annaAgain = loginOperator(server(), kAnna, u"online"_s, &again);
    QVERIFY(annaAgain);
    QCOMPARE(again.value(u"operator").toObject().value(u"avatarUrl").toString(), QString());
}

void TestFiles::aFileAnsweringAnOfflineRequestIsMailed()
{
    SmtpSink sink;
    QVERIFY2(sink.start(), qPrintable(sink.output()));
    QVERIFY(start({u"--smtp-url"_s, sink.url(), u"--smtp-from"_s, u"chat@example.com"_s}));
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    m_visitor = connectVisitor(server());
    QVERIFY(m_anna && m_visitor);
    const QJsonObject request =
        m_visitor->request(u"offline.request"_s, {{u"cid"_s, newCid()},
                                                  {u"text"_s, u"Please send me the price list"_s},
                                                  {u"name"_s, u"Fiona"_s},
                                                  {u"email"_s, u"fiona@example.org"_s},
                                                  {u"phone"_s, u""_s}});
    QVERIFY(isResult(request));
    const qint64 dialogId = idOf(data(request).value(u"message").toObject().value(u"dialogId"));

    const HttpReply reply =
        operatorUpload(annaHello.value(u"token").toString(), dialogId, u"price.pdf"_s, kPdf);
    QCOMPARE(reply.status, 200);
    QVERIFY2(sink.waitForMessages(1), qPrintable(sink.output()));
    const SmtpSink::Mail mail = sink.messages().first();
    QCOMPARE(mail.rcptTo, QStringList{u"fiona@example.org"_s});
    QVERIFY2(mail.body.contains(u"price.pdf"_s), qPrintable(mail.body));
    QVERIFY(spinUntil([&] { return !receivedLinesWithEvent(*m_anna, u"email.sent"_s).isEmpty(); }));
}

void TestFiles::unknownDownloadsAreNotFound()
{
    QVERIFY(start());
    QCOMPARE(download(u"/v1/files/0123456789abcdef0123456789abcdef"_s).status, 404);
    QCOMPARE(download(u"/v1/files/..%2F..%2Fconcierge.sqlite"_s).status, 404);
    QCOMPARE(download(u"/v1/files/"_s).status, 404);
}

QTEST_GUILESS_MAIN(TestFiles)
#include "tst_files.moc"
