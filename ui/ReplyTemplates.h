// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TemplateVariables.h"

#include <QObject>
#include <QPointer>

class QAction;
class QToolButton;
class QWidget;

namespace concierge {
class OperatorSession;
class TemplateSuggestionModel;
namespace protocol {
struct Template;
}
} // namespace concierge

namespace concierge::ui {

class NoticeBar;
class ReplyEditor;
class SaveTemplateDialog;
class TemplateSuggestionPopup;

/// Templates in the visitor's reply box: suggestions while typing (TemplateSuggestionPopup), a
/// chosen template sent or put in the box with its variables filled from the dialog's visitor and
/// the operator, typed text checked for variables nobody can fill, and "Save as my template"
/// (Ctrl+Shift+S and a button). Nothing is sent from here: what is ready goes out as send(), and
/// the dialog pane sends it as it sends a typed reply.
class ReplyTemplates : public QObject
{
    Q_OBJECT
public:
    /// Adds its action to \a pane (a window shortcut there) and reports in \a notice.
    ReplyTemplates(OperatorSession *session, ReplyEditor *editor, NoticeBar *notice, QWidget *pane);

    /// Variables are filled from this visitor (0: none).
    void setVisitor(qint64 visitorId) { m_visitorId = visitorId; }
    /// The operator submitted \a text they typed (Enter, Send): send() at once, with its variables
    /// filled, or after they confirm that variables nobody can fill go out as typed.
    void submitTyped(const QString &text);
    /// Sends (\a send) or puts template \a templateId in the reply box.
    void pick(qint64 templateId, bool send);
    /// "Save as my template" with what the reply box holds; null when it is empty.
    SaveTemplateDialog *openSaveDialog();

    QToolButton *saveButton() const { return m_saveButton; }
    QAction *saveAction() const { return m_saveAction; }
    TemplateSuggestionPopup *popup() const { return m_popup; }

Q_SIGNALS:
    /// Text ready to go to the visitor.
    void send(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QHash<QString, QString> values() const;
    void onTextChanged();
    /// Puts \a expansion in the box, its unknown variables marked and the first one selected.
    void insert(const Expansion &expansion);
    void markUnknown(const QList<TextSpan> &spans);

    OperatorSession *m_session;
    ReplyEditor *m_editor;
    NoticeBar *m_notice;
    TemplateSuggestionModel *m_model;
    TemplateSuggestionPopup *m_popup;
    QAction *m_saveAction;
    QToolButton *m_saveButton;
    QPointer<SaveTemplateDialog> m_saveDialog;
    qint64 m_visitorId = 0;
    bool m_filling = false;   ///< the box is being filled from here, not typed in
    bool m_dismissed = false; ///< Esc closed the suggestions for what is typed now
};

} // namespace concierge::ui
