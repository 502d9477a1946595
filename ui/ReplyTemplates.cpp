// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyTemplates.h"

#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ReplyEditor.h"
#include "SaveTemplateDialog.h"
#include "TemplateLibrary.h"
#include "TemplateSuggestionModel.h"
#include "TemplateSuggestionPopup.h"

#include <QAction>
#include <QEvent>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBlock>
#include <QToolButton>

namespace concierge::ui {

namespace {

/// "{a}, {b}" for the operator to read.
QString variableList(const QStringList &names)
{
    QStringList shown;
    for (const QString &name : names)
        shown.append(QLatin1Char('{') + name + QLatin1Char('}'));
    shown.removeDuplicates();
    return shown.join(QStringLiteral(", "));
}

} // namespace

ReplyTemplates::ReplyTemplates(OperatorSession *session, ReplyEditor *editor, NoticeBar *notice,
                               QWidget *pane)
    : QObject(pane)
    , m_session(session)
    , m_editor(editor)
    , m_notice(notice)
    , m_model(new TemplateSuggestionModel(session->templates(), this))
    , m_popup(new TemplateSuggestionPopup(m_model, editor))
    , m_saveAction(new QAction(tr("Save the reply as my template…"), pane))
    , m_saveButton(new QToolButton(editor->parentWidget()))
{
    m_saveAction->setObjectName(QStringLiteral("saveTemplateAction"));
    m_saveAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveAction->setShortcutContext(Qt::WindowShortcut);
    pane->addAction(m_saveAction);
    m_saveButton->setObjectName(QStringLiteral("saveTemplateButton"));
    m_saveButton->setText(QStringLiteral("★"));
    m_saveButton->setToolTip(tr("Save the reply as my template (Ctrl+Shift+S)"));
    m_saveButton->setAutoRaise(true);
    editor->setSuggestionPopup(m_popup);

    connect(m_saveAction, &QAction::triggered, this, &ReplyTemplates::openSaveDialog);
    connect(m_saveButton, &QToolButton::clicked, this, &ReplyTemplates::openSaveDialog);
    connect(editor, &QPlainTextEdit::textChanged, this, &ReplyTemplates::onTextChanged);
    connect(editor, &ReplyEditor::templatePicked, this, &ReplyTemplates::pick);
    connect(editor, &ReplyEditor::suggestionsDismissed, this, [this] { m_dismissed = true; });
    connect(m_popup, &TemplateSuggestionPopup::clicked, this, [this](qint64 id) { pick(id, false); });
    // New or changed templates show in what is suggested for the text already typed.
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_popup->refresh(!m_dismissed && m_editor->hasFocus()); });
    editor->installEventFilter(this);
    connect(editor, &QObject::destroyed, m_popup, &QObject::deleteLater);
}

QHash<QString, QString> ReplyTemplates::values() const
{
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    return variableValues(m_visitorId > 0 && visitor.id > 0 ? &visitor : nullptr, m_session->self());
}

void ReplyTemplates::onTextChanged()
{
    if (m_filling)
        return;
    m_editor->setExtraSelections({}); // the marks were for the text as it was put in
    const QString typed = m_editor->toPlainText();
    if (typed.trimmed().size() < 2)
        m_dismissed = false; // Esc holds for this text only
    m_model->setQuery(m_dismissed ? QString() : typed);
    m_popup->refresh(!m_dismissed && m_editor->hasFocus());
}

void ReplyTemplates::pick(qint64 templateId, bool send)
{
    const std::optional<protocol::Template> chosen = m_session->templates()->find(templateId);
    m_popup->hide();
    if (!chosen)
        return;
    const Expansion expansion = expandVariables(chosen->text, values());
    m_session->templates()->recordUse(templateId);
    if (send && expansion.unknown.isEmpty()) {
        m_notice->clearNotice();
        Q_EMIT this->send(expansion.text);
        return;
    }
    insert(expansion);
    if (!expansion.unknown.isEmpty()) {
        // Never sent as braces: the operator fills them in, or deletes them, first.
        m_notice->showNotice(NoticeBar::Kind::Warning,
                             send ? tr("Not sent: %1 cannot be filled in for this visitor. Replace it in the "
                                       "reply box, then press Enter.")
                                        .arg(variableList(expansion.unknown))
                                  : tr("%1 cannot be filled in for this visitor; replace it before sending.")
                                        .arg(variableList(expansion.unknown)));
    }
}

void ReplyTemplates::insert(const Expansion &expansion)
{
    m_filling = true;
    m_editor->setPlainText(expansion.text);
    m_filling = false;
    m_model->setQuery(QString());
    markUnknown(expansion.unknownSpans);
    m_editor->setFocus();
}

void ReplyTemplates::markUnknown(const QList<TextSpan> &spans)
{
    QList<QTextEdit::ExtraSelection> marks;
    QTextCharFormat format;
    format.setBackground(QColor(255, 205, 210));
    format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    format.setUnderlineColor(QColor(179, 38, 30));
    for (const TextSpan &span : spans) {
        QTextCursor cursor(m_editor->document());
        cursor.setPosition(span.start);
        cursor.setPosition(span.start + span.length, QTextCursor::KeepAnchor);
        marks.append({cursor, format});
    }
    m_editor->setExtraSelections(marks);
    QTextCursor caret(m_editor->document());
    if (!spans.isEmpty()) {
        // The first one selected: typing replaces it.
        caret.setPosition(spans.first().start);
        caret.setPosition(spans.first().start + spans.first().length, QTextCursor::KeepAnchor);
    } else {
        caret.movePosition(QTextCursor::End);
    }
    m_editor->setTextCursor(caret);
}

void ReplyTemplates::submitTyped(const QString &text)
{
    m_popup->hide();
    if (!text.contains(QLatin1Char('{'))) {
        Q_EMIT send(text);
        return;
    }
    const Expansion expansion = expandVariables(text, values());
    if (expansion.unknown.isEmpty()) {
        Q_EMIT send(expansion.text);
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Warning, tr("Send with unfilled variables?"),
                        tr("%1 cannot be filled in for this visitor and would reach them exactly as typed, "
                           "braces included.")
                            .arg(variableList(expansion.unknown)),
                        QMessageBox::NoButton, m_editor->window());
    box->setObjectName(QStringLiteral("unknownVariablesBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *sendAnyway = box->addButton(tr("Send as it is"), QMessageBox::AcceptRole);
    sendAnyway->setObjectName(QStringLiteral("sendAnywayButton"));
    QPushButton *edit = box->addButton(tr("Edit the reply"), QMessageBox::RejectRole);
    box->setDefaultButton(edit);
    connect(box, &QMessageBox::finished, this, [this, box, sendAnyway, expansion] {
        if (box->clickedButton() == sendAnyway) {
            Q_EMIT send(expansion.text);
            return;
        }
        // Show what to fix: what can be filled is, the rest is marked and the first one selected.
        insert(expansion);
    });
    box->open();
}

bool ReplyTemplates::eventFilter(QObject *watched, QEvent *event)
{
    // Suggestions are for the box being typed in; leaving it (a click in the history, a dialog
    // opened) closes them. A click on a suggestion never takes the focus, so it still counts.
    if (watched == m_editor && event->type() == QEvent::FocusOut)
        m_popup->hide();
    return QObject::eventFilter(watched, event);
}

SaveTemplateDialog *ReplyTemplates::openSaveDialog()
{
    const QString text = m_editor->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_notice->showNotice(NoticeBar::Kind::Info,
                             tr("Type the reply first, then save it as your template."));
        return nullptr;
    }
    if (m_saveDialog)
        m_saveDialog->close();
    protocol::Template draft;
    draft.scope = protocol::TemplateScope::Personal;
    draft.text = text;
    auto *dialog = new SaveTemplateDialog(m_session->templates(), draft, {}, m_editor->window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_saveDialog = dialog;
    connect(dialog, &SaveTemplateDialog::saved, this, [this](const protocol::Template &saved) {
        m_notice->showNotice(
            NoticeBar::Kind::Info,
            tr("Saved as your template “%1”; it is suggested as you type.").arg(saved.title));
    });
    connect(dialog, &QDialog::finished, m_editor, [this] { m_editor->setFocus(); });
    dialog->open();
    return dialog;
}

} // namespace concierge::ui
