// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/ErrorCode.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace concierge {
class TemplateLibrary;
}

namespace concierge::ui {

/// Saves one template: a new personal one from the reply box (title proposed from its first words),
/// or a new or edited one in the templates manager. Stays open until the server has it; its
/// refusals (duplicate title, text too long) show inline and the operator can fix them.
class SaveTemplateDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kTitleWords = 6;
    static constexpr int kTitleChars = 60;

    /// \a draft: the template as it stands (id 0: new). Shared templates get a department picker
    /// with \a departments ("every department" first).
    SaveTemplateDialog(TemplateLibrary *library, const protocol::Template &draft,
                       const QList<protocol::Department> &departments = {}, QWidget *parent = nullptr);

    /// A title from the first words of \a text: at most kTitleWords words and kTitleChars characters,
    /// from its first line.
    static QString proposeTitle(const QString &text);

    QLineEdit *titleEdit() const { return m_title; }
    QPlainTextEdit *textEdit() const { return m_text; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLabel *errorLabel() const { return m_error; }

Q_SIGNALS:
    /// The server saved it; \a overwrote: someone else's version this one replaced (kept in history).
    void saved(const concierge::protocol::Template &saved,
               const std::optional<concierge::protocol::Template> &overwrote);

private:
    void submit();
    void onSaved(const protocol::Template &saved, const std::optional<protocol::Template> &overwrote);
    void onFailed(const QString &request, protocol::ErrorCode code, const QString &message);
    void showError(const QString &text);

    TemplateLibrary *m_library;
    protocol::Template m_draft;
    bool m_waiting = false;
    QLineEdit *m_title;
    QPlainTextEdit *m_text;
    QLineEdit *m_tags;
    QComboBox *m_department = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace concierge::ui
