// SPDX-License-Identifier: GPL-3.0-or-later
// The server's history search (history.search, the HTTP API) over 300,000 lines, through
// HistoryRepository directly on a real server database (Database::open runs the migrations). The
// rows are written with SQL, then HistorySearchIndex::fillExisting indexes them as migration 6
// does (its throughput is printed too). Searches of each kind run as a supervisor, as an operator
// with ~1,900 dialogs and as a new operator with three, limit 50 with snippets, as history.search
// answers them. Figures only: the run fails only if a search answers other dialogs than a plain
// scan of the generated dialogs finds (checked for each query's first and second page).
#include "Database.h"
#include "HistoryRepository.h"
#include "HistorySearchIndex.h"
#include "protocol/HistoryText.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace concierge;
using namespace concierge::server;
using namespace Qt::StringLiterals;
namespace HistoryText = protocol::HistoryText;

namespace {

constexpr int kDialogs = 15000;
constexpr int kLinesPerDialog = 20;
constexpr int kOperators = 8;       // ids 1..8 share the dialogs; id 9 is new (three dialogs)
constexpr qint64 kNewOperator = kOperators + 1;
constexpr int kCategories = 6;
constexpr int kSearchesPerKind = 20;
const QDateTime kStart = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);

// Words in rough order of frequency: the generator draws the first ones far more often.
const QStringList kRussian{
    u"здравствуйте"_s, u"заказ"_s, u"спасибо"_s, u"доставка"_s, u"пожалуйста"_s, u"подскажите"_s, u"можно"_s,
    u"оплата"_s, u"когда"_s, u"сегодня"_s, u"номер"_s, u"заказа"_s, u"курьер"_s, u"адрес"_s, u"ещё"_s,
    u"вопрос"_s, u"товар"_s, u"возврат"_s, u"деньги"_s, u"карта"_s, u"приедет"_s, u"завтра"_s, u"удобно"_s,
    u"пришёл"_s, u"размер"_s, u"цвет"_s, u"зелёный"_s, u"чёрный"_s, u"скидка"_s, u"промокод"_s, u"гарантия"_s,
    u"магазин"_s, u"самовывоз"_s, u"пункт"_s, u"выдачи"_s, u"телефон"_s, u"почта"_s, u"письмо"_s, u"счёт"_s,
    u"фактура"_s, u"договор"_s, u"юрлицо"_s, u"остаток"_s, u"склад"_s, u"ожидание"_s, u"отмена"_s,
    u"ёлка"_s, u"гирлянда"_s, u"чайник"_s, u"пылесос"_s, u"холодильник"_s, u"смартфон"_s, u"наушники"_s};
const QStringList kEnglish{u"hello"_s, u"order"_s, u"thanks"_s, u"delivery"_s, u"please"_s, u"where"_s,
                           u"payment"_s, u"today"_s, u"courier"_s, u"address"_s, u"refund"_s, u"tracking"_s,
                           u"invoice"_s, u"discount"_s, u"warranty"_s, u"café"_s, u"kettle"_s, u"fridge"_s};
const QStringList kFirstNames{u"Анна"_s, u"Мария"_s, u"Ольга"_s, u"Пётр"_s, u"Иван"_s, u"Фёдор"_s, u"John"_s, u"Emily"_s};
const QStringList kLastNames{u"Петрова"_s, u"Иванов"_s, u"Смирнова"_s, u"Соловьёва"_s, u"Smith"_s, u"Brown"_s};

/// A generated dialog as the scan that checks the answers sees it.
struct Expected
{
    qint64 id = 0;
    qint64 operatorId = 0;
    QList<qint64> lineOperators; // who wrote operator lines
    qint64 categoryId = 0;
    int rating = 0;
    QString names;               // HistorySearchIndex::namesText
    QStringList lines;
};

/// A fixed-seed generator: the same database on every run.
class Generator
{
public:
    std::mt19937_64 random{20261122};

    int below(int n) { return int(random() % quint64(n)); }
    const QString &skewed(const QStringList &words)
    {
        const double u = std::uniform_real_distribution<double>(0, 1)(random);
        return words.at(std::min(qsizetype(u * u * u * double(words.size())), words.size() - 1));
    }
    QString sentence(bool russian)
    {
        const QStringList &words = russian ? kRussian : kEnglish;
        QString text;
        const int count = 3 + below(10);
        for (int w = 0; w < count; ++w) {
            if (w > 0)
                text += below(8) == 0 ? u", "_s : u" "_s;
            text += below(30) == 0 ? u"№%1"_s.arg(100000 + below(900000)) : skewed(words);
        }
        return text;
    }
};

bool exec(QSqlQuery &query)
{
    if (query.exec())
        return true;
    std::fprintf(stderr, "SQL failed: %s\n", qPrintable(query.lastError().text()));
    return false;
}

/// Writes the rows with SQL (statements prepared once) and returns what was written.
std::vector<Expected> fill(QSqlDatabase db)
{
    Generator gen;
    std::vector<Expected> dialogs;
    QSqlQuery setup(db);
    setup.exec(u"INSERT INTO departments (id, name, created_at) VALUES (1, 'Sales', '2024-01-01T00:00:00.000Z')"_s);
    for (int c = 1; c <= kCategories; ++c)
        setup.exec(u"INSERT INTO categories (id, name, created_at) VALUES (%1, 'Category %1', '2024-01-01T00:00:00.000Z')"_s.arg(c));
    for (int o = 1; o <= kNewOperator; ++o)
        setup.exec(u"INSERT INTO operators (id, email, name, password_hash, created_at) "
                   "VALUES (%1, 'op%1@example.com', 'Operator %1', 'x', '2024-01-01T00:00:00.000Z')"_s.arg(o));
    QSqlQuery visitor(db), dialog(db), line(db);
    visitor.prepare(u"INSERT INTO visitors (id, token_hash, name, first_seen, last_seen, contact) VALUES (?, ?, ?, ?, ?, ?)"_s);
    dialog.prepare(u"INSERT INTO dialogs (id, visitor_id, operator_id, state, created_at, closed_at, department_id, "
                   "category_id, rating_score, offline_contact) VALUES (?, ?, ?, 'closed', ?, ?, 1, ?, ?, ?)"_s);
    line.prepare(u"INSERT INTO messages (cid, dialog_id, author, operator_id, author_name, text, at) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (qint64 id = 1; id <= kDialogs; ++id) {
        Expected item;
        item.id = id;
        // The new operator has three dialogs only, long ago.
        item.operatorId = (id == 100 || id == 200 || id == 300) ? kNewOperator : 1 + gen.below(kOperators);
        item.categoryId = gen.below(3) == 0 ? 1 + gen.below(kCategories) : 0;
        item.rating = gen.below(4) == 0 ? 1 + gen.below(5) : 0;
        const bool russian = gen.below(3) != 0;
        const QDateTime start = kStart.addSecs(id * 1800);
        const QString startText = start.toString(Qt::ISODateWithMs);
        QString name = u"Visitor %1"_s.arg(id);
        if (gen.below(5) < 2)
            name = gen.skewed(kFirstNames) + u' ' + gen.skewed(kLastNames);
        std::optional<protocol::ContactDetails> contact, offline;
        if (gen.below(5) == 0)
            contact = protocol::ContactDetails{name, u"client%1@example.com"_s.arg(id), u"+7 900 %1"_s.arg(1000000 + id)};
        if (gen.below(20) == 0)
            offline = protocol::ContactDetails{gen.skewed(kFirstNames), u"form%1@example.org"_s.arg(id), QString()};
        item.names = HistorySearchIndex::namesText(name, id, contact, offline);
        const auto json = [](const std::optional<protocol::ContactDetails> &details) {
            return details ? QVariant(QJsonDocument(details->toJson()).toJson(QJsonDocument::Compact)) : QVariant();
        };
        visitor.bindValue(0, id);
        visitor.bindValue(1, u"token%1"_s.arg(id));
        visitor.bindValue(2, name);
        visitor.bindValue(3, startText);
        visitor.bindValue(4, startText);
        visitor.bindValue(5, json(contact));
        dialog.bindValue(0, id);
        dialog.bindValue(1, id);
        dialog.bindValue(2, item.operatorId);
        dialog.bindValue(3, startText);
        dialog.bindValue(4, start.addSecs(kLinesPerDialog * 30).toString(Qt::ISODateWithMs));
        dialog.bindValue(5, item.categoryId > 0 ? QVariant(item.categoryId) : QVariant());
        dialog.bindValue(6, item.rating > 0 ? QVariant(item.rating) : QVariant());
        dialog.bindValue(7, json(offline));
        if (!exec(visitor) || !exec(dialog))
            return {};
        // One dialog in ten was answered first by someone else, then transferred.
        const qint64 firstOperator = gen.below(10) == 0 ? 1 + gen.below(kOperators) : item.operatorId;
        for (int n = 0; n < kLinesPerDialog; ++n) {
            const bool fromVisitor = n % 2 == 0;
            const qint64 writer = n < kLinesPerDialog / 2 ? firstOperator : item.operatorId;
            const QString text = gen.sentence(russian);
            line.bindValue(0, u"c%1-%2"_s.arg(id).arg(n));
            line.bindValue(1, id);
            line.bindValue(2, fromVisitor ? u"visitor"_s : u"operator"_s);
            line.bindValue(3, fromVisitor ? QVariant() : QVariant(writer));
            line.bindValue(4, fromVisitor ? name : u"Operator"_s);
            line.bindValue(5, text);
            line.bindValue(6, start.addSecs(n * 30).toString(Qt::ISODateWithMs));
            if (!exec(line))
                return {};
            if (!fromVisitor)
                item.lineOperators.append(writer);
            item.lines.append(text);
        }
        dialogs.push_back(std::move(item));
    }
    return dialogs;
}

/// What history.search must answer, by a plain scan: ids newest first, at most \a limit.
QList<qint64> scan(const std::vector<Expected> &dialogs, const HistoryRepository::Viewer &viewer, const QString &queryText,
                   const protocol::HistoryFilter &filter, qint64 before, int limit)
{
    const HistoryText::Query query = HistoryText::parse(queryText);
    QList<qint64> ids;
    for (auto it = dialogs.crbegin(); it != dialogs.crend() && ids.size() < limit; ++it) {
        if (before > 0 && it->id >= before)
            continue;
        if (!viewer.seesAll && it->operatorId != viewer.operatorId && !it->lineOperators.contains(viewer.operatorId))
            continue;
        if ((filter.categoryId > 0 && it->categoryId != filter.categoryId) || (filter.rating > 0 && it->rating != filter.rating))
            continue;
        const QDateTime start = kStart.addSecs(it->id * 1800);
        if ((filter.from.isValid() && start < filter.fromInstant()) || (filter.to.isValid() && start >= filter.toInstantExclusive()))
            continue;
        bool hit = HistoryText::matches(it->names, query);
        for (qsizetype n = 0; !hit && n < it->lines.size(); ++n)
            hit = HistoryText::matches(it->lines.at(n), query);
        if (hit)
            ids.append(it->id);
    }
    return ids;
}

struct Kind
{
    const char *name;
    QStringList queries;
    protocol::HistoryFilter filter;
};

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, size_t(p * double(values.size()))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    Database database;
    QString error;
    if (!dir.isValid() || !database.open(dir.filePath(u"concierge.sqlite"_s), &error)) {
        std::fprintf(stderr, "cannot open the database: %s\n", qPrintable(error));
        return 1;
    }
    QSqlDatabase db = database.handle();
    QElapsedTimer timer;
    timer.start();
    database.transaction();
    const std::vector<Expected> dialogs = fill(db);
    if (dialogs.empty() || !database.commit())
        return 1;
    const qint64 fillMs = timer.elapsed();
    timer.restart();
    // Indexed as migration 6 indexes an existing database.
    database.transaction();
    if (!HistorySearchIndex::fillExisting(db, &error) || !database.commit()) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const qint64 indexMs = timer.elapsed();
    const qint64 lines = qint64(kDialogs) * kLinesPerDialog;
    std::printf("server history search bench (%s build): %d dialogs, %lld lines; rows written in %lld ms; "
                "indexed (migration 6's fill) in %lld ms = %.0f lines/s; database %.1f MB\n",
                CONCIERGE_BENCH_BUILD_TYPE, kDialogs, lines, fillMs, indexMs, double(lines) * 1000.0 / double(std::max<qint64>(indexMs, 1)),
                double(QFileInfo(dir.filePath(u"concierge.sqlite"_s)).size() + QFileInfo(dir.filePath(u"concierge.sqlite-wal"_s)).size()) / 1e6);

    protocol::HistoryFilter category;
    category.categoryId = 2;
    protocol::HistoryFilter rated;
    rated.rating = 5;
    protocol::HistoryFilter month;
    month.from = kStart.addDays(200).date();
    month.to = kStart.addDays(230).date();
    const QList<Kind> kinds{
        {"rare word", {u"холодильник"_s, u"гирлянда"_s, u"fridge"_s, u"warranty"_s, u"наушники"_s}, {}},
        {"1-letter prefix", {u"з"_s, u"п"_s, u"d"_s, u"с"_s, u"t"_s}, {}},
        {"2-letter prefix", {u"за"_s, u"до"_s, u"or"_s, u"пр"_s, u"th"_s}, {}},
        {"3-letter prefix", {u"зак"_s, u"дос"_s, u"ord"_s, u"спа"_s, u"ели"_s}, {}},
        {"4+ letter prefix", {u"зака"_s, u"дост"_s, u"orde"_s, u"гаран"_s, u"гирл"_s}, {}},
        {"two words", {u"заказ доставка"_s, u"order refund"_s, u"ёлка зелёный"_s, u"курьер завтра"_s, u"hello kettle"_s}, {}},
        {"number", {u"1234"_s, u"55"_s, u"9999"_s, u"31"_s, u"77777"_s}, {}},
        {"name/contact", {u"ольга"_s, u"smith"_s, u"петрова"_s, u"client77"_s, u"form"_s}, {}},
        {"word + category", {u"заказ"_s, u"спасибо"_s, u"order"_s, u"ёлка"_s, u"п"_s}, category},
        {"word + rating 5", {u"спасибо"_s, u"доставка"_s, u"thanks"_s, u"чайник"_s, u"з"_s}, rated},
        {"word + a month", {u"заказ"_s, u"холодильник"_s, u"order"_s, u"ольга"_s, u"д"_s}, month},
    };
    const QList<std::pair<const char *, HistoryRepository::Viewer>> viewers{
        {"supervisor", HistoryRepository::Viewer::everything()},
        {"operator 3", {3, false}},
        {"new operator", {kNewOperator, false}},
    };
    HistoryRepository history(db);
    bool allRight = true;
    std::vector<double> every;
    // "ids p50/p95": searchIds alone — finding the dialogs, without building the hits' visitors
    // and snippets.
    std::printf("%-18s %-13s %8s %8s %8s %8s %8s\n", "kind", "viewer", "p50 ms", "p95 ms", "max ms", "ids p50", "ids p95");
    for (const Kind &kind : kinds) {
        for (const auto &[viewerName, viewer] : viewers) {
            std::vector<double> times, idTimes;
            for (int i = 0; i < kSearchesPerKind; ++i) {
                const QString &query = kind.queries.at(i % kind.queries.size());
                // Every other search asks for the second page, as scrolling does.
                qint64 before = 0;
                if (i % 2 == 1) {
                    const auto first = history.search(viewer, query, kind.filter, 0, 50);
                    before = first.nextBeforeId;
                }
                QElapsedTimer one;
                one.start();
                const auto page = history.search(viewer, query, kind.filter, before, 50);
                times.push_back(double(one.nsecsElapsed()) / 1e6);
                one.restart();
                history.searchIds(viewer, query, kind.filter, 51, before);
                idTimes.push_back(double(one.nsecsElapsed()) / 1e6);
                if (i < kind.queries.size() * 2) { // each query's first and second page
                    QList<qint64> got;
                    for (const auto &hit : page.hits)
                        got.append(hit.dialog.dialog.id);
                    const QList<qint64> want = scan(dialogs, viewer, query, kind.filter, before, 50);
                    if (got != want) {
                        allRight = false;
                        std::fprintf(stderr, "WRONG: %s as %s, \"%s\" below %lld: %lld dialogs, expected %lld (first %lld vs %lld)\n",
                                     kind.name, viewerName, qPrintable(query), before, qint64(got.size()), qint64(want.size()),
                                     got.isEmpty() ? 0 : got.first(), want.isEmpty() ? 0 : want.first());
                    }
                }
            }
            every.insert(every.end(), times.begin(), times.end());
            std::printf("%-18s %-13s %8.2f %8.2f %8.2f %8.2f %8.2f\n", kind.name, viewerName, percentile(times, 0.5),
                        percentile(times, 0.95), *std::max_element(times.begin(), times.end()),
                        percentile(idTimes, 0.5), percentile(idTimes, 0.95));
        }
    }
    std::printf("all %zu searches: p50 %.2f ms, p95 %.2f ms, max %.2f ms\n", every.size(), percentile(every, 0.5),
                percentile(every, 0.95), *std::max_element(every.begin(), every.end()));
    // searchIds (the export's): every dialog with a common word, ids only.
    QElapsedTimer ids;
    ids.start();
    const QList<qint64> exported = history.searchIds(HistoryRepository::Viewer::everything(), u"заказ"_s, {}, 10000);
    std::printf("searchIds \"заказ\", up to 10,000: %lld dialogs in %.1f ms\n", qint64(exported.size()),
                double(ids.nsecsElapsed()) / 1e6);
    if (!allRight)
        std::fprintf(stderr, "some searches answered wrong dialogs\n");
    return allRight ? 0 : 1;
}
