// SPDX-License-Identifier: GPL-3.0-or-later
#include "DialogFiles.h"

#include "FileDownload.h"
#include "FileTransfer.h"
#include "FileUpload.h"
#include "FileUploadBar.h"
#include "MessageListModel.h"
#include "NoticeBar.h"
#include "OperatorSession.h"
#include "ThumbnailCache.h"

#include <QAbstractItemView>
#include <QAction>
#include <QBuffer>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>

namespace concierge::ui {

using protocol::ErrorCode;

namespace {

/// A paper clip, drawn (icon themes are not there on every desktop).
QIcon paperClipIcon(const QColor &color)
{
    QPixmap pixmap(64, 64);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(32, 32);
    painter.rotate(40);
    QPainterPath clip;
    // Three nested U-turns: outer loop up, back down inside, and a short inner leg.
    clip.moveTo(-4, 18);
    clip.lineTo(-4, -16);
    clip.arcTo(-4, -24, 16, 16, 180, -180);
    clip.lineTo(12, 20);
    clip.arcTo(-10, 10, 22, 20, 0, -180);
    clip.lineTo(-10, -20);
    painter.setPen(QPen(color, 5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(clip);
    return QIcon(pixmap);
}

/// The visitor's file name as a name in a folder: no folders of its own, nothing hidden.
QString safeFileName(const QString &name)
{
    QString safe = name;
    for (QChar &c : safe) {
        if (c == u'/' || c == u'\\' || c == u':' || c.category() == QChar::Other_Control)
            c = u'_';
    }
    while (safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe.trimmed().isEmpty() ? DialogFiles::tr("file") : safe.trimmed();
}

} // namespace

DialogFiles::DialogFiles(OperatorSession *session, QWidget *pane, NoticeBar *notice)
    : QObject(pane)
    , m_session(session)
    , m_pane(pane)
    , m_notice(notice)
    , m_attachAction(new QAction(tr("Send a file…"), pane))
    , m_attachButton(new QToolButton(pane))
    , m_uploadBar(new FileUploadBar(pane))
    , m_thumbnails(new ThumbnailCache(session->files(), this))
{
    m_attachAction->setObjectName(QStringLiteral("attachFileAction"));
    m_attachAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    m_attachAction->setShortcutContext(Qt::WindowShortcut);
    m_attachAction->setIcon(paperClipIcon(pane->palette().color(QPalette::ButtonText)));
    m_attachAction->setToolTip(tr("Send a file to the visitor (%1). You can also drop files here "
                                  "or paste a picture into the reply box.")
                                   .arg(m_attachAction->shortcut().toString(QKeySequence::NativeText)));
    m_attachAction->setEnabled(false);
    pane->addAction(m_attachAction);
    m_attachButton->setObjectName(QStringLiteral("attachButton"));
    m_attachButton->setDefaultAction(m_attachAction);
    m_attachButton->setAutoRaise(true);
    m_attachButton->setIconSize(QSize(22, 22));
    connect(m_attachAction, &QAction::triggered, this, &DialogFiles::chooseFiles);
}

void DialogFiles::acceptDropsOn(QWidget *target)
{
    m_dropTarget = target;
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

void DialogFiles::setDialog(qint64 dialogId, bool canSend)
{
    m_dialogId = dialogId;
    m_canSend = canSend && dialogId > 0;
    m_attachAction->setEnabled(m_canSend);
}

void DialogFiles::watchHistory(QAbstractItemView *history)
{
    connect(history, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.data(MessageListModel::HasFileRole).toBool())
            saveFileAs(index.data(MessageListModel::FileRole).value<protocol::FileRef>());
    });
    history->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(history, &QWidget::customContextMenuRequested, this, [this, history](const QPoint &pos) {
        const QModelIndex index = history->indexAt(pos);
        if (!index.data(MessageListModel::HasFileRole).toBool())
            return;
        const auto file = index.data(MessageListModel::FileRole).value<protocol::FileRef>();
        QMenu menu(history);
        QAction *save = menu.addAction(tr("Save as…"));
        save->setObjectName(QStringLiteral("saveFileAsAction"));
        connect(save, &QAction::triggered, this, [this, file] { saveFileAs(file); });
        menu.exec(history->viewport()->mapToGlobal(pos));
    });
}

void DialogFiles::chooseFiles()
{
    if (!m_canSend)
        return;
    const qint64 dialogId = m_dialogId;
    const QStringList paths = QFileDialog::getOpenFileNames(m_pane, tr("Send files to the visitor"));
    if (dialogId == m_dialogId)
        sendFiles(paths);
}

void DialogFiles::sendFiles(const QStringList &paths)
{
    if (!m_canSend)
        return;
    for (const QString &path : paths)
        track(m_session->files()->sendFile(m_dialogId, path));
}

void DialogFiles::sendPastedImage(const QImage &image)
{
    if (!m_canSend || image.isNull())
        return;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    const QString name = tr("pasted image.png");

    QMessageBox box(QMessageBox::Question, tr("Send a picture"), tr("Send this picture to the visitor?"),
                    QMessageBox::NoButton, m_pane);
    box.setObjectName(QStringLiteral("pastedImageMessageBox"));
    box.setTextFormat(Qt::PlainText);
    box.setInformativeText(tr("%1, %2 × %3 pixels, %4")
                               .arg(name)
                               .arg(image.width())
                               .arg(image.height())
                               .arg(FileTransfer::sizeText(png.size())));
    box.setIconPixmap(QPixmap::fromImage(image.scaled(ThumbnailCache::kMaxSide, ThumbnailCache::kMaxSide,
                                                      Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    QPushButton *send = box.addButton(tr("Send"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(send);
    const qint64 dialogId = m_dialogId;
    box.exec();
    if (box.clickedButton() == send && dialogId == m_dialogId)
        track(m_session->files()->sendData(m_dialogId, name, png));
}

void DialogFiles::saveFileAs(const protocol::FileRef &file)
{
    if (file.isEmpty())
        return;
    if (file.executable) {
        QMessageBox box(QMessageBox::Warning, tr("Save a program?"),
                        tr("%1 is a program or a script. Running files from people you do not know "
                           "can harm this computer. Save it anyway?")
                            .arg(file.name),
                        QMessageBox::NoButton, m_pane);
        box.setObjectName(QStringLiteral("executableWarningMessageBox"));
        box.setTextFormat(Qt::PlainText);
        QPushButton *save = box.addButton(tr("Save anyway"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        if (box.clickedButton() != save)
            return;
    }
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString path =
        QFileDialog::getSaveFileName(m_pane, tr("Save file"), QDir(folder).filePath(safeFileName(file.name)));
    if (path.isEmpty())
        return;
    FileDownload *download = m_session->files()->saveFile(file, path);
    const QString name = file.name;
    // A large file takes a while: the bar says what is being saved, how far, and can stop it.
    m_uploadBar->track(download, name);
    connect(download, &FileDownload::finished, this, [this](const QString &savedPath) {
        m_notice->showNotice(NoticeBar::Kind::Info,
                             tr("Saved to %1").arg(QDir::toNativeSeparators(savedPath)));
    });
    connect(download, &FileDownload::failed, this, [this, name](ErrorCode, const QString &text) {
        m_notice->showNotice(NoticeBar::Kind::Error, tr("%1 was not saved: %2").arg(name, text));
    });
}

QString DialogFiles::refusalText(const QString &name, ErrorCode code, const QString &serverText) const
{
    switch (code) {
    case ErrorCode::TooLarge: {
        const qint64 limit = m_session->serverSettings().maxFileBytes;
        return limit > 0 ? tr("%1 was not sent: it is larger than %2, the most the server accepts.")
                               .arg(name, FileTransfer::sizeText(limit))
                         : tr("%1 was not sent: it is larger than the server accepts.").arg(name);
    }
    case ErrorCode::Forbidden:
        return tr("%1 was not sent: the server refused it (%2).").arg(name, serverText);
    case ErrorCode::NotAuthenticated:
        return tr("%1 was not sent: not connected to the server.").arg(name);
    default:
        return tr("%1 was not sent: %2").arg(name, serverText);
    }
}

void DialogFiles::track(FileUpload *upload)
{
    m_uploadBar->track(upload);
    const QString name = upload->name();
    connect(upload, &FileUpload::failed, this, [this, name](ErrorCode code, const QString &text) {
        m_notice->showNotice(NoticeBar::Kind::Error, refusalText(name, code, text));
    });
}

QStringList DialogFiles::localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

bool DialogFiles::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_dropTarget)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (m_canSend && !localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        drag->ignore();
        return true;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList paths = localFiles(drop->mimeData());
        if (!m_canSend || paths.isEmpty()) {
            drop->ignore();
            return true;
        }
        drop->acceptProposedAction();
        sendFiles(paths);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace concierge::ui
