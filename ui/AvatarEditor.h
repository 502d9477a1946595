// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// My avatar in the profile window (docs/protocol.md, "Operator profile"): the current picture
/// (fetched from my avatarUrl; my initial while there is none), "Choose picture…" (PNG, JPEG, GIF
/// or WebP up to 1 MiB, sent at once) and "Remove". How it went is said under it.
class AvatarEditor : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kPictureSize = 64;

    explicit AvatarEditor(OperatorSession *session, QWidget *parent = nullptr);

    /// Sends the image at \a path as my avatar (what "Choose picture…" does after the file dialog).
    void upload(const QString &path);
    void remove();
    /// Opens the file dialog, then upload().
    void choosePicture();

    QLabel *pictureLabel() const { return m_picture; }
    QPushButton *chooseButton() const { return m_choose; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *messageLabel() const { return m_message; }
    /// The avatar shown now came from the server (not the placeholder).
    bool showsPicture() const { return m_showsPicture; }

private:
    void showAvatar();
    void showPlaceholder();
    void updateButtons();
    void say(const QString &text, bool error);

    OperatorSession *m_session;
    QLabel *m_picture;
    QPushButton *m_choose;
    QPushButton *m_remove;
    QLabel *m_message;
    QString m_url; ///< the avatarUrl being shown or fetched
    bool m_showsPicture = false;
    bool m_busy = false;
};

} // namespace concierge::ui
