// SPDX-License-Identifier: GPL-3.0-or-later
#include "NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace concierge::ui {

NoticeBar::NoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_button(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    m_label->setTextFormat(Qt::PlainText); // names in it come from other people
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_button->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_button, 0, Qt::AlignVCenter);
    hide();
}

void NoticeBar::showNotice(Kind kind, const QString &text)
{
    m_kind = kind;
    m_label->setText(text);
    // Light tints that keep the palette's text colour readable.
    QString background;
    QString border;
    switch (kind) {
    case Kind::Info:
        background = QStringLiteral("#e8f1fb");
        border = QStringLiteral("#9cc1e8");
        break;
    case Kind::Warning:
        background = QStringLiteral("#fff4d6");
        border = QStringLiteral("#e0b84c");
        break;
    case Kind::Error:
        background = QStringLiteral("#fde7e7");
        border = QStringLiteral("#d66");
        break;
    }
    setStyleSheet(QStringLiteral("concierge--ui--NoticeBar { background: %1; border: 1px solid %2; "
                                 "border-radius: 4px; } QLabel { color: #202020; }")
                      .arg(background, border));
    show();
}

void NoticeBar::clearNotice()
{
    m_label->clear();
    hide();
}

QString NoticeBar::text() const
{
    return isHidden() ? QString() : m_label->text();
}

void NoticeBar::setButtonText(const QString &text)
{
    m_button->setText(text);
    m_button->setVisible(!text.isEmpty());
}

} // namespace concierge::ui
