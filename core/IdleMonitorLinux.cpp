// SPDX-License-Identifier: GPL-3.0-or-later
// IdleMonitor on Linux and other X11 systems: the XScreenSaver extension's idle time (input to any
// application on the display) when libXss was found at build time and the session is X11; else
// the desktop's idle time over D-Bus (GNOME Mutter, KDE); else the in-app fallback. A Wayland
// session is never asked through XWayland: it would only see the input of X11 clients and call an
// operator idle while they type in a native window.
#include "AppInputIdleMonitor.h"
#include "IdleMonitor.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <utility>

#ifdef CONCIERGE_HAVE_QTDBUS
#include <QDBusConnection>
#include <QDBusMessage>
#endif

#ifdef CONCIERGE_HAVE_XSS
// Last: Xlib defines macros (Status, None, Bool, KeyPress…) that clash with Qt names.
#include <X11/Xlib.h>
#include <X11/extensions/scrnsaver.h>
#endif

namespace concierge {

#ifdef CONCIERGE_HAVE_XSS
namespace {

class X11IdleMonitor : public IdleMonitor
{
public:
    /// Null when there is no X display or it lacks the extension.
    static std::unique_ptr<X11IdleMonitor> open()
    {
        Display *display = XOpenDisplay(nullptr);
        if (!display)
            return {};
        int eventBase = 0;
        int errorBase = 0;
        if (!XScreenSaverQueryExtension(display, &eventBase, &errorBase)) {
            XCloseDisplay(display);
            return {};
        }
        XScreenSaverInfo *info = XScreenSaverAllocInfo();
        if (!info) {
            XCloseDisplay(display);
            return {};
        }
        return std::unique_ptr<X11IdleMonitor>(new X11IdleMonitor(display, info));
    }

    ~X11IdleMonitor() override
    {
        XFree(m_info);
        XCloseDisplay(m_display);
    }

    qint64 idleMilliseconds() const override
    {
        if (!XScreenSaverQueryInfo(m_display, DefaultRootWindow(m_display), m_info))
            return -1;
        return qint64(m_info->idle);
    }

    bool isSystemWide() const override { return true; }

private:
    X11IdleMonitor(Display *display, XScreenSaverInfo *info)
        : m_display(display)
        , m_info(info)
    {
    }

    Display *m_display;
    XScreenSaverInfo *m_info;
};

bool isWaylandSession()
{
    return qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariable("XDG_SESSION_TYPE").compare(QLatin1String("wayland"), Qt::CaseInsensitive) == 0;
}

} // namespace
#endif

#ifdef CONCIERGE_HAVE_QTDBUS
namespace {

/// The desktop's own idle time over the session bus — what a Wayland session offers: GNOME's
/// org.gnome.Mutter.IdleMonitor.GetIdletime (milliseconds, uint64), then KDE's
/// org.freedesktop.ScreenSaver.GetSessionIdleTime (milliseconds, uint32). A blocking call with a
/// short timeout, once per IdleStatus poll.
class DBusIdleMonitor : public IdleMonitor
{
public:
    struct Source
    {
        QString service;
        QString path;
        QString interface;
        QString method;
    };

    /// Null when no desktop on the session bus answers.
    static std::unique_ptr<DBusIdleMonitor> open()
    {
        if (!QDBusConnection::sessionBus().isConnected())
            return {};
        const Source sources[] = {
            {QStringLiteral("org.gnome.Mutter.IdleMonitor"), QStringLiteral("/org/gnome/Mutter/IdleMonitor/Core"),
             QStringLiteral("org.gnome.Mutter.IdleMonitor"), QStringLiteral("GetIdletime")},
            {QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("/org/freedesktop/ScreenSaver"),
             QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("GetSessionIdleTime")},
        };
        for (const Source &source : sources) {
            auto monitor = std::make_unique<DBusIdleMonitor>(source);
            if (monitor->idleMilliseconds() >= 0)
                return monitor;
        }
        return {};
    }

    explicit DBusIdleMonitor(Source source)
        : m_source(std::move(source))
    {
    }

    qint64 idleMilliseconds() const override
    {
        const QDBusMessage call = QDBusMessage::createMethodCall(m_source.service, m_source.path,
                                                                 m_source.interface, m_source.method);
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 500);
        if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
            return -1;
        bool ok = false;
        const qint64 ms = reply.arguments().constFirst().toLongLong(&ok);
        return ok && ms >= 0 ? ms : -1;
    }

    bool isSystemWide() const override { return true; }

private:
    Source m_source;
};

} // namespace
#endif

std::unique_ptr<IdleMonitor> IdleMonitor::create()
{
#ifdef CONCIERGE_HAVE_XSS
    if (!isWaylandSession()) {
        if (auto x11 = X11IdleMonitor::open())
            return x11;
    }
#endif
#ifdef CONCIERGE_HAVE_QTDBUS
    if (auto desktop = DBusIdleMonitor::open())
        return desktop;
#endif
    return std::make_unique<AppInputIdleMonitor>();
}

} // namespace concierge
