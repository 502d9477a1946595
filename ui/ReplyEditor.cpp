// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyEditor.h"

#include <QKeyEvent>

namespace concierge::ui {

ReplyEditor::ReplyEditor(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("replyEdit"));
    setPlaceholderText(tr("Type a reply — Enter sends, Shift+Enter starts a new line"));
    setTabChangesFocus(true);
    connect(this, &QPlainTextEdit::textChanged, this,
            [this] { Q_EMIT typingChanged(!toPlainText().trimmed().isEmpty()); });
}

QList<QPair<QKeySequence, QString>> ReplyEditor::keys()
{
    return {
        // Qt::Key_Enter is named "Enter", as the key is labelled; Return works the same.
        {QKeySequence(Qt::Key_Enter), tr("Send the reply")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Enter), tr("Start a new line in the reply")},
    };
}

void ReplyEditor::keyPressEvent(QKeyEvent *event)
{
    const bool isEnter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (isEnter && !(event->modifiers() & Qt::ShiftModifier)) {
        const QString text = toPlainText().trimmed();
        if (!text.isEmpty())
            Q_EMIT submitted(text);
        event->accept();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace concierge::ui
