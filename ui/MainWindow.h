// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QComboBox;
class QSplitter;

namespace concierge {
class OperatorSession;
}

namespace concierge::ui {

class ConnectionStatusLabel;
class DialogPane;
class VisitorInfoPane;
class VisitorListPane;

/// The operator's workplace: visitor list | dialog | visitor info, with the status switch in the
/// tool bar and the connection state in the status bar. Composes panes; holds no rules itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(OperatorSession *session, QWidget *parent = nullptr);

    VisitorListPane *visitorListPane() const { return m_visitorList; }
    DialogPane *dialogPane() const { return m_dialog; }
    VisitorInfoPane *visitorInfoPane() const { return m_visitorInfo; }

Q_SIGNALS:
    void logoutRequested();
    /// The operator picked a language in Settings; "" means follow the system.
    void languageChosen(const QString &languageCode);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void openVisitor(qint64 visitorId, qint64 dialogId);
    void syncStatusCombo();
    void restoreLayout();

    OperatorSession *m_session;
    QComboBox *m_statusCombo;
    QSplitter *m_splitter;
    VisitorListPane *m_visitorList;
    DialogPane *m_dialog;
    VisitorInfoPane *m_visitorInfo;
    ConnectionStatusLabel *m_connectionLabel;
};

} // namespace concierge::ui
