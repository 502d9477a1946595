// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/Template.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;

namespace concierge {
class OperatorSession;
class TemplateListModel;
} // namespace concierge

namespace concierge::ui {

class NoticeBar;
class SaveTemplateDialog;
class TemplateHistoryDialog;

/// Settings → Templates…: the operator's personal templates and the shared ones, each library in a
/// tab with a search field over both; add, edit, delete (asked first) and History… with Restore.
/// Shared templates show their department and tags, and only admins may change them. A save that
/// replaced someone else's newer version says whose, and that theirs is in History.
class TemplatesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TemplatesDialog(OperatorSession *session, QWidget *parent = nullptr);

    void showLibrary(protocol::TemplateScope scope);
    /// Selects template \a id in its tab; false if it is not listed (filtered out or unknown).
    bool select(qint64 id);
    /// The template selected in the tab on screen.
    std::optional<protocol::Template> selected() const;
    SaveTemplateDialog *addTemplate();
    SaveTemplateDialog *editSelected();
    /// Asks first; deletes after the operator agreed.
    void deleteSelected();
    TemplateHistoryDialog *openHistory();
    NoticeBar *notice() const { return m_notice; }

private:
    struct Page
    {
        protocol::TemplateScope scope = protocol::TemplateScope::Personal;
        TemplateListModel *model = nullptr;
        QSortFilterProxyModel *proxy = nullptr;
        QListView *list = nullptr;
        QLabel *details = nullptr;
        QPlainTextEdit *preview = nullptr;
    };

    void buildPage(Page &page, const QString &prefix);
    const Page &currentPage() const;
    bool mayEdit(protocol::TemplateScope scope) const;
    void updateDetails();
    void reportSaved(const protocol::Template &saved, const std::optional<protocol::Template> &overwrote);
    QString departmentName(qint64 departmentId) const;

    OperatorSession *m_session;
    NoticeBar *m_notice;
    QLineEdit *m_search;
    QTabWidget *m_tabs;
    Page m_personal;
    Page m_shared;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_history;
};

} // namespace concierge::ui
