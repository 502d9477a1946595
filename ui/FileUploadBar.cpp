// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileUploadBar.h"

#include "FileUpload.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace concierge::ui {

FileUploadBar::FileUploadBar(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
{
    setObjectName(QStringLiteral("fileUploadBar"));
    m_label->setObjectName(QStringLiteral("fileUploadLabel"));
    m_progress->setObjectName(QStringLiteral("fileUploadProgressBar"));
    m_cancelButton->setObjectName(QStringLiteral("fileUploadCancelButton"));
    m_label->setTextFormat(Qt::PlainText); // the file name is the operator's, but still never markup
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_cancelButton->setToolTip(tr("Stop sending this file; the visitor gets nothing"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancelButton);

    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (!m_uploads.isEmpty() && m_uploads.constFirst())
            m_uploads.constFirst()->cancel();
    });
    hide();
}

void FileUploadBar::track(FileUpload *upload)
{
    if (!upload || upload->isDone())
        return;
    m_uploads.append(upload);
    connect(upload, &FileUpload::progress, this, [this, upload](qint64 sent, qint64 total) {
        if (!m_uploads.isEmpty() && m_uploads.constFirst() == upload && total > 0)
            m_progress->setValue(int(sent * 1000 / total));
    });
    // Every end (sent, refused, cancelled) deletes the upload: the QPointer turns null.
    connect(upload, &QObject::destroyed, this, &FileUploadBar::refresh, Qt::QueuedConnection);
    refresh();
}

int FileUploadBar::activeCount() const
{
    return int(std::count_if(m_uploads.begin(), m_uploads.end(), [](const QPointer<FileUpload> &upload) {
        return !upload.isNull() && !upload->isDone();
    }));
}

void FileUploadBar::refresh()
{
    m_uploads.removeIf(
        [](const QPointer<FileUpload> &upload) { return upload.isNull() || upload->isDone(); });
    if (m_uploads.isEmpty()) {
        hide();
        return;
    }
    const FileUpload *current = m_uploads.constFirst();
    const int total = int(m_uploads.size());
    m_label->setText(total > 1 ? tr("Sending %1 (%2 more waiting)…").arg(current->name()).arg(total - 1)
                               : tr("Sending %1…").arg(current->name()));
    m_progress->setValue(0);
    show();
}

} // namespace concierge::ui
