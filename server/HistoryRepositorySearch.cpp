// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRepository's search (docs/protocol.md "History", "Search words") over the tables
// HistorySearchIndex keeps — the same design as the app's cache (core/LocalStoreHistorySearch.cpp).
//
// Why it stays fast however big the database grows: a line's key in message_search is
// (dialog id << 24) | its number, so the FTS5 matches read in rowid DESC order meet dialogs newest
// first and `beforeId` is a key bound; the walk stops as soon as a page of dialogs passed the
// viewer and the filter (one indexed probe per dialog met) and seeks below a dialog with many
// matching lines instead of reading them. Words of 4+ letters become the OR of the words they
// begin (search_words) so FTS5 streams them; shorter ones use its prefix indexes. A viewer or
// filter that lets only some dialogs through (a plain operator, a category) is joined with the
// matches leapfrog fashion: each side seeks past the other when it lags, so neither a rare word
// nor a narrow viewer reads everything in between.
#include "HistoryRepository.h"

#include "Database.h"
#include "HistorySearchIndex.h"
#include "protocol/Json.h"

#include <QDebug>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::HistoryFilter;
using protocol::HistoryHit;
namespace HistoryText = protocol::HistoryText;

namespace {

constexpr int kKeyBits = HistorySearchIndex::kLineKeyBits;
/// The largest dialog id whose line keys fit a qint64.
constexpr qint64 kMaxDialogId = (std::numeric_limits<qint64>::max() >> kKeyBits) - 1;
/// Matching lines of one dialog read before the walk seeks below the dialog instead.
constexpr int kSkipAfterLines = 48;
/// Steps a cursor takes (over dialogs or over matches) before it seeks instead.
constexpr int kStepsBeforeSeek = 8;
/// Query words this long or shorter are looked up in FTS5's own prefix indexes (prefix='1 2 3').
constexpr int kPrefixIndexed = 3;
/// A longer word beginning more words than this is left to FTS5's prefix query after all.
constexpr int kMaxExpansion = 300;

/// The filter as SQL over `dialogs d` (" AND …"), the values bound in order.
struct FilterSql
{
    QString sql;
    QVariantList values;

    explicit FilterSql(const HistoryFilter &filter)
    {
        const auto add = [this](const QString &condition, const QVariant &value = {}) {
            sql += u" AND "_s + condition;
            if (value.isValid())
                values.append(value);
        };
        // Stored times are ISO 8601 UTC with milliseconds (the text protocol::timestampToJson
        // writes), so instants compare as strings.
        if (filter.from.isValid())
            add(u"d.created_at >= ?"_s, protocol::timestampToJson(filter.fromInstant()));
        if (filter.to.isValid())
            add(u"d.created_at < ?"_s, protocol::timestampToJson(filter.toInstantExclusive()));
        if (filter.operatorId > 0)
            add(u"d.operator_id = ?"_s, filter.operatorId);
        if (filter.departmentId > 0)
            add(u"d.department_id = ?"_s, filter.departmentId);
        if (filter.categoryId > 0)
            add(u"d.category_id = ?"_s, filter.categoryId);
        if (filter.rating > 0)
            add(u"d.rating_score = ?"_s, filter.rating);
        if (filter.withContactOnly)
            add(u"(d.offline_contact IS NOT NULL OR EXISTS (SELECT 1 FROM visitors cv "
                "WHERE cv.id = d.visitor_id AND cv.contact IS NOT NULL))"_s);
        if (filter.offlineOnly)
            add(u"d.offline_contact IS NOT NULL"_s);
    }
};

/// "Does the viewer see this dialog and does it meet the filter?", one indexed look-up per dialog.
class DialogCheck
{
public:
    DialogCheck(const QSqlDatabase &db, const HistoryRepository::Viewer &viewer, const HistoryFilter &filter)
        : m_query(db), m_filter(filter)
    {
        QString sql = u"SELECT 1 FROM dialogs d WHERE d.id = ?"_s + m_filter.sql;
        if (!viewer.seesAll) {
            // messages_by_operator (operator_id, dialog_id) answers the EXISTS with one probe.
            sql += u" AND (d.operator_id = ? OR EXISTS (SELECT 1 FROM messages vm WHERE vm.operator_id = ? "
                   "AND vm.dialog_id = d.id))"_s;
            m_filter.values += QVariantList{viewer.operatorId, viewer.operatorId};
        }
        if (!m_query.prepare(sql))
            qWarning().noquote() << "SQL prepare failed:" << m_query.lastError().text() << sql;
    }

    bool accepts(qint64 dialogId)
    {
        m_query.bindValue(0, dialogId);
        for (qsizetype i = 0; i < m_filter.values.size(); ++i)
            m_query.bindValue(int(i + 1), m_filter.values.at(i));
        const bool ok = m_query.exec() && m_query.next();
        m_query.finish();
        return ok;
    }

private:
    QSqlQuery m_query;
    FilterSql m_filter;
};

/// An operator assigned more dialogs than this is searched with a filter by scanning the dialogs.
constexpr int kFewAssigned = 200;

qint64 assignedDialogs(const QSqlDatabase &db, qint64 operatorId)
{
    QSqlQuery count(db);
    return runQuery(count, u"SELECT COUNT(*) FROM dialogs WHERE operator_id = ?"_s, {operatorId}) && count.next()
        ? count.value(0).toLongLong()
        : 0;
}

/// The dialogs a viewer and filter let through, newest first, as a cursor that can seek: a
/// plain operator's from their own indexes (dialogs_by_operator and messages_by_operator merged),
/// else the dialogs table with the filter.
class AllowedDialogs
{
public:
    AllowedDialogs(const QSqlDatabase &db, const HistoryRepository::Viewer &viewer, const HistoryFilter &filter,
                   qint64 before)
        : m_query(db), m_check(db, HistoryRepository::Viewer::everything(), filter), m_viewer(viewer),
          m_filter(filter)
    {
        m_query.setForwardOnly(true);
        // An operator with a filter: the filter and the "took part" rule in SQL over the dialogs
        // (their own indexes, each id checked here, cost more once they have many dialogs).
        m_scanDialogs = viewer.seesAll || (!filter.isEmpty() && assignedDialogs(db, viewer.operatorId) > kFewAssigned);
        m_checkEach = !m_scanDialogs && !filter.isEmpty();
        if (m_scanDialogs) {
            if (!viewer.seesAll) {
                m_filter.sql += u" AND (d.operator_id = ? OR EXISTS (SELECT 1 FROM messages vm WHERE vm.operator_id = ? "
                                "AND vm.dialog_id = d.id))"_s;
                m_filter.values += QVariantList{viewer.operatorId, viewer.operatorId};
            }
            m_query.prepare(u"SELECT d.id FROM dialogs d WHERE d.id < ?"_s + m_filter.sql + u" ORDER BY d.id DESC"_s);
        } else {
            m_query.prepare(u"SELECT id FROM dialogs WHERE operator_id = ? AND id < ? "
                            "UNION SELECT dialog_id FROM messages WHERE operator_id = ? AND dialog_id < ? ORDER BY 1 DESC"_s);
        }
        seek(before);
    }

    /// The current dialog; 0 when there are no more.
    qint64 current() const { return m_current; }

    /// Moves to the newest allowed dialog at or below \a dialogId.
    void skipTo(qint64 dialogId)
    {
        for (int steps = 0; m_current > dialogId; ++steps) {
            if (steps == kStepsBeforeSeek) {
                seek(dialogId + 1);
                return;
            }
            pull();
        }
    }

private:
    /// Starts over below \a before.
    void seek(qint64 before)
    {
        m_query.finish();
        if (m_scanDialogs) {
            m_query.bindValue(0, before);
            for (qsizetype i = 0; i < m_filter.values.size(); ++i)
                m_query.bindValue(int(i + 1), m_filter.values.at(i));
        } else {
            const QVariantList values{m_viewer.operatorId, before, m_viewer.operatorId, before};
            for (qsizetype i = 0; i < values.size(); ++i)
                m_query.bindValue(int(i), values.at(i));
        }
        m_current = 0;
        if (m_query.exec())
            pull();
    }

    void pull()
    {
        while (m_query.next()) {
            const qint64 id = m_query.value(0).toLongLong();
            if (!m_checkEach || m_check.accepts(id)) {
                m_current = id;
                return;
            }
        }
        m_current = 0;
    }

    QSqlQuery m_query;
    DialogCheck m_check;
    HistoryRepository::Viewer m_viewer;
    FilterSql m_filter;
    bool m_scanDialogs = true;
    bool m_checkEach = false;
    qint64 m_current = 0;
};

/// Up to \a limit dialogs below \a before with a row in FTS5 \a table matching \a match (rowid =
/// dialog id << \a shift) that \a allowed holds, newest first. A leapfrog join: the matches and
/// the allowed dialogs are stepped in turn, each seeking past the other when it lags, so a rare
/// word or a narrow viewer or filter costs a few seeks, not a read of everything between.
QList<qint64> leapfrog(const QSqlDatabase &db, const QString &table, const QString &match, int shift,
                       qint64 before, int limit, AllowedDialogs &allowed)
{
    QList<qint64> found;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH ? AND rowid < ? ORDER BY rowid DESC"_s.arg(table)))
        return found;
    qint64 highKey = before << shift;
    for (;;) {
        if (allowed.current() == 0)
            return found;
        query.bindValue(0, match);
        query.bindValue(1, highKey);
        if (!query.exec())
            return found;
        bool restart = false;
        int sameDialog = 0;
        int misses = 0;
        while (query.next()) {
            const qint64 dialogId = query.value(0).toLongLong() >> shift;
            if (!found.isEmpty() && dialogId == found.constLast()) {
                // Many matching lines in one dialog: seek below it rather than read them all.
                if (++sameDialog > kSkipAfterLines) {
                    highKey = dialogId << shift;
                    restart = true;
                    break;
                }
                continue;
            }
            allowed.skipTo(dialogId);
            if (allowed.current() == 0)
                return found;
            if (allowed.current() == dialogId) {
                found.append(dialogId);
                if (found.size() >= limit)
                    return found;
                sameDialog = misses = 0;
            } else if (++misses > kStepsBeforeSeek) {
                // Matches of dialogs the viewer may not see: seek to the next one they may.
                highKey = (allowed.current() + 1) << shift;
                restart = true;
                break;
            }
        }
        if (!restart)
            return found;
        query.finish();
    }
}

/// Up to \a limit dialogs below \a before with a row in FTS5 \a table matching \a match (rowid =
/// dialog id << \a shift) that \a check accepts, newest first.
QList<qint64> walkMatches(const QSqlDatabase &db, const QString &table, const QString &match, int shift,
                          qint64 before, int limit, DialogCheck &check)
{
    QList<qint64> found;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH ? AND rowid < ? ORDER BY rowid DESC"_s.arg(table)))
        return found;
    qint64 highKey = before << shift;
    qint64 current = -1;
    for (;;) {
        query.bindValue(0, match);
        query.bindValue(1, highKey);
        if (!query.exec())
            return found;
        bool restart = false;
        int sameDialog = 0;
        while (query.next()) {
            const qint64 dialogId = query.value(0).toLongLong() >> shift;
            if (dialogId == current) {
                // Many matching lines in one dialog: seek below it rather than read them all.
                if (++sameDialog > kSkipAfterLines) {
                    highKey = dialogId << shift;
                    restart = true;
                    break;
                }
                continue;
            }
            current = dialogId;
            sameDialog = 0;
            if (check.accepts(dialogId)) {
                found.append(dialogId);
                if (found.size() >= limit)
                    return found;
            }
        }
        if (!restart)
            return found;
        query.finish();
    }
}

/// The MATCH expression for message_search, finding what HistoryText::toFtsMatch() finds but
/// streamable newest first: a word of 4+ letters becomes the OR of the indexed words it begins
/// (FTS5 answers a prefix query longer than its prefix indexes by first gathering every
/// occurrence of every such word). "" when a term occurs in no line.
QString linesMatchOf(const QSqlDatabase &db, const HistoryText::Query &query)
{
    QSqlQuery vocabulary(db);
    vocabulary.setForwardOnly(true);
    vocabulary.prepare(u"SELECT word FROM search_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?"_s);
    QStringList parts;
    for (const QStringList &term : query.terms) {
        const QString &last = term.last();
        const QString lead = term.size() > 1 ? term.first(term.size() - 1).join(u' ') + u' ' : QString();
        if (last.size() <= kPrefixIndexed) {
            parts.append(u'"' + lead + last + u"\"*"_s);
            continue;
        }
        // Every word that begins with `last` sorts (as UTF-8 bytes) below `last` + U+10FFFF.
        vocabulary.bindValue(0, last);
        vocabulary.bindValue(1, QString(last + QChar(QChar::highSurrogate(0x10FFFF)) + QChar(QChar::lowSurrogate(0x10FFFF))));
        vocabulary.bindValue(2, kMaxExpansion + 1);
        QStringList alternatives;
        if (vocabulary.exec()) {
            while (vocabulary.next())
                alternatives.append(u'"' + lead + vocabulary.value(0).toString() + u'"');
        }
        vocabulary.finish();
        if (alternatives.isEmpty())
            return {};
        if (alternatives.size() > kMaxExpansion)
            parts.append(u'"' + lead + last + u"\"*"_s);
        else
            parts.append(u'(' + alternatives.join(u" OR "_s) + u')');
    }
    return parts.join(u" AND "_s);
}


} // namespace

std::optional<protocol::HistorySnippet> HistoryRepository::lineSnippet(qint64 dialogId, const QString &linesMatch,
                                                                       const HistoryText::Query &query)
{
    QSqlQuery *first = run(u"SELECT rowid FROM message_search WHERE message_search MATCH ? AND rowid >= ? AND rowid < ? "
                           "ORDER BY rowid LIMIT 1"_s,
                           {linesMatch, HistorySearchIndex::lineKey(dialogId, 0), HistorySearchIndex::lineKey(dialogId + 1, 0)});
    if (!first)
        return std::nullopt;
    if (!first->next()) { // found by the visitor alone
        first->finish();
        return std::nullopt;
    }
    const qint64 lineNumber = first->value(0).toLongLong() & ((qint64(1) << kKeyBits) - 1);
    first->finish();
    QSqlQuery *line = run(u"SELECT m.id, m.text, f.name FROM messages m LEFT JOIN files f ON f.id = m.file_id "
                          "WHERE m.dialog_id = ? ORDER BY m.id LIMIT 1 OFFSET ?"_s,
                          {dialogId, lineNumber});
    if (!line)
        return std::nullopt;
    if (!line->next()) {
        line->finish();
        return std::nullopt;
    }
    const qint64 messageId = line->value(0).toLongLong();
    const QString text = HistorySearchIndex::lineText(line->value(1).toString(), line->value(2).toString());
    line->finish();
    return HistoryText::snippet(messageId, text, query);
}

QList<qint64> HistoryRepository::visibleDialogs(const Viewer &viewer, const HistoryFilter &filter, qint64 before,
                                                int limit)
{
    QList<qint64> ids;
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (viewer.seesAll) {
        const FilterSql where(filter);
        if (runQuery(query, u"SELECT d.id FROM dialogs d WHERE d.id < ?"_s + where.sql + u" ORDER BY d.id DESC LIMIT ?"_s,
                     QVariantList{before} + where.values + QVariantList{limit})) {
            while (query.next())
                ids.append(query.value(0).toLongLong());
        }
        return ids;
    }
    // The operator's own dialogs from their two indexes, merged newest first (SQLite streams a
    // compound ORDER BY), each checked against the filter.
    if (!runQuery(query,
                  u"SELECT id FROM dialogs WHERE operator_id = ? AND id < ? "
                  "UNION SELECT dialog_id FROM messages WHERE operator_id = ? AND dialog_id < ? ORDER BY 1 DESC"_s,
                  {viewer.operatorId, before, viewer.operatorId, before}))
        return ids;
    DialogCheck check(m_db, Viewer::everything(), filter);
    const bool filtered = !filter.isEmpty();
    while (ids.size() < limit && query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (!filtered || check.accepts(id))
            ids.append(id);
    }
    return ids;
}

namespace {

/// Up to \a wanted dialogs matching \a query below \a before that \a viewer sees and \a filter
/// lets through, newest first: those with a line holding every term, and those whose visitor's
/// names and contacts do.
QList<qint64> findDialogs(const QSqlDatabase &db, const HistoryRepository::Viewer &viewer,
                          const HistoryText::Query &query, const HistoryFilter &filter, qint64 before, int wanted)
{
    const QString linesMatch = linesMatchOf(db, query); // "": a word no line has, only names can match
    const QString namesMatch = HistoryText::toFtsMatch(query);
    QList<qint64> byLine, byName;
    if (viewer.seesAll && filter.isEmpty()) {
        // Every dialog is allowed: the matches alone, each dialog only checked to exist.
        DialogCheck exists(db, viewer, filter);
        if (!linesMatch.isEmpty())
            byLine = walkMatches(db, u"message_search"_s, linesMatch, kKeyBits, before, wanted, exists);
        byName = walkMatches(db, u"dialog_search"_s, namesMatch, 0, before, wanted, exists);
    } else {
        if (!linesMatch.isEmpty()) {
            AllowedDialogs allowed(db, viewer, filter, before);
            byLine = leapfrog(db, u"message_search"_s, linesMatch, kKeyBits, before, wanted, allowed);
        }
        AllowedDialogs allowed(db, viewer, filter, before);
        byName = leapfrog(db, u"dialog_search"_s, namesMatch, 0, before, wanted, allowed);
    }
    QSet<qint64> all(byLine.cbegin(), byLine.cend());
    all.unite(QSet<qint64>(byName.cbegin(), byName.cend()));
    QList<qint64> found = all.values();
    std::sort(found.begin(), found.end(), std::greater<>());
    if (found.size() > wanted)
        found.resize(wanted);
    return found;
}

} // namespace

QList<qint64> HistoryRepository::searchIds(const Viewer &viewer, const QString &queryText, const HistoryFilter &filter,
                                           int limit, qint64 beforeId)
{
    limit = std::max(limit, 1);
    const qint64 before = beforeId > 0 ? std::min(beforeId, kMaxDialogId + 1) : kMaxDialogId + 1;
    const HistoryText::Query query = HistoryText::parse(queryText);
    if (query.isEmpty())
        return visibleDialogs(viewer, filter, before, limit);
    return findDialogs(m_db, viewer, query, filter, before, limit);
}

HistoryRepository::SearchPage HistoryRepository::search(const Viewer &viewer, const QString &queryText,
                                                        const HistoryFilter &filter, qint64 beforeId, int limit)
{
    SearchPage result;
    limit = std::clamp(limit, 1, kMaxSearchLimit);
    // One more than the page tells whether another page follows.
    QList<qint64> ids = searchIds(viewer, queryText, filter, limit + 1, beforeId);
    if (ids.size() > limit) {
        ids.resize(limit);
        result.nextBeforeId = ids.constLast();
    }
    const HistoryText::Query query = HistoryText::parse(queryText);
    const QString linesMatch = query.isEmpty() ? QString() : linesMatchOf(m_db, query);
    for (const qint64 id : std::as_const(ids)) {
        auto item = historyDialog(id);
        if (!item)
            continue;
        HistoryHit hit{*item, {}};
        if (!query.isEmpty()) {
            // A dialog found by its visitor alone has no matching line: the names are the snippet.
            const auto fromLine = linesMatch.isEmpty() ? std::nullopt : lineSnippet(id, linesMatch, query);
            hit.snippet = fromLine ? *fromLine
                                   : HistoryText::snippet(0,
                                                          HistorySearchIndex::namesText(item->visitor.name, item->visitor.id,
                                                                                        item->visitor.contact,
                                                                                        item->dialog.offline),
                                                          query);
        }
        result.hits.append(hit);
    }
    return result;
}

} // namespace concierge::server
