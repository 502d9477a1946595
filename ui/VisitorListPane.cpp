// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListPane.h"

#include "VisitorListDelegate.h"
#include "VisitorListModel.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace concierge::ui {

VisitorListPane::VisitorListPane(VisitorListModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("visitorListPane"));
    m_view->setObjectName(QStringLiteral("visitorListView"));
    m_view->setModel(model);
    m_view->setItemDelegate(new VisitorListDelegate(m_view));
    m_view->setHeaderHidden(true);
    m_view->setRootIsDecorated(false);
    m_view->setIndentation(8);
    m_view->setUniformRowHeights(false);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->expandAll();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    // Sections stay expanded whatever the model does to them.
    connect(model, &QAbstractItemModel::rowsInserted, m_view, [this](const QModelIndex &parentIndex) {
        if (!parentIndex.isValid())
            m_view->expandAll();
    });
    connect(model, &QAbstractItemModel::modelReset, m_view, &QTreeView::expandAll);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    m_tick.start();
}

void VisitorListPane::onCurrentChanged(const QModelIndex &current)
{
    if (!current.isValid() || current.data(VisitorListModel::IsSectionRole).toBool())
        return;
    Q_EMIT visitorActivated(current.data(VisitorListModel::VisitorIdRole).toLongLong(),
                            current.data(VisitorListModel::DialogIdRole).toLongLong());
}

} // namespace concierge::ui
