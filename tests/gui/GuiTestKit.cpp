// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuiTestKit.h"

#include "LocalStore.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TestPaths.h"

#include <QApplication>
#include <QDebug>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;
using concierge::protocol::OperatorStatus;

namespace guitest {

QString language()
{
    const QString code = qEnvironmentVariable("CONCIERGE_TEST_LANGUAGE");
    return code.isEmpty() ? u"en"_s : code;
}

bool installTestLanguage()
{
    const QString code = language();
    QLocale::setDefault(QLocale(code == u"ru" ? u"ru_RU"_s : u"en_GB"_s));
    if (code == u"en")
        return true;
    // The .qm files are built with the app (qt_add_translations); the test depends on it.
    auto *ours = new QTranslator(qApp);
    if (!ours->load(
            QDir(QStringLiteral(CONCIERGE_BUILD_DIR "/app")).filePath(u"concierge_"_s + code + u".qm"_s))) {
        qWarning() << "no translation for" << code << "in" << CONCIERGE_BUILD_DIR "/app";
        return false;
    }
    QApplication::installTranslator(ours);
    auto *qtBase = new QTranslator(qApp);
    if (qtBase->load(QLocale(code), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qtBase);
    return true;
}

bool saveScreenshot(QWidget *widget, const QString &name)
{
    const QDir dir(QStringLiteral(CONCIERGE_ARTIFACTS_DIR "/gui/") + language());
    QDir().mkpath(dir.path());
    const QString path = dir.filePath(name + u".png"_s);
    // What the operator would see: the layouts that changes asked for are done first (a check
    // that passed at once may not have let the event loop run since).
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    if (!widget->grab().save(path)) {
        qWarning() << "could not save" << path;
        return false;
    }
    return true;
}

Operator::Operator()
    : m_store(std::make_unique<concierge::LocalStore>())
{
    if (!m_store->open(QDir(m_profile.path()).filePath(u"cache.sqlite"_s)))
        qWarning() << "the operator's cache did not open:" << m_store->errorString();
    m_session = std::make_unique<concierge::OperatorSession>(m_store.get());
}

Operator::~Operator()
{
    // The window watches the session: let it go first.
    m_window.reset();
    m_session.reset();
}

concierge::ui::MainWindow *Operator::openWindow()
{
    if (!m_window) {
        m_window = std::make_unique<concierge::ui::MainWindow>(m_session.get());
        m_window->resize(1180, 720);
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            qWarning() << "the main window was not exposed";
    }
    return m_window.get();
}

bool Operator::login(const ServerProcess &server, const QString &email, const QString &password,
                     OperatorStatus status)
{
    bool synced = false;
    const QMetaObject::Connection connection = QObject::connect(
        m_session.get(), &concierge::OperatorSession::synced, m_session.get(), [&synced] { synced = true; });
    m_session->loginWithPassword(server.url(), email, password);
    const bool loggedIn = testkit::spinUntil([&] { return synced; }, 15000);
    QObject::disconnect(connection);
    if (!loggedIn) {
        qWarning() << email << "did not log in";
        return false;
    }
    return setStatus(status);
}

bool Operator::setStatus(OperatorStatus status)
{
    if (m_session->self().status != status)
        m_session->setStatus(status);
    if (!testkit::spinUntil([&] { return m_session->self().status == status; }, 10000)) {
        qWarning() << "the server did not confirm status" << int(status) << "for" << m_session->self().email;
        return false;
    }
    return true;
}

qint64 Operator::id() const
{
    return m_session->self().id;
}

} // namespace guitest
