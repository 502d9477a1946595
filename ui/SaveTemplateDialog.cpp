// SPDX-License-Identifier: GPL-3.0-or-later
#include "SaveTemplateDialog.h"

#include "TemplateLibrary.h"
#include "protocol/ProtocolVersion.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace concierge::ui {

namespace {

// docs/protocol.md, "Templates".
constexpr int kMaxTitleChars = 200;
constexpr int kMaxTextChars = int(protocol::kMaxMessageChars); // as for messages

QStringList parseTags(const QString &text)
{
    QStringList tags;
    const QStringList parts = text.split(QLatin1Char(','));
    for (const QString &part : parts) {
        const QString tag = part.simplified();
        if (!tag.isEmpty() && !tags.contains(tag, Qt::CaseInsensitive))
            tags.append(tag);
    }
    return tags;
}

} // namespace

SaveTemplateDialog::SaveTemplateDialog(TemplateLibrary *library, const protocol::Template &draft,
                                       const QList<protocol::Department> &departments, QWidget *parent)
    : QDialog(parent)
    , m_library(library)
    , m_draft(draft)
    , m_title(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
    , m_tags(new QLineEdit(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("saveTemplateDialog"));
    const bool shared = draft.scope == protocol::TemplateScope::Shared;
    if (draft.id == 0)
        setWindowTitle(shared ? tr("New shared template") : tr("Save as my template"));
    else
        setWindowTitle(tr("Edit template"));
    m_title->setObjectName(QStringLiteral("templateTitleEdit"));
    m_text->setObjectName(QStringLiteral("templateTextEdit"));
    m_tags->setObjectName(QStringLiteral("templateTagsEdit"));
    m_error->setObjectName(QStringLiteral("templateErrorLabel"));

    m_title->setText(draft.id == 0 && draft.title.isEmpty() ? proposeTitle(draft.text) : draft.title);
    m_title->setMaxLength(kMaxTitleChars);
    m_text->setPlainText(draft.text);
    m_text->setTabChangesFocus(true);
    m_tags->setText(draft.tags.join(QStringLiteral(", ")));
    m_tags->setPlaceholderText(tr("delivery, payment — separated by commas"));
    m_error->setTextFormat(Qt::PlainText); // the server's words, which may quote the title
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Save)->setText(tr("Save"));
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    if (shared) {
        m_department = new QComboBox(this);
        m_department->setObjectName(QStringLiteral("templateDepartmentCombo"));
        m_department->addItem(tr("Every department"), qint64(0));
        for (const protocol::Department &department : departments)
            m_department->addItem(department.name, department.id);
        m_department->setCurrentIndex(qMax(0, m_department->findData(draft.departmentId)));
        form->addRow(tr("&Department:"), m_department);
    }
    form->addRow(tr("Te&xt:"), m_text);
    form->addRow(tr("Ta&gs:"), m_tags);
    auto *hint = new QLabel(
        tr("Variables are filled in when sent: {visitor.name|there}, {operator.name}, {site}, {page.title}, "
           "{contact.email}. After | comes what to write when the value is unknown."),
        this);
    hint->setTextFormat(Qt::PlainText);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(520, 380);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &SaveTemplateDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(library, &TemplateLibrary::saved, this, &SaveTemplateDialog::onSaved);
    connect(library, &TemplateLibrary::failed, this, &SaveTemplateDialog::onFailed);
}

QString SaveTemplateDialog::proposeTitle(const QString &text)
{
    const QString firstLine = text.trimmed().section(QLatin1Char('\n'), 0, 0);
    const QStringList words = firstLine.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    QString title;
    for (const QString &word : words.mid(0, kTitleWords)) {
        const QString longer = title.isEmpty() ? word : title + QLatin1Char(' ') + word;
        if (longer.size() > kTitleChars)
            break;
        title = longer;
    }
    if (title.isEmpty()) // one word longer than the limit
        title = firstLine.left(kTitleChars).trimmed();
    // "Hello, Anna!" → "Hello, Anna": trailing punctuation makes a poor title.
    while (!title.isEmpty() && title.back().isPunct() && title.back() != u')' && title.back() != u'?')
        title.chop(1);
    return title;
}

void SaveTemplateDialog::submit()
{
    const QString title = m_title->text().trimmed();
    const QString text = m_text->toPlainText().trimmed();
    if (title.isEmpty()) {
        showError(tr("Give the template a title."));
        m_title->setFocus();
        return;
    }
    if (text.isEmpty()) {
        showError(tr("The template has no text."));
        m_text->setFocus();
        return;
    }
    if (text.size() > kMaxTextChars) {
        showError(tr("The text is %1 characters long; a template may have at most %2.")
                      .arg(text.size())
                      .arg(kMaxTextChars));
        m_text->setFocus();
        return;
    }
    protocol::Template t = m_draft;
    t.title = title;
    t.text = text;
    t.tags = parseTags(m_tags->text());
    if (m_department)
        t.departmentId = m_department->currentData().toLongLong();
    m_error->hide();
    m_waiting = true;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(false);
    m_library->save(t, m_draft.id != 0 ? m_draft.revision : 0);
}

void SaveTemplateDialog::onSaved(const protocol::Template &saved,
                                 const std::optional<protocol::Template> &overwrote)
{
    // The library reports every save (other windows' too): this one is ours when it is the same
    // template, or a new one of ours with our title.
    const bool ours = m_draft.id != 0
                          ? saved.id == m_draft.id
                          : saved.scope == m_draft.scope &&
                                saved.title.compare(m_title->text().trimmed(), Qt::CaseInsensitive) == 0;
    if (!m_waiting || !ours)
        return;
    m_waiting = false;
    Q_EMIT this->saved(saved, overwrote);
    accept();
}

void SaveTemplateDialog::onFailed(const QString &request, protocol::ErrorCode code, const QString &message)
{
    if (!m_waiting || request != u"template.save")
        return;
    m_waiting = false;
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(true);
    switch (code) {
    case protocol::ErrorCode::TooLong:
        showError(tr("The text is too long for a template (at most %1 characters).").arg(kMaxTextChars));
        break;
    case protocol::ErrorCode::Forbidden:
        showError(tr("Only administrators may change shared templates."));
        break;
    case protocol::ErrorCode::NotAuthenticated:
        showError(tr("Not connected to the server; try again once the connection is back."));
        break;
    default:
        // "A template with this title already exists", an empty title…: the server's sentence.
        showError(message);
        break;
    }
}

void SaveTemplateDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

} // namespace concierge::ui
