// SPDX-License-Identifier: GPL-3.0-or-later
// Settings → Alerts… as the operator uses it (issue 6): every choice saved by OK is there again
// when the page reopens (and in the alert policy and the sounds at once), Cancel keeps nothing,
// and a Test button plays the event's sound on the device chosen on the page — checked on a
// private PulseAudio server with null sinks (STYLE.md). Real main window; no server needed.
#include "AlertPolicy.h"
#include "AlertSettingsPage.h"
#include "AlertSettingsStore.h"
#include "AlertSounds.h"
#include "Autostart.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "NullAudioServer.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSoundEffect>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace concierge;
using namespace Qt::StringLiterals;

class TestAlertSettingsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void choicesAreSavedAndReloaded();
    void cancelKeepsNothing();
    void testButtonPlaysOnTheChosenDevice();
    void startWithTheSystem();
    void cleanup();

private:
    ui::MainWindow *window() const { return m_me.window(); }
    /// Settings → Alerts…, as the operator opens it.
    ui::AlertSettingsPage *openPage()
    {
        auto *action = window()->findChild<QAction *>(u"alertsAction"_s);
        if (!action || !action->isEnabled())
            return nullptr;
        action->trigger();
        return window()->findChild<ui::AlertSettingsPage *>();
    }
    template <typename T> static T *child(QWidget *page, const QString &name)
    {
        return page->findChild<T *>(name);
    }
    static void press(ui::AlertSettingsPage *page, QDialogButtonBox::StandardButton which)
    {
        QTest::mouseClick(page->findChild<QDialogButtonBox *>()->button(which), Qt::LeftButton);
    }
    /// Chooses the device with this description in the page's combo; false if it is not listed.
    static bool chooseDevice(ui::AlertSettingsPage *page, const QString &description)
    {
        auto *combo = child<QComboBox>(page, u"outputDeviceComboBox"_s);
        const int index = combo->findText(description);
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        return true;
    }

    QTemporaryDir m_home;
    NullAudioServer m_audio;
    guitest::Operator m_me;
    std::unique_ptr<AlertPolicy> m_policy;
    std::unique_ptr<ui::AlertSounds> m_sounds;
};

void TestAlertSettingsPage::initTestCase()
{
    // The English and the Russian run may run at once: each has its own home (the autostart entry)
    // and settings file.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QCoreApplication::setApplicationName(QCoreApplication::applicationName() + u'-' +
                                         qEnvironmentVariable("CONCIERGE_TEST_LANGUAGE", u"en"_s));
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    // Before anything touches Qt Multimedia.
    QVERIFY2(m_audio.start(), qPrintable(m_audio.output()));
    AlertSettingsStore().save(AlertSettings{});
    m_me.openWindow();
    m_policy = std::make_unique<AlertPolicy>(m_me.session());
    m_sounds = std::make_unique<ui::AlertSounds>();
    window()->setAlerts(m_policy.get(), m_sounds.get());
}

void TestAlertSettingsPage::cleanup()
{
    if (auto *page = window()->findChild<ui::AlertSettingsPage *>())
        page->reject();
    QTRY_VERIFY(!window()->findChild<ui::AlertSettingsPage *>());
}

void TestAlertSettingsPage::choicesAreSavedAndReloaded()
{
    ui::AlertSettingsPage *page = openPage();
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    // A first start shows the defaults: everything notifies and sounds.
    for (const AlertKind kind : allAlertKinds()) {
        QVERIFY(page->notifyBox(kind)->isChecked());
        QVERIFY(page->soundBox(kind)->isChecked());
    }
    QCOMPARE(child<QSlider>(page, u"volumeSlider"_s)->value(), 80);
    QCOMPARE(child<QSpinBox>(page, u"repeatSpinBox"_s)->value(), 30);
    QCOMPARE(child<QSpinBox>(page, u"idleSpinBox"_s)->text(), ui::AlertSettingsPage::tr("Never"));
    QVERIFY(!child<QCheckBox>(page, u"idleReturnCheckBox"_s)->isEnabled());

    QTest::mouseClick(page->notifyBox(AlertKind::MessageInMyDialog), Qt::LeftButton);
    QTest::mouseClick(page->soundBox(AlertKind::ChatMention), Qt::LeftButton);
    child<QSlider>(page, u"volumeSlider"_s)->setValue(35);
    QVERIFY(chooseDevice(page, NullAudioServer::description(NullAudioServer::otherSink())));
    child<QSpinBox>(page, u"repeatSpinBox"_s)->setValue(60);
    child<QSpinBox>(page, u"escalateSpinBox"_s)->setValue(4);
    child<QSpinBox>(page, u"idleSpinBox"_s)->setValue(10);
    QVERIFY(child<QCheckBox>(page, u"idleReturnCheckBox"_s)->isEnabled());
    QTest::mouseClick(child<QCheckBox>(page, u"idleReturnCheckBox"_s), Qt::LeftButton);
    page->adjustSize();
    QVERIFY(guitest::saveScreenshot(page, u"alerts-settings-page"_s));

    QSignalSpy changed(window(), &ui::MainWindow::alertSettingsChanged);
    press(page, QDialogButtonBox::Ok);
    QTRY_VERIFY(!window()->findChild<ui::AlertSettingsPage *>());
    QCOMPARE(changed.count(), 1);

    const AlertSettings saved = AlertSettingsStore().load();
    QVERIFY(!saved.event(AlertKind::MessageInMyDialog).notify);
    QVERIFY(saved.event(AlertKind::MessageInMyDialog).sound);
    QVERIFY(saved.event(AlertKind::ChatMention).notify);
    QVERIFY(!saved.event(AlertKind::ChatMention).sound);
    QVERIFY(saved.event(AlertKind::WaitingVisitor).notify && saved.event(AlertKind::WaitingVisitor).sound);
    QCOMPARE(saved.volume, 0.35);
    QVERIFY(!saved.outputDeviceId.isEmpty());
    QCOMPARE(saved.repeatSeconds, 60);
    QCOMPARE(saved.escalateAfter, 4);
    QCOMPARE(saved.idleMinutes, 10);
    QVERIFY(!saved.idleReturn);
    // In force at once: the policy and the sounds have them.
    QVERIFY(m_policy->settings() == saved);
    QCOMPARE(m_sounds->volume(), 0.35);
    QCOMPARE(m_sounds->outputDeviceId(), saved.outputDeviceId);

    // Opened again, the page shows what was saved.
    page = openPage();
    QVERIFY(page);
    QVERIFY(!page->notifyBox(AlertKind::MessageInMyDialog)->isChecked());
    QVERIFY(!page->soundBox(AlertKind::ChatMention)->isChecked());
    QCOMPARE(child<QSlider>(page, u"volumeSlider"_s)->value(), 35);
    QCOMPARE(child<QComboBox>(page, u"outputDeviceComboBox"_s)->currentText(),
             NullAudioServer::description(NullAudioServer::otherSink()));
    QCOMPARE(child<QSpinBox>(page, u"repeatSpinBox"_s)->value(), 60);
    QCOMPARE(child<QSpinBox>(page, u"idleSpinBox"_s)->value(), 10);
    QVERIFY(!child<QCheckBox>(page, u"idleReturnCheckBox"_s)->isChecked());
    QVERIFY(page->settings() == saved);
}

void TestAlertSettingsPage::cancelKeepsNothing()
{
    const AlertSettings before = AlertSettingsStore().load();
    ui::AlertSettingsPage *page = openPage();
    QVERIFY(page);
    QTest::mouseClick(page->notifyBox(AlertKind::WaitingVisitor), Qt::LeftButton);
    child<QSlider>(page, u"volumeSlider"_s)->setValue(100);
    QVERIFY(chooseDevice(page, ui::AlertSettingsPage::tr("System default")));
    // A test plays with the page's volume and device, which Cancel takes back.
    QTest::mouseClick(page->testButton(AlertKind::TransferredToMe), Qt::LeftButton);
    press(page, QDialogButtonBox::Cancel);
    QTRY_VERIFY(!window()->findChild<ui::AlertSettingsPage *>());
    QVERIFY(AlertSettingsStore().load() == before);
    QVERIFY(m_policy->settings() == before);
    QCOMPARE(m_sounds->volume(), before.volume);
    QCOMPARE(m_sounds->outputDeviceId(), before.outputDeviceId);
}

void TestAlertSettingsPage::testButtonPlaysOnTheChosenDevice()
{
    ui::AlertSettingsPage *page = openPage();
    QVERIFY(page);
    QVERIFY(chooseDevice(page, NullAudioServer::description(NullAudioServer::otherSink())));
    QVERIFY(page->testButton(AlertKind::WaitingVisitor)->isEnabled());
    QTest::mouseClick(page->testButton(AlertKind::WaitingVisitor), Qt::LeftButton);
    QVERIFY(m_sounds->lastEffect());
    QCOMPARE(m_sounds->lastEffect()->source(), ui::AlertSounds::soundSource(AlertKind::WaitingVisitor));
    // The sound comes out of the device chosen on the page.
    QTRY_VERIFY_WITH_TIMEOUT(m_audio.sinksPlaying().contains(NullAudioServer::otherSink()), 10000);

    // Another event's button plays that event's own sound.
    QTest::mouseClick(page->testButton(AlertKind::ChatMention), Qt::LeftButton);
    QCOMPARE(m_sounds->lastEffect()->source(), ui::AlertSounds::soundSource(AlertKind::ChatMention));
    QVERIFY(ui::AlertSounds::soundSource(AlertKind::ChatMention) !=
            ui::AlertSounds::soundSource(AlertKind::WaitingVisitor));
}

void TestAlertSettingsPage::startWithTheSystem()
{
    // QStandardPaths' test mode keeps the entry out of the real autostart folder.
    QVERIFY2(Autostart::entryLocation().startsWith(m_home.path() + u"/.qttest/"_s),
             qPrintable(Autostart::entryLocation()));
    QVERIFY(Autostart::setEnabled(false));
    ui::AlertSettingsPage *page = openPage();
    QVERIFY(page);
    auto *box = child<QCheckBox>(page, u"autostartCheckBox"_s);
    QVERIFY(!box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton);
    press(page, QDialogButtonBox::Ok);
    QTRY_VERIFY(!window()->findChild<ui::AlertSettingsPage *>());
    QVERIFY(Autostart::isEnabled());
    QVERIFY(AlertSettingsStore().load().autostart);

    // Opened again it says so; switched off, the entry is gone.
    page = openPage();
    QVERIFY(page);
    box = child<QCheckBox>(page, u"autostartCheckBox"_s);
    QVERIFY(box->isChecked());
    QTest::mouseClick(box, Qt::LeftButton);
    press(page, QDialogButtonBox::Ok);
    QTRY_VERIFY(!window()->findChild<ui::AlertSettingsPage *>());
    QVERIFY(!Autostart::isEnabled());
    QVERIFY(!AlertSettingsStore().load().autostart);
}

QTEST_MAIN(TestAlertSettingsPage)
#include "tst_alert_settings_page.moc"
