// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

/// A private PulseAudio server for sound tests (STYLE.md): Debian's pulseaudio (scripts/setup)
/// started in a temporary directory with two null sinks and no real hardware, so Qt Multimedia
/// finds audio devices on a headless machine, and a test can see which sink a sound plays on.
///
///     NullAudioServer audio;                       // before anything touches Qt Multimedia:
///     QVERIFY2(audio.start(), qPrintable(audio.output())); // sets PULSE_SERVER for this process
///     ... QMediaDevices::audioOutputs() lists defaultSink() and otherSink() ...
///     QTRY_VERIFY(audio.sinksPlaying().contains(NullAudioServer::otherSink()));
///
/// Works as root too (the machines run tests as root): the server runs in user mode with its
/// runtime, state and home under the temporary directory, never the caller's.
class NullAudioServer
{
public:
    NullAudioServer();
    ~NullAudioServer();
    NullAudioServer(const NullAudioServer &) = delete;
    NullAudioServer &operator=(const NullAudioServer &) = delete;

    /// The sink that is the server's default output, and a second one a test can choose.
    static QString defaultSink();
    static QString otherSink();
    /// The description QAudioDevice::description() shows for a sink.
    static QString description(const QString &sink);

    /// Starts the server and waits until both sinks are there; points this process's PulseAudio
    /// clients at it (PULSE_SERVER). False (see output()) on failure.
    bool start(int timeoutMs = 15000);
    void stop();
    /// The server's log, and errors of start().
    QString output() const;

    /// The sinks a stream is playing into now (state RUNNING in pactl's list).
    QStringList sinksPlaying() const;
    /// Unplugs otherSink() (unloads its module) and plugs it back.
    bool removeOtherSink();
    bool addOtherSink();

private:
    bool pactl(const QStringList &arguments, QString *out = nullptr) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    mutable QString m_output;
};
