// SPDX-License-Identifier: GPL-3.0-or-later
#include "NullAudioServer.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QProcessEnvironment>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {

QString nullSinkArguments(const QString &sink)
{
    return u"sink_name=%1 sink_properties=device.description=%2"_s.arg(sink,
                                                                       NullAudioServer::description(sink));
}

} // namespace

NullAudioServer::NullAudioServer() = default;

NullAudioServer::~NullAudioServer()
{
    stop();
}

QString NullAudioServer::defaultSink()
{
    return u"concierge_default"_s;
}

QString NullAudioServer::otherSink()
{
    return u"concierge_test"_s;
}

QString NullAudioServer::description(const QString &sink)
{
    return sink == defaultSink() ? u"ConciergeDefaultSink"_s : u"ConciergeTestSink"_s;
}

QString NullAudioServer::output() const
{
    if (m_process)
        m_output += QString::fromUtf8(m_process->readAll());
    return m_output;
}

bool NullAudioServer::start(int timeoutMs)
{
    const QString program = QStandardPaths::findExecutable(u"pulseaudio"_s);
    if (!m_dir.isValid() || program.isEmpty()) {
        m_output += u"pulseaudio not found (scripts/setup installs it)\n"_s;
        return false;
    }
    const QString dir = m_dir.path();
    for (const QString &sub : {u"home"_s, u"runtime"_s, u"state"_s})
        QDir(dir).mkpath(sub);
    const QString socket = dir + u"/native"_s;

    // -n: no default.pa (no hardware, no D-Bus modules); the script below is all it loads.
    QFile script(dir + u"/concierge.pa"_s);
    if (!script.open(QIODevice::WriteOnly))
        return false;
    script.write(
        u"load-module module-null-sink %1\n"
        "load-module module-null-sink %2\n"
        "set-default-sink %3\n"
        "load-module module-native-protocol-unix socket=%4 auth-anonymous=1\n"_s
            .arg(nullSinkArguments(defaultSink()), nullSinkArguments(otherSink()), defaultSink(), socket)
            .toUtf8());
    script.close();

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"HOME"_s, dir + u"/home"_s);
    env.insert(u"XDG_RUNTIME_DIR"_s, dir + u"/runtime"_s);
    env.insert(u"PULSE_RUNTIME_PATH"_s, dir + u"/runtime"_s);
    env.insert(u"PULSE_STATE_PATH"_s, dir + u"/state"_s);
    env.remove(u"DBUS_SESSION_BUS_ADDRESS"_s);
    env.remove(u"DISPLAY"_s); // no X11 bell or cookie publishing
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(env);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(program, {u"-n"_s, u"--daemonize=no"_s, u"--system=false"_s, u"--exit-idle-time=-1"_s,
                               u"--disable-shm=yes"_s, u"--use-pid-file=no"_s, u"--log-target=stderr"_s,
                               u"-F"_s, script.fileName()});
    if (!m_process->waitForStarted(timeoutMs)) {
        m_output += u"pulseaudio did not start: %1\n"_s.arg(m_process->errorString());
        return false;
    }

    // This process's clients (Qt Multimedia, pactl) talk to this server only.
    qputenv("PULSE_SERVER", (u"unix:"_s + socket).toUtf8());
    qputenv("PULSE_RUNTIME_PATH", (dir + u"/runtime"_s).toUtf8());
    qputenv("PULSE_COOKIE", (dir + u"/cookie"_s).toUtf8()); // auth-anonymous: no cookie needed

    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        QString sinks;
        if (QFile::exists(socket) && pactl({u"list"_s, u"short"_s, u"sinks"_s}, &sinks) &&
            sinks.contains(defaultSink()) && sinks.contains(otherSink()))
            return true;
        m_process->waitForReadyRead(100);
    }
    qWarning().noquote() << "NullAudioServer did not start:" << output();
    return false;
}

void NullAudioServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    output();
    m_process.reset();
}

bool NullAudioServer::pactl(const QStringList &arguments, QString *out) const
{
    const QString program = QStandardPaths::findExecutable(u"pactl"_s);
    if (program.isEmpty()) {
        m_output += u"pactl not found (package pulseaudio-utils)\n"_s;
        return false;
    }
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        m_output +=
            u"pactl %1: %2\n"_s.arg(arguments.join(u' '), QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    if (out)
        *out = QString::fromUtf8(process.readAllStandardOutput());
    return true;
}

QStringList NullAudioServer::sinksPlaying() const
{
    // "index name driver format state" per sink: RUNNING while a stream plays into it (IDLE or
    // SUSPENDED when its streams are corked, drained or gone).
    QString sinks;
    if (!pactl({u"list"_s, u"short"_s, u"sinks"_s}, &sinks))
        return {};
    QStringList playing;
    for (const QString &line : sinks.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u'\t');
        if (fields.size() >= 5 && fields.at(4).trimmed() == u"RUNNING"_s)
            playing.append(fields.at(1));
    }
    return playing;
}

bool NullAudioServer::removeOtherSink()
{
    // "index name arguments" per module: unload the one that made otherSink().
    QString modules;
    if (!pactl({u"list"_s, u"short"_s, u"modules"_s}, &modules))
        return false;
    for (const QString &line : modules.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList fields = line.split(u'\t');
        if (fields.size() >= 3 && fields.at(1) == u"module-null-sink"_s &&
            fields.at(2).contains(u"sink_name="_s + otherSink()))
            return pactl({u"unload-module"_s, fields.at(0)});
    }
    m_output += u"no module for %1 in:\n%2"_s.arg(otherSink(), modules);
    return false;
}

bool NullAudioServer::addOtherSink()
{
    return pactl({u"load-module"_s, u"module-null-sink"_s, u"sink_name="_s + otherSink(),
                  u"sink_properties=device.description="_s + description(otherSink())});
}
