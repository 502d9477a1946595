// SPDX-License-Identifier: GPL-3.0-or-later
// Request contact info (docs/protocol.md, "Dialog actions"): the operator's one click shows the
// visitor a form; what the visitor gives is checked, stored on the visitor, written into the dialog
// and pinned in every operator's app; giving it again replaces it; bad input changes nothing.
#include "ServerTestKit.h"

#include <QStandardPaths>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace testkit;

namespace {

const QString kAnna = u"anna@example.com"_s;
const QString kBoris = u"boris@example.com"_s;

QJsonObject contactFields(const QString &name, const QString &email, const QString &phone)
{
    return {{u"name"_s, name}, {u"email"_s, email}, {u"phone"_s, phone}};
}

/// The three fields of a `contact` (or a contact.given line's `meta`), for comparing with
/// contactFields() whatever else the server adds.
QJsonObject contactOf(const QJsonObject &object)
{
    return contactFields(object.value(u"name").toString(), object.value(u"email").toString(),
                         object.value(u"phone").toString());
}

/// How many `visitor.updated` about \a visitorId \a op has received.
qsizetype updatesAbout(const RawProtocolClient &op, qint64 visitorId)
{
    const QList<QJsonObject> updates = eventData(op, u"visitor.updated"_s);
    return std::count_if(updates.cbegin(), updates.cend(), [&](const QJsonObject &update) {
        return idOf(update.value(u"visitor").toObject().value(u"id")) == visitorId;
    });
}

} // namespace

class TestContactRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void requestShowsTheVisitorTheForm();
    void givenDetailsArePinnedOnTheVisitor();
    void detailsOfEveryValidShapeAreKept_data();
    void detailsOfEveryValidShapeAreKept();
    void invalidDetailsChangeNothing_data();
    void invalidDetailsChangeNothing();
    void givingThemAgainReplacesThem();
    void detailsGivenAfterTheDialogClosedStayOnTheVisitor();
    void requestNeedsADialogTheOperatorCanChange();

private:
    ServerProcess &server() { return *m_server; }
    /// Anna (Online) is given a new visitor's dialog and answers it; sets m_anna, m_visitor and
    /// m_visitorId; returns the dialog id (0 on failure).
    qint64 annaAnswersAVisitor();
    /// Anna asks for the contact details and the visitor's widget is told to show the form.
    bool annaAsksForContact(qint64 dialogId);
    QJsonObject submit(const QJsonObject &fields) { return m_visitor->request(u"contact.submit"_s, fields); }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_visitor;
    qint64 m_visitorId = 0;
};

void TestContactRequest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestContactRequest::init()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(createOperator(server(), kAnna, u"Anna"_s));
    QVERIFY(createOperator(server(), kBoris, u"Boris"_s));
    QVERIFY2(server().start({u"--max-dialogs"_s, u"10"_s}), qPrintable(server().output()));
}

void TestContactRequest::cleanup()
{
    if (QTest::currentTestFailed())
        qInfo().noquote() << "server output:\n" << server().output();
    m_anna.reset();
    m_visitor.reset();
    m_server.reset();
}

qint64 TestContactRequest::annaAnswersAVisitor()
{
    QJsonObject annaHello;
    m_anna = loginOperator(server(), kAnna, u"online"_s, &annaHello);
    QJsonObject visitorHello;
    m_visitor = connectVisitor(server(), &visitorHello);
    if (!m_anna || !m_visitor)
        return 0;
    m_visitorId = idOf(visitorHello.value(u"visitorId"));
    const qint64 annaId = idOf(annaHello.value(u"operator").toObject().value(u"id"));
    const qint64 dialogId = openDialog(*m_visitor, u"Can you call me about the sofa?"_s);
    if (dialogId == 0 || waitAssigned(*m_anna, dialogId) != annaId ||
        !isResult(operatorSend(*m_anna, dialogId, u"Sure, how can we reach you?"_s)))
        return 0;
    return dialogId;
}

bool TestContactRequest::annaAsksForContact(qint64 dialogId)
{
    const QJsonObject reply = m_anna->request(u"contact.request"_s, {{u"dialogId"_s, dialogId}});
    if (!isResult(reply)) {
        qWarning() << "contact.request failed" << reply;
        return false;
    }
    const QJsonObject asked = m_visitor->waitEvent(u"contact.requested"_s);
    return idOf(data(asked).value(u"dialogId")) == dialogId;
}

void TestContactRequest::requestShowsTheVisitorTheForm()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto bystander = connectVisitor(server());
    QVERIFY(bystander);
    QVERIFY(openDialog(*bystander, u"Just browsing"_s) > 0);

    const QJsonObject reply = m_anna->request(u"contact.request"_s, {{u"dialogId"_s, dialogId}});
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));

    // The visitor's widget is told to show the form, for this dialog.
    const QJsonObject asked = m_visitor->waitEvent(u"contact.requested"_s);
    QVERIFY2(!asked.isEmpty(), "the visitor was not asked for contact details");
    QCOMPARE(idOf(data(asked).value(u"dialogId")), dialogId);

    // The history says that it was asked, last; Anna's app got the line live.
    const QList<QJsonObject> lines = history(*m_anna, dialogId);
    QCOMPARE(linesWithEvent(lines, u"contact.requested"_s).size(), 1);
    QCOMPARE(lines.last().value(u"event").toString(), u"contact.requested"_s);
    QCOMPARE(lines.last().value(u"author").toString(), u"system"_s);
    QTRY_COMPARE(receivedLinesWithEvent(*m_anna, u"contact.requested"_s).size(), 1);

    // Nobody else is asked (a round trip: anything sent to the bystander before has arrived).
    QVERIFY(isResult(bystander->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(eventData(*bystander, u"contact.requested"_s).isEmpty());
}

void TestContactRequest::givenDetailsArePinnedOnTheVisitor()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris); // another operator's app, open at the time
    QVERIFY(boris);
    QVERIFY(annaAsksForContact(dialogId));

    const QJsonObject given = contactFields(u"Eve Adams"_s, u"eve@example.com"_s, u"+1 (555) 010-0100"_s);
    const QJsonObject reply = submit(given);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));

    // Every operator's app gets the visitor with the details pinned.
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), given);
    QTRY_COMPARE(contactOf(latestVisitor(*boris, m_visitorId).value(u"contact"_s).toObject()), given);

    // The dialog's history holds them, after the request.
    const QList<QJsonObject> lines = history(*m_anna, dialogId);
    const QList<QJsonObject> givenLines = linesWithEvent(lines, u"contact.given"_s);
    QCOMPARE(givenLines.size(), 1);
    QCOMPARE(lines.last(), givenLines.first());
    QCOMPARE(contactOf(givenLines.first().value(u"meta").toObject()), given);
    QTRY_COMPARE(receivedLinesWithEvent(*m_anna, u"contact.given"_s).size(), 1);

    // Stored: an app that logs in later, even after a server restart, finds them on the visitor.
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &hello));
    QCOMPARE(contactOf(snapshotVisitor(hello, m_visitorId).value(u"contact"_s).toObject()), given);
    QVERIFY(server().restart());
    QVERIFY(loginOperator(server(), kAnna, u"online"_s, &hello));
    QCOMPARE(contactOf(snapshotVisitor(hello, m_visitorId).value(u"contact"_s).toObject()), given);
}

void TestContactRequest::detailsOfEveryValidShapeAreKept_data()
{
    QTest::addColumn<QJsonObject>("given");
    QTest::newRow("email only") << contactFields({}, u"eve@example.com"_s, {});
    QTest::newRow("phone only") << contactFields({}, {}, u"+7 (495) 123-45-67"_s);
    QTest::newRow("name and plain phone") << contactFields(u"Eve"_s, {}, u"555 0100"_s);
    QTest::newRow("200-character name") << contactFields(QString(200, u'n'), u"eve@example.com"_s, {});
    QTest::newRow("markup kept as text")
        << contactFields(u"<b>Eve</b> & \"co\""_s, u"eve+shop@example.co.uk"_s, {});
}

void TestContactRequest::detailsOfEveryValidShapeAreKept()
{
    QFETCH(QJsonObject, given);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(annaAsksForContact(dialogId));

    const QJsonObject reply = submit(given);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), given);
    const QList<QJsonObject> givenLines = linesWithEvent(history(*m_anna, dialogId), u"contact.given"_s);
    QCOMPARE(givenLines.size(), 1);
    QCOMPARE(contactOf(givenLines.first().value(u"meta").toObject()), given);
}

void TestContactRequest::invalidDetailsChangeNothing_data()
{
    QTest::addColumn<QJsonObject>("fields");
    QTest::newRow("malformed email") << contactFields(u"Mallory"_s, u"mallory.example.com"_s, {});
    QTest::newRow("neither email nor phone") << contactFields(u"Mallory"_s, {}, {});
    QTest::newRow("nothing at all") << contactFields({}, {}, {});
    QTest::newRow("phone with letters") << contactFields(u"Mallory"_s, {}, u"+1 555 CALL-NOW"_s);
    QTest::newRow("201-character name") << contactFields(QString(201, u'n'), u"m@example.com"_s, {});
    QTest::newRow("201-character email")
        << contactFields(u"Mallory"_s, QString(189, u'm') + u"@example.com"_s, {});
    QTest::newRow("201-character phone") << contactFields(u"Mallory"_s, {}, QString(201, u'5'));
    QTest::newRow("phone as a number")
        << QJsonObject{{u"name"_s, u"Mallory"_s}, {u"email"_s, u""_s}, {u"phone"_s, 5550100}};
}

void TestContactRequest::invalidDetailsChangeNothing()
{
    QFETCH(QJsonObject, fields);
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(annaAsksForContact(dialogId));
    // Details given earlier, which a bad second answer must not touch.
    const QJsonObject earlier = contactFields(u"Eve"_s, u"eve@example.com"_s, {});
    QVERIFY(isResult(submit(earlier)));
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), earlier);
    const qsizetype updates = updatesAbout(*m_anna, m_visitorId);
    const QList<QJsonObject> before = history(*m_anna, dialogId);

    QCOMPARE(errorCode(submit(fields)), u"bad_request"_s);

    QCOMPARE(history(*m_anna, dialogId), before);
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &hello));
    QCOMPARE(contactOf(snapshotVisitor(hello, m_visitorId).value(u"contact"_s).toObject()), earlier);
    QVERIFY(settle(server(), {m_anna.get()}));
    QCOMPARE(updatesAbout(*m_anna, m_visitorId), updates);
}

void TestContactRequest::givingThemAgainReplacesThem()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(annaAsksForContact(dialogId));
    const QJsonObject first = contactFields(u"Eve"_s, u"eve@example.com"_s, {});
    QVERIFY(isResult(submit(first)));
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), first);

    QVERIFY(annaAsksForContact(dialogId));
    const QJsonObject second = contactFields(u"Eve Adams"_s, {}, u"+1 555 0100"_s);
    const QJsonObject reply = submit(second);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));

    // The new details replace the old ones, email included (it was left empty this time).
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), second);
    QJsonObject hello;
    QVERIFY(loginOperator(server(), kBoris, u"online"_s, &hello));
    QCOMPARE(contactOf(snapshotVisitor(hello, m_visitorId).value(u"contact"_s).toObject()), second);
    // Both answers stay in the history, each as it was given.
    const QList<QJsonObject> givenLines = linesWithEvent(history(*m_anna, dialogId), u"contact.given"_s);
    QCOMPARE(givenLines.size(), 2);
    QCOMPARE(contactOf(givenLines.at(0).value(u"meta").toObject()), first);
    QCOMPARE(contactOf(givenLines.at(1).value(u"meta").toObject()), second);
}

void TestContactRequest::detailsGivenAfterTheDialogClosedStayOnTheVisitor()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    QVERIFY(annaAsksForContact(dialogId));
    QVERIFY(isResult(m_visitor->request(u"dialog.close"_s)));
    QTRY_COMPARE(latestDialog(*m_anna, dialogId).value(u"state").toString(), u"closed"_s);
    const QList<QJsonObject> before = history(*m_anna, dialogId);

    // The form was still on screen: the answer is kept on the visitor, the closed dialog untouched.
    const QJsonObject given = contactFields(u"Eve"_s, {}, u"555 0100"_s);
    const QJsonObject reply = submit(given);
    QVERIFY2(isResult(reply), qPrintable(errorCode(reply)));
    QTRY_COMPARE(contactOf(latestVisitor(*m_anna, m_visitorId).value(u"contact"_s).toObject()), given);
    QCOMPARE(history(*m_anna, dialogId), before);
}

void TestContactRequest::requestNeedsADialogTheOperatorCanChange()
{
    const qint64 dialogId = annaAnswersAVisitor();
    QVERIFY(dialogId > 0);
    auto boris = loginOperator(server(), kBoris);
    QVERIFY(boris);
    const QList<QJsonObject> before = history(*m_anna, dialogId);
    const auto ask = [](RawProtocolClient &op, const QJsonObject &fields) {
        return errorCode(op.request(u"contact.request"_s, fields));
    };

    QCOMPARE(ask(*m_anna, {}), u"bad_request"_s);
    QCOMPARE(ask(*m_anna, {{u"dialogId"_s, u"the sofa one"_s}}), u"bad_request"_s);
    QCOMPARE(ask(*m_anna, {{u"dialogId"_s, 999999}}), u"not_found"_s);
    // Boris sees Anna's dialog (hide-others-dialogs is off) but may not act on it.
    QCOMPARE(ask(*boris, {{u"dialogId"_s, dialogId}}), u"forbidden"_s);
    // Offline operators act on nothing.
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"offline"_s}})));
    QCOMPARE(ask(*m_anna, {{u"dialogId"_s, dialogId}}), u"forbidden"_s);
    QVERIFY(isResult(m_anna->request(u"status.set"_s, {{u"status"_s, u"online"_s}})));
    QCOMPARE(history(*m_anna, dialogId), before);
    // A round trip: anything sent to the visitor before has arrived.
    QVERIFY(isResult(m_visitor->request(u"page.view"_s, {{u"url"_s, u"https://shop.example/"_s}})));
    QVERIFY(eventData(*m_visitor, u"contact.requested"_s).isEmpty());

    // A closed dialog is over.
    QVERIFY(isResult(m_anna->request(u"dialog.close"_s, {{u"dialogId"_s, dialogId}})));
    QCOMPARE(ask(*m_anna, {{u"dialogId"_s, dialogId}}), u"forbidden"_s);
}

QTEST_GUILESS_MAIN(TestContactRequest)
#include "tst_contact_request.moc"
