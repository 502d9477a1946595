// SPDX-License-Identifier: GPL-3.0-or-later
// The template engine with 10,000 templates, around the matcher: start from the cache, a first
// sync (since 0) applied, one live template.updated with the manager's list and an open popup
// following it, and a keystroke through the suggestion model. Figures only: the run fails only if
// the models come out wrong.
#include "LocalStore.h"
#include "TemplateLibrary.h"
#include "TemplateListModel.h"
#include "TemplateSuggestionModel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace concierge;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTemplates = 10000;
constexpr int kRounds = 200;

const QStringList kWords{u"доставка"_s, u"заказ"_s, u"оплата"_s, u"возврат"_s, u"delivery"_s, u"order"_s,
                         u"refund"_s,   u"ёлка"_s,  u"скидка"_s, u"гарантия"_s, u"tracking"_s, u"invoice"_s};

protocol::Template makeTemplate(qint64 id, qint64 revision)
{
    protocol::Template t;
    t.id = id;
    t.scope = id % 10 == 0 ? protocol::TemplateScope::Personal : protocol::TemplateScope::Shared;
    t.title = u"%1 %2 %3"_s.arg(kWords.at(id % kWords.size()), kWords.at((id / 7) % kWords.size())).arg(id);
    QString text;
    for (int w = 0; w < 30; ++w)
        text += kWords.at((id * 31 + w * 17) % kWords.size()) + u' ';
    t.text = text + u"{visitor.name|there}"_s;
    t.tags = {kWords.at((id / 3) % kWords.size())};
    t.revision = revision;
    t.updatedAt = QDateTime::currentDateTimeUtc();
    t.updatedBy = u"Bench"_s;
    return t;
}

double percentile(std::vector<qint64> nanos, double p)
{
    std::sort(nanos.begin(), nanos.end());
    return nanos.at(std::min(nanos.size() - 1, size_t(p * double(nanos.size())))) / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bench.sqlite"_s);
    std::printf("bench_template_library (%s tree, engine files built -O2), %d templates\n", CONCIERGE_BENCH_BUILD_TYPE,
                kTemplates);

    QJsonArray all;
    for (int id = 1; id <= kTemplates; ++id)
        all.append(makeTemplate(id, id).toJson());
    const QJsonObject answer{{u"templates"_s, all}, {u"revision"_s, kTemplates}};
    {
        LocalStore store;
        if (!store.open(path))
            return 1;
        protocol::OperatorInfo me;
        me.id = 1;
        store.setOperatorInfo(me);
        TemplateLibrary library(&store);
        QList<qint64> sent;
        library.setTransport([&](const QString &, const QJsonObject &fields, qint64) {
            sent.append(fields.value(u"since").toInteger());
            return true;
        });
        library.setServerRevision(kTemplates);
        library.linkUp(false);
        if (sent != QList<qint64>{0})
            return 1;
        QElapsedTimer timer;
        timer.start();
        library.handleResult(u"templates.sync"_s, 0, answer);
        std::printf("first sync (since 0) applied and cached: %.1f ms\n", timer.nsecsElapsed() / 1e6);
    }

    QElapsedTimer timer;
    timer.start();
    LocalStore store;
    if (!store.open(path))
        return 1;
    TemplateLibrary library(&store);
    std::printf("start from the cache (open + load + index): %.1f ms\n", timer.nsecsElapsed() / 1e6);
    if (library.all().size() != kTemplates)
        return 1;

    timer.restart();
    TemplateListModel shared(&library, protocol::TemplateScope::Shared);
    std::printf("manager list built (%d shared rows, sorted by title): %.1f ms\n", shared.rowCount(),
                timer.nsecsElapsed() / 1e6);
    TemplateSuggestionModel popup(&library);
    popup.setQuery(u"доставка заказ"_s);

    library.linkUp(true);
    std::vector<qint64> perEvent;
    for (int round = 0; round < kRounds; ++round) {
        protocol::Template edited = makeTemplate(1 + (round * 37) % kTemplates, kTemplates + round + 1);
        edited.title = kWords.at(round % kWords.size()) + u" edited "_s + QString::number(round);
        QElapsedTimer one;
        one.start();
        library.applyEvent(edited);
        perEvent.push_back(one.nsecsElapsed());
    }
    std::printf("template.updated with the list and the popup following: p50 %.0f us, p95 %.0f us\n",
                percentile(perEvent, 0.5), percentile(perEvent, 0.95));

    std::vector<qint64> perKey;
    const QString typed = u"доставка заказ скидка"_s;
    for (int round = 0; round < kRounds / 20; ++round) {
        for (int length = 2; length <= typed.size(); ++length) {
            QElapsedTimer one;
            one.start();
            popup.setQuery(typed.left(length));
            perKey.push_back(one.nsecsElapsed());
        }
    }
    std::printf("keystroke through TemplateSuggestionModel (index + usage + reset): p50 %.0f us, p95 %.0f us "
                "(budget 2000 us)\n",
                percentile(perKey, 0.5), percentile(perKey, 0.95));

    // Wrong answers fail the run: the live list equals a fresh one.
    TemplateListModel fresh(&library, protocol::TemplateScope::Shared);
    if (fresh.rowCount() != shared.rowCount())
        return 1;
    for (int row = 0; row < fresh.rowCount(); ++row) {
        if (fresh.templateAt(row) != shared.templateAt(row))
            return 1;
    }
    return 0;
}
