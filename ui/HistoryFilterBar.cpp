// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryFilterBar.h"

#include "OperatorSession.h"

#include <QTimeZone>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include <algorithm>

namespace concierge::ui {

namespace {

struct Choice
{
    qint64 id = 0;
    QString name;
};

/// "Any" first, then \a choices by name; the chosen id stays chosen if it is still there.
void refill(QComboBox *combo, QList<Choice> choices, const QString &any)
{
    const qint64 chosen = combo->currentData().toLongLong();
    std::sort(choices.begin(), choices.end(),
              [](const Choice &a, const Choice &b) { return a.name.localeAwareCompare(b.name) < 0; });
    combo->clear();
    combo->addItem(any, qint64(0));
    for (const Choice &choice : choices)
        combo->addItem(choice.name, choice.id); // names are admins' words: a combo shows plain text
    combo->setCurrentIndex(qMax(0, combo->findData(chosen)));
}

QDateEdit *makeDateEdit(const QDate &date, const QString &objectName, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("dd.MM.yyyy")); // as the table and the transcript write days
    // The whole day shows, whatever the style's guess: the digits plus the calendar button.
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("00.00.00000")) + 36);
    edit->setEnabled(false); // until its box is ticked: unticked means any day
    return edit;
}

} // namespace

HistoryFilterBar::HistoryFilterBar(OperatorSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_fromCheck(new QCheckBox(tr("From"), this))
    , m_from(makeDateEdit(QDate::currentDate().addMonths(-1), QStringLiteral("historyFromDateEdit"), this))
    , m_toCheck(new QCheckBox(tr("To"), this))
    , m_to(makeDateEdit(QDate::currentDate(), QStringLiteral("historyToDateEdit"), this))
    , m_operator(new QComboBox(this))
    , m_department(new QComboBox(this))
    , m_category(new QComboBox(this))
    , m_rating(new QComboBox(this))
    , m_withContact(new QCheckBox(tr("With contact details"), this))
    , m_offline(new QCheckBox(tr("Offline requests only"), this))
    , m_clear(new QPushButton(tr("Clear filters"), this))
{
    setObjectName(QStringLiteral("historyFilterBar"));
    m_fromCheck->setObjectName(QStringLiteral("historyFromCheckBox"));
    m_fromCheck->setToolTip(tr("Only dialogs started on or after this day"));
    m_toCheck->setObjectName(QStringLiteral("historyToCheckBox"));
    m_toCheck->setToolTip(tr("Only dialogs started on or before this day"));
    m_operator->setObjectName(QStringLiteral("historyOperatorComboBox"));
    m_department->setObjectName(QStringLiteral("historyDepartmentComboBox"));
    m_category->setObjectName(QStringLiteral("historyCategoryComboBox"));
    m_rating->setObjectName(QStringLiteral("historyRatingComboBox"));
    m_withContact->setObjectName(QStringLiteral("historyWithContactCheckBox"));
    m_withContact->setToolTip(tr("The visitor left a name, email or phone"));
    m_offline->setObjectName(QStringLiteral("historyOfflineCheckBox"));
    m_clear->setObjectName(QStringLiteral("historyClearFiltersButton"));
    for (QComboBox *combo : {m_operator, m_department, m_category, m_rating})
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_rating->addItem(tr("Any"), 0);
    for (int score = 1; score <= 5; ++score)
        m_rating->addItem(QString(score, QChar(0x2605)), score); // ★, ★★, … ★★★★★
    refreshLists();

    // Two rows, labels beside their fields; the grid keeps the longer Russian words aligned.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    const auto label = [this](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(m_fromCheck, 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(m_toCheck, 1, 0);
    grid->addWidget(m_to, 1, 1);
    grid->addWidget(label(tr("Operator:"), m_operator), 0, 2);
    grid->addWidget(m_operator, 0, 3);
    grid->addWidget(label(tr("Department:"), m_department), 1, 2);
    grid->addWidget(m_department, 1, 3);
    grid->addWidget(label(tr("Category:"), m_category), 0, 4);
    grid->addWidget(m_category, 0, 5);
    grid->addWidget(label(tr("Rating:"), m_rating), 1, 4);
    grid->addWidget(m_rating, 1, 5);
    grid->addWidget(m_withContact, 0, 6);
    grid->addWidget(m_offline, 1, 6);
    grid->addWidget(m_clear, 0, 7);
    grid->setColumnStretch(8, 1);

    const auto dateToggled = [this] {
        m_from->setEnabled(m_fromCheck->isChecked());
        m_to->setEnabled(m_toCheck->isChecked());
        announce();
    };
    connect(m_fromCheck, &QCheckBox::toggled, this, dateToggled);
    connect(m_toCheck, &QCheckBox::toggled, this, dateToggled);
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (m_fromCheck->isChecked())
            announce();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (m_toCheck->isChecked())
            announce();
    });
    for (QComboBox *combo : {m_operator, m_department, m_category, m_rating})
        connect(combo, &QComboBox::currentIndexChanged, this, &HistoryFilterBar::announce);
    connect(m_withContact, &QCheckBox::toggled, this, &HistoryFilterBar::announce);
    connect(m_offline, &QCheckBox::toggled, this, &HistoryFilterBar::announce);
    connect(m_clear, &QPushButton::clicked, this, &HistoryFilterBar::clear);

    // The names come with the hello and change with operator.updated / the categories list.
    connect(session, &OperatorSession::synced, this, &HistoryFilterBar::refreshLists);
    connect(session, &OperatorSession::operatorsChanged, this, &HistoryFilterBar::refreshLists);
    connect(session, &OperatorSession::categoriesChanged, this, &HistoryFilterBar::refreshLists);
}

void HistoryFilterBar::refreshLists()
{
    const protocol::HistoryFilter before = filter();
    m_quiet = true;
    QList<Choice> operators;
    for (const protocol::OperatorInfo &info : m_session->operators())
        operators.append({info.id, info.name.isEmpty() ? info.email : info.name});
    refill(m_operator, operators, tr("Any"));
    QList<Choice> departments;
    for (const protocol::Department &department : m_session->departments())
        departments.append({department.id, department.name});
    refill(m_department, departments, tr("Any"));
    QList<Choice> categories;
    for (const protocol::Category &category : m_session->categories())
        categories.append({category.id, category.name});
    refill(m_category, categories, tr("Any"));
    m_quiet = false;
    // A chosen operator, department or category that is gone falls back to "Any": say so.
    if (filter() != before)
        announce();
}

protocol::HistoryFilter HistoryFilterBar::filter() const
{
    protocol::HistoryFilter filter;
    if (m_fromCheck->isChecked())
        filter.from = m_from->date();
    if (m_toCheck->isChecked())
        filter.to = m_to->date();
    // The days are the operator's own (the table shows local times too).
    if (filter.from.isValid() || filter.to.isValid())
        filter.timeZone = QTimeZone::systemTimeZoneId();
    filter.operatorId = m_operator->currentData().toLongLong();
    filter.departmentId = m_department->currentData().toLongLong();
    filter.categoryId = m_category->currentData().toLongLong();
    filter.rating = m_rating->currentData().toInt();
    filter.withContactOnly = m_withContact->isChecked();
    filter.offlineOnly = m_offline->isChecked();
    return filter;
}

int HistoryFilterBar::activeCount() const
{
    const protocol::HistoryFilter chosen = filter();
    return int(chosen.from.isValid() || chosen.to.isValid()) + int(chosen.operatorId != 0)
           + int(chosen.departmentId != 0) + int(chosen.categoryId != 0) + int(chosen.rating != 0)
           + int(chosen.withContactOnly) + int(chosen.offlineOnly);
}

void HistoryFilterBar::clear()
{
    const protocol::HistoryFilter before = filter();
    m_quiet = true;
    m_fromCheck->setChecked(false);
    m_toCheck->setChecked(false);
    for (QComboBox *combo : {m_operator, m_department, m_category, m_rating})
        combo->setCurrentIndex(0);
    m_withContact->setChecked(false);
    m_offline->setChecked(false);
    m_quiet = false;
    if (filter() != before)
        announce();
}

void HistoryFilterBar::announce()
{
    if (!m_quiet)
        Q_EMIT filterChanged();
}

} // namespace concierge::ui
