// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace concierge::ui {

/// Words the history's system lines ("transfer", "takeover", "contact.requested", "contact.given",
/// "rating", "ban"; the operator-only mail lines "transcript.sent", "email.sent", "email.failed")
/// from their `meta`, in the app's language: the server stores facts, each client
/// tells them in its own words (docs/protocol.md, "Transfer", "Supervisors", "Dialog actions").
/// The result is plain text.
class SystemLineText
{
    Q_DECLARE_TR_FUNCTIONS(SystemLineText)
public:
    /// Empty for an event this build does not know: show the line's own text then.
    static QString describe(const QString &event, const QJsonObject &meta);

private:
    static QString transfer(const QJsonObject &meta);
    static QString takeover(const QJsonObject &meta);
    static QString contactRequested(const QJsonObject &meta);
    static QString contactGiven(const QJsonObject &meta);
    static QString rating(const QJsonObject &meta);
    static QString ban(const QJsonObject &meta);
    static QString transcriptSent(const QJsonObject &meta);
};

} // namespace concierge::ui
