// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertSounds.h"

#include <QAudio>
#include <QLoggingCategory>
#include <QMediaDevices>
#include <QSoundEffect>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

// sounds.qrc is compiled into this static library: a linker keeps its registration only when it
// is referenced (Q_INIT_RESOURCE must stand outside any namespace).
static void initSoundResources()
{
    Q_INIT_RESOURCE(sounds);
}

namespace concierge::ui {

namespace {

Q_LOGGING_CATEGORY(lcSounds, "concierge.sounds")

/// Escalation steps until the sound is at full volume.
constexpr int kFullEscalation = 3;
/// How often the outputs are looked at where Qt sends no change signal.
[[maybe_unused]] constexpr int kDevicePollMs = 2000;

QString fileName(AlertKind kind, bool urgent)
{
    switch (kind) {
    case AlertKind::WaitingVisitor:
        return urgent ? u"waiting_visitor_urgent.wav"_s : u"waiting_visitor.wav"_s;
    case AlertKind::MessageInMyDialog:
        return u"message.wav"_s;
    case AlertKind::TransferredToMe:
        return u"transfer.wav"_s;
    case AlertKind::ChatMention:
        return u"mention.wav"_s;
    case AlertKind::IncomingCall:
        return urgent ? u"incoming_call_urgent.wav"_s : u"incoming_call.wav"_s;
    }
    return u"message.wav"_s;
}

bool hasUrgentVariant(AlertKind kind)
{
    return kind == AlertKind::WaitingVisitor || kind == AlertKind::IncomingCall;
}

} // namespace

AlertSounds::AlertSounds(QObject *parent)
    : QObject(parent)
    , m_devices(new QMediaDevices(this))
{
    initSoundResources();
    connect(m_devices, &QMediaDevices::audioOutputsChanged, this, &AlertSounds::refreshDevices);
#if QT_VERSION < QT_VERSION_CHECK(6, 6, 0)
    // Qt's PulseAudio backend before 6.6 updates audioOutputs() but never emits
    // audioOutputsChanged (fixed upstream in June 2023): look now and then, so an unplugged headset
    // shows on the settings page without waiting for the next sound.
    m_devicePoll = new QTimer(this);
    m_devicePoll->setInterval(kDevicePollMs);
    connect(m_devicePoll, &QTimer::timeout, this, &AlertSounds::refreshDevices);
    m_devicePoll->start();
#endif
    refreshDevices();
}

AlertSounds::~AlertSounds() = default;

QUrl AlertSounds::soundSource(AlertKind kind, bool urgent)
{
    return QUrl(u"qrc:/sounds/"_s + fileName(kind, urgent && hasUrgentVariant(kind)));
}

double AlertSounds::effectVolume(double volume, int escalation)
{
    volume = std::clamp(volume, 0.0, 1.0);
    if (volume <= 0.0)
        return 0.0; // the operator's mute
    const double step = double(std::clamp(escalation, 0, kFullEscalation)) / kFullEscalation;
    const double perceived = volume + (1.0 - volume) * step;
    return QAudio::convertVolume(perceived, QAudio::LogarithmicVolumeScale, QAudio::LinearVolumeScale);
}

QSoundEffect *AlertSounds::effectFor(AlertKind kind, bool urgent) const
{
    if (urgent && m_urgent.contains(kind))
        return m_urgent.value(kind);
    return m_normal.value(kind);
}

void AlertSounds::play(AlertKind kind, int escalation)
{
    refreshDevices(); // a headset unplugged since: the default output, not silence
    QSoundEffect *effect = effectFor(kind, escalation > 0);
    if (!effect)
        return;
    // Only one sound of a kind at a time: the other variant of the same kind stops.
    for (QSoundEffect *sibling : {m_normal.value(kind), m_urgent.value(kind)}) {
        if (sibling && sibling != effect)
            sibling->stop();
    }
    startEffect(effect, effectVolume(m_volume, escalation));
}

void AlertSounds::playTest(AlertKind kind)
{
    play(kind, 0);
}

void AlertSounds::startEffect(QSoundEffect *effect, double linearVolume)
{
    m_last = effect;
    if (m_status == OutputStatus::NoDevice) {
        qCDebug(lcSounds) << "no audio output: not playing" << effect->source();
        return;
    }
    effect->stop(); // starts over when it still plays
    effect->setVolume(float(linearVolume));
    effect->play();
}

void AlertSounds::stop()
{
    for (QSoundEffect *effect : std::as_const(m_normal))
        effect->stop();
    for (QSoundEffect *effect : std::as_const(m_urgent))
        effect->stop();
}

bool AlertSounds::isPlaying() const
{
    const auto playing = [](QSoundEffect *effect) { return effect->isPlaying(); };
    return std::any_of(m_normal.cbegin(), m_normal.cend(), playing) ||
           std::any_of(m_urgent.cbegin(), m_urgent.cend(), playing);
}

void AlertSounds::setVolume(double volume)
{
    m_volume = std::clamp(volume, 0.0, 1.0);
}

void AlertSounds::setOutputDevice(const QString &id)
{
    if (id == m_chosenId)
        return;
    m_chosenId = id;
    refreshDevices();
}

QList<QPair<QString, QString>> AlertSounds::outputDevices()
{
    QList<QPair<QString, QString>> devices;
    const QAudioDevice defaultDevice = QMediaDevices::defaultAudioOutput();
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    for (const QAudioDevice &device : outputs) {
        const QPair<QString, QString> entry{QString::fromUtf8(device.id()), device.description()};
        if (device == defaultDevice)
            devices.prepend(entry);
        else
            devices.append(entry);
    }
    return devices;
}

void AlertSounds::refreshDevices()
{
    const QList<QAudioDevice> outputs = QMediaDevices::audioOutputs();
    QAudioDevice device;
    OutputStatus status = OutputStatus::NoDevice;
    if (!outputs.isEmpty()) {
        const auto chosen = std::find_if(outputs.cbegin(), outputs.cend(), [this](const QAudioDevice &d) {
            return QString::fromUtf8(d.id()) == m_chosenId;
        });
        if (!m_chosenId.isEmpty() && chosen != outputs.cend()) {
            device = *chosen;
            status = OutputStatus::ChosenDevice;
        } else {
            device = QMediaDevices::defaultAudioOutput();
            if (device.isNull())
                device = outputs.constFirst();
            status = m_chosenId.isEmpty() ? OutputStatus::DefaultDevice : OutputStatus::FallbackToDefault;
        }
    }
    if (status == OutputStatus::FallbackToDefault && m_status != status)
        qCWarning(lcSounds) << "audio output" << m_chosenId << "is not connected: playing on"
                            << device.description();
    const bool changed = status != m_status || device != m_device;
    m_status = status;
    if (device != m_device || m_normal.isEmpty()) {
        m_device = device;
        rebuildEffects();
    }
    if (changed)
        Q_EMIT outputStatusChanged();
}

void AlertSounds::rebuildEffects()
{
    // Qt 6.4's QSoundEffect::setAudioDevice() only renames the device: the effect keeps playing on
    // the one it had when its sample loaded. New effects, made for the device, really move.
    const auto drop = [](QSoundEffect *effect) {
        effect->stop();
        effect->deleteLater();
    };
    std::for_each(m_normal.cbegin(), m_normal.cend(), drop);
    std::for_each(m_urgent.cbegin(), m_urgent.cend(), drop);
    m_normal.clear();
    m_urgent.clear();
    m_last = nullptr;
    const auto makeEffect = [this](AlertKind kind, bool urgent) {
        auto *effect = new QSoundEffect(m_device, this);
        effect->setSource(soundSource(kind, urgent));
        connect(effect, &QSoundEffect::statusChanged, this, [effect] {
            if (effect->status() == QSoundEffect::Error)
                qCWarning(lcSounds) << "cannot play" << effect->source() << "on"
                                    << effect->audioDevice().description();
        });
        return effect;
    };
    for (AlertKind kind : allAlertKinds()) {
        m_normal.insert(kind, makeEffect(kind, false));
        if (hasUrgentVariant(kind))
            m_urgent.insert(kind, makeEffect(kind, true));
    }
}

QString AlertSounds::statusText() const
{
    switch (m_status) {
    case OutputStatus::DefaultDevice:
        return tr("Sounds play on the system's default output (%1).").arg(m_device.description());
    case OutputStatus::ChosenDevice:
        return tr("Sounds play on %1.").arg(m_device.description());
    case OutputStatus::FallbackToDefault:
        return tr("The chosen sound device is not connected: sounds play on the default output (%1) "
                  "until it is back.")
            .arg(m_device.description());
    case OutputStatus::NoDevice:
        return tr("No sound output device is available: alerts are shown, but no sound plays.");
    }
    return {};
}

} // namespace concierge::ui
