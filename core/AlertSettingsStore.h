// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

class QSettings;

namespace concierge {

/// AlertSettings in QSettings, group "alerts" (per kind "alerts/<kind>/notify|sound"). Values
/// missing or out of range read as the defaults, so a new kind or an old file is always usable.
class AlertSettingsStore
{
public:
    /// `settings`: not owned; nullptr = the application's QSettings (organisation and application
    /// names as set in main()).
    explicit AlertSettingsStore(QSettings *settings = nullptr);
    ~AlertSettingsStore();
    AlertSettingsStore(const AlertSettingsStore &) = delete;
    AlertSettingsStore &operator=(const AlertSettingsStore &) = delete;

    AlertSettings load() const;
    void save(const AlertSettings &settings);

    /// The key word of a kind in the file ("waitingVisitor", …); stable across versions.
    static QString kindKey(AlertKind kind);

private:
    QSettings *m_settings = nullptr;
    QSettings *m_own = nullptr;
};

} // namespace concierge
