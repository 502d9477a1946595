// SPDX-License-Identifier: GPL-3.0-or-later
// concierge-server: the Concierge live-chat server (HTTP + WebSocket on one port).
#include "AdminCli.h"
#include "Database.h"
#include "PasswordHasher.h"
#include "Server.h"
#include "ServerConfig.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace concierge::server;
using namespace Qt::StringLiterals;

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "concierge-server: " << message << Qt::endl;
    return 1;
}

QString hostForUrl(const QHostAddress &address)
{
    const QString text = address.toString();
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + text + u']' : text;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Concierge"_s);
    QCoreApplication::setApplicationName(u"concierge-server"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() > 1 && arguments.at(1) == u"admin")
        return AdminCli::run(arguments);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Concierge live-chat server: serves the visitor widget and the demo site over HTTP and the\n"
        "operator (/v1/operator) and visitor (/v1/visitor) WebSocket endpoints on one port.\n\n"
        "Administration: concierge-server admin --help"_s);
    parser.addHelpOption();
    parser.addVersionOption();
    ServerConfig::addOptions(parser);
    parser.process(app);

    ServerConfig config;
    QString error;
    if (!ServerConfig::fromParser(parser, &config, &error))
        return fail(error);
    if (!PasswordHasher::initialize())
        return fail(u"libsodium failed to initialise"_s);

    Database database;
    if (!database.open(config.databasePath(), &error))
        return fail(error);

    QString demoPassword;
    if (config.seedDemo) {
        demoPassword = config.demoPassword.isEmpty() ? PasswordHasher::randomPassword() : config.demoPassword;
        if (!seedDemo(database, demoPassword, config.seedDemoHistory, &error))
            return fail(u"seeding the demo failed: "_s + error);
    }

    Server server(config, database);
    const quint16 port = server.listen();
    if (port == 0)
        return fail(u"cannot listen on %1:%2"_s.arg(config.listenAddress.toString()).arg(config.port));

    const QString base = u"http://"_s + hostForUrl(config.listenAddress) + u':' + QString::number(port);
    QTextStream out(stdout);
    out << "concierge-server: listening on " << base << Qt::endl;
    if (config.seedDemo) {
        out << "concierge-server: demo operator demo@example.com / " << demoPassword << Qt::endl;
        out << "concierge-server: demo site " << base << "/demo/" << Qt::endl;
    }
    std::fflush(stdout);
    return QCoreApplication::exec();
}
