// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QWidget>

class QLabel;
class QLineEdit;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The tool bar's "Teleport code" box (docs/protocol.md, "Teleport"): the operator types the six
/// digits a visitor reads out from the site's page block and presses Enter; the visitor found is
/// announced by visitorFound() for the window to open their card. A code that is not six digits,
/// or that the server does not know, is explained beside the box.
class TeleportCodeField : public QWidget
{
    Q_OBJECT
public:
    explicit TeleportCodeField(OperatorSession *session, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    /// Beside the box: why the last code found nobody (hidden otherwise).
    QLabel *messageLabel() const { return m_message; }
    /// Puts the cursor in the box, its text selected (the window's shortcut).
    void focusEdit();
    void search();

Q_SIGNALS:
    void visitorFound(qint64 visitorId);

private:
    void showMessage(const QString &text);
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);

    OperatorSession *m_session;
    QLineEdit *m_edit;
    QLabel *m_message;
    bool m_searching = false; ///< a teleport.find of ours is on its way
};

} // namespace concierge::ui
