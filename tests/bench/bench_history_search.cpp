// SPDX-License-Identifier: GPL-3.0-or-later
// The app's history search over 1,000,000 cached lines (budget p95 <= 50 ms, ARCHITECTURE.md) and
// the cache's insert throughput while the backfill fills it. A temporary cache is filled through
// LocalStore::storeHistory in pages of 50 dialogs, newest first, as the backfill stores
// history.page answers; then searches of mixed kinds run as the history window asks them (limit
// 50, snippets included). Figures only: the run fails only if a search comes out wrong.
#include "LocalStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <vector>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kDialogs = 40000;
constexpr int kLinesPerDialog = 25;
constexpr int kPageDialogs = 50;
constexpr int kSearchesPerKind = 24;
const QDateTime kStart = QDateTime(QDate(2024, 1, 1), QTime(8, 0), Qt::UTC);

// Words in rough order of frequency: the generator draws the first ones far more often.
const QStringList kRussian{
    u"здравствуйте"_s, u"заказ"_s, u"спасибо"_s, u"доставка"_s, u"пожалуйста"_s, u"подскажите"_s, u"можно"_s,
    u"оплата"_s, u"когда"_s, u"сегодня"_s, u"номер"_s, u"заказа"_s, u"курьер"_s, u"адрес"_s, u"ещё"_s,
    u"вопрос"_s, u"товар"_s, u"возврат"_s, u"деньги"_s, u"карта"_s, u"приедет"_s, u"завтра"_s, u"удобно"_s,
    u"пришёл"_s, u"размер"_s, u"цвет"_s, u"зелёный"_s, u"чёрный"_s, u"скидка"_s, u"промокод"_s, u"гарантия"_s,
    u"магазин"_s, u"самовывоз"_s, u"пункт"_s, u"выдачи"_s, u"телефон"_s, u"почта"_s, u"письмо"_s, u"счёт"_s,
    u"фактура"_s, u"договор"_s, u"юрлицо"_s, u"остаток"_s, u"склад"_s, u"ожидание"_s, u"отмена"_s,
    u"поменять"_s, u"обмен"_s, u"брак"_s, u"царапина"_s, u"упаковка"_s, u"коробка"_s, u"инструкция"_s,
    u"ёлка"_s, u"гирлянда"_s, u"чайник"_s, u"пылесос"_s, u"холодильник"_s, u"смартфон"_s, u"наушники"_s,
    u"ноутбук"_s, u"зарядка"_s, u"кабель"_s, u"чехол"_s, u"стекло"_s, u"подарок"_s, u"сертификат"_s,
    u"бонусы"_s, u"баллы"_s, u"кэшбэк"_s, u"рассрочка"_s, u"кредит"_s, u"банк"_s, u"перевод"_s, u"чек"_s};
const QStringList kEnglish{
    u"hello"_s, u"order"_s, u"thanks"_s, u"delivery"_s, u"please"_s, u"where"_s, u"is"_s, u"my"_s,
    u"payment"_s, u"today"_s, u"tomorrow"_s, u"courier"_s, u"address"_s, u"refund"_s, u"return"_s,
    u"tracking"_s, u"number"_s, u"invoice"_s, u"discount"_s, u"warranty"_s, u"size"_s, u"colour"_s,
    u"café"_s, u"résumé"_s, u"kettle"_s, u"vacuum"_s, u"fridge"_s, u"phone"_s, u"headphones"_s,
    u"laptop"_s, u"charger"_s, u"cable"_s, u"case"_s, u"gift"_s, u"voucher"_s, u"points"_s, u"bank"_s};
const QStringList kFirstNames{u"Анна"_s, u"Мария"_s, u"Ольга"_s, u"Пётр"_s, u"Иван"_s, u"Алексей"_s, u"Фёдор"_s,
                              u"Елена"_s, u"John"_s, u"Emily"_s, u"Zoë"_s, u"Карина"_s};
const QStringList kLastNames{u"Петрова"_s, u"Иванов"_s, u"Смирнова"_s, u"Кузнецов"_s, u"Соловьёва"_s,
                             u"Smith"_s, u"Brown"_s, u"Волков"_s, u"Зайцева"_s, u"Морозов"_s};

/// A fixed-seed generator of realistic dialogs: the same cache on every run.
class Generator
{
public:
    std::mt19937_64 random{20260307};

    int below(int n) { return int(random() % quint64(n)); }
    /// Skewed towards the start of a list (common words).
    const QString &skewed(const QStringList &words)
    {
        const double u = std::uniform_real_distribution<double>(0, 1)(random);
        return words.at(std::min(qsizetype(u * u * u * double(words.size())), words.size() - 1));
    }

    QString sentence(bool russian)
    {
        const QStringList &words = russian ? kRussian : kEnglish;
        QString text;
        const int count = 3 + below(12);
        for (int w = 0; w < count; ++w) {
            if (w > 0)
                text += below(8) == 0 ? u", "_s : u" "_s;
            if (below(25) == 0)
                text += u"№%1"_s.arg(100000 + below(900000)); // an order number
            else
                text += skewed(words);
        }
        return text + (below(3) == 0 ? u"?"_s : u"."_s);
    }

    protocol::HistoryDialog dialog(qint64 id)
    {
        protocol::HistoryDialog item;
        item.dialog.id = id;
        item.dialog.visitorId = 1000000 + id;
        item.dialog.state = protocol::DialogState::Closed;
        item.dialog.createdAt = kStart.addSecs(id * 1200); // one every 20 minutes: ~1.5 years
        item.dialog.closedAt = item.dialog.createdAt.addSecs(1800);
        item.dialog.operatorId = 1 + below(10);
        item.dialog.departmentId = 1 + below(4);
        item.dialog.categoryId = below(7);
        if (below(10) < 3) {
            item.dialog.rating.score = 1 + below(5);
            item.dialog.rating.at = item.dialog.closedAt;
        }
        if (below(20) == 0)
            item.dialog.offline = protocol::ContactDetails{kFirstNames.at(below(12)), u"client%1@mail.ru"_s.arg(id), {}};
        item.visitor.id = item.dialog.visitorId;
        item.visitor.name = below(3) == 0 ? kFirstNames.at(below(12)) + u' ' + kLastNames.at(below(10))
                                          : u"Visitor %1"_s.arg(item.visitor.id);
        if (below(5) == 0)
            item.visitor.contact = protocol::ContactDetails{item.visitor.name, u"v%1@example.com"_s.arg(id),
                                                            u"+7 9%1"_s.arg(10000000 + id)};
        item.visitor.browser = u"Chrome 120"_s;
        item.visitor.os = u"Windows"_s;
        item.operatorName = u"Operator %1"_s.arg(item.dialog.operatorId);
        item.departmentName = u"Department %1"_s.arg(item.dialog.departmentId);
        item.messageCount = kLinesPerDialog - 1;
        return item;
    }

    QList<protocol::Message> lines(const protocol::HistoryDialog &item, qint64 firstId)
    {
        QList<protocol::Message> result;
        const bool russian = below(4) != 0;
        for (int n = 0; n < kLinesPerDialog; ++n) {
            protocol::Message m;
            m.id = firstId + n;
            m.dialogId = item.dialog.id;
            m.at = item.dialog.createdAt.addSecs(n * 40);
            if (n == 0) {
                m.author = protocol::Author::System;
                m.text = u"Dialog started"_s;
            } else if (n % 2 == 1) {
                m.author = protocol::Author::Visitor;
                m.text = sentence(russian);
            } else {
                m.author = protocol::Author::Operator;
                m.operatorId = item.dialog.operatorId;
                m.authorName = item.operatorName;
                m.text = sentence(russian);
            }
            result.append(m);
        }
        return result;
    }
};

struct Kind
{
    const char *name;
    std::vector<qint64> nanos;
};

double ms(qint64 nanos)
{
    return double(nanos) / 1e6;
}

double percentileMs(std::vector<qint64> nanos, double p)
{
    std::sort(nanos.begin(), nanos.end());
    return ms(nanos.at(std::min(nanos.size() - 1, size_t(p * double(nanos.size())))));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    std::printf("bench_history_search (%s tree, LocalStore built -O2): %d dialogs x %d lines = %d lines\n",
                CONCIERGE_BENCH_BUILD_TYPE, kDialogs, kLinesPerDialog, kDialogs * kLinesPerDialog);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"cache.sqlite"_s);
    LocalStore store;
    if (!store.open(path)) {
        std::printf("FAIL: cannot open the cache: %s\n", qPrintable(store.errorString()));
        return 1;
    }

    // The backfill: pages of 50 dialogs from the newest down, each stored in one transaction.
    Generator generator;
    qint64 rareNumberDialog = 0;
    QElapsedTimer fill;
    fill.start();
    qint64 worstPageNanos = 0;
    qint64 storeNanos = 0; // in storeHistory only, not in making up the dialogs
    for (qint64 top = kDialogs; top > 0; top -= kPageDialogs) {
        QList<protocol::HistoryDialog> dialogs;
        QList<protocol::Message> messages;
        for (qint64 id = top; id > std::max<qint64>(0, top - kPageDialogs); --id) {
            dialogs.append(generator.dialog(id));
            messages += generator.lines(dialogs.last(), id * 100);
        }
        if (top == kDialogs / 2) { // a line that only one dialog has, to find again
            messages[3].text += u" трекномер ZX4815162342"_s;
            rareNumberDialog = messages[3].dialogId;
        }
        QElapsedTimer page;
        page.start();
        if (!store.storeHistory(dialogs, messages)) {
            std::printf("FAIL: storeHistory: %s\n", qPrintable(store.errorString()));
            return 1;
        }
        const qint64 pageNanos = page.nsecsElapsed();
        storeNanos += pageNanos;
        worstPageNanos = std::max(worstPageNanos, pageNanos);
    }
    const double storeSeconds = double(storeNanos) / 1e9;
    const double lines = double(kDialogs) * kLinesPerDialog;
    std::printf("backfill insert (storeHistory, pages of %d dialogs): %.1f s, %.0f lines/s, %.0f dialogs/s; "
                "slowest page %.0f ms (whole fill with generating: %.1f s)\n",
                kPageDialogs, storeSeconds, lines / storeSeconds, kDialogs / storeSeconds, ms(worstPageNanos),
                double(fill.nsecsElapsed()) / 1e9);
    std::printf("cache on disk: %.1f MB database + %.1f MB WAL, %d dialogs in the history index\n",
                double(QFileInfo(path).size()) / 1e6, double(QFileInfo(path + u"-wal"_s).size()) / 1e6,
                store.historyDialogCount());
    {
        // Where the space goes (SQLite's dbstat table, where the library has it).
        QSqlQuery sizes(QSqlDatabase::database(store.connectionName()));
        if (sizes.exec(u"SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 8"_s)) {
            std::printf("  largest:");
            while (sizes.next())
                std::printf(" %s %.0f MB;", qPrintable(sizes.value(0).toString()), sizes.value(1).toDouble() / 1e6);
            std::printf("\n");
        }
    }

    // Searches of mixed kinds, as typed into the history window (limit 50, snippets included).
    const QStringList prefixes{u"п"_s, u"з"_s, u"д"_s, u"o"_s, u"h"_s, u"за"_s, u"по"_s, u"до"_s, u"de"_s,
                               u"or"_s, u"зак"_s, u"дос"_s, u"спа"_s, u"ord"_s, u"ref"_s, u"тов"_s};
    const QStringList rare{u"трекномер"_s, u"ZX4815162342"_s, u"кэшбэк"_s, u"résumé"_s, u"voucher"_s, u"юрлицо"_s,
                           u"№123456"_s, u"царапина"_s, u"холодильник"_s, u"elka"_s};
    const QStringList pairs{u"заказ доставка"_s, u"номер заказа"_s, u"курьер завтра"_s, u"order tracking"_s,
                            u"возврат деньги"_s, u"елка гирлянда"_s, u"refund bank"_s, u"счет фактура"_s};
    const QStringList phrases{u"\"номер заказа\""_s, u"\"where is my\""_s, u"\"спасибо за\""_s, u"\"пункт выдачи\""_s,
                              u"\"tracking number\""_s, u"\"зелёный чайник\""_s};
    const QStringList names{u"Петрова"_s, u"Соловьева"_s, u"Zoe"_s, u"Фёдор Морозов"_s, u"client123@mail"_s,
                            u"example"_s, u"Карина"_s, u"Smith"_s};

    std::vector<Kind> kinds{{"rare word", {}}, {"prefix of 1-3 letters", {}}, {"two words", {}},
                            {"phrase", {}}, {"name or contact", {}}, {"word + operator", {}},
                            {"prefix + rating", {}}, {"word + dates (a month)", {}}, {"word + with contact", {}},
                            {"word + offline", {}}, {"page 2 of a prefix", {}}, {"no words + department", {}}};
    std::vector<qint64> all;
    int wrong = 0;
    auto run = [&](Kind &kind, const QString &query, const protocol::HistoryFilter &filter, qint64 beforeId) {
        QElapsedTimer timer;
        timer.start();
        const auto hits = store.searchHistory(query, filter, beforeId, 50);
        const qint64 nanos = timer.nsecsElapsed();
        kind.nanos.push_back(nanos);
        all.push_back(nanos);
        for (qsizetype i = 1; i < hits.size(); ++i) {
            if (hits[i].dialog.dialog.id >= hits[i - 1].dialog.dialog.id)
                ++wrong;
        }
        return hits;
    };
    Generator pick;
    for (int round = 0; round < kSearchesPerKind; ++round) {
        run(kinds[0], rare.at(round % rare.size()), {}, 0);
        run(kinds[1], prefixes.at(round % prefixes.size()), {}, 0);
        run(kinds[2], pairs.at(round % pairs.size()), {}, 0);
        run(kinds[3], phrases.at(round % phrases.size()), {}, 0);
        run(kinds[4], names.at(round % names.size()), {}, 0);
        protocol::HistoryFilter byOperator;
        byOperator.operatorId = 1 + pick.below(10);
        run(kinds[5], kRussian.at(pick.below(20)), byOperator, 0);
        protocol::HistoryFilter byRating;
        byRating.rating = 1 + pick.below(5);
        run(kinds[6], prefixes.at(pick.below(prefixes.size())), byRating, 0);
        protocol::HistoryFilter byMonth;
        byMonth.from = kStart.date().addMonths(pick.below(16));
        byMonth.to = byMonth.from.addMonths(1).addDays(-1);
        run(kinds[7], kRussian.at(pick.below(30)), byMonth, 0);
        protocol::HistoryFilter withContact;
        withContact.withContactOnly = true;
        run(kinds[8], kEnglish.at(pick.below(20)), withContact, 0);
        protocol::HistoryFilter offline;
        offline.offlineOnly = true;
        run(kinds[9], kRussian.at(pick.below(40)), offline, 0);
        const auto first = store.searchHistory(prefixes.at(round % prefixes.size()), {}, 0, 50);
        run(kinds[10], prefixes.at(round % prefixes.size()), {}, first.isEmpty() ? 0 : first.last().dialog.dialog.id);
        protocol::HistoryFilter byDepartment;
        byDepartment.departmentId = 1 + pick.below(4);
        run(kinds[11], {}, byDepartment, 0);
    }
    // What a user would check: the one dialog with the tracking number is found, with its line.
    const auto found = store.searchHistory(u"zx4815162342"_s, {}, 0, 50);
    if (found.size() != 1 || found[0].dialog.dialog.id != rareNumberDialog || found[0].snippet.highlights.isEmpty())
        ++wrong;
    if (store.searchHistory(u"п"_s, {}, 0, 50).size() != 50)
        ++wrong;

    std::printf("\n%-26s %8s %8s %8s  (ms, %d searches each, limit 50 with snippets)\n", "search", "p50", "p95",
                "max", kSearchesPerKind);
    for (const Kind &kind : kinds) {
        std::printf("%-26s %8.2f %8.2f %8.2f\n", kind.name, percentileMs(kind.nanos, 0.5),
                    percentileMs(kind.nanos, 0.95), ms(*std::max_element(kind.nanos.begin(), kind.nanos.end())));
    }
    const double p95 = percentileMs(all, 0.95);
    std::printf("%-26s %8.2f %8.2f %8.2f  over %zu searches; budget p95 <= 50 ms: %s\n", "all", percentileMs(all, 0.5),
                p95, ms(*std::max_element(all.begin(), all.end())), all.size(), p95 <= 50.0 ? "met" : "NOT met");
    if (wrong > 0) {
        std::printf("FAIL: %d searches came out wrong (order, or the rare line not found)\n", wrong);
        return 1;
    }
    return 0;
}
