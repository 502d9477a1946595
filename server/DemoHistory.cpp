// SPDX-License-Identifier: GPL-3.0-or-later
#include "DemoHistory.h"

#include "Database.h"
#include "DialogRepository.h"
#include "ModerationRepository.h"
#include "VisitorRepository.h"

#include "protocol/Json.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QUuid>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

struct DemoLine
{
    bool fromVisitor = true;
    QString text;
};

struct DemoDialog
{
    int daysAgo = 1;
    QString startTime; ///< "HH:mm" UTC
    protocol::ContactDetails contact; ///< given through the contact form ("" name: none)
    bool offlineRequest = false;      ///< the contact came with an offline request instead
    QString referrer;
    QString page;
    QString pageTitle;
    QString category;
    int rating = 0;
    QList<DemoLine> lines;
};

QList<DemoDialog> demoDialogs()
{
    return {
        {9, u"17:04"_s, {u"Фёкла"_s, u"foekla@mail.de"_s, u"+44 33 221100"_s}, false,
         u"https://search.example/?q=чай+доставка"_s, u"/demo/pricing.html"_s, u"Pricing"_s, u"Доставка"_s, 5,
         {{false, u"Здравствуйте! Чем могу помочь?"_s},
          {true, u"Где мой заказ №15? Обещали доставить во вторник."_s},
          {false, u"Заказ №15 передан в доставку, курьер позвонит завтра до 12:00."_s},
          {true, u"Спасибо, буду ждать!"_s}}},
        {7, u"09:12"_s, {}, false, u"https://news.example/tea-of-the-month"_s, u"/demo/index.html"_s,
         u"Northwind Tea"_s, u"Delivery"_s, 4,
         {{true, u"Hi, do you ship green tea to Berlin?"_s},
          {false, u"Yes — delivery to Germany takes 3–5 days, and shipping is free from €40."_s},
          {true, u"Great, thanks!"_s}}},
        {5, u"14:30"_s, {}, false, QString(), u"/demo/pricing.html"_s, u"Pricing"_s, QString(), 3,
         {{true, u"Можно ли вернуть чай, если не понравился вкус?"_s},
          {false, u"Да, в течение 14 дней, если упаковка не вскрыта."_s}}},
        {4, u"22:41"_s, {u"John Miller"_s, u"john@example.com"_s, QString()}, true, QString(),
         u"/demo/index.html"_s, u"Northwind Tea"_s, QString(), 0,
         {{true, u"Please call me back about a wholesale order of 20 kg of Assam."_s},
          {false, u"Hello John, thank you! Our wholesale manager will call you tomorrow morning."_s}}},
        {2, u"11:05"_s, {}, false, u"https://search.example/?q=новогодний+чай"_s, u"/demo/index.html"_s,
         u"Northwind Tea"_s, QString(), 5,
         {{true, u"Ёлочные наборы чая ещё будут в этом году?"_s},
          {false, u"Да, новогодние наборы появятся 1 декабря — можно оставить заявку уже сейчас."_s},
          {true, u"Отлично, спасибо!"_s}}},
        {1, u"16:20"_s, {u"Anna"_s, u"anna@example.org"_s, QString()}, false, QString(), u"/demo/pricing.html"_s,
         u"Pricing"_s, u"Promo codes"_s, 5,
         {{true, u"My promo code AUTUMN10 doesn't work :("_s},
          {false, u"Sorry about that! It expired on 31 October — WINTER10 gives you the same 10 %."_s},
          {true, u"It worked, thank you!"_s}}},
    };
}

QString at(const QDateTime &time)
{
    return protocol::timestampToJson(time);
}

} // namespace

bool seedDemoHistory(QSqlDatabase db, qint64 operatorId, const QString &operatorName, qint64 departmentId,
                     QString *error)
{
    QSqlQuery count(db);
    if (!runQuery(count, u"SELECT COUNT(*) FROM dialogs"_s, {}) || !count.next()) {
        *error = u"cannot count the dialogs"_s;
        return false;
    }
    if (count.value(0).toLongLong() > 0)
        return true; // a real (or earlier demo) history exists: leave it alone

    VisitorRepository visitors(db);
    DialogRepository dialogs(db);
    ModerationRepository moderation(db);
    const QDate today = QDate::currentDate();
    if (!db.transaction()) {
        *error = u"cannot start a transaction"_s;
        return false;
    }
    const auto fail = [&](const QString &what) {
        db.rollback();
        *error = what;
        return false;
    };
    for (const DemoDialog &demo : demoDialogs()) {
        const QByteArray token = QUuid::createUuid().toByteArray();
        const auto visitorId = visitors.create(QString::fromLatin1(QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex()));
        if (!visitorId)
            return fail(u"cannot create a demo visitor"_s);
        const QDateTime start(today.addDays(-demo.daysAgo), QTime::fromString(demo.startTime, u"HH:mm"_s), Qt::UTC);
        const auto visitId = visitors.beginVisit(*visitorId, u"203.0.113.%1"_s.arg(*visitorId % 250 + 1),
                                                 u"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"_s);
        if (!visitId)
            return fail(u"cannot create a demo visit"_s);
        visitors.addPageView(*visitorId, *visitId, {u"http://127.0.0.1:8080"_s + demo.page, demo.pageTitle, start.addSecs(-90)},
                             demo.referrer, {});
        if (!demo.contact.name.isEmpty() && !demo.offlineRequest)
            visitors.setContact(*visitorId, demo.contact);
        std::optional<protocol::ContactDetails> offline;
        if (demo.offlineRequest)
            offline = demo.contact;
        auto dialog = dialogs.create(*visitorId, departmentId, offline);
        if (!dialog)
            return fail(u"cannot create a demo dialog"_s);

        QDateTime lineTime = start;
        for (const DemoLine &line : demo.lines) {
            lineTime = lineTime.addSecs(40 + 13 * int(line.text.size() % 7));
            protocol::Message message;
            message.cid = QUuid::createUuid().toString(QUuid::WithoutBraces);
            message.dialogId = dialog->id;
            message.author = line.fromVisitor ? protocol::Author::Visitor : protocol::Author::Operator;
            message.operatorId = line.fromVisitor ? 0 : operatorId;
            message.authorName = line.fromVisitor ? (demo.contact.name.isEmpty() ? visitors.name(*visitorId) : demo.contact.name)
                                                  : operatorName;
            message.text = line.text;
            const auto stored = dialogs.insertMessage(message);
            if (!stored)
                return fail(u"cannot store a demo line"_s);
            // insertMessage stamps "now"; the demo's lines belong to their day.
            QSqlQuery when(db);
            runQuery(when, u"UPDATE messages SET at = ? WHERE id = ?"_s, {at(lineTime), stored->id});
        }
        dialog->operatorId = operatorId;
        dialog->state = protocol::DialogState::Closed;
        dialog->waitingSince = QDateTime();
        dialog->closedAt = lineTime.addSecs(120);
        if (!demo.category.isEmpty()) {
            auto category = moderation.categoryId(demo.category);
            if (!category)
                category = moderation.createCategory(demo.category, error);
            dialog->categoryId = category.value_or(0);
        }
        if (demo.rating > 0)
            dialog->rating = {demo.rating, QString(), dialog->closedAt.addSecs(30)};
        if (!dialogs.update(*dialog))
            return fail(u"cannot close a demo dialog"_s);
        QSqlQuery times(db);
        runQuery(times, u"UPDATE dialogs SET created_at = ? WHERE id = ?"_s, {at(start), dialog->id});
        runQuery(times, u"UPDATE visits SET started_at = ? WHERE id = ?"_s, {at(start.addSecs(-120)), *visitId});
        runQuery(times, u"UPDATE visitors SET first_seen = ?, last_seen = ? WHERE id = ?"_s,
                 {at(start.addSecs(-120)), at(dialog->closedAt), *visitorId});
    }
    if (!db.commit())
        return fail(u"cannot commit the demo history"_s);
    return true;
}

} // namespace concierge::server
