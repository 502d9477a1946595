// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKeys.h"
#include "HistoryExports.h"
#include "HistoryRepository.h"
#include "LoginRateLimiter.h"

#include "protocol/History.h"

#include <QHttpServerResponse>
#include <QString>

#include <optional>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponder;

namespace concierge::server {

/// The history for other systems (docs/protocol.md, "The HTTP API for integrations"):
/// `GET /v1/api/history` (what `history.search` answers), `GET /v1/api/history/<id>` (what
/// `history.dialog` answers) and `GET /v1/api/history/export` (a `history.txt` or `history.xlsx`
/// download). Every request carries `Authorization: Bearer ck_…`; a key sees every dialog.
///
/// Wrong keys are counted per address in the login limits' window: past the limit every request
/// from that address, even one with a good key, gets 429 with `Retry-After` until the oldest
/// wrong key leaves the window.
class HistoryApi
{
public:
    /// At most this many dialogs in one export; more asks the caller to narrow the search.
    static constexpr int kMaxExportDialogs = 10000;

    /// How exports are limited; the defaults are the contract's.
    struct ExportLimits
    {
        int maxDialogs = kMaxExportDialogs; ///< hidden --api-export-max-dialogs (tests lower it)
        int paceMs = 0; ///< hidden --api-export-pace-ms: each dialog takes at least this long (tests)
    };

    /// \a maxFailuresPerAccount and \a window: the login limits (--login-max-failures,
    /// --login-window); an address may send four times the per-account number of wrong keys.
    /// \a db: the server's database (history and `api_keys`); exports open its file themselves, on
    /// worker threads (HistoryExports).
    HistoryApi(QSqlDatabase db, int maxFailuresPerAccount, std::chrono::seconds window,
               ExportLimits exportLimits);

    void addRoutes(QHttpServer &server);
    /// Drops the exports still being written, unanswered. Call before the QHttpServer goes.
    void stopExports();

    /// `q` and the filters of a search or an export.
    struct SearchFields
    {
        QString query;
        protocol::HistoryFilter filter;
    };

private:
    /// An answer for a caller who may not go on (429 or 401), or nothing when the key is good.
    std::optional<QHttpServerResponse> refusedCaller(const QHttpServerRequest &request);
    QHttpServerResponse search(const QHttpServerRequest &request);
    QHttpServerResponse dialog(const QString &idText);
    /// Checks the request and hands the export to a worker (HistoryExports), or refuses it at once
    /// (400, or 503 while kMaxRunning exports are being written).
    void exportDialogs(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /// On the main thread once a worker is done: the download, or a JSON refusal (400/404/500).
    void answerExport(HistoryExportWriter::Outcome &&outcome, QHttpServerResponder &&responder);

    HistoryRepository m_history;
    ApiKeys m_keys;
    LoginRateLimiter m_wrongKeys;
    ExportLimits m_exportLimits;
    HistoryExports m_exports;
};

} // namespace concierge::server
