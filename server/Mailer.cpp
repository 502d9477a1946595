// SPDX-License-Identifier: GPL-3.0-or-later
#include "Mailer.h"

#include <QDateTime>
#include <QMetaObject>
#include <QRandomGenerator>

#include <cstring>
#include <curl/curl.h>

namespace concierge::server {

using namespace Qt::StringLiterals;

namespace {

constexpr long kConnectTimeoutSeconds = 10;
constexpr long kTransferTimeoutSeconds = 60;
constexpr int kParallelTransfers = 2;
/// Mails accepted but not yet answered by the mail server. A mail server that hangs would
/// otherwise let every transcript and offline reply pile up in memory without end; beyond this
/// the sender hears at once that it must try later.
constexpr int kMaxWaitingMails = 50;

struct Upload
{
    QByteArray bytes;
    qsizetype offset = 0;
};

size_t readPayload(char *buffer, size_t size, size_t count, void *userData)
{
    auto *upload = static_cast<Upload *>(userData);
    const qsizetype room = static_cast<qsizetype>(size * count);
    const qsizetype n = std::min(room, upload->bytes.size() - upload->offset);
    if (n <= 0)
        return 0;
    std::memcpy(buffer, upload->bytes.constData() + upload->offset, static_cast<size_t>(n));
    upload->offset += n;
    return static_cast<size_t>(n);
}

/// Keeps the mail server's last reply line ("550 5.7.1 Relaying denied"): it says why far better
/// than libcurl's own words ("Weird server reply").
int keepServerReply(CURL *, curl_infotype type, char *data, size_t size, void *userData)
{
    if (type == CURLINFO_HEADER_IN) {
        const QByteArray line = QByteArray(data, static_cast<qsizetype>(size)).trimmed();
        if (!line.isEmpty())
            *static_cast<QByteArray *>(userData) = line;
    }
    return 0;
}

/// Non-zero aborts the transfer: the server is shutting down.
int checkStopping(void *userData, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<std::atomic_bool *>(userData)->load() ? 1 : 0;
}

/// One blocking SMTP transaction. Runs on a worker thread; touches nothing of the server.
QString transfer(const MailSettings &settings, const QByteArray &recipient, const QByteArray &payload,
                 std::atomic_bool *stopping)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return u"Cannot start a mail transfer"_s;
    Upload upload{payload, 0};
    char errorText[CURL_ERROR_SIZE] = {};
    const QByteArray url = settings.url.toUtf8();
    const QByteArray from = '<' + mailmessage::bareAddress(settings.from).toLatin1() + '>';
    const QByteArray user = settings.user.toUtf8();
    const QByteArray password = settings.password.toUtf8();
    const QByteArray rcpt = '<' + recipient + '>';
    curl_slist *recipients = curl_slist_append(nullptr, rcpt.constData());

    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readPayload);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(payload.size()));
    // With a user name the password must never cross the network in the clear: TLS is required
    // (STARTTLS, or smtps://) and the mail is refused when the mail server cannot do it. Without
    // one there is nothing secret in the session, so STARTTLS is used when offered.
    const long tls = user.isEmpty() ? CURLUSESSL_TRY : CURLUSESSL_ALL;
    curl_easy_setopt(curl, CURLOPT_USE_SSL, tls);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, kTransferTimeoutSeconds);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L); // threads must not get SIGALRM
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorText);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, checkStopping);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, stopping);
    QByteArray lastReply;
    curl_easy_setopt(curl, CURLOPT_VERBOSE, 1L); // the debug callback only runs in verbose mode
    curl_easy_setopt(curl, CURLOPT_DEBUGFUNCTION, keepServerReply);
    curl_easy_setopt(curl, CURLOPT_DEBUGDATA, &lastReply);
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode result = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (result == CURLE_OK)
        return {};
    if (result == CURLE_USE_SSL_FAILED)
        return u"The mail server offers no TLS, and the password is never sent without it"_s;
    if (response >= 400 && !lastReply.isEmpty())
        return u"the mail server answered \"%1\""_s.arg(QString::fromUtf8(lastReply.left(300)));
    return QString::fromUtf8(errorText[0] ? errorText : curl_easy_strerror(result)).trimmed();
}

} // namespace

Mailer::Mailer(const MailSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_stopping(std::make_shared<std::atomic_bool>(false))
{
    // Not thread-safe, so here on the main thread before any transfer; later calls only count.
    curl_global_init(CURL_GLOBAL_DEFAULT);
    m_pool.setMaxThreadCount(kParallelTransfers);
}

Mailer::~Mailer()
{
    m_stopping->store(true);
    m_pool.waitForDone();
    curl_global_cleanup();
}

void Mailer::finish(Done done, const QString &error)
{
    // Queued: the caller's state is settled before it hears the outcome, whatever the thread.
    QMetaObject::invokeMethod(
        this, [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
}

void Mailer::send(const OutgoingMail &mail, Done done)
{
    if (!isEnabled())
        return finish(std::move(done), u"Mail is not configured on this server"_s);
    if (!mailmessage::isSafeAddress(mail.to))
        return finish(std::move(done), u"Not an address mail can be sent to: %1"_s.arg(mail.to));
    if (m_waiting >= kMaxWaitingMails)
        return finish(std::move(done), u"Too many mails are waiting; try again later"_s);
    const QByteArray token = QByteArray::number(QRandomGenerator::system()->generate64(), 16) + '.' +
                             QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 36);
    const QByteArray payload =
        mailmessage::compose(mail, m_settings.from, QDateTime::currentDateTimeUtc(), token);
    const QByteArray recipient = mail.to.toLatin1();
    const MailSettings settings = m_settings;
    const std::shared_ptr<std::atomic_bool> stopping = m_stopping;
    ++m_waiting;
    Done counted = [this, done = std::move(done)](const QString &error) {
        --m_waiting; // on the server thread, like send(): no lock needed
        done(error);
    };
    m_pool.start([this, settings, recipient, payload, stopping, counted = std::move(counted)]() mutable {
        const QString error = transfer(settings, recipient, payload, stopping.get());
        finish(std::move(counted), error); // `this` outlives the pool: ~Mailer waits for it
    });
}

} // namespace concierge::server
