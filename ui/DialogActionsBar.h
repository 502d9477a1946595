// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class BanDialog;
class TranscriptRecipientDialog;

/// The row under the dialog header: the dialog's category (a picker for whoever may change the
/// dialog, plain text for the others), "Request contact details" (Ctrl+Shift+C) and "Ban visitor…"
/// (Ctrl+Shift+B, after a confirmation), "Email the transcript…" (Ctrl+Shift+E, to an operator
/// picked from those with an email; disabled while the server has no mail). Only what the operator may do now is offered; the server
/// has the last word, and its refusals come out as failed(), for the pane to show.
class DialogActionsBar : public QWidget
{
    Q_OBJECT
public:
    explicit DialogActionsBar(OperatorSession *session, QWidget *parent = nullptr);

    /// The visitor on screen and their dialog (0: none).
    void showVisitor(qint64 visitorId, qint64 dialogId);
    void refresh();
    /// Opens the ban confirmation for the visitor on screen; null when they cannot be banned now.
    BanDialog *openBanDialog();
    void requestContact();
    /// Opens the transcript's recipient picker for the dialog on screen; null when it cannot be
    /// mailed now (no dialog, Offline, the server has no mail).
    TranscriptRecipientDialog *openTranscriptDialog();
    QPushButton *transcriptButton() const { return m_transcriptButton; }
    QComboBox *categoryCombo() const { return m_categoryCombo; }
    /// The category as text, for whoever may not change it.
    QLabel *categoryValueLabel() const { return m_categoryValue; }

Q_SIGNALS:
    /// A request of this bar was refused; \a text says so in the operator's language.
    void failed(const QString &text);
    /// A request of this bar went through (the transcript was mailed); \a text says to whom.
    void succeeded(const QString &text);

private:
    void buildActions();
    void fillCategories();
    void onCategoryChosen(int index);
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
    bool mayBan() const;
    /// Why the transcript cannot be mailed now; empty when it can.
    QString transcriptUnavailableReason() const;

    OperatorSession *m_session;
    qint64 m_visitorId = 0;
    qint64 m_dialogId = 0;
    QLabel *m_categoryLabel;
    QComboBox *m_categoryCombo;
    QLabel *m_categoryValue;
    QPushButton *m_contactButton;
    QPushButton *m_banButton;
    QPushButton *m_transcriptButton;
    QAction *m_transcriptAction = nullptr;
    QPointer<TranscriptRecipientDialog> m_transcriptDialog;
    QAction *m_contactAction = nullptr;
    QAction *m_categoryAction = nullptr;
    QAction *m_banAction = nullptr;
    QPointer<BanDialog> m_banDialog;
};

} // namespace concierge::ui
