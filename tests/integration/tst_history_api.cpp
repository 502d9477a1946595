// SPDX-License-Identifier: GPL-3.0-or-later
// The history's HTTP API for integrations against the real server (docs/protocol.md, "The HTTP API
// for integrations"): keys made, listed and revoked with the real admin command, only their hash
// stored; every request without a good key refused, wrong keys limited per address; search and
// dialog answers equal to what the operator socket answers; bad parameters named; text and Excel
// exports read back line by line and cell by cell (the workbook by openpyxl, an independent reader).
#include "HttpTestClient.h"
#include "ServerTestKit.h"
#include "XlsxDump.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QHash>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kSam = u"sam@example.com"_s; // supervisor: sees every dialog, like an API key

const QString kAnnasQuestion = u"Здравствуйте! Где мой заказ?"_s;
const QString kAnnasAnswer = u"Ваш заказ 15 уже в пути"_s;
const QString kFormula = u"=1+1"_s;
const QString kBorisAnswer = u"Delivery takes two days"_s;

/// The `error` object of a JSON refusal.
QJsonObject errorOf(const HttpReply &reply)
{
    return reply.json().value(u"error").toObject();
}

/// "#<id> " as a dialog's transcript begins.
QByteArray headerOf(qint64 dialogId)
{
    return QByteArray("#") + QByteArray::number(dialogId) + ' ';
}

/// The key in the output of `admin create-api-key`: the line that is just the key.
QString keyIn(const QString &output)
{
    static const QRegularExpression line(u"^(ck_[A-Za-z0-9_-]{43})$"_s, QRegularExpression::MultilineOption);
    return line.match(output).captured(1);
}

/// Every file under \a dir, read whole (the database, its WAL and anything else the server keeps).
QByteArray everyStoredByte(const QString &dir)
{
    QByteArray all;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

/// The workbook \a bytes as tests/support/xlsx_dump.py (openpyxl) reads it: sheet name → rows.
QHash<QString, QJsonArray> readWorkbook(const QByteArray &bytes)
{
    QTemporaryDir dir;
    QFile book(dir.filePath(u"history.xlsx"_s));
    if (!book.open(QIODevice::WriteOnly) || book.write(bytes) != bytes.size())
        return {};
    book.close();
    QString error;
    const QJsonObject dump = concierge::test::dumpXlsx(book.fileName(), &error);
    if (dump.isEmpty())
        qWarning().noquote() << error;
    QHash<QString, QJsonArray> sheets;
    for (const QJsonValue &sheet : dump.value(u"sheets").toArray())
        sheets.insert(sheet.toObject().value(u"name").toString(), sheet.toObject().value(u"rows").toArray());
    return sheets;
}

/// A dumped cell's value and its type as the reader saw it ("str", "int", "datetime", "empty", …).
QJsonValue cellValue(const QJsonArray &row, int column)
{
    return row.at(column).toArray().at(1);
}
QString cellType(const QJsonArray &row, int column)
{
    return row.at(column).toArray().at(0).toString();
}

/// A date cell read back (local time, as the server writes it) against a protocol timestamp.
bool sameMoment(const QJsonValue &cell, const QJsonValue &timestamp)
{
    const QDateTime read = QDateTime::fromString(cell.toString(), Qt::ISODate);
    const QDateTime expected = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs).toLocalTime();
    QDateTime local = read;
    local.setTimeZone(QTimeZone::systemTimeZone());
    const qint64 apart = std::abs(local.msecsTo(expected));
    if (apart >= 1000)
        qWarning() << "cell" << cell << "is" << apart << "ms from" << timestamp;
    return apart < 1000;
}

/// The visitor's name as exports show it (a HistoryDialog as JSON): the name given in the contact
/// form, else in the offline form, else the visitor's name as the server keeps it ("Visitor 12").
QString shownVisitorName(const QJsonObject &historyDialog)
{
    const QJsonObject visitor = historyDialog.value(u"visitor").toObject();
    for (const QJsonValue &form : {visitor.value(u"contact"), historyDialog.value(u"dialog").toObject().value(u"offline")}) {
        const QString given = form.toObject().value(u"name").toString().trimmed();
        if (!given.isEmpty())
            return given;
    }
    return visitor.value(u"name").toString();
}

} // namespace

class TestHistoryApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void keysAreMadeListedAndRevokedByTheAdminCommand();
    void everyRequestNeedsAKeyInForce();
    void wrongKeysFromOneAddressAreLimited();
    void searchAnswersWhatTheOperatorSocketAnswers();
    void aDialogAnswersWhatTheOperatorSocketAnswers();
    void badParametersAreRefusedByName();
    void theTextExportIsInTheManualsLayout();
    void theExcelExportIsReadByAnIndependentReader();
    void exportsFollowTheSearchAndStayWithinTheLimit();
    void theLimitCountsWhatTheSearchFinds();
    void chatsGoOnWhileAnExportIsWritten();
    void aThirdExportAtOnceIsAskedToWait();
    void aDialogPastTheFrameBudgetIsExportedWhole();

private:
    /// Starts the server with Anna, Boris and Sam and an API key (m_key); no dialogs yet.
    /// \a extraArgs: more server options (the hidden export limits).
    bool start(const QStringList &extraArgs = {});
    /// Asks for an export without waiting for it; the reply belongs to m_network.
    QNetworkReply *startExport(const QUrlQuery &query);
    /// How many exports the server has begun writing (its log line per export).
    int exportsStarted() const { return int(m_server->output().count(u"history export started"_s)); }
    /// Two dialogs: Anna answers the first visitor (Cyrillic), sets the category, asks for contact
    /// details (the visitor leaves them), closes and gets a 5; Boris answers a second visitor who
    /// wrote "=1+1". Sets m_first, m_second and m_sam (Sam's socket for comparisons).
    bool makeHistory();
    /// GET with the good key (m_key).
    HttpReply get(const QString &path, const QUrlQuery &query = {}) { return getWith(m_key, path, query); }
    /// GET with \a key as the Bearer credential ("" sends no Authorization header).
    HttpReply getWith(const QString &key, const QString &path, const QUrlQuery &query = {})
    {
        return http::send("GET", http::url(m_server->url(), path, query), {}, key);
    }
    /// A request on Sam's socket; its result `data` ({} on error).
    QJsonObject samAsks(const QString &type, const QJsonObject &fields);

    std::unique_ptr<ServerProcess> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<RawProtocolClient> m_sam;
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_boris;
    std::unique_ptr<RawProtocolClient> m_visitor1;
    std::unique_ptr<RawProtocolClient> m_visitor2;
    QString m_key;
    qint64 m_first = 0;
    qint64 m_second = 0;
    qint64 m_borisId = 0;
    qint64 m_categoryId = 0;
};

void TestHistoryApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestHistoryApi::init()
{
    m_server = std::make_unique<ServerProcess>();
}

void TestHistoryApi::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_sam.reset();
    m_anna.reset();
    m_boris.reset();
    m_visitor1.reset();
    m_visitor2.reset();
    m_server.reset();
}

bool TestHistoryApi::start(const QStringList &extraArgs)
{
    if (!createOperator(*m_server, kAnna, u"Anna"_s) || !createOperator(*m_server, kBoris, u"Boris"_s)
        || !createOperator(*m_server, kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s})
        || !admin(*m_server, {u"create-category"_s, u"--name"_s, u"Delivery"_s}))
        return false;
    QString output;
    if (m_server->admin({u"create-api-key"_s, u"--name"_s, u"CRM"_s}, &output) != 0) {
        qWarning().noquote() << output;
        return false;
    }
    m_key = keyIn(output);
    if (m_key.isEmpty() || !m_server->start(QStringList{u"--auto-assign"_s, u"off"_s} + extraArgs)) {
        qWarning().noquote() << output << m_server->output();
        return false;
    }
    return true;
}

QNetworkReply *TestHistoryApi::startExport(const QUrlQuery &query)
{
    QNetworkRequest request(http::url(m_server->url(), u"/v1/api/history/export"_s, query));
    request.setRawHeader("Authorization", "Bearer " + m_key.toLatin1());
    return m_network.get(request);
}

QJsonObject TestHistoryApi::samAsks(const QString &type, const QJsonObject &fields)
{
    const QJsonObject reply = m_sam->request(type, fields);
    if (!isResult(reply))
        qWarning() << type << fields << "answered" << reply;
    return isResult(reply) ? data(reply) : QJsonObject();
}

bool TestHistoryApi::makeHistory()
{
    QJsonObject hello;
    QJsonObject borisHello;
    m_anna = loginOperator(*m_server, kAnna, u"online"_s, &hello);
    m_boris = loginOperator(*m_server, kBoris, u"online"_s, &borisHello);
    m_sam = loginOperator(*m_server, kSam);
    m_visitor1 = connectVisitor(*m_server);
    m_visitor2 = connectVisitor(*m_server);
    if (!m_anna || !m_boris || !m_sam || !m_visitor1 || !m_visitor2)
        return false;
    m_categoryId = categoryId(hello, u"Delivery"_s);
    m_borisId = idOf(borisHello.value(u"operator"_s).toObject().value(u"id"_s));
    m_first = openDialog(*m_visitor1, kAnnasQuestion);
    if (m_first == 0 || !isResult(operatorSend(*m_anna, m_first, kAnnasAnswer))
        || !isResult(m_anna->request(u"dialog.category.set"_s,
                                     {{u"dialogId"_s, m_first}, {u"categoryId"_s, m_categoryId}}))
        || !isResult(m_anna->request(u"contact.request"_s, {{u"dialogId"_s, m_first}}))
        || !isResult(m_visitor1->request(u"contact.submit"_s, {{u"name"_s, u"Фёкла"_s},
                                                               {u"email"_s, u"foekla@mail.de"_s},
                                                               {u"phone"_s, u"+44 33 221100"_s}}))
        || !isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, m_first}}))
        || !isResult(m_visitor1->request(u"dialog.rate"_s, {{u"dialogId"_s, m_first}, {u"score"_s, 5}})))
        return false;
    m_second = openDialog(*m_visitor2, kFormula);
    return m_second != 0 && m_categoryId != 0 && m_borisId != 0
        && isResult(operatorSend(*m_boris, m_second, kBorisAnswer));
}

void TestHistoryApi::keysAreMadeListedAndRevokedByTheAdminCommand()
{
    QVERIFY(start());
    QString output;
    QCOMPARE(m_server->admin({u"create-api-key"_s, u"--name"_s, u"Reports"_s}, &output), 0);
    const QString second = keyIn(output);
    QVERIFY2(!second.isEmpty(), qPrintable(output));
    QVERIFY(second != m_key);
    QVERIFY(output.contains(u"created API key 2 Reports"_s));

    // Only the hash is kept: neither key is anywhere in the server's files.
    const QByteArray stored = everyStoredByte(m_server->stateDir());
    QVERIFY(!stored.isEmpty());
    QVERIFY(!stored.contains(m_key.toLatin1()));
    QVERIFY(!stored.contains(second.toLatin1()));
    QVERIFY(!stored.contains(m_key.mid(3).toLatin1()));

    QCOMPARE(m_server->admin({u"list-api-keys"_s}, &output), 0);
    QStringList lines = output.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(0).startsWith(u"1\tCRM\tcreated "_s), qPrintable(output));
    QVERIFY2(lines.at(0).contains(u"\tlast used never\tin force"_s), qPrintable(output));
    QVERIFY2(lines.at(1).startsWith(u"2\tReports\t"_s), qPrintable(output));
    QVERIFY(!output.contains(u"ck_"_s));

    // A use is stamped.
    QCOMPARE(get(u"/v1/api/history"_s).status, 200);
    QCOMPARE(m_server->admin({u"list-api-keys"_s}, &output), 0);
    lines = output.split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(QRegularExpression(u"\tlast used \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\tin force$"_s).match(lines.at(0)).hasMatch(),
             qPrintable(output));
    QVERIFY(lines.at(1).contains(u"last used never"_s));

    QCOMPARE(m_server->admin({u"revoke-api-key"_s, u"--id"_s, u"2"_s}, &output), 0);
    QCOMPARE(output.trimmed(), u"revoked API key 2"_s);
    QCOMPARE(m_server->admin({u"list-api-keys"_s}, &output), 0);
    QVERIFY2(output.split(u'\n').at(1).contains(u"\trevoked 20"_s), qPrintable(output));

    // Worded refusals, nothing changed by them.
    QCOMPARE(m_server->admin({u"revoke-api-key"_s, u"--id"_s, u"2"_s}, &output), 1);
    QVERIFY2(output.contains(u"API key 2 was revoked already"_s), qPrintable(output));
    QCOMPARE(m_server->admin({u"revoke-api-key"_s, u"--id"_s, u"99"_s}, &output), 1);
    QVERIFY2(output.contains(u"no API key with id 99"_s), qPrintable(output));
    QCOMPARE(m_server->admin({u"revoke-api-key"_s, u"--id"_s, u"two"_s}, &output), 1);
    QVERIFY2(output.contains(u"revoke-api-key needs --id N"_s), qPrintable(output));
    QCOMPARE(m_server->admin({u"create-api-key"_s}, &output), 1);
    QVERIFY2(output.contains(u"needs a --name"_s), qPrintable(output));
    QCOMPARE(m_server->admin({u"create-api-key"_s, u"--name"_s, u"   "_s}, &output), 1);
    QVERIFY(!output.contains(u"ck_"_s));
    QCOMPARE(m_server->admin({u"list-api-keys"_s}, &output), 0);
    QCOMPARE(output.split(u'\n', Qt::SkipEmptyParts).size(), 2);
    QCOMPARE(get(u"/v1/api/history"_s).status, 200);
}

void TestHistoryApi::everyRequestNeedsAKeyInForce()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    QString output;
    QCOMPARE(m_server->admin({u"create-api-key"_s, u"--name"_s, u"Old"_s}, &output), 0);
    const QString revoked = keyIn(output);
    QCOMPARE(getWith(revoked, u"/v1/api/history"_s).status, 200);
    QCOMPARE(m_server->admin({u"revoke-api-key"_s, u"--id"_s, u"2"_s}, &output), 0);

    QJsonObject samHello;
    auto samAgain = loginOperator(*m_server, kSam, u"online"_s, &samHello);
    QVERIFY(samAgain);
    const QString sessionToken = samHello.value(u"token").toString();
    QVERIFY(!sessionToken.isEmpty());

    const QStringList paths = {u"/v1/api/history"_s, u"/v1/api/history/%1"_s.arg(m_first),
                               u"/v1/api/history/export"_s};
    const QStringList wrongKeys = {QString(), revoked, m_key.left(m_key.size() - 1) + u'x', sessionToken,
                                   u"ck_"_s, u"not a key"_s};
    for (const QString &path : paths) {
        QUrlQuery query;
        if (path.endsWith(u"export"))
            query.addQueryItem(u"format"_s, u"text"_s);
        for (const QString &wrong : wrongKeys) {
            const HttpReply reply = getWith(wrong, path, query);
            QVERIFY2(reply.status == 401, qPrintable(path + u' ' + wrong + u' ' + QString::number(reply.status)));
            QCOMPARE(errorOf(reply).value(u"code").toString(), u"auth_failed"_s);
            QVERIFY(!errorOf(reply).value(u"message").toString().isEmpty());
            QVERIFY(reply.header("Content-Type").startsWith("application/json"));
            QVERIFY(!reply.body.contains("Здравствуйте"));
        }
        QCOMPARE(get(path, query).status, 200);
    }
    // The operator's own socket is not affected by any of it.
    QVERIFY(isResult(m_sam->request(u"history.dialog"_s, {{u"dialogId"_s, m_first}})));
}

void TestHistoryApi::wrongKeysFromOneAddressAreLimited()
{
    QVERIFY(start());
    QCOMPARE(get(u"/v1/api/history"_s).status, 200);
    for (int i = 0; i < 20; ++i) {
        const HttpReply reply = getWith(u"ck_guess%1"_s.arg(i), u"/v1/api/history"_s);
        QCOMPARE(reply.status, 401);
    }
    // Limits are per address: from here even the good key waits, and is told for how long.
    const HttpReply limited = get(u"/v1/api/history"_s);
    QCOMPARE(limited.status, 429);
    bool ok = false;
    const int retryAfter = limited.header("Retry-After").toInt(&ok);
    QVERIFY2(ok && retryAfter >= 1 && retryAfter <= 300, limited.header("Retry-After").constData());
    const QJsonObject error = errorOf(limited);
    QCOMPARE(error.value(u"code").toString(), u"rate_limited"_s);
    QCOMPARE(error.value(u"retryAfter").toInt(), retryAfter);
    QVERIFY2(error.value(u"message").toString().contains(u"try again in %1 s"_s.arg(retryAfter)),
             qPrintable(error.value(u"message").toString()));
    QCOMPARE(get(u"/v1/api/history/export"_s, QUrlQuery(u"format=text"_s)).status, 429);
    QCOMPARE(getWith(QString(), u"/v1/api/history"_s).status, 429);
    // Operators logging in over the socket from the same address have their own limit.
    QVERIFY(loginOperator(*m_server, kAnna));
}

void TestHistoryApi::searchAnswersWhatTheOperatorSocketAnswers()
{
    QVERIFY(start());
    QVERIFY(makeHistory());

    // The same words give the same answer, snippets and all.
    for (const QString &words : {u"заказ"_s, u"ЗАКАЗ 15"_s, u"delivery"_s, u"Фекла"_s, QString(), u"!!!"_s}) {
        const HttpReply reply = get(u"/v1/api/history"_s, QUrlQuery({{u"q"_s, words}}));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonObject socket = samAsks(u"history.search"_s, {{u"query"_s, words}});
        QVERIFY(!socket.isEmpty());
        QCOMPARE(reply.json(), socket);
    }
    const auto hitIds = [](const QJsonObject &answer) {
        QList<qint64> ids;
        for (const QJsonValue &hit : answer.value(u"hits").toArray())
            ids.append(idOf(hit.toObject().value(u"dialog").toObject().value(u"dialog").toObject().value(u"id")));
        return ids;
    };
    const QJsonObject found = get(u"/v1/api/history"_s, QUrlQuery({{u"q"_s, u"заказ"_s}})).json();
    QCOMPARE(hitIds(found), QList<qint64>{m_first});
    const QJsonObject snippet = found.value(u"hits").toArray().at(0).toObject().value(u"snippet").toObject();
    QVERIFY2(snippet.value(u"text").toString().contains(u"заказ"_s), qPrintable(snippet.value(u"text").toString()));
    QCOMPARE(hitIds(get(u"/v1/api/history"_s).json()), (QList<qint64>{m_second, m_first}));

    // Each filter through its query parameter, against the socket's filter object.
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString tomorrow = QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);
    const QList<std::tuple<QString, QString, QJsonObject, QList<qint64>>> filters = {
        {u"operatorId"_s, QString::number(m_borisId), {{u"operatorId"_s, m_borisId}}, {m_second}},
        {u"categoryId"_s, QString::number(m_categoryId), {{u"categoryId"_s, m_categoryId}}, {m_first}},
        {u"rating"_s, u"5"_s, {{u"rating"_s, 5}}, {m_first}},
        {u"rating"_s, u"4"_s, {{u"rating"_s, 4}}, {}},
        {u"withContact"_s, u"1"_s, {{u"withContact"_s, true}}, {m_first}},
        {u"offline"_s, u"1"_s, {{u"offline"_s, true}}, {}},
        {u"from"_s, today, {{u"from"_s, today}}, {m_second, m_first}},
        {u"from"_s, tomorrow, {{u"from"_s, tomorrow}}, {}},
        {u"to"_s, today, {{u"to"_s, today}}, {m_second, m_first}},
    };
    for (const auto &[name, value, filter, expected] : filters) {
        const HttpReply reply = get(u"/v1/api/history"_s, QUrlQuery({{name, value}}));
        QCOMPARE(reply.status, 200);
        QVERIFY2(hitIds(reply.json()) == expected, qPrintable(name + u'=' + value));
        QCOMPARE(reply.json(), samAsks(u"history.search"_s, {{u"query"_s, QString()}, {u"filter"_s, filter}}));
    }
    // Words and a filter together; then paging with limit and beforeId.
    QCOMPARE(hitIds(get(u"/v1/api/history"_s, QUrlQuery({{u"q"_s, u"заказ"_s}, {u"rating"_s, u"4"_s}})).json()),
             QList<qint64>{});
    const QJsonObject firstPage = get(u"/v1/api/history"_s, QUrlQuery({{u"limit"_s, u"1"_s}})).json();
    QCOMPARE(hitIds(firstPage), QList<qint64>{m_second});
    QCOMPARE(idOf(firstPage.value(u"nextBeforeId")), m_second);
    const QJsonObject secondPage =
        get(u"/v1/api/history"_s, QUrlQuery({{u"limit"_s, u"1"_s}, {u"beforeId"_s, QString::number(m_second)}})).json();
    QCOMPARE(hitIds(secondPage), QList<qint64>{m_first});
    QCOMPARE(secondPage, samAsks(u"history.search"_s, {{u"query"_s, QString()}, {u"limit"_s, 1}, {u"beforeId"_s, m_second}}));
}

void TestHistoryApi::aDialogAnswersWhatTheOperatorSocketAnswers()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    for (const qint64 id : {m_first, m_second}) {
        const HttpReply reply = get(u"/v1/api/history/%1"_s.arg(id));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json(), samAsks(u"history.dialog"_s, {{u"dialogId"_s, id}}));
    }
    const QJsonArray lines = get(u"/v1/api/history/%1"_s.arg(m_first)).json().value(u"messages").toArray();
    QCOMPARE(lines.at(0).toObject().value(u"text").toString(), kAnnasQuestion);
    QCOMPARE(lines.at(1).toObject().value(u"text").toString(), kAnnasAnswer);

    const HttpReply missing = get(u"/v1/api/history/%1"_s.arg(m_second + 100));
    QCOMPARE(missing.status, 404);
    QCOMPARE(errorOf(missing).value(u"code").toString(), u"not_found"_s);
    QCOMPARE(get(u"/v1/api/history/abc"_s).status, 400);
    QCOMPARE(get(u"/v1/api/history/-3"_s).status, 400);
    // Another method or a deeper path is no route.
    QCOMPARE(http::send("DELETE", http::url(m_server->url(), u"/v1/api/history/%1"_s.arg(m_first)), {}, m_key).status,
             404);
    QCOMPARE(get(u"/v1/api/history/%1"_s.arg(m_first)).status, 200);
}

void TestHistoryApi::badParametersAreRefusedByName()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    const QByteArray before = get(u"/v1/api/history"_s).body;
    const QList<std::tuple<QString, QString, QString>> cases = {
        {u"/v1/api/history"_s, u"from=2024-13-01"_s, u"\"from\""_s},
        {u"/v1/api/history"_s, u"to=yesterday"_s, u"\"to\""_s},
        {u"/v1/api/history"_s, u"rating=7"_s, u"\"rating\""_s},
        {u"/v1/api/history"_s, u"rating=0"_s, u"\"rating\""_s},
        {u"/v1/api/history"_s, u"limit=abc"_s, u"\"limit\""_s},
        {u"/v1/api/history"_s, u"limit=201"_s, u"\"limit\""_s},
        {u"/v1/api/history"_s, u"beforeId=-1"_s, u"\"beforeId\""_s},
        {u"/v1/api/history"_s, u"operatorId=anna"_s, u"\"operatorId\""_s},
        {u"/v1/api/history"_s, u"departmentId=1.5"_s, u"\"departmentId\""_s},
        {u"/v1/api/history"_s, u"withContact=yes"_s, u"\"withContact\""_s},
        {u"/v1/api/history"_s, u"q="_s + QString(501, u'a'), u"\"q\""_s},
        {u"/v1/api/history/export"_s, u"format=pdf"_s, u"\"format\""_s},
        {u"/v1/api/history/export"_s, QString(), u"\"format\""_s},
        {u"/v1/api/history/export"_s, u"format=text&ids=5,x"_s, u"\"ids\""_s},
        {u"/v1/api/history/export"_s, u"format=text&ids=1;DROP TABLE dialogs"_s, u"\"ids\""_s},
        {u"/v1/api/history/export"_s, u"format=xlsx&rating=9"_s, u"\"rating\""_s},
    };
    for (const auto &[path, query, named] : cases) {
        const HttpReply reply = get(path, QUrlQuery(query));
        QVERIFY2(reply.status == 400, qPrintable(path + u'?' + query + u" → " + QString::number(reply.status)));
        QCOMPARE(errorOf(reply).value(u"code").toString(), u"bad_request"_s);
        const QString message = errorOf(reply).value(u"message").toString();
        QVERIFY2(message.contains(named), qPrintable(query + u" → " + message));
    }
    // Refusals are not wrong keys, and nothing stored changed.
    QCOMPARE(get(u"/v1/api/history"_s).body, before);
    QCOMPARE(get(u"/v1/api/history/%1"_s.arg(m_first)).json(), samAsks(u"history.dialog"_s, {{u"dialogId"_s, m_first}}));
}

void TestHistoryApi::theTextExportIsInTheManualsLayout()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    // Ids given: in that order.
    const HttpReply reply = get(u"/v1/api/history/export"_s,
                                QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, u"%1,%2"_s.arg(m_first).arg(m_second)}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(reply.header("Content-Disposition"),
             QByteArray("attachment; filename=\"history.txt\"; filename*=UTF-8''history.txt"));
    const QStringList lines = QString::fromUtf8(reply.body).split(u'\n');

    // Expected from what the socket says about the dialogs: header, name, dashes, date, lines.
    QStringList expected;
    for (const qint64 id : {m_first, m_second}) {
        const QJsonObject answer = samAsks(u"history.dialog"_s, {{u"dialogId"_s, id}});
        const QJsonObject historyDialog = answer.value(u"dialog").toObject();
        const QDateTime start =
            QDateTime::fromString(historyDialog.value(u"dialog").toObject().value(u"createdAt").toString(),
                                  Qt::ISODateWithMs)
                .toLocalTime();
        const QString visitorName = shownVisitorName(historyDialog);
        if (!expected.isEmpty())
            expected << QString();
        expected << u"#%1 %2"_s.arg(id).arg(start.toString(u"dd.MM.yyyy HH:mm"_s));
        expected << u"Visitor's name: "_s + visitorName;
        expected << QString(47, u'-');
        QDate day;
        for (const QJsonValue &value : answer.value(u"messages").toArray()) {
            const QJsonObject line = value.toObject();
            const QDateTime at = QDateTime::fromString(line.value(u"at").toString(), Qt::ISODateWithMs).toLocalTime();
            if (at.date() != day) {
                day = at.date();
                expected << at.toString(u"dd.MM.yyyy"_s);
            }
            QString body;
            if (line.value(u"author") == u"system"_s) {
                body = line.value(u"event").toString().isEmpty() ? line.value(u"text").toString()
                                                                 : u'[' + line.value(u"text").toString() + u']';
            } else {
                QString name = line.value(u"authorName").toString();
                if (name.isEmpty())
                    name = line.value(u"author") == u"visitor"_s ? visitorName : u"Operator"_s;
                body = name + u": "_s + line.value(u"text").toString();
            }
            expected << at.toString(u"HH:mm:ss"_s) + u' ' + body;
        }
    }
    expected << QString(); // the text ends with a line break
    QCOMPARE(lines, expected);

    // What a reader checks by eye: the manual's header, the rule, Cyrillic intact, "=1+1" as typed.
    QVERIFY(QRegularExpression(u"^#%1 \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s.arg(m_first)).match(lines.at(0)).hasMatch());
    QCOMPARE(lines.at(2), u"-----------------------------------------------"_s);
    QVERIFY(QRegularExpression(u"^\\d\\d\\.\\d\\d\\.\\d{4}$"_s).match(lines.at(3)).hasMatch());
    QVERIFY2(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d .+: "_s + QRegularExpression::escape(kAnnasQuestion) + u'$')
                 .match(lines.at(4))
                 .hasMatch(),
             qPrintable(lines.at(4)));
    QVERIFY(lines.at(5).endsWith(u"Anna: "_s + kAnnasAnswer));
    QVERIFY(lines.filter(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d \\[.+\\]$"_s)).size() >= 2);
    QVERIFY(QString::fromUtf8(reply.body).contains(u": =1+1\n"_s));

    // The other order when asked.
    const HttpReply reversed = get(u"/v1/api/history/export"_s,
                                   QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, u"%1,%2"_s.arg(m_second).arg(m_first)}}));
    QVERIFY(reversed.body.startsWith(headerOf(m_second)));
    const HttpReply unknown = get(u"/v1/api/history/export"_s,
                                  QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, u"%1,%2"_s.arg(m_first).arg(m_second + 50)}}));
    QCOMPARE(unknown.status, 404);
    QVERIFY(errorOf(unknown).value(u"message").toString().contains(QString::number(m_second + 50)));
    QTRY_VERIFY(!QDirIterator(QDir::tempPath(), {u"concierge-export-*"_s}, QDir::Files).hasNext());
}

void TestHistoryApi::theExcelExportIsReadByAnIndependentReader()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    const HttpReply reply = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"xlsx"_s}}));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.header("Content-Type"), QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    QCOMPARE(reply.header("Content-Disposition"),
             QByteArray("attachment; filename=\"history.xlsx\"; filename*=UTF-8''history.xlsx"));
    QVERIFY(reply.body.startsWith("PK"));
    const QHash<QString, QJsonArray> book = readWorkbook(reply.body);
    QCOMPARE(book.size(), 2);
    const QJsonArray dialogs = book.value(u"Dialogs"_s);
    const QJsonArray messages = book.value(u"Messages"_s);

    QJsonArray header;
    for (const QJsonValue &cell : dialogs.at(0).toArray())
        header.append(cell.toArray().at(1));
    QCOMPARE(header, (QJsonArray{u"Number"_s, u"Start"_s, u"End"_s, u"Visitor"_s, u"Operator"_s, u"Department"_s,
                                 u"Category"_s, u"Rating"_s, u"Messages"_s, u"Contact"_s, u"Offline request"_s}));
    // No ids: newest first.
    QCOMPARE(dialogs.size(), 3);
    const QJsonArray second = dialogs.at(1).toArray();
    const QJsonArray first = dialogs.at(2).toArray();
    const QJsonObject firstDialog =
        samAsks(u"history.dialog"_s, {{u"dialogId"_s, m_first}}).value(u"dialog").toObject();
    const QJsonObject secondDialog =
        samAsks(u"history.dialog"_s, {{u"dialogId"_s, m_second}}).value(u"dialog").toObject();

    QCOMPARE(cellType(first, 0), u"int"_s);
    QCOMPARE(cellValue(first, 0).toInteger(), m_first);
    QCOMPARE(cellType(first, 1), u"datetime"_s);
    QVERIFY(sameMoment(cellValue(first, 1), firstDialog.value(u"dialog").toObject().value(u"createdAt")));
    QCOMPARE(cellType(first, 2), u"datetime"_s); // closed
    QVERIFY(sameMoment(cellValue(first, 2), firstDialog.value(u"dialog").toObject().value(u"closedAt")));
    QCOMPARE(cellValue(first, 3).toString(), u"Фёкла"_s); // the name left in the contact form
    QCOMPARE(cellValue(second, 3).toString(), shownVisitorName(secondDialog));
    QCOMPARE(cellValue(first, 4).toString(), u"Anna"_s);
    QCOMPARE(cellValue(first, 6).toString(), u"Delivery"_s);
    QCOMPARE(cellType(first, 7), u"int"_s);
    QCOMPARE(cellValue(first, 7).toInt(), 5);
    QCOMPARE(cellType(first, 8), u"int"_s);
    QCOMPARE(cellValue(first, 8).toInt(), firstDialog.value(u"messageCount").toInt());
    QCOMPARE(cellValue(first, 8).toInt(), 2);
    QVERIFY2(cellValue(first, 9).toString().contains(u"foekla@mail.de"_s), qPrintable(cellValue(first, 9).toString()));
    QVERIFY(cellValue(first, 9).toString().contains(u"Фёкла"_s));
    QCOMPARE(cellValue(second, 0).toInteger(), m_second);
    QCOMPARE(cellValue(second, 4).toString(), u"Boris"_s);
    QCOMPARE(cellType(second, 2), u"empty"_s); // still open
    QCOMPARE(cellType(second, 7), u"empty"_s); // no rating
    QCOMPARE(cellValue(second, 8).toInt(), secondDialog.value(u"messageCount").toInt());

    // One row per line, in each dialog's order, newest dialog first like the rows above.
    QCOMPARE(cellValue(messages.at(0).toArray(), 4).toString(), u"Text"_s);
    QList<QJsonObject> expectedLines;
    for (const qint64 id : {m_second, m_first}) {
        for (const QJsonValue &line : samAsks(u"history.dialog"_s, {{u"dialogId"_s, id}}).value(u"messages").toArray())
            expectedLines.append(line.toObject());
    }
    QCOMPARE(messages.size(), expectedLines.size() + 1);
    for (qsizetype i = 0; i < expectedLines.size(); ++i) {
        const QJsonArray row = messages.at(i + 1).toArray();
        const QJsonObject line = expectedLines.at(i);
        QCOMPARE(cellType(row, 0), u"int"_s);
        QCOMPARE(cellValue(row, 0).toInteger(), idOf(line.value(u"dialogId")));
        QCOMPARE(cellType(row, 1), u"datetime"_s);
        QVERIFY(sameMoment(cellValue(row, 1), line.value(u"at")));
        const QString author = line.value(u"author").toString();
        QCOMPARE(cellValue(row, 2).toString(),
                 author == u"visitor" ? u"Visitor"_s : author == u"operator" ? u"Operator"_s : u"System"_s);
        QCOMPARE(cellType(row, 4), u"str"_s);
        QCOMPARE(cellValue(row, 4).toString(), line.value(u"text").toString());
    }
    // The visitor's "=1+1" is text, never a formula; Cyrillic intact.
    const QJsonArray formulaRow = messages.at(1).toArray();
    QCOMPARE(cellValue(formulaRow, 4).toString(), kFormula);
    QCOMPARE(cellType(formulaRow, 4), u"str"_s);
    bool cyrillic = false;
    for (const QJsonValue &row : messages)
        cyrillic = cyrillic || cellValue(row.toArray(), 4).toString() == kAnnasQuestion;
    QVERIFY(cyrillic);

    // Nothing of the export is left in the temporary folder once it was sent.
    QTRY_VERIFY(!QDirIterator(QDir::tempPath(), {u"concierge-export-*"_s}, QDir::Files).hasNext());
}

void TestHistoryApi::exportsFollowTheSearchAndStayWithinTheLimit()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    // Words and filters choose the dialogs, as the search does.
    const HttpReply found = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}, {u"q"_s, u"заказ"_s}}));
    QCOMPARE(found.status, 200);
    QVERIFY(found.body.startsWith(headerOf(m_first)));
    QVERIFY(!found.body.contains(QByteArray(QByteArray("\n") + headerOf(m_second))));
    const HttpReply byOperator = get(u"/v1/api/history/export"_s,
                                     QUrlQuery({{u"format"_s, u"text"_s}, {u"operatorId"_s, QString::number(m_borisId)}}));
    QVERIFY(byOperator.body.startsWith(headerOf(m_second)));
    QVERIFY(!byOperator.body.contains("Ваш заказ"));
    // Nothing found: an empty file.
    const HttpReply none = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}, {u"rating"_s, u"1"_s}}));
    QCOMPARE(none.status, 200);
    QCOMPARE(none.body, QByteArray());

    // More than 10,000 dialogs: narrow it down.
    QStringList many;
    for (int id = 1; id <= 10001; ++id)
        many.append(QString::number(id));
    const HttpReply tooMany =
        get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"xlsx"_s}, {u"ids"_s, many.join(u',')}}));
    QCOMPARE(tooMany.status, 400);
    QVERIFY2(errorOf(tooMany).value(u"message").toString().contains(u"at most 10000 dialogs"_s),
             qPrintable(errorOf(tooMany).value(u"message").toString()));
    QVERIFY(errorOf(tooMany).value(u"message").toString().contains(u"narrow"_s));
}

void TestHistoryApi::theLimitCountsWhatTheSearchFinds()
{
    // Seeding 10,001 dialogs through real visitors would take minutes: the server's hidden
    // --api-export-max-dialogs lowers the limit to 2, and three dialogs pass it.
    QVERIFY(start({u"--api-export-max-dialogs"_s, u"2"_s}));
    QVERIFY(makeHistory());
    auto third = connectVisitor(*m_server);
    QVERIFY(third);
    const qint64 thirdId = openDialog(*third, u"Is the delivery free on Sundays?"_s);
    QVERIFY(thirdId != 0);

    // Everything (no words, no filter) is three dialogs: refused, and the message names the limit.
    const HttpReply all = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}}));
    QCOMPARE(all.status, 400);
    QCOMPARE(errorOf(all).value(u"code").toString(), u"bad_request"_s);
    QVERIFY2(errorOf(all).value(u"message").toString().contains(u"at most 2 dialogs"_s),
             qPrintable(errorOf(all).value(u"message").toString()));
    const HttpReply allBook = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"xlsx"_s}}));
    QCOMPARE(allBook.status, 400);
    // A word that finds two of them: within the limit, both exported, newest first.
    const HttpReply two = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}, {u"q"_s, u"delivery"_s}}));
    QCOMPARE(two.status, 200);
    QVERIFY(two.body.startsWith(headerOf(thirdId)));
    QVERIFY(two.body.contains(QByteArray(QByteArray("\n") + headerOf(m_second))));
    QVERIFY(!two.body.contains(headerOf(m_first)));
    // Three ids are refused before anything is written.
    const HttpReply ids = get(u"/v1/api/history/export"_s,
                              QUrlQuery({{u"format"_s, u"text"_s},
                                         {u"ids"_s, u"%1,%2,%3"_s.arg(m_first).arg(m_second).arg(thirdId)}}));
    QCOMPARE(ids.status, 400);
    QVERIFY(errorOf(ids).value(u"message").toString().contains(u"at most 2 dialogs"_s));
}

void TestHistoryApi::chatsGoOnWhileAnExportIsWritten()
{
    // Each dialog of an export takes 1.5 s (hidden --api-export-pace-ms): the export of both
    // dialogs is being written for 3 s, and the chat must not wait for it.
    QVERIFY(start({u"--api-export-pace-ms"_s, u"1500"_s}));
    QVERIFY(makeHistory());
    QNetworkReply *exportReply = startExport(QUrlQuery({{u"format"_s, u"xlsx"_s}}));
    QSignalSpy exportDone(exportReply, &QNetworkReply::finished);
    QTRY_COMPARE(exportsStarted(), 1); // the server is writing it now

    // The second visitor writes; Boris, their operator, gets the line while the export's answer
    // has not even begun (no status yet).
    const QString line = u"Is my parcel insured?"_s;
    QVERIFY(isResult(m_visitor2->request(u"message.send"_s, {{u"cid"_s, newCid()}, {u"text"_s, line}})));
    QTRY_VERIFY(!messageWithText(*m_boris, line).isEmpty());
    QVERIFY2(exportDone.isEmpty() && exportReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isNull(),
             "the line reached the operator only after the export was answered");
    // Other API requests are answered meanwhile too.
    const HttpReply search = get(u"/v1/api/history"_s, QUrlQuery({{u"q"_s, u"заказ"_s}}));
    QCOMPARE(search.status, 200);
    QCOMPARE(search.json().value(u"hits").toArray().size(), 1);
    QVERIFY(exportDone.isEmpty());

    // Then the export arrives whole: both dialogs in the workbook.
    QTRY_VERIFY_WITH_TIMEOUT(!exportDone.isEmpty(), 20000);
    QCOMPARE(exportReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QHash<QString, QJsonArray> sheets = readWorkbook(exportReply->readAll());
    const QJsonArray dialogs = sheets.value(u"Dialogs"_s);
    QCOMPARE(dialogs.size(), 3); // header and two dialogs
    QCOMPARE(cellValue(dialogs.at(1).toArray(), 0).toInteger(), m_second);
    QCOMPARE(cellValue(dialogs.at(2).toArray(), 0).toInteger(), m_first);
    exportReply->deleteLater();
}

void TestHistoryApi::aThirdExportAtOnceIsAskedToWait()
{
    QVERIFY(start({u"--api-export-pace-ms"_s, u"1500"_s}));
    QVERIFY(makeHistory());
    QNetworkReply *first = startExport(QUrlQuery({{u"format"_s, u"text"_s}}));
    QNetworkReply *second = startExport(QUrlQuery({{u"format"_s, u"xlsx"_s}, {u"q"_s, u"заказ"_s}}));
    QSignalSpy firstDone(first, &QNetworkReply::finished);
    QSignalSpy secondDone(second, &QNetworkReply::finished);
    QTRY_COMPARE(exportsStarted(), 2);

    // Two are being written: a third is refused at once with a reason and when to try again.
    const HttpReply third = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, QString::number(m_first)}}));
    QCOMPARE(third.status, 503);
    QCOMPARE(third.header("Retry-After"), QByteArray("5"));
    QCOMPARE(errorOf(third).value(u"code").toString(), u"busy"_s);
    QCOMPARE(errorOf(third).value(u"retryAfter").toInt(), 5);
    QVERIFY2(errorOf(third).value(u"message").toString().contains(u"try again in 5 s"_s),
             qPrintable(errorOf(third).value(u"message").toString()));
    QVERIFY(firstDone.isEmpty() && secondDone.isEmpty());
    QCOMPARE(exportsStarted(), 2);

    // Both running ones finish whole; after them an export is taken again.
    QTRY_VERIFY_WITH_TIMEOUT(!firstDone.isEmpty() && !secondDone.isEmpty(), 20000);
    QCOMPARE(first->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray text = first->readAll();
    QVERIFY(text.startsWith(headerOf(m_second)));
    QVERIFY(text.contains(QByteArray(QByteArray("\n") + headerOf(m_first))));
    QCOMPARE(second->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(readWorkbook(second->readAll()).value(u"Dialogs"_s).size(), 2); // header and the one found
    const HttpReply again = get(u"/v1/api/history/export"_s, QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, QString::number(m_first)}}));
    QCOMPARE(again.status, 200);
    QVERIFY(again.body.startsWith(headerOf(m_first)));
    first->deleteLater();
    second->deleteLater();
    // Nothing of the exports is left in the temporary folder.
    QTRY_VERIFY(!QDirIterator(QDir::tempPath(), {u"concierge-export-*"_s}, QDir::Files).hasNext());
}

void TestHistoryApi::aDialogPastTheFrameBudgetIsExportedWhole()
{
    QVERIFY(start());
    QVERIFY(makeHistory());
    // 60 lines of 10,000 characters: past the 512 KiB a history.dialog answer may hold.
    constexpr int kLongLines = 60;
    for (int i = 1; i <= kLongLines; ++i) {
        const QString text = u"part %1 "_s.arg(i, 2, 10, QLatin1Char('0')) + QString(9992, u'x');
        QVERIFY(isResult(operatorSend(*m_boris, m_second, text)));
    }
    // Over HTTP there is no frame to fit: the dialog comes whole, never truncated.
    const QJsonObject whole = get(u"/v1/api/history/%1"_s.arg(m_second)).json();
    QVERIFY(!whole.value(u"dialog").toObject().value(u"messagesTruncated").toBool());
    int longLines = 0;
    for (const QJsonValue &line : whole.value(u"messages").toArray())
        longLines += line.toObject().value(u"text").toString().startsWith(u"part ") ? 1 : 0;
    QCOMPARE(longLines, kLongLines);

    // The export is a file, not a frame: every line is in it, in order.
    const HttpReply reply = get(u"/v1/api/history/export"_s,
                                QUrlQuery({{u"format"_s, u"text"_s}, {u"ids"_s, QString::number(m_second)}}));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.body.contains(kFormula.toUtf8()));
    QVERIFY(reply.body.contains(kBorisAnswer.toUtf8()));
    qsizetype from = 0;
    for (int i = 1; i <= kLongLines; ++i) {
        const QByteArray marker = QByteArray("Boris: part ").append(QByteArray::number(i).rightJustified(2, '0'));
        from = reply.body.indexOf(marker, from);
        QVERIFY2(from >= 0, qPrintable(u"line %1 is missing"_s.arg(i)));
    }
    QVERIFY(reply.body.size() > 600000);
}

QTEST_GUILESS_MAIN(TestHistoryApi)
#include "tst_history_api.moc"
