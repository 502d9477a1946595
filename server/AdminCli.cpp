// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminCli.h"

#include "ApiKeys.h"
#include "Database.h"
#include "DemoHistory.h"
#include "ModerationRepository.h"
#include "OperatorRepository.h"
#include "PasswordHasher.h"
#include "ServerConfig.h"
#include "TemplateAdmin.h"
#include "TemplateRepository.h"
#include "protocol/Json.h"

#include <QCommandLineParser>
#include <QRegularExpression>
#include <QTextStream>

#include <cstdio>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::OperatorRole;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "concierge-server admin: " << message << Qt::endl;
    return 1;
}

/// "en,ru" → {"en", "ru"}; false (and \a error) on anything that is not a language code.
bool parseLanguages(const QString &text, QStringList *languages, QString *error)
{
    static const QRegularExpression code(u"^[a-z]{2,3}(-[a-z0-9]{2,8})?$"_s);
    languages->clear();
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QString language = part.trimmed().toLower();
        if (!code.match(language).hasMatch()) {
            *error = u"not a language code: \""_s + part.trimmed() + u"\" (expected e.g. en, ru, pt-br)"_s;
            return false;
        }
        if (!languages->contains(language))
            languages->append(language);
    }
    return true;
}

bool parseRole(const QString &text, OperatorRole *role, QString *error)
{
    if (text != u"operator" && text != u"supervisor" && text != u"admin") {
        *error = u"--role: expected operator, supervisor or admin, got "_s + text;
        return false;
    }
    *role = protocol::operatorRoleFromString(text);
    return true;
}

/// `--max-dialogs N` (or "default" with set-operator, to follow the server's setting again).
bool parseMaxDialogs(const QString &text, bool allowDefault, std::optional<int> *max, QString *error)
{
    if (allowDefault && text == u"default") {
        max->reset();
        return true;
    }
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 1) {
        *error = u"--max-dialogs must be a positive number"_s + (allowDefault ? u" or \"default\""_s : QString());
        return false;
    }
    *max = value;
    return true;
}

/// The departments named by every \a option (repeatable); false (and \a error) if one is unknown.
bool departmentIds(const QCommandLineParser &parser, const QString &option, OperatorRepository &operators,
                   QList<qint64> *ids, QString *error)
{
    for (const QString &name : parser.values(option)) {
        const auto id = operators.departmentId(name.trimmed());
        if (!id) {
            *error = u"no department named \""_s + name.trimmed() + u"\""_s;
            return false;
        }
        ids->append(*id);
    }
    return true;
}

/// Role, languages and maximum from the options, applied to an existing operator.
bool applyProfile(const QCommandLineParser &parser, OperatorRepository &operators, qint64 operatorId,
                  bool allowDefaultMax, QString *error)
{
    if (parser.isSet(u"role"_s)) {
        OperatorRole role = OperatorRole::Operator;
        if (!parseRole(parser.value(u"role"_s), &role, error) || !operators.setRole(operatorId, role))
            return error->isEmpty() ? (*error = u"cannot store the role"_s, false) : false;
    }
    if (parser.isSet(u"languages"_s)) {
        QStringList languages;
        if (!parseLanguages(parser.value(u"languages"_s), &languages, error))
            return false;
        if (!operators.setLanguages(operatorId, languages)) {
            *error = u"cannot store the languages"_s;
            return false;
        }
    }
    if (parser.isSet(u"max-dialogs"_s)) {
        std::optional<int> max;
        if (!parseMaxDialogs(parser.value(u"max-dialogs"_s), allowDefaultMax, &max, error))
            return false;
        if (!operators.setMaxDialogs(operatorId, max)) {
            *error = u"cannot store the maximum"_s;
            return false;
        }
    }
    return true;
}

int createOperator(const QCommandLineParser &parser, OperatorRepository &operators)
{
    const QString email = parser.value(u"email"_s);
    const QString name = parser.value(u"name"_s).trimmed();
    const QString password = parser.value(u"password"_s);
    if (email.isEmpty() || name.isEmpty() || password.isEmpty())
        return fail(u"create-operator needs --email, --name and --password"_s);
    if (!OperatorRepository::isValidEmail(OperatorRepository::normalizeEmail(email)))
        return fail(u"not a valid email address: "_s + email);
    QString error;
    QList<qint64> departments;
    if (!departmentIds(parser, u"department"_s, operators, &departments, &error))
        return fail(error);
    // Check every option before anything is stored: a typo must not leave half an operator.
    OperatorRole role = OperatorRole::Operator;
    QStringList languages;
    std::optional<int> max;
    if ((parser.isSet(u"role"_s) && !parseRole(parser.value(u"role"_s), &role, &error))
        || (parser.isSet(u"languages"_s) && !parseLanguages(parser.value(u"languages"_s), &languages, &error))
        || (parser.isSet(u"max-dialogs"_s) && !parseMaxDialogs(parser.value(u"max-dialogs"_s), false, &max, &error)))
        return fail(error);
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return fail(u"cannot hash the password (out of memory?)"_s);
    const auto id = operators.createOperator(email, name, hash, max, &error);
    if (!id)
        return fail(error);
    for (const qint64 department : std::as_const(departments))
        operators.addToDepartment(*id, department);
    if (!applyProfile(parser, operators, *id, false, &error))
        return fail(error);
    out() << "created operator " << *id << " " << OperatorRepository::normalizeEmail(email) << Qt::endl;
    return 0;
}

int setOperator(const QCommandLineParser &parser, OperatorRepository &operators)
{
    const auto found = operators.findByEmail(parser.value(u"email"_s));
    if (!found)
        return fail(u"set-operator needs --email of an existing operator"_s);
    const qint64 id = found->info.id;
    QString error;
    QList<qint64> add;
    QList<qint64> remove;
    if (!departmentIds(parser, u"add-department"_s, operators, &add, &error)
        || !departmentIds(parser, u"remove-department"_s, operators, &remove, &error))
        return fail(error);
    const QString name = parser.value(u"name"_s).trimmed();
    if (parser.isSet(u"name"_s) && name.isEmpty())
        return fail(u"--name must not be empty"_s);
    if (!applyProfile(parser, operators, id, true, &error))
        return fail(error);
    if (parser.isSet(u"name"_s) && !operators.setName(id, name))
        return fail(u"cannot store the name"_s);
    if (parser.isSet(u"password"_s)) {
        const QString hash = PasswordHasher::hash(parser.value(u"password"_s));
        if (hash.isEmpty() || !operators.setPasswordHash(id, hash))
            return fail(u"cannot store the password"_s);
    }
    for (const qint64 department : std::as_const(add))
        operators.addToDepartment(id, department);
    for (const qint64 department : std::as_const(remove))
        operators.removeFromDepartment(id, department);
    out() << "updated operator " << id << " " << found->info.email << Qt::endl;
    return 0;
}

int listOperators(OperatorRepository &operators)
{
    QHash<qint64, QString> departmentNames;
    for (const protocol::Department &department : operators.departments())
        departmentNames.insert(department.id, department.name);
    for (const auto &info : operators.all()) {
        QStringList departments;
        for (const qint64 id : info.departmentIds)
            departments.append(departmentNames.value(id));
        out() << info.id << '\t' << info.email << '\t' << info.name << '\t'
              << protocol::operatorRoleToString(info.role) << '\t'
              << protocol::operatorStatusToString(info.status) << '\t' << info.maxDialogs << '\t'
              << info.languages.join(u","_s) << '\t' << departments.join(u", "_s) << Qt::endl;
    }
    return 0;
}

int departmentCommand(const QString &command, const QCommandLineParser &parser, OperatorRepository &operators,
                      Database &database)
{
    if (command == u"list-departments") {
        for (const protocol::Department &department : operators.departments())
            out() << department.id << '\t' << department.name << Qt::endl;
        return 0;
    }
    const QString name = parser.value(u"name"_s).trimmed();
    if (name.isEmpty())
        return fail(command + u" needs --name"_s);
    QString error;
    if (command == u"create-department") {
        const auto id = operators.createDepartment(name, &error);
        if (!id)
            return fail(error);
        out() << "created department " << *id << " " << name << Qt::endl;
        return 0;
    }
    const auto id = operators.departmentId(name);
    if (!id)
        return fail(u"no department named \""_s + name + u"\""_s);
    // Its shared templates go with it, as tombstones the operators' apps learn of at their next sync.
    TemplateRepository templates(database.handle());
    if (!database.transaction())
        return fail(u"cannot delete the department"_s);
    if (!templates.retireDepartment(*id, u"admin (command line)"_s) || !operators.deleteDepartment(*id)
        || !database.commit()) {
        database.rollback();
        return fail(u"cannot delete the department"_s);
    }
    out() << "deleted department " << *id << " " << name << Qt::endl;
    return 0;
}

int categoryCommand(const QString &command, const QCommandLineParser &parser, ModerationRepository &moderation)
{
    if (command == u"list-categories") {
        for (const protocol::Category &category : moderation.categories())
            out() << category.id << '\t' << category.name << Qt::endl;
        return 0;
    }
    const QString name = parser.value(u"name"_s).trimmed();
    if (name.isEmpty())
        return fail(command + u" needs --name"_s);
    QString error;
    if (command == u"create-category") {
        const auto id = moderation.createCategory(name, &error);
        if (!id)
            return fail(error);
        out() << "created category " << *id << " " << name << Qt::endl;
        return 0;
    }
    const auto id = moderation.categoryId(name);
    if (!id)
        return fail(u"no category named \""_s + name + u"\""_s);
    if (!moderation.deleteCategory(*id))
        return fail(u"cannot delete the category"_s);
    out() << "deleted category " << *id << " " << name << Qt::endl;
    return 0;
}

int banCommand(const QString &command, const QCommandLineParser &parser, ModerationRepository &moderation)
{
    if (command == u"list-bans") {
        for (const protocol::Ban &ban : moderation.bansInForce()) {
            out() << ban.id << '\t' << (ban.visitorId > 0 ? QString::number(ban.visitorId) : u"-"_s) << '\t'
                  << (ban.ip.isEmpty() ? u"-"_s : ban.ip) << '\t' << ban.bannedBy << '\t'
                  << protocol::timestampToJson(ban.at) << '\t'
                  << (ban.expiresAt.isValid() ? protocol::timestampToJson(ban.expiresAt) : u"never"_s) << '\t'
                  << ban.reason << Qt::endl;
        }
        return 0;
    }
    bool ok = false;
    const qint64 id = parser.value(u"id"_s).toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(u"lift-ban needs --id N (see list-bans)"_s);
    if (!moderation.lift(id))
        return fail(u"no ban in force with id %1"_s.arg(id));
    out() << "lifted ban " << id << Qt::endl;
    return 0;
}

int templateCommand(const QString &command, const QCommandLineParser &parser, Database &database,
                    OperatorRepository &operators)
{
    const QString path = parser.value(u"file"_s);
    if (path.isEmpty())
        return fail(command + u" needs --file F"_s);
    TemplateRepository templates(database.handle());
    QString error;
    if (command == u"export-templates") {
        const int count = templateadmin::exportShared(templates, operators, path, &error);
        if (count < 0)
            return fail(error);
        out() << "exported " << count << " shared templates to " << path << Qt::endl;
        return 0;
    }
    templateadmin::ImportCounts counts;
    if (!templateadmin::importShared(templates, operators, path, &counts, &error))
        return fail(error + u"; nothing was imported"_s);
    out() << "imported " << path << ": " << counts.added << " added, " << counts.updated << " updated, "
          << counts.unchanged << " unchanged" << Qt::endl;
    return 0;
}

int apiKeyCommand(const QString &command, const QCommandLineParser &parser, ApiKeys &keys)
{
    QString error;
    if (command == u"create-api-key") {
        const auto created = keys.create(parser.value(u"name"_s), &error);
        if (!created)
            return fail(error);
        // The one time the key is shown: only its SHA-256 is stored.
        out() << "created API key " << created->id << " " << parser.value(u"name"_s).trimmed() << Qt::endl
              << created->key << Qt::endl
              << "Keep it now: it is not stored and cannot be shown again." << Qt::endl;
        return 0;
    }
    if (command == u"list-api-keys") {
        const auto timeOr = [](const QDateTime &time, const QString &none) {
            return time.isValid() ? protocol::timestampToJson(time) : none;
        };
        for (const ApiKeys::Record &record : keys.all()) {
            out() << record.id << '\t' << record.name << '\t' << "created " << timeOr(record.createdAt, u"-"_s)
                  << '\t' << "last used " << timeOr(record.lastUsedAt, u"never"_s) << '\t'
                  << (record.revokedAt.isValid() ? u"revoked "_s + timeOr(record.revokedAt, {}) : u"in force"_s)
                  << Qt::endl;
        }
        return 0;
    }
    bool ok = false;
    const qint64 id = parser.value(u"id"_s).toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(u"revoke-api-key needs --id N (see list-api-keys)"_s);
    if (!keys.revoke(id, &error))
        return fail(error);
    out() << "revoked API key " << id << Qt::endl;
    return 0;
}

} // namespace

bool seedDemo(Database &database, const QString &password, bool withHistory, QString *error)
{
    OperatorRepository operators(database.handle());
    auto department = operators.departmentId(u"Sales"_s);
    if (!department)
        department = operators.createDepartment(u"Sales"_s, error);
    if (!department)
        return false;
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty()) {
        *error = u"cannot hash the demo password"_s;
        return false;
    }
    const QString email = u"demo@example.com"_s;
    qint64 operatorId = 0;
    if (const auto existing = operators.findByEmail(email)) {
        operatorId = existing->info.id;
        if (!operators.setPasswordHash(operatorId, hash)) {
            *error = u"cannot set the demo password"_s;
            return false;
        }
    } else {
        const auto created = operators.createOperator(email, u"Demo Operator"_s, hash, std::nullopt, error);
        if (!created)
            return false;
        operatorId = *created;
    }
    operators.addToDepartment(operatorId, *department);
    TemplateRepository templates(database.handle());
    if (!templateadmin::seedDemo(templates, *department)) {
        *error = u"cannot store the demo templates"_s;
        return false;
    }
    return !withHistory || seedDemoHistory(database.handle(), operatorId, u"Demo Operator"_s, *department, error);
}

int AdminCli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Concierge server administration.\n\n"
        "Commands:\n"
        "  create-operator --email E --name N --password P [--department NAME]... [--role R]\n"
        "                  [--languages en,ru] [--max-dialogs N]\n"
        "  set-operator --email E [--name N] [--password P] [--role R] [--languages L]\n"
        "               [--max-dialogs N|default] [--add-department NAME]... [--remove-department NAME]...\n"
        "  list-operators\n"
        "  create-department --name N\n"
        "  delete-department --name N\n"
        "  list-departments\n"
        "  create-category --name N | delete-category --name N | list-categories\n"
        "  list-bans | lift-ban --id N\n"
        "  create-api-key --name N | list-api-keys | revoke-api-key --id N   (keys for the HTTP API;\n"
        "                  a new key is printed once and only its SHA-256 is stored)\n"
        "  export-templates --file F | import-templates --file F   (shared templates as JSON:\n"
        "                  [{\"title\", \"text\", \"tags\", \"department\": \"Sales\"|null}])\n\n"
        "Roles: operator, supervisor, admin. Without --max-dialogs an operator follows the server's\n"
        "--max-dialogs. Changes reach a running server's operators at their next login."_s);
    parser.addHelpOption();
    ServerConfig::addOptions(parser);
    parser.addOptions({{u"email"_s, u"Operator email (login)."_s, u"email"_s},
                       {u"name"_s, u"Display name (operator, department, category or API key)."_s, u"name"_s},
                       {u"password"_s, u"Operator password."_s, u"password"_s},
                       {u"department"_s, u"Department to put a new operator in (repeatable)."_s, u"name"_s},
                       {u"role"_s, u"operator, supervisor or admin."_s, u"role"_s},
                       {u"languages"_s, u"Languages the operator speaks, e.g. en,ru."_s, u"codes"_s},
                       {u"id"_s, u"The ban to lift (lift-ban) or the API key to revoke (revoke-api-key)."_s, u"n"_s},
                       {u"file"_s, u"The JSON file of export-templates and import-templates."_s, u"file"_s},
                       {u"add-department"_s, u"Put the operator in this department (repeatable)."_s, u"name"_s},
                       {u"remove-department"_s, u"Take the operator out of this department (repeatable)."_s,
                        u"name"_s}});
    parser.addPositionalArgument(u"admin"_s, u"The word \"admin\"."_s);
    parser.addPositionalArgument(u"command"_s, u"One of the commands above."_s);
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(u"expected exactly one command (see --help)"_s);
    const QString command = positional.at(1);

    ServerConfig config;
    QString error;
    if (!ServerConfig::fromParser(parser, &config, &error))
        return fail(error);
    if (!PasswordHasher::initialize())
        return fail(u"libsodium failed to initialise"_s);
    Database database;
    if (!database.open(config.databasePath(), &error))
        return fail(error);
    OperatorRepository operators(database.handle(), config.maxDialogs);

    if (command == u"create-operator")
        return createOperator(parser, operators);
    if (command == u"set-operator")
        return setOperator(parser, operators);
    if (command == u"list-operators")
        return listOperators(operators);
    if (command == u"create-department" || command == u"delete-department" || command == u"list-departments")
        return departmentCommand(command, parser, operators, database);
    ModerationRepository moderation(database.handle());
    if (command == u"create-category" || command == u"delete-category" || command == u"list-categories")
        return categoryCommand(command, parser, moderation);
    if (command == u"list-bans" || command == u"lift-ban")
        return banCommand(command, parser, moderation);
    if (command == u"export-templates" || command == u"import-templates")
        return templateCommand(command, parser, database, operators);
    if (command == u"create-api-key" || command == u"list-api-keys" || command == u"revoke-api-key") {
        ApiKeys keys(database.handle());
        return apiKeyCommand(command, parser, keys);
    }
    return fail(u"unknown command: "_s + command);
}

} // namespace concierge::server
