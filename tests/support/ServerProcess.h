// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

/// The real `concierge-server` binary (CONCIERGE_SERVER_BIN) run for a test: a fresh temporary state
/// folder, 127.0.0.1, a free port (--port 0), the demo seeded with a known password, the widget and
/// demo files of this build (CONCIERGE_SHARE_BUILD_DIR). Stopped (SIGKILL) when destroyed; with
/// CONCIERGE_TEST_SERVER_LOG=/path set, the server's output is then appended to that file.
///
///     ServerProcess server;
///     QVERIFY(server.start());                       // waits for "listening on http://…"
///     client.connect(server.wsUrl(u"/v1/operator"_s)); // ws://127.0.0.1:PORT/v1/operator
///     login("demo@example.com", server.demoPassword());
///     server.kill();  QVERIFY(server.restart());     // same state folder, same port
class ServerProcess
{
public:
    ServerProcess();
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    /// Starts the server; \a extraArgs are appended (e.g. {"--auto-assign", "off"}). Waits until it
    /// prints its listening line. Returns false (with the server's output in qWarning) on failure.
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 20000);
    /// SIGTERM, then waits for the exit.
    void stop();
    /// SIGKILL, then waits: the server gets no chance to flush anything it had not committed.
    void kill();
    /// Starts again (after stop() or kill(), or kills first if running) with the same state folder,
    /// arguments and port.
    bool restart(int timeoutMs = 20000);
    bool isRunning() const;

    QUrl url() const;                     ///< http://127.0.0.1:PORT
    QUrl wsUrl(const QString &path) const; ///< ws://127.0.0.1:PORT + path ("/v1/visitor")
    quint16 port() const { return m_port; }
    QString stateDir() const;
    QString demoPassword() const { return m_demoPassword; }
    /// Everything the server printed so far (stdout and stderr), for failure messages.
    QString output() const { return m_output; }

    /// Runs `concierge-server admin --state-dir <stateDir()> <args>`; returns the exit code and
    /// puts stdout+stderr in \a output.
    int admin(const QStringList &args, QString *output = nullptr) const;

private:
    bool launch(const QStringList &args, int timeoutMs);

    QTemporaryDir m_stateDir;
    std::unique_ptr<QProcess> m_process;
    QStringList m_args;
    QString m_demoPassword;
    QString m_output;
    quint16 m_port = 0;
};
