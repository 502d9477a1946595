// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertSettingsPage.h"

#include "AlertSettingsStore.h"
#include "AlertSounds.h"
#include "Autostart.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

namespace concierge::ui {

QString AlertSettingsPage::kindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::WaitingVisitor:
        return tr("A visitor is waiting");
    case AlertKind::MessageInMyDialog:
        return tr("A new message in my dialog (window in the background)");
    case AlertKind::TransferredToMe:
        return tr("A dialog is transferred to me");
    case AlertKind::ChatMention:
        return tr("My name in the operators' chat");
    case AlertKind::IncomingCall:
        return tr("An incoming call");
    }
    return {};
}

AlertSettingsPage::AlertSettingsPage(AlertSounds *sounds, QWidget *parent)
    : QDialog(parent)
    , m_sounds(sounds)
    , m_volume(new QSlider(Qt::Horizontal, this))
    , m_volumeLabel(new QLabel(this))
    , m_device(new QComboBox(this))
    , m_repeat(new QSpinBox(this))
    , m_escalate(new QSpinBox(this))
    , m_idle(new QSpinBox(this))
    , m_idleReturn(new QCheckBox(tr("Come back automatically when I use the computer again"), this))
    , m_autostart(new QCheckBox(tr("Start Concierge when I log in to the computer"), this))
    , m_autostartError(new QLabel(this))
{
    setObjectName(QStringLiteral("alertSettingsDialog"));
    setWindowTitle(tr("Alerts"));

    auto *events = new QGroupBox(tr("Events"), this);
    auto *grid = new QGridLayout(events);
    grid->addWidget(new QLabel(tr("Notification"), events), 0, 1, Qt::AlignCenter);
    grid->addWidget(new QLabel(tr("Sound"), events), 0, 2, Qt::AlignCenter);
    int row = 1;
    for (const AlertKind kind : allAlertKinds()) {
        const QString suffix = QString::number(static_cast<int>(kind));
        grid->addWidget(new QLabel(kindName(kind), events), row, 0);
        auto *notify = new QCheckBox(events);
        notify->setObjectName(QStringLiteral("notifyCheckBox") + suffix);
        notify->setAccessibleName(tr("%1: notification").arg(kindName(kind)));
        auto *sound = new QCheckBox(events);
        sound->setObjectName(QStringLiteral("soundCheckBox") + suffix);
        sound->setAccessibleName(tr("%1: sound").arg(kindName(kind)));
        auto *test = new QPushButton(tr("Test"), events);
        test->setObjectName(QStringLiteral("testSoundButton") + suffix);
        test->setToolTip(tr("Play this sound with the volume and device chosen here"));
        test->setEnabled(m_sounds != nullptr);
        connect(test, &QPushButton::clicked, this, [this, kind] { playTest(kind); });
        grid->addWidget(notify, row, 1, Qt::AlignCenter);
        grid->addWidget(sound, row, 2, Qt::AlignCenter);
        grid->addWidget(test, row, 3);
        m_notify.insert(kind, notify);
        m_sound.insert(kind, sound);
        m_test.insert(kind, test);
        ++row;
    }
    grid->setColumnStretch(0, 1);

    auto *soundBox = new QGroupBox(tr("Sound"), this);
    auto *soundForm = new QFormLayout(soundBox);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setRange(0, 100);
    m_volume->setPageStep(10);
    m_volumeLabel->setMinimumWidth(m_volumeLabel->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { m_volumeLabel->setText(tr("%1 %").arg(value)); });
    auto *volumeRow = new QHBoxLayout;
    volumeRow->addWidget(m_volume, 1);
    volumeRow->addWidget(m_volumeLabel);
    auto *volumeLabel = new QLabel(tr("&Volume:"), soundBox);
    volumeLabel->setBuddy(m_volume);
    soundForm->addRow(volumeLabel, volumeRow);
    m_device->setObjectName(QStringLiteral("outputDeviceComboBox"));
    m_device->addItem(tr("System default"), QString());
    for (const auto &[id, name] : AlertSounds::outputDevices())
        m_device->addItem(name, id);
    soundForm->addRow(tr("&Output device:"), m_device);
    if (m_sounds) {
        // The volume and the device apply at once, so a test and the line below tell the truth;
        // Cancel puts them back.
        connect(m_volume, &QSlider::valueChanged, m_sounds,
                [this](int value) { m_sounds->setVolume(value / 100.0); });
        connect(m_device, &QComboBox::currentIndexChanged, m_sounds,
                [this] { m_sounds->setOutputDevice(m_device->currentData().toString()); });
        // Where the sounds play now, or why not (an unplugged headset, no output at all).
        auto *where = new QLabel(m_sounds->statusText(), soundBox);
        where->setObjectName(QStringLiteral("outputStatusLabel"));
        where->setWordWrap(true);
        where->setTextFormat(Qt::PlainText);
        connect(m_sounds, &AlertSounds::outputStatusChanged, where,
                [this, where] { where->setText(m_sounds->statusText()); });
        soundForm->addRow(QString(), where);
    }
    m_repeat->setObjectName(QStringLiteral("repeatSpinBox"));
    m_repeat->setRange(5, 600);
    m_repeat->setSingleStep(5);
    m_repeat->setSuffix(tr(" s"));
    soundForm->addRow(tr("&Repeat a waiting visitor's sound every:"), m_repeat);
    m_escalate->setObjectName(QStringLiteral("escalateSpinBox"));
    m_escalate->setRange(1, 20);
    soundForm->addRow(tr("&Louder after this many repeats:"), m_escalate);

    auto *away = new QGroupBox(tr("When I am away"), this);
    auto *awayForm = new QFormLayout(away);
    m_idle->setObjectName(QStringLiteral("idleSpinBox"));
    m_idle->setRange(0, 240);
    m_idle->setSpecialValueText(tr("Never"));
    m_idle->setSuffix(tr(" min"));
    awayForm->addRow(tr("Take a &personal break after no input for:"), m_idle);
    m_idleReturn->setObjectName(QStringLiteral("idleReturnCheckBox"));
    awayForm->addRow(m_idleReturn);
    connect(m_idle, &QSpinBox::valueChanged, this,
            [this](int minutes) { m_idleReturn->setEnabled(minutes > 0); });

    m_autostart->setObjectName(QStringLiteral("autostartCheckBox"));
    m_autostartError->setObjectName(QStringLiteral("autostartErrorLabel"));
    m_autostartError->setWordWrap(true);
    m_autostartError->setTextFormat(Qt::PlainText);
    m_autostartError->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &AlertSettingsPage::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AlertSettingsPage::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(events);
    layout->addWidget(soundBox);
    layout->addWidget(away);
    layout->addWidget(m_autostart);
    layout->addWidget(m_autostartError);
    layout->addWidget(buttons);

    AlertSettings settings = AlertSettingsStore().load();
    // The entry itself is the truth: the operator (or the desktop's own settings) may have removed it.
    settings.autostart = Autostart::isEnabled();
    load(settings);
}

void AlertSettingsPage::load(const AlertSettings &settings)
{
    m_loaded = settings;
    for (const AlertKind kind : allAlertKinds()) {
        const AlertEventSettings event = settings.event(kind);
        m_notify.value(kind)->setChecked(event.notify);
        m_sound.value(kind)->setChecked(event.sound);
    }
    m_volume->setValue(qRound(settings.volume * 100));
    m_volumeLabel->setText(tr("%1 %").arg(m_volume->value()));
    int device = m_device->findData(settings.outputDeviceId);
    if (device < 0) {
        // A device that is unplugged now stays chosen: it is used again when it comes back.
        m_device->addItem(tr("Not connected (%1)").arg(settings.outputDeviceId), settings.outputDeviceId);
        device = m_device->count() - 1;
    }
    m_device->setCurrentIndex(device);
    m_repeat->setValue(settings.repeatSeconds);
    m_escalate->setValue(settings.escalateAfter);
    m_idle->setValue(settings.idleMinutes);
    m_idleReturn->setChecked(settings.idleReturn);
    m_idleReturn->setEnabled(settings.idleMinutes > 0);
    m_autostart->setChecked(settings.autostart);
}

AlertSettings AlertSettingsPage::settings() const
{
    AlertSettings settings = m_loaded; // keeps what the page does not show (the close-to-tray note)
    for (const AlertKind kind : allAlertKinds()) {
        AlertEventSettings event;
        event.notify = m_notify.value(kind)->isChecked();
        event.sound = m_sound.value(kind)->isChecked();
        settings.events.insert(kind, event);
    }
    settings.volume = m_volume->value() / 100.0;
    settings.outputDeviceId = m_device->currentData().toString();
    settings.repeatSeconds = m_repeat->value();
    settings.escalateAfter = m_escalate->value();
    settings.idleMinutes = m_idle->value();
    settings.idleReturn = m_idleReturn->isChecked();
    settings.autostart = m_autostart->isChecked();
    return settings;
}

void AlertSettingsPage::playTest(AlertKind kind)
{
    if (!m_sounds)
        return;
    m_sounds->setVolume(m_volume->value() / 100.0);
    m_sounds->setOutputDevice(m_device->currentData().toString());
    m_sounds->playTest(kind);
}

void AlertSettingsPage::restoreSounds()
{
    if (!m_sounds)
        return;
    m_sounds->setVolume(m_loaded.volume);
    m_sounds->setOutputDevice(m_loaded.outputDeviceId);
}

void AlertSettingsPage::accept()
{
    AlertSettings chosen = settings();
    if (chosen.autostart != m_loaded.autostart) {
        QString error;
        if (!Autostart::setEnabled(chosen.autostart, &error)) {
            m_autostartError->setText(tr("Starting with the system could not be changed: %1").arg(error));
            m_autostartError->show();
            m_autostart->setChecked(m_loaded.autostart);
            return;
        }
    }
    AlertSettingsStore().save(chosen);
    m_loaded = chosen;
    Q_EMIT settingsSaved(chosen);
    QDialog::accept();
}

void AlertSettingsPage::reject()
{
    restoreSounds();
    QDialog::reject();
}

} // namespace concierge::ui
