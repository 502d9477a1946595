// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace concierge::protocol {

/// Whose library a template belongs to (docs/protocol.md, "Templates").
enum class TemplateScope { Shared, Personal };
QString templateScopeToString(TemplateScope scope);
TemplateScope templateScopeFromString(const QString &text);

/// A canned answer, the `Template` of docs/protocol.md. Shared ones are the admins' (for everyone,
/// or for one department); personal ones belong to one operator and only they ever see them.
struct Template
{
    qint64 id = 0;
    TemplateScope scope = TemplateScope::Personal;
    qint64 departmentId = 0; ///< shared only; 0: every department
    qint64 ownerId = 0;      ///< personal only: the operator it belongs to
    QString title;
    QString text;
    QStringList tags;
    qint64 revision = 0;     ///< the server's change counter when it last changed (sync cursor)
    QDateTime updatedAt;
    QString updatedBy;       ///< display name of who saved it last
    bool deleted = false;    ///< only in `templates.sync` answers and events: drop it from the cache

    QJsonObject toJson() const;
    static Template fromJson(const QJsonObject &object);
    friend bool operator==(const Template &, const Template &) = default;
};

} // namespace concierge::protocol
