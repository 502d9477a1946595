// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace concierge::server {

class ModerationRepository;
class OperatorRepository;
class SessionRegistry;
class VisitorRepository;

/// Decides who hears about what, and pushes the events (docs/protocol.md, "Roles and who sees
/// which dialog" and the event tables):
/// - `dialog.updated`, `message.new` and the visitor's `typing` go to the operators who can see the
///   dialog (a `dialog.updated` also to those who could see it before, so they drop it);
/// - `visitor.updated`, `operator.updated` and `chat.message` go to every operator session;
/// - the visitor gets its dialog's `message.new`, `dialog.updated`, operator `typing` and
///   `operators.available`, in the visitor-safe shapes.
class EventFanout
{
public:
    EventFanout(SessionRegistry &sessions, OperatorRepository &operators, VisitorRepository &visitors,
                ModerationRepository &moderation, bool hideOthersDialogs);

    bool hideOthersDialogs() const { return m_hideOthersDialogs; }
    /// Unassigned, theirs, or anyone's for supervisors (and for everyone while the setting allows).
    bool canSee(const protocol::OperatorInfo &viewer, const protocol::Dialog &dialog) const;
    /// Open, unassigned or theirs, and they are not Offline.
    static bool canChange(const protocol::OperatorInfo &viewer, const protocol::Dialog &dialog);
    /// The operator as stored, with `connected` filled in from the live sockets.
    std::optional<protocol::OperatorInfo> operatorInfo(qint64 operatorId);
    QList<protocol::OperatorInfo> allOperators();

    QJsonObject visitorDialogJson(const protocol::Dialog &dialog);
    /// Visitor-safe: no operator ids; a system line's wording is left to the widget.
    static QJsonObject visitorMessageJson(const protocol::Message &message);
    std::optional<QJsonObject> visitorJson(qint64 visitorId);

    /// \a previousOperatorId: who had the dialog before this change (-1: unchanged).
    void dialogChanged(const protocol::Dialog &dialog, qint64 previousOperatorId = -1);
    void messageStored(const protocol::Message &message, const protocol::Dialog &dialog);
    void chatLineStored(const protocol::Message &line);
    void visitorChanged(qint64 visitorId);
    /// Status, presence, languages…: tells every operator session.
    void operatorChanged(qint64 operatorId);
    /// The operator's avatar changed: the visitors of their open dialogs (among \a openDialogs) get a
    /// `dialog.updated` with the new `operatorAvatarUrl`. Operators learn it from operatorChanged().
    void operatorLookChanged(qint64 operatorId, const QList<protocol::Dialog> &openDialogs);
    void visitorTyping(const protocol::Dialog &dialog, bool typing);
    void operatorTyping(const protocol::Dialog &dialog, bool typing);

    /// Whom visitors can reach now: `{"available": bool, "departments": [Department]}` (docs/protocol.md,
    /// `operators.available`). Tells every visitor session when it differs from what they were
    /// last told, and returns it.
    QJsonObject refreshAvailability();

private:
    QHash<qint64, protocol::OperatorInfo> operatorsById();

    SessionRegistry &m_sessions;
    OperatorRepository &m_operators;
    VisitorRepository &m_visitors;
    ModerationRepository &m_moderation;
    bool m_hideOthersDialogs;
    std::optional<QJsonObject> m_lastAvailability;
};

} // namespace concierge::server
