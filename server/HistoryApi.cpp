// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryApi.h"

#include "DownloadHeaders.h"
#include "HistoryTextExport.h"
#include "HistoryWorkbook.h"
#include "HistoryRepository.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QSet>
#include <QDir>
#include <QTemporaryFile>
#include <QTimeZone>
#include <QUrlQuery>
#include <QUuid>

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
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The server has no translator: every system line keeps the text stored with it.
QString storedWording(const QString &, const QJsonObject &)
{
    return {};
}

/// A file that is gone once the responder has sent it and deletes it, or once a failed export
/// drops it.
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

} // namespace

HistoryApi::HistoryApi(QSqlDatabase db, int maxFailuresPerAccount, std::chrono::seconds window)
    : m_history(db)
    , m_keys(db)
    , m_wrongKeys(maxFailuresPerAccount, window)
{
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
    const auto found = m_history.dialog(Viewer::everything(), id);
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
    QList<qint64> ids;
    if (parameters.has(u"ids"_s)) {
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
                ids.append(id);
            }
        }
    } else {
        const SearchFields fields = searchFields(parameters);
        if (!parameters.error.isEmpty())
            return badRequest(parameters.error).write(std::move(responder));
        ids = matchingIds(fields, kMaxExportDialogs + 1);
    }
    if (ids.size() > kMaxExportDialogs)
        return badRequest(u"An export holds at most %1 dialogs: narrow the search (q, from, to, …) or the ids"_s.arg(
                              kMaxExportDialogs))
            .write(std::move(responder));

    const bool excel = format == u"xlsx";
    Written written = excel ? writeWorkbook(ids) : writeText(ids);
    if (const auto *refusal = std::get_if<QHttpServerResponse>(&written))
        return refusal->write(std::move(responder));
    auto file = std::get<std::unique_ptr<QFile>>(std::move(written));
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

QList<qint64> HistoryApi::matchingIds(const SearchFields &fields, int atMost)
{
    QList<qint64> ids;
    qint64 beforeId = 0;
    do {
        const auto page = m_history.search(Viewer::everything(), fields.query, fields.filter, beforeId,
                                           kMaxSearchLimit);
        for (const protocol::HistoryHit &hit : page.hits)
            ids.append(hit.dialog.dialog.id);
        beforeId = page.nextBeforeId;
    } while (beforeId > 0 && ids.size() < atMost);
    return ids;
}

HistoryApi::Written HistoryApi::writeText(const QList<qint64> &ids)
{
    auto file = std::make_unique<QTemporaryFile>(QDir::temp().filePath(u"concierge-export-XXXXXX.txt"_s));
    if (!file->open())
        return cannotWrite(file->errorString());
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const auto found = m_history.dialog(Viewer::everything(), ids.at(i));
        if (!found)
            return noSuchDialog(ids.at(i));
        const QString text = (i > 0 ? HistoryTextExport::separator() : QString())
            + HistoryTextExport::dialogText(found->dialog, found->messages, storedWording,
                                            QTimeZone::systemTimeZone());
        if (file->write(text.toUtf8()) < 0)
            return cannotWrite(file->errorString());
    }
    if (!file->flush() || !file->seek(0))
        return cannotWrite(file->errorString());
    return std::unique_ptr<QFile>(std::move(file));
}

HistoryApi::Written HistoryApi::writeWorkbook(const QList<qint64> &ids)
{
    // libxlsxwriter writes the file itself, by name; the file is read back for the download and
    // removed once sent (or at once on failure).
    const QString path = QDir::temp().filePath(u"concierge-export-%1.xlsx"_s.arg(
        QUuid::createUuid().toString(QUuid::WithoutBraces)));
    auto file = std::make_unique<RemovedWhenDeleted>(path);
    HistoryWorkbook book;
    if (!book.open(path))
        return cannotWrite(book.errorString());
    for (const qint64 id : ids) {
        const auto found = m_history.dialog(Viewer::everything(), id);
        if (!found)
            return noSuchDialog(id);
        if (!book.addDialog(found->dialog, found->messages, storedWording, QTimeZone::systemTimeZone()))
            return cannotWrite(book.errorString());
    }
    if (!book.finish() || !file->open(QIODevice::ReadOnly))
        return cannotWrite(book.errorString().isEmpty() ? file->errorString() : book.errorString());
    return std::unique_ptr<QFile>(std::move(file));
}

} // namespace concierge::server
