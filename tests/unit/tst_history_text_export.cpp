// SPDX-License-Identifier: GPL-3.0-or-later
// "Export as text" of several dialogs (docs/protocol.md, "History"): the Webim manual's history
// sample ("Просмотр истории диалогов") rebuilt from Message objects, followed by a short second
// dialog, compared line by line with tests/data/transcript/history_export_ru.txt — the manual's
// fragment verbatim (its contact line worded as the manual words it, by the wording the caller
// passes), a blank line, and the second dialog, whose last line falls on the next day. The Russian
// words of TranscriptText come from a small translator below, so the layout is checked whatever
// state the .ts files are in.
#include "HistoryTextExport.h"
#include "TestPaths.h"

#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::Author;
using protocol::HistoryDialog;
using protocol::Message;

namespace {

class RussianWords : public QTranslator
{
public:
    bool isEmpty() const override { return false; }
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        static const QHash<QString, QString> words{
            {u"TranscriptText|Visitor's name: %1"_s, u"Имя посетителя: %1"_s},
            {u"TranscriptText|dd.MM.yyyy"_s, u"dd.MM.yyyy"_s},
        };
        return words.value(QString::fromUtf8(context) + u'|' + QString::fromUtf8(sourceText));
    }
};

const QTimeZone kMoscow = QTimeZone(3 * 3600); // the manual's times are Moscow times (UTC+3)

Message line(qint64 id, qint64 dialogId, Author author, const QString &name, const QString &text,
             const QString &localTime, const QString &event = {}, const QJsonObject &meta = {})
{
    Message message;
    message.id = id;
    message.dialogId = dialogId;
    message.author = author;
    message.authorName = name;
    message.text = text;
    message.event = event;
    message.meta = meta;
    const QDateTime local = QDateTime::fromString(localTime, u"dd.MM.yyyy HH:mm:ss"_s);
    message.at = QDateTime(local.date(), local.time(), kMoscow).toUTC(); // stored in UTC, as the server does
    return message;
}

/// The manual words a contact line "Телефон: …, Имя: …, Email: …"; other events keep their text.
QString manualWording(const QString &event, const QJsonObject &meta)
{
    if (event != u"contact.given"_s)
        return {};
    return u"Телефон: %1, Имя: %2, Email: %3"_s.arg(meta.value(u"phone"_s).toString(),
                                                     meta.value(u"name"_s).toString(),
                                                     meta.value(u"email"_s).toString());
}

HistoryDialog manualDialog()
{
    HistoryDialog dialog;
    dialog.dialog.id = 103;
    dialog.dialog.visitorId = 12;
    dialog.dialog.state = protocol::DialogState::Closed;
    dialog.dialog.createdAt = line(0, 103, Author::System, {}, {}, u"13.02.2015 20:04:34"_s).at;
    // As the server keeps her: its own name for every visitor, and the name she gave in the form.
    dialog.visitor.id = 12;
    dialog.visitor.name = u"Visitor 12"_s;
    dialog.visitor.contact = protocol::ContactDetails{u"Фёкла"_s, u"foekla@mail.de"_s, u"+44 33 221100"_s};
    dialog.operatorName = u"Ира"_s;
    return dialog;
}

QList<Message> manualLines()
{
    return {
        line(1, 103, Author::System, {},
             u"Посетитель открыл окно диалога со страницы official site: https://pratticaterza.ru/\n"
             "Местоположение: Россия, Москва https://maps.google.com/maps?q=55.755787,37.617634\n"
             "Браузер: Chrome\nIP: https://www.nic.ru/whois/?query=95.27.85.238\nТелефон: +44 33 221100\n"
             "Имя: Фёкла\nEmail: foekla@mail.de"_s,
             u"13.02.2015 20:04:34"_s, u"visitor.opened"_s),
        line(2, 103, Author::System, {}, u"Пожалуйста, подождите немного, к Вам присоединится оператор.."_s,
             u"13.02.2015 20:04:34"_s),
        line(3, 103, Author::System, {}, u"Оператор Ира включился в разговор"_s, u"13.02.2015 20:06:14"_s),
        line(4, 103, Author::Operator, u"Ира"_s, u"ООО"_s, u"13.02.2015 20:06:17"_s),
        line(5, 103, Author::System, {}, {}, u"13.02.2015 20:07:59"_s, u"contact.given"_s,
             {{u"name"_s, u"Фёкла"_s}, {u"email"_s, u"foekla@mail.de"_s}, {u"phone"_s, u"+44 33 221100"_s}}),
        line(6, 103, Author::Visitor, {}, u"привет"_s, u"13.02.2015 20:08:18"_s), // no name: the visitor's
        line(7, 103, Author::System, {},
             u"Посетитель перешел на страницу \"official site\" (https://pratticaterza.ru/ )."_s,
             u"13.02.2015 20:30:21"_s, u"page.view"_s),
        line(8, 103, Author::System, {}, u"Посетитель покинул сайт"_s, u"13.02.2015 20:43:45"_s, u"visitor.left"_s),
    };
}

/// A short English dialog; the visitor has only the server's name and left one in the contact form.
HistoryDialog secondDialog()
{
    HistoryDialog dialog;
    dialog.dialog.id = 104;
    dialog.dialog.visitorId = 9;
    dialog.dialog.createdAt = line(0, 104, Author::System, {}, {}, u"14.02.2015 09:15:02"_s).at;
    dialog.visitor.id = 9;
    dialog.visitor.name = u"Visitor 9"_s;
    dialog.visitor.contact = protocol::ContactDetails{u"Anna"_s, u"anna@example.com"_s, {}};
    return dialog;
}

QList<Message> secondLines()
{
    return {
        line(11, 104, Author::Visitor, {}, u"Hello, has my order 15 shipped?"_s, u"14.02.2015 09:15:02"_s),
        line(12, 104, Author::Operator, u"Boris"_s, u"Yes, it left the warehouse this morning."_s,
             u"14.02.2015 09:16:40"_s),
        line(13, 104, Author::System, {}, u"Посетитель закрыл диалог"_s, u"15.02.2015 00:00:10"_s, u"dialog.closed"_s),
    };
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

class TestHistoryTextExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void manualSampleAndASecondDialog();
    void dialogsInTheOrderGiven();
    void visitorNameFallsBack();
};

void TestHistoryTextExport::manualSampleAndASecondDialog()
{
    RussianWords russian;
    QCoreApplication::installTranslator(&russian);
    const QString text = HistoryTextExport::format({manualDialog(), secondDialog()}, {manualLines(), secondLines()},
                                                   &manualWording, kMoscow);
    QCoreApplication::removeTranslator(&russian);
    compareLines(text, fixtureLines(u"history_export_ru.txt"_s));
}

// The caller's order, not the ids' order; one blank line between two dialogs and none at the end.
void TestHistoryTextExport::dialogsInTheOrderGiven()
{
    const QString first = HistoryTextExport::dialogText(secondDialog(), secondLines(), &manualWording, kMoscow);
    const QString second = HistoryTextExport::dialogText(manualDialog(), manualLines(), &manualWording, kMoscow);
    QVERIFY(first.startsWith(u"#104 14.02.2015 09:15\nVisitor's name: Anna\n"_s));
    QVERIFY(first.endsWith(u"00:00:10 [Посетитель закрыл диалог]\n"_s));
    const QString both = HistoryTextExport::format({secondDialog(), manualDialog()}, {secondLines(), manualLines()},
                                                   &manualWording, kMoscow);
    QCOMPARE(both, first + u"\n"_s + second);
    QVERIFY(!both.endsWith(u"\n\n"_s));
    QCOMPARE(HistoryTextExport::format({}, {}, &manualWording, kMoscow), QString());
}

// What the visitor gave wins over the server's "Visitor 9", which is never empty.
void TestHistoryTextExport::visitorNameFallsBack()
{
    HistoryDialog dialog = secondDialog();
    QCOMPARE(dialog.visitor.name, u"Visitor 9"_s);
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Anna"_s); // the contact form's name
    dialog.dialog.offline = protocol::ContactDetails{u"Анна"_s, {}, u"+7 900"_s};
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Anna"_s); // the contact form before the offline one
    dialog.visitor.contact = protocol::ContactDetails{u"  "_s, u"anna@example.com"_s, {}};
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Анна"_s); // a blank name is no name
    dialog.visitor.contact.reset();
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Анна"_s); // the offline form's name
    dialog.dialog.offline.reset();
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Visitor 9"_s); // the server's name, as stored
    dialog.visitor.name.clear();
    dialog.visitor.id = 0;
    QCOMPARE(HistoryTextExport::visitorName(dialog), u"Visitor 9"_s); // named after the dialog's visitor
}

QTEST_GUILESS_MAIN(TestHistoryTextExport)
#include "tst_history_text_export.moc"
