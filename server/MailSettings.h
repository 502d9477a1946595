// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace concierge::server {

/// How the server reaches its mail server (docs/protocol.md "Mail"): `--smtp-url`, `--smtp-from`,
/// `--smtp-user`, and the password from the environment only (CONCIERGE_SMTP_PASSWORD), so it is
/// never written into a config file or seen in the process list.
struct MailSettings
{
    QString url;  ///< smtp://host:port or smtps://host:port; empty: mail is off
    QString from; ///< "chat@example.com" or "Example Chat <chat@example.com>" (ASCII)
    QString user;
    QString password;

    bool isEnabled() const { return !url.isEmpty(); }
};

} // namespace concierge::server
