// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/TransferTarget.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// "Transfer…": where to hand the open dialog — an available operator (connected, Online or
/// Invisible; never oneself), a department, operators speaking a language, or back to the common
/// queue — and an optional comment for the receiver. The operator list follows live statuses; a
/// chosen operator who goes away stays listed with their new status, and the server has the last
/// word when OK is pressed.
class TransferDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxCommentChars = 1000;

    explicit TransferDialog(OperatorSession *session, QWidget *parent = nullptr);

    std::optional<protocol::TransferTarget> target() const;
    QString comment() const;
    /// Selects the entry for this target; false if the dialog does not offer it.
    bool selectTarget(const protocol::TransferTarget &target);
    QTreeWidget *targetTree() const { return m_targets; }

private:
    void rebuild();
    void fillOperators(QTreeWidgetItem *group, const std::optional<protocol::TransferTarget> &keep);
    void updateOkButton();
    void limitComment();
    QTreeWidgetItem *addGroup(const QString &title);
    QTreeWidgetItem *addTarget(QTreeWidgetItem *group, const QString &text,
                               const protocol::TransferTarget &target);
    QTreeWidgetItem *findItem(const protocol::TransferTarget &target) const;

    OperatorSession *m_session;
    QTreeWidget *m_targets;
    QPlainTextEdit *m_comment;
    QLabel *m_commentCount;
    QDialogButtonBox *m_buttons;
};

} // namespace concierge::ui
