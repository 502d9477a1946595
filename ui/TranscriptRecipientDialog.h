// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QDialog>

class QDialogButtonBox;
class QListWidget;

namespace concierge::ui {

/// "Email the transcript…": whom to send dialog #N's transcript to — every operator with an email
/// address, online or not (docs/protocol.md, "Mail"), the operator themself first, the others by
/// name. OK reads "Send"; a double-click sends too. Holds no rules: the caller sends the choice.
class TranscriptRecipientDialog : public QDialog
{
    Q_OBJECT
public:
    TranscriptRecipientDialog(qint64 dialogId, const QList<protocol::OperatorInfo> &operators, qint64 selfId,
                              QWidget *parent = nullptr);

    /// The chosen operator; 0 if none.
    qint64 recipientId() const;
    QListWidget *recipientList() const { return m_list; }

private:
    QListWidget *m_list;
    QDialogButtonBox *m_buttons;
};

} // namespace concierge::ui
