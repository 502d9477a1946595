// SPDX-License-Identifier: GPL-3.0-or-later
// The client engine's files (issue 4, protocol 1.3) against the real concierge-server: a file sent
// from the engine reaches the visitor byte for byte; a visitor's file appears in the engine's model;
// saveFile writes the same bytes; too big is refused before anything is sent; progress is reported;
// a cancelled upload leaves no message; the avatar is set and cleared.
#include "Connection.h"
#include "FileDownload.h"
#include "FileTransfer.h"
#include "FileUpload.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"

#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::ErrorCode;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
const QString kAdaEmail = u"ada@example.com"_s;

// A 1×1 PNG, so the server's sniffer says "image".
const QByteArray kPng = QByteArray::fromBase64(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

QByteArray pattern(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + 7) % 251);
    return bytes;
}

/// Rows of \a model that are file lines named \a name.
int fileRows(const MessageListModel *model, const QString &name)
{
    int rows = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto file = model->index(row).data(MessageListModel::FileRole).value<protocol::FileRef>();
        rows += file.name == name ? 1 : 0;
    }
    return rows;
}

/// The file of the first message.new \a client received whose file is named \a name.
QJsonObject receivedFile(const RawProtocolClient &client, const QString &name)
{
    for (const QJsonObject &data : testkit::eventData(client, u"message.new"_s)) {
        const QJsonObject file = data.value(u"message").toObject().value(u"file").toObject();
        if (file.value(u"name").toString() == name)
            return file;
    }
    return {};
}

} // namespace

class TestEngineFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sentFileReachesVisitor();
    void visitorFileInModelAndSaved();
    void missingFileNotSaved();
    void tooLargeRefusedBeforeSending();
    void cancelledUploadLeavesNoMessage();
    void avatarSetAndCleared();
    void closedDialogRefused();

private:
    QByteArray httpGet(const QString &serverRelativeUrl, int *status = nullptr);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<OperatorSession> m_ada;
    std::unique_ptr<RawProtocolClient> m_visitor;
    QString m_visitorToken;
    qint64 m_dialogId = 0;
    QNetworkAccessManager m_network;
};

void TestEngineFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // 1 MiB: small enough to cross in a test, big enough that an upload reports progress.
    QVERIFY(m_server.start({u"--auto-assign"_s, u"off"_s, u"--max-file-mb"_s, u"1"_s}));
    QVERIFY(testkit::createOperator(m_server, kAdaEmail, u"Ada"_s));
    m_store = std::make_unique<LocalStore>();
    QVERIFY(m_store->open(m_dir.filePath(u"ada.sqlite"_s)));
    m_ada = std::make_unique<OperatorSession>(m_store.get());
    m_ada->connection()->setBackoff(50, 400);
    QVERIFY(m_ada->httpBaseUrl().isEmpty());

    QSignalSpy synced(m_ada.get(), &OperatorSession::synced);
    m_ada->loginWithPassword(m_server.url(), kAdaEmail, testkit::operatorPassword());
    QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
    m_ada->setStatus(OperatorStatus::Online);
    QTRY_COMPARE_WITH_TIMEOUT(m_ada->self().status, OperatorStatus::Online, kWaitMs);
    QCOMPARE(m_ada->serverSettings().maxFileBytes, 1024 * 1024);
    QCOMPARE(m_ada->httpBaseUrl().toString(), m_server.url().toString() + u'/');

    QJsonObject hello;
    m_visitor = testkit::connectVisitor(m_server, &hello);
    QVERIFY(m_visitor);
    m_visitorToken = hello.value(u"visitorToken").toString();
    m_dialogId = testkit::openDialog(*m_visitor, u"Can you send me the price list?"_s);
    QVERIFY(m_dialogId > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_ada->dialog(m_dialogId).id == m_dialogId, kWaitMs);
    m_ada->openDialog(m_dialogId);
}

QByteArray TestEngineFiles::httpGet(const QString &serverRelativeUrl, int *status)
{
    QNetworkReply *reply = m_network.get(QNetworkRequest(m_server.url().resolved(QUrl(serverRelativeUrl))));
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!done.wait(kWaitMs))
        return {};
    reply->deleteLater();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void TestEngineFiles::sentFileReachesVisitor()
{
    // A file from disk, with a name that needs encoding in the query; big enough for progress.
    const QString name = u"Прайс & цены #2.pdf"_s;
    const QByteArray bytes = "%PDF-1.4\n" + pattern(600 * 1024);
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    QSignalSpy started(m_ada->files(), &FileTransfer::uploadStarted);
    FileUpload *upload = m_ada->files()->sendFile(m_dialogId, path);
    QVERIFY(upload);
    QCOMPARE(started.size(), 1);
    QSignalSpy progress(upload, &FileUpload::progress);
    QSignalSpy finished(upload, &FileUpload::finished);
    QSignalSpy failed(upload, &FileUpload::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), kWaitMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().at(1).toString()));
    const auto message = finished.constFirst().constFirst().value<protocol::Message>();
    QCOMPARE(message.file.name, name);
    QCOMPARE(message.file.size, bytes.size());
    QCOMPARE(message.file.mime, u"application/pdf"_s);
    QVERIFY(!message.file.executable);
    QCOMPARE(message.author, protocol::Author::Operator);
    // Progress arrived, and its last word is "all of it".
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast().at(0).toLongLong(), qint64(bytes.size()));

    // The visitor gets it, and its link gives back the same bytes.
    QTRY_VERIFY_WITH_TIMEOUT(!receivedFile(*m_visitor, name).isEmpty(), kWaitMs);
    const QJsonObject file = receivedFile(*m_visitor, name);
    QCOMPARE(file.value(u"size").toInteger(), bytes.size());
    QCOMPARE(httpGet(file.value(u"url").toString()), bytes);

    // In the engine's model once, though it came back twice (upload answer, message.new echo).
    QTRY_COMPARE_WITH_TIMEOUT(fileRows(m_ada->messageModel(), name), 1, kWaitMs);
    QCOMPARE(m_ada->dialog(m_dialogId).operatorId, m_ada->self().id); // a file takes the dialog too
    // And in the cache, for the next start.
    const auto cached = m_store->messages(m_dialogId);
    QVERIFY(std::any_of(cached.begin(), cached.end(), [&](const auto &m) { return m.file.name == name; }));
}

void TestEngineFiles::visitorFileInModelAndSaved()
{
    // The visitor's upload, as the widget makes it: raw HTTP with the visitor token.
    QUrlQuery query;
    query.addQueryItem(u"cid"_s, testkit::newCid());
    query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(u"shot <b>1 &amp; 2.png"_s)));
    QUrl url = m_server.url().resolved(QUrl(u"/v1/visitor/files"_s));
    url.setQuery(query.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_visitorToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = m_network.post(request, kPng);
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(kWaitMs));
    reply->deleteLater();
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    const QString name = u"shot <b>1 &amp; 2.png"_s;
    QTRY_COMPARE_WITH_TIMEOUT(fileRows(m_ada->messageModel(), name), 1, kWaitMs);
    protocol::FileRef file;
    for (int row = 0; row < m_ada->messageModel()->rowCount(); ++row) {
        const QModelIndex index = m_ada->messageModel()->index(row);
        if (index.data(MessageListModel::FileRole).value<protocol::FileRef>().name == name) {
            QVERIFY(index.data(MessageListModel::HasFileRole).toBool());
            QCOMPARE(index.data(MessageListModel::AuthorRole).toInt(), int(protocol::Author::Visitor));
            file = index.data(MessageListModel::FileRole).value<protocol::FileRef>();
        }
    }
    QVERIFY(file.image);
    QCOMPARE(file.mime, u"image/png"_s);

    // Saved: the same bytes, under the name the operator chose.
    const QString target = m_dir.filePath(u"saved/copy.png"_s);
    QVERIFY(QDir().mkpath(m_dir.filePath(u"saved"_s)));
    FileDownload *download = m_ada->files()->saveFile(file, target);
    QSignalSpy saved(download, &FileDownload::finished);
    QSignalSpy saveFailed(download, &FileDownload::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!saved.isEmpty() || !saveFailed.isEmpty(), kWaitMs);
    QVERIFY(saveFailed.isEmpty());
    QCOMPARE(saved.constFirst().constFirst().toString(), target);
    QFile copy(target);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), kPng);
    // A preview's bytes are the same too.
    QSignalSpy fetched(m_ada->files(), &FileTransfer::fetched);
    m_ada->files()->fetch(file.url);
    QTRY_VERIFY_WITH_TIMEOUT(!fetched.isEmpty(), kWaitMs);
    QCOMPARE(fetched.constFirst().at(1).toByteArray(), kPng);
}

void TestEngineFiles::missingFileNotSaved()
{
    // A link the server does not know: nothing is written where the operator asked.
    protocol::FileRef ghost{
        u"/v1/files/00000000000000000000000000000000"_s, u"ghost.txt"_s, 5, u"text/plain"_s, false, false};
    const QString target = m_dir.filePath(u"ghost.txt"_s);
    FileDownload *download = m_ada->files()->saveFile(ghost, target);
    QSignalSpy failed(download, &FileDownload::failed);
    QSignalSpy saved(download, &FileDownload::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !saved.isEmpty(), kWaitMs);
    QVERIFY(saved.isEmpty());
    QCOMPARE(failed.constFirst().constFirst().value<ErrorCode>(), ErrorCode::NotFound);
    QVERIFY(!QFile::exists(target));
}

void TestEngineFiles::tooLargeRefusedBeforeSending()
{
    const int rowsBefore = m_ada->messageModel()->rowCount();
    const QByteArray big = pattern(1024 * 1024 + 1);
    FileUpload *upload = m_ada->files()->sendData(m_dialogId, u"huge.bin"_s, big);
    QVERIFY(upload->wasRefused());
    QSignalSpy progress(upload, &FileUpload::progress);
    QSignalSpy failed(upload, &FileUpload::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kWaitMs);
    QCOMPARE(failed.constFirst().at(0).value<ErrorCode>(), ErrorCode::TooLarge);
    QVERIFY2(failed.constFirst().at(1).toString().contains(FileTransfer::sizeText(1024 * 1024)),
             qPrintable(failed.constFirst().at(1).toString()));
    QVERIFY(progress.isEmpty()); // not a byte went out

    // An empty file is refused the same way.
    FileUpload *empty = m_ada->files()->sendData(m_dialogId, u"empty.txt"_s, {});
    QSignalSpy emptyFailed(empty, &FileUpload::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!emptyFailed.isEmpty(), kWaitMs);
    QCOMPARE(emptyFailed.constFirst().at(0).value<ErrorCode>(), ErrorCode::BadRequest);

    // The server never saw them: a text sent afterwards arrives with nothing before it.
    const QString marker = u"after the refused files"_s;
    m_ada->sendReply(m_dialogId, marker);
    QTRY_VERIFY_WITH_TIMEOUT(!testkit::messageWithText(*m_visitor, marker).isEmpty(), kWaitMs);
    QVERIFY(receivedFile(*m_visitor, u"huge.bin"_s).isEmpty());
    QVERIFY(receivedFile(*m_visitor, u"empty.txt"_s).isEmpty());
    QCOMPARE(m_ada->messageModel()->rowCount(), rowsBefore + 1);
}

void TestEngineFiles::cancelledUploadLeavesNoMessage()
{
    const int rowsBefore = m_ada->messageModel()->rowCount();
    FileUpload *upload = m_ada->files()->sendData(m_dialogId, u"cancelled.bin"_s, pattern(900 * 1024));
    QVERIFY(!upload->wasRefused());
    QSignalSpy cancelled(upload, &FileUpload::cancelled);
    QSignalSpy finished(upload, &FileUpload::finished);
    QSignalSpy failed(upload, &FileUpload::failed);
    upload->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), kWaitMs);
    QVERIFY(finished.isEmpty());
    QVERIFY(failed.isEmpty());

    const QString marker = u"after the cancelled file"_s;
    m_ada->sendReply(m_dialogId, marker);
    QTRY_VERIFY_WITH_TIMEOUT(!testkit::messageWithText(*m_visitor, marker).isEmpty(), kWaitMs);
    QVERIFY(receivedFile(*m_visitor, u"cancelled.bin"_s).isEmpty());
    QCOMPARE(fileRows(m_ada->messageModel(), u"cancelled.bin"_s), 0);
    QCOMPARE(m_ada->messageModel()->rowCount(), rowsBefore + 1);
    // Nor is it in the stored history.
    for (const QJsonObject &line :
         testkit::history(*testkit::loginOperator(m_server, kAdaEmail, {}), m_dialogId))
        QVERIFY(line.value(u"file").toObject().value(u"name").toString() != u"cancelled.bin");
}

void TestEngineFiles::avatarSetAndCleared()
{
    QSignalSpy changed(m_ada->files(), &FileTransfer::avatarChanged);
    QSignalSpy failed(m_ada->files(), &FileTransfer::avatarFailed);
    m_ada->files()->uploadAvatarData(kPng);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty() || !failed.isEmpty(), kWaitMs);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().at(1).toString()));
    const QString avatarUrl = m_ada->self().avatarUrl;
    QVERIFY(avatarUrl.startsWith(u"/v1/files/"));
    QCOMPARE(httpGet(avatarUrl), kPng);

    // Not a picture: the server says so; too big: refused here.
    m_ada->files()->uploadAvatarData("just text, not an image");
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, kWaitMs);
    QCOMPARE(failed.constFirst().constFirst().value<ErrorCode>(), ErrorCode::BadRequest);
    m_ada->files()->uploadAvatarData(pattern(int(FileTransfer::kMaxAvatarBytes) + 1));
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, kWaitMs);
    QCOMPARE(failed.constLast().constFirst().value<ErrorCode>(), ErrorCode::TooLarge);
    QCOMPARE(m_ada->self().avatarUrl, avatarUrl);

    m_ada->files()->clearAvatar();
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 2, kWaitMs);
    QVERIFY(m_ada->self().avatarUrl.isEmpty());
}

void TestEngineFiles::closedDialogRefused()
{
    // Once the dialog is closed, the server refuses a file into it (and says why).
    m_ada->closeDialog(m_dialogId);
    QTRY_VERIFY_WITH_TIMEOUT(!m_ada->dialog(m_dialogId).isOpen(), kWaitMs);
    FileUpload *upload = m_ada->files()->sendData(m_dialogId, u"late.txt"_s, "too late");
    QVERIFY(!upload->wasRefused()); // the server decides this one
    QSignalSpy failed(upload, &FileUpload::failed);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kWaitMs);
    QCOMPARE(failed.constFirst().at(0).value<ErrorCode>(), ErrorCode::Forbidden);
    QVERIFY(!failed.constFirst().at(1).toString().isEmpty());
    QCOMPARE(fileRows(m_ada->messageModel(), u"late.txt"_s), 0);
}

QTEST_GUILESS_MAIN(TestEngineFiles)
#include "tst_engine_files.moc"
