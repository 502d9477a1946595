// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Moderation.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// "Bans…" (admins): the bans in force, newest first — who or which address, why, by whom, since
/// when, until when — and "Lift ban" for the selected one after a confirmation. Asks the server
/// when opened and again after every lift, so it shows what the server holds, not a guess.
class BansDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { WhoColumn, ReasonColumn, ByColumn, SinceColumn, ExpiresColumn };

    explicit BansDialog(OperatorSession *session, QWidget *parent = nullptr);

    QTreeWidget *banTree() const { return m_tree; }
    /// The open "Lift this ban?" question, if any (for tests).
    QMessageBox *liftConfirmation() const { return m_confirm; }
    void refresh();
    /// Asks to lift the selected ban; does nothing without a selection.
    void liftSelected();

private:
    void fill(const QList<protocol::Ban> &bans);
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
    void updateButtons();
    QString who(const protocol::Ban &ban) const;

    OperatorSession *m_session;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPushButton *m_liftButton;
    QPushButton *m_refreshButton;
    QPointer<QMessageBox> m_confirm;
};

} // namespace concierge::ui
