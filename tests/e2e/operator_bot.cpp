// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted operator for the browser end-to-end test: logs in through the real client engine
// (OperatorSession), goes online, prints READY, and answers every visitor line with a prefix — so
// the browser test exercises the same code path as the desktop app, minus the widgets.
#include "LocalStore.h"
#include "OperatorSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace concierge;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"concierge-test-operator-bot"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Concierge operator bot for end-to-end tests"_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"url"_s, u"Operator endpoint, e.g. ws://127.0.0.1:8080/v1/operator"_s, u"url"_s},
        {u"email"_s, u"Operator e-mail"_s, u"email"_s},
        {u"password"_s, u"Operator password"_s, u"password"_s},
        {u"reply-prefix"_s, u"Text put before the visitor's text in each reply (default \"Echo: \")"_s,
         u"prefix"_s, u"Echo: "_s},
    });
    parser.process(app);
    const QUrl url(parser.value(u"url"_s));
    if (!url.isValid() || parser.value(u"email"_s).isEmpty()) {
        std::fprintf(stderr, "usage: --url ws://HOST:PORT/v1/operator --email E --password P\n");
        return 2;
    }
    const QString prefix = parser.value(u"reply-prefix"_s);

    // A throwaway cache: each run starts from the server's snapshot.
    QTemporaryDir cacheDir;
    LocalStore store;
    if (!cacheDir.isValid() || !store.open(cacheDir.filePath(u"cache.sqlite"_s))) {
        std::fprintf(stderr, "cannot open the local cache: %s\n", qUtf8Printable(store.errorString()));
        return 1;
    }
    OperatorSession session(&store);

    QTextStream out(stdout);
    bool ready = false;
    QObject::connect(&session, &OperatorSession::loggedIn, &session, [&session](const protocol::OperatorInfo &self) {
        std::fprintf(stderr, "logged in as %s\n", qUtf8Printable(self.email));
        session.setStatus(protocol::OperatorStatus::Online);
    });
    QObject::connect(&session, &OperatorSession::selfChanged, &session, [&](const protocol::OperatorInfo &self) {
        if (!ready && self.status == protocol::OperatorStatus::Online) {
            ready = true;
            out << "READY " << self.email << Qt::endl; // endl flushes: the test waits for this line
        }
    });
    QObject::connect(&session, &OperatorSession::loginFailed, &app,
                     [](protocol::ErrorCode code, const QString &message) {
                         std::fprintf(stderr, "login failed (%s): %s\n",
                                      qUtf8Printable(protocol::errorCodeToString(code)), qUtf8Printable(message));
                         QCoreApplication::exit(1);
                     });
    QObject::connect(&session, &OperatorSession::requestFailed, &session,
                     [](const QString &type, protocol::ErrorCode code, const QString &message) {
                         std::fprintf(stderr, "%s failed (%s): %s\n", qUtf8Printable(type),
                                      qUtf8Printable(protocol::errorCodeToString(code)), qUtf8Printable(message));
                     });
    QObject::connect(&session, &OperatorSession::connectionStateChanged, &session, [](ConnectionState state) {
        static const char *names[] = {"disconnected", "connecting", "connected", "reconnecting"};
        std::fprintf(stderr, "connection: %s\n", names[int(state)]);
    });
    QObject::connect(&session, &OperatorSession::messageArrived, &session, [&](const protocol::Message &message) {
        if (message.author == protocol::Author::Visitor) {
            out << "VISITOR " << message.dialogId << ' ' << message.text << Qt::endl;
            session.sendReply(message.dialogId, prefix + message.text);
        }
    });

    session.loginWithPassword(url, parser.value(u"email"_s), parser.value(u"password"_s));
    return app.exec();
}
