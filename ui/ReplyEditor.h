// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QKeySequence>
#include <QMimeData>
#include <QList>
#include <QPair>
#include <QPlainTextEdit>

namespace concierge::ui {

class TemplateSuggestionPopup;

/// The reply box: Enter sends, Shift+Enter breaks the line. Plain text only — pasted rich text
/// arrives as its text.
class ReplyEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ReplyEditor(QWidget *parent = nullptr);

    /// The keys keyPressEvent() handles itself (they are no QAction), with what they do — for the
    /// keyboard shortcuts help, kept next to the code that implements them.
    static QList<QPair<QKeySequence, QString>> keys();
    /// The visitor's reply box takes files: a pasted picture or pasted / dropped files are handed
    /// on (imagePasted, filesPasted) instead of becoming text. Off by default (the operator room).
    void setAcceptsFiles(bool accepts) { m_acceptsFiles = accepts; }
    /// While \a popup shows, Up/Down move in it, Enter and Tab pick its template (templatePicked)
    /// and Esc closes it; the caret stays here all along.
    void setSuggestionPopup(TemplateSuggestionPopup *popup) { m_suggestions = popup; }
    /// The keys of the template suggestions, for the keyboard shortcuts help.
    static QList<QPair<QKeySequence, QString>> suggestionKeys();

Q_SIGNALS:
    /// The operator pressed Enter on non-blank text. The receiver clears the box once the reply is
    /// accepted, so a refused reply (too long) keeps what the operator wrote.
    void submitted(const QString &text);
    /// True while the operator is typing (for the visitor's "operator is typing…").
    void typingChanged(bool typing);
    void imagePasted(const QImage &image);
    void filesPasted(const QStringList &paths);
    /// Enter (\a send) or Tab (insert it to edit) on the template chosen in the suggestions.
    void templatePicked(qint64 templateId, bool send);
    /// Esc closed the suggestions.
    void suggestionsDismissed();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;

private:
    QStringList localFiles(const QMimeData *source) const;
    /// Handles a key meant for the suggestions while they show; false for any other key.
    bool handleSuggestionKey(QKeyEvent *event);
    bool m_acceptsFiles = false;
    TemplateSuggestionPopup *m_suggestions = nullptr;
};

} // namespace concierge::ui
