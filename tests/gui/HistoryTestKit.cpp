// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryTestKit.h"

#include "HistoryArchive.h"
#include "HistoryExporter.h"
#include "HistoryListModel.h"
#include "OperatorSession.h"
#include "ServerTestKit.h"

#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace historytest {

const QString kAnnaEmail = u"anna@example.com"_s;
const QString kBorisEmail = u"boris@example.com"_s;
const QString kBilling = u"Billing"_s;
const QString kVip = u"VIP"_s;
const QString kFoekla = u"Фёкла"_s;

// Each filter finds exactly one: department Billing, category VIP, rating 5, contact details.
const QList<Seed> kSeeds = {
    {u"Статус заказа 15?"_s, u"Уже в пути."_s, true},
    {u"Доставка заказа в Москву"_s, u"Курьер приедет в среду."_s, false, Mark::Billing},
    {u"Здравствуйте, есть скидки?"_s, u"Да, 10%."_s, true, Mark::Vip},
    {u"Завтра работаете?"_s, u"Да, с 9 до 18."_s, false, Mark::RatedFive},
    {u"Закрыто ли в субботу?"_s, u"Нет, открыто."_s, true, Mark::Contact},
    {u"Hello, I need a refund for my order"_s, u"Sure, I will help."_s, false},
    {u"Where is my parcel?"_s, u"On its way."_s, true},
};

/// Types \a text key by key as a keyboard would (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

/// How many pixels of \a image have exactly \a color.
int pixelsOf(const QImage &image, const QColor &color)
{
    int count = 0;
    const QRgb wanted = color.rgb();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if ((image.pixel(x, y) & 0xffffff) == (wanted & 0xffffff))
                ++count;
        }
    }
    return count;
}

/// Answers the "An export is running — cancel it?" question as soon as it shows.
void answerCloseQuestion(ui::HistoryWindow *window, bool cancelExport)
{
    QTimer::singleShot(0, window, [window, cancelExport] {
        QMessageBox *question = window->closeQuestion();
        if (!question) {
            qWarning() << "no close question";
            return;
        }
        const QString wanted = QCoreApplication::translate(
            "concierge::ui::HistoryWindow", cancelExport ? "Cancel the export" : "Keep exporting");
        const QList<QPushButton *> buttons = question->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->text() == wanted) {
                button->click();
                return;
            }
        }
        qWarning() << "no button" << wanted;
    });
}

/// The dialogs of an exported text: the ids of its "#<id> dd.MM.yyyy HH:mm" lines.
QList<qint64> exportedIds(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<qint64> ids;
    static const QRegularExpression heading(u"^#(\\d+) \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d$"_s);
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = heading.match(line);
        if (match.hasMatch())
            ids.append(match.captured(1).toLongLong());
    }
    return ids;
}

QString windowText(const char *source, int n)
{
    return QCoreApplication::translate("concierge::ui::HistoryWindow", source, nullptr, n);
}

bool waitRows(ui::HistoryWindow *window, int count)
{
    return QTest::qWaitFor(
        [&] { return !window->model()->searching() && window->model()->rowCount() == count; }, kWaitMs);
}

void SeededHistory::startSeeded()
{
    // The English and the Russian run may run at once: each has its own settings file.
    QCoreApplication::setApplicationName(QCoreApplication::applicationName() + u'-' +
                                         qEnvironmentVariable("CONCIERGE_TEST_LANGUAGE", u"en"_s));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY(m_dir.isValid());
    // A first export: no folder remembered from an earlier run.
    QSettings().remove(u"historyWindow"_s);
    // Dialogs wait until an operator takes them: each seed goes to the operator it names.
    QVERIFY(testkit::admin(m_server, {u"create-department"_s, u"--name"_s, kBilling}));
    QVERIFY(testkit::admin(m_server, {u"create-category"_s, u"--name"_s, kVip}));
    QVERIFY2(m_server.start({u"--auto-assign"_s, u"off"_s}), "the real concierge-server did not start");
    QVERIFY(testkit::admin(
        m_server, {u"set-operator"_s, u"--email"_s, u"demo@example.com"_s, u"--role"_s, u"admin"_s}));
    QVERIFY(testkit::createOperator(m_server, kAnnaEmail, u"Anna Petrova"_s));
    QVERIFY(testkit::createOperator(m_server, kBorisEmail, u"Boris Ivanov"_s, {u"--department"_s, kBilling}));
    m_anna = testkit::loginOperator(m_server, kAnnaEmail, u"online"_s, &m_annaHello);
    m_boris = testkit::loginOperator(m_server, kBorisEmail);
    QVERIFY(m_anna && m_boris);
    for (const Seed &seed : kSeeds) {
        const qint64 id = seedDialog(seed);
        QVERIFY2(id > 0, qPrintable(seed.visitorText));
        m_ids.append(id);
    }

    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    // The backfill brings every dialog into this computer's history.
    HistoryArchive *archive = m_me.session()->history();
    QTRY_VERIFY_WITH_TIMEOUT(archive->progress().complete && !archive->progress().running, kWaitMs);
    QCOMPARE(archive->progress().cachedDialogs, int(kSeeds.size()));
    for (const protocol::OperatorInfo &info : m_me.session()->operators()) {
        if (info.email == kAnnaEmail)
            m_annaId = info.id;
    }
    QVERIFY(m_annaId > 0);
}

qint64 SeededHistory::seedDialog(const Seed &seed)
{
    QJsonObject hello;
    auto visitor = testkit::connectVisitor(m_server, &hello);
    if (!visitor)
        return 0;
    RawProtocolClient &op = seed.anna ? *m_anna : *m_boris;
    const qint64 department = seed.mark == Mark::Billing ? testkit::departmentId(hello, kBilling) : 0;
    const qint64 id = testkit::openDialog(*visitor, seed.visitorText, department);
    if (id == 0 || !testkit::isResult(op.request(u"dialog.take"_s, {{u"dialogId"_s, id}})) ||
        !testkit::isResult(testkit::operatorSend(op, id, seed.reply)))
        return 0;
    if (seed.mark == Mark::Vip &&
        !testkit::isResult(
            op.request(u"dialog.category.set"_s,
                       {{u"dialogId"_s, id}, {u"categoryId"_s, testkit::categoryId(m_annaHello, kVip)}})))
        return 0;
    if (seed.mark == Mark::Contact) {
        // Asked for, then given in the widget's form: the name the history shows for them.
        if (!testkit::isResult(op.request(u"contact.request"_s, {{u"dialogId"_s, id}})))
            return 0;
        visitor->waitEvent(u"contact.requested"_s);
        if (!testkit::isResult(visitor->request(u"contact.submit"_s,
                                                {{u"name"_s, kFoekla}, {u"email"_s, u"foekla@mail.de"_s}})))
            return 0;
    }
    if (!testkit::isResult(op.request(u"dialog.close"_s, {{u"dialogId"_s, id}})))
        return 0;
    if (seed.mark == Mark::RatedFive &&
        !testkit::isResult(visitor->request(u"dialog.rate"_s, {{u"dialogId"_s, id}, {u"score"_s, 5}})))
        return 0;
    return id;
}

bool SeededHistory::seedMany(int count)
{
    for (int n = 1; n <= count; ++n) {
        if (seedDialog({u"Где моя посылка? Номер %1"_s.arg(n), u"Проверяю, минуту."_s, false}) == 0)
            return false;
    }
    return true;
}

int SeededHistory::rowOf(qint64 id) const
{
    for (int row = 0; row < rows(); ++row) {
        if (m_window->model()->dialogId(row) == id)
            return row;
    }
    return -1;
}

QSet<qint64> SeededHistory::listedIds() const
{
    QSet<qint64> ids;
    for (int row = 0; row < rows(); ++row)
        ids.insert(m_window->model()->dialogId(row));
    return ids;
}

void SeededHistory::answerFileDialog(const QString &target, QString *folder,
                                     const std::function<void()> &meanwhile)
{
    QTimer::singleShot(0, this, [target, folder, meanwhile] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            qWarning() << "no file dialog";
            return;
        }
        if (meanwhile)
            meanwhile();
        *folder = dialog->directory().absolutePath();
        dialog->selectFile(target);
        static_cast<QDialog *>(dialog)->accept();
    });
}

bool SeededHistory::waitExport(QSignalSpy &spy)
{
    return QTest::qWaitFor([&] { return !spy.isEmpty(); }, kWaitMs);
}

} // namespace historytest
