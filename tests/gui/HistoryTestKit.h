// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the history window's GUI tests share (tst_history_window, tst_history_export): the real
// server with seven dialogs in Russian and English answered by Anna and Boris — each of the
// filters (department, category, rating, contact details) finds exactly one of them — the demo
// admin logged in over the real engine with the backfill complete, and helpers that drive the
// window as an operator would.
#include "GuiTestKit.h"
#include "HistoryListModel.h"
#include "HistoryWindow.h"
#include "RawProtocolClient.h"
#include "ServerProcess.h"

#include <QImage>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace historytest {

inline constexpr int kWaitMs = 15000;
extern const QString kAnnaEmail;
extern const QString kBorisEmail;
extern const QString kBilling;
extern const QString kVip;
extern const QString kFoekla;

/// What sets a seeded dialog apart for the filters.
enum class Mark { None, Billing, Vip, RatedFive, Contact };

/// One seeded dialog: what the visitor wrote, the answer, who answered, and what sets it apart.
struct Seed
{
    QString visitorText;
    QString reply;
    bool anna; ///< else Boris
    Mark mark = Mark::None;
};

/// Chosen so that each letter of "заказ" leaves fewer dialogs: з 5, за 4, зак 3, зака 2, заказ 2.
extern const QList<Seed> kSeeds;

/// Types \a text key by key as a keyboard would (QTest::keyClicks takes Latin-1 only).
void typeText(QWidget *widget, const QString &text);
/// How many pixels of \a image have exactly \a color.
int pixelsOf(const QImage &image, const QColor &color);
/// Answers the "An export is running — cancel it?" question as soon as it shows.
void answerCloseQuestion(concierge::ui::HistoryWindow *window, bool cancelExport);
/// The dialogs of an exported text: the ids of its "#<id> dd.MM.yyyy HH:mm" lines, in order.
QList<qint64> exportedIds(const QString &path);
/// The history window's words in the run's language.
QString windowText(const char *source, int n = -1);
/// Waits until \a window's search is done and lists \a count rows.
bool waitRows(concierge::ui::HistoryWindow *window, int count);

/// The seeded server and the admin's session; a test class derives from it.
class SeededHistory : public QObject
{
public:
    /// Starts the server, seeds kSeeds and logs the admin in until the backfill is complete.
    /// Fails the running test (QVERIFY) on any failure.
    void startSeeded();
    qint64 seedDialog(const Seed &seed);
    /// Seeds \a count dialogs Boris answers, each with "посылка" (for Export all found).
    bool seedMany(int count);
    int rows() const { return m_window->model()->rowCount(); }
    /// The table's row of dialog \a id; -1 when not listed.
    int rowOf(qint64 id) const;
    QSet<qint64> listedIds() const;
    /// Drives the export's file dialog to \a target; \a folder receives the folder it opened in.
    /// \a meanwhile runs while the dialog is open (the list refreshing under it, say).
    void answerFileDialog(const QString &target, QString *folder,
                          const std::function<void()> &meanwhile = {});
    /// The export's outcome: waits for HistoryExporter::finished.
    static bool waitExport(QSignalSpy &spy);

protected:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    guitest::Operator m_me; // the demo operator, an admin: the history holds every dialog
    std::unique_ptr<RawProtocolClient> m_anna;
    std::unique_ptr<RawProtocolClient> m_boris;
    QJsonObject m_annaHello; ///< for the categories' ids
    QList<qint64> m_ids;     ///< kSeeds' dialogs, in seed order
    qint64 m_annaId = 0;
    concierge::ui::HistoryWindow *m_window = nullptr;
};

} // namespace historytest
