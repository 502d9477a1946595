// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryApi.h"

#include "DownloadHeaders.h"
#include "HistoryRepository.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QFile>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

namespace concierge::server {

using namespace Qt::StringLiterals;
using protocol::HistoryFilter;
using StatusCode = QHttpServerResponder::StatusCode;
using Method = QHttpServerRequest::Method;

namespace {

/// Wrong keys share the login limiter's per-address count under this one name; its per-account
/// count is cleared after each failure (recordSuccess), so only the address limit applies.
const QString kWrongKeyAccount = u"api key"_s;
using Viewer = HistoryRepository::Viewer;
constexpr int kMaxQueryChars = HistoryRepository::kMaxQueryLength;
constexpr int kMaxSearchLimit = HistoryRepository::kMaxSearchLimit;
constexpr int kDefaultLimit = HistoryRepository::kDefaultLimit;
/// What a caller over the limit of exports at once is told to wait, in seconds.
constexpr int kExportRetryAfter = 5;
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A finished export's file, gone once the responder has sent it and deletes it (or once it
/// could not be opened).
class RemovedWhenDeleted : public QFile
{
public:
    using QFile::QFile;
    ~RemovedWhenDeleted() override
    {
        close();
        remove();
    }
};

/// `{"error": {"code", "message"}}` with \a status.
QHttpServerResponse errorResponse(StatusCode status, const QString &code, const QString &message,
                                  const QJsonObject &extra = {})
{
    QJsonObject error = extra;
    error.insert(u"code"_s, code);
    error.insert(u"message"_s, message);
    return QHttpServerResponse(QJsonObject{{u"error"_s, error}}, status);
}

QHttpServerResponse badRequest(const QString &message)
{
    return errorResponse(StatusCode::BadRequest, u"bad_request"_s, message);
}

QString bearerKey(const QHttpServerRequest &request)
{
    const QByteArray header = request.value("Authorization").trimmed();
    if (header.size() < 7 || qstrnicmp(header.constData(), "Bearer ", 7) != 0)
        return {};
    return QString::fromLatin1(header.mid(7).trimmed());
}

/// Reads the query parameters of a request; the first bad one is kept in `error`, a sentence that
/// names it, and the rest are not looked at.
class Parameters
{
public:
    explicit Parameters(const QUrlQuery &query)
        : m_query(query)
    {
    }

    bool has(const QString &name) const { return m_query.hasQueryItem(name); }
    QString text(const QString &name) const { return m_query.queryItemValue(name, QUrl::FullyDecoded); }

    /// A positive integer; 0 when absent.
    qint64 id(const QString &name)
    {
        if (!has(name) || !error.isEmpty())
            return 0;
        bool ok = false;
        const qint64 value = text(name).toLongLong(&ok);
        if (!ok || value <= 0)
            fail(u"\"%1\" must be a positive whole number, not \"%2\""_s.arg(name, shown(name)));
        return ok && value > 0 ? value : 0;
    }

    int integer(const QString &name, int min, int max, int fallback)
    {
        if (!has(name) || !error.isEmpty())
            return fallback;
        bool ok = false;
        const int value = text(name).toInt(&ok);
        if (!ok || value < min || value > max) {
            fail(u"\"%1\" must be a whole number from %2 to %3, not \"%4\""_s.arg(name).arg(min).arg(max).arg(
                shown(name)));
            return fallback;
        }
        return value;
    }

    QDate date(const QString &name)
    {
        if (!has(name) || !error.isEmpty())
            return {};
        const QDate value = QDate::fromString(text(name), u"yyyy-MM-dd"_s);
        if (!value.isValid())
            fail(u"\"%1\" must be a day as yyyy-MM-dd, not \"%2\""_s.arg(name, shown(name)));
        return value;
    }

    /// 1/true or 0/false (absent: false).
    bool flag(const QString &name)
    {
        if (!has(name) || !error.isEmpty())
            return false;
        const QString value = text(name).toLower();
        if (value == u"1" || value == u"true")
            return true;
        if (value != u"0" && value != u"false")
            fail(u"\"%1\" must be 1 or 0, not \"%2\""_s.arg(name, shown(name)));
        return false;
    }

    QString error;

private:
    void fail(const QString &message)
    {
        if (error.isEmpty())
            error = message;
    }
    /// The value as given, cut so a huge parameter does not make a huge answer.
    QString shown(const QString &name) const
    {
        const QString value = text(name);
        return value.size() > 40 ? value.left(40) + u'…' : value;
    }

    QUrlQuery m_query;
};

/// `q` and the filters, shared by the search and the export; checks `q`'s length.
HistoryApi::SearchFields searchFields(Parameters &parameters)
{
    HistoryApi::SearchFields search;
    search.query = parameters.text(u"q"_s);
    if (search.query.size() > kMaxQueryChars)
        parameters.error = u"\"q\" may hold at most %1 characters"_s.arg(kMaxQueryChars);
    HistoryFilter &filter = search.filter;
    filter.from = parameters.date(u"from"_s);
    filter.to = parameters.date(u"to"_s);
    filter.timeZone = parameters.text(u"timeZone"_s).toLatin1();
    if (!filter.timeZone.isEmpty() && !QTimeZone(filter.timeZone).isValid())
        parameters.error = u"\"timeZone\" is not a known time zone (use an IANA name like Europe/Moscow)"_s;
    filter.operatorId = parameters.id(u"operatorId"_s);
    filter.departmentId = parameters.id(u"departmentId"_s);
    filter.categoryId = parameters.id(u"categoryId"_s);
    filter.rating = parameters.integer(u"rating"_s, 1, 5, 0);
    filter.withContactOnly = parameters.flag(u"withContact"_s);
    filter.offlineOnly = parameters.flag(u"offline"_s);
    return search;
}

QHttpServerResponse noSuchDialog(qint64 id)
{
    return errorResponse(StatusCode::NotFound, u"not_found"_s, u"No dialog %1"_s.arg(id));
}

QHttpServerResponse cannotWrite(const QString &why)
{
    qWarning().noquote() << "history export failed:" << why;
    return errorResponse(StatusCode::InternalServerError, u"internal"_s, u"The export could not be written"_s);
}

QString tooManyDialogs(int maxDialogs)
{
    return u"An export holds at most %1 dialogs: narrow the search (q, from, to, …) or the ids"_s.arg(maxDialogs);
}

} // namespace

HistoryApi::HistoryApi(QSqlDatabase db, int maxFailuresPerAccount, std::chrono::seconds window,
                       ExportLimits exportLimits)
    : m_history(db)
    , m_keys(db)
    , m_wrongKeys(maxFailuresPerAccount, window)
    , m_exportLimits(exportLimits)
    , m_exports(db.databaseName(), [this](HistoryExportWriter::Outcome &&outcome, QHttpServerResponder &&responder) {
        answerExport(std::move(outcome), std::move(responder));
    })
{
}

void HistoryApi::stopExports()
{
    m_exports.stop();
}

void HistoryApi::addRoutes(QHttpServer &server)
{
    server.route(u"/v1/api/history"_s, Method::Get, [this](const QHttpServerRequest &request) {
        if (auto refused = refusedCaller(request))
            return std::move(*refused);
        return search(request);
    });
    server.route(u"/v1/api/history/<arg>"_s, Method::Get,
                 [this](const QString &what, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                     if (auto refused = refusedCaller(request))
                         return refused->write(std::move(responder));
                     if (what == u"export")
                         return exportDialogs(request, std::move(responder));
                     dialog(what).write(std::move(responder));
                 });
}

std::optional<QHttpServerResponse> HistoryApi::refusedCaller(const QHttpServerRequest &request)
{
    const QString address = request.remoteAddress().toString();
    // Checked before the key: once the address is limited, a key's being right must not show.
    if (const int wait = m_wrongKeys.retryAfter(kWrongKeyAccount, address); wait > 0) {
        QHttpServerResponse response =
            errorResponse(StatusCode::TooManyRequests, u"rate_limited"_s,
                          u"Too many wrong API keys from this address; try again in %1 s"_s.arg(wait),
                          {{u"retryAfter"_s, wait}});
        response.setHeader("Retry-After", QByteArray::number(wait));
        return response;
    }
    const QString key = bearerKey(request);
    if (key.isEmpty())
        return errorResponse(StatusCode::Unauthorized, u"auth_failed"_s,
                             u"An API key is needed: send \"Authorization: Bearer ck_…\""_s);
    if (!m_keys.check(key)) {
        m_wrongKeys.recordFailure(kWrongKeyAccount, address);
        m_wrongKeys.recordSuccess(kWrongKeyAccount);
        return errorResponse(StatusCode::Unauthorized, u"auth_failed"_s, u"Unknown or revoked API key"_s);
    }
    return std::nullopt;
}

QHttpServerResponse HistoryApi::search(const QHttpServerRequest &request)
{
    Parameters parameters(request.query());
    SearchFields fields = searchFields(parameters);
    const qint64 beforeId = parameters.id(u"beforeId"_s);
    const int limit = parameters.integer(u"limit"_s, 1, kMaxSearchLimit, kDefaultLimit);
    if (!parameters.error.isEmpty())
        return badRequest(parameters.error);
    const auto page = m_history.search(Viewer::everything(), fields.query, fields.filter, beforeId, limit);
    QJsonArray hits;
    for (const protocol::HistoryHit &hit : page.hits)
        hits.append(hit.toJson());
    return QHttpServerResponse(QJsonObject{{u"hits"_s, hits}, {u"nextBeforeId"_s, page.nextBeforeId}});
}

QHttpServerResponse HistoryApi::dialog(const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return badRequest(u"The dialog id in the path must be a positive whole number, not \"%1\""_s.arg(
            idText.left(40)));
    // HTTP has no frame limit: an integration gets every line, however long the dialog.
    const auto found = m_history.dialog(Viewer::everything(), id, /*wholeDialog=*/true);
    if (!found)
        return noSuchDialog(id);
    QJsonArray messages;
    for (const protocol::Message &message : found->messages)
        messages.append(message.toJson());
    return QHttpServerResponse(QJsonObject{{u"dialog"_s, found->dialog.toJson()}, {u"messages"_s, messages}});
}

void HistoryApi::exportDialogs(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    Parameters parameters(request.query());
    const QString format = parameters.text(u"format"_s);
    if (format != u"text" && format != u"xlsx")
        return badRequest(u"\"format\" must be text or xlsx, not \"%1\""_s.arg(format.left(40)))
            .write(std::move(responder));
    HistoryExportWriter::Order order;
    order.format = format == u"xlsx" ? HistoryExportWriter::Format::Workbook : HistoryExportWriter::Format::Text;
    order.maxDialogs = m_exportLimits.maxDialogs;
    order.paceMs = m_exportLimits.paceMs;
    if (parameters.has(u"ids"_s)) {
        order.byIds = true;
        QSet<qint64> seen; // a dialog named twice is exported once, where it was first named
        for (const QString &part : parameters.text(u"ids"_s).split(u',')) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0)
                return badRequest(u"\"ids\" must be dialog numbers separated by commas (\"5,7,9\"), not \"%1\""_s
                                      .arg(part.left(40)))
                    .write(std::move(responder));
            if (!seen.contains(id)) {
                seen.insert(id);
                order.ids.append(id);
            }
        }
        if (order.ids.size() > order.maxDialogs)
            return badRequest(tooManyDialogs(order.maxDialogs)).write(std::move(responder));
    } else {
        SearchFields fields = searchFields(parameters);
        if (!parameters.error.isEmpty())
            return badRequest(parameters.error).write(std::move(responder));
        order.query = std::move(fields.query);
        order.filter = std::move(fields.filter);
    }
    if (m_exports.isFull()) {
        QHttpServerResponse busy = errorResponse(
            StatusCode::ServiceUnavailable, u"busy"_s,
            u"%1 exports are being written already; try again in %2 s"_s.arg(HistoryExports::kMaxRunning)
                .arg(kExportRetryAfter),
            {{u"retryAfter"_s, kExportRetryAfter}});
        busy.setHeader("Retry-After", QByteArray::number(kExportRetryAfter));
        return busy.write(std::move(responder));
    }
    qInfo().noquote() << "history export started:" << (order.byIds ? u"%1 dialogs by id"_s.arg(order.ids.size())
                                                                   : u"dialogs by search"_s);
    m_exports.start(std::move(order), std::move(responder));
}

void HistoryApi::answerExport(HistoryExportWriter::Outcome &&outcome, QHttpServerResponder &&responder)
{
    using Result = HistoryExportWriter::Outcome::Result;
    switch (outcome.result) {
    case Result::TooMany:
        return badRequest(tooManyDialogs(m_exportLimits.maxDialogs)).write(std::move(responder));
    case Result::NoSuchDialog:
        return noSuchDialog(outcome.missingId).write(std::move(responder));
    case Result::Failed:
        return cannotWrite(outcome.failure).write(std::move(responder));
    case Result::Cancelled:
        return errorResponse(StatusCode::ServiceUnavailable, u"busy"_s, u"The server is stopping"_s)
            .write(std::move(responder));
    case Result::Written:
        break;
    }
    auto file = std::make_unique<RemovedWhenDeleted>(outcome.path);
    if (!file->open(QIODevice::ReadOnly))
        return cannotWrite(file->errorString()).write(std::move(responder));
    qInfo().noquote() << "history export written:" << outcome.dialogCount << "dialogs," << file->size() << "bytes";
    const bool excel = outcome.format == HistoryExportWriter::Format::Workbook;
    // Streamed as the socket drains; the responder owns the file and deletes it (and so removes it)
    // when done.
    responder.write(file.release(),
                    {{"Content-Type", excel ? kXlsxType : "text/plain; charset=utf-8"},
                     {"Content-Disposition", downloadHeaders::contentDisposition(
                                                 excel ? u"history.xlsx"_s : u"history.txt"_s)},
                     {"X-Content-Type-Options", "nosniff"},
                     {"Cache-Control", "no-store"}},
                    StatusCode::Ok);
}

} // namespace concierge::server
