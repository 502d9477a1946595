// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

namespace concierge {

/// Secrets in the OS keychain through QtKeychain (service "Concierge"). QtKeychain 0.13 cannot
/// tell in advance whether a keychain exists: a job simply fails (OtherError on a headless Linux
/// box), and that failure is reported through the signals so the app can fall back to asking
/// for the password. Never falls back to plain text on disk.
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT
public:
    explicit KeychainSecretStore(QObject *parent = nullptr);

    static QString serviceName();

    void read(const QString &key) override;
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;
};

} // namespace concierge
