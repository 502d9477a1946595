// SPDX-License-Identifier: GPL-3.0-or-later
// Help → Keyboard shortcuts (F1), as the operator opens it: every shortcut the window has is
// listed with what it does — the filter, the list, the two modes, transfer, the dialog actions,
// the status switch, the help itself — plus Enter and Shift+Enter of the reply box; and every
// action with a shortcut anywhere in the window is in it, so the list cannot fall behind the code.
#include "DialogActionsBar.h"
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "ReplyEditor.h"
#include "ShortcutsDialog.h"
#include "VisitorListPane.h"

#include <QAction>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

using namespace concierge;
using namespace Qt::StringLiterals;

class TestShortcutsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void f1ListsEveryShortcut();

private:
    guitest::Operator m_me; // no server needed: the window is built before any login
};

void TestShortcutsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    m_me.openWindow();
}

void TestShortcutsDialog::f1ListsEveryShortcut()
{
    ui::MainWindow *window = m_me.window();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_F1);
    ui::ShortcutsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ui::ShortcutsDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));

    QHash<QString, QString> listed; // keys → what they do
    QTreeWidget *tree = dialog->shortcutTree();
    for (QTreeWidgetItemIterator it(tree); *it; ++it) {
        // Not a group title; the first meaning of a key wins (the template suggestions' group,
        // listed last, gives Enter and Esc a second one).
        if (!(*it)->text(1).isEmpty() && !listed.contains((*it)->text(1)))
            listed.insert((*it)->text(1), (*it)->text(0));
    }

    const auto keys = [](QKeySequence sequence) { return sequence.toString(QKeySequence::NativeText); };
    // Menu entries are listed as plain descriptions: no mnemonic, no "…".
    const auto plain = [](QString text) {
        text.remove(u'&');
        if (text.endsWith(u'…'))
            text.chop(1);
        return text;
    };
    const QList<QPair<QString, QString>> expected = {
        {keys(QKeySequence::Find), ui::VisitorListPane::tr("Filter the visitor list")},
        {keys(QKeySequence(Qt::Key_Escape)), ui::VisitorListPane::tr("Clear the filter")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_L)), plain(ui::MainWindow::tr("Go to the &visitor list"))},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_1)), ui::DialogPane::tr("Visitor dialog")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_2)), ui::DialogPane::tr("Operator chat")},
        {keys(QKeySequence(Qt::CTRL | Qt::Key_T)), ui::DialogPane::tr("Transfer the dialog")},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)),
         ui::DialogActionsBar::tr("Request contact details")},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)),
         ui::DialogActionsBar::tr("Choose the dialog's category")},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)), ui::DialogActionsBar::tr("Ban the visitor")},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),
         plain(ui::DialogActionsBar::tr("Email the transcript…"))},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O)),
         plain(ui::MainWindow::tr("Switch &Online/Offline"))},
        {keys(QKeySequence::HelpContents), plain(ui::MainWindow::tr("&Keyboard shortcuts…"))},
        {keys(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)),
         plain(ui::MainWindow::tr("Find a visitor by &teleport code"))},
        {keys(QKeySequence(Qt::Key_Enter)), ui::ReplyEditor::tr("Send the reply")},
        {keys(QKeySequence(Qt::SHIFT | Qt::Key_Enter)), ui::ReplyEditor::tr("Start a new line in the reply")},
    };
    for (const auto &[sequence, description] : expected) {
        QVERIFY2(listed.contains(sequence), qPrintable(u"not listed: "_s + sequence));
        QCOMPARE(listed.value(sequence), description);
    }

    // Whatever action gets a shortcut later is listed without anyone touching the dialog.
    const QList<QAction *> actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (!action->shortcut().isEmpty())
            QVERIFY2(listed.contains(keys(action->shortcut())), qPrintable(action->text()));
    }
    // Enter, as the key is labelled, not Qt's "Return".
    QVERIFY(!listed.contains(keys(QKeySequence(Qt::Key_Return))));
    QVERIFY(guitest::saveScreenshot(dialog, u"shortcuts-dialog"_s));
}

QTEST_MAIN(TestShortcutsDialog)
#include "tst_shortcuts_dialog.moc"
