// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QKeySequence>
#include <QList>
#include <QPair>
#include <QPlainTextEdit>

namespace concierge::ui {

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

Q_SIGNALS:
    /// The operator pressed Enter on non-blank text. The receiver clears the box once the reply is
    /// accepted, so a refused reply (too long) keeps what the operator wrote.
    void submitted(const QString &text);
    /// True while the operator is typing (for the visitor's "operator is typing…").
    void typingChanged(bool typing);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

} // namespace concierge::ui
