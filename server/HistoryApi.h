// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ApiKeys.h"
#include "HistoryRepository.h"
#include "LoginRateLimiter.h"

#include "protocol/History.h"

#include <QFile>
#include <QHttpServerResponse>
#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <variant>

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

    /// \a maxFailuresPerAccount and \a window: the login limits (--login-max-failures,
    /// --login-window); an address may send four times the per-account number of wrong keys.
    /// \a db: the server's database (history and `api_keys`).
    HistoryApi(QSqlDatabase db, int maxFailuresPerAccount, std::chrono::seconds window);

    void addRoutes(QHttpServer &server);

    /// `q` and the filters of a search or an export.
    struct SearchFields
    {
        QString query;
        protocol::HistoryFilter filter;
    };

private:
    /// An export written to a file ready to be read from its start, or the refusal to answer.
    using Written = std::variant<std::unique_ptr<QFile>, QHttpServerResponse>;

    /// An answer for a caller who may not go on (429 or 401), or nothing when the key is good.
    std::optional<QHttpServerResponse> refusedCaller(const QHttpServerRequest &request);
    QHttpServerResponse search(const QHttpServerRequest &request);
    QHttpServerResponse dialog(const QString &idText);
    /// Answers with the download, or with a JSON refusal (400/404/500).
    void exportDialogs(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    /// The ids of the dialogs \a fields finds, newest first; stops once it has \a atMost.
    QList<qint64> matchingIds(const SearchFields &fields, int atMost);
    /// `history.txt`: the dialogs in the order of \a ids; 404 for an id that is not a dialog.
    Written writeText(const QList<qint64> &ids);
    /// `history.xlsx` through HistoryWorkbook; 404 for an id that is not a dialog.
    Written writeWorkbook(const QList<qint64> &ids);

    HistoryRepository m_history;
    ApiKeys m_keys;
    LoginRateLimiter m_wrongKeys;
};

} // namespace concierge::server
