// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemorySecretStore.h"

#include <QMetaObject>

namespace concierge {

void MemorySecretStore::read(const QString &key)
{
    const QString secret = m_secrets.value(key);
    QMetaObject::invokeMethod(this, [this, key, secret] {
        Q_EMIT readFinished(key, secret, QString());
    }, Qt::QueuedConnection);
}

void MemorySecretStore::write(const QString &key, const QString &secret)
{
    m_secrets.insert(key, secret);
    QMetaObject::invokeMethod(this, [this, key] {
        Q_EMIT writeFinished(key, QString());
    }, Qt::QueuedConnection);
}

void MemorySecretStore::remove(const QString &key)
{
    m_secrets.remove(key);
}

} // namespace concierge
