// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QPushButton;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// The history window's advanced filters (docs/protocol.md, "The HistoryFilter object"): a date
/// range (each end optional), operator, department and category ("Any" first, from the session's
/// lists, kept current), rating, "With contact details", "Offline requests only", and "Clear
/// filters". Says filterChanged() on every change.
class HistoryFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryFilterBar(OperatorSession *session, QWidget *parent = nullptr);

    protocol::HistoryFilter filter() const;
    /// How many filters narrow the search now (the date range counts once): "Filters (2)".
    int activeCount() const;
    /// Back to "any" everywhere (one filterChanged()).
    void clear();

    QCheckBox *fromCheck() const { return m_fromCheck; }
    QDateEdit *fromEdit() const { return m_from; }
    QCheckBox *toCheck() const { return m_toCheck; }
    QDateEdit *toEdit() const { return m_to; }
    QComboBox *operatorCombo() const { return m_operator; }
    QComboBox *departmentCombo() const { return m_department; }
    QComboBox *categoryCombo() const { return m_category; }
    QComboBox *ratingCombo() const { return m_rating; }
    QCheckBox *withContactCheck() const { return m_withContact; }
    QCheckBox *offlineCheck() const { return m_offline; }
    QPushButton *clearButton() const { return m_clear; }

Q_SIGNALS:
    void filterChanged();

private:
    /// Refills the operator, department and category lists, keeping what is chosen.
    void refreshLists();
    void announce();

    OperatorSession *m_session;
    QCheckBox *m_fromCheck;
    QDateEdit *m_from;
    QCheckBox *m_toCheck;
    QDateEdit *m_to;
    QComboBox *m_operator;
    QComboBox *m_department;
    QComboBox *m_category;
    QComboBox *m_rating;
    QCheckBox *m_withContact;
    QCheckBox *m_offline;
    QPushButton *m_clear;
    bool m_quiet = false; ///< no filterChanged() while refilling or clearing
};

} // namespace concierge::ui
