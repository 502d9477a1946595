// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// File → "My profile…" (docs/protocol.md, "Operator profile"): my display name and the languages I
/// speak (a checkable list of the common ones plus any other codes), saved with "Save profile"; and
/// a password change (current, new twice; at least 8 characters) with "Change password". Each part
/// says under itself how it went — a wrong current password included. (Avatars come with files.)
class ProfileDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMinPasswordChars = 8;
    static constexpr int kMaxNameChars = 100;

    explicit ProfileDialog(OperatorSession *session, QWidget *parent = nullptr);

    QLineEdit *nameEdit() const { return m_name; }
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
    void saveProfile();
    void changePassword();

private:
    void fillLanguages(const QStringList &mine);
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
    static void say(QLabel *label, const QString &text, bool error);

    OperatorSession *m_session;
    QLineEdit *m_name;
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
    bool m_changing = false;
};

} // namespace concierge::ui
