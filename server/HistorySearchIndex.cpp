// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistorySearchIndex.h"

#include "Database.h"
#include "protocol/HistoryText.h"

#include <QDebug>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace concierge::server {

using namespace Qt::StringLiterals;
namespace HistoryText = protocol::HistoryText;

namespace {

constexpr qint64 kLinesPerDialog = qint64(1) << HistorySearchIndex::kLineKeyBits;

std::optional<protocol::ContactDetails> contactFrom(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return protocol::ContactDetails::fromJson(QJsonDocument::fromJson(column.toByteArray()).object());
}

bool prepared(QSqlQuery &query, const QString &sql)
{
    if (query.prepare(sql))
        return true;
    qWarning().noquote() << "SQL prepare failed:" << query.lastError().text() << sql;
    return false;
}

bool run(QSqlQuery &query)
{
    if (query.exec())
        return true;
    qWarning().noquote() << "SQL failed:" << query.lastError().text() << query.lastQuery();
    return false;
}

/// Writes lines into `message_search` and their words into `search_words`, statements prepared
/// once for a whole batch (the migration fills every line through one of these).
class LineWriter
{
public:
    /// \a rememberWords: skip words this writer already wrote — right for one batch in one
    /// transaction (the migration), wrong for a long-lived writer whose transaction may be rolled
    /// back (the word would then be missing from search_words for good).
    explicit LineWriter(const QSqlDatabase &db, bool rememberWords = true)
        : m_line(db), m_word(db), m_rememberWords(rememberWords)
    {
        m_ok = prepared(m_line, u"INSERT INTO message_search (rowid, text) VALUES (?, ?)"_s)
            && prepared(m_word, u"INSERT OR IGNORE INTO search_words (word) VALUES (?)"_s);
    }

    bool add(qint64 dialogId, qint64 lineNumber, const QString &text, const QString &fileName)
    {
        if (!m_ok)
            return false;
        if (lineNumber >= kLinesPerDialog)
            return true; // past what a key can number: stored, not searchable
        const QString folded = HistoryText::fold(HistorySearchIndex::lineText(text, fileName));
        m_line.bindValue(0, HistorySearchIndex::lineKey(dialogId, lineNumber));
        m_line.bindValue(1, folded);
        if (!run(m_line))
            return false;
        const QStringList words = HistoryText::words(folded);
        for (const QString &word : words) {
            if (m_known.contains(word))
                continue;
            m_word.bindValue(0, word);
            if (!run(m_word))
                return false;
            if (m_rememberWords)
                m_known.insert(word);
        }
        return true;
    }

private:
    QSqlQuery m_line;
    QSqlQuery m_word;
    QSet<QString> m_known; ///< words this writer already put in search_words
    bool m_rememberWords = true;
    bool m_ok = false;
};

/// Writes dialogs' names and contacts into `dialog_search`, prepared once for a batch.
class DialogWriter
{
public:
    explicit DialogWriter(const QSqlDatabase &db)
        : m_insert(db)
    {
        m_ok = prepared(m_insert, u"INSERT INTO dialog_search (rowid, text) VALUES (?, ?)"_s);
    }

    bool add(qint64 dialogId, const QString &text)
    {
        if (text.isEmpty())
            return m_ok; // nothing to find it by
        m_insert.bindValue(0, dialogId);
        m_insert.bindValue(1, HistoryText::fold(text));
        return m_ok && run(m_insert);
    }

private:
    QSqlQuery m_insert;
    bool m_ok = false;
};

/// The dialogs' rows with what namesText() reads: d.id, v.name, v.id, v.contact, d.offline_contact.
const QString kNamesSelect = u"SELECT d.id, v.name, v.id, v.contact, d.offline_contact FROM dialogs d "
                             "JOIN visitors v ON v.id = d.visitor_id "_s;

QString namesTextFrom(const QSqlQuery &row)
{
    return HistorySearchIndex::namesText(row.value(1).toString(), row.value(2).toLongLong(),
                                         contactFrom(row.value(3)), contactFrom(row.value(4)));
}

} // namespace

QString HistorySearchIndex::lineText(const QString &text, const QString &fileName)
{
    if (fileName.isEmpty())
        return text;
    return text.isEmpty() ? fileName : text + u' ' + fileName;
}

QString HistorySearchIndex::namesText(const QString &visitorName, qint64 visitorId,
                                      const std::optional<protocol::ContactDetails> &contact,
                                      const std::optional<protocol::ContactDetails> &offline)
{
    QStringList parts;
    const auto add = [&parts](const QString &part) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty() && !parts.contains(trimmed))
            parts.append(trimmed);
    };
    if (visitorName != u"Visitor "_s + QString::number(visitorId))
        add(visitorName);
    for (const auto &details : {contact, offline}) {
        if (details) {
            add(details->name);
            add(details->email);
            add(details->phone);
        }
    }
    return parts.join(u' ');
}

bool HistorySearchIndex::addLine(QSqlDatabase db, qint64 messageId, const QString &text, const QString &fileName)
{
    // The line's number in its dialog: the lines stored before it (messages_by_dialog counts them).
    QSqlQuery where(db);
    if (!runQuery(where,
                  u"SELECT m.dialog_id, (SELECT COUNT(*) FROM messages p WHERE p.dialog_id = m.dialog_id AND p.id < m.id) "
                  "FROM messages m WHERE m.id = ?"_s,
                  {messageId})
        || !where.next())
        return false;
    LineWriter writer(db);
    return writer.add(where.value(0).toLongLong(), where.value(1).toLongLong(), text, fileName);
}

struct HistorySearchIndex::LineIndexer::Private
{
    explicit Private(const QSqlDatabase &db)
        : where(db), writer(db, /*rememberWords=*/false)
    {
        ok = prepared(where, u"SELECT m.dialog_id, (SELECT COUNT(*) FROM messages p WHERE p.dialog_id = m.dialog_id "
                             "AND p.id < m.id) FROM messages m WHERE m.id = ?"_s);
    }
    QSqlQuery where;
    LineWriter writer;
    bool ok = false;
};

HistorySearchIndex::LineIndexer::LineIndexer(const QSqlDatabase &db)
    : d(std::make_unique<Private>(db))
{
}

HistorySearchIndex::LineIndexer::~LineIndexer() = default;

bool HistorySearchIndex::LineIndexer::add(qint64 messageId, const QString &text, const QString &fileName)
{
    if (!d->ok)
        return false;
    d->where.bindValue(0, messageId);
    if (!run(d->where) || !d->where.next())
        return false;
    const qint64 dialogId = d->where.value(0).toLongLong();
    const qint64 lineNumber = d->where.value(1).toLongLong();
    d->where.finish();
    return d->writer.add(dialogId, lineNumber, text, fileName);
}

bool HistorySearchIndex::addDialog(QSqlDatabase db, qint64 dialogId)
{
    QSqlQuery row(db);
    if (!runQuery(row, kNamesSelect + u"WHERE d.id = ?"_s, {dialogId}))
        return false;
    return !row.next() || DialogWriter(db).add(dialogId, namesTextFrom(row));
}

bool HistorySearchIndex::refreshVisitor(QSqlDatabase db, qint64 visitorId)
{
    QSqlQuery rows(db);
    if (!runQuery(rows, kNamesSelect + u"WHERE d.visitor_id = ?"_s, {visitorId}))
        return false;
    QList<std::pair<qint64, QString>> dialogs;
    while (rows.next())
        dialogs.append({rows.value(0).toLongLong(), namesTextFrom(rows)});
    DialogWriter writer(db);
    for (const auto &[dialogId, text] : std::as_const(dialogs)) {
        QSqlQuery remove(db);
        if (!runQuery(remove, u"DELETE FROM dialog_search WHERE rowid = ?"_s, {dialogId}) || !writer.add(dialogId, text))
            return false;
    }
    return true;
}

bool HistorySearchIndex::fillExisting(QSqlDatabase db, QString *error)
{
    const auto failed = [error](const QString &what) {
        *error = u"filling the history search index: "_s + what;
        return false;
    };
    QSqlQuery lines(db);
    lines.setForwardOnly(true);
    if (!runQuery(lines, u"SELECT m.dialog_id, m.text, f.name FROM messages m LEFT JOIN files f ON f.id = m.file_id "
                         "ORDER BY m.dialog_id, m.id"_s))
        return failed(lines.lastError().text());
    LineWriter writer(db);
    qint64 dialogId = -1;
    qint64 lineNumber = 0;
    while (lines.next()) {
        const qint64 lineDialog = lines.value(0).toLongLong();
        lineNumber = lineDialog == dialogId ? lineNumber + 1 : 0;
        dialogId = lineDialog;
        if (!writer.add(dialogId, lineNumber, lines.value(1).toString(), lines.value(2).toString()))
            return failed(u"a line of dialog %1"_s.arg(dialogId));
    }
    QSqlQuery dialogs(db);
    dialogs.setForwardOnly(true);
    if (!runQuery(dialogs, kNamesSelect))
        return failed(dialogs.lastError().text());
    DialogWriter names(db);
    while (dialogs.next()) {
        if (!names.add(dialogs.value(0).toLongLong(), namesTextFrom(dialogs)))
            return failed(u"dialog %1"_s.arg(dialogs.value(0).toLongLong()));
    }
    return true;
}

} // namespace concierge::server
