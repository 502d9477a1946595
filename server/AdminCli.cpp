// SPDX-License-Identifier: GPL-3.0-or-later
#include "AdminCli.h"

#include "Database.h"
#include "OperatorRepository.h"
#include "PasswordHasher.h"
#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <cstdio>

namespace concierge::server {

using namespace Qt::StringLiterals;

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

int createOperator(const QCommandLineParser &parser, OperatorRepository &operators, int defaultMax)
{
    const QString email = parser.value(u"email"_s);
    const QString name = parser.value(u"name"_s).trimmed();
    const QString password = parser.value(u"password"_s);
    if (email.isEmpty() || name.isEmpty() || password.isEmpty())
        return fail(u"create-operator needs --email, --name and --password"_s);
    if (!OperatorRepository::isValidEmail(OperatorRepository::normalizeEmail(email)))
        return fail(u"not a valid email address: "_s + email);
    int maxDialogs = defaultMax;
    if (parser.isSet(u"max-dialogs"_s)) {
        bool ok = false;
        maxDialogs = parser.value(u"max-dialogs"_s).toInt(&ok);
        if (!ok || maxDialogs < 1)
            return fail(u"--max-dialogs must be a positive number"_s);
    }
    std::optional<qint64> departmentId;
    if (parser.isSet(u"department"_s)) {
        departmentId = operators.departmentId(parser.value(u"department"_s));
        if (!departmentId)
            return fail(u"no department named \""_s + parser.value(u"department"_s) + u"\""_s);
    }
    const QString hash = PasswordHasher::hash(password);
    if (hash.isEmpty())
        return fail(u"cannot hash the password (out of memory?)"_s);
    QString error;
    const auto id = operators.createOperator(email, name, hash, maxDialogs, &error);
    if (!id)
        return fail(error);
    if (departmentId)
        operators.addToDepartment(*id, *departmentId);
    out() << "created operator " << *id << " " << OperatorRepository::normalizeEmail(email) << Qt::endl;
    return 0;
}

} // namespace

bool seedDemo(Database &database, const QString &password, int maxDialogs, QString *error)
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
        const auto created = operators.createOperator(email, u"Demo Operator"_s, hash, maxDialogs, error);
        if (!created)
            return false;
        operatorId = *created;
    }
    operators.addToDepartment(operatorId, *department);
    operators.ensureTemplate(*department, u"Greeting"_s, u"Hello! How can I help you today?"_s);
    operators.ensureTemplate(*department, u"Pricing"_s,
                             u"You can find our current plans and prices on the pricing page."_s);
    operators.ensureTemplate(*department, u"Goodbye"_s, u"Thank you for contacting us. Have a nice day!"_s);
    return true;
}

int AdminCli::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Concierge server administration.\n\n"
        "Commands:\n"
        "  create-operator --email E --name N --password P [--department NAME] [--max-dialogs N]\n"
        "  create-department --name N\n"
        "  list-operators"_s);
    parser.addHelpOption();
    ServerConfig::addOptions(parser);
    parser.addOptions({{u"email"_s, u"Operator email (login)."_s, u"email"_s},
                       {u"name"_s, u"Display name (operator or department)."_s, u"name"_s},
                       {u"password"_s, u"Operator password."_s, u"password"_s},
                       {u"department"_s, u"Department to put the operator in."_s, u"name"_s}});
    parser.addPositionalArgument(u"admin"_s, u"The word \"admin\"."_s);
    parser.addPositionalArgument(u"command"_s, u"create-operator | create-department | list-operators"_s);
    parser.process(arguments);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(u"expected exactly one command: create-operator, create-department or list-operators"_s);
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
    OperatorRepository operators(database.handle());

    if (command == u"create-operator")
        return createOperator(parser, operators, config.maxDialogs);
    if (command == u"create-department") {
        const QString name = parser.value(u"name"_s).trimmed();
        if (name.isEmpty())
            return fail(u"create-department needs --name"_s);
        const auto id = operators.createDepartment(name, &error);
        if (!id)
            return fail(error);
        out() << "created department " << *id << " " << name << Qt::endl;
        return 0;
    }
    if (command == u"list-operators") {
        for (const auto &info : operators.all()) {
            out() << info.id << '\t' << info.email << '\t' << info.name << '\t'
                  << protocol::operatorStatusToString(info.status) << '\t' << info.maxDialogs << '\t'
                  << operators.departmentsOf(info.id).join(u", "_s) << Qt::endl;
        }
        return 0;
    }
    return fail(u"unknown command: "_s + command);
}

} // namespace concierge::server
