// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryTranscriptView.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"

#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace concierge::ui {

HistoryTranscriptView::HistoryTranscriptView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_list(new QListView(this))
    , m_model(new MessageListModel(this))
{
    setObjectName(QStringLiteral("historyTranscriptView"));
    m_title->setObjectName(QStringLiteral("historyTranscriptTitleLabel"));
    m_title->setTextFormat(Qt::PlainText); // the operator's name is someone's own words
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setContentsMargins(6, 4, 6, 4);

    m_message->setObjectName(QStringLiteral("historyTranscriptMessageLabel"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);

    m_list->setObjectName(QStringLiteral("historyTranscriptListView"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new MessageDelegate(m_list)); // the delegate sizes lines by its view
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(false);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_list);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    showMessage(tr("Select a dialog to read it."));
}

void HistoryTranscriptView::showDialog(const protocol::HistoryDialog &history,
                                       const QList<protocol::Message> &messages)
{
    const protocol::Dialog &dialog = history.dialog;
    const QLocale locale;
    QString when = locale.toString(dialog.createdAt.toLocalTime(), QLocale::ShortFormat);
    if (dialog.closedAt.isValid()) {
        const QDateTime end = dialog.closedAt.toLocalTime();
        // The same day needs no second date.
        when += QStringLiteral(" – ") + (end.date() == dialog.createdAt.toLocalTime().date()
                                             ? locale.toString(end.time(), QLocale::ShortFormat)
                                             : locale.toString(end, QLocale::ShortFormat));
    }
    QStringList parts{tr("Dialog #%1").arg(dialog.id), when};
    if (!history.operatorName.isEmpty())
        parts << history.operatorName;
    m_title->setText(parts.join(QStringLiteral("  ·  ")));
    m_title->setVisible(true);
    const bool sameDialog = m_dialogId == dialog.id;
    m_dialogId = dialog.id;
    m_model->reset(dialog.id, messages);
    if (messages.isEmpty()) {
        m_message->setText(tr("This dialog has no lines."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_stack->setCurrentWidget(m_list);
    if (!sameDialog)
        m_list->scrollToTop(); // a transcript is read from its start
}

void HistoryTranscriptView::showMessage(const QString &text)
{
    m_dialogId = 0;
    m_model->reset(0, {});
    m_title->clear();
    m_title->setVisible(false);
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

QStringList HistoryTranscriptView::lineTexts() const
{
    QStringList lines;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        const QString name = index.data(MessageListModel::AuthorNameRole).toString();
        const QString text = MessageDelegate::displayText(index);
        lines << (name.isEmpty() ? text : name + QStringLiteral(": ") + text);
    }
    return lines;
}

} // namespace concierge::ui
