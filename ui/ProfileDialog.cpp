// SPDX-License-Identifier: GPL-3.0-or-later
#include "ProfileDialog.h"

#include "AvatarEditor.h"
#include "LanguageNames.h"
#include "OperatorSession.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

/// Offered with a tick box; an operator's other codes are typed (and kept in that field).
const QStringList &commonLanguages()
{
    static const QStringList codes = {QStringLiteral("en"), QStringLiteral("ru"), QStringLiteral("uk"),
                                      QStringLiteral("be"), QStringLiteral("kk"), QStringLiteral("de"),
                                      QStringLiteral("fr"), QStringLiteral("es"), QStringLiteral("it"),
                                      QStringLiteral("pt"), QStringLiteral("zh"), QStringLiteral("tr")};
    return codes;
}

// The server's rule (docs/protocol.md, "Operator profile"): "en", "pt-br".
const QRegularExpression &languageCode()
{
    static const QRegularExpression code(QStringLiteral("^[a-z]{2,3}(-[a-z0-9]{2,8})?$"));
    return code;
}

} // namespace

ProfileDialog::ProfileDialog(OperatorSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_avatar(new AvatarEditor(session, this))
    , m_name(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_emailMessage(new QLabel(this))
    , m_languages(new QListWidget(this))
    , m_otherLanguages(new QLineEdit(this))
    , m_save(new QPushButton(tr("&Save profile"), this))
    , m_profileMessage(new QLabel(this))
    , m_current(new QLineEdit(this))
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_changePassword(new QPushButton(tr("C&hange password"), this))
    , m_passwordMessage(new QLabel(this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("My profile"));
    m_name->setObjectName(QStringLiteral("profileNameEdit"));
    m_email->setObjectName(QStringLiteral("profileEmailEdit"));
    m_emailMessage->setObjectName(QStringLiteral("profileEmailMessageLabel"));
    m_languages->setObjectName(QStringLiteral("profileLanguageList"));
    m_otherLanguages->setObjectName(QStringLiteral("profileOtherLanguagesEdit"));
    m_save->setObjectName(QStringLiteral("profileSaveButton"));
    m_profileMessage->setObjectName(QStringLiteral("profileMessageLabel"));
    m_current->setObjectName(QStringLiteral("currentPasswordEdit"));
    m_new->setObjectName(QStringLiteral("newPasswordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_changePassword->setObjectName(QStringLiteral("changePasswordButton"));
    m_passwordMessage->setObjectName(QStringLiteral("passwordMessageLabel"));

    const protocol::OperatorInfo self = session->self();
    m_name->setText(self.name);
    m_name->setMaxLength(kMaxNameChars);
    m_name->setToolTip(tr("Visitors and colleagues see this name; lines already written keep the old one."));
    m_email->setText(self.email);
    m_email->setMaxLength(254); // the longest address SMTP carries
    m_email->setToolTip(tr("You log in with this address, and transcripts colleagues send you arrive there."));
    m_languages->setMaximumHeight(m_languages->sizeHintForRow(0) > 0 ? m_languages->sizeHintForRow(0) * 7
                                                                     : 150);
    m_otherLanguages->setPlaceholderText(tr("comma-separated, e.g. pl, pt-br"));
    fillLanguages(self.languages);
    for (QLabel *label : {m_profileMessage, m_passwordMessage, m_emailMessage}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->hide();
    }
    for (QLineEdit *edit : {m_current, m_new, m_repeat})
        edit->setEchoMode(QLineEdit::Password);
    m_new->setPlaceholderText(tr("At least %n characters", nullptr, kMinPasswordChars));

    auto *profileBox = new QGroupBox(tr("Profile"), this);
    auto *profileForm = new QFormLayout(profileBox);
    profileForm->addRow(tr("Picture:"), m_avatar);
    profileForm->addRow(tr("&Display name:"), m_name);
    profileForm->addRow(tr("&Email:"), m_email);
    profileForm->addRow(QString(), m_emailMessage);
    profileForm->addRow(tr("&Languages I speak:"), m_languages);
    profileForm->addRow(tr("&Other language codes:"), m_otherLanguages);
    profileForm->addRow(QString(), m_profileMessage);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    profileForm->addRow(saveRow);

    auto *passwordBox = new QGroupBox(tr("Change password"), this);
    passwordBox->setObjectName(QStringLiteral("passwordBox"));
    auto *passwordForm = new QFormLayout(passwordBox);
    passwordForm->addRow(tr("C&urrent password:"), m_current);
    passwordForm->addRow(tr("&New password:"), m_new);
    passwordForm->addRow(tr("&Repeat the new password:"), m_repeat);
    passwordForm->addRow(QString(), m_passwordMessage);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addStretch(1);
    passwordRow->addWidget(m_changePassword);
    passwordForm->addRow(passwordRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(profileBox);
    layout->addWidget(passwordBox);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    // Enter in a field saves that part (below), it never closes the window: no default button.
    for (QPushButton *button : {m_save, m_changePassword, buttons->button(QDialogButtonBox::Close)}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_current, &QLineEdit::returnPressed, this, &ProfileDialog::changePassword);
    connect(m_new, &QLineEdit::returnPressed, this, &ProfileDialog::changePassword);
    connect(m_repeat, &QLineEdit::returnPressed, this, &ProfileDialog::changePassword);
    connect(m_name, &QLineEdit::returnPressed, this, &ProfileDialog::saveProfile);
    connect(m_email, &QLineEdit::returnPressed, this, &ProfileDialog::saveProfile);
    connect(m_email, &QLineEdit::textEdited, m_emailMessage, &QLabel::hide);
    connect(m_save, &QPushButton::clicked, this, &ProfileDialog::saveProfile);
    connect(m_changePassword, &QPushButton::clicked, this, &ProfileDialog::changePassword);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(session, &OperatorSession::profileUpdated, this, [this] {
        if (!m_saving)
            return;
        m_saving = false;
        if (!m_sentEmail.isEmpty())
            say(m_profileMessage, tr("Saved. From now on you log in as %1.").arg(m_session->self().email), false);
        else
            say(m_profileMessage, tr("Saved. Colleagues see the new name and languages now."), false);
        m_sentEmail.clear();
    });
    connect(session, &OperatorSession::passwordChanged, this, [this] {
        if (!m_changing)
            return;
        m_changing = false;
        for (QLineEdit *edit : {m_current, m_new, m_repeat})
            edit->clear();
        say(m_passwordMessage, tr("The password was changed. Use the new one from your next login."), false);
    });
    connect(session, &OperatorSession::requestFailed, this, &ProfileDialog::onRequestFailed);
    m_name->setFocus();
}

void ProfileDialog::fillLanguages(const QStringList &mine)
{
    QStringList others;
    for (const QString &code : mine) {
        if (!commonLanguages().contains(code))
            others.append(code);
    }
    for (const QString &code : commonLanguages()) {
        auto *item = new QListWidgetItem(LanguageNames::nameWithCode(code), m_languages);
        item->setData(Qt::UserRole, code);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(mine.contains(code) ? Qt::Checked : Qt::Unchecked);
    }
    m_otherLanguages->setText(others.join(QStringLiteral(", ")));
}

QStringList ProfileDialog::languages() const
{
    QStringList codes;
    for (int row = 0; row < m_languages->count(); ++row) {
        const QListWidgetItem *item = m_languages->item(row);
        if (item->checkState() == Qt::Checked)
            codes.append(item->data(Qt::UserRole).toString());
    }
    const QStringList typed =
        m_otherLanguages->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &code : typed) {
        const QString lower = code.toLower();
        if (!codes.contains(lower))
            codes.append(lower);
    }
    return codes;
}

bool ProfileDialog::looksLikeEmail(const QString &email)
{
    static const QRegularExpression pattern(
        QStringLiteral("^[^@\\s<>()\\[\\],;:\"\\\\]+@[^@\\s<>()\\[\\],;:\"\\\\]+\\.[^@\\s<>()\\[\\],;:\"\\\\]+$"));
    return pattern.match(email).hasMatch();
}

void ProfileDialog::saveProfile()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        say(m_profileMessage, tr("Enter the name visitors and colleagues will see."), true);
        m_name->setFocus();
        return;
    }
    const QStringList codes = languages();
    for (const QString &code : codes) {
        if (!languageCode().match(code).hasMatch()) {
            say(m_profileMessage,
                tr("“%1” is not a language code; use two or three letters, such as de or pt-br.").arg(code),
                true);
            m_otherLanguages->setFocus();
            return;
        }
    }
    const QString email = m_email->text().trimmed();
    if (!looksLikeEmail(email)) {
        say(m_emailMessage, tr("Enter an email address such as anna@example.com."), true);
        m_email->setFocus();
        m_email->selectAll();
        return;
    }
    m_profileMessage->hide();
    m_emailMessage->hide();
    m_saving = true;
    m_sentEmail = email.compare(m_session->self().email, Qt::CaseInsensitive) == 0 ? QString() : email;
    m_session->updateProfile(name, codes, m_sentEmail);
}

void ProfileDialog::changePassword()
{
    if (m_current->text().isEmpty()) {
        say(m_passwordMessage, tr("Enter your current password."), true);
        m_current->setFocus();
        return;
    }
    if (m_new->text().size() < kMinPasswordChars) {
        say(m_passwordMessage,
            tr("The new password needs at least %n characters.", nullptr, kMinPasswordChars), true);
        m_new->setFocus();
        return;
    }
    if (m_repeat->text() != m_new->text()) {
        say(m_passwordMessage, tr("The two new passwords differ; type the same one twice."), true);
        m_repeat->setFocus();
        m_repeat->selectAll();
        return;
    }
    m_passwordMessage->hide();
    m_changing = true;
    m_session->changePassword(m_current->text(), m_new->text());
}

void ProfileDialog::onRequestFailed(const QString &requestType, protocol::ErrorCode code,
                                    const QString &message)
{
    if (requestType == u"profile.update" && m_saving) {
        m_saving = false;
        // A changed address is the usual reason (malformed, or another operator's): say it there.
        if (code == protocol::ErrorCode::BadRequest && !m_sentEmail.isEmpty()) {
            say(m_emailMessage, tr("This address was not accepted: %1").arg(message), true);
            m_email->setFocus();
        } else {
            say(m_profileMessage, tr("The profile was not saved: %1").arg(message), true);
        }
        m_sentEmail.clear();
    } else if (requestType == u"password.change" && m_changing) {
        m_changing = false;
        if (code == protocol::ErrorCode::Forbidden) {
            say(m_passwordMessage, tr("The current password is wrong."), true);
            m_current->setFocus();
            m_current->selectAll();
        } else {
            say(m_passwordMessage, tr("The password was not changed: %1").arg(message), true);
        }
    }
}

void ProfileDialog::say(QLabel *label, const QString &text, bool error)
{
    label->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }")
                               : QStringLiteral("QLabel { color: #2e7d32; }"));
    label->setText(text);
    label->show();
}

} // namespace concierge::ui
