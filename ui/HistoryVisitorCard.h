// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/History.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace concierge::ui {

/// Beside a history transcript: the visitor as they were during that dialog (the name and contact
/// details they gave, address, browser and system, where they came from, UTM tags, the pages they
/// looked at) and the dialog's facts (department, category, rating, offline request). Every value
/// came from a browser or a visitor: plain-text labels only.
class HistoryVisitorCard : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryVisitorCard(QWidget *parent = nullptr);

    void showDialog(const protocol::HistoryDialog &dialog);
    void clear();

    QLabel *nameLabel() const { return m_name; }
    QLabel *contactLabel() const { return m_contact; }
    QLabel *ipLabel() const { return m_ip; }
    QListWidget *pagesList() const { return m_pages; }
    /// "None" in place of the list when no page was recorded.
    QLabel *noPagesLabel() const { return m_noPages; }

private:
    QLabel *addRow(const QString &label, const QString &objectName);

    QStackedWidget *m_stack;
    QFormLayout *m_form;
    QLabel *m_name;
    QLabel *m_contact;
    QLabel *m_ip;
    QLabel *m_browser;
    QLabel *m_os;
    QLabel *m_location;
    QLabel *m_referrer;
    QLabel *m_utm;
    QLabel *m_department;
    QLabel *m_category;
    QLabel *m_rating;
    QLabel *m_offline;
    QListWidget *m_pages;
    QLabel *m_noPages = nullptr;
};

} // namespace concierge::ui
