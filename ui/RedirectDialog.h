// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace concierge::ui {

/// "Redirect…": the address the visitor's tab is to open (docs/protocol.md, "Teleport"), prefilled
/// with a page they visited. Only absolute http:// and https:// addresses pass; anything else is
/// refused here, under the field, before it reaches the server. Holds no other rules: the caller
/// sends url() once accepted.
class RedirectDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxUrlChars = 2048;

    /// \a visitorName is shown as plain text; \a url prefills the field.
    RedirectDialog(const QString &visitorName, const QString &url, QWidget *parent = nullptr);

    QString url() const;
    QLineEdit *urlEdit() const { return m_url; }
    /// The inline message under the field (hidden while the address is fine).
    QLabel *errorLabel() const { return m_error; }
    /// Why \a text cannot be opened for a visitor, in the operator's language; empty if it can.
    static QString problemWith(const QString &text);

    void accept() override;

private:
    QLineEdit *m_url;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace concierge::ui
