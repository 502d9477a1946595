// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

/// Right pane: who the visitor is and what they have looked at. The contact details they left on
/// request stay pinned at the top, with a "Banned" marker above them once banned. Every value came
/// from a browser, so every label is plain text.
class VisitorInfoPane : public QWidget
{
    Q_OBJECT
public:
    explicit VisitorInfoPane(OperatorSession *session, QWidget *parent = nullptr);

    void showVisitor(qint64 visitorId);

private:
    void refresh();
    QLabel *addRow(const QString &label, const QString &objectName);
    QLabel *addRow(QFormLayout *form, const QString &label, const QString &objectName);

    OperatorSession *m_session;
    qint64 m_visitorId = 0;
    QStackedWidget *m_stack;
    QFormLayout *m_form;
    QLabel *m_banned;
    QGroupBox *m_contactBox;
    QLabel *m_contactName;
    QLabel *m_contactEmail;
    QLabel *m_contactPhone;
    QLabel *m_name;
    QLabel *m_location;
    QLabel *m_browser;
    QLabel *m_os;
    QLabel *m_ip;
    QLabel *m_currentPage;
    QLabel *m_referrer;
    QLabel *m_utm;
    QListWidget *m_pages;
};

} // namespace concierge::ui
