// SPDX-License-Identifier: GPL-3.0-or-later
// Templates in the reply box, as the operator uses them against the real server with a visitor
// speaking the real protocol: typing "дост" suggests the "Доставка" templates with the typed text
// marked; Up/Down choose, Enter sends the chosen one with its variables filled (what the visitor
// receives is checked), Tab puts it in the box instead, Esc closes; a template with a variable
// nobody can fill is put in the box flagged, never sent as braces, and typed braces ask first;
// Ctrl+Shift+S saves the reply as a personal template with a proposed title, suggested at once.
#include "DialogPane.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ReplyEditor.h"
#include "ReplyTemplates.h"
#include "SaveTemplateDialog.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "ShortcutsDialog.h"
#include "TemplateLibrary.h"
#include "TemplateSuggestionModel.h"
#include "TemplateSuggestionPopup.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

const QString kDelivery = u"Доставка"_s;
const QString kDeliveryOut = u"Доставка за город"_s;
const QString kOrder = u"Номер заказа"_s;

/// Types \a text as a keyboard would, character by character (QTest::keyClicks is ASCII only).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(widget, &release);
    }
}

} // namespace

class TestTemplateSuggestions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typingSuggestsWithTheTypedTextMarked();
    void upDownAndEnterSendTheChosenTemplate();
    void tabPutsTheTemplateInTheBox();
    void escClosesTheSuggestions();
    void unknownVariableIsFlaggedNotSent();
    void saveAsPersonalTemplate();
    void shortcutsHelpListsTheTemplateKeys();

private:
    ui::ReplyEditor *editor() const { return m_me.window()->findChild<ui::ReplyEditor *>(u"replyEdit"_s); }
    ui::TemplateSuggestionPopup *popup() const { return m_me.window()->dialogPane()->templates()->popup(); }
    ui::NoticeBar *notice() const { return m_me.window()->findChild<ui::NoticeBar *>(u"dialogNoticeBar"_s); }
    /// The popup's row showing the template titled \a title; -1 if none.
    int rowTitled(const QString &title) const;
    QString currentTitle() const
    {
        return popup()->view()->currentIndex().data(TemplateSuggestionModel::TitleRole).toString();
    }
    /// Clears the reply box, focuses it and types \a text; true once the suggestions show.
    bool typeInReplyBox(const QString &text);
    /// Waits until the visitor has received a line with exactly \a text.
    bool visitorReceived(const QString &text);
    qint64 templateTitled(const QString &title) const;

    ServerProcess m_server;
    guitest::Operator m_me;
    std::unique_ptr<RawProtocolClient> m_visitor;
    qint64 m_visitorId = 0;
    qint64 m_dialogId = 0;
};

void TestTemplateSuggestions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY2(m_server.start(), "the real concierge-server did not start");

    // The shared library, as an admin imports it (the demo's "Доставка" in Sales is updated).
    QTemporaryDir dir;
    const QString file = dir.filePath(u"templates.json"_s);
    const QJsonArray templates{
        QJsonObject{
            {u"title"_s, kDelivery},
            {u"text"_s,
             u"{visitor.name|Здравствуйте}, меня зовут {operator.name}. Доставка по городу — 1–2 дня."_s},
            {u"tags"_s, QJsonArray{u"доставка"_s}},
            {u"department"_s, u"Sales"_s}},
        QJsonObject{{u"title"_s, kDeliveryOut},
                    {u"text"_s, u"За город доставляем за 3–5 дней, {contact.name|друг}."_s},
                    {u"tags"_s, QJsonArray{}},
                    {u"department"_s, QJsonValue()}},
        QJsonObject{{u"title"_s, kOrder},
                    {u"text"_s, u"Ваш заказ {crm.order} приедет завтра."_s},
                    {u"tags"_s, QJsonArray{u"заказ"_s}},
                    {u"department"_s, QJsonValue()}},
    };
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QJsonDocument(templates).toJson());
    out.close();
    QVERIFY(testkit::admin(m_server, {u"import-templates"_s, u"--file"_s, file}));

    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));
    QTRY_VERIFY_WITH_TIMEOUT(templateTitled(kOrder) > 0 && templateTitled(kDeliveryOut) > 0, 10000);

    // A visitor writes; their dialog comes to me and I open it.
    QJsonObject hello;
    m_visitor = testkit::connectVisitor(m_server, &hello);
    QVERIFY(m_visitor);
    m_visitorId = testkit::idOf(hello.value(u"visitorId"));
    m_dialogId = testkit::openDialog(*m_visitor, u"Сколько идёт доставка?"_s);
    QVERIFY(m_dialogId > 0);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfVisitor(m_visitorId).isValid() &&
                                 m_me.session()->dialog(m_dialogId).operatorId == m_me.id(),
                             10000);
    m_me.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(m_visitorId));
    QCOMPARE(m_me.window()->dialogPane()->dialogId(), m_dialogId);
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
}

qint64 TestTemplateSuggestions::templateTitled(const QString &title) const
{
    const QList<protocol::Template> all = m_me.session()->templates()->all();
    for (const protocol::Template &t : all) {
        if (t.title == title)
            return t.id;
    }
    return 0;
}

int TestTemplateSuggestions::rowTitled(const QString &title) const
{
    const QAbstractItemModel *model = popup()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(TemplateSuggestionModel::TitleRole).toString() == title)
            return row;
    }
    return -1;
}

bool TestTemplateSuggestions::typeInReplyBox(const QString &text)
{
    editor()->clear();
    // No window manager here gives the window its activation back when a dialog over it closes.
    m_me.window()->activateWindow();
    if (!QTest::qWaitForWindowActive(m_me.window()))
        return false;
    editor()->setFocus();
    if (!testkit::spinUntil([this] { return editor()->hasFocus(); }))
        return false;
    typeText(editor(), text);
    return testkit::spinUntil([this] { return popup()->isVisible(); });
}

bool TestTemplateSuggestions::visitorReceived(const QString &text)
{
    return testkit::spinUntil([&] { return !testkit::messageWithText(*m_visitor, text).isEmpty(); }, 10000);
}

void TestTemplateSuggestions::typingSuggestsWithTheTypedTextMarked()
{
    // One letter suggests nothing; two do.
    editor()->setFocus();
    QTRY_VERIFY(editor()->hasFocus());
    typeText(editor(), u"д"_s);
    QVERIFY(!popup()->isVisible());
    QVERIFY(typeInReplyBox(u"дост"_s));

    // The caret stays in the reply box, which still holds what was typed.
    QVERIFY(editor()->hasFocus());
    QCOMPARE(editor()->toPlainText(), u"дост"_s);
    const int row = rowTitled(kDelivery);
    QVERIFY2(row >= 0, "the Доставка template is not suggested");
    QVERIFY(rowTitled(kDeliveryOut) >= 0);
    // "дост" is marked where it is in the title: its first four letters.
    const QModelIndex index = popup()->view()->model()->index(row, 0);
    const auto spans = index.data(TemplateSuggestionModel::TitleSpansRole).value<QList<TextSpan>>();
    QCOMPARE(spans.size(), 1);
    QCOMPARE(spans.first().start, 0);
    QCOMPARE(spans.first().length, 4);
    QCOMPARE(index.data(TemplateSuggestionModel::ScopeRole).toString(), u"shared"_s);
    // Above the reply box, inside the window.
    const QPoint editorTop = editor()->mapTo(m_me.window(), QPoint(0, 0));
    QVERIFY(popup()->geometry().bottom() <= editorTop.y());
    QVERIFY(popup()->geometry().top() >= 0);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"template-suggestions"_s));
}

void TestTemplateSuggestions::upDownAndEnterSendTheChosenTemplate()
{
    QVERIFY(typeInReplyBox(u"дост"_s));
    const int rows = popup()->view()->model()->rowCount();
    QVERIFY(rows >= 2);
    QCOMPARE(popup()->view()->currentIndex().row(), 0); // the best match first
    QTest::keyClick(editor(), Qt::Key_Down);
    QCOMPARE(popup()->view()->currentIndex().row(), 1);
    QTest::keyClick(editor(), Qt::Key_Up);
    QCOMPARE(popup()->view()->currentIndex().row(), 0);
    QTest::keyClick(editor(), Qt::Key_Up); // wraps round to the last
    QCOMPARE(popup()->view()->currentIndex().row(), rows - 1);
    QTest::keyClick(editor(), Qt::Key_Down);
    QVERIFY(editor()->hasFocus());
    QCOMPARE(editor()->toPlainText(), u"дост"_s); // the arrows moved nothing in the text

    for (int i = 0; i < rowTitled(kDelivery); ++i)
        QTest::keyClick(editor(), Qt::Key_Down);
    QCOMPARE(currentTitle(), kDelivery);
    QTest::keyClick(editor(), Qt::Key_Enter);

    // The visitor gets the polished answer, its variables filled: they gave no name (the server's
    // "Visitor N" label is none), so the greeting's fallback, and my name.
    const QString expected = u"Здравствуйте, меня зовут Demo Operator. Доставка по городу — 1–2 дня."_s;
    QVERIFY2(visitorReceived(expected), qPrintable(expected));
    QTRY_VERIFY(editor()->toPlainText().isEmpty());
    QVERIFY(!popup()->isVisible());
    // Used once: counted for the ranking.
    QCOMPARE(m_me.session()->templates()->usage(templateTitled(kDelivery)).count, 1);
}

void TestTemplateSuggestions::tabPutsTheTemplateInTheBox()
{
    QVERIFY(typeInReplyBox(u"за город"_s));
    QCOMPARE(currentTitle(), kDeliveryOut);
    const int pendingBefore = m_me.session()->pendingReplyCount();
    QTest::keyClick(editor(), Qt::Key_Tab);

    // In the box for editing, the visitor's missing contact name replaced by the fallback; the
    // focus did not move on, and nothing went out.
    QCOMPARE(editor()->toPlainText(), u"За город доставляем за 3–5 дней, друг."_s);
    QVERIFY(editor()->hasFocus());
    QVERIFY(!popup()->isVisible());
    QCOMPARE(m_me.session()->pendingReplyCount(), pendingBefore);

    // Edited, then sent with Enter as typed text.
    typeText(editor(), u" Ждём вас!"_s);
    QTest::keyClick(editor(), Qt::Key_Escape); // whatever the edit suggested
    QTest::keyClick(editor(), Qt::Key_Enter);
    QVERIFY(visitorReceived(u"За город доставляем за 3–5 дней, друг. Ждём вас!"_s));
    // Lines arrive in order: the template as Tab put it was never sent on its own.
    QVERIFY(testkit::messageWithText(*m_visitor, u"За город доставляем за 3–5 дней, друг."_s).isEmpty());

    // A click on a suggestion puts it in the box too.
    QVERIFY(typeInReplyBox(u"за город"_s));
    const QRect rect = popup()->view()->visualRect(popup()->view()->model()->index(0, 0));
    QTest::mouseClick(popup()->view()->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(editor()->toPlainText(), u"За город доставляем за 3–5 дней, друг."_s);
    QVERIFY(editor()->hasFocus());
    editor()->clear();
}

void TestTemplateSuggestions::escClosesTheSuggestions()
{
    QVERIFY(typeInReplyBox(u"дост"_s));
    QTest::keyClick(editor(), Qt::Key_Escape);
    QVERIFY(!popup()->isVisible());
    QCOMPARE(editor()->toPlainText(), u"дост"_s);
    QVERIFY(editor()->hasFocus());
    // Closed for this text: more letters do not bring them back…
    typeText(editor(), u"а"_s);
    QVERIFY(!popup()->isVisible());
    // …and Enter sends what was typed.
    QTest::keyClick(editor(), Qt::Key_Enter);
    QVERIFY(visitorReceived(u"доста"_s));
    // A new reply suggests again.
    QVERIFY(typeInReplyBox(u"дост"_s));
    editor()->clear();
    QVERIFY(!popup()->isVisible());
}

void TestTemplateSuggestions::unknownVariableIsFlaggedNotSent()
{
    QVERIFY(typeInReplyBox(u"номер"_s));
    QCOMPARE(currentTitle(), kOrder);
    const int pendingBefore = m_me.session()->pendingReplyCount();
    QTest::keyClick(editor(), Qt::Key_Enter);

    // Not sent: put in the box with {crm.order} selected and marked, and the notice says why.
    QCOMPARE(editor()->toPlainText(), u"Ваш заказ {crm.order} приедет завтра."_s);
    QCOMPARE(editor()->textCursor().selectedText(), u"{crm.order}"_s);
    QCOMPARE(editor()->extraSelections().size(), 1);
    QVERIFY(notice()->isVisible());
    QCOMPARE(notice()->kind(), ui::NoticeBar::Kind::Warning);
    QVERIFY2(notice()->text().contains(u"{crm.order}"_s), qPrintable(notice()->text()));
    QCOMPARE(m_me.session()->pendingReplyCount(), pendingBefore);
    QVERIFY(guitest::saveScreenshot(m_me.window(), u"template-unknown-variable"_s));

    // Enter on it as it stands asks first; "Edit the reply" sends nothing.
    QTest::keyClick(editor(), Qt::Key_Enter);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_me.window()->findChild<QMessageBox *>(u"unknownVariablesBox"_s)) != nullptr);
    QVERIFY(box->text().contains(u"{crm.order}"_s));
    QTRY_VERIFY(box->isVisible());
    QVERIFY(guitest::saveScreenshot(box, u"template-unknown-variable-confirm"_s));
    QPushButton *edit = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::RejectRole)
            edit = qobject_cast<QPushButton *>(button);
    }
    QVERIFY(edit);
    edit->click();
    QTRY_VERIFY(!m_me.window()->findChild<QMessageBox *>(u"unknownVariablesBox"_s));
    QCOMPARE(m_me.session()->pendingReplyCount(), pendingBefore);
    QCOMPARE(editor()->textCursor().selectedText(), u"{crm.order}"_s);

    // The operator types the number over the selected variable; now it goes. (No window manager
    // here gives the window back its activation when the message box closes.)
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    QTRY_VERIFY(editor()->hasFocus());
    QTest::keyClicks(editor(), u"A-1234"_s);
    QTest::keyClick(editor(), Qt::Key_Escape);
    QTest::keyClick(editor(), Qt::Key_Enter);
    QVERIFY(visitorReceived(u"Ваш заказ A-1234 приедет завтра."_s));
    QVERIFY(testkit::messageWithText(*m_visitor, u"Ваш заказ {crm.order} приедет завтра."_s).isEmpty());
    notice()->clearNotice();
}

void TestTemplateSuggestions::saveAsPersonalTemplate()
{
    const QString text = u"Спасибо за ожидание, проверяю ваш заказ прямо сейчас. Минуту!"_s;
    m_me.window()->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_me.window()));
    editor()->setFocus();
    editor()->setPlainText(text);
    QTest::keyClick(editor(), Qt::Key_Escape);
    QTest::keyClick(m_me.window(), Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    ui::SaveTemplateDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_me.window()->findChild<ui::SaveTemplateDialog *>()) != nullptr);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    // The first six words make the title; the text is the reply's.
    QCOMPARE(dialog->titleEdit()->text(), u"Спасибо за ожидание, проверяю ваш заказ"_s);
    QCOMPARE(dialog->textEdit()->toPlainText(), text);
    dialog->tagsEdit()->setText(u"ожидание, заказ"_s);
    QVERIFY(guitest::saveScreenshot(dialog, u"template-save-dialog"_s));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();

    QTRY_VERIFY_WITH_TIMEOUT(!m_me.window()->findChild<ui::SaveTemplateDialog *>(), 10000);
    const qint64 id = templateTitled(u"Спасибо за ожидание, проверяю ваш заказ"_s);
    QVERIFY(id > 0);
    const auto saved = m_me.session()->templates()->find(id);
    QCOMPARE(saved->scope, protocol::TemplateScope::Personal);
    QCOMPARE(saved->text, text);
    QCOMPARE(saved->tags, (QStringList{u"ожидание"_s, u"заказ"_s}));
    QCOMPARE(notice()->kind(), ui::NoticeBar::Kind::Info);
    QVERIFY(notice()->text().contains(u"Спасибо за ожидание, проверяю ваш заказ"_s));

    // Suggested on the next keystrokes, marked as mine.
    QVERIFY(typeInReplyBox(u"ожидан"_s));
    const int row = rowTitled(saved->title);
    QVERIFY(row >= 0);
    QCOMPARE(popup()->view()->model()->index(row, 0).data(TemplateSuggestionModel::ScopeRole).toString(),
             u"personal"_s);
    QTest::keyClick(editor(), Qt::Key_Escape);

    // The same title again is refused by the server, inline; the dialog stays open to fix it.
    editor()->setPlainText(text);
    QTest::keyClick(editor(), Qt::Key_Escape);
    QTest::mouseClick(m_me.window()->findChild<QToolButton *>(u"saveTemplateButton"_s), Qt::LeftButton);
    QTRY_VERIFY((dialog = m_me.window()->findChild<ui::SaveTemplateDialog *>()) != nullptr);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorLabel()->isVisible(), 10000);
    QVERIFY(!dialog->errorLabel()->text().isEmpty());
    QVERIFY(dialog->isVisible());
    QVERIFY(guitest::saveScreenshot(dialog, u"template-save-duplicate"_s));
    dialog->reject();
    editor()->clear();
}

void TestTemplateSuggestions::shortcutsHelpListsTheTemplateKeys()
{
    const QList<ui::ShortcutsDialog::Entry> entries = ui::ShortcutsDialog::collect(m_me.window());
    const QString saveKeys =
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S).toString(QKeySequence::NativeText);
    bool listed = false;
    for (const ui::ShortcutsDialog::Entry &entry : entries)
        listed = listed || (entry.keys == saveKeys && !entry.inReplyBox);
    QVERIFY2(listed, "Ctrl+Shift+S is not in the shortcuts help");

    ui::ShortcutsDialog *dialog = m_me.window()->openShortcutsDialog();
    QTreeWidget *tree = dialog->shortcutTree();
    const QList<QTreeWidgetItem *> groups =
        tree->findItems(ui::ShortcutsDialog::tr("While templates are suggested"), Qt::MatchExactly);
    QCOMPARE(groups.size(), 1);
    QStringList keys;
    for (int i = 0; i < groups.first()->childCount(); ++i)
        keys.append(groups.first()->child(i)->text(1));
    for (const Qt::Key key : {Qt::Key_Up, Qt::Key_Down, Qt::Key_Enter, Qt::Key_Tab, Qt::Key_Escape})
        QVERIFY2(keys.contains(QKeySequence(key).toString(QKeySequence::NativeText)),
                 qPrintable(keys.join(u' ')));
    dialog->close();
}

QTEST_MAIN(TestTemplateSuggestions)
#include "tst_template_suggestions.moc"
