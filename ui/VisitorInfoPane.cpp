// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorInfoPane.h"

#include "OperatorSession.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

QString orDash(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("—") : value;
}

QString utmText(const protocol::Utm &utm)
{
    QStringList parts;
    const auto add = [&parts](const char *key, const QString &value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char('=') + value;
    };
    add("source", utm.source);
    add("medium", utm.medium);
    add("campaign", utm.campaign);
    add("term", utm.term);
    add("content", utm.content);
    return parts.join(QStringLiteral(", "));
}

} // namespace

VisitorInfoPane::VisitorInfoPane(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_stack(new QStackedWidget(this))
    , m_form(new QFormLayout)
    , m_banned(new QLabel(this))
    , m_contactBox(new QGroupBox(tr("Contact details"), this))
    , m_pages(new QListWidget(this))
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
    m_pages->setSelectionMode(QAbstractItemView::NoSelection);
    m_pages->setTextElideMode(Qt::ElideMiddle);

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

    m_stack->addWidget(empty);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(session, &OperatorSession::visitorChanged, this, [this](qint64 id) {
        if (id == m_visitorId)
            refresh();
    });
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
    m_browser->setToolTip(visitor.userAgent.toHtmlEscaped()); // tooltips guess at rich text
    m_os->setText(orDash(visitor.os));
    m_ip->setText(orDash(visitor.ip));
    const QString current = visitor.currentPage.title.isEmpty()
                                ? visitor.currentPage.url
                                : visitor.currentPage.title + QStringLiteral("\n") + visitor.currentPage.url;
    m_currentPage->setText(orDash(current));
    m_referrer->setText(visitor.referrer.isEmpty() ? tr("Direct visit") : visitor.referrer);
    m_utm->setText(orDash(utmText(visitor.utm)));

    m_pages->clear();
    // Newest first: the operator cares most about where the visitor is now.
    for (auto it = visitor.pages.crbegin(); it != visitor.pages.crend(); ++it) {
        const QString time = QLocale().toString(it->at.toLocalTime().time(), QLocale::ShortFormat);
        auto *item =
            new QListWidgetItem(time + QStringLiteral("  ") + (it->title.isEmpty() ? it->url : it->title));
        item->setToolTip(it->url.toHtmlEscaped());
        m_pages->addItem(item);
    }
}

} // namespace concierge::ui
