// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"

#include <QPointer>
#include <QWidget>

class QFormLayout;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class NoticeBar;
class RedirectDialog;

/// Right pane: who the visitor is and what they have looked at. The contact details they left on
/// request stay pinned at the top, with a "Banned" marker above them once banned. Every value came
/// from a browser, so every label is plain text. From the pages list the operator can redirect an
/// online visitor ("Redirect…", a button and the list's context menu); the outcome shows under it.
class VisitorInfoPane : public QWidget
{
    Q_OBJECT
public:
    explicit VisitorInfoPane(OperatorSession *session, QWidget *parent = nullptr);

    void showVisitor(qint64 visitorId);
    qint64 visitorId() const { return m_visitorId; }
    /// "Redirect…" for the visitor on screen, prefilled with the selected page (else the current
    /// one); null when they cannot be redirected now (offline, or I am Offline).
    RedirectDialog *openRedirectDialog();
    QListWidget *pagesList() const { return m_pages; }
    QPushButton *redirectButton() const { return m_redirectButton; }
    /// Says how the last redirect went.
    NoticeBar *redirectNotice() const { return m_redirectNotice; }

private:
    void refresh();
    bool mayRedirect() const;
    void onRequestFailed(const QString &requestType, protocol::ErrorCode code, const QString &message);
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
    QPushButton *m_redirectButton;
    NoticeBar *m_redirectNotice;
    QPointer<RedirectDialog> m_redirectDialog;
};

} // namespace concierge::ui
