// SPDX-License-Identifier: GPL-3.0-or-later
#include "AvatarEditor.h"

#include "FileTransfer.h"
#include "OperatorSession.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace concierge::ui {

AvatarEditor::AvatarEditor(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_picture(new QLabel(this))
    , m_choose(new QPushButton(tr("Choose &picture…"), this))
    , m_remove(new QPushButton(tr("Re&move"), this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("avatarEditor"));
    m_picture->setObjectName(QStringLiteral("avatarPictureLabel"));
    m_choose->setObjectName(QStringLiteral("avatarChooseButton"));
    m_remove->setObjectName(QStringLiteral("avatarRemoveButton"));
    m_message->setObjectName(QStringLiteral("avatarMessageLabel"));
    m_picture->setFixedSize(kPictureSize, kPictureSize);
    m_picture->setAlignment(Qt::AlignCenter);
    m_choose->setToolTip(
        tr("A PNG, JPEG, GIF or WebP image up to 1 MB; visitors see it beside your replies."));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();
    for (QPushButton *button : {m_choose, m_remove})
        button->setAutoDefault(false);

    // The outcome goes beside the picture, under the buttons: within the picture's height it never
    // makes the window grow (a wrapped label under it would be squeezed over it instead).
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_choose);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto *column = new QVBoxLayout;
    column->addLayout(buttons);
    column->addWidget(m_message);
    column->addStretch(1);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_picture, 0, Qt::AlignTop);
    layout->addLayout(column, 1);

    FileTransfer *files = session->files();
    connect(m_choose, &QPushButton::clicked, this, &AvatarEditor::choosePicture);
    connect(m_remove, &QPushButton::clicked, this, &AvatarEditor::remove);
    connect(files, &FileTransfer::fetched, this, [this](const QString &url, const QByteArray &bytes) {
        if (url != m_url)
            return;
        QImage image;
        if (!image.loadFromData(bytes)) {
            showPlaceholder();
            return;
        }
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(image.scaled(QSize(kPictureSize, kPictureSize) * ratio,
                                                         Qt::KeepAspectRatio, Qt::SmoothTransformation));
        pixmap.setDevicePixelRatio(ratio);
        m_picture->setPixmap(pixmap);
        m_showsPicture = true;
    });
    connect(files, &FileTransfer::fetchFailed, this, [this](const QString &url) {
        if (url == m_url)
            showPlaceholder();
    });
    connect(files, &FileTransfer::avatarChanged, this, [this] {
        if (!m_busy)
            return;
        m_busy = false;
        say(m_session->self().avatarUrl.isEmpty() ? tr("The picture was removed.")
                                                  : tr("Saved. Visitors see the new picture from now on."),
            false);
        if (m_session->self().avatarUrl != m_url)
            showAvatar();
        updateButtons();
    });
    connect(files, &FileTransfer::avatarFailed, this, [this](protocol::ErrorCode code, const QString &text) {
        if (!m_busy)
            return;
        m_busy = false;
        updateButtons();
        if (code == protocol::ErrorCode::TooLarge)
            say(tr("This picture is too big: the limit is 1 MB."), true);
        else if (code == protocol::ErrorCode::BadRequest)
            say(tr("This file is not a picture the server accepts (PNG, JPEG, GIF or WebP)."), true);
        else
            say(tr("The picture was not changed: %1").arg(text), true);
    });
    // Another session of mine changed it, or the profile arrived after the window opened.
    connect(session, &OperatorSession::selfChanged, this, [this] {
        if (m_session->self().avatarUrl != m_url)
            showAvatar();
    });
    showAvatar();
}

void AvatarEditor::showAvatar()
{
    m_url = m_session->self().avatarUrl;
    updateButtons();
    showPlaceholder(); // until the bytes are here
    if (!m_url.isEmpty())
        m_session->files()->fetch(m_url, FileTransfer::kMaxAvatarBytes);
}

void AvatarEditor::updateButtons()
{
    m_choose->setEnabled(!m_busy);
    m_remove->setEnabled(!m_busy && !m_session->self().avatarUrl.isEmpty());
}

void AvatarEditor::showPlaceholder()
{
    // My initial on a grey disc, as lists show an operator without a picture.
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(kPictureSize, kPictureSize) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::Mid));
    painter.drawEllipse(QRectF(0, 0, kPictureSize, kPictureSize));
    QFont font = this->font();
    font.setPixelSize(kPictureSize / 2);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(palette().color(QPalette::Base));
    const QString name = m_session->self().name.trimmed();
    painter.drawText(QRectF(0, 0, kPictureSize, kPictureSize), Qt::AlignCenter,
                     name.isEmpty() ? QString() : name.left(1).toUpper());
    painter.end();
    m_picture->setPixmap(pixmap);
    m_showsPicture = false;
}

void AvatarEditor::choosePicture()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a picture"), QStandardPaths::writableLocation(QStandardPaths::PicturesLocation),
        tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"));
    if (!path.isEmpty())
        upload(path);
}

void AvatarEditor::upload(const QString &path)
{
    m_busy = true;
    updateButtons();
    m_message->hide();
    m_session->files()->uploadAvatar(path);
}

void AvatarEditor::remove()
{
    if (m_session->self().avatarUrl.isEmpty())
        return;
    m_busy = true;
    updateButtons();
    m_message->hide();
    m_session->files()->clearAvatar();
}

void AvatarEditor::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("QLabel { color: #c62828; }")
                                   : QStringLiteral("QLabel { color: #2e7d32; }"));
    m_message->setText(text);
    m_message->show();
}

} // namespace concierge::ui
