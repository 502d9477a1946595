// SPDX-License-Identifier: GPL-3.0-or-later
#include "TranscriptRecipientDialog.h"

#include <QCollator>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace concierge::ui {

TranscriptRecipientDialog::TranscriptRecipientDialog(qint64 dialogId,
                                                     const QList<protocol::OperatorInfo> &operators,
                                                     qint64 selfId, QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("transcriptRecipientDialog"));
    setWindowTitle(tr("Email the transcript"));
    m_list->setObjectName(QStringLiteral("transcriptRecipientList"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Send"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    // Me first (the usual case: a copy for myself), then colleagues by name; only those the mail
    // can reach.
    QList<protocol::OperatorInfo> recipients;
    for (const protocol::OperatorInfo &info : operators) {
        if (!info.email.trimmed().isEmpty())
            recipients.append(info);
    }
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(recipients.begin(), recipients.end(), [&](const auto &a, const auto &b) {
        if ((a.id == selfId) != (b.id == selfId))
            return a.id == selfId;
        return collator.compare(a.name, b.name) < 0;
    });
    for (const protocol::OperatorInfo &info : recipients) {
        // List items are plain text: a name is shown as typed, never as markup.
        const QString text = info.id == selfId ? tr("%1 (%2) — you", "name, email").arg(info.name, info.email)
                                               : tr("%1 (%2)", "name, email").arg(info.name, info.email);
        auto *item = new QListWidgetItem(text, m_list);
        item->setData(Qt::UserRole, info.id);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);

    auto *intro = new QLabel(tr("Send the text of dialog #%1 to:").arg(dialogId), this);
    intro->setWordWrap(true);
    auto *note = new QLabel(tr("Operators without an email address in their profile are not listed."), this);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(note);
    layout->addWidget(m_buttons);
    setMinimumWidth(380);

    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_list->currentItem() != nullptr);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *current) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(current != nullptr);
    });
    connect(m_list, &QListWidget::itemDoubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

qint64 TranscriptRecipientDialog::recipientId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toLongLong() : 0;
}

} // namespace concierge::ui
