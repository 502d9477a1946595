// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"
#include "protocol/HistoryText.h"
#include "protocol/Message.h"

#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>
#include <optional>

namespace concierge::server {

/// The history as docs/protocol.md "History" defines it, for the operator endpoint's
/// history.* requests and the HTTP API: who sees which dialogs, pages for the app's backfill,
/// full-text search (the FTS5 tables HistorySearchIndex keeps; HistoryRepositorySearch.cpp), one
/// dialog with its lines. Main thread only (the server's one database connection).
class HistoryRepository
{
public:
    /// Who is looking. Supervisors, admins and API keys see every dialog; an operator sees the
    /// dialogs they took part in (assigned to them now, or with a line they wrote).
    struct Viewer
    {
        qint64 operatorId = 0;
        bool seesAll = false;

        static Viewer everything() { return {0, true}; }
    };

    /// A page of history.page: dialogs newest first, every line of each, oldest first.
    struct Page
    {
        QList<protocol::HistoryDialog> dialogs;
        QList<protocol::Message> messages;
        qint64 nextBeforeId = 0; ///< 0: this was the last page
    };

    /// A page of history.search.
    struct SearchPage
    {
        QList<protocol::HistoryHit> hits;
        qint64 nextBeforeId = 0; ///< 0: there are no more
    };

    /// One dialog and every line of it, oldest first.
    struct DialogWithLines
    {
        protocol::HistoryDialog dialog;
        QList<protocol::Message> messages;
    };

    /// A page stops adding dialogs once its lines would pass this much text (UTF-8 bytes, plus
    /// an allowance per line for the JSON around it), so an answer stays under the frame limit.
    static constexpr qint64 kPageTextBudget = 512 * 1024;
    /// The contract's limits: history.page 1–100 (default 50), history.search 1–200 (default 50).
    static constexpr int kMaxPageLimit = 100;
    static constexpr int kMaxSearchLimit = 200;
    static constexpr int kDefaultLimit = 50;
    /// history.search refuses a longer query.
    static constexpr int kMaxQueryLength = 500;

    explicit HistoryRepository(QSqlDatabase db);

    /// Whether \a dialogId is in \a viewer's history (false when there is no such dialog).
    bool canView(const Viewer &viewer, qint64 dialogId);
    /// How many dialogs \a viewer can see in all.
    qint64 total(const Viewer &viewer);
    /// Dialogs with id < \a beforeId (0: from the newest), at most \a limit, within the text budget.
    Page page(const Viewer &viewer, qint64 beforeId, int limit);
    /// Dialogs matching \a queryText (HistoryText::parse; "" or no words: every dialog) and
    /// \a filter, with id < \a beforeId (0: from the newest), newest first, at most \a limit.
    SearchPage search(const Viewer &viewer, const QString &queryText, const protocol::HistoryFilter &filter,
                      qint64 beforeId, int limit);
    /// Only the ids of search(): up to \a limit (at least 1, no upper cap) dialogs matching
    /// \a queryText and \a filter below \a beforeId (0: from the newest), newest first — no
    /// visitors or snippets built (the HTTP API's export).
    QList<qint64> searchIds(const Viewer &viewer, const QString &queryText, const protocol::HistoryFilter &filter,
                            int limit, qint64 beforeId = 0);
    /// The dialog with its lines, within kPageTextBudget: when every line would not fit, the
    /// newest that do (at least one) and `messagesTruncated` (history.get with beforeId brings the
    /// rest); \a wholeDialog: every line however long (no frame to fit, e.g. an HTTP answer).
    /// Nothing when \a viewer cannot see it or it does not exist.
    std::optional<DialogWithLines> dialog(const Viewer &viewer, qint64 dialogId, bool wholeDialog = false);
    /// The HistoryDialog of \a dialogId (no access check): the visitor as at the time of the dialog.
    std::optional<protocol::HistoryDialog> historyDialog(qint64 dialogId);
    /// Up to \a limit lines of \a dialogId just before message \a beforeMessageId (0: the newest),
    /// oldest first (no access check).
    QList<protocol::Message> lines(qint64 dialogId, qint64 beforeMessageId, int limit);

private:
    /// Up to \a limit dialogs with id < \a before that \a viewer sees and \a filter lets through,
    /// newest first. An operator's are read from their own indexes (dialogs_by_operator,
    /// messages_by_operator), never by visiting every dialog.
    QList<qint64> visibleDialogs(const Viewer &viewer, const protocol::HistoryFilter &filter, qint64 before, int limit);
    /// \a sql, prepared once per repository (preparing costs more than running the look-ups a
    /// page of hits makes), run with \a values; nullptr on an SQL failure. finish() it when read.
    QSqlQuery *run(const QString &sql, const QVariantList &values);
    /// The first line of \a dialogId (oldest first) that \a linesMatch finds, as a snippet.
    std::optional<protocol::HistorySnippet> lineSnippet(qint64 dialogId, const QString &linesMatch,
                                                        const protocol::HistoryText::Query &query);

    QSqlDatabase m_db;
    std::map<QString, QSqlQuery> m_statements; ///< by SQL text; a node's query never moves
};

} // namespace concierge::server
