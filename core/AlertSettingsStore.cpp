// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertSettingsStore.h"

#include <QSettings>

namespace concierge {

using namespace Qt::StringLiterals;

AlertSettingsStore::AlertSettingsStore(QSettings *settings)
    : m_settings(settings)
{
    if (!m_settings) {
        m_own = new QSettings;
        m_settings = m_own;
    }
}

AlertSettingsStore::~AlertSettingsStore()
{
    delete m_own;
}

QString AlertSettingsStore::kindKey(AlertKind kind)
{
    switch (kind) {
    case AlertKind::WaitingVisitor: return u"waitingVisitor"_s;
    case AlertKind::MessageInMyDialog: return u"messageInMyDialog"_s;
    case AlertKind::TransferredToMe: return u"transferredToMe"_s;
    case AlertKind::ChatMention: return u"chatMention"_s;
    case AlertKind::IncomingCall: return u"incomingCall"_s;
    }
    return u"unknown"_s;
}

AlertSettings AlertSettingsStore::load() const
{
    const AlertSettings defaults;
    AlertSettings result;
    QSettings &s = *m_settings;
    s.beginGroup(u"alerts"_s);
    for (const AlertKind kind : allAlertKinds()) {
        const QString key = kindKey(kind);
        AlertEventSettings event;
        event.notify = s.value(key + u"/notify"_s, event.notify).toBool();
        event.sound = s.value(key + u"/sound"_s, event.sound).toBool();
        result.events.insert(kind, event);
    }
    bool ok = false;
    const int repeat = s.value(u"repeatSeconds"_s, defaults.repeatSeconds).toInt(&ok);
    result.repeatSeconds = ok && repeat >= 0 && repeat <= 3600 ? repeat : defaults.repeatSeconds;
    const int escalate = s.value(u"escalateAfter"_s, defaults.escalateAfter).toInt(&ok);
    result.escalateAfter = ok && escalate >= 0 && escalate <= 100 ? escalate : defaults.escalateAfter;
    const double volume = s.value(u"volume"_s, defaults.volume).toDouble(&ok);
    result.volume = ok && volume >= 0.0 && volume <= 1.0 ? volume : defaults.volume;
    result.outputDeviceId = s.value(u"outputDevice"_s, defaults.outputDeviceId).toString();
    const int idle = s.value(u"idleMinutes"_s, defaults.idleMinutes).toInt(&ok);
    result.idleMinutes = ok && idle >= 0 && idle <= 24 * 60 ? idle : defaults.idleMinutes;
    result.idleReturn = s.value(u"idleReturn"_s, defaults.idleReturn).toBool();
    result.closeToTrayNoteShown = s.value(u"closeToTrayNoteShown"_s, defaults.closeToTrayNoteShown).toBool();
    result.autostart = s.value(u"autostart"_s, defaults.autostart).toBool();
    s.endGroup();
    return result;
}

void AlertSettingsStore::save(const AlertSettings &settings)
{
    QSettings &s = *m_settings;
    s.beginGroup(u"alerts"_s);
    for (const AlertKind kind : allAlertKinds()) {
        const QString key = kindKey(kind);
        const AlertEventSettings event = settings.event(kind);
        s.setValue(key + u"/notify"_s, event.notify);
        s.setValue(key + u"/sound"_s, event.sound);
    }
    s.setValue(u"repeatSeconds"_s, settings.repeatSeconds);
    s.setValue(u"escalateAfter"_s, settings.escalateAfter);
    s.setValue(u"volume"_s, settings.volume);
    s.setValue(u"outputDevice"_s, settings.outputDeviceId);
    s.setValue(u"idleMinutes"_s, settings.idleMinutes);
    s.setValue(u"idleReturn"_s, settings.idleReturn);
    s.setValue(u"closeToTrayNoteShown"_s, settings.closeToTrayNoteShown);
    s.setValue(u"autostart"_s, settings.autostart);
    s.endGroup();
    s.sync();
}

} // namespace concierge
