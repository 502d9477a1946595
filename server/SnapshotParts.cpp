// SPDX-License-Identifier: GPL-3.0-or-later
#include "SnapshotParts.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace concierge::server {

using namespace Qt::StringLiterals;

QList<QJsonObject> splitSnapshot(const QJsonObject &snapshot, qsizetype budgetBytes)
{
    const QStringList listKeys{u"visitors"_s, u"dialogs"_s, u"messages"_s};
    QJsonObject first = snapshot;
    for (const QString &key : listKeys)
        first.remove(key);

    QList<QJsonObject> parts;
    QJsonObject current = first;
    qsizetype used = QJsonDocument(first).toJson(QJsonDocument::Compact).size();
    QHash<QString, QJsonArray> lists; // the lists of the part being filled

    const auto closePart = [&] {
        for (const QString &key : listKeys)
            current.insert(key, lists.value(key));
        parts.append(current);
        current = {};
        lists.clear();
        used = 0;
    };

    for (const QString &key : listKeys) {
        const QJsonArray items = snapshot.value(key).toArray();
        for (const QJsonValue &item : items) {
            // +1 for the separating comma; the few bytes of keys and brackets are in the headroom.
            const qsizetype size = QJsonDocument(item.toObject()).toJson(QJsonDocument::Compact).size() + 1;
            if (used + size > budgetBytes && used > 0)
                closePart();
            lists[key].append(item);
            used += size;
        }
    }
    closePart();
    return parts;
}

} // namespace concierge::server
