// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TestPaths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

namespace concierge::test {

/// An .xlsx file as an independent reader sees it: tests/support/xlsx_dump.py (Debian's
/// python3-openpyxl) prints it as JSON — {"sheets": [{"name", "frozen", "headerBold", "widths",
/// "rows": [[[type, value], …], …]}]}. Empty object and \a error set when it cannot be read.
inline QJsonObject dumpXlsx(const QString &path, QString *error)
{
    // Debian's interpreter: python3-openpyxl installs the module for it, not for a python3 that a
    // version manager may have put first on PATH.
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
        ? QStringLiteral("/usr/bin/python3")
        : QStandardPaths::findExecutable(QStringLiteral("python3"));
    QProcess process;
    process.start(python, {QStringLiteral(CONCIERGE_TEST_DATA_DIR "/../support/xlsx_dump.py"), path});
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("xlsx_dump.py failed: ") + QString::fromUtf8(process.readAllStandardError()) +
            process.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(process.readAllStandardOutput(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("xlsx_dump.py printed no JSON: ") + parseError.errorString();
        return {};
    }
    return document.object();
}

/// The cells of one dumped row as [type, value] pairs, without the trailing empty cells.
inline QJsonArray dumpedRow(const QJsonObject &sheet, int row)
{
    QJsonArray cells = sheet.value(QStringLiteral("rows")).toArray().at(row).toArray();
    while (!cells.isEmpty() && cells.last().toArray().at(0).toString() == QStringLiteral("empty"))
        cells.removeLast();
    return cells;
}

} // namespace concierge::test
