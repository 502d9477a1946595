// SPDX-License-Identifier: GPL-3.0-or-later
#include "Outbox.h"

#include <QUuid>

namespace concierge {

Outbox::Outbox(LocalStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_entries(store->outbox())
{
}

OutboxEntry Outbox::add(qint64 dialogId, const QString &text)
{
    OutboxEntry entry;
    entry.cid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.dialogId = dialogId;
    entry.text = text;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    if (!m_store->addOutbox(entry))
        return {};
    m_entries.append(entry);
    Q_EMIT countChanged(count());
    return entry;
}

bool Outbox::acknowledge(const QString &cid)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).cid == cid) {
            m_store->removeOutbox(cid);
            m_entries.removeAt(i);
            m_inFlight.remove(cid);
            Q_EMIT countChanged(count());
            return true;
        }
    }
    return false;
}

QList<OutboxEntry> Outbox::entriesFor(qint64 dialogId) const
{
    QList<OutboxEntry> result;
    for (const auto &entry : m_entries) {
        if (entry.dialogId == dialogId)
            result.append(entry);
    }
    return result;
}

bool Outbox::contains(const QString &cid) const
{
    for (const auto &entry : m_entries) {
        if (entry.cid == cid)
            return true;
    }
    return false;
}

QList<OutboxEntry> Outbox::takeUnsent()
{
    QList<OutboxEntry> result;
    for (const auto &entry : m_entries) {
        if (!m_inFlight.contains(entry.cid)) {
            m_inFlight.insert(entry.cid);
            result.append(entry);
        }
    }
    return result;
}

} // namespace concierge
