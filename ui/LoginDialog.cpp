// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoginDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace concierge::ui {

LoginDialog::LoginDialog(QWidget *parent)
    : QDialog(parent)
    , m_notice(new QLabel(this))
    , m_server(new QLineEdit(this))
    , m_email(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log in to Concierge"));
    m_notice->setObjectName(QStringLiteral("loginNoticeLabel"));
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_email->setObjectName(QStringLiteral("emailEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_remember->setObjectName(QStringLiteral("rememberCheckBox"));
    m_error->setObjectName(QStringLiteral("loginErrorLabel"));

    m_notice->setWordWrap(true);
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->hide();
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();
    m_server->setPlaceholderText(QStringLiteral("https://chat.example.com"));
    m_email->setPlaceholderText(QStringLiteral("name@example.com"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Email:"), m_email);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_loginButton = buttons->button(QDialogButtonBox::Ok);
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setText(tr("&Log in"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        m_error->hide();
        Q_EMIT loginRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_server, m_email, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    updateButton();
}

void LoginDialog::setServerUrl(const QString &url) { m_server->setText(url); }
void LoginDialog::setEmail(const QString &email) { m_email->setText(email); }
void LoginDialog::setRemember(bool remember) { m_remember->setChecked(remember); }

void LoginDialog::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LoginDialog::showError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->show();
    m_password->selectAll();
    m_password->setFocus();
}

void LoginDialog::setBusy(bool busy)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_server, m_email, m_password, m_remember})
        w->setEnabled(!busy);
    m_loginButton->setText(busy ? tr("Logging in…") : tr("&Log in"));
    updateButton();
    if (busy)
        m_loginButton->setEnabled(false);
}

void LoginDialog::focusFirstEmptyField()
{
    for (QLineEdit *edit : {m_server, m_email, m_password}) {
        if (edit->text().isEmpty()) {
            edit->setFocus();
            return;
        }
    }
    m_password->setFocus();
}

QUrl LoginDialog::serverUrl() const { return QUrl::fromUserInput(m_server->text().trimmed()); }
QString LoginDialog::email() const { return m_email->text().trimmed(); }
QString LoginDialog::password() const { return m_password->text(); }
bool LoginDialog::remember() const { return m_remember->isChecked(); }

void LoginDialog::updateButton()
{
    m_loginButton->setEnabled(!m_server->text().trimmed().isEmpty() && !m_email->text().trimmed().isEmpty()
                              && !m_password->text().isEmpty());
}

} // namespace concierge::ui
