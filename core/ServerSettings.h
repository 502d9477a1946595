// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace concierge {

/// The server's settings that change what the app shows (hello result "settings").
struct ServerSettings
{
    /// The server assigns waiting dialogs itself; unassigned ones sit in the common queue.
    bool autoAssign = true;
    /// Plain operators neither see nor get other operators' dialogs (supervisors always do).
    bool hideOthersDialogs = false;
    /// The server can send mail (transcripts, replies to offline requests); protocol 1.3.
    bool mail = false;
    /// Largest file the server accepts (`--max-file-mb`); protocol 1.3. 0: not said (older server).
    qint64 maxFileBytes = 0;

    /// The hello result's "settings" object; missing fields keep their defaults.
    static ServerSettings fromJson(const QJsonObject &object)
    {
        ServerSettings settings;
        settings.autoAssign = object.value(QLatin1StringView("autoAssign")).toBool(settings.autoAssign);
        settings.hideOthersDialogs = object.value(QLatin1StringView("hideOthersDialogs")).toBool(settings.hideOthersDialogs);
        settings.mail = object.value(QLatin1StringView("mail")).toBool(settings.mail);
        settings.maxFileBytes = object.value(QLatin1StringView("maxFileBytes")).toInteger(settings.maxFileBytes);
        return settings;
    }
    QJsonObject toJson() const
    {
        return {{QLatin1StringView("autoAssign"), autoAssign},
                {QLatin1StringView("hideOthersDialogs"), hideOthersDialogs},
                {QLatin1StringView("mail"), mail},
                {QLatin1StringView("maxFileBytes"), maxFileBytes}};
    }

    friend bool operator==(const ServerSettings &, const ServerSettings &) = default;
};

} // namespace concierge
