// SPDX-License-Identifier: GPL-3.0-or-later
// The history section of LocalStore (docs/protocol.md "History"): the history index, kept by the
// live path (upsertDialog/upsertMessage), the backfill (storeHistory) and the v9 migration, and
// the search over it. Layout of the tables: see the v9 and v10 steps in LocalStore.cpp. Reading
// it back: LocalStoreHistoryState.cpp.
#include "LocalStore.h"

#include "protocol/HistoryText.h"

#include <QHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;
namespace HistoryText = protocol::HistoryText;

namespace {

/// A line's key in history_lines is (dialog id << kLineKeyBits) + its number within the dialog:
/// rowid order is dialog order, and one dialog's lines are one range. Lines past 2^24 in one
/// dialog are stored but not indexed.
constexpr int kLineKeyBits = 24;
constexpr qint64 kLinesPerDialog = qint64(1) << kLineKeyBits;
/// Dialog ids must fit in the rest of a 64-bit rowid.
constexpr qint64 kMaxDialogId = (std::numeric_limits<qint64>::max() >> kLineKeyBits) - 1;

qint64 firstKeyOf(qint64 dialogId)
{
    return dialogId << kLineKeyBits;
}

QString toJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QVariant msecsOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

/// What of a line the search reads: its text, and a file line's file name.
QString searchTextOf(const QString &text, const QString &fileName)
{
    if (fileName.isEmpty())
        return text;
    return text.isEmpty() ? fileName : text + u'\n' + fileName;
}

QString searchTextOf(const protocol::Message &message)
{
    return searchTextOf(message.text, message.file.name);
}

bool hasAny(const protocol::ContactDetails &contact)
{
    return !contact.name.isEmpty() || !contact.email.isEmpty() || !contact.phone.isEmpty();
}

bool hasContact(const protocol::HistoryDialog &item)
{
    return (item.visitor.contact && hasAny(*item.visitor.contact))
        || (item.dialog.offline && hasAny(*item.dialog.offline));
}

/// The visitor's name and contact details as the name search reads them (and shows as a snippet).
QString namesTextOf(const protocol::HistoryDialog &item)
{
    QStringList parts;
    auto add = [&parts](const QString &part) {
        if (!part.trimmed().isEmpty() && !parts.contains(part))
            parts.append(part);
    };
    // The server's own "Visitor 15" is no name anyone gave: searching "15" must not list visitors
    // 15, 150, 1500… (the list shows it anyway).
    const qint64 visitorId = item.visitor.id > 0 ? item.visitor.id : item.dialog.visitorId;
    if (item.visitor.name != u"Visitor %1"_s.arg(visitorId))
        add(item.visitor.name);
    for (const auto &contact : {item.visitor.contact, item.dialog.offline}) {
        if (contact) {
            add(contact->name);
            add(contact->email);
            add(contact->phone);
        }
    }
    return parts.join(u" \u00B7 "_s);
}

/// Numbers and indexes the lines of dialogs, one batch (a page, the migration, one live line),
/// with its statements prepared once. The per-dialog counters are written back by finish().
class LineIndexer
{
public:
    explicit LineIndexer(const QSqlDatabase &db)
        : m_readCounters(db), m_writeCounters(db), m_insertWords(db), m_insertVocabulary(db)
    {
        m_readCounters.prepare(u"SELECT line_keys, message_count FROM history WHERE id = ?"_s);
        m_writeCounters.prepare(u"INSERT INTO history (id, line_keys, message_count, took_part) VALUES (?, ?, ?, ?) "
                                "ON CONFLICT(id) DO UPDATE SET line_keys = excluded.line_keys, "
                                "message_count = excluded.message_count, "
                                "took_part = MAX(took_part, excluded.took_part)"_s);
        m_insertWords.prepare(u"INSERT INTO history_lines (rowid, text) VALUES (?, ?)"_s);
        m_insertVocabulary.prepare(u"INSERT OR IGNORE INTO history_words (word) VALUES (?)"_s);
    }

    /// The key the dialog's next line gets; null when the dialog cannot take more.
    QVariant nextKey(qint64 dialogId)
    {
        const Counters &counters = countersOf(dialogId);
        if (dialogId <= 0 || dialogId > kMaxDialogId || counters.lineKeys >= kLinesPerDialog)
            return {};
        return firstKeyOf(dialogId) + counters.lineKeys;
    }

    /// The line stored under nextKey(): its words go into the index, the dialog's counts move on.
    /// \a mine: the logged-in operator wrote it (they took part in the dialog).
    bool add(qint64 dialogId, qint64 key, bool counted, const QString &searchText, bool mine = false)
    {
        const QString folded = HistoryText::fold(searchText);
        m_insertWords.bindValue(0, key);
        m_insertWords.bindValue(1, folded);
        if (!m_insertWords.exec()) {
            m_error = m_insertWords.lastError().text();
            return false;
        }
        const QStringList words = HistoryText::words(folded);
        for (const QString &word : words)
            m_newWords.insert(word);
        Counters &counters = m_counters[dialogId];
        ++counters.lineKeys;
        if (counted)
            ++counters.messageCount;
        counters.tookPart = counters.tookPart || mine;
        counters.changed = true;
        return true;
    }

    bool finish()
    {
        for (const QString &word : std::as_const(m_newWords)) {
            m_insertVocabulary.bindValue(0, word);
            if (!m_insertVocabulary.exec()) {
                m_error = m_insertVocabulary.lastError().text();
                return false;
            }
        }
        m_newWords.clear();
        for (auto it = m_counters.cbegin(); it != m_counters.cend(); ++it) {
            if (!it->changed)
                continue;
            m_writeCounters.bindValue(0, it.key());
            m_writeCounters.bindValue(1, it->lineKeys);
            m_writeCounters.bindValue(2, it->messageCount);
            m_writeCounters.bindValue(3, it->tookPart ? 1 : 0);
            if (!m_writeCounters.exec()) {
                m_error = m_writeCounters.lastError().text();
                return false;
            }
        }
        m_counters.clear();
        return m_error.isEmpty();
    }

    QString error() const { return m_error; }

private:
    struct Counters
    {
        qint64 lineKeys = 0;
        int messageCount = 0;
        bool tookPart = false;
        bool changed = false;
    };

    const Counters &countersOf(qint64 dialogId)
    {
        auto it = m_counters.find(dialogId);
        if (it == m_counters.end()) {
            Counters counters;
            m_readCounters.bindValue(0, dialogId);
            if (m_readCounters.exec() && m_readCounters.next()) {
                counters.lineKeys = m_readCounters.value(0).toLongLong();
                counters.messageCount = m_readCounters.value(1).toInt();
            }
            m_readCounters.finish();
            it = m_counters.insert(dialogId, counters);
        }
        return *it;
    }

    QSqlQuery m_readCounters;
    QSqlQuery m_writeCounters;
    QSqlQuery m_insertWords;
    QSqlQuery m_insertVocabulary;
    QHash<qint64, Counters> m_counters;
    QSet<QString> m_newWords; ///< this batch's words, each written to history_words once
    QString m_error;
};

/// What a history row already holds, for an update that must not lose it.
struct StoredRow
{
    bool known = false; ///< the dialog itself is stored (not only lines of it)
    qint64 operatorId = 0, departmentId = 0, categoryId = 0;
    QString visitorName, operatorName, departmentName, categoryName, namesText;
    QByteArray visitorJson;
    bool complete = false;
    bool tookPart = false;
};

StoredRow storedRow(const QSqlDatabase &db, qint64 id)
{
    StoredRow row;
    QSqlQuery query(db);
    query.prepare(u"SELECT dialog IS NOT NULL, operator_id, department_id, category_id, visitor_name, "
                  "operator_name, department_name, category_name, names_text, CAST(visitor AS BLOB), complete, "
                  "took_part FROM history WHERE id = ?"_s);
    query.addBindValue(id);
    if (query.exec() && query.next()) {
        row.known = query.value(0).toBool();
        row.operatorId = query.value(1).toLongLong();
        row.departmentId = query.value(2).toLongLong();
        row.categoryId = query.value(3).toLongLong();
        row.visitorName = query.value(4).toString();
        row.operatorName = query.value(5).toString();
        row.departmentName = query.value(6).toString();
        row.categoryName = query.value(7).toString();
        row.namesText = query.value(8).toString();
        row.visitorJson = query.value(9).toByteArray();
        row.complete = query.value(10).toBool();
        row.tookPart = query.value(11).toBool();
    }
    return row;
}

/// Writes the dialog part of a history row and keeps the name index in step. \a serverCount:
/// the server's messageCount (0 when the row comes from the live path). \a tookPart: the viewer
/// took part in it (once true, it stays).
QString writeRow(const QSqlDatabase &db, const protocol::HistoryDialog &item, const StoredRow &stored,
                 bool complete, int serverCount, bool tookPart)
{
    const protocol::Dialog &dialog = item.dialog;
    QSqlQuery query(db);
    query.prepare(u"INSERT INTO history (id, created_at, closed_at, state, visitor_id, visitor_name, operator_id, "
                  "operator_name, department_id, department_name, category_id, category_name, rating, has_contact, "
                  "offline, server_count, complete, names_text, dialog, visitor, took_part) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                  "ON CONFLICT(id) DO UPDATE SET created_at = excluded.created_at, closed_at = excluded.closed_at, "
                  "state = excluded.state, visitor_id = excluded.visitor_id, visitor_name = excluded.visitor_name, "
                  "operator_id = excluded.operator_id, operator_name = excluded.operator_name, "
                  "department_id = excluded.department_id, department_name = excluded.department_name, "
                  "category_id = excluded.category_id, category_name = excluded.category_name, "
                  "rating = excluded.rating, has_contact = excluded.has_contact, offline = excluded.offline, "
                  "server_count = MAX(server_count, excluded.server_count), complete = excluded.complete, "
                  "names_text = excluded.names_text, dialog = excluded.dialog, visitor = excluded.visitor, "
                  "took_part = MAX(took_part, excluded.took_part)"_s);
    const QString namesText = namesTextOf(item);
    query.addBindValue(dialog.id);
    query.addBindValue(msecsOrNull(dialog.createdAt));
    query.addBindValue(msecsOrNull(dialog.closedAt));
    query.addBindValue(protocol::dialogStateToString(dialog.state));
    query.addBindValue(dialog.visitorId);
    query.addBindValue(item.visitor.name);
    query.addBindValue(idOrNull(dialog.operatorId));
    query.addBindValue(item.operatorName);
    query.addBindValue(idOrNull(dialog.departmentId));
    query.addBindValue(item.departmentName);
    query.addBindValue(idOrNull(dialog.categoryId));
    query.addBindValue(item.categoryName);
    query.addBindValue(dialog.rating.isValid() ? QVariant(dialog.rating.score) : QVariant());
    query.addBindValue(hasContact(item) ? 1 : 0);
    query.addBindValue(dialog.offline ? 1 : 0);
    query.addBindValue(serverCount);
    query.addBindValue(complete ? 1 : 0);
    query.addBindValue(namesText);
    query.addBindValue(toJsonText(dialog.toJson()));
    query.addBindValue(toJsonText(item.visitor.toJson()));
    query.addBindValue(tookPart ? 1 : 0);
    if (!query.exec())
        return query.lastError().text();

    if (namesText == stored.namesText && stored.known)
        return {};
    // Contentless FTS5: a row is taken out by giving back the words it was indexed with.
    QSqlQuery names(db);
    if (!stored.namesText.isEmpty()) {
        names.prepare(u"INSERT INTO history_names (history_names, rowid, text) VALUES ('delete', ?, ?)"_s);
        names.addBindValue(dialog.id);
        names.addBindValue(HistoryText::fold(stored.namesText));
        if (!names.exec())
            return names.lastError().text();
    }
    if (!namesText.isEmpty()) {
        names.prepare(u"INSERT INTO history_names (rowid, text) VALUES (?, ?)"_s);
        names.addBindValue(dialog.id);
        names.addBindValue(HistoryText::fold(namesText));
        if (!names.exec())
            return names.lastError().text();
    }
    return {};
}

/// The name in force now of an operator, department or category, from the lists the last hello
/// left in `kv` ("" when not listed).
QString nameFromKvList(const QSqlDatabase &db, const QString &key, qint64 id)
{
    if (id <= 0)
        return {};
    QSqlQuery query(db);
    query.prepare(u"SELECT json_extract(item.value, '$.name') FROM kv, json_each(kv.value) AS item "
                  "WHERE kv.key = ? AND json_extract(item.value, '$.id') = ?"_s);
    query.addBindValue(key);
    query.addBindValue(id);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return {};
}

} // namespace

// --- Upkeep ----------------------------------------------------------------------------------

bool LocalStore::indexHistoryLine(const protocol::Message &message)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery stored(db);
    stored.prepare(u"SELECT history_key FROM messages WHERE id = ?"_s);
    stored.addBindValue(message.id);
    if (!stored.exec() || !stored.next() || !stored.value(0).isNull())
        return true; // not stored (nothing to index) or already indexed: a line counts once
    stored.finish();
    LineIndexer indexer(db);
    const QVariant key = indexer.nextKey(message.dialogId);
    if (key.isNull())
        return true;
    QSqlQuery mark(db);
    mark.prepare(u"UPDATE messages SET history_key = ? WHERE id = ?"_s);
    mark.addBindValue(key);
    mark.addBindValue(message.id);
    if (!mark.exec())
        return fail(u"indexHistoryLine"_s, mark.lastError().text());
    const bool mine = message.author == protocol::Author::Operator && message.operatorId > 0
        && message.operatorId == operatorInfo().id;
    if (!indexer.add(message.dialogId, key.toLongLong(), message.author != protocol::Author::System,
                     searchTextOf(message), mine)
        || !indexer.finish())
        return fail(u"indexHistoryLine"_s, indexer.error());
    return true;
}

bool LocalStore::noteHistoryDialog(const protocol::Dialog &dialog)
{
    if (dialog.id <= 0 || dialog.id > kMaxDialogId)
        return true;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const StoredRow stored = storedRow(db, dialog.id);
    protocol::HistoryDialog item;
    item.dialog = dialog;
    // The visitor as they were: the cached visitor while the dialog is open (or when nothing was
    // kept yet); a closed dialog keeps the visitor it ended with.
    std::optional<protocol::Visitor> current;
    if (dialog.isOpen() || stored.visitorJson.isEmpty())
        current = visitor(dialog.visitorId);
    if (current) {
        item.visitor = *current;
        item.visitor.online = false;
    } else if (!stored.visitorJson.isEmpty()) {
        item.visitor = protocol::Visitor::fromJson(QJsonDocument::fromJson(stored.visitorJson).object());
    } else {
        item.visitor.id = dialog.visitorId;
    }
    if (item.visitor.name.isEmpty())
        item.visitor.name = stored.visitorName; // never blank a name already known
    // Names in force now; one no longer listed stays as it was while the id is the same.
    auto name = [&](const QString &key, qint64 id, qint64 storedId, const QString &storedName) {
        const QString now = nameFromKvList(db, key, id);
        return now.isEmpty() && id == storedId ? storedName : now;
    };
    item.operatorName = name(u"operators"_s, dialog.operatorId, stored.operatorId, stored.operatorName);
    item.departmentName = name(u"departments"_s, dialog.departmentId, stored.departmentId, stored.departmentName);
    item.categoryName = name(u"categories"_s, dialog.categoryId, stored.categoryId, stored.categoryName);
    // Seen live from its start: a new, unassigned, never transferred dialog outside a snapshot.
    bool complete = stored.known
        ? stored.complete
        : !m_applyingSnapshot && dialog.state == protocol::DialogState::Waiting && dialog.operatorId == 0
            && !dialog.transfer.isValid();
    const protocol::OperatorInfo viewer = operatorInfo();
    const bool assignedToViewer = viewer.id > 0 && dialog.operatorId == viewer.id;
    // Someone else's now, while others' dialogs are hidden: its next lines never reach us.
    if (dialog.operatorId > 0 && !assignedToViewer && viewer.id > 0 && !viewer.supervises()
        && serverSettings().hideOthersDialogs)
        complete = false;
    const QString error = writeRow(db, item, stored, complete, 0, stored.tookPart || assignedToViewer);
    return error.isEmpty() || fail(u"noteHistoryDialog"_s, error);
}

bool LocalStore::fillHistoryIndex()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QList<qint64> dialogIds;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        if (!query.exec(u"SELECT id FROM dialogs ORDER BY id"_s))
            return fail(u"fillHistoryIndex"_s, query.lastError().text());
        while (query.next())
            dialogIds.append(query.value(0).toLongLong());
    }
    // What a v8 cache holds was not necessarily seen from each dialog's start.
    m_applyingSnapshot = true;
    for (qint64 id : std::as_const(dialogIds))
        noteHistoryDialog(dialog(id));
    m_applyingSnapshot = false;

    // Lines in batches by id: the rows read are updated (history_key) as we go.
    LineIndexer indexer(db);
    QSqlQuery read(db);
    read.prepare(u"SELECT id, dialog_id, author, text, json_extract(file, '$.name'), "
                 "json_extract(json, '$.operatorId') FROM messages "
                 "WHERE id > ? AND dialog_id != 0 AND history_key IS NULL ORDER BY id LIMIT 5000"_s);
    const qint64 viewerId = operatorInfo().id;
    QSqlQuery mark(db);
    mark.prepare(u"UPDATE messages SET history_key = ? WHERE id = ?"_s);
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        struct Line { qint64 id, dialogId; bool counted; QString searchText; bool mine; };
        QList<Line> lines;
        read.bindValue(0, after);
        if (!read.exec())
            return fail(u"fillHistoryIndex"_s, read.lastError().text());
        while (read.next())
            lines.append({read.value(0).toLongLong(), read.value(1).toLongLong(),
                          read.value(2).toString() != u"system", searchTextOf(read.value(3).toString(), read.value(4).toString()),
                          viewerId > 0 && read.value(2).toString() == u"operator" && read.value(5).toLongLong() == viewerId});
        read.finish();
        if (lines.isEmpty())
            break;
        for (const Line &line : std::as_const(lines)) {
            const QVariant key = indexer.nextKey(line.dialogId);
            if (key.isNull())
                continue;
            mark.bindValue(0, key);
            mark.bindValue(1, line.id);
            if (!mark.exec())
                return fail(u"fillHistoryIndex"_s, mark.lastError().text());
            if (!indexer.add(line.dialogId, key.toLongLong(), line.counted, line.searchText, line.mine))
                return fail(u"fillHistoryIndex"_s, indexer.error());
        }
        after = lines.last().id;
    }
    return indexer.finish() || fail(u"fillHistoryIndex"_s, indexer.error());
}

// --- The backfill's side ---------------------------------------------------------------------

bool LocalStore::storeHistory(const QList<protocol::HistoryDialog> &dialogs, const QList<protocol::Message> &messages)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!beginTransaction())
        return false;
    // Lines first: a line already cached is kept as it is (and stays indexed once).
    LineIndexer indexer(db);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT OR IGNORE INTO messages (id, cid, dialog_id, author, text, at, json, file, history_key) "
                   "VALUES (?, ?, ?, ?, COALESCE(?, ''), ?, ?, ?, ?)"_s);
    // A line cached but not indexed (kept by the live cache across clearHistory()) is indexed now.
    QSqlQuery keyUnindexed(db);
    keyUnindexed.prepare(u"UPDATE messages SET history_key = ? WHERE id = ? AND dialog_id = ? AND history_key IS NULL"_s);
    for (const protocol::Message &message : messages) {
        if (message.dialogId == 0) {
            upsertMessage(message); // an operator-room line has no place in the history
            continue;
        }
        const QVariant key = indexer.nextKey(message.dialogId);
        insert.bindValue(0, message.id);
        insert.bindValue(1, message.cid.isEmpty() ? QVariant() : QVariant(message.cid));
        insert.bindValue(2, message.dialogId);
        insert.bindValue(3, protocol::authorToString(message.author));
        insert.bindValue(4, message.text);
        insert.bindValue(5, message.at.toUTC().toString(Qt::ISODateWithMs));
        insert.bindValue(6, toJsonText(message.toJson()));
        insert.bindValue(7, message.file.isEmpty() ? QVariant() : QVariant(toJsonText(message.file.toJson())));
        insert.bindValue(8, key);
        if (!insert.exec()) {
            fail(u"storeHistory"_s, insert.lastError().text());
            break;
        }
        bool toIndex = insert.numRowsAffected() > 0;
        if (!toIndex && !key.isNull()) {
            keyUnindexed.bindValue(0, key);
            keyUnindexed.bindValue(1, message.id);
            keyUnindexed.bindValue(2, message.dialogId);
            if (!keyUnindexed.exec()) {
                fail(u"storeHistory"_s, keyUnindexed.lastError().text());
                break;
            }
            toIndex = keyUnindexed.numRowsAffected() > 0;
        }
        if (toIndex && !key.isNull()
            && !indexer.add(message.dialogId, key.toLongLong(), message.author != protocol::Author::System,
                            searchTextOf(message))) {
            fail(u"storeHistory"_s, indexer.error());
            break;
        }
    }
    if (!indexer.finish())
        fail(u"storeHistory"_s, indexer.error());
    for (const protocol::HistoryDialog &item : dialogs) {
        if (item.dialog.id <= 0 || item.dialog.id > kMaxDialogId)
            continue;
        const StoredRow stored = storedRow(db, item.dialog.id);
        protocol::HistoryDialog copy = item;
        copy.visitor.online = false;
        if (copy.visitor.name.isEmpty())
            copy.visitor.name = stored.visitorName;
        // A page with every line of the dialog makes it complete; a truncated one leaves it as it was.
        const bool complete = stored.complete || !item.messagesTruncated;
        // The server lists only the viewer's history: they took part in it. And it is fresh now.
        const QString error = writeRow(db, copy, stored, complete, item.messageCount, true);
        if (!error.isEmpty())
            fail(u"storeHistory"_s, error);
        else
            setHistoryStale(item.dialog.id, false);
    }
    return commit();
}

bool LocalStore::storeHistoryDialog(const protocol::HistoryDialog &dialog)
{
    if (dialog.dialog.id <= 0 || dialog.dialog.id > kMaxDialogId)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    const StoredRow stored = storedRow(db, dialog.dialog.id);
    protocol::HistoryDialog copy = dialog;
    copy.visitor.online = false;
    if (copy.visitor.name.isEmpty())
        copy.visitor.name = stored.visitorName;
    const QString error = writeRow(db, copy, stored, stored.complete, dialog.messageCount, true);
    return error.isEmpty() || fail(u"storeHistoryDialog"_s, error);
}

} // namespace concierge
