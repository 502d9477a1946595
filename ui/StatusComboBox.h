// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The tool bar's status switch: the six statuses with their dots. Choosing one asks the server;
/// what it shows is always the server's answer (including the automatic Before lunch → Lunch), so a
/// refused change snaps back.
class StatusComboBox : public QComboBox
{
    Q_OBJECT
public:
    explicit StatusComboBox(OperatorSession *session, QWidget *parent = nullptr);

private:
    void showServerStatus();

    OperatorSession *m_session;
};

} // namespace concierge::ui
