// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

namespace concierge::ui {

/// Help → Keyboard shortcuts (F1): every shortcut of the window, read from its QActions (menus and
/// panes alike) when opened, so the list cannot drift from what the keys really do; then the keys
/// the reply box handles itself.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    struct Entry
    {
        QString action;          ///< what it does, without mnemonics ("Transfer the dialog")
        QString keys;            ///< in the platform's words ("Ctrl+T"); several joined by ", "
        bool inReplyBox = false; ///< a key of the reply box, not of the window
    };

    /// Reads the shortcuts from \a window's actions.
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);

    /// Every action under \a root with a shortcut (once each, by description), then
    /// ReplyEditor::keys().
    static QList<Entry> collect(const QWidget *root);
    QTreeWidget *shortcutTree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

} // namespace concierge::ui
