// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace concierge::server {

/// `concierge-server admin [--state-dir DIR] COMMAND [options]`:
///   create-operator, set-operator, list-operators, create-department, delete-department,
///   list-departments, export-templates, import-templates, create-api-key, list-api-keys,
///   revoke-api-key (see --help for their options)
/// Prints a one-line result or a clear error; the exit code says which.
class AdminCli
{
public:
    /// \a arguments: the full command line (program name first, then "admin", ...).
    static int run(const QStringList &arguments);
};

/// Creates department "Sales", operator demo@example.com in it and the demo templates when missing,
/// and sets the demo operator's password; \a withHistory (`--demo-history`): finished demo dialogs
/// too, into a database that has none. Shared by `--seed-demo` and tests.
class Database;
bool seedDemo(Database &database, const QString &password, bool withHistory, QString *error);

} // namespace concierge::server
