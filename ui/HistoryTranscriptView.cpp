// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryTranscriptView.h"

#include "MessageDelegate.h"
#include "MessageListModel.h"

#include <QLabel>
#include <QListView>
#include <QScrollBar>
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
    // One line selected at most: the one the search matched, drawn highlighted by the delegate.
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

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
                                       const QList<protocol::Message> &messages, qint64 matchedMessageId)
{
    const protocol::Dialog &dialog = history.dialog;
    // One way of writing times in the whole history window (the table, the exports): dd.MM.yyyy HH:mm.
    const QString dayAndTime = QStringLiteral("dd.MM.yyyy HH:mm");
    const QDateTime start = dialog.createdAt.toLocalTime();
    QString when = start.toString(dayAndTime);
    if (dialog.closedAt.isValid()) {
        const QDateTime end = dialog.closedAt.toLocalTime();
        // The same day needs no second date.
        when += QStringLiteral(" – ")
                + end.toString(end.date() == start.date() ? QStringLiteral("HH:mm") : dayAndTime);
    }
    QStringList parts{tr("Dialog #%1").arg(dialog.id), when};
    if (!history.operatorName.isEmpty())
        parts << history.operatorName;
    m_title->setText(parts.join(QStringLiteral("  ·  ")));
    m_title->setVisible(true);
    const bool sameDialog = m_dialogId == dialog.id;
    QScrollBar *scroll = m_list->verticalScrollBar();
    const bool atEnd = sameDialog && scroll->value() >= scroll->maximum();
    const int place = scroll->value();
    const qint64 marked = markedMessageId();
    m_dialogId = dialog.id;
    m_model->reset(dialog.id, messages);
    if (messages.isEmpty()) {
        m_message->setText(tr("This dialog has no lines."));
        m_stack->setCurrentWidget(m_message);
        return;
    }
    m_stack->setCurrentWidget(m_list);
    if (sameDialog) {
        mark(marked, false);
        m_list->doItemsLayout(); // the new rows' heights, before the place is put back
        if (atEnd)
            m_list->scrollToBottom(); // a live dialog read at its end follows its new lines
        else
            scroll->setValue(place);
        return;
    }
    if (!mark(matchedMessageId, true))
        m_list->scrollToTop(); // a transcript is read from its start
}

bool HistoryTranscriptView::mark(qint64 messageId, bool scrollTo)
{
    m_list->clearSelection();
    if (messageId == 0)
        return false;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row);
        if (index.data(MessageListModel::MessageIdRole).toLongLong() != messageId)
            continue;
        m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        if (scrollTo) {
            m_list->doItemsLayout();
            m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
        }
        return true;
    }
    return false;
}

qint64 HistoryTranscriptView::markedMessageId() const
{
    const QModelIndexList selected = m_list->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? 0 : selected.constFirst().data(MessageListModel::MessageIdRole).toLongLong();
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
