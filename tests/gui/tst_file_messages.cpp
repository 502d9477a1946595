// SPDX-License-Identifier: GPL-3.0-or-later
// Files in the visitor's dialog as the operator sees them, against the real server with a visitor
// on the raw protocol and plain HTTP: a file dropped on the dialog shows a progress bar, then a line
// with its name and size, and reaches the visitor; the visitor's picture shows its preview; a
// program shows a warning and asks before saving; a file saves where the operator chose, the bar
// naming it meanwhile, and Cancel there writes nothing; a file
// over the server's limit is refused in words, before sending. The attach button names its shortcut.
#include "DialogFiles.h"
#include "DialogPane.h"
#include "FileTransfer.h"
#include "FileUploadBar.h"
#include "GuiTestKit.h"
#include "MainWindow.h"
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"
#include "ServerTestKit.h"
#include "ShortcutsDialog.h"
#include "VisitorListModel.h"
#include "VisitorListPane.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QFileDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUrlQuery>

using namespace concierge;
using namespace Qt::StringLiterals;
using protocol::OperatorStatus;

namespace {

constexpr int kWaitMs = 15000;
// The preview's colour: nothing else in the window is this magenta.
const QColor kPreviewColour(0xe0, 0x10, 0xc0);

QByteArray pattern(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        bytes[i] = char((i * 31 + 7) % 251);
    return bytes;
}

QByteArray picturePng()
{
    QImage image(300, 180, QImage::Format_RGB32);
    image.fill(kPreviewColour);
    QPainter painter(&image);
    painter.fillRect(20, 20, 60, 60, Qt::white);
    painter.end();
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return png;
}

bool nearColour(QRgb pixel, const QColor &colour)
{
    return qAbs(qRed(pixel) - colour.red()) < 12 && qAbs(qGreen(pixel) - colour.green()) < 12 &&
           qAbs(qBlue(pixel) - colour.blue()) < 12;
}

int pixelsNear(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            count += nearColour(image.pixel(x, y), colour) ? 1 : 0;
    }
    return count;
}

/// What the transfer bar said each time it appeared: a small file is saved before a test looks.
class BarWatcher : public QObject
{
public:
    explicit BarWatcher(QWidget *bar)
        : QObject(bar)
        , m_bar(bar)
    {
        bar->installEventFilter(this);
    }
    QStringList shown;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_bar && event->type() == QEvent::Show)
            shown.append(m_bar->findChild<QLabel *>(u"fileUploadLabel"_s)->text());
        return false;
    }

private:
    QWidget *m_bar;
};

} // namespace

class TestFileMessages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void attachButtonNamesItsShortcut();
    void droppedFileShowsProgressThenLine();
    void visitorPictureShowsPreview();
    void programWarnsAndAsksBeforeSaving();
    void fileSavedWhereChosen();
    void cancelledSaveWritesNothing();
    void tooLargeRefusedInWords();
    void cancelSendsNothing();
    void pastedPictureAskedFirst();

private:
    template <typename T> T *mine(const QString &name) const { return m_me.window()->findChild<T *>(name); }
    QListView *history() const { return mine<QListView>(u"historyView"_s); }
    ui::NoticeBar *notice() const { return mine<ui::NoticeBar>(u"dialogNoticeBar"_s); }
    /// The history row whose file is called \a name; invalid if none.
    QModelIndex fileRow(const QString &name) const;
    /// Drops \a paths on the dialog, as a file manager would. True if the dialog took them.
    bool drop(const QStringList &paths);
    /// The visitor uploads \a bytes as \a name (the widget's HTTP call).
    bool visitorUploads(const QString &name, const QByteArray &bytes);
    QImage historyImage() const;
    /// Whether the visitor has been sent a file called \a name.
    bool visitorGotFile(const QString &name) const;
    void doubleClick(const QModelIndex &index) const;
    /// Double-clicks the line of \a name and answers the save dialog with \a target. True if the
    /// dialog offered the visitor's name.
    bool saveAs(const QString &name, const QString &target);

    ServerProcess m_server;
    guitest::Operator m_me;
    std::unique_ptr<RawProtocolClient> m_visitor;
    QString m_visitorToken;
    qint64 m_dialogId = 0;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
};

void TestFileMessages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(guitest::installTestLanguage());
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_server.start({u"--max-file-mb"_s, u"1"_s}), "the real concierge-server did not start");
    m_me.openWindow();
    QVERIFY(m_me.login(m_server, u"demo@example.com"_s, m_server.demoPassword(), OperatorStatus::Online));

    QJsonObject hello;
    m_visitor = testkit::connectVisitor(m_server, &hello);
    QVERIFY(m_visitor);
    const qint64 visitorId = testkit::idOf(hello.value(u"visitorId"));
    m_visitorToken = hello.value(u"visitorToken").toString();
    m_dialogId = testkit::openDialog(*m_visitor, u"Could you send me the contract?"_s);
    QVERIFY(m_dialogId > 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session()->dialog(m_dialogId).operatorId, m_me.id(), kWaitMs);
    VisitorListModel *model = m_me.session()->visitorModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->indexOfVisitor(visitorId).isValid(), kWaitMs);
    m_me.window()->visitorListPane()->view()->setCurrentIndex(model->indexOfVisitor(visitorId));
    QCOMPARE(m_me.window()->dialogPane()->dialogId(), m_dialogId);
}

QModelIndex TestFileMessages::fileRow(const QString &name) const
{
    const QAbstractItemModel *model = history()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(MessageListModel::FileRole).value<protocol::FileRef>().name == name)
            return index;
    }
    return {};
}

bool TestFileMessages::drop(const QStringList &paths)
{
    // The dialog's page (history, reply box) takes drops; the operator room does not.
    QWidget *target = history()->parentWidget();
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    mime.setUrls(urls);
    const QPoint at = target->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropped(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropped);
    return dropped.isAccepted();
}

bool TestFileMessages::visitorUploads(const QString &name, const QByteArray &bytes)
{
    QUrlQuery query;
    query.addQueryItem(u"cid"_s, testkit::newCid());
    query.addQueryItem(u"name"_s, QString::fromLatin1(QUrl::toPercentEncoding(name)));
    QUrl url = m_server.url().resolved(QUrl(u"/v1/visitor/files"_s));
    url.setQuery(query.toString(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_visitorToken.toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    QNetworkReply *reply = m_network.post(request, bytes);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(kWaitMs);
    reply->deleteLater();
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
}

bool TestFileMessages::visitorGotFile(const QString &name) const
{
    const QList<QJsonObject> received = testkit::eventData(*m_visitor, u"message.new"_s);
    return std::any_of(received.cbegin(), received.cend(), [&](const QJsonObject &data) {
        return data.value(u"message").toObject().value(u"file").toObject().value(u"name").toString() == name;
    });
}

QImage TestFileMessages::historyImage() const
{
    history()->viewport()->repaint();
    return history()->viewport()->grab().toImage();
}

void TestFileMessages::doubleClick(const QModelIndex &index) const
{
    // As a real mouse reports it: press, release, press, double-click, release (QTest's
    // mouseDClick leaves out the second press, which the view needs).
    QWidget *viewport = history()->viewport();
    const QPoint at = history()->visualRect(index).center();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, at);
    QTest::mousePress(viewport, Qt::LeftButton, {}, at);
    QMouseEvent dbl(QEvent::MouseButtonDblClick, QPointF(at), viewport->mapToGlobal(QPointF(at)),
                    Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &dbl);
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, at);
}

void TestFileMessages::attachButtonNamesItsShortcut()
{
    auto *button = mine<QToolButton>(u"attachButton"_s);
    QVERIFY(button && button->isVisible() && button->isEnabled());
    const QString keys = QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A).toString(QKeySequence::NativeText);
    QVERIFY2(button->toolTip().contains(keys), qPrintable(button->toolTip()));
    // And the keyboard shortcuts help lists it.
    const QList<ui::ShortcutsDialog::Entry> entries = ui::ShortcutsDialog::collect(m_me.window());
    QVERIFY(std::any_of(entries.begin(), entries.end(), [&](const ui::ShortcutsDialog::Entry &entry) {
        return entry.keys == keys && entry.action == ui::DialogFiles::tr("Send a file…").chopped(1);
    }));
}

void TestFileMessages::droppedFileShowsProgressThenLine()
{
    const QString name = u"Договор <b>№7.pdf"_s;
    const QByteArray bytes = "%PDF-1.4\n" + pattern(900 * 1024);
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    }
    auto *bar = mine<ui::FileUploadBar>(u"fileUploadBar"_s);
    QVERIFY(!bar->isVisible());
    QVERIFY(drop({path}));
    // At once: the bar under the reply box, naming the file (as plain text), with Cancel.
    QVERIFY(bar->isVisible());
    QVERIFY(mine<QLabel>(u"fileUploadLabel"_s)->text().contains(name));
    QVERIFY(mine<QPushButton>(u"fileUploadCancelButton"_s)->isVisible());
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-upload-progress"_s));

    // Then the line, with name and size; the bar goes away.
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(name).isValid(), kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), kWaitMs);
    const QModelIndex row = fileRow(name);
    QCOMPARE(ui::MessageDelegate::displayText(row),
             ui::MessageDelegate::tr("%1 (%2)").arg(name, FileTransfer::sizeText(bytes.size())));
    QVERIFY(!row.data(MessageListModel::PendingRole).toBool());
    QVERIFY(notice()->text().isEmpty());
    // The visitor got it.
    QTRY_VERIFY_WITH_TIMEOUT(visitorGotFile(name), kWaitMs);
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-line"_s));
}

void TestFileMessages::visitorPictureShowsPreview()
{
    QVERIFY(pixelsNear(historyImage(), kPreviewColour) == 0);
    QVERIFY(visitorUploads(u"photo.png"_s, picturePng()));
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(u"photo.png"_s).isValid(), kWaitMs);
    QVERIFY(fileRow(u"photo.png"_s).data(MessageListModel::FileRole).value<protocol::FileRef>().image);
    // The preview is fetched when the line is painted, and then drawn in it.
    QTRY_VERIFY_WITH_TIMEOUT(pixelsNear(historyImage(), kPreviewColour) > 2000, kWaitMs);
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-picture-preview"_s));
}

void TestFileMessages::programWarnsAndAsksBeforeSaving()
{
    const QString name = u"invoice.pdf.exe"_s;
    QVERIFY(visitorUploads(name, "MZ\x90\x00" + pattern(2000)));
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(name).isValid(), kWaitMs);
    QVERIFY(fileRow(name).data(MessageListModel::FileRole).value<protocol::FileRef>().executable);
    history()->scrollTo(fileRow(name));
    // The warning is written in the line, in red.
    QTRY_VERIFY_WITH_TIMEOUT(pixelsNear(historyImage(), QColor(0xc6, 0x28, 0x28)) > 20, kWaitMs);
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-program-warning"_s));

    // Double-click: first a warning; Cancel there saves nothing and asks no more.
    bool warned = false;
    bool askedWhere = false;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        warned = box && box->objectName() == u"executableWarningMessageBox" && box->text().contains(name);
        if (box) {
            QVERIFY(guitest::saveScreenshot(box, u"file-program-confirmation"_s));
            box->button(QMessageBox::Cancel)->click();
        }
        QTimer::singleShot(200, this, [&] {
            if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
                askedWhere = true;
                dialog->reject();
            }
        });
    });
    // This time with the keyboard: the line is current, Enter.
    history()->setFocus();
    history()->setCurrentIndex(fileRow(name));
    QTest::keyClick(history(), Qt::Key_Enter);
    QTRY_VERIFY(warned);
    QTest::qWait(400); // let the check for an unwanted save dialog run
    QVERIFY(!askedWhere);
}

bool TestFileMessages::saveAs(const QString &name, const QString &target)
{
    history()->scrollTo(fileRow(name));
    bool suggested = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        // The visitor's name is offered, in the downloads folder.
        suggested = dialog->selectedFiles().value(0).endsWith(u'/' + name);
        dialog->selectFile(target);
        static_cast<QDialog *>(dialog)->accept();
    });
    doubleClick(fileRow(name));
    return suggested;
}

void TestFileMessages::fileSavedWhereChosen()
{
    const QString name = u"notes.txt"_s;
    const QByteArray bytes = "Call back on Monday.\n";
    QVERIFY(visitorUploads(name, bytes));
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(name).isValid(), kWaitMs);
    auto *bar = mine<ui::FileUploadBar>(u"fileUploadBar"_s);
    QVERIFY(!bar->isVisible());
    BarWatcher watcher(bar);
    const QString target = m_dir.filePath(u"saved-notes.txt"_s);
    QVERIFY(saveAs(name, target));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(target), kWaitMs);
    // While it was being saved, the bar said so; now it is gone.
    QCOMPARE(watcher.shown, QStringList{ui::FileUploadBar::tr("Saving %1…").arg(name)});
    QTRY_VERIFY(!bar->isVisible());
    QFile saved(target);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), bytes);
    QTRY_COMPARE(notice()->kind(), ui::NoticeBar::Kind::Info);
    QVERIFY(notice()->text().contains(QDir::toNativeSeparators(target)));
}

void TestFileMessages::cancelledSaveWritesNothing()
{
    notice()->clearNotice();
    const QString name = u"<b>scan.bin"_s;
    QVERIFY(visitorUploads(name, pattern(900 * 1024)));
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(name).isValid(), kWaitMs);
    const QString target = m_dir.filePath(u"scan.bin"_s);
    QVERIFY(saveAs(name, target));
    // Nothing has come yet (no event loop since): the bar names the file as typed, with Cancel.
    auto *bar = mine<ui::FileUploadBar>(u"fileUploadBar"_s);
    QVERIFY(bar->isVisible());
    QCOMPARE(mine<QLabel>(u"fileUploadLabel"_s)->text(), ui::FileUploadBar::tr("Saving %1…").arg(name));
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-saving-progress"_s));
    auto *cancel = mine<QPushButton>(u"fileUploadCancelButton"_s);
    QVERIFY(cancel->isVisible());
    cancel->click();
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(!QFile::exists(target));
    QVERIFY(notice()->text().isEmpty()); // cancelling is no error
}

void TestFileMessages::tooLargeRefusedInWords()
{
    const QString name = u"video.bin"_s;
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pattern(1024 * 1024 + 10));
    }
    const int rows = history()->model()->rowCount();
    QVERIFY(drop({path}));
    QTRY_COMPARE(notice()->kind(), ui::NoticeBar::Kind::Error);
    QTRY_VERIFY(notice()->text().contains(name));
    QCOMPARE(notice()->text(),
             m_me.window()->dialogPane()->files()->refusalText(name, protocol::ErrorCode::TooLarge, {}));
    QVERIFY(notice()->text().contains(FileTransfer::sizeText(1024 * 1024)));
    QTRY_VERIFY(!mine<ui::FileUploadBar>(u"fileUploadBar"_s)->isVisible());
    QCOMPARE(history()->model()->rowCount(), rows);
    QVERIFY(guitest::saveScreenshot(m_me.window()->dialogPane(), u"file-too-large"_s));
}

void TestFileMessages::cancelSendsNothing()
{
    notice()->clearNotice();
    const QString name = u"draft.bin"_s;
    const QString path = m_dir.filePath(name);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pattern(900 * 1024));
    }
    const int rows = history()->model()->rowCount();
    QVERIFY(drop({path}));
    auto *bar = mine<ui::FileUploadBar>(u"fileUploadBar"_s);
    QVERIFY(bar->isVisible());
    mine<QPushButton>(u"fileUploadCancelButton"_s)->click();
    QTRY_VERIFY(!bar->isVisible());
    QVERIFY(notice()->text().isEmpty()); // cancelling is no error

    // A reply sent afterwards reaches the visitor with no file before it.
    const QString marker = u"Sorry, wrong file."_s;
    auto *reply = mine<QPlainTextEdit>(u"replyEdit"_s);
    reply->setPlainText(marker);
    mine<QPushButton>(u"sendButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!testkit::messageWithText(*m_visitor, marker).isEmpty(), kWaitMs);
    QVERIFY(!visitorGotFile(name));
    QTRY_COMPARE(history()->model()->rowCount(), rows + 1);
    QVERIFY(!fileRow(name).isValid());
}

void TestFileMessages::pastedPictureAskedFirst()
{
    const QString name = ui::DialogFiles::tr("pasted image.png");
    QImage picture(160, 100, QImage::Format_RGB32);
    picture.fill(QColor(0x20, 0x90, 0x30));
    auto *mime = new QMimeData;
    mime->setImageData(picture);
    QApplication::clipboard()->setMimeData(mime);
    auto *reply = mine<QPlainTextEdit>(u"replyEdit"_s);
    reply->clear();
    reply->setFocus();

    // Ctrl+V: a question with the picture; Cancel sends nothing and types nothing.
    bool asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        asked = box && box->objectName() == u"pastedImageMessageBox" && !box->iconPixmap().isNull() &&
                box->informativeText().contains(name);
        if (box) {
            QVERIFY(guitest::saveScreenshot(box, u"file-pasted-picture-question"_s));
            box->button(QMessageBox::Cancel)->click();
        }
    });
    QTest::keyClick(reply, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY(asked);
    QVERIFY(reply->toPlainText().isEmpty());
    QVERIFY(!mine<ui::FileUploadBar>(u"fileUploadBar"_s)->isVisible());

    // Again, and Send: it goes as a PNG file line.
    asked = false;
    QTimer::singleShot(0, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        asked = box && box->objectName() == u"pastedImageMessageBox";
        if (box)
            box->defaultButton()->click(); // Send is the default: Enter sends
    });
    QTest::keyClick(reply, Qt::Key_V, Qt::ControlModifier);
    QTRY_VERIFY(asked);
    QTRY_VERIFY_WITH_TIMEOUT(fileRow(name).isValid(), kWaitMs);
    const auto file = fileRow(name).data(MessageListModel::FileRole).value<protocol::FileRef>();
    QVERIFY(file.image);
    QCOMPARE(file.mime, u"image/png"_s);
    QTRY_VERIFY_WITH_TIMEOUT(visitorGotFile(name), kWaitMs);
    QVERIFY(reply->toPlainText().isEmpty());
}

QTEST_MAIN(TestFileMessages)
#include "tst_file_messages.moc"
