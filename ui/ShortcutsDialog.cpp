// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShortcutsDialog.h"

#include "ReplyEditor.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace concierge::ui {

namespace {

/// "T&ransfer…" → "Transfer": menu text as a plain description.
QString describe(const QAction *action)
{
    QString text = action->text();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    if (text.endsWith(QStringLiteral("...")))
        text.chop(3);
    else if (text.endsWith(QChar(u'\u2026')))
        text.chop(1);
    return text.trimmed();
}

QString keysOf(const QList<QKeySequence> &sequences)
{
    QStringList keys;
    for (const QKeySequence &sequence : sequences) {
        if (!sequence.isEmpty())
            keys.append(sequence.toString(QKeySequence::NativeText));
    }
    return keys.join(QStringLiteral(", "));
}

} // namespace

QList<ShortcutsDialog::Entry> ShortcutsDialog::collect(const QWidget *root)
{
    QList<Entry> entries;
    QSet<QString> seen;
    const QList<QAction *> actions = root->findChildren<QAction *>();
    for (const QAction *action : actions) {
        const QString keys = keysOf(action->shortcuts());
        const QString text = describe(action);
        if (keys.isEmpty() || text.isEmpty() || action->isSeparator())
            continue;
        const QString key = text + QLatin1Char('\n') + keys;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        entries.append({text, keys, false});
    }
    // The order widgets happen to be made in means nothing to the reader.
    std::sort(entries.begin(), entries.end(),
              [](const Entry &a, const Entry &b) { return a.action.localeAwareCompare(b.action) < 0; });
    const QList<QPair<QKeySequence, QString>> replyKeys = ReplyEditor::keys();
    for (const auto &[sequence, text] : replyKeys)
        entries.append({text, sequence.toString(QKeySequence::NativeText), true});
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    m_tree->setObjectName(QStringLiteral("shortcutTree"));
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->setIndentation(12);
    m_tree->setSelectionMode(QAbstractItemView::NoSelection);
    m_tree->setFocusPolicy(Qt::NoFocus);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    QFont bold = m_tree->font();
    bold.setBold(true);
    const auto addGroup = [this, &bold](const QString &title) {
        auto *group = new QTreeWidgetItem(m_tree, {title});
        group->setFont(0, bold);
        group->setFirstColumnSpanned(true);
        group->setExpanded(true);
        return group;
    };
    QTreeWidgetItem *windowGroup = addGroup(tr("In the main window"));
    QTreeWidgetItem *replyGroup = addGroup(tr("In the reply box"));
    const QList<Entry> entries = collect(window);
    for (const Entry &entry : entries)
        new QTreeWidgetItem(entry.inReplyBox ? replyGroup : windowGroup, {entry.action, entry.keys});
    // The same keys mean something else while template suggestions show over the reply box.
    QTreeWidgetItem *suggestionsGroup = addGroup(tr("While templates are suggested"));
    const QList<QPair<QKeySequence, QString>> suggestionKeys = ReplyEditor::suggestionKeys();
    for (const auto &[sequence, text] : suggestionKeys)
        new QTreeWidgetItem(suggestionsGroup, {text, sequence.toString(QKeySequence::NativeText)});
    const int rows = int(entries.size() + suggestionKeys.size()) + 3;
    m_tree->setMinimumSize(460, qMin(600, 40 + rows * (fontMetrics().height() + 6)));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
}

} // namespace concierge::ui
