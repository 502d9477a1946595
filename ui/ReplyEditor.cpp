// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReplyEditor.h"

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
