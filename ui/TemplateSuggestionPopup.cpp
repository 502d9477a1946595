// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateSuggestionPopup.h"

#include "TemplateSuggestionDelegate.h"
#include "TemplateSuggestionModel.h"

#include <QEvent>
#include <QListView>
#include <QVBoxLayout>

namespace concierge::ui {

TemplateSuggestionPopup::TemplateSuggestionPopup(TemplateSuggestionModel *model, QWidget *editor)
    : QFrame(editor->window())
    , m_model(model)
    , m_editor(editor)
    , m_view(new QListView(this))
{
    setObjectName(QStringLiteral("templateSuggestionPopup"));
    m_view->setObjectName(QStringLiteral("templateSuggestionView"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setModel(model);
    m_view->setItemDelegate(new TemplateSuggestionDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setUniformItemSizes(true);
    m_view->setMouseTracking(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->addWidget(m_view);
    hide();

    connect(m_view, &QListView::clicked, this, [this](const QModelIndex &index) {
        Q_EMIT clicked(index.data(TemplateSuggestionModel::IdRole).toLongLong());
    });
    // The editor may move or grow (the window resized, a notice bar shown above it).
    editor->installEventFilter(this);
}

void TemplateSuggestionPopup::refresh(bool allowed)
{
    if (!allowed || m_model->rowCount() == 0) {
        hide();
        return;
    }
    // Every new query starts again from the best match.
    m_view->setCurrentIndex(m_model->index(0, 0));
    place();
    show();
    raise();
}

void TemplateSuggestionPopup::place()
{
    QWidget *window = m_editor->window();
    if (parentWidget() != window)
        setParent(window); // the reply box may have been moved into another window
    const int rows = qMin(kVisibleRows, m_model->rowCount());
    const int rowHeight = m_view->sizeHintForRow(0) > 0 ? m_view->sizeHintForRow(0) : 40;
    const int height = rows * rowHeight + 2 * frameWidth() + 4;
    const QPoint topLeft = m_editor->mapTo(window, QPoint(0, 0));
    const int width = qMax(m_editor->width(), 320);
    int y = topLeft.y() - height;
    if (y < 0)
        y = topLeft.y() + m_editor->height(); // no room above: under the box
    const int x = qBound(0, topLeft.x(), qMax(0, window->width() - width));
    setGeometry(x, y, width, height);
}

void TemplateSuggestionPopup::moveSelection(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    const int next = ((current + delta) % rows + rows) % rows;
    m_view->setCurrentIndex(m_model->index(next, 0));
    m_view->scrollTo(m_view->currentIndex());
}

qint64 TemplateSuggestionPopup::currentTemplateId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(TemplateSuggestionModel::IdRole).toLongLong() : 0;
}

bool TemplateSuggestionPopup::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && isVisible()) {
        switch (event->type()) {
        case QEvent::Move:
        case QEvent::Resize:
            place();
            break;
        case QEvent::Hide:
            hide();
            break;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

} // namespace concierge::ui
