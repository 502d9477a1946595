// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionStatusLabel.h"

#include "OperatorSession.h"

namespace concierge::ui {

ConnectionStatusLabel::ConnectionStatusLabel(OperatorSession *session, QWidget *parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("connectionStatusLabel"));
    setTextFormat(Qt::PlainText);
    m_countdown.setInterval(500);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionStatusLabel::refresh);
    connect(session, &OperatorSession::connectionStateChanged, this, &ConnectionStatusLabel::refresh);
    connect(session, &OperatorSession::pendingReplyCountChanged, this, &ConnectionStatusLabel::refresh);
    refresh();
}

QString ConnectionStatusLabel::describe(const OperatorSession &session)
{
    const int unsent = session.pendingReplyCount();
    QString text;
    switch (session.connectionState()) {
    case ConnectionState::Connected:
        text = tr("Connected");
        break;
    case ConnectionState::Connecting:
        text = tr("Connecting…");
        break;
    case ConnectionState::Reconnecting:
        text = tr("Connection lost — reconnecting in %n s", nullptr, qMax(1, session.secondsUntilRetry()));
        break;
    case ConnectionState::Disconnected:
        text = tr("Offline");
        break;
    }
    if (unsent > 0 && session.connectionState() != ConnectionState::Connected)
        text += QStringLiteral(" — ") + tr("%n unsent reply(s)", nullptr, unsent);
    return text;
}

void ConnectionStatusLabel::refresh()
{
    const ConnectionState state = m_session->connectionState();
    setText(describe(*m_session));
    const char *color = state == ConnectionState::Connected ? "#2e7d32"
                      : state == ConnectionState::Disconnected ? "#c62828"
                                                               : "#ef6c00";
    setStyleSheet(QStringLiteral("QLabel { color: %1; padding: 0 6px; }").arg(QLatin1String(color)));
    if (state == ConnectionState::Reconnecting && !m_countdown.isActive())
        m_countdown.start();
    else if (state != ConnectionState::Reconnecting)
        m_countdown.stop();
}

} // namespace concierge::ui
