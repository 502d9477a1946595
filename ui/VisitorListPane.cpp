// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListPane.h"

#include "VisitorListDelegate.h"
#include "VisitorListModel.h"

#include <QAction>
#include <QLineEdit>
#include <QTreeView>
#include <QVBoxLayout>

namespace concierge::ui {

using Section = VisitorListModel::Section;

VisitorListPane::VisitorListPane(VisitorListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_filter(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_delegate(new VisitorListDelegate(m_view))
{
    setObjectName(QStringLiteral("visitorListPane"));
    m_filter->setObjectName(QStringLiteral("visitorFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter by name, page or text"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setToolTip(tr("Ctrl+F to filter, Esc to clear"));
    m_view->setObjectName(QStringLiteral("visitorListView"));
    // When the row the operator is reading disappears (the visitor left), the view moves the current
    // index to a neighbour; that must not switch the conversation under the operator's eyes. This
    // is connected before setModel() so it runs before the selection model reacts to the removal.
    connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_rowsBeingRemoved = true; });
    m_view->setModel(model);
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] { m_rowsBeingRemoved = false; });
    m_view->setItemDelegate(m_delegate);
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setIndentation(8);
    m_view->setUniformRowHeights(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    expandSections();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);

    auto *focusFilterAction = new QAction(tr("Filter the visitor list"), this);
    focusFilterAction->setObjectName(QStringLiteral("focusFilterAction"));
    focusFilterAction->setShortcut(QKeySequence::Find);
    focusFilterAction->setShortcutContext(Qt::WindowShortcut);
    connect(focusFilterAction, &QAction::triggered, this, &VisitorListPane::focusFilter);
    addAction(focusFilterAction);
    auto *clearFilterAction = new QAction(tr("Clear the filter"), m_filter);
    clearFilterAction->setShortcut(QKeySequence(Qt::Key_Escape));
    clearFilterAction->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilterAction, &QAction::triggered, m_filter, &QLineEdit::clear);
    m_filter->addAction(clearFilterAction);
    connect(m_filter, &QLineEdit::textChanged, model, &VisitorListModel::setFilterText);

    // Sections stay expanded whatever the model does to them; which ones show follows the model.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parentIndex) {
        if (!parentIndex.isValid())
            expandSections();
        updateSectionVisibility();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &VisitorListPane::updateSectionVisibility);
    connect(model, &QAbstractItemModel::rowsMoved, this, &VisitorListPane::updateSectionVisibility);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        expandSections();
        updateSectionVisibility();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    updateSectionVisibility();

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &VisitorListPane::repaintWaitingTimers);
    m_tick.start();
}

void VisitorListPane::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void VisitorListPane::setCategoryNames(std::function<QString(qint64)> names)
{
    m_delegate->setCategoryNames(std::move(names));
    m_view->viewport()->update();
}

void VisitorListPane::onCurrentChanged(const QModelIndex &current)
{
    if (m_rowsBeingRemoved) {
        // Not the operator's choice: leave the conversation open and show no row as current.
        QMetaObject::invokeMethod(this, [this] {
            m_view->selectionModel()->clear();
        }, Qt::QueuedConnection);
        return;
    }
    if (!current.isValid() || current.data(VisitorListModel::IsSectionRole).toBool())
        return;
    Q_EMIT visitorActivated(current.data(VisitorListModel::VisitorIdRole).toLongLong(),
                            current.data(VisitorListModel::DialogIdRole).toLongLong());
}

void VisitorListPane::expandSections()
{
    // Not expandAll(): in Qt 6.4 it keeps a persistent index for every row, and with 10,000
    // visitors each later row move then updates 10,000 of them (bench_visitor_list).
    for (int row = 0; row < VisitorListModel::kSectionCount; ++row)
        m_view->expand(m_model->sectionIndex(static_cast<Section>(row)));
}

void VisitorListPane::updateSectionVisibility()
{
    for (int row = 0; row < VisitorListModel::kSectionCount; ++row) {
        const auto section = static_cast<Section>(row);
        const QModelIndex index = m_model->sectionIndex(section);
        if (!index.isValid())
            continue;
        // The common queue only means something while dialogs wait in it.
        bool hidden = !m_model->sectionApplies(section);
        if (section == Section::CommonQueue && m_model->rowCount(index) == 0)
            hidden = true;
        if (m_view->isRowHidden(index.row(), {}) != hidden)
            m_view->setRowHidden(index.row(), {}, hidden);
    }
}

void VisitorListPane::repaintWaitingTimers()
{
    // Repaint only the rows whose timer runs, and only those on screen: a list of thousands of
    // visitors costs no more per second than the few rows the operator can see.
    QRegion dirty;
    const QRect visible = m_view->viewport()->rect();
    for (QModelIndex index = m_view->indexAt(visible.topLeft()); index.isValid();
         index = m_view->indexBelow(index)) {
        const QRect rect = m_view->visualRect(index);
        if (rect.top() > visible.bottom())
            break;
        if (index.data(VisitorListModel::WaitingSinceRole).toDateTime().isValid())
            dirty += rect;
    }
    if (!dirty.isEmpty())
        m_view->viewport()->update(dirty);
}

} // namespace concierge::ui
