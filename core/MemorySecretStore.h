// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SecretStore.h"

#include <QHash>

namespace concierge {

/// Secrets kept in memory only: for tests, and for the app when no keychain works (the secret is
/// then forgotten at exit, and the operator types the password again next time).
/// Answers asynchronously (queued), like a real keychain, so callers cannot come to rely on
/// synchronous replies.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT
public:
    using SecretStore::SecretStore;

    void read(const QString &key) override;
    void write(const QString &key, const QString &secret) override;
    void remove(const QString &key) override;

private:
    QHash<QString, QString> m_secrets;
};

} // namespace concierge
