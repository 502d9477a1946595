// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>
#include <QTimer>

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// Status-bar line that always says whether the operator is really connected:
/// "Connected", "Reconnecting in 4 s…", "Offline — 2 unsent replies".
class ConnectionStatusLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ConnectionStatusLabel(OperatorSession *session, QWidget *parent = nullptr);

    /// The text for a state, exposed so tests and the tray can share the wording.
    static QString describe(const OperatorSession &session);

private:
    void refresh();

    OperatorSession *m_session;
    QTimer m_countdown; ///< ticks while a retry is scheduled so the seconds count down
};

} // namespace concierge::ui
