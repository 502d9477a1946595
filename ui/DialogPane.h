// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/TransferTarget.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QLabel;
class QListView;
class QPushButton;
class QStackedWidget;
class QTabBar;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class DialogActionsBar;
class DialogFiles;
class NoticeBar;
class OperatorChatPane;
class ReplyEditor;
class ReplyTemplates;
class TransferDialog;

/// Middle pane. A switch between the visitor's dialog and the operator room (Ctrl+1 / Ctrl+2).
/// The dialog view: history, a typing line, the reply box and the dialog's actions (take, transfer,
/// close; take over for supervisors watching someone else's dialog; category, contact request and
/// ban in a DialogActionsBar), and the visitor's rating once given. Offline operators see a notice
/// instead of the reply box.
class DialogPane : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Visitor = 0, Operators = 1 };

    explicit DialogPane(OperatorSession *session, QWidget *parent = nullptr);

    /// Shows this visitor's dialog (dialogId 0: the visitor has not started a chat).
    void showVisitor(qint64 visitorId, qint64 dialogId);
    qint64 dialogId() const { return m_dialogId; }
    void setMode(Mode mode);
    Mode mode() const;
    OperatorChatPane *operatorChatPane() const { return m_chatPane; }
    /// Opens the transfer dialog for the dialog on screen (Ctrl+T); returns it, or null when the
    /// dialog cannot be transferred now.
    TransferDialog *openTransferDialog();
    DialogActionsBar *actionsBar() const { return m_actionsBar; }
    DialogFiles *files() const { return m_files; }
    /// Template suggestions and "Save as my template" of the reply box.
    ReplyTemplates *templates() const { return m_templates; }

private:
    void buildActions();
    void refreshHeader();
    void sendReply(const QString &text);
    void followVisitorDialog(qint64 dialogId);
    void scrollToBottomIfFollowing();
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
    /// Why a transfer to \a target was refused as Unavailable, in the operator's language.
    QString unavailableText(const protocol::TransferTarget &target) const;
    void updateOperatorsTab();
    bool mayTransfer() const;

    OperatorSession *m_session;
    qint64 m_visitorId = 0;
    qint64 m_dialogId = 0;
    int m_unreadChatLines = 0;

    QTabBar *m_modeTabs;
    QStackedWidget *m_modes;
    QStackedWidget *m_stack;
    QLabel *m_emptyLabel;
    QLabel *m_titleLabel;
    QLabel *m_stateLabel;
    QLabel *m_ratingLabel;
    DialogActionsBar *m_actionsBar;
    QPushButton *m_takeButton;
    QPushButton *m_transferButton;
    QPushButton *m_closeButton;
    NoticeBar *m_watchBanner;
    NoticeBar *m_notice;
    QListView *m_historyView;
    QLabel *m_typingLabel;
    NoticeBar *m_offlineBar;
    QWidget *m_replyRow;
    ReplyEditor *m_replyEdit;
    QPushButton *m_sendButton;
    OperatorChatPane *m_chatPane;
    DialogFiles *m_files;
    ReplyTemplates *m_templates;
    QPointer<TransferDialog> m_transferDialog;
    std::optional<protocol::TransferTarget>
        m_sentTransfer; ///< the last transfer asked for, to word a refusal
};

} // namespace concierge::ui
