// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace concierge {

/// What an alert is about; each kind has its own notify/sound switches and its own sound.
enum class AlertKind { WaitingVisitor, MessageInMyDialog, TransferredToMe, ChatMention, IncomingCall };

inline size_t qHash(AlertKind kind, size_t seed = 0) noexcept
{
    return ::qHash(int(kind), seed);
}

/// Every kind, in the order a settings page lists them.
inline QList<AlertKind> allAlertKinds()
{
    return {AlertKind::WaitingVisitor, AlertKind::MessageInMyDialog, AlertKind::TransferredToMe,
            AlertKind::ChatMention, AlertKind::IncomingCall};
}

struct AlertEventSettings
{
    bool notify = true; ///< a desktop notification
    bool sound = true;

    friend bool operator==(const AlertEventSettings &, const AlertEventSettings &) = default;
};

/// What the operator chose on the Alerts settings page (AlertSettingsStore keeps it).
struct AlertSettings
{
    /// Per kind; a kind missing here has the defaults (notify and sound on): see event().
    QHash<AlertKind, AlertEventSettings> events;
    int repeatSeconds = 30; ///< a waiting visitor's alert repeats this often; 0: no repeats
    int escalateAfter = 2;  ///< repeats before the sound gets louder/more urgent (soundEscalation())
    double volume = 0.8;    ///< 0..1
    QString outputDeviceId; ///< QMediaDevices id, "" = the system's default output
    int idleMinutes = 0;    ///< 0 = off
    bool idleReturn = true; ///< back to the previous status when the operator returns
    bool closeToTrayNoteShown = false;
    bool autostart = false;

    AlertEventSettings event(AlertKind kind) const { return events.value(kind, AlertEventSettings{}); }

    friend bool operator==(const AlertSettings &, const AlertSettings &) = default;
};

/// One thing that wants the operator's attention. `title` and `body` are plain text (a visitor's
/// words are untrusted: never rich text), already cut to a notification's length.
struct Alert
{
    AlertKind kind = AlertKind::WaitingVisitor;
    qint64 dialogId = 0;  ///< the dialog to open when the notification is clicked; 0: none (room)
    qint64 messageId = 0; ///< the message it is about, 0 if none
    QString title;
    QString body;
    bool playSound = false; ///< the kind's sound is on and the status is not do-not-disturb
    int escalation = 0;     ///< 0 the first time, 1, 2… for each repeat of a waiting visitor's alert
};

/// The sound's urgency for an alert: 0 (normal) for the first alert and its first `escalateAfter`
/// repeats, then 1, 2, … (louder / more urgent). Pass it to the sound player.
inline int soundEscalation(const Alert &alert, const AlertSettings &settings)
{
    return alert.escalation <= settings.escalateAfter ? 0 : alert.escalation - settings.escalateAfter;
}

/// Time for AlertPolicy: the current time and one-shot timers. The default implementation is the
/// real clock (QDateTime::currentDateTimeUtc, QTimer::singleShot). Tests pass a manual clock whose
/// advance(ms) moves now() and runs the callbacks that became due, in order — so repetition and
/// escalation are checked without sleeping. A timer cannot be cancelled: the policy ignores a
/// callback that is no longer current (a generation number), and never outlives its guard.
class AlertClock
{
public:
    virtual ~AlertClock() = default;
    virtual QDateTime now() const;
    /// Calls `callback` once, `ms` milliseconds from now, on the calling (GUI) thread.
    virtual void startTimer(int ms, std::function<void()> callback);
};

} // namespace concierge
