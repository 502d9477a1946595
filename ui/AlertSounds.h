// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include <QAudioDevice>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

class QMediaDevices;
class QSoundEffect;
class QTimer;

namespace concierge::ui {

/// The alert sounds (issue 6): one distinct sound per AlertKind (resources/sounds, built into the
/// app under qrc:/sounds), played with QSoundEffect on the output device chosen in settings.
///
/// Escalation: play()'s `escalation` is the sound's urgency, soundEscalation(alert, settings) —
/// 0 plays the kind's normal sound at the chosen volume; 1, 2, 3… play the kind's urgent variant
/// where it has one (a waiting visitor, an incoming call) and louder, a third of the way from the
/// chosen volume to full per step (full from 3 on). A volume of 0 is the operator's "mute" and
/// stays silent whatever the escalation.
///
/// Device: "" follows the system's default output. A chosen device that is not connected (an
/// unplugged headset) falls back to the default output and says so in outputStatus() /
/// statusText(); when it is connected again the sounds go back to it. With no output device at all
/// nothing plays (alerts still show) and the status says that too. Devices are re-checked before
/// each sound and whenever they change (refreshDevices()).
class AlertSounds : public QObject
{
    Q_OBJECT
public:
    enum class OutputStatus {
        DefaultDevice,     ///< no device chosen: the system's default output
        ChosenDevice,      ///< the chosen device
        FallbackToDefault, ///< the chosen device is missing: the default output instead
        NoDevice,          ///< no output device at all: nothing plays
    };
    Q_ENUM(OutputStatus)

    explicit AlertSounds(QObject *parent = nullptr);
    ~AlertSounds() override;

    /// Plays the kind's sound at the given urgency (see the class comment). A sound of the same
    /// kind still playing starts over; other kinds' sounds are not interrupted.
    void play(AlertKind kind, int escalation = 0);
    /// The settings page's Test button: the kind's normal sound at the current volume and device.
    void playTest(AlertKind kind);
    /// Silences every sound now (the operator acknowledged, or took the dialog).
    void stop();
    bool isPlaying() const;

    /// 0..1 as the settings slider shows it: perceived loudness (converted to QSoundEffect's
    /// linear volume), clamped.
    void setVolume(double volume);
    double volume() const { return m_volume; }

    /// A QMediaDevices output id (outputDevices()), "" for the system's default output.
    void setOutputDevice(const QString &id);
    QString outputDeviceId() const { return m_chosenId; }
    /// The device the sounds play on now (null with NoDevice).
    QAudioDevice currentDevice() const { return m_device; }
    OutputStatus outputStatus() const { return m_status; }
    /// One sentence for the settings page saying where the sounds play, or why not.
    QString statusText() const;

    /// Looks at the connected outputs again now (the settings page calls it when shown). Also done
    /// before each sound, on QMediaDevices' change signal, and every few seconds where Qt does not
    /// send that signal (PulseAudio before Qt 6.6).
    void refreshDevices();

    /// The effect that play() or playTest() started last, for tests (null before the first, and
    /// after the device changed: the effects are made anew for the new device).
    QSoundEffect *lastEffect() const { return m_last; }

    /// The audio outputs for the settings page's combo: (id, name) pairs, the default first.
    static QList<QPair<QString, QString>> outputDevices();
    /// The sound file of a kind, normal or urgent (the normal one where a kind has no urgent variant).
    static QUrl soundSource(AlertKind kind, bool urgent = false);
    /// QSoundEffect's linear volume for a slider volume (0..1) at an escalation.
    static double effectVolume(double volume, int escalation);

Q_SIGNALS:
    /// outputStatus(), currentDevice() or statusText() changed.
    void outputStatusChanged();

private:
    QSoundEffect *effectFor(AlertKind kind, bool urgent) const;
    void startEffect(QSoundEffect *effect, double linearVolume);
    void rebuildEffects();

    QMediaDevices *m_devices;
    QTimer *m_devicePoll = nullptr;
    QHash<AlertKind, QSoundEffect *> m_normal;
    QHash<AlertKind, QSoundEffect *> m_urgent; ///< only the kinds with an urgent variant
    QSoundEffect *m_last = nullptr;
    double m_volume = 0.8;
    QString m_chosenId;
    QAudioDevice m_device;
    OutputStatus m_status = OutputStatus::NoDevice;
};

} // namespace concierge::ui
