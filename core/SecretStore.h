// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace concierge {

/// Where the app keeps secrets (the session token). Asynchronous because OS keychains are.
/// Implementations: KeychainSecretStore (QtKeychain) and MemorySecretStore (tests, no keychain).
/// A secret never touches disk in plain text: with no keychain, nothing is remembered.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~SecretStore() override = default;

    /// Emits `readFinished(key, secret, error)`; an absent secret gives an empty secret and no error.
    virtual void read(const QString &key) = 0;
    /// Emits `writeFinished(key, error)`; a non-empty error means the secret was NOT kept.
    virtual void write(const QString &key, const QString &secret) = 0;
    virtual void remove(const QString &key) = 0;

Q_SIGNALS:
    void readFinished(const QString &key, const QString &secret, const QString &error);
    void writeFinished(const QString &key, const QString &error);
};

} // namespace concierge
