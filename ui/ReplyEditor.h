// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPlainTextEdit>

namespace concierge::ui {

/// The reply box: Enter sends, Shift+Enter breaks the line. Plain text only — pasted rich text
/// arrives as its text.
class ReplyEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ReplyEditor(QWidget *parent = nullptr);

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
