// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QListView;

namespace concierge {
class TemplateSuggestionModel;
}

namespace concierge::ui {

/// The templates suggested for what is typed in the reply box, in a frame laid over the window
/// right above (or, with no room there, below) the box. It never takes the focus: the caret stays in
/// the editor, which passes Up/Down/Enter/Tab/Esc on (ReplyEditor). A click picks a row to edit
/// (as Tab does).
class TemplateSuggestionPopup : public QFrame
{
    Q_OBJECT
public:
    /// Rows shown at once; more scroll.
    static constexpr int kVisibleRows = 5;

    TemplateSuggestionPopup(TemplateSuggestionModel *model, QWidget *editor);

    /// Shown when the model has rows (and \a allowed), placed by the editor; hidden otherwise.
    void refresh(bool allowed);
    /// Up (-1) / Down (+1), wrapping round.
    void moveSelection(int delta);
    /// The chosen template's id; 0 when none.
    qint64 currentTemplateId() const;
    QListView *view() const { return m_view; }

Q_SIGNALS:
    /// A row was clicked: insert that template for editing.
    void clicked(qint64 templateId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    TemplateSuggestionModel *m_model;
    QWidget *m_editor;
    QListView *m_view;
};

} // namespace concierge::ui
