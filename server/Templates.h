// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Frame.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"

#include <optional>

namespace concierge::server {

class ClientConnection;
class EventFanout;
class OperatorRepository;
class SessionRegistry;
class TemplateRepository;

/// The template requests of the operator endpoint (docs/protocol.md "Templates"): templates.sync,
/// template.save, template.delete and template.history, and the `template.updated` event to every
/// session of those who can see the template (the saver's own sessions included).
class Templates
{
public:
    Templates(TemplateRepository &repository, OperatorRepository &operators, SessionRegistry &sessions,
              EventFanout &fanout);

    /// The hello's `templatesRevision`.
    qint64 revision();

    void sync(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void save(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void remove(ClientConnection *connection, const protocol::OperatorInfo &me, const protocol::Frame &frame);
    void history(ClientConnection *connection, const protocol::OperatorInfo &me,
                 const protocol::Frame &frame);

private:
    /// The stored template \a id as \a me may touch it (live, theirs or shared and visible); answers
    /// not_found itself otherwise.
    std::optional<protocol::Template> visible(ClientConnection *connection, const protocol::OperatorInfo &me,
                                              const protocol::Frame &frame, qint64 id, bool liveOnly);
    /// Whether \a me could see the shared template \a item as it was at revision \a since.
    bool sawBefore(const protocol::OperatorInfo &me, const protocol::Template &item, qint64 since);
    /// `template.updated` to those who can see \a now; those who could see \a before only (a shared
    /// template moved to another department) get it as deleted.
    void announce(const protocol::Template &now,
                  const std::optional<protocol::Template> &before = std::nullopt);

    TemplateRepository &m_repository;
    OperatorRepository &m_operators;
    SessionRegistry &m_sessions;
    EventFanout &m_fanout;
};

} // namespace concierge::server
