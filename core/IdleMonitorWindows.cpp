// SPDX-License-Identifier: GPL-3.0-or-later
// IdleMonitor on Windows: GetLastInputInfo, the tick count of the last input in this session
// (https://learn.microsoft.com/windows/win32/api/winuser/nf-winuser-getlastinputinfo).
#include "IdleMonitor.h"

#ifndef NOMINMAX
#define NOMINMAX
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <windows.h>

namespace concierge {

namespace {

class WindowsIdleMonitor : public IdleMonitor
{
public:
    qint64 idleMilliseconds() const override
    {
        LASTINPUTINFO info;
        info.cbSize = sizeof(info);
        info.dwTime = 0;
        if (!GetLastInputInfo(&info))
            return -1;
        // Both are 32-bit tick counts: unsigned subtraction stays right across the 49.7-day wrap.
        const DWORD elapsed = GetTickCount() - info.dwTime;
        return qint64(elapsed);
    }

    bool isSystemWide() const override { return true; }
};

} // namespace

std::unique_ptr<IdleMonitor> IdleMonitor::create()
{
    return std::make_unique<WindowsIdleMonitor>();
}

} // namespace concierge
