// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Message.h"

#include <QObject>

class QAbstractItemView;
class QAction;
class QImage;
class QMimeData;
class QToolButton;
class QWidget;

namespace concierge {
class FileUpload;
class OperatorSession;
} // namespace concierge

namespace concierge::ui {

class FileUploadBar;
class NoticeBar;
class ThumbnailCache;

/// Files in the visitor's dialog, for the DialogPane: the attach button and its action
/// (Ctrl+Shift+A), files dropped on the pane or pasted into the reply box, a pasted image after a
/// confirmation with its preview, the upload bar (which also shows files being saved), and
/// "Save as…" for file lines (double-click, Enter or the context menu; programs and scripts
/// confirmed first). Nothing is ever opened.
/// Refusals (too large, forbidden, no network) go to the pane's NoticeBar in plain words.
class DialogFiles : public QObject
{
    Q_OBJECT
public:
    DialogFiles(OperatorSession *session, QWidget *pane, NoticeBar *notice);

    QToolButton *attachButton() const { return m_attachButton; }
    FileUploadBar *uploadBar() const { return m_uploadBar; }
    ThumbnailCache *thumbnails() const { return m_thumbnails; }

    /// The dialog files go to; \a canSend: the operator may write into it now.
    void setDialog(qint64 dialogId, bool canSend);
    /// Files dropped on \a target (the dialog's page, not the operator room) are sent.
    void acceptDropsOn(QWidget *target);
    /// Double-click / Enter / context menu "Save as…" on the file lines of \a history.
    void watchHistory(QAbstractItemView *history);

    /// Sends each file as its own message (as chosen, dropped or pasted).
    void sendFiles(const QStringList &paths);
    /// Asks "Send this image?" with a preview, then sends it as "pasted image.png". A pasted
    /// screenshot is often something else than what the operator meant to share, and a sent file
    /// cannot be taken back, so unlike a chosen or dropped file this one is confirmed.
    void sendPastedImage(const QImage &image);
    /// Opens the save dialog for \a file (after a warning for programs) and downloads it there.
    void saveFileAs(const protocol::FileRef &file);

    /// Why a file was not sent, in the operator's language.
    QString refusalText(const QString &name, protocol::ErrorCode code, const QString &serverText) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void chooseFiles();
    void track(FileUpload *upload);
    static QStringList localFiles(const QMimeData *mime);

    OperatorSession *m_session;
    QWidget *m_pane;
    QWidget *m_dropTarget = nullptr;
    NoticeBar *m_notice;
    QAction *m_attachAction;
    QToolButton *m_attachButton;
    FileUploadBar *m_uploadBar;
    ThumbnailCache *m_thumbnails;
    qint64 m_dialogId = 0;
    bool m_canSend = false;
};

} // namespace concierge::ui
