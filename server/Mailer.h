// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MailMessage.h"
#include "MailSettings.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace concierge::server {

/// Sends mail through the configured SMTP server with libcurl (STARTTLS when the server offers it,
/// required when a user name is set; connect timeout 10 s, whole transfer 60 s; at most 50 mails
/// waiting, beyond that send() answers "try again later" at once). The transfer blocks, so it runs
/// on a worker thread of the mailer's own pool: the server keeps serving its sockets while a slow
/// mail server answers.
class Mailer : public QObject
{
    Q_OBJECT

public:
    /// "" when the mail server accepted the message; else why not, in one line.
    using Done = std::function<void(const QString &error)>;

    explicit Mailer(const MailSettings &settings, QObject *parent = nullptr);
    /// Aborts transfers still running and waits for their threads.
    ~Mailer() override;

    bool isEnabled() const { return m_settings.isEnabled(); }

    /// Called on the server thread; \a done runs later on the same thread (never from inside
    /// send()). With mail off, \a done gets the reason at once (queued as well).
    void send(const OutgoingMail &mail, Done done);

private:
    void finish(Done done, const QString &error);

    MailSettings m_settings;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic_bool> m_stopping;
    int m_waiting = 0; ///< handed to the pool, outcome not yet delivered (server thread only)
};

} // namespace concierge::server
