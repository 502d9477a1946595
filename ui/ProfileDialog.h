// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace concierge::ui {
class AvatarEditor;
}

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// File → "My profile…" (docs/protocol.md, "Operator profile"): my picture (an AvatarEditor, saved at
/// once), my display name, my email (login and mail address, checked as the server checks it) and
/// the languages I speak (a checkable list of the common ones plus any other codes), saved with
/// "Save profile"; and a password change (current, new twice; at least 8 characters) with "Change
/// password". Each part says under itself how it went — a wrong current password included.
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMinPasswordChars = 8;
    static constexpr int kMaxNameChars = 100;

    explicit ProfileDialog(OperatorSession *session, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *emailEdit() const { return m_email; }
    /// The email's own error line, under the field.
    QLabel *emailMessage() const { return m_emailMessage; }
    AvatarEditor *avatarEditor() const { return m_avatar; }
    QListWidget *languageList() const { return m_languages; }
    QLineEdit *otherLanguagesEdit() const { return m_otherLanguages; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *profileMessage() const { return m_profileMessage; }
    QLineEdit *currentPasswordEdit() const { return m_current; }
    QLineEdit *newPasswordEdit() const { return m_new; }
    QLineEdit *repeatPasswordEdit() const { return m_repeat; }
    QPushButton *changePasswordButton() const { return m_changePassword; }
    QLabel *passwordMessage() const { return m_passwordMessage; }

    /// The language codes ticked and typed, lower case, each once, in list order.
    QStringList languages() const;
    /// The server's rule for addresses (no spaces, quotes, brackets, commas, semicolons, colons;
    /// something@something.something), so a typo is caught before sending.
    static bool looksLikeEmail(const QString &email);
    void saveProfile();
    void changePassword();

private:
    void fillLanguages(const QStringList &mine);
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
    static void say(QLabel *label, const QString &text, bool error);

    OperatorSession *m_session;
    AvatarEditor *m_avatar;
    QLineEdit *m_name;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    QListWidget *m_languages;
    QLineEdit *m_otherLanguages;
    QPushButton *m_save;
    QLabel *m_profileMessage;
    QLineEdit *m_current;
    QLineEdit *m_new;
    QLineEdit *m_repeat;
    QPushButton *m_changePassword;
    QLabel *m_passwordMessage;
    bool m_saving = false;
    QString m_sentEmail; ///< the new address sent with the profile being saved; empty: unchanged
    bool m_changing = false;
};

} // namespace concierge::ui
