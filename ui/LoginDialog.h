// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace concierge::ui {

/// Asks for the server address, email and password. The password is never stored; with
/// "remember me" the app keeps only the session token, and only in the system keychain.
class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(QWidget *parent = nullptr);

    void setServerUrl(const QString &url);
    void setEmail(const QString &email);
    void setRemember(bool remember);
    /// A note above the form, e.g. why the app asks again ("no keychain available").
    void setNotice(const QString &text);
    /// Shows a failed attempt's reason and lets the operator try again.
    void showError(const QString &text);
    void setBusy(bool busy);
    /// Puts the cursor where the operator has to type next (usually the password).
    void focusFirstEmptyField();

    QUrl serverUrl() const;
    QString email() const;
    QString password() const;
    bool remember() const;

Q_SIGNALS:
    void loginRequested();

private:
    void updateButton();

    QLabel *m_notice;
    QLineEdit *m_server;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_error;
    QPushButton *m_loginButton;
};

} // namespace concierge::ui
