// SPDX-License-Identifier: GPL-3.0-or-later
#include "TemplateHistoryDialog.h"

#include "TemplateLibrary.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace concierge::ui {

TemplateHistoryDialog::TemplateHistoryDialog(TemplateLibrary *library, const protocol::Template &current,
                                             bool mayRestore, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_current(current)
    , m_mayRestore(mayRestore)
    , m_list(new QListWidget(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_restore(new QPushButton(tr("&Restore this version"), this))
{
    setObjectName(QStringLiteral("templateHistoryDialog"));
    setWindowTitle(tr("History of “%1”").arg(current.title));
    m_list->setObjectName(QStringLiteral("templateVersionList"));
    m_preview->setObjectName(QStringLiteral("templateVersionPreview"));
    m_restore->setObjectName(QStringLiteral("restoreVersionButton"));
    m_status->setObjectName(QStringLiteral("templateHistoryStatusLabel"));
    m_preview->setReadOnly(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setText(tr("Loading the earlier versions…"));
    m_restore->setEnabled(false);
    m_restore->setVisible(mayRestore);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_preview);
    splitter->setSizes({300, 400});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 400);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        const bool version = row >= 0 && row < m_versions.size();
        m_preview->setPlainText(version ? m_versions.at(row).text : QString());
        m_restore->setEnabled(version && !m_waiting);
    });
    connect(m_restore, &QPushButton::clicked, this, &TemplateHistoryDialog::restore);
    connect(library, &TemplateLibrary::historyReady, this, &TemplateHistoryDialog::showVersions);
    connect(library, &TemplateLibrary::saved, this,
            [this](const protocol::Template &saved, const std::optional<protocol::Template> &overwrote) {
                if (!m_waiting || saved.id != m_current.id)
                    return;
                m_waiting = false;
                Q_EMIT restored(saved, overwrote);
                accept();
            });
    connect(library, &TemplateLibrary::failed, this,
            [this](const QString &request, protocol::ErrorCode, const QString &message) {
                if (request == u"template.history" && m_versions.isEmpty()) {
                    m_status->setText(tr("The history could not be loaded: %1").arg(message));
                } else if (request == u"template.save" && m_waiting) {
                    m_waiting = false;
                    m_restore->setEnabled(m_list->currentRow() >= 0);
                    m_status->setText(tr("Not restored: %1").arg(message));
                }
            });
    library->requestHistory(current.id);
}

void TemplateHistoryDialog::showVersions(qint64 id, const QList<protocol::Template> &versions)
{
    if (id != m_current.id)
        return;
    m_versions = versions;
    m_list->clear();
    const QLocale locale;
    for (const protocol::Template &version : versions) {
        const QString when = locale.toString(version.updatedAt.toLocalTime(), QLocale::ShortFormat);
        const QString who = version.updatedBy.isEmpty() ? tr("unknown") : version.updatedBy;
        auto *item = new QListWidgetItem(tr("%1 — %2", "when, who saved it").arg(when, who), m_list);
        item->setToolTip(version.title);
    }
    m_status->setText(versions.isEmpty() ? tr("This template has not been changed since it was made.")
                                         : tr("Earlier versions, newest first."));
    if (!versions.isEmpty())
        m_list->setCurrentRow(0);
}

void TemplateHistoryDialog::restore()
{
    const int row = m_list->currentRow();
    if (!m_mayRestore || row < 0 || row >= m_versions.size())
        return;
    // The template as it is now, with the chosen version's words.
    protocol::Template restored = m_library->find(m_current.id).value_or(m_current);
    const qint64 base = restored.revision;
    restored.title = m_versions.at(row).title;
    restored.text = m_versions.at(row).text;
    restored.tags = m_versions.at(row).tags;
    m_waiting = true;
    m_restore->setEnabled(false);
    m_status->setText(tr("Restoring…"));
    m_library->save(restored, base);
}

} // namespace concierge::ui
