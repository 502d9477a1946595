// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace concierge {
class FileUpload;
}

namespace concierge::ui {

/// Under the reply box while files are on their way: "Sending price.pdf (2 of 3)…", a progress
/// bar and Cancel (which stops the one being shown). Hidden when nothing is being sent.
class FileUploadBar : public QWidget
{
    Q_OBJECT
public:
    explicit FileUploadBar(QWidget *parent = nullptr);

    /// Follows \a upload until it ends.
    void track(FileUpload *upload);
    int activeCount() const;

private:
    void refresh();

    QList<QPointer<FileUpload>> m_uploads;
    QLabel *m_label;
    QProgressBar *m_progress;
    QPushButton *m_cancelButton;
};

} // namespace concierge::ui
