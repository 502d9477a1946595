// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertPolicy.h"

#include "ConnectionState.h"
#include "OperatorSession.h"
#include "VisitorListModel.h"

#include "protocol/Dialog.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"

#include <QHash>
#include <QPointer>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace concierge {

using namespace Qt::StringLiterals;

QDateTime AlertClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

void AlertClock::startTimer(int ms, std::function<void()> callback)
{
    QTimer::singleShot(ms, std::move(callback));
}

namespace {

constexpr int kBodyLength = 160;        ///< a notification's body, in characters
constexpr int kSoundSpacingMs = 2000;   ///< alerts closer than this share one sound
constexpr int kScanLimit = 50;          ///< lines looked at per dialog after a snapshot

/// A visitor's words for a notification: one line, cut to a notification's length.
QString shortText(const QString &text)
{
    QString line = text.simplified();
    if (line.size() > kBodyLength) {
        qsizetype end = kBodyLength - 1;
        if (line.at(end - 1).isHighSurrogate()) // never half an emoji
            --end;
        line = line.left(end) + u'\u2026';
    }
    return line;
}

qint64 waitingKeyOf(const protocol::Dialog &dialog)
{
    const QDateTime since = dialog.waitingSince.isValid() ? dialog.waitingSince : dialog.createdAt;
    return since.isValid() ? since.toMSecsSinceEpoch() : 0;
}

bool isDoNotDisturb(protocol::OperatorStatus status)
{
    switch (status) {
    case protocol::OperatorStatus::Lunch:
    case protocol::OperatorStatus::Break:
    case protocol::OperatorStatus::Offline:
        return true;
    case protocol::OperatorStatus::Online:
    case protocol::OperatorStatus::Invisible:
    case protocol::OperatorStatus::BeforeLunch:
        return false;
    }
    return false;
}

} // namespace

struct AlertPolicy::Private
{
    OperatorSession *session = nullptr;
    AlertClock *clock = nullptr;
    std::unique_ptr<AlertClock> ownClock;
    AlertSettings settings;
    bool windowActive = false;

    /// Dialog id → the moment it started waiting (the key), for dialogs in the Waiting section.
    QHash<qint64, qint64> waiting;
    /// (dialog, waiting key) pairs already alerted.
    QSet<QPair<qint64, qint64>> alertedWaiting;
    /// (dialog, transfer time) pairs already alerted or known before.
    QSet<QPair<qint64, qint64>> knownTransfers;
    qint64 lastDialogMessageId = 0; ///< newest dialog line seen (alerted or not)
    qint64 lastChatMessageId = 0;   ///< newest operator-room line seen
    /// No cached event stream at start: the first snapshot is the baseline, not news.
    bool baselinePending = false;

    bool waitingAttention = false;
    bool unseenAttention = false;
    int repeats = 0;
    quint64 repeatGeneration = 0;
    QDateTime lastSoundAt;
};

AlertPolicy::AlertPolicy(OperatorSession *session, AlertClock *clock, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->session = session;
    if (!clock) {
        d->ownClock = std::make_unique<AlertClock>();
        clock = d->ownClock.get();
    }
    d->clock = clock;

    // What the cache holds was seen in an earlier run: only newer lines and transfers are news.
    const qint64 selfId = session->self().id;
    for (const auto &dialog : session->openDialogs()) {
        if (dialog.transfer.isValid())
            d->knownTransfers.insert({dialog.id, dialog.transfer.at.toMSecsSinceEpoch()});
        if (selfId != 0 && dialog.operatorId == selfId) {
            const auto lines = session->cachedMessages(dialog.id, 1);
            if (!lines.isEmpty())
                d->lastDialogMessageId = std::max(d->lastDialogMessageId, lines.last().id);
        }
    }
    const auto room = session->cachedMessages(0, 1);
    if (!room.isEmpty())
        d->lastChatMessageId = room.last().id;
    d->baselinePending = session->lastSeq() == 0;

    connect(session, &OperatorSession::dialogChanged, this, &AlertPolicy::onDialogChanged);
    connect(session, &OperatorSession::messageArrived, this, &AlertPolicy::onMessage);
    connect(session, &OperatorSession::chatMessageArrived, this, &AlertPolicy::onChatMessage);
    connect(session, &OperatorSession::synced, this, &AlertPolicy::onSynced);
    // Who I am and whether the server assigns decide what "waiting for me" means.
    connect(session, &OperatorSession::selfChanged, this, [this] {
        recomputeAll();
        scheduleRepeat(); // a status out of do-not-disturb may start repeating again
    });
    connect(session, &OperatorSession::serverSettingsChanged, this, &AlertPolicy::recomputeAll);
    recomputeAll();
}

AlertPolicy::~AlertPolicy() = default;

void AlertPolicy::setSettings(const AlertSettings &settings)
{
    const bool repeatChanged = settings.repeatSeconds != d->settings.repeatSeconds
                               || !(settings.event(AlertKind::WaitingVisitor) == d->settings.event(AlertKind::WaitingVisitor));
    d->settings = settings;
    if (repeatChanged)
        scheduleRepeat();
}

AlertSettings AlertPolicy::settings() const { return d->settings; }

void AlertPolicy::setWindowActive(bool active)
{
    d->windowActive = active;
    if (active)
        setAttention(d->waitingAttention, false);
}

void AlertPolicy::acknowledge()
{
    d->repeats = 0;
    ++d->repeatGeneration; // a pending repeat is void
    setAttention(false, false);
}

int AlertPolicy::waitingCount() const { return int(d->waiting.size()); }

bool AlertPolicy::needsAttention() const { return d->waitingAttention || d->unseenAttention; }

bool AlertPolicy::doNotDisturb() const { return isDoNotDisturb(d->session->self().status); }

bool AlertPolicy::linkUp() const
{
    return d->session->connectionState() == ConnectionState::Connected;
}

bool AlertPolicy::isWaitingForMe(qint64 dialogId) const
{
    // VisitorListModel's placement, "Waiting for reply" (without the list's filter).
    const protocol::Dialog dialog = d->session->dialog(dialogId);
    if (dialog.id == 0 || !dialog.isOpen())
        return false;
    const qint64 selfId = d->session->self().id;
    const bool assigned = dialog.operatorId != 0;
    const bool mine = assigned && selfId != 0 && dialog.operatorId == selfId;
    if (dialog.isOfflineRequest() && !assigned)
        return false;
    if (mine)
        return dialog.state == protocol::DialogState::Waiting;
    if (!assigned)
        return !d->session->serverSettings().autoAssign;
    return false;
}

void AlertPolicy::updateWaiting(qint64 dialogId)
{
    if (isWaitingForMe(dialogId))
        d->waiting.insert(dialogId, waitingKeyOf(d->session->dialog(dialogId)));
    else
        d->waiting.remove(dialogId);
}

void AlertPolicy::recomputeAll()
{
    refreshWaiting();
    if (linkUp()) {
        const QList<qint64> ids = d->waiting.keys();
        for (const qint64 id : ids)
            checkWaitingAlert(id, false);
    }
}

void AlertPolicy::refreshWaiting()
{
    const int before = waitingCount();
    d->waiting.clear();
    for (const auto &dialog : d->session->openDialogs())
        updateWaiting(dialog.id);
    if (waitingCount() != before)
        Q_EMIT waitingCountChanged(waitingCount());
    if (d->waiting.isEmpty())
        setAttention(false, d->unseenAttention);
}

void AlertPolicy::onDialogChanged(qint64 dialogId)
{
    const int before = waitingCount();
    updateWaiting(dialogId);
    if (waitingCount() != before)
        Q_EMIT waitingCountChanged(waitingCount());
    if (d->waiting.isEmpty()) {
        d->repeats = 0;
        setAttention(false, d->unseenAttention);
    }
    if (!linkUp())
        return; // synced() looks at everything again
    // A dialog handed to me waits for me too: one alert, the transfer's (it says more).
    checkWaitingAlert(dialogId, checkTransfer(dialogId));
}

void AlertPolicy::checkWaitingAlert(qint64 dialogId, bool alreadyAlerted)
{
    const auto it = d->waiting.constFind(dialogId);
    if (it == d->waiting.constEnd())
        return;
    const QPair<qint64, qint64> key{dialogId, *it};
    if (d->alertedWaiting.contains(key))
        return;
    d->alertedWaiting.insert(key);
    if (alreadyAlerted) {
        setAttention(true, d->unseenAttention);
        scheduleRepeat();
        return;
    }
    const protocol::Dialog dialog = d->session->dialog(dialogId);
    const protocol::Visitor visitor = d->session->visitor(dialog.visitorId);
    const QString name = visitor.name.isEmpty() ? tr("Visitor %1").arg(dialog.visitorId) : visitor.name;
    Alert alert;
    alert.kind = AlertKind::WaitingVisitor;
    alert.dialogId = dialogId;
    alert.title = tr("%1 is waiting for a reply").arg(shortText(name));
    const QModelIndex row = d->session->visitorModel()->indexOfVisitor(dialog.visitorId);
    const QString lastLine = row.data(VisitorListModel::LastMessageTextRole).toString();
    alert.body = shortText(lastLine.isEmpty() ? visitor.currentPage.title : lastLine);
    emitAlert(alert);
    setAttention(true, d->unseenAttention);
    scheduleRepeat();
}

bool AlertPolicy::checkTransfer(qint64 dialogId)
{
    const protocol::Dialog dialog = d->session->dialog(dialogId);
    if (!dialog.transfer.isValid() || !dialog.isOpen())
        return false;
    const QPair<qint64, qint64> key{dialogId, dialog.transfer.at.toMSecsSinceEpoch()};
    if (d->knownTransfers.contains(key))
        return false;
    d->knownTransfers.insert(key);
    const qint64 selfId = d->session->self().id;
    if (selfId == 0 || dialog.operatorId != selfId || dialog.transfer.fromOperatorId == selfId)
        return false;
    const protocol::Visitor visitor = d->session->visitor(dialog.visitorId);
    const QString name = visitor.name.isEmpty() ? tr("Visitor %1").arg(dialog.visitorId) : visitor.name;
    Alert alert;
    alert.kind = AlertKind::TransferredToMe;
    alert.dialogId = dialogId;
    alert.title = dialog.transfer.fromName.isEmpty()
                      ? tr("A dialog was transferred to you")
                      : tr("%1 transferred a dialog to you").arg(shortText(dialog.transfer.fromName));
    alert.body = dialog.transfer.comment.isEmpty()
                     ? shortText(name)
                     : shortText(tr("%1: %2").arg(name, dialog.transfer.comment));
    emitAlert(alert);
    if (!d->windowActive)
        setAttention(d->waitingAttention, true);
    return true;
}

void AlertPolicy::onMessage(const protocol::Message &message)
{
    if (message.dialogId == 0)
        return;
    const bool newer = message.id > d->lastDialogMessageId;
    d->lastDialogMessageId = std::max(d->lastDialogMessageId, message.id);
    if (!newer || message.author != protocol::Author::Visitor || d->windowActive || !linkUp())
        return;
    const protocol::Dialog dialog = d->session->dialog(message.dialogId);
    const qint64 selfId = d->session->self().id;
    // A waiting dialog already alerts as a waiting visitor.
    if (selfId == 0 || dialog.operatorId != selfId || dialog.state != protocol::DialogState::Active)
        return;
    Alert alert;
    alert.kind = AlertKind::MessageInMyDialog;
    alert.dialogId = message.dialogId;
    alert.messageId = message.id;
    const QString name = message.authorName.isEmpty()
                             ? tr("Visitor %1").arg(dialog.visitorId) : message.authorName;
    alert.title = tr("New message from %1").arg(shortText(name));
    alert.body = shortText(message.file.isEmpty() ? message.text : tr("File: %1").arg(message.file.name));
    emitAlert(alert);
    setAttention(d->waitingAttention, true);
}

void AlertPolicy::onChatMessage(const protocol::Message &message)
{
    const bool newer = message.id > d->lastChatMessageId;
    d->lastChatMessageId = std::max(d->lastChatMessageId, message.id);
    if (!newer || !linkUp())
        return;
    const protocol::OperatorInfo self = d->session->self();
    if (self.id == 0 || message.operatorId == self.id || message.author != protocol::Author::Operator
        || self.name.trimmed().isEmpty())
        return;
    // My name as a word ("@" optional), any case: "Anna, look" and "@anna" both count, "Annabel" not.
    const QRegularExpression mention(u"(?<![\\w@])@?"_s + QRegularExpression::escape(self.name.trimmed())
                                         + u"(?!\\w)"_s,
                                     QRegularExpression::CaseInsensitiveOption
                                         | QRegularExpression::UseUnicodePropertiesOption);
    if (!mention.match(message.text).hasMatch())
        return;
    Alert alert;
    alert.kind = AlertKind::ChatMention;
    alert.messageId = message.id;
    alert.title = tr("%1 mentioned you").arg(shortText(message.authorName));
    alert.body = shortText(message.text);
    emitAlert(alert);
    if (!d->windowActive)
        setAttention(d->waitingAttention, true);
}

void AlertPolicy::onSynced(bool resumed)
{
    // A replay (resumed) brings each missed event through the usual signals; a snapshot replaces
    // the cache silently, so look at what it brought.
    if (!resumed) {
        refreshWaiting();
        scanAfterSnapshot();
    }
    d->baselinePending = false;
    recomputeAll(); // alerts waiting visitors not alerted yet
    scheduleRepeat();
}

void AlertPolicy::scanAfterSnapshot()
{
    const bool baseline = d->baselinePending;
    const qint64 selfId = d->session->self().id;
    const qint64 dialogHighWater = d->lastDialogMessageId;
    QList<protocol::Message> fresh;
    for (const auto &dialog : d->session->openDialogs()) {
        if (baseline) {
            if (dialog.transfer.isValid())
                d->knownTransfers.insert({dialog.id, dialog.transfer.at.toMSecsSinceEpoch()});
        } else if (checkTransfer(dialog.id)) {
            checkWaitingAlert(dialog.id, true); // recomputeAll() must not alert it again
        }
        if (selfId == 0 || dialog.operatorId != selfId)
            continue;
        const auto lines = d->session->cachedMessages(dialog.id, kScanLimit);
        protocol::Message newest;
        for (const auto &line : lines) {
            d->lastDialogMessageId = std::max(d->lastDialogMessageId, line.id);
            if (line.id > dialogHighWater && line.author == protocol::Author::Visitor)
                newest = line;
        }
        if (!baseline && newest.id != 0 && dialog.state == protocol::DialogState::Active)
            fresh.append(newest);
    }
    const qint64 chatHighWater = d->lastChatMessageId;
    QList<protocol::Message> room;
    for (const auto &line : d->session->cachedMessages(0, kScanLimit)) {
        d->lastChatMessageId = std::max(d->lastChatMessageId, line.id);
        if (line.id > chatHighWater)
            room.append(line);
    }
    if (baseline)
        return;
    const qint64 scannedDialogs = d->lastDialogMessageId;
    const qint64 scannedRoom = d->lastChatMessageId;
    // One alert per dialog, for its newest line: what came meanwhile, once.
    for (const auto &line : std::as_const(fresh)) {
        d->lastDialogMessageId = line.id - 1; // let onMessage take it as new
        onMessage(line);
    }
    d->lastDialogMessageId = std::max(d->lastDialogMessageId, scannedDialogs);
    for (const auto &line : std::as_const(room)) {
        d->lastChatMessageId = line.id - 1;
        onChatMessage(line);
    }
    d->lastChatMessageId = std::max(d->lastChatMessageId, scannedRoom);
}

void AlertPolicy::emitAlert(Alert alert)
{
    const AlertEventSettings event = d->settings.event(alert.kind);
    const QDateTime now = d->clock->now();
    alert.playSound = event.sound && !doNotDisturb()
                      && (!d->lastSoundAt.isValid() || d->lastSoundAt.msecsTo(now) >= kSoundSpacingMs);
    if (!event.notify && !alert.playSound)
        return;
    if (alert.playSound)
        d->lastSoundAt = now;
    Q_EMIT this->alert(alert);
}

void AlertPolicy::setAttention(bool waiting, bool unseen)
{
    const bool before = needsAttention();
    if (!waiting) {
        d->repeats = 0;
        ++d->repeatGeneration;
    }
    d->waitingAttention = waiting;
    d->unseenAttention = unseen;
    if (needsAttention() != before)
        Q_EMIT attentionChanged(needsAttention());
}

void AlertPolicy::scheduleRepeat()
{
    const quint64 generation = ++d->repeatGeneration;
    if (!d->waitingAttention || d->settings.repeatSeconds <= 0)
        return;
    QPointer<AlertPolicy> guard(this);
    d->clock->startTimer(d->settings.repeatSeconds * 1000, [guard, generation] {
        if (guard)
            guard->onRepeat(generation);
    });
}

void AlertPolicy::onRepeat(quint64 generation)
{
    if (generation != d->repeatGeneration || !d->waitingAttention || d->waiting.isEmpty())
        return;
    // Quiet while do-not-disturb, the sound is off or the link is down (the count may be stale),
    // but keep the beat: repeating resumes when that changes.
    if (!doNotDisturb() && linkUp() && d->settings.event(AlertKind::WaitingVisitor).sound) {
        // About the visitor who has waited longest.
        const auto oldest = std::min_element(d->waiting.cbegin(), d->waiting.cend());
        const protocol::Dialog dialog = d->session->dialog(oldest.key());
        Alert alert;
        alert.kind = AlertKind::WaitingVisitor;
        alert.dialogId = dialog.id;
        alert.escalation = ++d->repeats;
        alert.title = tr("%n visitor(s) waiting for a reply", nullptr, waitingCount());
        const protocol::Visitor visitor = d->session->visitor(dialog.visitorId);
        alert.body = tr("Longest waiting: %1")
                         .arg(shortText(visitor.name.isEmpty() ? tr("Visitor %1").arg(dialog.visitorId)
                                                               : visitor.name));
        alert.playSound = true;
        d->lastSoundAt = d->clock->now();
        Q_EMIT this->alert(alert);
    }
    scheduleRepeat();
}

} // namespace concierge
