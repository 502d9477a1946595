// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace concierge {
class FileDownload;
class FileUpload;
} // namespace concierge

namespace concierge::ui {

/// Under the reply box while files are on their way, either way: "Sending price.pdf (2 more
/// waiting)…" or "Saving contract.pdf…", a progress bar and Cancel (which stops the one being
/// shown). Hidden when nothing is being sent or saved.
class FileUploadBar : public QWidget
{
    Q_OBJECT
public:
    explicit FileUploadBar(QWidget *parent = nullptr);

    /// Follows \a upload until it ends.
    void track(FileUpload *upload);
    /// Follows \a download, of the file called \a name, until it ends.
    void track(FileDownload *download, const QString &name);
    int activeCount() const;

private:
    /// One of the two is set; either deletes itself when it ends (the pointer turns null).
    struct Transfer
    {
        QPointer<FileUpload> upload;
        QPointer<FileDownload> download;
        QString name;
        bool isOver() const;
    };

    void follow(QObject *transfer);
    void showProgress(const QObject *transfer, qint64 done, qint64 total);
    void refresh();

    QList<Transfer> m_transfers;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
};

} // namespace concierge::ui
