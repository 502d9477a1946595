// SPDX-License-Identifier: GPL-3.0-or-later
#include "BanDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace concierge::ui {

BanDialog::BanDialog(const QString &visitorName, const QString &ip, QWidget *parent)
    : QDialog(parent)
    , m_visitorName(visitorName)
    , m_warning(new QLabel(this))
    , m_reason(new QLineEdit(this))
    , m_duration(new QComboBox(this))
    , m_byIp(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("banDialog"));
    setWindowTitle(tr("Ban the visitor"));
    m_warning->setObjectName(QStringLiteral("banWarningLabel"));
    m_reason->setObjectName(QStringLiteral("banReasonEdit"));
    m_duration->setObjectName(QStringLiteral("banDurationCombo"));
    m_byIp->setObjectName(QStringLiteral("banIpCheckBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("banOkButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Ban"));
    // Our own word: Qt's translations of its standard buttons are not always installed.
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    // A ban is not undone by pressing Enter in the wrong window: Cancel is the default.
    m_buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);

    m_warning->setTextFormat(Qt::PlainText); // the name came from a browser
    m_warning->setWordWrap(true);
    m_warning->setMinimumWidth(380);
    m_warning->setStyleSheet(QStringLiteral("QLabel { background: #fde7e7; border: 1px solid #d66; "
                                            "border-radius: 4px; padding: 8px; color: #202020; }"));
    m_reason->setMaxLength(kMaxReasonChars);
    m_reason->setPlaceholderText(tr("Optional; colleagues see it in the history"));
    m_reason->setClearButtonEnabled(true);
    // Hours, as the server takes them; 0: for good.
    m_duration->addItem(tr("1 hour"), 1);
    m_duration->addItem(tr("1 day"), 24);
    m_duration->addItem(tr("1 week"), 24 * 7);
    m_duration->addItem(tr("Forever"), 0);
    m_duration->setCurrentIndex(1);
    m_byIp->setText(tr("Also ban their IP address (%1)").arg(ip));
    m_byIp->setToolTip(tr(
        "Everyone who writes from this address is refused too — possibly a whole office or mobile network."));
    m_byIp->setVisible(!ip.isEmpty());

    auto *form = new QFormLayout;
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(tr("&Duration:"), m_duration);
    form->addRow(QString(), m_byIp);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_warning);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_byIp, &QCheckBox::toggled, this, &BanDialog::updateWarning);
    updateWarning();
    m_reason->setFocus();
}

QString BanDialog::reason() const
{
    return m_reason->text().trimmed();
}

int BanDialog::hours() const
{
    return m_duration->currentData().toInt();
}

bool BanDialog::byIp() const
{
    return !m_byIp->isHidden() && m_byIp->isChecked();
}

void BanDialog::updateWarning()
{
    QString text = tr("%1 will not be able to write to you any more: their open dialog is closed and "
                      "the chat window shows them a neutral notice.")
                       .arg(m_visitorName);
    if (m_byIp->isChecked())
        text += QLatin1Char(' ') + tr("Anyone else writing from the same IP address is refused as well.");
    m_warning->setText(text);
}

} // namespace concierge::ui
