// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QWidget;
class ServerProcess;

namespace concierge {
class LocalStore;
class OperatorSession;
namespace ui {
class MainWindow;
}
} // namespace concierge

/// What the GUI tests share: the interface language of the run, screenshots, and operators driven
/// by the real engine (with or without the real main window) against the real server.
namespace guitest {

/// Reads CONCIERGE_TEST_LANGUAGE ("en" when unset) and, for "ru", installs the app's Russian
/// translation (built with the app) and Qt's own. Call before creating any widget. False when the
/// translation could not be loaded.
bool installTestLanguage();
/// "en" or "ru": the language this run shows.
QString language();
/// Saves widget->grab() as test-artifacts/gui/<language>/<name>.png.
bool saveScreenshot(QWidget *widget, const QString &name);

/// One operator on the real engine: their own cache folder, their own OperatorSession, and, if
/// asked, the real main window around it.
class Operator
{
public:
    Operator();
    ~Operator();
    Operator(const Operator &) = delete;
    Operator &operator=(const Operator &) = delete;

    /// Logs in with a password and waits until the session is in step with the server; then sets
    /// \a status and waits for the server to confirm it. False on timeout.
    bool login(const ServerProcess &server, const QString &email, const QString &password,
               concierge::protocol::OperatorStatus status);
    /// Builds, sizes and shows the main window over this session (before login() to see it fill).
    concierge::ui::MainWindow *openWindow();
    /// setStatus() and wait until the server's answer says so.
    bool setStatus(concierge::protocol::OperatorStatus status);

    concierge::OperatorSession *session() const { return m_session.get(); }
    concierge::ui::MainWindow *window() const { return m_window.get(); }
    qint64 id() const;

private:
    QTemporaryDir m_profile;
    std::unique_ptr<concierge::LocalStore> m_store;
    std::unique_ptr<concierge::OperatorSession> m_session;
    std::unique_ptr<concierge::ui::MainWindow> m_window;
};

} // namespace guitest
