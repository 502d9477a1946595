// SPDX-License-Identifier: GPL-3.0-or-later
// End-of-dialog rating (docs/protocol.md, "Dialog actions"): once a dialog closes, from either side,
// its visitor rates it 1–5 with an optional comment, once; the rating is stored on the dialog and
// written into its history, and the operators who can see the dialog are told. Anything else —
// another dialog, an open one, a score out of range, a second rating — is refused and stores nothing.
#include "ServerTestKit.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;
const QString kSam = u"sam@example.com"_s; // supervisor

QJsonObject rating(qint64 dialogId, const QJsonValue &score, const QString &comment = {})
{
    QJsonObject fields{{u"dialogId"_s, dialogId}, {u"score"_s, score}};
    if (!comment.isEmpty())
        fields.insert(u"comment"_s, comment);
    return fields;
}

} // namespace

class TestRating : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void aDialogClosedByTheOperatorIsRatedOnce();
    void aDialogClosedByTheVisitorIsRatedWithoutComment();
    void scoresOutsideOneToFiveAreRefused_data();
    void scoresOutsideOneToFiveAreRefused();
    void aLongCommentIsNeverStoredWhole();
    void anOpenDialogCannotBeRatedYet();
    void aDialogOneCannotSeeIsNotFound();
    void onlyTheNewestClosedDialogIsRated();
    void onlyOperatorsWhoSeeTheDialogHearOfIt();
    void writingAfterTheRatingOpensANewDialog();

private:
    bool start(const QStringList &serverArgs = {});
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) is given a new visitor's dialog, answers it and closes it; sets m_anna,
    /// m_visitor; returns the dialog id (0 on failure).
    qint64 annaServesAndClosesADialog();
    /// Anna (Online) is given a new visitor's dialog and answers it (left open).
    qint64 annaAnswersAVisitor();
    QJsonObject rate(const QJsonObject &fields) { return m_visitor->request(u"dialog.rate"_s, fields); }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_visitor;
};

void TestRating::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRating::cleanup()
{
    if (m_server && QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << m_server->output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

bool TestRating::start(const QStringList &serverArgs)
{
    m_server = std::make_unique<ServerProcess>();
    if (!createOperator(server(), kAnna, u"Anna"_s) || !createOperator(server(), kBoris, u"Boris"_s) ||
        !createOperator(server(), kSam, u"Sam"_s, {u"--role"_s, u"supervisor"_s}))
        return false;
    if (!server().start(QStringList{u"--max-dialogs"_s, u"10"_s} + serverArgs)) {
        qWarning().noquote() << server().output();
        return false;
    }
    return true;
}

qint64 TestRating::annaAnswersAVisitor()
{
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    m_visitor = connectVisitor(server());
    if (!m_anna || !m_visitor)
        return 0;
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    const qint64 dialogId = openDialog(*m_visitor, u"Where is my parcel?"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"It arrives tomorrow"_s)))
        return 0;
    return dialogId;
}

qint64 TestRating::annaServesAndClosesADialog()
{
    const qint64 dialogId = annaAnswersAVisitor();
    if (dialogId == 0 || !isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})))
        return 0;
    // The widget asks for the rating once it hears the dialog closed.
    if (!spinUntil(
            [&] { return latestDialog(*m_visitor, dialogId).value(u"state").toString() == u"closed"; }))
        return 0;
    return dialogId;
}

void TestRating::aDialogClosedByTheOperatorIsRatedOnce()
{
    QVERIFY(start());
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris); // sees Anna's dialogs (the setting is off)
    QVERIFY(boris);

    const QJsonObject reply = rate(rating(dialogId, 4, u"Quick and kind"_s));
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));

    // The operators see the rating on the dialog…
    for (RawProtocolClient *op : {m_anna.get(), boris.get()}) {
        QTRY_COMPARE(latestDialog(*op, dialogId).value(u"rating").toObject().value(u"score").toInt(), 4);
        const QJsonObject stored = latestDialog(*op, dialogId).value(u"rating").toObject();
        QCOMPARE(stored.value(u"comment").toString(), u"Quick and kind"_s);
        QVERIFY(!stored.value(u"at").toString().isEmpty());
        QCOMPARE(latestDialog(*op, dialogId).value(u"state").toString(), u"closed"_s);
        // …and as a line in it.
        QTRY_COMPARE(receivedLinesWithEvent(*op, u"rating"_s).size(), 1);
    }
    const QList<QJsonObject> lines = history(*m_anna, dialogId);
    const QList<QJsonObject> ratingLines = linesWithEvent(lines, u"rating"_s);
    QCOMPARE(ratingLines.size(), 1);
    QCOMPARE(lines.last(), ratingLines.first());
    QCOMPARE(ratingLines.first().value(u"meta").toObject().value(u"score").toInt(), 4);
    QCOMPARE(ratingLines.first().value(u"meta").toObject().value(u"comment").toString(), u"Quick and kind"_s);

    // Once only: a second rating is refused and the first stands.
    QCOMPARE(errorCode(rate(rating(dialogId, 1, u"Changed my mind"_s))), u"bad_request"_s);
    QCOMPARE(history(*m_anna, dialogId), lines);
    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"score").toInt(), 4);

    // Stored for good.
    QVERIFY(server().restart());
    m_anna = loginOperator(server(), kAnna);
    QVERIFY(m_anna);
    QCOMPARE(history(*m_anna, dialogId), lines);
}

void TestRating::aDialogClosedByTheVisitorIsRatedWithoutComment()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(m_visitor->request(u"dialog.close"_s)));

    const QJsonObject reply = rate(rating(dialogId, 5));
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"score").toInt(), 5);
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"comment").toString(),
             QString());
    QCOMPARE(linesWithEvent(history(*m_anna, dialogId), u"rating"_s).size(), 1);
}

void TestRating::scoresOutsideOneToFiveAreRefused_data()
{
    QTest::addColumn<QJsonValue>("score");
    QTest::newRow("0") << QJsonValue(0);
    QTest::newRow("6") << QJsonValue(6);
    QTest::newRow("-1") << QJsonValue(-1);
    QTest::newRow("a string") << QJsonValue(u"5"_s);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null);
    QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
}

void TestRating::scoresOutsideOneToFiveAreRefused()
{
    QFETCH(QJsonValue, score);
    QVERIFY(start());
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);
    const QList<QJsonObject> before = history(*m_anna, dialogId);

    QJsonObject fields{{u"dialogId"_s, dialogId}};
    if (!score.isUndefined())
        fields.insert(u"score"_s, score);
    QCOMPARE(errorCode(rate(fields)), u"bad_request"_s);

    QCOMPARE(history(*m_anna, dialogId), before);
    QVERIFY(settle(server(), {m_anna.get()}));
    QVERIFY(latestDialog(*m_anna, dialogId).value(u"rating").isNull());
    // The refusal did not use up the visitor's one rating.
    QVERIFY(isResult(rate(rating(dialogId, 1))));
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"score").toInt(), 1);
}

void TestRating::aLongCommentIsNeverStoredWhole()
{
    QVERIFY(start());
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);

    // ≤ 1,000 characters: a longer one is either refused or cut, never kept whole (the contract
    // names no error code for it).
    const QJsonObject reply = rate(rating(dialogId, 3, QString(1001, u'x')));
    if (isResult(reply)) {
        QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"score").toInt(), 3);
        QVERIFY(
            latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"comment").toString().size() <=
            1000);
    } else {
        QVERIFY2(errorCode(reply) == u"bad_request" || errorCode(reply) == u"too_long",
                 qPrintable(errorCode(reply)));
        QVERIFY(isResult(rate(rating(dialogId, 3, QString(1000, u'x')))));
        QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"comment").toString(),
                     QString(1000, u'x'));
    }
}

void TestRating::anOpenDialogCannotBeRatedYet()
{
    QVERIFY(start());
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);

    // "Not allowed in the current state": forbidden (docs/protocol.md, error codes).
    QCOMPARE(errorCode(rate(rating(dialogId, 5))), u"forbidden"_s);
    QVERIFY(linesWithEvent(history(*m_anna, dialogId), u"rating"_s).isEmpty());
    // Closed, it can be.
    QVERIFY(isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})));
    QVERIFY(isResult(rate(rating(dialogId, 5))));
}

void TestRating::aDialogOneCannotSeeIsNotFound()
{
    QVERIFY(start());
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);
    auto stranger = connectVisitor(server());
    QVERIFY(stranger);

    QCOMPARE(errorCode(rate({{u"score"_s, 5}})), u"bad_request"_s);
    // Someone else's dialog, and one that does not exist: "does not exist or is not visible to
    // this client" is not_found (docs/protocol.md, error codes).
    QCOMPARE(errorCode(stranger->request(u"dialog.rate"_s, rating(dialogId, 1, u"Terrible"_s))),
             u"not_found"_s);
    QCOMPARE(errorCode(rate(rating(999999, 5))), u"not_found"_s);
    QVERIFY(linesWithEvent(history(*m_anna, dialogId), u"rating"_s).isEmpty());
    QVERIFY(isResult(rate(rating(dialogId, 4))));
}

void TestRating::onlyTheNewestClosedDialogIsRated()
{
    QVERIFY(start());
    const qint64 first = annaServesAndClosesADialog();
    QVERIFY(first > 0);

    // Writing again opens a new dialog; once that one is closed too, the old one is past rating.
    const qint64 second = openDialog(*m_visitor, u"One more thing"_s);
    QVERIFY(second > 0);
    QVERIFY(second != first);
    QVERIFY(isResult(m_visitor->request(u"dialog.close"_s)));
    const QJsonObject old = rate(rating(first, 5));
    QVERIFY2(!isResult(old), "an older dialog was rated");
    QVERIFY(isResult(rate(rating(second, 5))));

    QVERIFY(linesWithEvent(history(*m_anna, first), u"rating"_s).isEmpty());
    QTRY_COMPARE(latestDialog(*m_anna, second).value(u"rating").toObject().value(u"score").toInt(), 5);
    QVERIFY(latestDialog(*m_anna, first).value(u"rating").isNull());
}

void TestRating::onlyOperatorsWhoSeeTheDialogHearOfIt()
{
    QVERIFY(start({u"--hide-others-dialogs"_s, u"on"_s}));
    auto boris = loginOperator(server(), kBoris, u"invisible"_s); // not given new dialogs
    auto sam = loginOperator(server(), kSam, u"invisible"_s);     // supervisor: sees every dialog
    QVERIFY(boris && sam);
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);
    // Boris saw the dialog while it was unassigned; from Anna's answer on it is none of his business.
    QVERIFY(settle(server(), {boris.get()}));
    const qsizetype borisHeard = boris->events().size();

    QVERIFY(isResult(rate(rating(dialogId, 2, u"Slow"_s))));
    QTRY_COMPARE(latestDialog(*sam, dialogId).value(u"rating").toObject().value(u"score").toInt(), 2);
    QTRY_COMPARE(receivedLinesWithEvent(*sam, u"rating"_s).size(), 1);
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"rating").toObject().value(u"score").toInt(), 2);
    QVERIFY(settle(server(), {boris.get()}));
    for (const QJsonObject &event : boris->events().mid(borisHeard)) {
        const QJsonObject about = data(event);
        QVERIFY2(idOf(about.value(u"dialog").toObject().value(u"id")) != dialogId &&
                     idOf(about.value(u"message").toObject().value(u"dialogId")) != dialogId,
                 qPrintable(event.value(u"name").toString()));
    }
}

void TestRating::writingAfterTheRatingOpensANewDialog()
{
    QVERIFY(start());
    const qint64 dialogId = annaServesAndClosesADialog();
    QVERIFY(dialogId > 0);
    QVERIFY(isResult(rate(rating(dialogId, 5))));

    const qint64 next = openDialog(*m_visitor, u"Hello again"_s);
    QVERIFY(next > 0);
    QVERIFY(next != dialogId);
    QTRY_VERIFY(!latestDialog(*m_anna, next).isEmpty());
    QCOMPARE(latestDialog(*m_anna, next).value(u"state").toString(), u"waiting"_s);
    QVERIFY(latestDialog(*m_anna, next).value(u"rating").isNull());
    QCOMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"closed"_s);
}

QTEST_GUILESS_MAIN(TestRating)
#include "tst_rating.moc"
