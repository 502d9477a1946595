// SPDX-License-Identifier: GPL-3.0-or-later
#include "RedirectDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace concierge::ui {

RedirectDialog::RedirectDialog(const QString &visitorName, const QString &url, QWidget *parent)
    : QDialog(parent)
    , m_url(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("redirectDialog"));
    setWindowTitle(tr("Redirect the visitor"));
    m_url->setObjectName(QStringLiteral("redirectUrlEdit"));
    m_error->setObjectName(QStringLiteral("redirectErrorLabel"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("redirectOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Open for the visitor"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *explanation = new QLabel(this);
    explanation->setObjectName(QStringLiteral("redirectExplanationLabel"));
    explanation->setTextFormat(Qt::PlainText); // the name came from a browser
    explanation->setWordWrap(true);
    explanation->setMinimumWidth(420);
    explanation->setText(
        tr("%1's browser tab will open this address in place of the page they are on.").arg(visitorName));
    m_url->setText(url);
    m_url->setMaxLength(kMaxUrlChars);
    m_url->setPlaceholderText(QStringLiteral("https://"));
    m_url->setClearButtonEnabled(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Address:"), m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &RedirectDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // The message goes as soon as the operator corrects the address.
    connect(m_url, &QLineEdit::textEdited, m_error, &QWidget::hide);
    m_url->setFocus();
    m_url->selectAll();
}

QString RedirectDialog::url() const
{
    return m_url->text().trimmed();
}

QString RedirectDialog::problemWith(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the address of a page.");
    if (trimmed.size() > kMaxUrlChars)
        return tr("The address is too long (at most %1 characters).").arg(kMaxUrlChars);
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") || url.host().isEmpty())
        return tr("Only web addresses starting with http:// or https:// can be opened for the visitor.");
    return {};
}

void RedirectDialog::accept()
{
    const QString problem = problemWith(m_url->text());
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        adjustSize(); // room for the message's lines
        m_url->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace concierge::ui
