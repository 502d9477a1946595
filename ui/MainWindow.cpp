// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "AlertNotifications.h"
#include "AlertPolicy.h"
#include "AlertSettingsPage.h"
#include "AlertSettingsStore.h"
#include "AlertSounds.h"
#include "BansDialog.h"
#include "ConnectionStatusLabel.h"
#include "DialogPane.h"
#include "HistoryWindow.h"
#include "OperatorSession.h"
#include "ProfileDialog.h"
#include "ShortcutsDialog.h"
#include "StatusComboBox.h"
#include "SystemLineText.h"
#include "TemplatesDialog.h"
#include "TeleportCodeField.h"
#include "TrayIcon.h"
#include "VisitorInfoPane.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

namespace concierge::ui {

using protocol::OperatorStatus;

MainWindow::MainWindow(OperatorSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_statusCombo(new StatusComboBox(session, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_visitorList(new VisitorListPane(session->visitorModel(), m_splitter))
    , m_dialog(new DialogPane(session, m_splitter))
    , m_visitorInfo(new VisitorInfoPane(session, m_splitter))
    , m_connectionLabel(new ConnectionStatusLabel(session, this))
    , m_tray(new TrayIcon(session, this))
    , m_teleportField(new TeleportCodeField(session, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Concierge"));
    // Transcripts word system lines as the dialog pane does.
    session->setSystemLineWording(&SystemLineText::describe);
    m_splitter->setObjectName(QStringLiteral("paneSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({280, 560, 300});
    setCentralWidget(m_splitter);

    auto *toolBar = addToolBar(tr("Status"));
    toolBar->setObjectName(QStringLiteral("statusToolBar"));
    toolBar->setMovable(false);
    toolBar->addWidget(new QLabel(tr("My status:") + QLatin1Char(' '), toolBar));
    toolBar->addWidget(m_statusCombo);
    toolBar->addSeparator();
    toolBar->addWidget(m_teleportField);
    connect(m_teleportField, &TeleportCodeField::visitorFound, this, &MainWindow::showFoundVisitor);
    connect(session, &OperatorSession::loggedIn, this, [this](const protocol::OperatorInfo &self) {
        setWindowTitle(tr("Concierge — %1").arg(self.name));
    });
    // Logged out by the server (a revoked login): the login dialog comes, the history goes.
    connect(session, &OperatorSession::loginFailed, this, [this] { closeHistoryWindow(); });
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::bringToFront);
    connect(m_tray, &TrayIcon::quitRequested, qApp, &QApplication::quit);
    connect(session, &OperatorSession::requestFailed, this,
            [this](const QString &requestType, protocol::ErrorCode, const QString &message) {
                // The dialog pane and the Bans window show their own refusals where the operator
                // is looking.
                static const QStringList shownThere = {
                    QStringLiteral("dialog.transfer"), QStringLiteral("dialog.takeover"),
                    QStringLiteral("contact.request"), QStringLiteral("dialog.category.set"),
                    QStringLiteral("visitor.ban"),     QStringLiteral("bans.list"),
                    QStringLiteral("ban.lift"),        QStringLiteral("visitor.redirect"),
                    QStringLiteral("teleport.find"),   QStringLiteral("profile.update"),
                    QStringLiteral("password.change"),
                };
                if (!shownThere.contains(requestType))
                    statusBar()->showMessage(message, 8000);
            });
    // Rows of the visitor list tag their dialog's category by name.
    m_visitorList->setCategoryNames([session](qint64 categoryId) {
        const auto category = session->category(categoryId);
        return category ? category->name : QString();
    });
    connect(session, &OperatorSession::categoriesChanged, this,
            [this] { m_visitorList->view()->viewport()->update(); });

    statusBar()->addPermanentWidget(m_connectionLabel);
    connect(m_visitorList, &VisitorListPane::visitorActivated, this, &MainWindow::openVisitor);
    buildMenus();
    restoreLayout();
}

MainWindow::~MainWindow()
{
    closeHistoryWindow();
}

void MainWindow::closeHistoryWindow()
{
    if (!m_historyWindow)
        return;
    HistoryWindow *window = m_historyWindow;
    m_historyWindow = nullptr;
    window->closeDiscardingExport(); // an export under way is cancelled; nothing half-written stays
    delete window;                   // now, not later: the session it reads may go next
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *toggleStatus = fileMenu->addAction(tr("Switch &Online/Offline"));
    toggleStatus->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(toggleStatus, &QAction::triggered, this, [this] {
        const bool online = m_session->self().status == OperatorStatus::Online;
        m_session->setStatus(online ? OperatorStatus::Offline : OperatorStatus::Online);
    });
    QAction *focusList = fileMenu->addAction(tr("Go to the &visitor list"));
    focusList->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(focusList, &QAction::triggered, this, [this] { m_visitorList->view()->setFocus(); });
    QAction *teleport = fileMenu->addAction(tr("Find a visitor by &teleport code"));
    teleport->setObjectName(QStringLiteral("teleportCodeAction"));
    teleport->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(teleport, &QAction::triggered, m_teleportField, &TeleportCodeField::focusEdit);
    QAction *history = fileMenu->addAction(tr("&History…"));
    history->setObjectName(QStringLiteral("historyAction"));
    history->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(history, &QAction::triggered, this, &MainWindow::openHistoryWindow);
    fileMenu->addSeparator();
    QAction *profile = fileMenu->addAction(tr("My &profile…"));
    profile->setObjectName(QStringLiteral("profileAction"));
    connect(profile, &QAction::triggered, this, &MainWindow::openProfileDialog);
    fileMenu->addSeparator();
    QAction *logout = fileMenu->addAction(tr("Log &out"));
    connect(logout, &QAction::triggered, this, [this] {
        closeHistoryWindow();
        Q_EMIT logoutRequested();
    });
    QAction *quit = fileMenu->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, qApp, &QApplication::quit);

    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    QAction *templates = settingsMenu->addAction(tr("&Templates…"));
    templates->setObjectName(QStringLiteral("templatesAction"));
    connect(templates, &QAction::triggered, this, &MainWindow::openTemplatesDialog);
    m_alertsAction = settingsMenu->addAction(tr("&Alerts…"));
    m_alertsAction->setObjectName(QStringLiteral("alertsAction"));
    m_alertsAction->setEnabled(false); // until setAlerts()
    connect(m_alertsAction, &QAction::triggered, this, &MainWindow::openAlertSettingsPage);
    QMenu *languageMenu = settingsMenu->addMenu(tr("&Language"));
    auto *languages = new QActionGroup(languageMenu);
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    const QList<QPair<QString, QString>> choices = {
        {QString(), tr("Same as the system")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("ru"), QStringLiteral("Русский")},
    };
    for (const auto &[code, title] : choices) {
        QAction *action = languageMenu->addAction(title);
        action->setCheckable(true);
        action->setChecked(code == current);
        languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, code = code] {
            QSettings().setValue(QStringLiteral("ui/language"), code);
            Q_EMIT languageChosen(code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The new language is used from the next start of Concierge."));
        });
    }

    // Only admins may list and lift bans (docs/protocol.md, "Dialog actions"): the menu shows
    // for them alone.
    m_adminMenu = menuBar()->addMenu(tr("&Administration"));
    QAction *bans = m_adminMenu->addAction(tr("&Bans…"));
    bans->setObjectName(QStringLiteral("bansAction"));
    connect(bans, &QAction::triggered, this, &MainWindow::openBansDialog);
    connect(m_session, &OperatorSession::selfChanged, this, &MainWindow::updateAdminMenu);
    connect(m_session, &OperatorSession::loggedIn, this, &MainWindow::updateAdminMenu);
    updateAdminMenu();

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = helpMenu->addAction(tr("&Keyboard shortcuts…"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, &MainWindow::openShortcutsDialog);
    helpMenu->addSeparator();
    connect(helpMenu->addAction(tr("&About Concierge")), &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Concierge"),
                           tr("Concierge %1 — live chat for your website.\nLicensed under GPL-3.0-or-later.")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::updateAdminMenu()
{
    m_adminMenu->menuAction()->setVisible(m_session->self().role == protocol::OperatorRole::Admin);
}

ShortcutsDialog *MainWindow::openShortcutsDialog()
{
    if (m_shortcutsDialog)
        m_shortcutsDialog->close();
    auto *dialog = new ShortcutsDialog(this, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_shortcutsDialog = dialog;
    dialog->open();
    return dialog;
}

BansDialog *MainWindow::openBansDialog()
{
    if (m_session->self().role != protocol::OperatorRole::Admin)
        return nullptr;
    if (m_bansDialog) {
        m_bansDialog->refresh();
        m_bansDialog->raise();
        m_bansDialog->activateWindow();
        return m_bansDialog;
    }
    auto *dialog = new BansDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_bansDialog = dialog;
    dialog->show(); // not modal: the operator may look something up in the list meanwhile
    return dialog;
}

ProfileDialog *MainWindow::openProfileDialog()
{
    if (m_profileDialog) {
        m_profileDialog->raise();
        m_profileDialog->activateWindow();
        return m_profileDialog;
    }
    auto *dialog = new ProfileDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_profileDialog = dialog;
    dialog->open();
    return dialog;
}

TemplatesDialog *MainWindow::openTemplatesDialog()
{
    if (m_templatesDialog) {
        m_templatesDialog->raise();
        m_templatesDialog->activateWindow();
        return m_templatesDialog;
    }
    auto *dialog = new TemplatesDialog(m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_templatesDialog = dialog;
    dialog->show(); // not modal: the operator may copy from a dialog meanwhile
    return dialog;
}

HistoryWindow *MainWindow::openHistoryWindow()
{
    if (!m_historyWindow) {
        // No parent: a window of its own in the taskbar, not kept above this one; closed with it.
        auto *window = new HistoryWindow(m_session);
        window->setAttribute(Qt::WA_DeleteOnClose);
        m_historyWindow = window;
    }
    if (m_historyWindow->isMinimized())
        m_historyWindow->showNormal();
    else
        m_historyWindow->show(); // not modal: a visitor may write while the operator looks back
    m_historyWindow->raise();
    m_historyWindow->activateWindow();
    m_historyWindow->focusSearch();
    return m_historyWindow;
}

HistoryWindow *MainWindow::historyWindow() const
{
    return m_historyWindow;
}

void MainWindow::showFoundVisitor(qint64 visitorId)
{
    // Their row, when the list shows them, so the operator sees where they are; the card either way
    // (choosing the row again would not reopen it).
    const QModelIndex row = m_session->visitorModel()->indexOfVisitor(visitorId);
    if (row.isValid() && row != m_visitorList->view()->currentIndex()) {
        m_visitorList->view()->scrollTo(row);
        m_visitorList->view()->setCurrentIndex(row); // opens them, as a click would
    }
    if (m_visitorInfo->visitorId() != visitorId)
        openVisitor(visitorId, row.isValid() ? row.data(VisitorListModel::DialogIdRole).toLongLong() : 0);
}

void MainWindow::openVisitor(qint64 visitorId, qint64 dialogId)
{
    m_dialog->showVisitor(visitorId, dialogId);
    m_dialog->setMode(DialogPane::Mode::Visitor);
    m_visitorInfo->showVisitor(visitorId);
}

void MainWindow::bringToFront()
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1180, 720);
    m_splitter->restoreState(settings.value(QStringLiteral("mainWindow/splitter")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/splitter"), m_splitter->saveState());
    if (!m_alertPolicy || m_quitting) {
        QMainWindow::closeEvent(event);
        return;
    }
    // The app keeps running so that no visitor is missed; Quit (menu or tray) ends it.
    event->ignore();
    const bool tray = m_tray->systemTrayIcon() != nullptr;
    if (tray)
        hide();
    else
        showMinimized();
    AlertSettings alertSettings = AlertSettingsStore().load();
    if (alertSettings.closeToTrayNoteShown)
        return;
    alertSettings.closeToTrayNoteShown = true;
    AlertSettingsStore().save(alertSettings);
    const QString text = tray ? tr("Concierge is still running in the system tray, so you hear and see every "
                                   "new visitor. Click its icon to open the window again; choose Quit in its "
                                   "menu to stop it.")
                              : tr("Concierge is still running (minimised), so you hear and see every new "
                                   "visitor. Choose File → Quit to stop it.");
    auto *note =
        new QMessageBox(QMessageBox::Information, tr("Concierge keeps running"), text, QMessageBox::Ok, this);
    note->setObjectName(QStringLiteral("closeToTrayNoteBox"));
    note->setAttribute(Qt::WA_DeleteOnClose);
    m_closeToTrayNote = note;
    note->show();
}

QMessageBox *MainWindow::closeToTrayNote() const
{
    return m_closeToTrayNote;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // Quitting closes every window (QApplication): that close must not hide to the tray.
    if (watched == qApp && event->type() == QEvent::Quit)
        m_quitting = true;
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::setAlerts(AlertPolicy *policy, AlertSounds *sounds)
{
    if (m_alertPolicy)
        return;
    m_alertPolicy = policy;
    m_alertSounds = sounds;
    m_alertNotifications = new AlertNotifications(policy, m_tray, this, this);
    connect(m_alertNotifications, &AlertNotifications::dialogRequested, this, &MainWindow::openDialog);
    qApp->installEventFilter(this);
    const auto followActive = [this] {
        if (m_alertPolicy)
            m_alertPolicy->setWindowActive(isActiveWindow() && isVisible() && !isMinimized());
    };
    connect(qApp, &QApplication::focusChanged, this, followActive);
    connect(qApp, &QGuiApplication::applicationStateChanged, this, followActive);
    followActive();
    m_alertsAction->setEnabled(true);
}

AlertSettingsPage *MainWindow::openAlertSettingsPage()
{
    if (!m_alertPolicy)
        return nullptr;
    if (m_alertSettingsPage) {
        m_alertSettingsPage->raise();
        m_alertSettingsPage->activateWindow();
        return m_alertSettingsPage;
    }
    auto *page = new AlertSettingsPage(m_alertSounds, this);
    page->setAttribute(Qt::WA_DeleteOnClose);
    connect(page, &AlertSettingsPage::settingsSaved, this, [this](const AlertSettings &settings) {
        m_alertPolicy->setSettings(settings);
        if (m_alertSounds) {
            m_alertSounds->setVolume(settings.volume);
            m_alertSounds->setOutputDevice(settings.outputDeviceId);
        }
        Q_EMIT alertSettingsChanged(settings);
    });
    m_alertSettingsPage = page;
    page->open();
    return page;
}

void MainWindow::openDialog(qint64 dialogId)
{
    bringToFront();
    if (dialogId == 0) {
        m_dialog->setMode(DialogPane::Mode::Operators);
        return;
    }
    const qint64 visitorId = m_session->dialog(dialogId).visitorId;
    if (visitorId == 0)
        return;
    // Their row too, as a click would choose it (choosing it again would not reopen the dialog).
    const QModelIndex row = m_session->visitorModel()->indexOfVisitor(visitorId);
    if (row.isValid() && row != m_visitorList->view()->currentIndex()) {
        m_visitorList->view()->scrollTo(row);
        m_visitorList->view()->setCurrentIndex(row);
    }
    if (m_dialog->dialogId() != dialogId || m_dialog->mode() != DialogPane::Mode::Visitor)
        openVisitor(visitorId, dialogId);
}

} // namespace concierge::ui
