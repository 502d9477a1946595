// SPDX-License-Identifier: GPL-3.0-or-later
// The template engine without a server: a TemplateLibrary over a LocalStore, fed through the same
// calls the OperatorSession makes (its requests caught by a transport, answers and events handed
// back), and the two models over it under QAbstractItemModelTester.
#include "LocalStore.h"
#include "TemplateLibrary.h"
#include "TemplateListModel.h"
#include "TemplateSuggestionModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::Template;
using protocol::TemplateScope;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);

Template makeTemplate(qint64 id, const QString &title, const QString &text, qint64 revision,
                      TemplateScope scope = TemplateScope::Shared, const QStringList &tags = {})
{
    Template t;
    t.id = id;
    t.scope = scope;
    t.ownerId = scope == TemplateScope::Personal ? 1 : 0;
    t.title = title;
    t.text = text;
    t.tags = tags;
    t.revision = revision;
    t.updatedAt = kT0.addSecs(revision);
    t.updatedBy = u"Anna"_s;
    return t;
}

QJsonObject syncAnswer(const QList<Template> &templates, qint64 revision)
{
    QJsonArray array;
    for (const auto &t : templates)
        array.append(t.toJson());
    return {{u"templates"_s, array}, {u"revision"_s, revision}};
}

struct SentRequest
{
    QString type;
    QJsonObject fields;
    qint64 subjectId = 0;
};

/// A LocalStore and a TemplateLibrary over it, with the requests it sends written down.
struct Engine
{
    std::unique_ptr<LocalStore> store;
    std::unique_ptr<TemplateLibrary> library;
    QList<SentRequest> sent;
    bool linked = true;

    bool open(const QString &path, qint64 operatorId = 1)
    {
        library.reset();
        sent.clear();
        linked = true;
        store = std::make_unique<LocalStore>();
        if (!store->open(path))
            return false;
        if (store->operatorInfo().id == 0)
            store->setOperatorInfo(me(operatorId));
        library = std::make_unique<TemplateLibrary>(store.get());
        library->setTransport([this](const QString &type, const QJsonObject &fields, qint64 subjectId) {
            if (!linked)
                return false;
            sent.append({type, fields, subjectId});
            return true;
        });
        return true;
    }
    static protocol::OperatorInfo me(qint64 id, QList<qint64> departments = {})
    {
        protocol::OperatorInfo info;
        info.id = id;
        info.name = u"Operator %1"_s.arg(id);
        info.departmentIds = departments;
        return info;
    }
    /// A login whose hello says \a serverRevision, answered (if it asks) with \a templates.
    void login(qint64 serverRevision, const QList<Template> &templates, bool resumed = false)
    {
        library->setServerRevision(serverRevision);
        library->linkUp(resumed);
        if (!sent.isEmpty() && sent.constLast().type == u"templates.sync") {
            const SentRequest sync = sent.takeLast();
            library->handleResult(sync.type, sync.subjectId, syncAnswer(templates, serverRevision));
        }
    }
};

QStringList titles(const QAbstractItemModel &model)
{
    QStringList list;
    for (int row = 0; row < model.rowCount(); ++row)
        list.append(model.index(row, 0).data().toString());
    return list;
}

} // namespace

class TestTemplateModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_engine.open(m_dir.filePath(u"store-%1.sqlite"_s.arg(++m_case))));
    }

    void firstLoginFetchesEverythingAndCachesIt();
    void laterLoginFetchesOnlyChanges();
    void anotherOperatorsCacheIsNeverShown();
    void departmentChangeStartsOver();
    void suggestionsFollowQueryAndLibrary();
    void suggestionsRankByUseAndUseIsKept();
    void listModelFollowsLibraryWithoutResets();
    void listModelStaysSortedUnderManyChanges();
    void requestsAndTheirFailures();

private:
    QTemporaryDir m_dir;
    Engine m_engine;
    int m_case = 0;
};

void TestTemplateModels::firstLoginFetchesEverythingAndCachesIt()
{
    QSignalSpy changed(m_engine.library.get(), &TemplateLibrary::changed);
    m_engine.library->setServerRevision(7);
    m_engine.library->linkUp(false);
    QCOMPARE(m_engine.sent.size(), 1);
    QCOMPARE(m_engine.sent.at(0).type, u"templates.sync"_s);
    QCOMPARE(m_engine.sent.at(0).fields.value(u"since").toInteger(), 0);
    const QList<Template> library{makeTemplate(1, u"Delivery"_s, u"We deliver in 2 days"_s, 3),
                                  makeTemplate(2, u"Оплата"_s, u"Оплатить можно картой"_s, 7, TemplateScope::Personal)};
    m_engine.library->handleResult(u"templates.sync"_s, 0, syncAnswer(library, 7));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_engine.library->all(), library);
    QCOMPARE(m_engine.library->revision(), 7);
    QCOMPARE(m_engine.library->index().size(), 2);

    // Restart with no network: the cache is the library.
    QVERIFY(m_engine.open(m_dir.filePath(u"store-%1.sqlite"_s.arg(m_case))));
    QCOMPARE(m_engine.library->all(), library);
    QCOMPARE(m_engine.library->revision(), 7);
    QCOMPARE(m_engine.library->find(2)->title, u"Оплата"_s);
    QVERIFY(!m_engine.library->find(3));
}

void TestTemplateModels::laterLoginFetchesOnlyChanges()
{
    m_engine.login(5, {makeTemplate(1, u"Delivery"_s, u"Two days"_s, 2), makeTemplate(2, u"Refund"_s, u"Ten days"_s, 5)});
    QCOMPARE(m_engine.library->all().size(), 2);

    // Same revision on the server: nothing to ask, resumed or not.
    m_engine.login(5, {});
    m_engine.library->linkDown();
    m_engine.library->linkUp(true);
    QVERIFY(m_engine.sent.isEmpty());
    m_engine.library->linkDown();

    // Behind: only what changed since 5 (an edit, a tombstone, a new one) — on a resumed session
    // too, since the admin CLI's changes come with no event to replay.
    m_engine.library->setServerRevision(9);
    m_engine.library->linkUp(true);
    QCOMPARE(m_engine.sent.size(), 1);
    QCOMPARE(m_engine.sent.at(0).fields.value(u"since").toInteger(), 5);
    Template gone = makeTemplate(2, {}, {}, 8);
    gone.deleted = true;
    QSignalSpy changed(m_engine.library.get(), &TemplateLibrary::changed);
    m_engine.library->handleResult(u"templates.sync"_s, 5,
                                   syncAnswer({makeTemplate(1, u"Delivery"_s, u"Three days"_s, 6), gone,
                                               makeTemplate(3, u"Hello"_s, u"Hi {visitor.name|there}"_s, 9)},
                                              9));
    QCOMPARE(changed.size(), 1); // one batch
    QCOMPARE(m_engine.library->find(1)->text, u"Three days"_s);
    QVERIFY(!m_engine.library->find(2));
    QVERIFY(m_engine.library->find(3));
    QCOMPARE(m_engine.library->revision(), 9);
    QCOMPARE(m_engine.store->templates(), m_engine.library->all());

    // A live event changes the template, not the cursor (CLI changes send no event: only a sync
    // proves nothing is missing); a late, older echo changes nothing.
    m_engine.library->applyEvent(makeTemplate(3, u"Hello"_s, u"Hello!"_s, 12));
    QCOMPARE(m_engine.library->find(3)->text, u"Hello!"_s);
    QCOMPARE(m_engine.library->revision(), 9);
    m_engine.library->applyEvent(makeTemplate(3, u"Hello"_s, u"old"_s, 10));
    QCOMPARE(m_engine.library->find(3)->text, u"Hello!"_s);
    QCOMPARE(m_engine.store->templates(), m_engine.library->all());
    // The next login asks from 9 again.
    m_engine.library->linkDown();
    m_engine.library->setServerRevision(12);
    m_engine.sent.clear();
    m_engine.library->linkUp(false);
    QCOMPARE(m_engine.sent.size(), 1);
    QCOMPARE(m_engine.sent.at(0).fields.value(u"since").toInteger(), 9);
}

void TestTemplateModels::anotherOperatorsCacheIsNeverShown()
{
    m_engine.login(4, {makeTemplate(1, u"Mine"_s, u"Personal text"_s, 4, TemplateScope::Personal)});
    m_engine.library->recordUse(1);
    QCOMPARE(m_engine.library->all().size(), 1);

    // Operator 2 logs in on this machine: operator 1's templates vanish at once, before the sync.
    QSignalSpy changed(m_engine.library.get(), &TemplateLibrary::changed);
    m_engine.library->linkDown();
    m_engine.library->setViewer(Engine::me(2));
    QVERIFY(m_engine.library->all().isEmpty());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_engine.library->usage(1).count, 0);
    m_engine.login(6, {makeTemplate(5, u"Theirs"_s, u"Text"_s, 6, TemplateScope::Personal)});
    QCOMPARE(m_engine.sent.size(), 0);
    QCOMPARE(m_engine.library->all().size(), 1);
    QCOMPARE(m_engine.library->find(5)->title, u"Theirs"_s);
    QVERIFY(!m_engine.library->find(1));
    // Operator 1's counts stay theirs.
    QCOMPARE(m_engine.store->templateUsage(1).size(), 1);
}

void TestTemplateModels::departmentChangeStartsOver()
{
    m_engine.login(3, {makeTemplate(1, u"Sales only"_s, u"x"_s, 3)});
    QVERIFY(m_engine.sent.isEmpty());
    // A status change is no reason to sync; new departments are.
    auto me = Engine::me(1);
    me.status = protocol::OperatorStatus::Online;
    m_engine.library->setViewer(me);
    QVERIFY(m_engine.sent.isEmpty());
    me.departmentIds = {4};
    m_engine.library->setViewer(me);
    QCOMPARE(m_engine.sent.size(), 1);
    QCOMPARE(m_engine.sent.at(0).fields.value(u"since").toInteger(), 0);
    const SentRequest sync = m_engine.sent.takeFirst();
    m_engine.library->handleResult(sync.type, sync.subjectId, syncAnswer({makeTemplate(2, u"Support"_s, u"y"_s, 3)}, 3));
    QCOMPARE(m_engine.library->all(), (QList<Template>{makeTemplate(2, u"Support"_s, u"y"_s, 3)}));
    // Synced for these departments now: the next login asks for nothing.
    m_engine.library->linkDown();
    m_engine.login(3, {});
    QVERIFY(m_engine.sent.isEmpty());
}

void TestTemplateModels::suggestionsFollowQueryAndLibrary()
{
    QList<Template> library;
    for (int i = 1; i <= 12; ++i)
        library.append(makeTemplate(i, u"Delivery %1"_s.arg(i), u"Shipping option %1"_s.arg(i), i));
    library.append(makeTemplate(20, u"Ёлки"_s, u"Новогодние ёлки в наличии"_s, 13));
    library.append(makeTemplate(21, u"Refund"_s, u"Money back in ten days"_s, 14, TemplateScope::Personal, {u"money"_s}));
    m_engine.login(14, library);

    TemplateSuggestionModel model(m_engine.library.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setQuery(u"d"_s); // one character: nothing yet
    QCOMPARE(model.rowCount(), 0);
    model.setQuery(u"deliv"_s);
    QCOMPARE(model.rowCount(), 8); // at most eight
    for (const QString &title : titles(model))
        QVERIFY2(title.startsWith(u"Delivery"), qPrintable(title));
    const QModelIndex first = model.index(0, 0);
    const auto spans = first.data(TemplateSuggestionModel::TitleSpansRole).value<QList<TextSpan>>();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.at(0).start, 0);
    QCOMPARE(spans.at(0).length, 5);
    QCOMPARE(first.data(TemplateSuggestionModel::ScopeRole).toString(), u"shared"_s);
    QVERIFY(first.data(TemplateSuggestionModel::IdRole).toLongLong() > 0);

    // ё and е are one letter, and the highlight is in the original text.
    model.setQuery(u"елки"_s);
    QCOMPARE(titles(model), QStringList{u"Ёлки"_s});
    QCOMPARE(model.index(0, 0).data(TemplateSuggestionModel::TextRole).toString(), u"Новогодние ёлки в наличии"_s);
    QVERIFY(!model.index(0, 0).data(TemplateSuggestionModel::TextSpansRole).value<QList<TextSpan>>().isEmpty());

    // The library changes under the query: a new match appears, a deleted one goes.
    model.setQuery(u"money"_s);
    QCOMPARE(titles(model), QStringList{u"Refund"_s});
    QCOMPARE(model.index(0, 0).data(TemplateSuggestionModel::TagsRole).toStringList(), QStringList{u"money"_s});
    m_engine.library->applyEvent(makeTemplate(30, u"Money transfer"_s, u"Bank details"_s, 15));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(titles(model).contains(u"Money transfer"_s));
    Template gone = makeTemplate(21, {}, {}, 16);
    gone.deleted = true;
    m_engine.library->applyEvent(gone);
    QCOMPARE(titles(model), QStringList{u"Money transfer"_s});
    QCOMPARE(model.templateAt(0)->text, u"Bank details"_s);
    model.setQuery({});
    QCOMPARE(model.rowCount(), 0);
}

void TestTemplateModels::suggestionsRankByUseAndUseIsKept()
{
    m_engine.login(2, {makeTemplate(1, u"Greeting one"_s, u"Hello"_s, 1), makeTemplate(2, u"Greeting two"_s, u"Hello"_s, 2)});
    TemplateSuggestionModel model(m_engine.library.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setQuery(u"greeting"_s);
    QCOMPARE(model.rowCount(), 2);
    const qint64 second = model.index(1, 0).data(TemplateSuggestionModel::IdRole).toLongLong();
    m_engine.library->recordUse(second);
    m_engine.library->recordUse(second);
    QCOMPARE(m_engine.library->usage(second).count, 2);
    QVERIFY(m_engine.library->usage(second).lastUsed.isValid());
    model.setQuery(u"greetin"_s);
    QCOMPARE(model.index(0, 0).data(TemplateSuggestionModel::IdRole).toLongLong(), second);

    // The counts are this machine's and survive a restart.
    QVERIFY(m_engine.open(m_dir.filePath(u"store-%1.sqlite"_s.arg(m_case))));
    QCOMPARE(m_engine.library->usage(second).count, 2);
    QCOMPARE(m_engine.library->usage(3 - second).count, 0);
}

void TestTemplateModels::listModelFollowsLibraryWithoutResets()
{
    m_engine.login(4, {makeTemplate(1, u"Delivery"_s, u"a"_s, 1), makeTemplate(2, u"apology"_s, u"b"_s, 2),
                       makeTemplate(3, u"Offer 10"_s, u"c"_s, 3), makeTemplate(4, u"Offer 2"_s, u"d"_s, 4),
                       makeTemplate(5, u"My own"_s, u"e"_s, 4, TemplateScope::Personal)});
    TemplateListModel shared(m_engine.library.get(), TemplateScope::Shared);
    TemplateListModel personal(m_engine.library.get(), TemplateScope::Personal);
    QAbstractItemModelTester sharedTester(&shared, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester personalTester(&personal, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(titles(shared), (QStringList{u"apology"_s, u"Delivery"_s, u"Offer 2"_s, u"Offer 10"_s}));
    QCOMPARE(titles(personal), QStringList{u"My own"_s});
    QCOMPARE(shared.index(1, 0).data(TemplateListModel::UpdatedByRole).toString(), u"Anna"_s);
    QCOMPARE(shared.index(1, 0).data(TemplateListModel::UpdatedAtRole).toDateTime(), kT0.addSecs(1));

    QSignalSpy resets(&shared, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&shared, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&shared, &QAbstractItemModel::rowsRemoved);
    QSignalSpy dataChanged(&shared, &QAbstractItemModel::dataChanged);

    // A new one lands in its place.
    m_engine.library->applyEvent(makeTemplate(6, u"Cancel order"_s, u"f"_s, 5));
    QCOMPARE(titles(shared), (QStringList{u"apology"_s, u"Cancel order"_s, u"Delivery"_s, u"Offer 2"_s, u"Offer 10"_s}));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(titles(personal), QStringList{u"My own"_s});

    // New text, same title: one row changed in place.
    m_engine.library->applyEvent(makeTemplate(1, u"Delivery"_s, u"new text"_s, 6));
    QCOMPARE(dataChanged.size(), 1);
    QCOMPARE(dataChanged.at(0).at(0).value<QModelIndex>().row(), 2);
    QCOMPARE(shared.index(2, 0).data(TemplateListModel::TextRole).toString(), u"new text"_s);

    // Retitled: it moves.
    m_engine.library->applyEvent(makeTemplate(2, u"Zebra"_s, u"b"_s, 7));
    QCOMPARE(titles(shared), (QStringList{u"Cancel order"_s, u"Delivery"_s, u"Offer 2"_s, u"Offer 10"_s, u"Zebra"_s}));

    // Deleted: removed.
    removed.clear();
    Template gone = makeTemplate(3, {}, {}, 8);
    gone.deleted = true;
    m_engine.library->applyEvent(gone);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(titles(shared), (QStringList{u"Cancel order"_s, u"Delivery"_s, u"Offer 2"_s, u"Zebra"_s}));

    // A sync batch: several at once, still no reset.
    m_engine.library->linkDown();
    m_engine.library->setServerRevision(12);
    m_engine.library->linkUp(false);
    const SentRequest sync = m_engine.sent.takeLast();
    Template gone2 = makeTemplate(6, {}, {}, 9);
    gone2.deleted = true;
    m_engine.library->handleResult(sync.type, sync.subjectId,
                                   syncAnswer({gone2, makeTemplate(7, u"Apples"_s, u"g"_s, 10),
                                               makeTemplate(8, u"Offer 3"_s, u"h"_s, 11),
                                               makeTemplate(4, u"Bananas"_s, u"d"_s, 12)},
                                              12));
    QCOMPARE(titles(shared), (QStringList{u"Apples"_s, u"Bananas"_s, u"Delivery"_s, u"Offer 3"_s, u"Zebra"_s}));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(shared.rowOf(8), 3);
    QCOMPARE(shared.templateAt(3)->text, u"h"_s);
}

void TestTemplateModels::listModelStaysSortedUnderManyChanges()
{
    m_engine.login(1, {});
    TemplateListModel live(m_engine.library.get(), TemplateScope::Shared);
    QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&live, &QAbstractItemModel::modelReset);
    QRandomGenerator random(5); // fixed: a failure replays
    const QStringList words{u"Доставка"_s, u"delivery"_s, u"Оплата"_s, u"Ёлки"_s, u"Offer"_s, u"apology"_s};
    const auto randomTitle = [&]() -> QString {
        return words.at(random.bounded(int(words.size()))) + u' ' + QString::number(random.bounded(40));
    };
    qint64 revision = 1;
    // Batches as a sync brings them (many at once, interleaved with what is there), then single events.
    for (int round = 0; round < 60; ++round) {
        QList<Template> batch;
        const int size = round < 3 ? 100 : round < 10 ? 25 : 1; // over 64: the list takes one linear pass
        for (int k = 0; k < size; ++k) {
            const qint64 id = 1 + random.bounded(round < 3 ? 200 : 60);
            ++revision;
            Template item = makeTemplate(id, randomTitle(), u"text %1"_s.arg(revision), revision);
            item.deleted = random.bounded(5) == 0;
            batch.append(item);
        }
        if (size > 1) {
            m_engine.library->linkDown();
            m_engine.library->setServerRevision(revision);
            m_engine.library->linkUp(false);
            const SentRequest sync = m_engine.sent.takeLast();
            m_engine.library->handleResult(sync.type, sync.subjectId, syncAnswer(batch, revision));
        } else {
            m_engine.library->applyEvent(batch.constFirst());
        }
        TemplateListModel fresh(m_engine.library.get(), TemplateScope::Shared);
        QCOMPARE(titles(live), titles(fresh));
        for (int row = 0; row < live.rowCount(); ++row)
            QCOMPARE(live.templateAt(row), fresh.templateAt(row));
    }
    QVERIFY(live.rowCount() > 10);
    QCOMPARE(resets.size(), 0);
}

void TestTemplateModels::requestsAndTheirFailures()
{
    m_engine.login(1, {makeTemplate(1, u"Delivery"_s, u"a"_s, 1, TemplateScope::Personal)});
    QSignalSpy failed(m_engine.library.get(), &TemplateLibrary::failed);
    QSignalSpy removed(m_engine.library.get(), &TemplateLibrary::removed);
    QSignalSpy history(m_engine.library.get(), &TemplateLibrary::historyReady);

    Template edit = *m_engine.library->find(1);
    edit.text = u"b"_s;
    m_engine.library->save(edit, 1);
    QCOMPARE(m_engine.sent.size(), 1);
    const QJsonObject fields = m_engine.sent.at(0).fields;
    QCOMPARE(fields.value(u"baseRevision").toInteger(), 1);
    QCOMPARE(fields.value(u"template").toObject().value(u"id").toInteger(), 1);
    QCOMPARE(fields.value(u"template").toObject().value(u"scope").toString(), u"personal"_s);
    QCOMPARE(fields.value(u"template").toObject().value(u"text").toString(), u"b"_s);

    // The answer carries what someone else wrote meanwhile.
    bool gotSaved = false;
    connect(m_engine.library.get(), &TemplateLibrary::saved, this,
            [&](const Template &item, const std::optional<Template> &overwrote) {
                gotSaved = true;
                QCOMPARE(item.text, u"b"_s);
                QVERIFY(overwrote);
                QCOMPARE(overwrote->text, u"theirs"_s);
            });
    Template stored = makeTemplate(1, u"Delivery"_s, u"b"_s, 3, TemplateScope::Personal);
    m_engine.library->handleResult(u"template.save"_s, 1,
                                   {{u"template"_s, stored.toJson()},
                                    {u"overwrote"_s, makeTemplate(1, u"Delivery"_s, u"theirs"_s, 2, TemplateScope::Personal).toJson()}});
    QVERIFY(gotSaved);
    QCOMPARE(m_engine.library->find(1)->text, u"b"_s);

    m_engine.library->requestHistory(1);
    m_engine.library->handleResult(u"template.history"_s, 1,
                                   {{u"versions"_s, QJsonArray{makeTemplate(1, u"Delivery"_s, u"theirs"_s, 2).toJson()}}});
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).at(0).toLongLong(), 1);

    // A refusal is passed on with the server's words.
    m_engine.library->save(makeTemplate(0, u"Delivery"_s, u"dup"_s, 0, TemplateScope::Personal));
    QVERIFY(!m_engine.sent.constLast().fields.value(u"template").toObject().contains(u"id"));
    m_engine.library->handleError(u"template.save"_s, 0, ErrorCode::BadRequest, u"A template with this title already exists"_s);
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), u"template.save"_s);
    QCOMPARE(failed.at(0).at(1).value<ErrorCode>(), ErrorCode::BadRequest);

    // The link drops with a delete on its way: it fails, and the template stays.
    m_engine.library->remove(1);
    m_engine.library->linkDown();
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed.at(1).at(0).toString(), u"template.delete"_s);
    QCOMPARE(failed.at(1).at(1).value<ErrorCode>(), ErrorCode::NotAuthenticated);
    QVERIFY(m_engine.library->find(1));

    // No link at all: said at once.
    m_engine.linked = false;
    m_engine.library->remove(1);
    QCOMPARE(failed.size(), 3);
    m_engine.linked = true;
    m_engine.library->remove(1);
    m_engine.library->handleResult(u"template.delete"_s, 1, {});
    QCOMPARE(removed.size(), 1);
    QVERIFY(!m_engine.library->find(1));
    QVERIFY(m_engine.store->templates().isEmpty());
}

QTEST_GUILESS_MAIN(TestTemplateModels)
#include "tst_template_models.moc"
