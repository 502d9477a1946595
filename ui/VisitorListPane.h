// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTimer>
#include <QWidget>

#include <functional>

class QLineEdit;
class QTreeView;

namespace concierge {
class VisitorListModel;
}

namespace concierge::ui {

class VisitorListDelegate;

/// Left pane: a filter box over the sectioned visitor list. Sections that do not apply to this
/// operator (and an empty Common queue) are hidden; selecting a visitor asks to open their dialog.
class VisitorListPane : public QWidget
{
    Q_OBJECT
public:
    explicit VisitorListPane(VisitorListModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    /// Ctrl+F: puts the cursor in the filter box with its text selected.
    void focusFilter();
    /// How rows name their dialog's category (id → name); repaints the list.
    void setCategoryNames(std::function<QString(qint64)> names);
    VisitorListDelegate *delegate() const { return m_delegate; }

Q_SIGNALS:
    void visitorActivated(qint64 visitorId, qint64 dialogId);

private:
    void onCurrentChanged(const QModelIndex &current);
    void expandSections();
    void updateSectionVisibility();
    void repaintWaitingTimers();

    VisitorListModel *m_model;
    QLineEdit *m_filter;
    QTreeView *m_view;
    VisitorListDelegate *m_delegate;
    QTimer m_tick; ///< repaints the waiting timers once a second
    bool m_rowsBeingRemoved = false; ///< current-index changes meanwhile are the view's, not the operator's
};

} // namespace concierge::ui
