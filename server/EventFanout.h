// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Dialog.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QJsonObject>

#include <optional>

namespace concierge::server {

class OperatorRepository;
class SessionRegistry;
class VisitorRepository;

/// Decides who hears about what, and pushes the events (docs/protocol.md, event tables):
/// - every operator session gets `dialog.updated`, `visitor.updated`, `operator.updated`
///   (offline operators too: they still see the lists);
/// - `message.new` and visitor `typing` go to the operators who can see the dialog: the assigned
///   one, or — while unassigned — every operator (typing: every *online* operator);
/// - the visitor gets its dialog's `message.new`, `dialog.updated`, operator `typing` and
///   `operators.available`, in the visitor-safe shapes.
class EventFanout
{
public:
    EventFanout(SessionRegistry &sessions, OperatorRepository &operators, VisitorRepository &visitors);

    /// An operator can see a dialog that is unassigned or assigned to them.
    static bool canSee(qint64 operatorId, const protocol::Dialog &dialog);
    /// Online = status online and at least one socket connected.
    bool isOperatorOnline(const protocol::OperatorInfo &info) const;

    QJsonObject visitorDialogJson(const protocol::Dialog &dialog);
    static QJsonObject visitorMessageJson(const protocol::Message &message);
    std::optional<QJsonObject> visitorJson(qint64 visitorId);

    void dialogChanged(const protocol::Dialog &dialog);
    void messageStored(const protocol::Message &message, const protocol::Dialog &dialog);
    void visitorChanged(qint64 visitorId);
    void operatorChanged(const protocol::OperatorInfo &info);
    void visitorTyping(const protocol::Dialog &dialog, bool typing);
    void operatorTyping(const protocol::Dialog &dialog, bool typing);

    bool operatorsAvailable();
    /// Tells every visitor session when availability flips.
    void refreshAvailability();

private:
    SessionRegistry &m_sessions;
    OperatorRepository &m_operators;
    VisitorRepository &m_visitors;
    std::optional<bool> m_lastAvailable;
};

} // namespace concierge::server
