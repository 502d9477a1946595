// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

class QTreeView;

namespace concierge {
class VisitorListModel;
}

namespace concierge::ui {

/// Left pane: the sectioned visitor list. Selecting a visitor asks to open their dialog.
class VisitorListPane : public QWidget
{
    Q_OBJECT
public:
    explicit VisitorListPane(VisitorListModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }

Q_SIGNALS:
    void visitorActivated(qint64 visitorId, qint64 dialogId);

private:
    void onCurrentChanged(const QModelIndex &current);

    VisitorListModel *m_model;
    QTreeView *m_view;
    QTimer m_tick; ///< repaints the waiting timers once a second
};

} // namespace concierge::ui
