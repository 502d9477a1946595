// SPDX-License-Identifier: GPL-3.0-or-later
// File → My profile… against the real server: a new display name and languages, saved, reach a
// colleague's engine and my window title; a password change checks the new password here (length,
// the repeat), shows the server's "current password is wrong" under the fields, and with the right
// current password succeeds — after which the new password logs in and the old one does not.
#include "GuiTestKit.h"
#include "LanguageNames.h"
#include "MainWindow.h"
#include "OperatorSession.h"
#include "ProfileDialog.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

const QString kEmail = u"vera@example.com"_s;
const QString kNewPassword = u"correct horse 42"_s;

/// A raw `hello` with a password: "" when it logs in, else the error code.
QString loginError(const ServerProcess &server, const QString &password)
{
    RawProtocolClient client;
    if (!client.open(server.wsUrl(u"/v1/operator"_s)))
        return u"no connection"_s;
    const QJsonObject reply = client.request(
        u"hello"_s, {{u"protocol"_s, u"1.2"_s},
                     {u"auth"_s, QJsonObject{{u"email"_s, kEmail}, {u"password"_s, password}}}});
    return testkit::isResult(reply) ? QString() : testkit::errorCode(reply);
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void nameAndLanguagesReachAColleague();
    void newPasswordCheckedHere();
    void wrongCurrentPasswordShownInline();
    void rightCurrentPasswordChangesIt();

private:
    ui::ProfileDialog *openFromMenu();

    ServerProcess m_server;
    guitest::Operator m_vera;      // with the window
    guitest::Operator m_colleague; // the demo operator, engine only
    QPointer<ui::ProfileDialog> m_dialog;
};

void TestProfileDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");
    QVERIFY(testkit::createOperator(m_server, kEmail, u"Vera"_s));
    m_vera.openWindow();
    QVERIFY(m_vera.login(m_server, kEmail, testkit::operatorPassword(), OperatorStatus::Online));
    QVERIFY(
        m_colleague.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
}

ui::ProfileDialog *TestProfileDialog::openFromMenu()
{
    QAction *action = m_vera.window()->findChild<QAction *>(u"profileAction"_s);
    if (!action)
        return nullptr;
    action->trigger();
    auto *dialog = m_vera.window()->findChild<ui::ProfileDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning() << "the profile dialog was not shown";
    return dialog;
}

void TestProfileDialog::nameAndLanguagesReachAColleague()
{
    m_dialog = openFromMenu();
    QVERIFY(m_dialog);
    QCOMPARE(m_dialog->nameEdit()->text(), u"Vera"_s);

    m_dialog->nameEdit()->selectAll();
    QTest::keyClicks(m_dialog->nameEdit(), u"Vera Petrova"_s);
    // Russian ticked in the list, Polish typed as a code.
    QListWidget *list = m_dialog->languageList();
    QListWidgetItem *russian = nullptr;
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole).toString() == u"ru")
            russian = list->item(row);
    }
    QVERIFY(russian);
    QCOMPARE(russian->text(), ui::LanguageNames::nameWithCode(u"ru"_s)); // "Russian (ru)" / "Русский (ru)"
    russian->setCheckState(Qt::Checked);
    m_dialog->otherLanguagesEdit()->clear();
    QTest::keyClicks(m_dialog->otherLanguagesEdit(), u"pl"_s);
    QVERIFY(guitest::saveScreenshot(m_dialog, u"profile-dialog"_s));
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(m_vera.session()->self().name, u"Vera Petrova"_s, 10000);
    QVERIFY(m_vera.session()->self().languages.contains(u"ru"_s));
    QVERIFY(m_vera.session()->self().languages.contains(u"pl"_s));
    QTRY_VERIFY(m_dialog->profileMessage()->isVisible());
    QCOMPARE(m_dialog->profileMessage()->text(),
             ui::ProfileDialog::tr("Saved. Colleagues see the new name and languages now."));
    // The colleague's engine hears of it at once.
    const qint64 veraId = m_vera.id();
    QTRY_COMPARE_WITH_TIMEOUT(m_colleague.session()->operatorInfo(veraId)->name, u"Vera Petrova"_s, 10000);
    QVERIFY(m_colleague.session()->operatorInfo(veraId)->languages.contains(u"pl"_s));
    QVERIFY(guitest::saveScreenshot(m_dialog, u"profile-saved"_s));

    // A code that is not one is refused here.
    QTest::keyClicks(m_dialog->otherLanguagesEdit(), u", polish!"_s);
    QTest::mouseClick(m_dialog->saveButton(), Qt::LeftButton);
    QVERIFY(m_dialog->profileMessage()->text().contains(u"polish!"_s));
    m_dialog->otherLanguagesEdit()->setText(u"pl"_s);
}

void TestProfileDialog::newPasswordCheckedHere()
{
    QVERIFY(m_dialog);
    QTest::keyClicks(m_dialog->currentPasswordEdit(), testkit::operatorPassword());
    QTest::keyClicks(m_dialog->newPasswordEdit(), u"short"_s);
    QTest::keyClicks(m_dialog->repeatPasswordEdit(), u"short"_s);
    QTest::mouseClick(m_dialog->changePasswordButton(), Qt::LeftButton);
    QVERIFY(m_dialog->passwordMessage()->isVisible());
    QCOMPARE(m_dialog->passwordMessage()->text(),
             ui::ProfileDialog::tr("The new password needs at least %n characters.", nullptr, 8));

    m_dialog->newPasswordEdit()->clear();
    QTest::keyClicks(m_dialog->newPasswordEdit(), kNewPassword);
    m_dialog->repeatPasswordEdit()->clear();
    QTest::keyClicks(m_dialog->repeatPasswordEdit(), u"correct horse 43"_s);
    QTest::keyClick(m_dialog->repeatPasswordEdit(), Qt::Key_Return);
    QCOMPARE(m_dialog->passwordMessage()->text(),
             ui::ProfileDialog::tr("The two new passwords differ; type the same one twice."));
    QVERIFY(m_dialog->isVisible()); // Enter did not close the window
    QVERIFY(guitest::saveScreenshot(m_dialog, u"password-repeat-differs"_s));
    QCOMPARE(loginError(m_server, testkit::operatorPassword()), QString()); // nothing changed
}

void TestProfileDialog::wrongCurrentPasswordShownInline()
{
    QVERIFY(m_dialog);
    m_dialog->currentPasswordEdit()->clear();
    QTest::keyClicks(m_dialog->currentPasswordEdit(), u"not my password"_s);
    m_dialog->repeatPasswordEdit()->clear();
    QTest::keyClicks(m_dialog->repeatPasswordEdit(), kNewPassword);
    QTest::mouseClick(m_dialog->changePasswordButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->passwordMessage()->text(),
                              ui::ProfileDialog::tr("The current password is wrong."), 10000);
    QVERIFY(m_dialog->passwordMessage()->isVisible());
    QVERIFY(m_dialog->currentPasswordEdit()->hasFocus());
    QVERIFY(guitest::saveScreenshot(m_dialog, u"password-wrong"_s));
    QCOMPARE(loginError(m_server, kNewPassword), u"auth_failed"_s);
}

void TestProfileDialog::rightCurrentPasswordChangesIt()
{
    QVERIFY(m_dialog);
    m_dialog->currentPasswordEdit()->clear();
    QTest::keyClicks(m_dialog->currentPasswordEdit(), testkit::operatorPassword());
    QTest::keyClick(m_dialog->currentPasswordEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_dialog->passwordMessage()->text(),
        ui::ProfileDialog::tr("The password was changed. Use the new one from your next login."), 10000);
    QVERIFY(m_dialog->currentPasswordEdit()->text().isEmpty());
    QVERIFY(m_dialog->newPasswordEdit()->text().isEmpty());
    QVERIFY(guitest::saveScreenshot(m_dialog, u"password-changed"_s));
    QCOMPARE(loginError(m_server, kNewPassword), QString());
    QCOMPARE(loginError(m_server, testkit::operatorPassword()), u"auth_failed"_s);
    // My own session stays logged in.
    QCOMPARE(m_vera.session()->connectionState(), ConnectionState::Connected);
}

QTEST_MAIN(TestProfileDialog)
#include "tst_profile_dialog.moc"
