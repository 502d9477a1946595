// SPDX-License-Identifier: GPL-3.0-or-later
// LocalStore::searchHistory (docs/protocol.md "History", "Search words"): newest dialog first over
// the history index that LocalStoreHistory.cpp keeps. Budget: p95 <= 50 ms over 1,000,000 cached
// lines (ARCHITECTURE.md; tests/bench/bench_history_search prints it).
//
// How it stays fast: a line's rowid in history_lines is (dialog id << 24) + its number, so walking
// the FTS5 matches in rowid DESC order meets dialogs newest first and stops as soon as `limit`
// dialogs passed the filter — a common prefix like "п" reads a few hundred matches, not all of
// them. Paging and a date range become rowid bounds. A filter that lets few dialogs through is
// instead walked over its own index, each dialog asked of the FTS index by its rowid range.
#include "LocalStore.h"

#include "protocol/HistoryText.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;
namespace HistoryText = protocol::HistoryText;

namespace {

constexpr int kLineKeyBits = 24; // as in LocalStoreHistory.cpp
constexpr qint64 kMaxDialogId = (std::numeric_limits<qint64>::max() >> kLineKeyBits) - 1;
/// Lines of one dialog walked past before the walk jumps below the dialog instead.
constexpr int kSkipAfterLines = 48;
/// A filter letting at most this many dialogs through is walked over its own index.
constexpr int kSelectiveFilterDialogs = 1500;

/// Query words this long or shorter are looked up in FTS5's own prefix indexes (prefix='1 2 3').
constexpr int kPrefixIndexed = 3;
/// A longer word beginning more words than this is left to FTS5's prefix query after all.
constexpr int kMaxExpansion = 300;

qint64 firstKeyOf(qint64 dialogId)
{
    return dialogId << kLineKeyBits;
}

/// Dialog ids in [low, high).
struct IdRange
{
    qint64 low = 1;
    qint64 high = kMaxDialogId + 1;
    bool isEmpty() const { return low >= high; }
};

/// The filter's fields other than the dates as SQL over `history` (bound in order by bind()).
struct FilterSql
{
    QString where;
    QVariantList values;

    /// \a tookPartOnly: the viewer is a plain operator, whose history is the dialogs they took part in.
    FilterSql(const protocol::HistoryFilter &filter, bool tookPartOnly)
    {
        where = tookPartOnly ? u"dialog IS NOT NULL AND took_part = 1"_s : u"dialog IS NOT NULL"_s;
        auto add = [this](const QString &condition, const QVariant &value = {}) {
            where += u" AND "_s + condition;
            if (value.isValid())
                values.append(value);
        };
        if (filter.from.isValid())
            add(u"created_at >= ?"_s, filter.fromInstant().toMSecsSinceEpoch());
        if (filter.to.isValid())
            add(u"created_at < ?"_s, filter.toInstantExclusive().toMSecsSinceEpoch());
        if (filter.operatorId > 0)
            add(u"operator_id = ?"_s, filter.operatorId);
        if (filter.departmentId > 0)
            add(u"department_id = ?"_s, filter.departmentId);
        if (filter.categoryId > 0)
            add(u"category_id = ?"_s, filter.categoryId);
        if (filter.rating > 0)
            add(u"rating = ?"_s, filter.rating);
        if (filter.withContactOnly)
            add(u"has_contact = 1"_s);
        if (filter.offlineOnly)
            add(u"offline = 1"_s);
    }

    /// True when a field besides the dates narrows (worth an index walk of its own).
    static bool narrowsBeyondDates(const protocol::HistoryFilter &filter)
    {
        return filter.operatorId > 0 || filter.departmentId > 0 || filter.categoryId > 0 || filter.rating > 0
            || filter.withContactOnly || filter.offlineOnly;
    }

    void bind(QSqlQuery &query) const
    {
        for (const QVariant &value : values)
            query.addBindValue(value);
    }
};

/// The date range as dialog ids. Dialog ids grow with their start (the server numbers them as
/// they are created), so the newest dialog started by `to` and the oldest started from `from`
/// bound the ids; the dates themselves are still checked on each dialog.
IdRange narrowByDates(const QSqlDatabase &db, const protocol::HistoryFilter &filter, IdRange range)
{
    QSqlQuery query(db);
    if (filter.from.isValid()) {
        query.prepare(u"SELECT id FROM history WHERE created_at >= ? ORDER BY created_at, id LIMIT 1"_s);
        query.addBindValue(filter.fromInstant().toMSecsSinceEpoch());
        if (!query.exec() || !query.next())
            return {0, 0};
        range.low = std::max(range.low, query.value(0).toLongLong());
    }
    if (filter.to.isValid()) {
        query.prepare(u"SELECT id FROM history WHERE created_at < ? ORDER BY created_at DESC, id DESC LIMIT 1"_s);
        query.addBindValue(filter.toInstantExclusive().toMSecsSinceEpoch());
        if (!query.exec() || !query.next())
            return {0, 0};
        range.high = std::min(range.high, query.value(0).toLongLong() + 1);
    }
    return range;
}

/// Answers "is this dialog known and does it meet the filter?" one dialog at a time.
class FilterCheck
{
public:
    FilterCheck(const QSqlDatabase &db, const FilterSql &filter)
        : m_query(db), m_filter(filter)
    {
        m_query.prepare(u"SELECT 1 FROM history WHERE id = ? AND "_s + filter.where);
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
    const FilterSql &m_filter;
};

/// What a walk found: the dialogs, newest first, and for those whose matching lines it read
/// to the end, the keys of those lines (the snippet needs no second look at the index then).
struct WalkResult
{
    QList<qint64> dialogs;
    QHash<qint64, QSet<qint64>> matchedKeys;
};

/// Walks an FTS5 table's matches newest dialog first; a rowid is a dialog id << \a shift.
WalkResult walkMatches(const QSqlDatabase &db, const QString &table, const QString &match, int shift,
                       IdRange range, int limit, FilterCheck &check)
{
    WalkResult result;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT rowid FROM %1 WHERE %1 MATCH ? AND rowid >= ? AND rowid < ? ORDER BY rowid DESC"_s.arg(table));
    const qint64 lowKey = range.low << shift;
    qint64 highKey = range.high << shift;
    qint64 current = -1;
    bool currentAccepted = false;
    for (;;) {
        query.bindValue(0, match);
        query.bindValue(1, lowKey);
        query.bindValue(2, highKey);
        if (!query.exec())
            return result;
        bool restart = false;
        int sameDialog = 0;
        while (query.next()) {
            const qint64 key = query.value(0).toLongLong();
            const qint64 dialogId = key >> shift;
            if (dialogId == current) {
                // Many matching lines in one dialog: seek below it rather than read them all.
                if (++sameDialog > kSkipAfterLines) {
                    result.matchedKeys.remove(dialogId);
                    if (result.dialogs.size() >= limit)
                        return result;
                    highKey = dialogId << shift;
                    restart = true;
                    break;
                }
                if (currentAccepted)
                    result.matchedKeys[dialogId].insert(key);
                continue;
            }
            // The last dialog's lines are read to its end, so its keys are whole too.
            if (result.dialogs.size() >= limit)
                return result;
            current = dialogId;
            sameDialog = 0;
            currentAccepted = check.accepts(dialogId);
            if (currentAccepted) {
                result.dialogs.append(dialogId);
                result.matchedKeys[dialogId].insert(key);
            }
        }
        if (!restart)
            return result;
        query.finish();
    }
}

/// The dialogs the filter lets through, newest first (all of them when \a limit is -1).
QList<qint64> filteredDialogs(const QSqlDatabase &db, const FilterSql &filter, IdRange range, int limit)
{
    QList<qint64> ids;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(u"SELECT id FROM history WHERE "_s + filter.where + u" AND id >= ? AND id < ? ORDER BY id DESC LIMIT ?"_s);
    filter.bind(query);
    query.addBindValue(range.low);
    query.addBindValue(range.high);
    query.addBindValue(limit);
    if (query.exec()) {
        while (query.next())
            ids.append(query.value(0).toLongLong());
    }
    return ids;
}

/// A selective filter's dialogs, each asked of the line index by its rowid range.
QList<qint64> probeDialogs(const QSqlDatabase &db, const QList<qint64> &candidates, const QString &match, int limit)
{
    QList<qint64> found;
    QSqlQuery query(db);
    query.prepare(u"SELECT 1 FROM history_lines WHERE history_lines MATCH ? AND rowid >= ? AND rowid < ? LIMIT 1"_s);
    for (qint64 dialogId : candidates) {
        query.bindValue(0, match);
        query.bindValue(1, firstKeyOf(dialogId));
        query.bindValue(2, firstKeyOf(dialogId + 1));
        if (query.exec() && query.next())
            found.append(dialogId);
        query.finish();
        if (found.size() >= limit)
            break;
    }
    return found;
}

/// The MATCH expression for history_lines, the same as HistoryText::toFtsMatch() finds, written
/// so that FTS5 can stream it newest first: a word of 4+ letters becomes the OR of the indexed
/// words it begins (history_words), since FTS5 answers a prefix query longer than its prefix
/// indexes by first gathering every occurrence of every such word. "" when a term occurs nowhere.
QString linesMatchOf(const QSqlDatabase &db, const HistoryText::Query &query)
{
    QSqlQuery vocabulary(db);
    vocabulary.setForwardOnly(true);
    vocabulary.prepare(u"SELECT word FROM history_words WHERE word >= ? AND word < ? ORDER BY word LIMIT ?"_s);
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

/// The first line of a dialog (oldest first) that the index matched; \a keys: its matching
/// lines' keys when the walk saw them all, else empty and the index is asked.
protocol::HistorySnippet lineSnippet(const QSqlDatabase &db, qint64 dialogId, const QString &match,
                                     const HistoryText::Query &query, QSet<qint64> keys)
{
    if (keys.isEmpty()) {
        QSqlQuery matched(db);
        matched.setForwardOnly(true);
        matched.prepare(u"SELECT rowid FROM history_lines WHERE history_lines MATCH ? AND rowid >= ? AND rowid < ?"_s);
        matched.addBindValue(match);
        matched.addBindValue(firstKeyOf(dialogId));
        matched.addBindValue(firstKeyOf(dialogId + 1));
        if (matched.exec()) {
            while (matched.next())
                keys.insert(matched.value(0).toLongLong());
        }
    }
    QSqlQuery lines(db);
    lines.setForwardOnly(true);
    lines.prepare(u"SELECT id, text, json_extract(file, '$.name'), history_key FROM messages "
                  "WHERE dialog_id = ? ORDER BY at, id"_s);
    lines.addBindValue(dialogId);
    if (lines.exec()) {
        while (lines.next()) {
            if (!keys.contains(lines.value(3).toLongLong()))
                continue;
            const QString text = lines.value(1).toString();
            const QString fileName = lines.value(2).toString();
            const QString searched = fileName.isEmpty() ? text
                : text.isEmpty()                        ? fileName
                                                        : text + u'\n' + fileName;
            return HistoryText::snippet(lines.value(0).toLongLong(), searched, query);
        }
    }
    return {};
}

} // namespace

QList<protocol::HistoryHit> LocalStore::searchHistory(const QString &queryText, const protocol::HistoryFilter &filter,
                                                      qint64 beforeId, int limit) const
{
    return searchHistory(queryText, filter, beforeId, 0, limit);
}

QList<protocol::HistoryHit> LocalStore::searchHistory(const QString &queryText, const protocol::HistoryFilter &filter,
                                                      qint64 beforeId, qint64 atLeastId, int limit) const
{
    QList<protocol::HistoryHit> hits;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    limit = atLeastId > 0 ? std::max(limit, 1) : std::clamp(limit, 1, 1000);
    IdRange range;
    if (beforeId > 0)
        range.high = std::min(range.high, beforeId);
    if (atLeastId > 0)
        range.low = std::max(range.low, atLeastId);
    range = narrowByDates(db, filter, range);
    if (range.isEmpty())
        return hits;
    const protocol::OperatorInfo viewer = operatorInfo();
    const FilterSql filterSql(filter, viewer.id > 0 && !viewer.supervises());
    const HistoryText::Query query = HistoryText::parse(queryText);

    QList<qint64> lineMatches, nameMatches, ids;
    QHash<qint64, QSet<qint64>> matchedKeys;
    QString match;
    if (query.isEmpty()) {
        ids = filteredDialogs(db, filterSql, range, limit);
    } else {
        match = linesMatchOf(db, query);
        FilterCheck check(db, filterSql);
        // (An empty match: a word no line has, so only the names can match.)
        if (!match.isEmpty()) {
            // A narrow filter: its few dialogs are probed one by one instead of walking the matches.
            const QList<qint64> candidates = FilterSql::narrowsBeyondDates(filter)
                ? filteredDialogs(db, filterSql, range, kSelectiveFilterDialogs + 1)
                : QList<qint64>();
            if (FilterSql::narrowsBeyondDates(filter) && candidates.size() <= kSelectiveFilterDialogs)
                lineMatches = probeDialogs(db, candidates, match, limit);
            else
            {
                WalkResult walk = walkMatches(db, u"history_lines"_s, match, kLineKeyBits, range, limit, check);
                lineMatches = walk.dialogs;
                matchedKeys = std::move(walk.matchedKeys);
            }
        }
        nameMatches = walkMatches(db, u"history_names"_s, HistoryText::toFtsMatch(query), 0, range, limit, check).dialogs;
        QSet<qint64> all(lineMatches.cbegin(), lineMatches.cend());
        all.unite(QSet<qint64>(nameMatches.cbegin(), nameMatches.cend()));
        ids = all.values();
        std::sort(ids.begin(), ids.end(), std::greater<>());
        if (ids.size() > limit)
            ids.resize(limit);
    }

    const QSet<qint64> byLine(lineMatches.cbegin(), lineMatches.cend());
    QSqlQuery row(db);
    row.prepare(u"SELECT id, state, closed_at, CAST(dialog AS BLOB), CAST(visitor AS BLOB), operator_name, "
                "department_name, category_name, MAX(message_count, server_count), names_text FROM history WHERE id = ?"_s);
    for (qint64 id : std::as_const(ids)) {
        row.bindValue(0, id);
        if (!row.exec() || !row.next())
            continue;
        protocol::HistoryHit hit;
        hit.dialog.dialog = protocol::Dialog::fromJson(QJsonDocument::fromJson(row.value(3).toByteArray()).object());
        hit.dialog.dialog.state = protocol::dialogStateFromString(row.value(1).toString());
        hit.dialog.visitor = protocol::Visitor::fromJson(QJsonDocument::fromJson(row.value(4).toByteArray()).object());
        hit.dialog.operatorName = row.value(5).toString();
        hit.dialog.departmentName = row.value(6).toString();
        hit.dialog.categoryName = row.value(7).toString();
        hit.dialog.messageCount = row.value(8).toInt();
        const QString namesText = row.value(9).toString();
        row.finish();
        if (!query.isEmpty()) {
            if (byLine.contains(id))
                hit.snippet = lineSnippet(db, id, match, query, matchedKeys.value(id));
            if (hit.snippet.text.isEmpty())
                hit.snippet = HistoryText::snippet(0, namesText, query);
        }
        hits.append(hit);
    }
    return hits;
}

} // namespace concierge
