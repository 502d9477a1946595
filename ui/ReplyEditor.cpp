// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyEditor.h"

#include "TemplateSuggestionPopup.h"

#include <QFileInfo>
#include <QImage>
#include <QKeyEvent>
#include <QMimeData>
#include <QUrl>

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

QList<QPair<QKeySequence, QString>> ReplyEditor::suggestionKeys()
{
    return {
        {QKeySequence(Qt::Key_Up), tr("Choose the template above")},
        {QKeySequence(Qt::Key_Down), tr("Choose the template below")},
        {QKeySequence(Qt::Key_Enter), tr("Send the chosen template")},
        {QKeySequence(Qt::Key_Tab), tr("Put the chosen template in the reply box to edit it")},
        {QKeySequence(Qt::Key_Escape), tr("Close the suggestions")},
    };
}

bool ReplyEditor::event(QEvent *event)
{
    // Tab would move the focus on (tabChangesFocus) before keyPressEvent() saw it.
    if (event->type() == QEvent::KeyPress && handleSuggestionKey(static_cast<QKeyEvent *>(event)))
        return true;
    // Esc is also a window shortcut (the visitor filter): while suggestions show, it is theirs.
    if (event->type() == QEvent::ShortcutOverride && m_suggestions && m_suggestions->isVisible()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

bool ReplyEditor::handleSuggestionKey(QKeyEvent *event)
{
    if (!m_suggestions || !m_suggestions->isVisible())
        return false;
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers != Qt::NoModifier)
        return false; // Shift+Enter still breaks the line, Shift+Tab still moves back
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down:
        m_suggestions->moveSelection(event->key() == Qt::Key_Up ? -1 : 1);
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Tab:
        if (const qint64 id = m_suggestions->currentTemplateId())
            Q_EMIT templatePicked(id, event->key() != Qt::Key_Tab);
        break;
    case Qt::Key_Escape:
        m_suggestions->hide();
        Q_EMIT suggestionsDismissed();
        break;
    default:
        return false;
    }
    event->accept();
    return true;
}

void ReplyEditor::keyPressEvent(QKeyEvent *event)
{
    if (handleSuggestionKey(event))
        return;
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

QStringList ReplyEditor::localFiles(const QMimeData *source) const
{
    QStringList paths;
    if (!m_acceptsFiles || !source->hasUrls())
        return paths;
    for (const QUrl &url : source->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool ReplyEditor::canInsertFromMimeData(const QMimeData *source) const
{
    if (m_acceptsFiles && (source->hasImage() || !localFiles(source).isEmpty()))
        return true;
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void ReplyEditor::insertFromMimeData(const QMimeData *source)
{
    // Files copied in a file manager come as URLs (often with an image too, their icon): the files win.
    if (const QStringList paths = localFiles(source); !paths.isEmpty()) {
        Q_EMIT filesPasted(paths);
        return;
    }
    if (m_acceptsFiles && source->hasImage()) {
        const QImage image = qvariant_cast<QImage>(source->imageData());
        if (!image.isNull()) {
            Q_EMIT imagePasted(image);
            return;
        }
    }
    QPlainTextEdit::insertFromMimeData(source);
}

} // namespace concierge::ui
