// SPDX-License-Identifier: GPL-3.0-or-later
#include "TeleportCodeField.h"

#include "OperatorSession.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>

namespace concierge::ui {

namespace {
constexpr int kCodeDigits = 6;
}

TeleportCodeField::TeleportCodeField(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_edit(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("teleportCodeField"));
    m_edit->setObjectName(QStringLiteral("teleportCodeEdit"));
    m_message->setObjectName(QStringLiteral("teleportMessageLabel"));
    m_edit->setPlaceholderText(tr("Teleport code"));
    m_edit->setToolTip(tr("The six digits a visitor reads out from the site's phone support block; "
                          "Enter opens their card (Ctrl+Shift+T)"));
    m_edit->setClearButtonEnabled(true);
    // Digits, and the space the page shows in the middle ("482 913").
    m_edit->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,9}")), m_edit));
    m_edit->setMaximumWidth(m_edit->fontMetrics().horizontalAdvance(tr("Teleport code")) * 2);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    m_message->hide();

    // As wide as the box and its message, no wider: the tool bar would otherwise stretch it.
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);

    connect(m_edit, &QLineEdit::returnPressed, this, &TeleportCodeField::search);
    connect(m_edit, &QLineEdit::textEdited, m_message, &QWidget::hide);
    connect(session, &OperatorSession::teleportCodeFound, this, [this](const protocol::Visitor &visitor) {
        if (!m_searching)
            return;
        m_searching = false;
        m_message->hide();
        m_edit->clear(); // a code is good for one visitor; the next one will read out another
        Q_EMIT visitorFound(visitor.id);
    });
    connect(session, &OperatorSession::requestFailed, this, &TeleportCodeField::onRequestFailed);
}

void TeleportCodeField::focusEdit()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void TeleportCodeField::search()
{
    QString digits = m_edit->text();
    digits.remove(u' ');
    if (digits.size() != kCodeDigits) {
        showMessage(tr("A teleport code has six digits."));
        return;
    }
    m_message->hide();
    m_searching = true;
    m_session->findByTeleportCode(digits);
}

void TeleportCodeField::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->show();
}

void TeleportCodeField::onRequestFailed(const QString &requestType, protocol::ErrorCode code,
                                        const QString &message)
{
    if (requestType != u"teleport.find")
        return;
    m_searching = false;
    showMessage(code == protocol::ErrorCode::NotFound
                    ? tr("No visitor has this code. Codes last 10 minutes; ask the visitor for a new one.")
                    : tr("The code was not looked up: %1").arg(message));
    m_edit->selectAll();
}

} // namespace concierge::ui
