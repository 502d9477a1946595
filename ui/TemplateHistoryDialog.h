// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/Template.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace concierge {
class TemplateLibrary;
}

namespace concierge::ui {

/// A template's earlier versions (template.history, newest first), each with who saved it and
/// when; Restore saves the chosen version's title, text and tags as the template's newest version
/// (the current one goes into the history in its turn, so nothing is lost).
class TemplateHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    TemplateHistoryDialog(TemplateLibrary *library, const protocol::Template &current, bool mayRestore,
                          QWidget *parent = nullptr);

    QListWidget *versionList() const { return m_list; }
    QPushButton *restoreButton() const { return m_restore; }

Q_SIGNALS:
    void restored(const concierge::protocol::Template &saved,
                  const std::optional<concierge::protocol::Template> &overwrote);

private:
    void showVersions(qint64 id, const QList<protocol::Template> &versions);
    void restore();

    TemplateLibrary *m_library;
    protocol::Template m_current;
    QList<protocol::Template> m_versions;
    bool m_mayRestore;
    bool m_waiting = false;
    QListWidget *m_list;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_restore;
};

} // namespace concierge::ui
