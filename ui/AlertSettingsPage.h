// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;

namespace concierge::ui {

class AlertSounds;

/// Settings → Alerts…: per event whether it notifies and sounds (with a test button each), the
/// volume and the output device, how often a waiting visitor's sound repeats and when it gets more
/// urgent, the personal break after idle minutes (and coming back), and starting with the system.
/// Loads and saves through AlertSettingsStore; OK saves, Cancel leaves everything as it was.
class AlertSettingsPage : public QDialog
{
    Q_OBJECT
public:
    /// \a sounds plays the test sounds; null leaves the test buttons disabled.
    explicit AlertSettingsPage(AlertSounds *sounds, QWidget *parent = nullptr);

    /// The settings as the page shows them now (saved or not).
    AlertSettings settings() const;
    QCheckBox *notifyBox(AlertKind kind) const { return m_notify.value(kind); }
    QCheckBox *soundBox(AlertKind kind) const { return m_sound.value(kind); }
    QPushButton *testButton(AlertKind kind) const { return m_test.value(kind); }

    /// An event's name on the page.
    static QString kindName(AlertKind kind);

Q_SIGNALS:
    /// OK saved these settings: whoever uses them applies them now.
    void settingsSaved(const concierge::AlertSettings &settings);

public:
    void accept() override;
    void reject() override;

private:
    void load(const AlertSettings &settings);
    void playTest(AlertKind kind);
    void restoreSounds();

    AlertSounds *m_sounds;
    AlertSettings m_loaded; ///< what the page opened with (Cancel puts the sound output back to it)
    QHash<AlertKind, QCheckBox *> m_notify;
    QHash<AlertKind, QCheckBox *> m_sound;
    QHash<AlertKind, QPushButton *> m_test;
    QSlider *m_volume;
    QLabel *m_volumeLabel;
    QComboBox *m_device;
    QSpinBox *m_repeat;
    QSpinBox *m_escalate;
    QSpinBox *m_idle;
    QCheckBox *m_idleReturn;
    QCheckBox *m_autostart;
    QLabel *m_autostartError;
};

} // namespace concierge::ui
