// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Templates… against the real server: an admin edits a shared template (another admin's
// session receives it); when a colleague saved the same template meanwhile, the save still wins and
// the manager says whose version it replaced and that it is in History, from where Restore brings
// it back; personal templates are added, found by search and deleted after a confirmation; an
// operator who is no admin sees the shared library but cannot change it.
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "SaveTemplateDialog.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "TemplateHistoryDialog.h"
#include "TemplateLibrary.h"
#include "TemplatesDialog.h"

#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

const QString kDelivery = u"Доставка"_s; // one of the demo's shared templates, in Sales

std::optional<protocol::Template> titled(const guitest::Operator &op, const QString &title)
{
    const QList<protocol::Template> all = op.session()->templates()->all();
    for (const protocol::Template &t : all) {
        if (t.title == title)
            return t;
    }
    return std::nullopt;
}

void clickSave(ui::SaveTemplateDialog *dialog)
{
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
}

} // namespace

class TestTemplatesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void adminEditsASharedTemplate();
    void conflictSaysWhoseVersionWasReplaced();
    void historyRestoresAnEarlierVersion();
    void personalTemplatesAddSearchDelete();
    void operatorSeesSharedButCannotChangeThem();

private:
    ui::TemplatesDialog *manager();
    /// Anna's raw save of \a t with \a text over \a baseRevision; the saved template's revision.
    qint64 annaSaves(const protocol::Template &t, const QString &text, qint64 baseRevision);

    ServerProcess m_server;
    guitest::Operator m_me;                    // the demo operator, made an admin
    std::unique_ptr<RawProtocolClient> m_anna; // another admin, in another program
};

void TestTemplatesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::admin(
        m_server, {u"set-operator"_s, u"--email"_s, u"demo@example.com"_s, u"--role"_s, u"admin"_s}));
    QVERIFY(testkit::createOperator(m_server, u"anna@example.com"_s, u"Anna Petrova"_s,
                                    {u"--role"_s, u"admin"_s, u"--department"_s, u"Sales"_s}));
    QVERIFY(testkit::createOperator(m_server, u"boris@example.com"_s, u"Boris Ivanov"_s,
                                    {u"--role"_s, u"operator"_s, u"--department"_s, u"Sales"_s}));
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    QTRY_VERIFY_WITH_TIMEOUT(titled(m_me, kDelivery).has_value(), 10000);
    m_anna = testkit::loginOperator(m_server, u"anna@example.com"_s, QString());
    QVERIFY(m_anna);
}

ui::TemplatesDialog *TestTemplatesDialog::manager()
{
    ui::TemplatesDialog *dialog = m_me.window()->openTemplatesDialog();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning() << "the templates manager did not show";
    return dialog;
}

qint64 TestTemplatesDialog::annaSaves(const protocol::Template &t, const QString &text, qint64 baseRevision)
{
    QJsonObject item{{u"id"_s, t.id},
                     {u"scope"_s, u"shared"_s},
                     {u"title"_s, t.title},
                     {u"text"_s, text},
                     {u"tags"_s, QJsonArray::fromStringList(t.tags)}};
    if (t.departmentId != 0)
        item.insert(u"departmentId"_s, t.departmentId);
    const QJsonObject reply =
        m_anna->request(u"template.save"_s, {{u"template"_s, item}, {u"baseRevision"_s, baseRevision}});
    if (!testkit::isResult(reply)) {
        qWarning() << "Anna's save was refused:" << testkit::errorCode(reply);
        return 0;
    }
    return testkit::data(reply).value(u"template"_s).toObject().value(u"revision"_s).toInteger();
}

void TestTemplatesDialog::adminEditsASharedTemplate()
{
    ui::TemplatesDialog *dialog = manager();
    QVERIFY(dialog);
    const protocol::Template delivery = *titled(m_me, kDelivery);
    QVERIFY(dialog->select(delivery.id));
    // Shared templates show whom they are for, and their tags.
    const auto *details = dialog->findChild<QLabel *>(u"sharedTemplateDetailsLabel"_s);
    QVERIFY2(details->text().contains(u"Sales"_s), qPrintable(details->text()));
    QVERIFY(details->text().contains(u"доставка"_s));
    QCOMPARE(dialog->findChild<QPlainTextEdit *>(u"sharedTemplatePreview"_s)->toPlainText(), delivery.text);
    QVERIFY(dialog->findChild<QPushButton *>(u"editTemplateButton"_s)->isEnabled());

    ui::SaveTemplateDialog *edit = dialog->editSelected();
    QVERIFY(edit);
    QVERIFY(QTest::qWaitForWindowExposed(edit));
    QCOMPARE(edit->titleEdit()->text(), kDelivery);
    const QString text = u"Доставим завтра, {visitor.name|друг}."_s;
    edit->textEdit()->setPlainText(text);
    clickSave(edit);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->findChild<ui::SaveTemplateDialog *>(), 10000);
    QCOMPARE(titled(m_me, kDelivery)->text, text);
    QCOMPARE(dialog->notice()->kind(), ui::NoticeBar::Kind::Info);
    // Every session that sees it is told: Anna's, in another program.
    bool annaTold = false;
    QVERIFY(testkit::spinUntil(
        [&] {
            const QList<QJsonObject> updates = testkit::eventData(*m_anna, u"template.updated"_s);
            for (const QJsonObject &update : updates)
                annaTold =
                    annaTold || update.value(u"template"_s).toObject().value(u"text"_s).toString() == text;
            return annaTold;
        },
        10000));
    QVERIFY(guitest::saveScreenshot(dialog, u"templates-manager"_s));
}

void TestTemplatesDialog::conflictSaysWhoseVersionWasReplaced()
{
    ui::TemplatesDialog *dialog = manager();
    const protocol::Template before = *titled(m_me, kDelivery);
    QVERIFY(dialog->select(before.id));
    ui::SaveTemplateDialog *edit = dialog->editSelected();
    QVERIFY(edit);

    // While I edit, Anna saves her version.
    const QString annaText = u"Доставка — 1 день, {visitor.name|друг}. Анна."_s;
    QVERIFY(annaSaves(before, annaText, before.revision) > before.revision);
    QTRY_VERIFY_WITH_TIMEOUT(titled(m_me, kDelivery)->text == annaText, 10000);

    // Mine still wins, and the manager says whose version it replaced and where it is.
    const QString myText = u"Доставка за 2 дня, {visitor.name|друг}."_s;
    edit->textEdit()->setPlainText(myText);
    clickSave(edit);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->findChild<ui::SaveTemplateDialog *>(), 10000);
    QCOMPARE(titled(m_me, kDelivery)->text, myText);
    QCOMPARE(dialog->notice()->kind(), ui::NoticeBar::Kind::Warning);
    QVERIFY2(dialog->notice()->text().contains(u"Anna Petrova"_s), qPrintable(dialog->notice()->text()));
    QVERIFY(dialog->notice()->isVisible());
    QVERIFY(guitest::saveScreenshot(dialog, u"templates-conflict"_s));
}

void TestTemplatesDialog::historyRestoresAnEarlierVersion()
{
    ui::TemplatesDialog *dialog = manager();
    const protocol::Template current = *titled(m_me, kDelivery);
    QVERIFY(dialog->select(current.id));
    ui::TemplateHistoryDialog *history = dialog->openHistory();
    QVERIFY(history);
    QVERIFY(QTest::qWaitForWindowExposed(history));
    // Newest first: Anna's (replaced by mine), then mine before it, then the demo's.
    QTRY_VERIFY_WITH_TIMEOUT(history->versionList()->count() >= 3, 10000);
    QVERIFY(history->versionList()->item(0)->text().contains(u"Anna Petrova"_s));
    history->versionList()->setCurrentRow(0);
    const QString annaText = u"Доставка — 1 день, {visitor.name|друг}. Анна."_s;
    QCOMPARE(history->findChild<QPlainTextEdit *>(u"templateVersionPreview"_s)->toPlainText(), annaText);
    QVERIFY(guitest::saveScreenshot(history, u"templates-history"_s));
    QVERIFY(history->restoreButton()->isEnabled());
    history->restoreButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->findChild<ui::TemplateHistoryDialog *>(), 10000);
    QCOMPARE(titled(m_me, kDelivery)->text, annaText);
    QCOMPARE(titled(m_me, kDelivery)->id, current.id);
}

void TestTemplatesDialog::personalTemplatesAddSearchDelete()
{
    ui::TemplatesDialog *dialog = manager();
    dialog->showLibrary(protocol::TemplateScope::Personal);
    ui::SaveTemplateDialog *add = dialog->addTemplate();
    QVERIFY(add);
    QVERIFY(QTest::qWaitForWindowExposed(add));
    QVERIFY(!add->findChild<QWidget *>(u"templateDepartmentCombo"_s)); // personal: no department
    add->titleEdit()->setText(u"Минутку"_s);
    add->textEdit()->setPlainText(u"Одну минуту, уточняю."_s);
    clickSave(add);
    QTRY_VERIFY_WITH_TIMEOUT(titled(m_me, u"Минутку"_s).has_value(), 10000);
    const qint64 id = titled(m_me, u"Минутку"_s)->id;
    QCOMPARE(titled(m_me, u"Минутку"_s)->scope, protocol::TemplateScope::Personal);

    // Search over titles and texts, case and ё/е aside.
    auto *list = dialog->findChild<QListView *>(u"personalTemplateList"_s);
    auto *search = dialog->findChild<QLineEdit *>(u"templateSearchEdit"_s);
    search->setText(u"УТОЧНЯЮ"_s);
    QCOMPARE(list->model()->rowCount(), 1);
    search->setText(u"нет такого"_s);
    QCOMPARE(list->model()->rowCount(), 0);
    search->clear();

    QVERIFY(dialog->select(id));
    dialog->deleteSelected();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = dialog->findChild<QMessageBox *>(u"deleteTemplateBox"_s)) != nullptr);
    QVERIFY(box->text().contains(u"Минутку"_s));
    box->findChild<QPushButton *>(u"confirmDeleteButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!m_me.session()->templates()->find(id).has_value(), 10000);
    QVERIFY(!dialog->select(id));
}

void TestTemplatesDialog::operatorSeesSharedButCannotChangeThem()
{
    guitest::Operator boris;
    boris.openWindow();
    QVERIFY(boris.login(m_server, u"boris@example.com"_s, testkit::operatorPassword(),
                        OperatorStatus::Invisible));
    QTRY_VERIFY_WITH_TIMEOUT(titled(boris, kDelivery).has_value(), 10000);
    ui::TemplatesDialog *dialog = boris.window()->openTemplatesDialog();
    QVERIFY(dialog->select(titled(boris, kDelivery)->id));
    for (const QString &name : {u"addTemplateButton"_s, u"editTemplateButton"_s, u"deleteTemplateButton"_s})
        QVERIFY2(!dialog->findChild<QPushButton *>(name)->isEnabled(), qPrintable(name));
    QVERIFY(dialog->findChild<QPushButton *>(u"templateHistoryButton"_s)->isEnabled());
    QVERIFY(!dialog->editSelected());
    // His own library is his to change.
    dialog->showLibrary(protocol::TemplateScope::Personal);
    QVERIFY(dialog->findChild<QPushButton *>(u"addTemplateButton"_s)->isEnabled());
    dialog->close();
}

QTEST_MAIN(TestTemplatesDialog)
#include "tst_templates_dialog.moc"
