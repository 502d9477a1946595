// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRepository.h"

#include "Database.h"
#include "DialogRepository.h"
#include "HistorySearchIndex.h"
#include "UserAgentParser.h"
#include "protocol/HistoryText.h"
#include "protocol/Json.h"

#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>
#include <set>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::HistoryDialog;
using protocol::HistoryFilter;
using protocol::HistoryHit;
using protocol::Message;
using protocol::timestampFromJson;
using protocol::timestampToJson;
namespace HistoryText = protocol::HistoryText;

namespace {

constexpr int kPagesShown = 20;

/// A piece of WHERE over `dialogs d` and the values it binds, in order.
struct Clause
{
    QString sql;
    QVariantList values;

    Clause &operator+=(const Clause &other)
    {
        sql += other.sql;
        values += other.values;
        return *this;
    }
};

/// The "took part in" rule. Only operator lines carry an operator id, so `messages_by_operator`
/// answers the second half from the index alone.
Clause visibleTo(const HistoryRepository::Viewer &viewer)
{
    if (viewer.seesAll)
        return {};
    return {u" AND (d.operator_id = ? OR EXISTS (SELECT 1 FROM messages vm WHERE vm.operator_id = ? "
            "AND vm.dialog_id = d.id))"_s,
            {viewer.operatorId, viewer.operatorId}};
}

Clause filtered(const HistoryFilter &filter)
{
    Clause clause;
    const auto add = [&clause](const QString &sql, const QVariant &value = {}) {
        clause.sql += sql;
        if (value.isValid())
            clause.values.append(value);
    };
    // Stored times are ISO 8601 UTC with milliseconds (the same text protocol::timestampToJson
    // writes), so instants compare as strings.
    if (filter.from.isValid())
        add(u" AND d.created_at >= ?"_s, protocol::timestampToJson(filter.fromInstant()));
    if (filter.to.isValid())
        add(u" AND d.created_at < ?"_s, protocol::timestampToJson(filter.toInstantExclusive()));
    if (filter.operatorId > 0)
        add(u" AND d.operator_id = ?"_s, filter.operatorId);
    if (filter.departmentId > 0)
        add(u" AND d.department_id = ?"_s, filter.departmentId);
    if (filter.categoryId > 0)
        add(u" AND d.category_id = ?"_s, filter.categoryId);
    if (filter.rating > 0)
        add(u" AND d.rating_score = ?"_s, filter.rating);
    if (filter.withContactOnly)
        add(u" AND (d.offline_contact IS NOT NULL OR EXISTS (SELECT 1 FROM visitors cv "
            "WHERE cv.id = d.visitor_id AND cv.contact IS NOT NULL))"_s);
    if (filter.offlineOnly)
        add(u" AND d.offline_contact IS NOT NULL"_s);
    return clause;
}

qint64 upperBound(qint64 beforeId)
{
    return beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
}

/// What a value adds to an answer frame, as sent.
qint64 jsonSize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

std::optional<protocol::ContactDetails> contactFrom(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return protocol::ContactDetails::fromJson(QJsonDocument::fromJson(column.toByteArray()).object());
}

QList<qint64> ids(QSqlQuery &query)
{
    QList<qint64> list;
    while (query.next())
        list.append(query.value(0).toLongLong());
    return list;
}

} // namespace

HistoryRepository::HistoryRepository(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool HistoryRepository::canView(const Viewer &viewer, qint64 dialogId)
{
    const Clause visible = visibleTo(viewer);
    QSqlQuery query(m_db);
    return runQuery(query, u"SELECT 1 FROM dialogs d WHERE d.id = ?"_s + visible.sql, QVariantList{dialogId} + visible.values)
           && query.next();
}

qint64 HistoryRepository::total(const Viewer &viewer)
{
    QSqlQuery query(m_db);
    // The union reads two indexes only; the EXISTS form would probe once per dialog.
    const bool ok = viewer.seesAll
                        ? runQuery(query, u"SELECT COUNT(*) FROM dialogs"_s)
                        : runQuery(query,
                                   u"SELECT COUNT(*) FROM (SELECT id FROM dialogs WHERE operator_id = ? "
                                   "UNION SELECT dialog_id FROM messages WHERE operator_id = ?)"_s,
                                   {viewer.operatorId, viewer.operatorId});
    return ok && query.next() ? query.value(0).toLongLong() : 0;
}

HistoryRepository::Page HistoryRepository::page(const Viewer &viewer, qint64 beforeId, int limit)
{
    Page page;
    limit = std::clamp(limit, 1, kMaxPageLimit);
    const Clause visible = visibleTo(viewer);
    QSqlQuery query(m_db);
    if (!runQuery(query, u"SELECT d.id FROM dialogs d WHERE d.id < ?"_s + visible.sql + u" ORDER BY d.id DESC LIMIT ?"_s,
                  QVariantList{upperBound(beforeId)} + visible.values + QVariantList{limit + 1}))
        return page;
    const QList<qint64> found = ids(query);
    DialogRepository dialogs(m_db);
    qint64 used = 0;
    for (qsizetype i = 0; i < found.size() && i < limit; ++i) {
        auto item = historyDialog(found.at(i));
        if (!item)
            continue;
        QList<Message> lines = dialogs.messagesBefore(item->dialog.id, 0, -1);
        qint64 cost = jsonSize(item->toJson());
        QList<qint64> lineCosts;
        lineCosts.reserve(lines.size());
        for (const Message &line : std::as_const(lines)) {
            lineCosts.append(jsonSize(line.toJson()) + 1);
            cost += lineCosts.constLast();
        }
        if (!page.dialogs.isEmpty() && used + cost > kPageTextBudget) {
            page.nextBeforeId = page.dialogs.constLast().dialog.id; // it opens the next page
            return page;
        }
        if (page.dialogs.isEmpty() && cost > kPageTextBudget) {
            // Alone bigger than a page: its newest lines that fit (at least one); history.get with
            // beforeId brings the rest.
            qint64 kept = jsonSize(item->toJson());
            qsizetype first = lines.size();
            while (first > 0 && (first == lines.size() || kept + lineCosts.at(first - 1) <= kPageTextBudget))
                kept += lineCosts.at(--first);
            lines = lines.mid(first);
            cost = kept;
            item->messagesTruncated = first > 0;
        }
        used += cost;
        page.dialogs.append(*item);
        page.messages += lines;
        if (item->messagesTruncated) { // the page is full with it
            page.nextBeforeId = i + 1 < found.size() ? item->dialog.id : 0;
            return page;
        }
    }
    if (found.size() > limit && !page.dialogs.isEmpty())
        page.nextBeforeId = page.dialogs.constLast().dialog.id;
    return page;
}

std::optional<HistoryRepository::DialogWithLines> HistoryRepository::dialog(const Viewer &viewer, qint64 dialogId)
{
    if (!canView(viewer, dialogId))
        return std::nullopt;
    auto item = historyDialog(dialogId);
    if (!item)
        return std::nullopt;
    return DialogWithLines{*item, lines(dialogId, 0, -1)};
}

QList<Message> HistoryRepository::lines(qint64 dialogId, qint64 beforeMessageId, int limit)
{
    return DialogRepository(m_db).messagesBefore(dialogId, beforeMessageId, limit);
}

std::optional<HistoryDialog> HistoryRepository::historyDialog(qint64 dialogId)
{
    const auto dialog = DialogRepository(m_db).find(dialogId);
    if (!dialog)
        return std::nullopt;
    HistoryDialog item;
    item.dialog = *dialog;
    QSqlQuery row(m_db);
    if (!runQuery(row,
                  u"SELECT v.name, v.contact, v.first_seen, o.name, dep.name, c.name, "
                  "(SELECT COUNT(*) FROM messages m WHERE m.dialog_id = d.id AND m.author != 'system') "
                  "FROM dialogs d JOIN visitors v ON v.id = d.visitor_id "
                  "LEFT JOIN operators o ON o.id = d.operator_id "
                  "LEFT JOIN departments dep ON dep.id = d.department_id "
                  "LEFT JOIN categories c ON c.id = d.category_id WHERE d.id = ?"_s,
                  {dialogId})
        || !row.next())
        return std::nullopt;
    protocol::Visitor &visitor = item.visitor;
    visitor.id = dialog->visitorId;
    visitor.name = row.value(0).toString();
    visitor.contact = contactFrom(row.value(1));
    visitor.firstSeen = timestampFromJson(row.value(2).toString());
    item.operatorName = row.value(3).toString();
    item.departmentName = row.value(4).toString();
    item.categoryName = row.value(5).toString();
    item.messageCount = row.value(6).toInt();

    // The visit the dialog started in: the newest that started before it (else the first one).
    QSqlQuery visit(m_db);
    const QString start = timestampToJson(dialog->createdAt);
    if (!runQuery(visit,
                  u"SELECT id, ip, user_agent, referrer, utm_source, utm_medium, utm_campaign, utm_term, utm_content "
                  "FROM visits WHERE visitor_id = ? ORDER BY started_at <= ? DESC, "
                  "CASE WHEN started_at <= ? THEN -id ELSE id END LIMIT 1"_s,
                  {visitor.id, start, start})
        || !visit.next())
        return item;
    const qint64 visitId = visit.value(0).toLongLong();
    visitor.ip = visit.value(1).toString();
    visitor.userAgent = visit.value(2).toString();
    const auto parsed = UserAgentParser::parse(visitor.userAgent);
    visitor.browser = parsed.browser;
    visitor.os = parsed.os;
    visitor.referrer = visit.value(3).toString();
    visitor.utm = {visit.value(4).toString(), visit.value(5).toString(), visit.value(6).toString(),
                   visit.value(7).toString(), visit.value(8).toString()};
    // Its pages up to the dialog's end (an open dialog has not ended).
    QSqlQuery pages(m_db);
    const QString end = dialog->closedAt.isValid() ? timestampToJson(dialog->closedAt) : u"9999"_s;
    if (runQuery(pages,
                 u"SELECT url, title, at FROM page_views WHERE visit_id = ? AND at <= ? ORDER BY id DESC LIMIT ?"_s,
                 {visitId, end, kPagesShown})) {
        while (pages.next())
            visitor.pages.prepend({pages.value(0).toString(), pages.value(1).toString(),
                                   timestampFromJson(pages.value(2).toString())});
    }
    if (!visitor.pages.isEmpty())
        visitor.currentPage = visitor.pages.constLast();
    return item;
}

HistoryRepository::SearchPage HistoryRepository::search(const Viewer &viewer, const QString &queryText,
                                                        const HistoryFilter &filter, qint64 beforeId, int limit)
{
    SearchPage result;
    limit = std::clamp(limit, 1, kMaxSearchLimit);
    const qint64 before = upperBound(beforeId);
    const int wanted = limit + 1; // one more than the page tells whether another page follows
    const HistoryText::Query query = HistoryText::parse(queryText);
    Clause conditions = visibleTo(viewer);
    conditions += filtered(filter);

    std::set<qint64> byLine;    // dialogs with a line holding every term
    std::set<qint64> byVisitor; // dialogs whose visitor's name/contact holds every term
    const QString match = HistoryText::toFtsMatch(query);
    QSqlQuery select(m_db);
    if (query.isEmpty()) {
        if (!runQuery(select, u"SELECT d.id FROM dialogs d WHERE d.id < ?"_s + conditions.sql + u" ORDER BY d.id DESC LIMIT ?"_s,
                      QVariantList{before} + conditions.values + QVariantList{wanted}))
            return result;
        for (const qint64 id : ids(select))
            byVisitor.insert(id);
    } else {
        if (!runQuery(select,
                      u"SELECT d.id FROM dialogs d WHERE d.id < ? AND d.visitor_id IN "
                      "(SELECT rowid FROM visitor_search WHERE visitor_search MATCH ?)"_s
                          + conditions.sql + u" ORDER BY d.id DESC LIMIT ?"_s,
                      QVariantList{before, match} + conditions.values + QVariantList{wanted}))
            return result;
        for (const qint64 id : ids(select))
            byVisitor.insert(id);
        byLine = dialogsWithMatchingLine(match, conditions.sql, conditions.values, before, wanted);
    }

    std::set<qint64> all = byLine;
    all.insert(byVisitor.cbegin(), byVisitor.cend());
    QList<qint64> page(all.crbegin(), all.crend());
    if (page.size() > limit) {
        page.resize(limit);
        result.nextBeforeId = page.constLast();
    }
    for (const qint64 id : std::as_const(page)) {
        auto item = historyDialog(id);
        if (!item)
            continue;
        HistoryHit hit{*item, {}};
        if (!query.isEmpty()) {
            std::optional<protocol::HistorySnippet> fromLine;
            if (byLine.count(id))
                fromLine = firstMatchingLine(id, query);
            hit.snippet = fromLine ? *fromLine
                                   : HistoryText::snippet(0, HistorySearchIndex::visitorText(item->visitor.name,
                                                                                             item->visitor.contact),
                                                          query);
        }
        result.hits.append(hit);
    }
    return result;
}

std::set<qint64> HistoryRepository::dialogsWithMatchingLine(const QString &match, const QString &conditions,
                                                           const QVariantList &values, qint64 before, int wanted)
{
    std::set<qint64> accepted;
    QSqlQuery check(m_db);
    if (!check.prepare(u"SELECT 1 FROM dialogs d WHERE d.id = ?"_s + conditions)) {
        qWarning().noquote() << "SQL prepare failed:" << check.lastError().text();
        return accepted;
    }
    // Matching lines newest first, lazily: a common word is never read in full.
    QSqlQuery lines(m_db);
    lines.setForwardOnly(true);
    if (!runQuery(lines,
                  u"SELECT s.rowid, m.dialog_id FROM message_search s JOIN messages m ON m.id = s.rowid "
                  "WHERE message_search MATCH ? ORDER BY s.rowid DESC"_s,
                  {match}))
        return accepted;
    QSet<qint64> seen;
    // Line ids grow with time but a dialog's lines interleave with others': a dialog newer than
    // the page's oldest may still have its only match further down. None can once the walk is
    // below the first line of every dialog in between (lowWater).
    qint64 lowWater = -1;
    while (lines.next()) {
        const qint64 lineId = lines.value(0).toLongLong();
        if (lowWater >= 0 && lineId < lowWater)
            break;
        const qint64 dialogId = lines.value(1).toLongLong();
        if (dialogId >= before || seen.contains(dialogId))
            continue;
        seen.insert(dialogId);
        if (qsizetype(accepted.size()) == wanted && dialogId < *accepted.begin())
            continue;
        check.bindValue(0, dialogId);
        for (qsizetype i = 0; i < values.size(); ++i)
            check.bindValue(int(i + 1), values.at(i));
        if (!check.exec() || !check.next())
            continue;
        check.finish();
        accepted.insert(dialogId);
        if (qsizetype(accepted.size()) > wanted)
            accepted.erase(accepted.begin());
        if (qsizetype(accepted.size()) == wanted && lowWater < 0) {
            QSqlQuery bound(m_db);
            lowWater = runQuery(bound,
                                u"SELECT MIN((SELECT MIN(id) FROM messages WHERE dialog_id = d.id)) FROM dialogs d "
                                "WHERE d.id > ? AND d.id < ?"_s,
                                {*accepted.begin(), before})
                               && bound.next() && !bound.value(0).isNull()
                           ? bound.value(0).toLongLong()
                           : std::numeric_limits<qint64>::max();
        }
    }
    return accepted;
}

std::optional<protocol::HistorySnippet> HistoryRepository::firstMatchingLine(qint64 dialogId,
                                                                             const HistoryText::Query &query)
{
    QSqlQuery lines(m_db);
    lines.setForwardOnly(true);
    if (!runQuery(lines,
                  u"SELECT m.id, m.text, f.name FROM messages m LEFT JOIN files f ON f.id = m.file_id "
                  "WHERE m.dialog_id = ? ORDER BY m.id"_s,
                  {dialogId}))
        return std::nullopt;
    while (lines.next()) {
        const QString text = HistorySearchIndex::lineText(lines.value(1).toString(), lines.value(2).toString());
        if (HistoryText::matches(text, query))
            return HistoryText::snippet(lines.value(0).toLongLong(), text, query);
    }
    return std::nullopt;
}

} // namespace concierge::server
