// SPDX-License-Identifier: GPL-3.0-or-later
// Every string the operator can see is translated: the committed .ts files hold exactly the
// strings the sources have today (lupdate run afresh into a temporary file finds nothing new),
// and the Russian file has no unfinished or empty translation.
#include "TestPaths.h"

#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool unfinished = false;
    bool empty = true;
};

QList<TsMessage> readTs(const QString &path)
{
    QList<TsMessage> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            current = TsMessage{context, {}, false, true};
        } else if (xml.name() == u"source") {
            current.source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value(QStringLiteral("type")).toString();
            current.unfinished = type == u"unfinished";
            const bool obsolete = type == u"obsolete" || type == u"vanished";
            // Plural forms hold <numerusform> children; readElementText gathers their text.
            current.empty = xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed().isEmpty();
            if (!obsolete)
                messages.append(current);
        }
    }
    return messages;
}

QSet<QString> keys(const QList<TsMessage> &messages)
{
    QSet<QString> result;
    for (const TsMessage &message : messages)
        result.insert(message.context + u'\x1f' + message.source);
    return result;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void russianIsComplete();
    void tsFilesAreCurrent();
};

void TestTranslations::russianIsComplete()
{
    const QList<TsMessage> messages = readTs(QStringLiteral(CONCIERGE_SOURCE_DIR "/translations/concierge_ru.ts"));
    QVERIFY2(messages.size() > 50, "concierge_ru.ts holds suspiciously few strings");
    QStringList missing;
    for (const TsMessage &message : messages) {
        if (message.unfinished || message.empty)
            missing << message.context + u": "_s + message.source;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(u"untranslated:\n"_s + missing.join(u'\n')));
}

void TestTranslations::tsFilesAreCurrent()
{
    QTemporaryDir dir;
    const QString fresh = dir.filePath(u"fresh.ts"_s);
    QFile list(QStringLiteral(CONCIERGE_TRANSLATABLE_LIST));
    QVERIFY2(list.open(QIODevice::ReadOnly), "the list of translatable sources was not generated");
    const QStringList sources = QString::fromUtf8(list.readAll()).split(u';', Qt::SkipEmptyParts);
    QProcess lupdate;
    lupdate.start(QStringLiteral(CONCIERGE_LUPDATE), QStringList{u"-silent"_s, u"-no-obsolete"_s} << sources
                                                         << QStringList{u"-ts"_s, fresh});
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);

    const QSet<QString> inSources = keys(readTs(fresh));
    const QSet<QString> committed = keys(readTs(QStringLiteral(CONCIERGE_SOURCE_DIR "/translations/concierge_ru.ts")));
    const QSet<QString> notInTs = inSources - committed;
    QVERIFY2(notInTs.isEmpty(),
             qPrintable(u"strings missing from concierge_ru.ts — run the update_translations target:\n"_s
                        + QStringList(notInTs.cbegin(), notInTs.cend()).join(u'\n')));
    const QSet<QString> inEn = keys(readTs(QStringLiteral(CONCIERGE_SOURCE_DIR "/translations/concierge_en.ts")));
    QVERIFY2((inSources - inEn).isEmpty(), "concierge_en.ts is not current — run update_translations");
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
