// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistorySearchIndex.h"

#include "Database.h"
#include "protocol/HistoryText.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace concierge::server {

using namespace Qt::StringLiterals;
namespace HistoryText = protocol::HistoryText;

namespace {

std::optional<protocol::ContactDetails> contactFrom(const QVariant &column)
{
    if (column.isNull())
        return std::nullopt;
    return protocol::ContactDetails::fromJson(QJsonDocument::fromJson(column.toByteArray()).object());
}

bool insertVisitor(QSqlDatabase db, qint64 visitorId, const QString &text)
{
    QSqlQuery insert(db);
    return runQuery(insert, u"INSERT INTO visitor_search (rowid, text) VALUES (?, ?)"_s,
                    {visitorId, HistoryText::fold(text)});
}

} // namespace

QString HistorySearchIndex::lineText(const QString &text, const QString &fileName)
{
    if (fileName.isEmpty())
        return text;
    return text.isEmpty() ? fileName : text + u' ' + fileName;
}

QString HistorySearchIndex::visitorText(const QString &name, const std::optional<protocol::ContactDetails> &contact)
{
    QStringList parts;
    const auto add = [&parts](const QString &part) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty() && !parts.contains(trimmed))
            parts.append(trimmed);
    };
    add(name);
    if (contact) {
        add(contact->name);
        add(contact->email);
        add(contact->phone);
    }
    return parts.join(u' ');
}

bool HistorySearchIndex::addLine(QSqlDatabase db, qint64 messageId, const QString &text, const QString &fileName)
{
    QSqlQuery insert(db);
    return runQuery(insert, u"INSERT INTO message_search (rowid, text) VALUES (?, ?)"_s,
                    {messageId, HistoryText::fold(lineText(text, fileName))});
}

bool HistorySearchIndex::refreshVisitor(QSqlDatabase db, qint64 visitorId)
{
    QSqlQuery row(db);
    if (!runQuery(row, u"SELECT name, contact FROM visitors WHERE id = ?"_s, {visitorId}))
        return false;
    QSqlQuery remove(db);
    if (!runQuery(remove, u"DELETE FROM visitor_search WHERE rowid = ?"_s, {visitorId}))
        return false;
    if (!row.next())
        return true; // the visitor is gone: nothing to find them by
    return insertVisitor(db, visitorId, visitorText(row.value(0).toString(), contactFrom(row.value(1))));
}

bool HistorySearchIndex::fillExisting(QSqlDatabase db, QString *error)
{
    const auto failed = [error](const QSqlQuery &query) {
        *error = u"filling the history search index: "_s + query.lastError().text();
        return false;
    };
    QSqlQuery lines(db);
    lines.setForwardOnly(true);
    if (!runQuery(lines, u"SELECT m.id, m.text, f.name FROM messages m LEFT JOIN files f ON f.id = m.file_id"_s))
        return failed(lines);
    while (lines.next()) {
        if (!addLine(db, lines.value(0).toLongLong(), lines.value(1).toString(), lines.value(2).toString()))
            return failed(lines);
    }
    QSqlQuery visitors(db);
    visitors.setForwardOnly(true);
    if (!runQuery(visitors, u"SELECT id, name, contact FROM visitors"_s))
        return failed(visitors);
    while (visitors.next()) {
        if (!insertVisitor(db, visitors.value(0).toLongLong(),
                           visitorText(visitors.value(1).toString(), contactFrom(visitors.value(2)))))
            return failed(visitors);
    }
    return true;
}

} // namespace concierge::server
