// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileUploadBar.h"

#include "FileDownload.h"
#include "FileUpload.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <algorithm>

namespace concierge::ui {

bool FileUploadBar::Transfer::isOver() const
{
    if (download)
        return download->isDone();
    return !upload || upload->isDone();
}

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
    // The operator's file names, and the visitor's when saving: never markup.
    m_label->setTextFormat(Qt::PlainText);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_progress, 1);
    layout->addWidget(m_cancelButton);

    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_transfers.isEmpty())
            return;
        const Transfer &current = m_transfers.constFirst();
        if (current.download)
            current.download->cancel();
        else if (current.upload)
            current.upload->cancel();
    });
    hide();
}

void FileUploadBar::track(FileUpload *upload)
{
    if (!upload || upload->isDone())
        return;
    m_transfers.append({upload, nullptr, upload->name()});
    connect(upload, &FileUpload::progress, this,
            [this, upload](qint64 sent, qint64 total) { showProgress(upload, sent, total); });
    follow(upload);
}

void FileUploadBar::track(FileDownload *download, const QString &name)
{
    if (!download || download->isDone())
        return;
    m_transfers.append({nullptr, download, name});
    connect(download, &FileDownload::progress, this,
            [this, download](qint64 received, qint64 total) { showProgress(download, received, total); });
    follow(download);
}

void FileUploadBar::follow(QObject *transfer)
{
    // Every end (done, refused, cancelled) deletes the transfer: the QPointer turns null.
    connect(transfer, &QObject::destroyed, this, &FileUploadBar::refresh, Qt::QueuedConnection);
    refresh();
}

void FileUploadBar::showProgress(const QObject *transfer, qint64 done, qint64 total)
{
    if (m_transfers.isEmpty() || total <= 0)
        return;
    const Transfer &current = m_transfers.constFirst();
    if (current.upload == transfer || current.download == transfer)
        m_progress->setValue(int(done * 1000 / total));
}

int FileUploadBar::activeCount() const
{
    return int(std::count_if(m_transfers.begin(), m_transfers.end(),
                             [](const Transfer &transfer) { return !transfer.isOver(); }));
}

void FileUploadBar::refresh()
{
    m_transfers.removeIf([](const Transfer &transfer) { return transfer.isOver(); });
    if (m_transfers.isEmpty()) {
        hide();
        return;
    }
    const Transfer &current = m_transfers.constFirst();
    const int more = int(m_transfers.size()) - 1;
    if (current.download) {
        m_label->setText(more > 0 ? tr("Saving %1 (%2 more waiting)…").arg(current.name).arg(more)
                                  : tr("Saving %1…").arg(current.name));
        m_cancelButton->setToolTip(tr("Stop saving this file; nothing is written"));
    } else {
        m_label->setText(more > 0 ? tr("Sending %1 (%2 more waiting)…").arg(current.name).arg(more)
                                  : tr("Sending %1…").arg(current.name));
        m_cancelButton->setToolTip(tr("Stop sending this file; the visitor gets nothing"));
    }
    m_progress->setValue(0);
    show();
}

} // namespace concierge::ui
