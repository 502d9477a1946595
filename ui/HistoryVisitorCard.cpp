// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryVisitorCard.h"

#include "HistoryTextExport.h"
#include "VisitorText.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

using visitortext::orDash;
using visitortext::utmText;

QString contactText(const std::optional<protocol::ContactDetails> &contact)
{
    if (!contact)
        return {};
    QStringList parts;
    for (const QString &part : {contact->name, contact->email, contact->phone}) {
        if (!part.isEmpty())
            parts << part;
    }
    return parts.join(u'\n');
}

} // namespace

HistoryVisitorCard::HistoryVisitorCard(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_form(new QFormLayout)
    , m_pages(new QListWidget(this))
{
    setObjectName(QStringLiteral("historyVisitorCard"));
    // Blank until a dialog is chosen: the transcript beside it (or the empty list) says what to do.
    auto *empty = new QWidget(this);

    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name = addRow(tr("Name"), QStringLiteral("historyVisitorNameLabel"));
    m_contact = addRow(tr("Contact details"), QStringLiteral("historyVisitorContactLabel"));
    m_ip = addRow(tr("IP address"), QStringLiteral("historyVisitorIpLabel"));
    m_browser = addRow(tr("Browser"), QStringLiteral("historyVisitorBrowserLabel"));
    m_os = addRow(tr("OS"), QStringLiteral("historyVisitorOsLabel"));
    m_location = addRow(tr("Location"), QStringLiteral("historyVisitorLocationLabel"));
    m_referrer = addRow(tr("Came from"), QStringLiteral("historyVisitorReferrerLabel"));
    m_utm = addRow(tr("UTM tags"), QStringLiteral("historyVisitorUtmLabel"));
    m_department = addRow(tr("Department"), QStringLiteral("historyDepartmentLabel"));
    m_category = addRow(tr("Category"), QStringLiteral("historyCategoryLabel"));
    m_rating = addRow(tr("Rating"), QStringLiteral("historyRatingLabel"));
    m_offline = addRow(tr("Offline request"), QStringLiteral("historyOfflineLabel"));

    m_pages->setObjectName(QStringLiteral("historyVisitorPagesList"));
    m_pages->setSelectionMode(QAbstractItemView::NoSelection);
    m_pages->setTextElideMode(Qt::ElideMiddle);

    auto *details = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(6, 6, 6, 6);
    detailsLayout->addLayout(m_form);
    auto *pagesTitle = new QLabel(tr("Pages visited"), details);
    QFont bold = pagesTitle->font();
    bold.setBold(true);
    pagesTitle->setFont(bold);
    detailsLayout->addWidget(pagesTitle);
    detailsLayout->addWidget(m_pages, 1);
    m_noPages = new QLabel(tr("None"), details);
    m_noPages->setObjectName(QStringLiteral("historyVisitorNoPagesLabel"));
    detailsLayout->addWidget(m_noPages);
    detailsLayout->addStretch(0);

    m_stack->addWidget(empty);
    m_stack->addWidget(details);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QLabel *HistoryVisitorCard::addRow(const QString &label, const QString &objectName)
{
    auto *value = new QLabel(this);
    value->setObjectName(objectName);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, value);
    return value;
}

void HistoryVisitorCard::clear()
{
    m_stack->setCurrentIndex(0);
    m_pages->clear();
}

void HistoryVisitorCard::showDialog(const protocol::HistoryDialog &history)
{
    const protocol::Visitor &visitor = history.visitor;
    const protocol::Dialog &dialog = history.dialog;
    // The contact they gave (contact form or offline form): the one most worth having.
    const QString contact = contactText(visitor.contact ? visitor.contact : dialog.offline);
    // The name they gave before the server's "Visitor 12", as the list and the exports show it.
    m_name->setText(HistoryTextExport::visitorName(history));
    m_contact->setText(orDash(contact));
    m_ip->setText(orDash(visitor.ip));
    m_browser->setText(orDash(visitor.browser));
    m_browser->setToolTip(Qt::convertFromPlainText(visitor.userAgent)); // tooltips guess at rich text
    m_os->setText(orDash(visitor.os));
    m_location->setText(visitor.location.isEmpty() ? tr("Unknown") : visitor.location);
    m_referrer->setText(visitor.referrer.isEmpty() ? tr("Direct visit") : visitor.referrer);
    m_utm->setText(orDash(utmText(visitor.utm)));
    m_department->setText(orDash(history.departmentName));
    m_category->setText(orDash(history.categoryName));
    if (dialog.rating.isValid()) {
        const QString stars = QString(dialog.rating.score, QChar(0x2605));
        m_rating->setText(dialog.rating.comment.isEmpty() ? stars
                                                           : tr("%1 — %2", "stars, then the visitor's comment")
                                                                 .arg(stars, dialog.rating.comment));
    } else {
        m_rating->setText(tr("Not rated"));
    }
    m_offline->setText(dialog.isOfflineRequest() ? tr("Yes") : tr("No"));

    m_pages->clear();
    // Newest first, as in the live visitor pane: where they ended up matters most.
    for (auto it = visitor.pages.crbegin(); it != visitor.pages.crend(); ++it) {
        const QString when = it->at.toLocalTime().toString(QStringLiteral("dd.MM.yyyy HH:mm"));
        auto *item = new QListWidgetItem(when + QStringLiteral("  ") + (it->title.isEmpty() ? it->url : it->title));
        item->setToolTip(Qt::convertFromPlainText(it->url));
        m_pages->addItem(item);
    }
    // No pages: a word, not an empty box.
    m_pages->setVisible(m_pages->count() > 0);
    m_noPages->setVisible(m_pages->count() == 0);
    m_stack->setCurrentIndex(1);
}

} // namespace concierge::ui
