// SPDX-License-Identifier: GPL-3.0-or-later
// "Start with the system" on Linux: the XDG autostart entry the desktop reads at login
// (https://specifications.freedesktop.org/autostart-spec/), written under a temporary
// XDG_CONFIG_HOME.
//
// Not QStandardPaths::setTestModeEnabled(true) here: test mode replaces XDG_CONFIG_HOME with
// ~/.qttest/config, and the point is to check the directory the desktop really reads. The user's
// own folders stay untouched because XDG_CONFIG_HOME and HOME both point into a temporary folder
// before anything is written.
#include "Autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using concierge::Autostart;

namespace {

/// The key=value lines of the [Desktop Entry] group; {"!header": first line} to check the group.
QHash<QString, QString> readDesktopEntry(const QString &path)
{
    QHash<QString, QString> keys;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return keys;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (!lines.isEmpty())
        keys.insert(u"!header"_s, lines.first());
    for (const QString &line : lines) {
        const qsizetype eq = line.indexOf(u'=');
        if (eq > 0)
            keys.insert(line.left(eq), line.mid(eq + 1));
    }
    return keys;
}

} // namespace

class TestAutostart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void enablingWritesAnEntryThatStartsThisApp();
    void entryPassesTheDesktopFileValidator();
    void execQuotesPathsWithSpacesAndSpecialCharacters();
    void disablingRemovesTheEntry();
    void entrySwitchedOffByTheDesktopReadsAsDisabled();
    void unwritableFolderIsReported();

private:
    QTemporaryDir m_home;
    QString m_config;
};

void TestAutostart::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_config = m_home.filePath(u"config"_s);
    qputenv("HOME", QFile::encodeName(m_home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config));
    QCOMPARE(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), m_config);
}

void TestAutostart::cleanup()
{
    QDir(m_config).removeRecursively();
}

void TestAutostart::enablingWritesAnEntryThatStartsThisApp()
{
    QVERIFY(!Autostart::isEnabled());
    QString error;
    QVERIFY2(Autostart::setEnabled(true, &error), qPrintable(error));
    QVERIFY(error.isEmpty());

    const QString expectedPath = m_config + u"/autostart/concierge.desktop"_s;
    QCOMPARE(Autostart::entryLocation(), expectedPath);
    QVERIFY(QFile::exists(expectedPath));
    QVERIFY(Autostart::isEnabled());

    const QHash<QString, QString> entry = readDesktopEntry(expectedPath);
    QCOMPARE(entry.value(u"!header"_s), u"[Desktop Entry]"_s);
    QCOMPARE(entry.value(u"Type"_s), u"Application"_s);
    QCOMPARE(entry.value(u"Name"_s), u"Concierge"_s);
    QCOMPARE(entry.value(u"Exec"_s), u'"' + QCoreApplication::applicationFilePath() + u'"');
    QVERIFY(entry.value(u"Hidden"_s) != u"true"_s);

    // Enabling again replaces the entry rather than failing or duplicating it.
    QVERIFY(Autostart::setEnabled(true, &error, u"/usr/bin/concierge"_s));
    QCOMPARE(readDesktopEntry(expectedPath).value(u"Exec"_s), u"\"/usr/bin/concierge\""_s);
    QCOMPARE(QDir(m_config + u"/autostart"_s).entryList(QDir::Files).size(), 1);
}

void TestAutostart::entryPassesTheDesktopFileValidator()
{
    const QString validator = QStandardPaths::findExecutable(u"desktop-file-validate"_s);
    if (validator.isEmpty())
        QSKIP("desktop-file-validate (desktop-file-utils, in scripts/setup) is not installed");
    QVERIFY(Autostart::setEnabled(true, nullptr, u"/opt/My Apps/con$cierge \"x\""_s));
    QProcess process;
    process.start(validator, {Autostart::entryLocation()});
    QVERIFY(process.waitForFinished(10000));
    const QString output = QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
    QVERIFY2(process.exitCode() == 0 && !output.contains(u"error"_s), qPrintable(output));
}

void TestAutostart::execQuotesPathsWithSpacesAndSpecialCharacters()
{
    // Desktop Entry spec, "Exec key": a quoted argument escapes " ` $ \ with a backslash, and the
    // string value escapes that backslash again.
    QVERIFY(Autostart::setEnabled(true, nullptr, u"/opt/My Apps/con$cierge \"2\\3\""_s));
    QCOMPARE(readDesktopEntry(Autostart::entryLocation()).value(u"Exec"_s),
             uR"("/opt/My Apps/con\\$cierge \\"2\\\\3\\"")"_s);
}

void TestAutostart::disablingRemovesTheEntry()
{
    QVERIFY(Autostart::setEnabled(true));
    QVERIFY(QFile::exists(Autostart::entryLocation()));
    QString error;
    QVERIFY2(Autostart::setEnabled(false, &error), qPrintable(error));
    QVERIFY(!QFile::exists(Autostart::entryLocation()));
    QVERIFY(!Autostart::isEnabled());
    // Nothing to remove is not an error.
    QVERIFY(Autostart::setEnabled(false, &error));
}

void TestAutostart::entrySwitchedOffByTheDesktopReadsAsDisabled()
{
    // GNOME Tweaks / KDE's settings switch an entry off in place instead of deleting it.
    QVERIFY(Autostart::setEnabled(true));
    QFile file(Autostart::entryLocation());
    QVERIFY(file.open(QIODevice::Append | QIODevice::Text));
    file.write("Hidden=true\n");
    file.close();
    QVERIFY(!Autostart::isEnabled());
    // Enabling from the app writes a fresh entry that is on again.
    QVERIFY(Autostart::setEnabled(true));
    QVERIFY(Autostart::isEnabled());
}

void TestAutostart::unwritableFolderIsReported()
{
    // A file where the autostart folder should be: nothing can be written under it.
    QVERIFY(QDir().mkpath(m_config));
    QFile blocker(m_config + u"/autostart"_s);
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString error;
    QVERIFY(!Autostart::setEnabled(true, &error));
    QVERIFY(error.contains(Autostart::entryLocation()));
    QVERIFY(!Autostart::isEnabled());
}

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
