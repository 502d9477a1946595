// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace concierge::ui {

/// A tinted strip with one plain-text sentence and an optional button: "You are Offline…",
/// "You are watching Anna's dialog…" [Take over], a refused transfer. Hidden while it has no text.
class NoticeBar : public QFrame
{
    Q_OBJECT
public:
    enum class Kind { Info, Warning, Error };

    explicit NoticeBar(QWidget *parent = nullptr);

    void showNotice(Kind kind, const QString &text);
    void clearNotice();
    QString text() const;
    Kind kind() const { return m_kind; }
    /// The optional button (hidden until given a text).
    QPushButton *button() const { return m_button; }
    void setButtonText(const QString &text);

private:
    Kind m_kind = Kind::Info;
    QLabel *m_label;
    QPushButton *m_button;
};

} // namespace concierge::ui
