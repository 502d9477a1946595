// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace concierge::server {

class OperatorRepository;
class TemplateRepository;

/// The shared templates on the admin command line (docs/protocol.md "Templates", Admin CLI).
namespace templateadmin {

/// Writes every live shared template as `[{"title", "text", "tags", "department": name|null}]`,
/// by department then title. Returns how many, or -1 with \a error.
int exportShared(TemplateRepository &templates, OperatorRepository &operators, const QString &path,
                 QString *error);

struct ImportCounts
{
    int added = 0;
    int updated = 0;
    int unchanged = 0;
};
/// Checks every entry of the file first (JSON shape, the template rules, known departments, no title
/// twice in one department within the file), then writes them all in one transaction: an entry whose
/// title exists in its department replaces it (the old version kept in its history). On any error
/// \a error names the entry ("entry 3 (\"Delivery\"): …") and nothing is written.
bool importShared(TemplateRepository &templates, OperatorRepository &operators, const QString &path,
                  ImportCounts *counts, QString *error);

/// The demo's shared templates in \a departmentId (with variables, in English and Russian), each
/// added unless its title is taken there.
bool seedDemo(TemplateRepository &templates, qint64 departmentId);

} // namespace templateadmin
} // namespace concierge::server
