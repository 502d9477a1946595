// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplatesDialog.h"

#include "NoticeBar.h"
#include "OperatorSession.h"
#include "SaveTemplateDialog.h"
#include "TemplateHistoryDialog.h"
#include "TemplateLibrary.h"
#include "TemplateListModel.h"
#include "TemplateSearch.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

/// Keeps the templates whose title, text or tags contain the search text (case and ё/е aside).
class TemplateFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setQuery(const QString &query)
    {
        m_query = foldForSearch(query.trimmed());
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (m_query.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        const QString haystack =
            index.data(TemplateListModel::TitleRole).toString() + QLatin1Char('\n') +
            index.data(TemplateListModel::TextRole).toString() + QLatin1Char('\n') +
            index.data(TemplateListModel::TagsRole).toStringList().join(QLatin1Char(' '));
        return foldForSearch(haystack).contains(m_query);
    }

private:
    QString m_query;
};

} // namespace

TemplatesDialog::TemplatesDialog(OperatorSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_notice(new NoticeBar(this))
    , m_search(new QLineEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_add(new QPushButton(tr("&Add…"), this))
    , m_edit(new QPushButton(tr("&Edit…"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_history(new QPushButton(tr("&History…"), this))
{
    setObjectName(QStringLiteral("templatesDialog"));
    setWindowTitle(tr("Templates"));
    m_notice->setObjectName(QStringLiteral("templatesNoticeBar"));
    m_search->setObjectName(QStringLiteral("templateSearchEdit"));
    m_tabs->setObjectName(QStringLiteral("templateTabs"));
    m_add->setObjectName(QStringLiteral("addTemplateButton"));
    m_edit->setObjectName(QStringLiteral("editTemplateButton"));
    m_delete->setObjectName(QStringLiteral("deleteTemplateButton"));
    m_history->setObjectName(QStringLiteral("templateHistoryButton"));
    m_search->setPlaceholderText(tr("Search titles, texts and tags"));
    m_search->setClearButtonEnabled(true);

    m_personal.scope = protocol::TemplateScope::Personal;
    m_shared.scope = protocol::TemplateScope::Shared;
    buildPage(m_personal, QStringLiteral("personal"));
    buildPage(m_shared, QStringLiteral("shared"));

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_delete, m_history})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    close->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->addWidget(close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_search);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);
    resize(760, 480);

    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        for (Page *page : {&m_personal, &m_shared})
            static_cast<TemplateFilter *>(page->proxy)->setQuery(text);
        updateDetails();
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &TemplatesDialog::updateDetails);
    connect(m_add, &QPushButton::clicked, this, &TemplatesDialog::addTemplate);
    connect(m_edit, &QPushButton::clicked, this, &TemplatesDialog::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &TemplatesDialog::deleteSelected);
    connect(m_history, &QPushButton::clicked, this, &TemplatesDialog::openHistory);
    connect(session, &OperatorSession::selfChanged, this, &TemplatesDialog::updateDetails);
    TemplateLibrary *library = session->templates();
    connect(library, &TemplateLibrary::changed, this, &TemplatesDialog::updateDetails);
    connect(library, &TemplateLibrary::removed, this,
            [this] { m_notice->showNotice(NoticeBar::Kind::Info, tr("The template was deleted.")); });
    connect(library, &TemplateLibrary::failed, this,
            [this](const QString &request, protocol::ErrorCode, const QString &message) {
                // Saves and restores report in their own windows.
                if (request == u"template.delete")
                    m_notice->showNotice(NoticeBar::Kind::Error, tr("Not deleted: %1").arg(message));
            });
    updateDetails();
}

void TemplatesDialog::buildPage(Page &page, const QString &prefix)
{
    auto *widget = new QWidget(m_tabs);
    page.model = new TemplateListModel(m_session->templates(), page.scope, widget);
    auto *filter = new TemplateFilter(widget);
    filter->setSourceModel(page.model);
    page.proxy = filter;
    page.list = new QListView(widget);
    page.list->setObjectName(prefix + QStringLiteral("TemplateList"));
    page.list->setModel(filter);
    page.list->setSelectionMode(QAbstractItemView::SingleSelection);
    page.list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    page.details = new QLabel(widget);
    page.details->setObjectName(prefix + QStringLiteral("TemplateDetailsLabel"));
    page.details->setTextFormat(Qt::PlainText); // titles, tags and names are typed by people
    page.details->setWordWrap(true);
    page.preview = new QPlainTextEdit(widget);
    page.preview->setObjectName(prefix + QStringLiteral("TemplatePreview"));
    page.preview->setReadOnly(true);

    auto *right = new QWidget(widget);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(page.details);
    rightLayout->addWidget(page.preview, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, widget);
    splitter->addWidget(page.list);
    splitter->addWidget(right);
    splitter->setSizes({260, 460});
    auto *layout = new QVBoxLayout(widget);
    layout->addWidget(splitter);
    m_tabs->addTab(widget, page.scope == protocol::TemplateScope::Personal ? tr("&Personal") : tr("&Shared"));

    connect(page.list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TemplatesDialog::updateDetails);
    connect(page.list, &QListView::doubleClicked, this, [this] {
        if (selected() && mayEdit(selected()->scope))
            editSelected();
    });
}

const TemplatesDialog::Page &TemplatesDialog::currentPage() const
{
    return m_tabs->currentIndex() == 1 ? m_shared : m_personal;
}

void TemplatesDialog::showLibrary(protocol::TemplateScope scope)
{
    m_tabs->setCurrentIndex(scope == protocol::TemplateScope::Shared ? 1 : 0);
}

bool TemplatesDialog::mayEdit(protocol::TemplateScope scope) const
{
    // docs/protocol.md, "Templates": only admins change shared templates.
    return scope == protocol::TemplateScope::Personal ||
           m_session->self().role == protocol::OperatorRole::Admin;
}

std::optional<protocol::Template> TemplatesDialog::selected() const
{
    const QModelIndex index = currentPage().list->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return m_session->templates()->find(index.data(TemplateListModel::IdRole).toLongLong());
}

bool TemplatesDialog::select(qint64 id)
{
    for (const Page *page : {&m_personal, &m_shared}) {
        for (int row = 0; row < page->proxy->rowCount(); ++row) {
            const QModelIndex index = page->proxy->index(row, 0);
            if (index.data(TemplateListModel::IdRole).toLongLong() == id) {
                showLibrary(page->scope);
                page->list->setCurrentIndex(index);
                return true;
            }
        }
    }
    return false;
}

QString TemplatesDialog::departmentName(qint64 departmentId) const
{
    if (departmentId == 0)
        return tr("every department");
    const QList<protocol::Department> departments = m_session->departments();
    for (const protocol::Department &department : departments) {
        if (department.id == departmentId)
            return department.name;
    }
    return tr("department %1").arg(departmentId);
}

void TemplatesDialog::updateDetails()
{
    const Page &page = currentPage();
    const std::optional<protocol::Template> chosen = selected();
    const bool editable = mayEdit(page.scope);
    m_add->setEnabled(editable);
    m_edit->setEnabled(editable && chosen.has_value());
    m_delete->setEnabled(editable && chosen.has_value());
    m_history->setEnabled(chosen.has_value());
    m_add->setToolTip(editable ? QString() : tr("Only administrators change shared templates."));
    if (!chosen) {
        page.details->setText(page.proxy->rowCount() == 0 && page.model->rowCount() > 0
                                  ? tr("No template matches the search.")
                              : page.model->rowCount() == 0 ? tr("No templates here yet.")
                                                            : tr("Choose a template to see it."));
        page.preview->clear();
        return;
    }
    QStringList lines;
    lines.append(chosen->title);
    if (chosen->scope == protocol::TemplateScope::Shared)
        lines.append(tr("For: %1").arg(departmentName(chosen->departmentId)));
    if (!chosen->tags.isEmpty())
        lines.append(tr("Tags: %1").arg(chosen->tags.join(QStringLiteral(", "))));
    if (chosen->updatedAt.isValid())
        lines.append(tr("Saved %1 by %2")
                         .arg(QLocale().toString(chosen->updatedAt.toLocalTime(), QLocale::ShortFormat),
                              chosen->updatedBy));
    page.details->setText(lines.join(QLatin1Char('\n')));
    page.preview->setPlainText(chosen->text);
}

SaveTemplateDialog *TemplatesDialog::addTemplate()
{
    const protocol::TemplateScope scope = currentPage().scope;
    if (!mayEdit(scope))
        return nullptr;
    protocol::Template draft;
    draft.scope = scope;
    auto *dialog = new SaveTemplateDialog(m_session->templates(), draft, m_session->departments(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SaveTemplateDialog::saved, this, &TemplatesDialog::reportSaved);
    dialog->open();
    return dialog;
}

SaveTemplateDialog *TemplatesDialog::editSelected()
{
    const std::optional<protocol::Template> chosen = selected();
    if (!chosen || !mayEdit(chosen->scope))
        return nullptr;
    auto *dialog = new SaveTemplateDialog(m_session->templates(), *chosen, m_session->departments(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SaveTemplateDialog::saved, this, &TemplatesDialog::reportSaved);
    dialog->open();
    return dialog;
}

void TemplatesDialog::deleteSelected()
{
    const std::optional<protocol::Template> chosen = selected();
    if (!chosen || !mayEdit(chosen->scope))
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Delete template"),
        tr("Delete the template “%1”? Operators will no longer be offered it.").arg(chosen->title),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("deleteTemplateBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    yes->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->setDefaultButton(box->addButton(tr("Keep it"), QMessageBox::RejectRole));
    const qint64 id = chosen->id;
    connect(box, &QMessageBox::finished, this, [this, box, yes, id] {
        if (box->clickedButton() == yes)
            m_session->templates()->remove(id);
    });
    box->open();
}

TemplateHistoryDialog *TemplatesDialog::openHistory()
{
    const std::optional<protocol::Template> chosen = selected();
    if (!chosen)
        return nullptr;
    auto *dialog = new TemplateHistoryDialog(m_session->templates(), *chosen, mayEdit(chosen->scope), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TemplateHistoryDialog::restored, this, &TemplatesDialog::reportSaved);
    dialog->open();
    return dialog;
}

void TemplatesDialog::reportSaved(const protocol::Template &saved,
                                  const std::optional<protocol::Template> &overwrote)
{
    select(saved.id);
    if (!overwrote) {
        m_notice->showNotice(NoticeBar::Kind::Info, tr("Saved “%1”.").arg(saved.title));
        return;
    }
    // Last write wins, but the operator should know whose work they replaced and where it is.
    const QString who = overwrote->updatedBy.isEmpty() ? tr("someone else") : overwrote->updatedBy;
    m_notice->showNotice(
        NoticeBar::Kind::Warning,
        tr("“%1” had been changed by %2 (%3) while you edited it. Your version replaced theirs; theirs is "
           "kept in History.")
            .arg(saved.title, who,
                 QLocale().toString(overwrote->updatedAt.toLocalTime(), QLocale::ShortFormat)));
}

} // namespace concierge::ui
