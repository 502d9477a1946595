// SPDX-License-Identifier: GPL-3.0-or-later
// IdleMonitor on macOS: CGEventSourceSecondsSinceLastEventType over the HID system state, any
// input event (https://developer.apple.com/documentation/coregraphics/1408790-cgeventsourcesecondssincelasteve).
// Needs no accessibility permission. Links the ApplicationServices framework (core/CMakeLists.txt).
#include "IdleMonitor.h"

#include <ApplicationServices/ApplicationServices.h>

namespace concierge {

namespace {

class MacIdleMonitor : public IdleMonitor
{
public:
    qint64 idleMilliseconds() const override
    {
        const CFTimeInterval seconds =
            CGEventSourceSecondsSinceLastEventType(kCGEventSourceStateHIDSystemState, kCGAnyInputEventType);
        if (seconds < 0)
            return -1;
        return qint64(seconds * 1000.0);
    }

    bool isSystemWide() const override { return true; }
};

} // namespace

std::unique_ptr<IdleMonitor> IdleMonitor::create()
{
    return std::make_unique<MacIdleMonitor>();
}

} // namespace concierge
