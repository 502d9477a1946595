// SPDX-License-Identifier: GPL-3.0-or-later
// A dialog as transcript text (docs/protocol.md, "Transcript text"): the Webim manual's history
// sample rebuilt from Message objects gives, line by line, the fixture
// tests/data/transcript/manual_sample_ru.txt; an English dialog shows the day changing, a file, a
// multi-line text and the mail lines; a transcript cut at the history's limit says so. The
// Russian run installs the Russian words for the few strings involved (a small translator below),
// so it checks the layout whatever state the .ts files are in. Where the fixture differs from the manual: the contact line is worded as the
// dialog pane words it ("contact.given"); the page and left-the-site events, which this server
// does not write, are lines of a newer server's unknown events carrying their own text.
#include "SystemLineText.h"
#include "TestPaths.h"
#include "TranscriptText.h"

#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Author;
using protocol::Message;

namespace {

/// The Russian words of the strings a transcript uses, as the lead's translation gives them.
class RussianWords : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        static const QHash<QString, QString> words{
            {u"TranscriptText|Visitor's name: %1"_s, u"Имя посетителя: %1"_s},
            {u"TranscriptText|dd.MM.yyyy"_s, u"dd.MM.yyyy"_s},
            {u"TranscriptText|[file: %1, %2]"_s, u"[файл: %1, %2]"_s},
            {u"SystemLineText|The visitor left contact details: %1"_s,
             u"Посетитель оставил контактные данные: %1"_s},
        };
        return words.value(QString::fromUtf8(context) + u'|' + QString::fromUtf8(sourceText));
    }
};

const QTimeZone kMoscow = QTimeZone(3 * 3600); // the manual's times are Moscow times (UTC+3)

Message line(qint64 id, Author author, const QString &name, const QString &text, const QString &localTime,
             const QString &event = {}, const QJsonObject &meta = {})
{
    Message message;
    message.id = id;
    message.dialogId = 103;
    message.author = author;
    message.authorName = name;
    message.text = text;
    message.event = event;
    message.meta = meta;
    const QDateTime local = QDateTime::fromString(localTime, u"dd.MM.yyyy HH:mm:ss"_s);
    message.at = QDateTime(local.date(), local.time(), kMoscow).toUTC(); // stored in UTC, as the server does
    return message;
}

QStringList fixtureLines(const QString &name)
{
    QFile file(QStringLiteral(CONCIERGE_TEST_DATA_DIR "/transcript/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {u"(fixture %1 missing)"_s.arg(name)};
    return QString::fromUtf8(file.readAll()).split(u'\n');
}

void compareLines(const QString &actual, const QStringList &expected)
{
    const QStringList lines = actual.split(u'\n');
    for (int i = 0; i < std::min(lines.size(), expected.size()); ++i) {
        if (lines.at(i) != expected.at(i))
            qWarning("line %d differs", i + 1);
        QCOMPARE(lines.at(i), expected.at(i));
    }
    QCOMPARE(lines.size(), expected.size());
}

} // namespace

class TestTranscriptText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void manualSampleInRussian();
    void englishDialogOverTwoDays();
    void cutShortSaysSo();
    void subjectAndSizes();
};

void TestTranscriptText::manualSampleInRussian()
{
    RussianWords russian;
    QCoreApplication::installTranslator(&russian);
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));

    protocol::Dialog dialog;
    dialog.id = 103;
    dialog.createdAt = line(0, Author::System, {}, {}, u"13.02.2015 20:04:34"_s).at;
    const QList<Message> messages{
        line(1, Author::System, {},
             u"Посетитель открыл окно диалога со страницы official site: https://pratticaterza.ru/\n"
             "Местоположение: Россия, Москва https://maps.google.com/maps?q=55.755787,37.617634\n"
             "Браузер: Chrome\nIP: https://www.nic.ru/whois/?query=95.27.85.238\nТелефон: +44 33 221100\n"
             "Имя: Фёкла\nEmail: foekla@mail.de"_s,
             u"13.02.2015 20:04:34"_s, u"visitor.opened"_s),
        line(2, Author::System, {}, u"Пожалуйста, подождите немного, к Вам присоединится оператор.."_s,
             u"13.02.2015 20:04:34"_s),
        line(3, Author::System, {}, u"Оператор Ира включился в разговор"_s, u"13.02.2015 20:06:14"_s),
        line(4, Author::Operator, u"Ира"_s, u"ООО"_s, u"13.02.2015 20:06:17"_s),
        line(5, Author::System, {}, {}, u"13.02.2015 20:07:59"_s, u"contact.given"_s,
             {{u"name"_s, u"Фёкла"_s}, {u"email"_s, u"foekla@mail.de"_s}, {u"phone"_s, u"+44 33 221100"_s}}),
        line(6, Author::Visitor, {}, u"привет"_s, u"13.02.2015 20:08:18"_s), // no name: the visitor's
        line(7, Author::System, {},
             u"Посетитель перешел на страницу \"official site\" (https://pratticaterza.ru/ )."_s,
             u"13.02.2015 20:30:21"_s, u"page.view"_s),
        line(8, Author::System, {}, u"Посетитель покинул сайт"_s, u"13.02.2015 20:43:45"_s,
             u"visitor.left"_s),
    };
    const QString text =
        TranscriptText::format(dialog, u"Фёкла"_s, messages, &ui::SystemLineText::describe, kMoscow);

    QCoreApplication::removeTranslator(&russian);
    QLocale::setDefault(QLocale::c());
    compareLines(text, fixtureLines(u"manual_sample_ru.txt"_s));
}

void TestTranscriptText::englishDialogOverTwoDays()
{
    protocol::Dialog dialog;
    dialog.id = 5;
    dialog.createdAt = line(0, Author::System, {}, {}, u"31.12.2025 23:58:10"_s).at;
    Message file = line(3, Author::Visitor, u"Visitor 12"_s, {}, u"01.01.2026 00:00:05"_s);
    file.file = {u"/v1/files/0123"_s, u"<b>price</b>.pdf"_s, 12390, u"application/pdf"_s, false, false};
    const QList<Message> messages{
        line(1, Author::Visitor, u"Visitor 12"_s, u"Hello,\r\ndo you ship to Riga?"_s,
             u"31.12.2025 23:58:10"_s),
        line(2, Author::Operator, u"Anna Petrova"_s, u"Yes, in two days."_s, u"31.12.2025 23:59:59"_s),
        file,
        line(4, Author::System, {}, {}, u"01.01.2026 00:01:00"_s, u"transcript.sent"_s,
             {{u"toOperatorId"_s, 2},
              {u"toName"_s, u"Boris"_s},
              {u"toEmail"_s, u"boris@example.com"_s},
              {u"byName"_s, u"Anna Petrova"_s}}),
        line(5, Author::System, {}, {}, u"01.01.2026 00:02:00"_s, u"email.failed"_s,
             {{u"to"_s, u"v@example.com"_s}, {u"error"_s, u"Connection refused"_s}}),
    };
    const QString text =
        TranscriptText::format(dialog, u"Visitor 12"_s, messages, &ui::SystemLineText::describe, kMoscow);
    compareLines(text,
                 {
                     u"#5 31.12.2025 23:58"_s, u"Visitor's name: Visitor 12"_s, QString(47, u'-'),
                     u"31.12.2025"_s, u"23:58:10 Visitor 12: Hello,"_s, u"do you ship to Riga?"_s,
                     u"23:59:59 Anna Petrova: Yes, in two days."_s, u"01.01.2026"_s,
                     u"00:00:05 Visitor 12: [file: <b>price</b>.pdf, 12.1 KB]"_s,
                     u"00:01:00 [Anna Petrova emailed the transcript to Boris (boris@example.com)]"_s,
                     u"00:02:00 [The reply could not be emailed to v@example.com: Connection refused]"_s,
                     QString(), // the text ends with a line break
                 });
}

// history.get gives at most 500 messages: when as many came as were asked for, the reader is told
// that earlier ones may be missing; fewer mean the whole dialog, and no such line.
void TestTranscriptText::cutShortSaysSo()
{
    protocol::Dialog dialog;
    dialog.id = 9;
    dialog.createdAt = line(0, Author::System, {}, {}, u"02.03.2026 10:00:00"_s).at;
    const QList<Message> messages{
        line(1, Author::Visitor, u"Visitor 3"_s, u"Still there?"_s, u"02.03.2026 11:00:00"_s),
        line(2, Author::Operator, u"Anna"_s, u"Yes."_s, u"02.03.2026 11:00:05"_s),
    };
    const QString cut = TranscriptText::format(dialog, u"Visitor 3"_s, messages, &ui::SystemLineText::describe,
                                               kMoscow, 2);
    compareLines(cut, {
                          u"#9 02.03.2026 10:00"_s,
                          u"Visitor's name: Visitor 3"_s,
                          QString(47, u'-'),
                          u"Only the last 2 messages of the dialog are included; earlier ones, if any, are not."_s,
                          u"02.03.2026"_s,
                          u"11:00:00 Visitor 3: Still there?"_s,
                          u"11:00:05 Anna: Yes."_s,
                          QString(),
                      });
    const QString whole = TranscriptText::format(dialog, u"Visitor 3"_s, messages, &ui::SystemLineText::describe,
                                                 kMoscow, 500);
    QVERIFY2(!whole.contains(u"Only the last"_s), qPrintable(whole));
    QCOMPARE(whole.split(u'\n').size(), 7);
}

void TestTranscriptText::subjectAndSizes()
{
    QCOMPARE(TranscriptText::subject(5, u"Visitor 12"_s), u"Dialog #5 with Visitor 12"_s);
    QCOMPARE(TranscriptText::fileSize(512), u"512 bytes"_s);
    QCOMPARE(TranscriptText::fileSize(3 * 1024 * 1024 + 400 * 1024), u"3.4 MB"_s);
}

QTEST_GUILESS_MAIN(TestTranscriptText)
#include "tst_transcript_text.moc"
