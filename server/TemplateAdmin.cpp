// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateAdmin.h"

#include "OperatorRepository.h"
#include "TemplateRepository.h"
#include "TemplateRules.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace concierge::server::templateadmin {

using namespace Qt::StringLiterals;
using protocol::Template;
using protocol::TemplateScope;

namespace {

const QString kCliAuthor = u"admin (command line)"_s;

/// One checked entry of an import file.
struct Entry
{
    Template item;
    std::optional<Template> existing;
};

QString entryName(qsizetype index, const QString &title)
{
    return title.isEmpty() ? u"entry %1"_s.arg(index + 1) : u"entry %1 (\"%2\")"_s.arg(index + 1).arg(title);
}

/// Parses and checks entry \a index; nullopt with \a error when it breaks a rule.
std::optional<Entry> checkEntry(const QJsonValue &value, qsizetype index, TemplateRepository &templates,
                                const QHash<QString, qint64> &departmentIds, QString *error)
{
    const QJsonObject object = value.toObject();
    const QString title = object.value(u"title").toString().trimmed();
    const auto fail = [&](const QString &reason) {
        *error = entryName(index, title) + u": "_s + reason;
        return std::nullopt;
    };
    if (!value.isObject())
        return fail(u"expected an object with title, text, tags and department"_s);
    if (!object.value(u"title").isString() || !object.value(u"text").isString())
        return fail(u"\"title\" and \"text\" must be strings"_s);
    Entry entry;
    entry.item.scope = TemplateScope::Shared;
    entry.item.title = object.value(u"title").toString();
    entry.item.text = object.value(u"text").toString();
    const QJsonValue tags = object.value(u"tags");
    if (!tags.isUndefined() && !tags.isNull() && !tags.isArray())
        return fail(u"\"tags\" must be a list of strings"_s);
    for (const QJsonValue &tag : tags.toArray()) {
        if (!tag.isString())
            return fail(u"\"tags\" must be a list of strings"_s);
        entry.item.tags.append(tag.toString());
    }
    const QJsonValue department = object.value(u"department");
    if (department.isString()) {
        const auto id = departmentIds.constFind(department.toString().trimmed());
        if (id == departmentIds.cend())
            return fail(u"no department named \""_s + department.toString() + u"\""_s);
        entry.item.departmentId = *id;
    } else if (!department.isUndefined() && !department.isNull()) {
        return fail(u"\"department\" must be a department name or null"_s);
    }
    if (const auto refusal = templaterules::tidyAndCheck(entry.item))
        return fail(refusal->message);
    entry.existing =
        templates.findByTitle(TemplateScope::Shared, 0, entry.item.departmentId, entry.item.title);
    return entry;
}

} // namespace

int exportShared(TemplateRepository &templates, OperatorRepository &operators, const QString &path,
                 QString *error)
{
    QHash<qint64, QString> departmentNames;
    for (const protocol::Department &department : operators.departments())
        departmentNames.insert(department.id, department.name);
    QList<Template> shared;
    for (const Template &item : templates.live()) {
        if (item.scope == TemplateScope::Shared)
            shared.append(item);
    }
    std::sort(shared.begin(), shared.end(), [&](const Template &a, const Template &b) {
        const QString departmentA = departmentNames.value(a.departmentId);
        const QString departmentB = departmentNames.value(b.departmentId);
        return departmentA != departmentB
                   ? departmentA < departmentB
                   : TemplateRepository::titleKey(a.title) < TemplateRepository::titleKey(b.title);
    });
    QJsonArray entries;
    for (const Template &item : std::as_const(shared)) {
        entries.append(QJsonObject{
            {u"title"_s, item.title},
            {u"text"_s, item.text},
            {u"tags"_s, QJsonArray::fromStringList(item.tags)},
            {u"department"_s,
             item.departmentId > 0 ? QJsonValue(departmentNames.value(item.departmentId)) : QJsonValue()}});
    }
    // QSaveFile: a failed write leaves an earlier export whole rather than half overwritten.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(entries).toJson(QJsonDocument::Indented)) < 0 || !file.commit()) {
        *error = u"cannot write "_s + path + u": "_s + file.errorString();
        return -1;
    }
    return int(entries.size());
}

bool importShared(TemplateRepository &templates, OperatorRepository &operators, const QString &path,
                  ImportCounts *counts, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"cannot read "_s + path + u": "_s + file.errorString();
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = u"%1 is not valid JSON (at character %2: %3)"_s.arg(path)
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return false;
    }
    if (!document.isArray()) {
        *error = path +
                 u" must hold a JSON list of templates: [{\"title\", \"text\", \"tags\", \"department\"}]"_s;
        return false;
    }
    QHash<QString, qint64> departmentIds;
    for (const protocol::Department &department : operators.departments())
        departmentIds.insert(department.name, department.id);

    // Everything is checked before anything is written: an import never half-applies.
    const QJsonArray array = document.array();
    QList<Entry> entries;
    QHash<QPair<qint64, QString>, qsizetype> firstWithTitle;
    for (qsizetype i = 0; i < array.size(); ++i) {
        auto entry = checkEntry(array.at(i), i, templates, departmentIds, error);
        if (!entry)
            return false;
        const QPair<qint64, QString> key{entry->item.departmentId,
                                         TemplateRepository::titleKey(entry->item.title)};
        if (const auto first = firstWithTitle.constFind(key); first != firstWithTitle.cend()) {
            *error = entryName(i, entry->item.title) +
                     u": the same title as entry %1 in the same department"_s.arg(*first + 1);
            return false;
        }
        firstWithTitle.insert(key, i);
        entries.append(*entry);
    }
    *counts = {};
    if (!templates.transaction()) {
        *error = u"cannot start a transaction"_s;
        return false;
    }
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Entry &entry = entries[i];
        entry.item.updatedBy = kCliAuthor;
        entry.item.updatedAt = QDateTime::currentDateTimeUtc();
        const Template *existing = entry.existing ? &*entry.existing : nullptr;
        if (existing && existing->title == entry.item.title && existing->text == entry.item.text &&
            existing->tags == entry.item.tags) {
            ++counts->unchanged; // no new revision, no history line for a file imported twice
            continue;
        }
        const auto stored = existing ? templates.update(entry.item, *existing) : templates.insert(entry.item);
        if (!stored) {
            templates.rollback();
            *error = entryName(i, entry.item.title) + u": cannot store it; nothing was imported"_s;
            return false;
        }
        ++(existing ? counts->updated : counts->added);
    }
    if (!templates.commit()) {
        templates.rollback();
        *error = u"cannot commit the import; nothing was imported"_s;
        return false;
    }
    return true;
}

bool seedDemo(TemplateRepository &templates, qint64 departmentId)
{
    struct Demo
    {
        QString title;
        QString text;
        QStringList tags;
    };
    const QList<Demo> demos{
        {u"Greeting"_s,
         u"Hello {visitor.name|there}! I'm {operator.name}. How can I help you today?"_s,
         {u"hello"_s}},
        {u"Pricing"_s,
         u"You can find our current plans and prices on the pricing page of {site|our site}."_s,
         {u"price"_s, u"plans"_s}},
        {u"Goodbye"_s,
         u"Thank you for contacting us. Have a nice day, {visitor.name|and come back soon}!"_s,
         {u"bye"_s}},
        {u"Приветствие"_s,
         u"Здравствуйте, {visitor.name|уважаемый посетитель}! Меня зовут {operator.name}. Чем могу помочь?"_s,
         {u"привет"_s}},
        {u"Доставка"_s,
         u"Доставка по городу занимает 1–2 дня. Подробности на странице «{page.title|Доставка}»."_s,
         {u"доставка"_s}},
    };
    bool ok = true;
    for (const Demo &demo : demos) {
        if (templates.findByTitle(TemplateScope::Shared, 0, departmentId, demo.title))
            continue;
        Template item;
        item.scope = TemplateScope::Shared;
        item.departmentId = departmentId;
        item.title = demo.title;
        item.text = demo.text;
        item.tags = demo.tags;
        item.updatedBy = kCliAuthor;
        ok = templates.insert(item).has_value() && ok;
    }
    return ok;
}

} // namespace concierge::server::templateadmin
