// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRepository.h"

#include "Database.h"
#include "DialogRepository.h"
#include "UserAgentParser.h"
#include "protocol/Json.h"

#include <QDebug>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::HistoryDialog;
using protocol::Message;
using protocol::timestampFromJson;
using protocol::timestampToJson;

namespace {

constexpr int kPagesShown = 20;

/// A piece of WHERE over `dialogs d` and the values it binds, in order.
struct Clause
{
    QString sql;
    QVariantList values;
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

qint64 upperBound(qint64 beforeId)
{
    return beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max();
}

/// What a value adds to an answer frame, as sent.
qint64 jsonSize(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).size();
}

/// What \a lines add to an answer frame (a comma each).
qint64 linesSize(const QList<Message> &lines)
{
    qint64 size = 0;
    for (const Message &line : lines)
        size += jsonSize(line.toJson()) + 1;
    return size;
}

/// \a item with \a lines when they fit HistoryRepository::kPageTextBudget; else with the
/// newest lines that fit (at least one) and messagesTruncated.
HistoryRepository::DialogWithLines newestLinesWithinBudget(HistoryDialog item, const QList<Message> &lines)
{
    qint64 kept = jsonSize(item.toJson());
    qsizetype first = lines.size();
    while (first > 0) {
        const qint64 cost = jsonSize(lines.at(first - 1).toJson()) + 1;
        if (first < lines.size() && kept + cost > HistoryRepository::kPageTextBudget)
            break;
        kept += cost;
        --first;
    }
    item.messagesTruncated = first > 0;
    return {item, lines.mid(first)};
}

std::optional<protocol::ContactDetails> contactFrom(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return protocol::ContactDetails::fromJson(QJsonDocument::fromJson(column.toByteArray()).object());
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
    const QList<qint64> found = visibleDialogs(viewer, {}, upperBound(beforeId), limit + 1);
    DialogRepository dialogs(m_db);
    qint64 used = 0;
    for (qsizetype i = 0; i < found.size() && i < limit; ++i) {
        auto item = historyDialog(found.at(i));
        if (!item)
            continue;
        const QList<Message> lines = dialogs.messagesBefore(item->dialog.id, 0, -1);
        const qint64 whole = jsonSize(item->toJson()) + linesSize(lines);
        if (!page.dialogs.isEmpty() && used + whole > kPageTextBudget) {
            page.nextBeforeId = page.dialogs.constLast().dialog.id; // it opens the next page
            return page;
        }
        // Alone bigger than a page, it comes truncated (history.get with beforeId brings the rest).
        DialogWithLines fitted = newestLinesWithinBudget(*item, lines);
        used += whole;
        page.dialogs.append(fitted.dialog);
        page.messages += fitted.messages;
        if (fitted.dialog.messagesTruncated) { // the page is full with it
            page.nextBeforeId = i + 1 < found.size() ? item->dialog.id : 0;
            return page;
        }
    }
    if (found.size() > limit && !page.dialogs.isEmpty())
        page.nextBeforeId = page.dialogs.constLast().dialog.id;
    return page;
}

std::optional<HistoryRepository::DialogWithLines> HistoryRepository::dialog(const Viewer &viewer, qint64 dialogId,
                                                                          bool wholeDialog)
{
    if (!canView(viewer, dialogId))
        return std::nullopt;
    auto item = historyDialog(dialogId);
    if (!item)
        return std::nullopt;
    QList<Message> all = lines(dialogId, 0, -1);
    if (wholeDialog)
        return DialogWithLines{*item, std::move(all)};
    return newestLinesWithinBudget(*item, all);
}

QList<Message> HistoryRepository::lines(qint64 dialogId, qint64 beforeMessageId, int limit)
{
    return DialogRepository(m_db).messagesBefore(dialogId, beforeMessageId, limit);
}

QSqlQuery *HistoryRepository::run(const QString &sql, const QVariantList &values)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        found = m_statements.try_emplace(sql, m_db).first;
        found->second.setForwardOnly(true);
        if (!found->second.prepare(sql)) {
            qWarning().noquote() << "SQL prepare failed:" << found->second.lastError().text() << sql;
            m_statements.erase(found);
            return nullptr;
        }
    }
    QSqlQuery &query = found->second;
    for (qsizetype i = 0; i < values.size(); ++i) {
        // As runQuery: a null QString means "" (text columns are NOT NULL); QVariant() is NULL.
        const QVariant &value = values.at(i);
        query.bindValue(int(i), value.typeId() == QMetaType::QString && value.toString().isNull() ? QVariant(u""_s) : value);
    }
    if (!query.exec()) {
        qWarning().noquote() << "SQL failed:" << query.lastError().text() << sql;
        return nullptr;
    }
    return &query;
}

std::optional<HistoryDialog> HistoryRepository::historyDialog(qint64 dialogId)
{
    const auto dialog = DialogRepository(m_db).find(dialogId);
    if (!dialog)
        return std::nullopt;
    HistoryDialog item;
    item.dialog = *dialog;
    QSqlQuery *row = run(u"SELECT v.name, v.contact, v.first_seen, o.name, dep.name, c.name, "
                         "(SELECT COUNT(*) FROM messages m WHERE m.dialog_id = d.id AND m.author != 'system') "
                         "FROM dialogs d JOIN visitors v ON v.id = d.visitor_id "
                         "LEFT JOIN operators o ON o.id = d.operator_id "
                         "LEFT JOIN departments dep ON dep.id = d.department_id "
                         "LEFT JOIN categories c ON c.id = d.category_id WHERE d.id = ?"_s,
                         {dialogId});
    if (!row)
        return std::nullopt;
    if (!row->next()) {
        row->finish();
        return std::nullopt;
    }
    protocol::Visitor &visitor = item.visitor;
    visitor.id = dialog->visitorId;
    visitor.name = row->value(0).toString();
    visitor.contact = contactFrom(row->value(1));
    visitor.firstSeen = timestampFromJson(row->value(2).toString());
    item.operatorName = row->value(3).toString();
    item.departmentName = row->value(4).toString();
    item.categoryName = row->value(5).toString();
    item.messageCount = row->value(6).toInt();
    row->finish();

    // The visit the dialog started in: the newest that started before it (else the first one).
    const QString start = timestampToJson(dialog->createdAt);
    QSqlQuery *visit = run(u"SELECT id, ip, user_agent, referrer, utm_source, utm_medium, utm_campaign, utm_term, "
                           "utm_content FROM visits WHERE visitor_id = ? ORDER BY started_at <= ? DESC, "
                           "CASE WHEN started_at <= ? THEN -id ELSE id END LIMIT 1"_s,
                           {visitor.id, start, start});
    if (!visit)
        return item;
    if (!visit->next()) { // no visit recorded
        visit->finish();
        return item;
    }
    const qint64 visitId = visit->value(0).toLongLong();
    visitor.ip = visit->value(1).toString();
    visitor.userAgent = visit->value(2).toString();
    const auto parsed = UserAgentParser::parse(visitor.userAgent);
    visitor.browser = parsed.browser;
    visitor.os = parsed.os;
    visitor.referrer = visit->value(3).toString();
    visitor.utm = {visit->value(4).toString(), visit->value(5).toString(), visit->value(6).toString(),
                   visit->value(7).toString(), visit->value(8).toString()};
    visit->finish();
    // Its pages up to the dialog's end (an open dialog has not ended).
    const QString end = dialog->closedAt.isValid() ? timestampToJson(dialog->closedAt) : u"9999"_s;
    if (QSqlQuery *pages = run(u"SELECT url, title, at FROM page_views WHERE visit_id = ? AND visitor_id = ? AND at <= ? "
                               "ORDER BY id DESC LIMIT ?"_s,
                               {visitId, visitor.id, end, kPagesShown})) {
        while (pages->next())
            visitor.pages.prepend({pages->value(0).toString(), pages->value(1).toString(),
                                   timestampFromJson(pages->value(2).toString())});
        pages->finish();
    }
    if (!visitor.pages.isEmpty())
        visitor.currentPage = visitor.pages.constLast();
    return item;
}

} // namespace concierge::server
