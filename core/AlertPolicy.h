// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "AlertTypes.h"

#include <QObject>

#include <memory>

namespace concierge {

class OperatorSession;

namespace protocol {
struct Message;
}

/// Decides, from one OperatorSession's events, what deserves the operator's attention — pure
/// logic, no widgets; the app turns `alert` into a notification, a sound and a taskbar flag.
///
/// - WaitingVisitor: a dialog enters the "Waiting for reply" section of the visitor list (the
///   same rule as VisitorListModel, without its filter): waitingCount() is that section's count.
///   Its alert repeats every repeatSeconds (escalation 1, 2, …) while anyone still waits, until
///   acknowledge() — a visitor who starts waiting later alerts (and repeats) again.
/// - MessageInMyDialog: a visitor's line in an active dialog of mine while the window is not active.
/// - TransferredToMe: a dialog handed to me by someone else.
/// - ChatMention: an operator-room line by someone else naming me (my name as a word, "@" optional).
/// - IncomingCall: reserved for the voice feature (settings exist; nothing emits it yet).
///
/// Do-not-disturb: in Lunch, Personal break and Offline no alert plays a sound and nothing repeats;
/// counts and notifications still follow. Before lunch is not do-not-disturb: the operator still
/// serves the open dialogs (only new ones stop coming), and their messages must be heard.
///
/// Exactly once: every alert has a key (a dialog and the moment it started waiting, a message id,
/// a dialog and its transfer's time). A key alerts once per policy lifetime, so a resume's replay
/// or a snapshot after a reconnect never repeats an alert; what arrived meanwhile is alerted once
/// when the session is synced again. While the link is down nothing alerts (counts still follow).
/// Alerts that come out of one resync play one sound, not a burst.
class AlertPolicy : public QObject
{
    Q_OBJECT
public:
    /// `clock`: not owned, must outlive the policy; nullptr = the real clock.
    explicit AlertPolicy(OperatorSession *session, AlertClock *clock = nullptr, QObject *parent = nullptr);
    ~AlertPolicy() override;

    void setSettings(const AlertSettings &settings);
    AlertSettings settings() const;
    /// Whether the main window is the active window; a message in my dialog alerts only when not.
    void setWindowActive(bool active);
    /// The operator saw it: the waiting visitor's alert stops repeating and attention is cleared
    /// until something new arrives.
    void acknowledge();

    int waitingCount() const;
    /// Something alerted that the operator has not acknowledged yet (tray blinks, taskbar flag).
    bool needsAttention() const;
    /// Lunch, Personal break or Offline: no sounds, no repeats.
    bool doNotDisturb() const;

Q_SIGNALS:
    void alert(const concierge::Alert &alert);
    void waitingCountChanged(int count);
    void attentionChanged(bool needsAttention);

private:
    void onDialogChanged(qint64 dialogId);
    void onMessage(const protocol::Message &message);
    void onChatMessage(const protocol::Message &message);
    void onSynced(bool resumed);
    void recomputeAll();
    void refreshWaiting(); ///< the Waiting section's dialogs again, without alerting
    void scanAfterSnapshot();
    bool isWaitingForMe(qint64 dialogId) const;
    void updateWaiting(qint64 dialogId);
    void checkWaitingAlert(qint64 dialogId, bool alreadyAlerted);
    bool checkTransfer(qint64 dialogId); ///< true: alerted
    void emitAlert(Alert alert);
    void setAttention(bool waiting, bool unseen);
    void scheduleRepeat();
    void onRepeat(quint64 generation);
    bool linkUp() const;

    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace concierge
