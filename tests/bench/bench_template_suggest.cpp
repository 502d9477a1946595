// SPDX-License-Identifier: GPL-3.0-or-later
// Template suggestions per keystroke with 10,000 templates (issue 5, "Figure for your note";
// ARCHITECTURE.md budget: <= 2 ms a keystroke).
//
// Builds a believable library — Russian and English support answers, titles of 1–5 words, 0–3
// tags, texts of 100–600 characters — and an operator who has used 500 of them. Then types
// queries key by key, as an operator does ("д", "до", "дос" … "доставка", "/Del", "order status",
// "ещё"/"еще", a word that is nowhere…), each keystroke asking TemplateIndex::suggest for the top 8
// with this operator's use, and prints p50 / p95 / max per keystroke against the budget, the
// slowest queries, and what building and updating the index costs.
// Figures only: timing never fails the run (the machine is shared); it fails only if the matcher
// answers differently from a plain scan of every template.
//
//   bench_template_suggest [templates=10000] [rounds=20]
#include "TemplateSearch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <vector>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Template;

namespace {

constexpr double kBudgetMs = 2;
const QDateTime kNow = QDateTime(QDate(2026, 11, 20), QTime(12, 0), Qt::UTC);

const QStringList kRuSentences{
    u"Здравствуйте! Спасибо, что обратились в нашу поддержку."_s,
    u"Доставка по Москве занимает один-два рабочих дня."_s,
    u"Курьер позвонит вам за час до приезда."_s,
    u"Оплатить заказ можно картой на сайте или наличными при получении."_s,
    u"Вернуть товар можно в течение 14 дней, если сохранены упаковка и чек."_s,
    u"Деньги вернутся на карту в течение 3–5 банковских дней."_s,
    u"Уточните, пожалуйста, номер вашего заказа."_s,
    u"Статус заказа можно посмотреть в личном кабинете."_s,
    u"Мы ещё раз проверили ваш заказ: он уже передан в службу доставки."_s,
    u"Самовывоз доступен из пункта выдачи на Ленинском проспекте."_s,
    u"Скидка по промокоду действует до конца месяца."_s,
    u"Гарантия на технику — один год с даты покупки."_s,
    u"Ёмкость аккумулятора указана в характеристиках товара."_s,
    u"Если остались вопросы, пишите — мы всегда на связи."_s,
    u"К сожалению, этого товара сейчас нет на складе."_s,
    u"Мы сообщим, как только он снова появится в продаже."_s,
    u"Счёт для юридических лиц отправим на вашу почту."_s,
    u"Изменить адрес доставки можно до отправки заказа."_s,
};
const QStringList kEnSentences{
    u"Hello! Thanks for reaching out to our support team."_s,
    u"Delivery within the city takes one to two business days."_s,
    u"You can check your order status in your account."_s,
    u"Please send us your order number and we will look into it."_s,
    u"Refunds reach your card within 3 to 5 business days."_s,
    u"Returns are accepted within 14 days with the receipt."_s,
    u"The courier will call you an hour before arrival."_s,
    u"This item is out of stock at the moment, sorry."_s,
    u"Your discount code is valid until the end of the month."_s,
    u"We ship worldwide; customs fees may apply."_s,
    u"The warranty covers one year from the date of purchase."_s,
    u"Is there anything else I can help you with?"_s,
    u"Hi {visitor.name|there}, I am {operator.name} and I will take care of it."_s,
};
const QStringList kRuTitleWords{u"Доставка"_s, u"Оплата"_s, u"Возврат"_s, u"Статус"_s, u"заказа"_s,
    u"Приветствие"_s, u"Курьер"_s, u"Самовывоз"_s, u"Скидка"_s, u"Гарантия"_s, u"Нет"_s, u"в наличии"_s,
    u"Счёт"_s, u"юрлицам"_s, u"Адрес"_s, u"Ещё"_s, u"вопрос"_s, u"Прощание"_s, u"Ёмкость"_s, u"сроки"_s};
const QStringList kEnTitleWords{u"Delivery"_s, u"Order"_s, u"status"_s, u"Refund"_s, u"Returns"_s,
    u"Greeting"_s, u"Courier"_s, u"Discount"_s, u"Warranty"_s, u"Out of stock"_s, u"Shipping"_s,
    u"Customs"_s, u"Goodbye"_s, u"Invoice"_s, u"times"_s};
const QStringList kTags{u"доставка"_s, u"оплата"_s, u"возврат"_s, u"vip"_s, u"b2b"_s, u"delivery"_s,
    u"refund"_s, u"акция"_s, u"склад"_s, u"претензия"_s};

/// Every query as typed, key by key (the first key alone is below the 2-character minimum and is
/// timed too: it must cost nothing).
const QStringList kTyped{
    u"доставка"_s, u"/Del"_s, u"order status"_s, u"ещё раз"_s, u"еще"_s, u"возврат денег"_s,
    u"спасибо за обращение"_s, u"refund"_s, u"ёмкость"_s, u"номер заказа"_s, u"/стат"_s,
    u"курьер позвонит"_s, u"qwerty"_s, u"hi there"_s, u"до"_s,
};

class Library
{
public:
    explicit Library(int count)
        : m_random(20261120)
    {
        QSet<QString> titles;
        for (int id = 1; id <= count; ++id) {
            Template t;
            t.id = id;
            t.scope = id % 5 == 0 ? protocol::TemplateScope::Personal : protocol::TemplateScope::Shared;
            const bool russian = pick(3) != 0; // two in three are Russian
            QString title = makeTitle(russian);
            if (titles.contains(title.toLower())) // titles are unique within a library
                title += u" (%1)"_s.arg(id);
            titles.insert(title.toLower());
            t.title = title;
            t.text = makeText(russian);
            for (int n = pick(4); n > 0; --n)
                t.tags.append(kTags.at(pick(kTags.size())));
            t.revision = id;
            m_templates.append(t);
        }
    }
    const QList<Template> &templates() const { return m_templates; }
    int pick(qsizetype n) { return int(std::uniform_int_distribution<qsizetype>(0, n - 1)(m_random)); }

private:
    QString makeTitle(bool russian)
    {
        const QStringList &words = russian ? kRuTitleWords : kEnTitleWords;
        QStringList title;
        for (int n = 1 + pick(5); n > 0; --n)
            title.append(words.at(pick(words.size())));
        return title.join(u' ');
    }
    QString makeText(bool russian)
    {
        const QStringList &sentences = russian ? kRuSentences : kEnSentences;
        const int length = 100 + pick(501);
        QString text;
        while (text.size() < length)
            text += sentences.at(pick(sentences.size())) + (pick(6) == 0 ? u"\n"_s : u" "_s);
        return text.left(std::max<qsizetype>(length, 100)).trimmed();
    }

    std::mt19937_64 m_random;
    QList<Template> m_templates;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

const char *verdict(double value, double budget)
{
    return value <= budget ? "PASS" : "FAIL";
}

/// The plain scan: every template whose folded title (or, without "/", tags or text) holds every
/// typed word.
QSet<qint64> plainScan(const QList<Template> &templates, const QString &typed)
{
    QString query = typed.trimmed();
    const bool titleOnly = query.startsWith(u'/');
    if (titleOnly)
        query = query.mid(1);
    const QStringList words = foldForSearch(query).split(u' ', Qt::SkipEmptyParts);
    QSet<qint64> ids;
    for (const Template &t : templates) {
        const QString haystack = foldForSearch(titleOnly ? t.title : t.title + u'\n' + t.tags.join(u'\n') + u'\n' + t.text);
        if (std::all_of(words.begin(), words.end(), [&](const QString &w) { return haystack.contains(w); }))
            ids.insert(t.id);
    }
    return ids;
}

/// The machine's load (other builds, other tests): one-off slow keystrokes beside a fast p50
/// are this process waiting for a core.
QByteArray loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return "?";
    return file.readLine().split(' ').mid(0, 3).join(' ');
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count = args.size() > 1 ? args.at(1).toInt() : 10'000;
    const int rounds = args.size() > 2 ? args.at(2).toInt() : 20;
    std::printf("bench_template_suggest: the matcher (core/TemplateSearch.cpp) is compiled into this "
                "benchmark optimised (-O2) even in a %s tree, as a release build ships it; Qt is the "
                "system's release build\n",
                CONCIERGE_BENCH_BUILD_TYPE);

    const QByteArray loadBefore = loadAverage();
    Library library(count);
    qsizetype chars = 0;
    for (const Template &t : library.templates())
        chars += t.title.size() + t.text.size() + t.tags.join(u' ').size();

    QHash<qint64, TemplateUsage> use;
    for (int i = 0; i < 500; ++i)
        use.insert(1 + library.pick(count), {1 + library.pick(30), kNow.addSecs(-library.pick(90 * 86400))});
    const auto usage = [&use](qint64 id) { return use.value(id); };

    TemplateIndex index;
    QElapsedTimer timer;
    timer.start();
    index.reset(library.templates());
    const double resetMs = double(timer.nsecsElapsed()) / 1e6;

    // Correctness first: the top-everything answer holds exactly what a plain scan finds.
    bool correct = index.size() == count;
    for (const QString &typed : kTyped) {
        QSet<qint64> found;
        for (const Suggestion &s : index.suggest(typed, usage, count, kNow))
            found.insert(s.templateId);
        if (found != plainScan(library.templates(), typed)) {
            std::printf("  WRONG: \"%s\" finds %lld templates, a plain scan %lld\n", qPrintable(typed),
                        qlonglong(found.size()), qlonglong(plainScan(library.templates(), typed).size()));
            correct = false;
        }
    }

    // Each query is typed after a template was saved somewhere (sync applies it with upsert):
    // that also forgets the recent queries the index narrows from, so every query starts cold.
    std::vector<double> all;
    std::vector<double> edits;
    std::map<QString, std::vector<double>> byPrefix; // keystroke text → its times
    std::map<QString, int> matches;
    double slowestMs = 0;
    QString slowestKey;
    for (int round = 0; round < rounds; ++round) {
        for (const QString &typed : kTyped) {
            Template edited = library.templates().at(library.pick(count));
            edited.text += u" Обновлено."_s;
            timer.restart();
            index.upsert(edited);
            edits.push_back(double(timer.nsecsElapsed()) / 1e6);
            for (qsizetype keys = 1; keys <= typed.size(); ++keys) {
                const QString prefix = typed.left(keys);
                timer.restart();
                const QList<Suggestion> top = index.suggest(prefix, usage, 8, kNow);
                const double ms = double(timer.nsecsElapsed()) / 1e6;
                all.push_back(ms);
                if (ms > slowestMs) {
                    slowestMs = ms;
                    slowestKey = prefix;
                }
                byPrefix[prefix].push_back(ms);
                matches[prefix] = int(top.size());
            }
        }
    }

    std::printf("\n== bench_template_suggest: %d templates (%.1f M characters), top 8 with this operator's use ==\n",
                count, double(chars) / 1e6);
    std::printf("  index built from the list: %.1f ms; one save applied (upsert, before each query): p50 %.3f ms, max %.3f ms\n",
                resetMs, percentile(edits, 0.5), percentile(edits, 1.0));
    std::printf("  %zu keystrokes (%lld queries typed key by key from cold, %d rounds): p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms\n",
                all.size(), qlonglong(kTyped.size()), rounds, percentile(all, 0.5), percentile(all, 0.95),
                percentile(all, 0.99), percentile(all, 1.0));
    std::vector<std::pair<double, QString>> slowest;
    for (const auto &[prefix, times] : byPrefix)
        slowest.emplace_back(percentile(times, 0.5), prefix);
    std::sort(slowest.rbegin(), slowest.rend());
    std::printf("  slowest keystrokes (p50 ms, matches shown):");
    for (size_t i = 0; i < std::min<size_t>(6, slowest.size()); ++i)
        std::printf(" \"%s\" %.3f (%d)", qPrintable(slowest[i].second), slowest[i].first, matches[slowest[i].second]);
    std::printf("\n");
    std::printf("  %s vs budget: p95 %.3f ms <= %.0f ms a keystroke\n", verdict(percentile(all, 0.95), kBudgetMs),
                percentile(all, 0.95), kBudgetMs);
    std::printf("  %s vs budget: p99 %.3f ms <= %.0f ms a keystroke\n", verdict(percentile(all, 0.99), kBudgetMs),
                percentile(all, 0.99), kBudgetMs);
    std::printf("  the slowest single keystroke: \"%s\" %.3f ms (that keystroke's p50: %.3f ms); load average "
                "before / after: %s / %s\n",
                qPrintable(slowestKey), slowestMs, percentile(byPrefix[slowestKey], 0.5), loadBefore.constData(),
                loadAverage().constData());
    std::printf("  %s vs budget: max %.3f ms <= %.0f ms a keystroke\n", verdict(percentile(all, 1.0), kBudgetMs),
                percentile(all, 1.0), kBudgetMs);
    std::printf("  answers %s a plain scan of every template\n\n", correct ? "match" : "DIFFER FROM");
    std::fflush(stdout);
    return correct ? 0 : 1;
}
