// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusComboBox.h"

#include "OperatorSession.h"
#include "StatusPresentation.h"

namespace concierge::ui {

using protocol::OperatorStatus;

StatusComboBox::StatusComboBox(OperatorSession *session, QWidget *parent)
    : QComboBox(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("statusCombo"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const OperatorStatus status : protocol::allOperatorStatuses())
        addItem(StatusPresentation::icon(status), StatusPresentation::name(status), static_cast<int>(status));
    setToolTip(tr("Only Online operators get new dialogs. Offline closes dialogs and the operator chat."));

    connect(this, &QComboBox::activated, this, [this](int row) {
        const auto status = static_cast<OperatorStatus>(itemData(row).toInt());
        if (status != m_session->self().status)
            m_session->setStatus(status);
    });
    connect(session, &OperatorSession::selfChanged, this, &StatusComboBox::showServerStatus);
    connect(session, &OperatorSession::loggedIn, this, &StatusComboBox::showServerStatus);
    connect(session, &OperatorSession::requestFailed, this, [this](const QString &requestType) {
        if (requestType == u"status.set")
            showServerStatus();
    });
    showServerStatus();
}

void StatusComboBox::showServerStatus()
{
    const int row = findData(static_cast<int>(m_session->self().status));
    if (row >= 0)
        setCurrentIndex(row);
}

} // namespace concierge::ui
