// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorInfoPane.h"

#include "NoticeBar.h"
#include "OperatorSession.h"
#include "RedirectDialog.h"
#include "VisitorText.h"

#include <QAction>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

using visitortext::orDash;
using visitortext::utmText;

} // namespace

VisitorInfoPane::VisitorInfoPane(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_form(new QFormLayout)
    , m_banned(new QLabel(this))
    , m_contactBox(new QGroupBox(tr("Contact details"), this))
    , m_pages(new QListWidget(this))
    , m_redirectButton(new QPushButton(tr("&Redirect…"), this))
    , m_redirectNotice(new NoticeBar(this))
{
    setObjectName(QStringLiteral("visitorInfoPane"));
    auto *empty = new QLabel(tr("No visitor selected."), this);
    empty->setAlignment(Qt::AlignCenter);

    m_banned->setObjectName(QStringLiteral("visitorBannedLabel"));
    m_banned->setTextFormat(Qt::PlainText);
    m_banned->setText(tr("Banned"));
    m_banned->setToolTip(tr("This visitor cannot write to the operators."));
    m_banned->setAlignment(Qt::AlignCenter);
    m_banned->setStyleSheet(QStringLiteral("QLabel { background: #c62828; color: white; font-weight: bold; "
                                           "border-radius: 4px; padding: 3px 8px; }"));
    m_contactBox->setObjectName(QStringLiteral("visitorContactBox"));
    auto *contactForm = new QFormLayout(m_contactBox);
    contactForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    contactForm->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_contactName = addRow(contactForm, tr("Name"), QStringLiteral("contactNameLabel"));
    m_contactEmail = addRow(contactForm, tr("Email"), QStringLiteral("contactEmailLabel"));
    m_contactPhone = addRow(contactForm, tr("Phone"), QStringLiteral("contactPhoneLabel"));

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = addRow(tr("Name"), QStringLiteral("visitorNameLabel"));
    m_location = addRow(tr("Location"), QStringLiteral("visitorLocationLabel"));
    m_browser = addRow(tr("Browser"), QStringLiteral("visitorBrowserLabel"));
    m_os = addRow(tr("OS"), QStringLiteral("visitorOsLabel"));
    m_ip = addRow(tr("IP address"), QStringLiteral("visitorIpLabel"));
    m_currentPage = addRow(tr("Current page"), QStringLiteral("visitorCurrentPageLabel"));
    m_referrer = addRow(tr("Came from"), QStringLiteral("visitorReferrerLabel"));
    m_utm = addRow(tr("UTM tags"), QStringLiteral("visitorUtmLabel"));

    m_pages->setObjectName(QStringLiteral("visitorPagesList"));
    // A page is chosen to prefill "Redirect…"; nothing else happens on selection.
    m_pages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pages->setTextElideMode(Qt::ElideMiddle);
    m_pages->setContextMenuPolicy(Qt::CustomContextMenu);
    m_redirectButton->setObjectName(QStringLiteral("redirectButton"));
    m_redirectButton->setToolTip(
        tr("Open a page in the visitor's browser tab (the selected one, or any address)"));
    m_redirectNotice->setObjectName(QStringLiteral("redirectNoticeBar"));

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(6, 6, 6, 6);
    detailsLayout->addWidget(m_banned);
    detailsLayout->addWidget(m_contactBox);
    detailsLayout->addLayout(m_form);
    auto *pagesTitle = new QLabel(tr("Pages visited"), details);
    QFont bold = pagesTitle->font();
    bold.setBold(true);
    pagesTitle->setFont(bold);
    detailsLayout->addWidget(pagesTitle);
    detailsLayout->addWidget(m_pages, 1);
    auto *redirectRow = new QHBoxLayout;
    redirectRow->addStretch(1);
    redirectRow->addWidget(m_redirectButton);
    detailsLayout->addLayout(redirectRow);
    detailsLayout->addWidget(m_redirectNotice);

    m_stack->addWidget(empty);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(session, &OperatorSession::visitorChanged, this, [this](qint64 id) {
        if (id == m_visitorId)
            refresh();
    });
    connect(session, &OperatorSession::selfChanged, this, &VisitorInfoPane::refresh);
    connect(m_redirectButton, &QPushButton::clicked, this, &VisitorInfoPane::openRedirectDialog);
    connect(m_pages, &QListWidget::itemActivated, this, [this] { openRedirectDialog(); });
    connect(m_pages, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QListWidgetItem *item = m_pages->itemAt(pos))
            m_pages->setCurrentItem(item);
        QMenu menu(this);
        QAction *redirect = menu.addAction(tr("&Redirect…"));
        redirect->setObjectName(QStringLiteral("redirectMenuAction"));
        redirect->setEnabled(mayRedirect());
        connect(redirect, &QAction::triggered, this, &VisitorInfoPane::openRedirectDialog);
        menu.exec(m_pages->viewport()->mapToGlobal(pos));
    });
    connect(session, &OperatorSession::visitorRedirected, this, [this](qint64 id, const QString &url) {
        if (id == m_visitorId)
            m_redirectNotice->showNotice(NoticeBar::Kind::Info,
                                         tr("The visitor's tab is opening %1").arg(url));
    });
    connect(session, &OperatorSession::requestFailed, this, &VisitorInfoPane::onRequestFailed);
}

bool VisitorInfoPane::mayRedirect() const
{
    // Only an open tab can be sent somewhere; the server also refuses Offline operators.
    return m_visitorId > 0 && m_session->self().mayWork() && m_session->visitor(m_visitorId).online;
}

RedirectDialog *VisitorInfoPane::openRedirectDialog()
{
    if (!mayRedirect())
        return nullptr;
    if (m_redirectDialog)
        m_redirectDialog->close();
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    const QListWidgetItem *page = m_pages->currentItem();
    const QString url = page ? page->data(Qt::UserRole).toString() : visitor.currentPage.url;
    const QString name = visitor.name.isEmpty() ? tr("Visitor %1").arg(m_visitorId) : visitor.name;
    auto *dialog = new RedirectDialog(name, url, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_redirectDialog = dialog;
    const qint64 visitorId = m_visitorId;
    connect(dialog, &QDialog::accepted, this, [this, dialog, visitorId] {
        m_redirectNotice->clearNotice();
        m_session->redirectVisitor(visitorId, dialog->url());
    });
    dialog->open();
    return dialog;
}

void VisitorInfoPane::onRequestFailed(const QString &requestType, protocol::ErrorCode code,
                                      const QString &message)
{
    if (requestType != u"visitor.redirect")
        return;
    // "Left the site" in the operator's language; a host the site does not allow, in the server's
    // words (they name the allowed hosts).
    const QString reason =
        code == protocol::ErrorCode::Unavailable ? tr("the visitor has left the site.") : message;
    m_redirectNotice->showNotice(NoticeBar::Kind::Error,
                                 tr("The visitor was not redirected: %1").arg(reason));
}

QLabel *VisitorInfoPane::addRow(const QString &label, const QString &objectName)
{
    return addRow(m_form, label, objectName);
}

QLabel *VisitorInfoPane::addRow(QFormLayout *form, const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    return value;
}

void VisitorInfoPane::showVisitor(qint64 visitorId)
{
    if (visitorId != m_visitorId) {
        m_redirectNotice->clearNotice(); // it was about someone else
        m_pages->clear();                // and so was the selected page
        if (m_redirectDialog)
            m_redirectDialog->reject();
    }
    m_visitorId = visitorId;
    m_stack->setCurrentIndex(visitorId > 0 ? 1 : 0);
    refresh();
}

void VisitorInfoPane::refresh()
{
    if (m_visitorId <= 0)
        return;
    const protocol::Visitor visitor = m_session->visitor(m_visitorId);
    m_banned->setVisible(visitor.banned);
    // Pinned once given (contact.submit), as the operator will want it again and again.
    m_contactBox->setVisible(visitor.contact.has_value());
    if (visitor.contact) {
        m_contactName->setText(orDash(visitor.contact->name));
        m_contactEmail->setText(orDash(visitor.contact->email));
        m_contactPhone->setText(orDash(visitor.contact->phone));
    }
    m_name->setText(orDash(visitor.name));
    m_location->setText(visitor.location.isEmpty() ? tr("Unknown") : visitor.location);
    m_browser->setText(orDash(visitor.browser));
    m_browser->setToolTip(
        Qt::convertFromPlainText(visitor.userAgent)); // tooltips guess at rich text: mark it as such, escaped
    m_os->setText(orDash(visitor.os));
    m_ip->setText(orDash(visitor.ip));
    const QString current = visitor.currentPage.title.isEmpty()
                                ? visitor.currentPage.url
                                : visitor.currentPage.title + QStringLiteral("\n") + visitor.currentPage.url;
    m_currentPage->setText(orDash(current));
    m_referrer->setText(visitor.referrer.isEmpty() ? tr("Direct visit") : visitor.referrer);
    m_utm->setText(orDash(utmText(visitor.utm)));

    // The selected page survives a refresh (a page view arriving must not lose the choice).
    const QString selectedUrl =
        m_pages->currentItem() ? m_pages->currentItem()->data(Qt::UserRole).toString() : QString();
    const int selectedRow = m_pages->currentRow();
    m_pages->clear();
    // Newest first: the operator cares most about where the visitor is now.
    for (auto it = visitor.pages.crbegin(); it != visitor.pages.crend(); ++it) {
        const QString time = QLocale().toString(it->at.toLocalTime().time(), QLocale::ShortFormat);
        auto *item =
            new QListWidgetItem(time + QStringLiteral("  ") + (it->title.isEmpty() ? it->url : it->title));
        item->setToolTip(Qt::convertFromPlainText(it->url));
        item->setData(Qt::UserRole, it->url);
        m_pages->addItem(item);
    }
    if (selectedRow >= 0) {
        for (int row = 0; row < m_pages->count(); ++row) {
            if (m_pages->item(row)->data(Qt::UserRole).toString() == selectedUrl) {
                m_pages->setCurrentRow(row);
                break;
            }
        }
    }
    const bool redirect = mayRedirect();
    m_redirectButton->setEnabled(redirect);
    m_redirectButton->setToolTip(
        redirect         ? tr("Open a page in the visitor's browser tab (the selected one, or any address)")
        : visitor.online ? tr("You are Offline. Choose another status to redirect visitors.")
                         : tr("The visitor has left the site."));
}

} // namespace concierge::ui
