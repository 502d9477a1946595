// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QLocalServer;

namespace concierge {

/// One running app per user (issue 6). The first start listens on a local socket (QLocalServer: a
/// Unix domain socket, a named pipe on Windows) named after the user; a later start finds it,
/// sends "raise" and is told it is not primary — main() then exits 0 and the running app raises
/// its window on activationRequested(). A socket left by a crashed app is removed and taken over.
/// Lives on the GUI thread; the constructor blocks for at most about a second.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    /// `key` names the instance ("" = defaultKey(), one per user of this machine); tests pass a
    /// unique one.
    explicit SingleInstance(const QString &key = {}, QObject *parent = nullptr);
    ~SingleInstance() override;

    /// True for the first start (it listens); false when another instance answered and was asked
    /// to raise itself.
    bool isPrimary() const { return m_primary; }
    /// The local socket's name.
    QString serverName() const { return m_name; }

    /// "concierge-" and a hash of the user's home folder: the same for every start by one user,
    /// different for another user on the same machine (names of pipes are machine-wide on Windows).
    /// With `profileDir` (--profile-dir: another cache, e.g. a second operator account), a hash of
    /// its absolute path is added: one app per cache, since two on one cache would share its outbox.
    static QString defaultKey(const QString &profileDir = {});

Q_SIGNALS:
    /// Another start asked this one to show its window.
    void activationRequested();

private:
    bool askPrimaryToRaise();
    void listen();
    void onNewConnection();

    QString m_name;
    QLocalServer *m_server = nullptr;
    bool m_primary = true;
};

} // namespace concierge
