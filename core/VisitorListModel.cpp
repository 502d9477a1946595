// SPDX-License-Identifier: GPL-3.0-or-later
#include "VisitorListModel.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace concierge {

using namespace Qt::StringLiterals;

namespace {

constexpr quintptr kSectionNode = 0; // internalId of section rows; children carry section + 1

struct Item
{
    qint64 key = 0; ///< sort key: smaller first
    qint64 visitorId = 0;
    friend bool operator<(const Item &a, const Item &b)
    {
        return a.key != b.key ? a.key < b.key : a.visitorId < b.visitorId;
    }
    friend bool operator==(const Item &, const Item &) = default;
};

qint64 msecs(const QDateTime &time, qint64 fallback)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : fallback;
}

} // namespace

struct VisitorListModel::Private
{
    qint64 selfId = 0;
    bool supervises = false;
    ServerSettings settings;
    QString filter;
    QString foldedFilter; ///< filter.toCaseFolded()
    /// Visitor id → case-folded "name, page title, URL, last line", built on first use while a
    /// filter is set and dropped when any of them changes. A keystroke then costs a plain search
    /// per visitor instead of case-folding every character of every visitor again.
    mutable QHash<qint64, QString> haystacks;
    QHash<qint64, protocol::Visitor> visitors;
    QHash<qint64, protocol::Dialog> openDialogs;     ///< by dialog id
    QHash<qint64, qint64> openDialogOfVisitor;       ///< visitor id → dialog id
    struct LastLine
    {
        QString text;
        qint64 at = 0;
        qint64 id = 0;
    };
    QHash<qint64, LastLine> lastLines; ///< dialog id → its last visitor/operator line
    /// A visitor's newest dialog seen closed: a rating only ever comes after the close, so the
    /// row of a visitor still on the site (Others) shows it from here while no dialog is open.
    struct ClosedDialog
    {
        qint64 id = 0;
        qint64 categoryId = 0;
        int ratingScore = 0;
    };
    QHash<qint64, ClosedDialog> lastClosed; ///< by visitor id

    void noteClosed(const protocol::Dialog &dialog)
    {
        ClosedDialog &closed = lastClosed[dialog.visitorId];
        if (dialog.id >= closed.id) // an older dialog's late update must not replace a newer one
            closed = {dialog.id, dialog.categoryId, dialog.rating.score};
    }
    QList<Item> rows[kSectionCount];   ///< each kept sorted
    struct Placement
    {
        int section = -1;
        Item item;
    };
    QHash<qint64, Placement> placed; ///< visitor id → where it is shown

    bool seesOthers() const { return supervises || !settings.hideOthersDialogs; }

    /// The visitor's open dialog as this viewer may see it: another operator's dialog is hidden
    /// from a plain operator while the server hides others' dialogs (the server then does not
    /// send them either; this covers a cache filled before the setting changed).
    const protocol::Dialog *dialogOf(qint64 visitorId) const
    {
        const auto it = openDialogOfVisitor.constFind(visitorId);
        if (it == openDialogOfVisitor.constEnd())
            return nullptr;
        const auto dit = openDialogs.constFind(*it);
        if (dit == openDialogs.constEnd())
            return nullptr;
        const bool others = dit->operatorId != 0 && dit->operatorId != selfId;
        return others && !seesOthers() ? nullptr : &*dit;
    }

    QString lastText(const protocol::Dialog *dialog) const
    {
        return dialog ? lastLines.value(dialog->id).text : QString();
    }

    bool matchesFilter(qint64 visitorId, const protocol::Visitor *visitor, const protocol::Dialog *dialog) const
    {
        if (filter.isEmpty())
            return true;
        auto it = haystacks.constFind(visitorId);
        if (it == haystacks.constEnd()) {
            // A line break never reaches the filter box (a one-line edit), so no match spans two fields.
            QString text;
            if (!visitor || visitor->name.isEmpty())
                text = VisitorListModel::tr("Visitor %1").arg(visitorId); // the name data() shows
            if (visitor)
                text += visitor->name + u'\n' + visitor->currentPage.title + u'\n' + visitor->currentPage.url;
            text += u'\n' + lastText(dialog);
            it = haystacks.insert(visitorId, text.toCaseFolded());
        }
        return it->contains(foldedFilter);
    }

    bool matchesFilter(qint64 visitorId) const
    {
        if (const auto cached = haystacks.constFind(visitorId); cached != haystacks.constEnd())
            return filter.isEmpty() || cached->contains(foldedFilter);
        const auto it = visitors.constFind(visitorId);
        return matchesFilter(visitorId, it == visitors.constEnd() ? nullptr : &*it, dialogOf(visitorId));
    }

    /// Where a visitor belongs now (docs/protocol.md, "Roles and who sees which dialog");
    /// section -1: not listed (offline without an open dialog, or not matching the filter).
    Placement placementFor(qint64 visitorId) const
    {
        Placement placement;
        placement.item.visitorId = visitorId;
        const protocol::Visitor *visitor = nullptr;
        if (const auto it = visitors.constFind(visitorId); it != visitors.constEnd())
            visitor = &*it;
        const protocol::Dialog *dialog = dialogOf(visitorId);
        if (!matchesFilter(visitorId, visitor, dialog))
            return placement;
        const qint64 lastActivity = visitor ? msecs(visitor->lastSeen, 0) : 0;
        // Longest waiting first.
        const qint64 waitingKey = dialog ? msecs(dialog->waitingSince, msecs(dialog->createdAt, 0)) : 0;
        if (!dialog) {
            if (visitor && visitor->online) {
                placement.section = int(Section::Others);
                placement.item.key = -lastActivity; // most recently active first
            }
            return placement;
        }
        const bool assigned = dialog->operatorId != 0;
        const bool mine = assigned && selfId != 0 && dialog->operatorId == selfId;
        const bool waiting = dialog->state == protocol::DialogState::Waiting;
        if (dialog->isOfflineRequest() && !assigned) {
            placement.section = int(Section::OfflineRequests);
            placement.item.key = waitingKey;
        } else if (mine) {
            placement.section = int(waiting ? Section::Waiting : Section::InDialog);
            placement.item.key = waiting ? waitingKey : -lastActivity;
        } else if (!assigned) {
            // Unassigned while the server assigns: it waits for a free operator in the common queue.
            // Without auto-assignment every operator picks from Waiting.
            placement.section = int(settings.autoAssign ? Section::CommonQueue : Section::Waiting);
            placement.item.key = waitingKey;
        } else {
            placement.section = int(Section::OtherChats); // dialogOf() hid it if not allowed
            placement.item.key = -lastActivity;
        }
        return placement;
    }

    int rowOf(int section, const Item &item) const
    {
        const auto &list = rows[section];
        const auto it = std::lower_bound(list.begin(), list.end(), item);
        return (it != list.end() && *it == item) ? int(it - list.begin()) : -1;
    }
};

VisitorListModel::VisitorListModel(QObject *parent)
    : QAbstractItemModel(parent)
    , d(std::make_unique<Private>())
{
}

VisitorListModel::~VisitorListModel() = default;

void VisitorListModel::setViewer(qint64 selfId, bool supervises, const ServerSettings &settings)
{
    if (d->selfId == selfId && d->supervises == supervises && d->settings == settings)
        return;
    // "Mine" and "may see" change for every dialog at once: a reset is the honest signal.
    beginResetModel();
    d->selfId = selfId;
    d->supervises = supervises;
    d->settings = settings;
    d->haystacks.clear(); // which dialogs are visible, hence whose last line counts, may change
    placeEveryone();
    endResetModel();
}

void VisitorListModel::setSelfId(qint64 operatorId)
{
    setViewer(operatorId, d->supervises, d->settings);
}

qint64 VisitorListModel::selfId() const { return d->selfId; }
bool VisitorListModel::supervises() const { return d->supervises; }
ServerSettings VisitorListModel::serverSettings() const { return d->settings; }

bool VisitorListModel::sectionApplies(Section section) const
{
    switch (section) {
    case Section::CommonQueue: return d->settings.autoAssign;
    case Section::OtherChats: return d->seesOthers();
    default: return true;
    }
}

void VisitorListModel::setFilterText(const QString &text)
{
    if (d->filter == text)
        return;
    // Typing on only narrows the list: everyone shown for "ab" who matches "abc" stays where they
    // are, in the same order, and nobody hidden can come back. Anything else re-places everyone.
    const QString folded = text.toCaseFolded();
    const bool narrowing = !d->filter.isEmpty() && folded.contains(d->foldedFilter);
    // A reset is far cheaper for a view than thousands of single-row signals.
    beginResetModel();
    d->filter = text;
    d->foldedFilter = folded;
    if (text.isEmpty())
        d->haystacks = {}; // memory back; rebuilt on the next filter
    if (narrowing) {
        for (auto &list : d->rows) {
            list.removeIf([this](const Item &item) {
                if (d->matchesFilter(item.visitorId))
                    return false;
                d->placed.remove(item.visitorId);
                return true;
            });
        }
    } else {
        placeEveryone();
    }
    endResetModel();
}

QString VisitorListModel::filterText() const
{
    return d->filter;
}

void VisitorListModel::placeEveryone()
{
    for (auto &list : d->rows)
        list.clear();
    d->placed.clear();
    d->placed.reserve(d->visitors.size());
    for (auto it = d->visitors.constBegin(); it != d->visitors.constEnd(); ++it)
        placeQuietly(it.key());
    for (auto it = d->openDialogOfVisitor.constBegin(); it != d->openDialogOfVisitor.constEnd(); ++it)
        placeQuietly(it.key());
    // Appended unsorted above: one sort per section beats thousands of sorted inserts.
    for (auto &list : d->rows)
        std::sort(list.begin(), list.end());
}

void VisitorListModel::placeQuietly(qint64 visitorId)
{
    if (d->placed.contains(visitorId))
        return;
    const Private::Placement placement = d->placementFor(visitorId);
    if (placement.section < 0)
        return;
    d->rows[placement.section].append(placement.item);
    d->placed.insert(visitorId, placement);
}

void VisitorListModel::resetContent(const QList<protocol::Visitor> &visitors,
                                    const QList<protocol::Dialog> &dialogs,
                                    const QHash<qint64, QString> &lastMessageTexts)
{
    beginResetModel();
    d->visitors.clear();
    d->openDialogs.clear();
    d->openDialogOfVisitor.clear();
    d->lastLines.clear();
    d->lastClosed.clear();
    d->haystacks.clear();
    d->visitors.reserve(visitors.size());
    d->openDialogs.reserve(dialogs.size());
    d->openDialogOfVisitor.reserve(dialogs.size());
    for (const auto &visitor : visitors)
        d->visitors.insert(visitor.id, visitor);
    for (const auto &dialog : dialogs) {
        if (!dialog.isOpen()) {
            d->noteClosed(dialog);
            continue;
        }
        d->openDialogs.insert(dialog.id, dialog);
        d->openDialogOfVisitor.insert(dialog.visitorId, dialog.id);
    }
    for (auto it = lastMessageTexts.constBegin(); it != lastMessageTexts.constEnd(); ++it)
        d->lastLines.insert(it.key(), {it.value(), 0, 0});
    placeEveryone();
    endResetModel();
}

void VisitorListModel::replace(qint64 visitorId)
{
    const Private::Placement old = d->placed.value(visitorId);
    const Private::Placement now = d->placementFor(visitorId);
    const bool wasShown = d->placed.contains(visitorId);
    const bool isShown = now.section >= 0;

    if (!wasShown && !isShown)
        return;
    if (wasShown && !isShown) {
        const int row = d->rowOf(old.section, old.item);
        beginRemoveRows(sectionIndex(Section(old.section)), row, row);
        d->rows[old.section].removeAt(row);
        d->placed.remove(visitorId);
        endRemoveRows();
        emitSectionChanged(old.section);
        return;
    }
    auto &newList = d->rows[now.section];
    if (!wasShown) {
        const int row = int(std::lower_bound(newList.begin(), newList.end(), now.item) - newList.begin());
        beginInsertRows(sectionIndex(Section(now.section)), row, row);
        newList.insert(row, now.item);
        d->placed.insert(visitorId, now);
        endInsertRows();
        emitSectionChanged(now.section);
        return;
    }
    const int oldRow = d->rowOf(old.section, old.item);
    if (old.section == now.section) {
        // Position among the others (the list without this item).
        QList<Item> &list = newList;
        int target = int(std::lower_bound(list.begin(), list.end(), now.item) - list.begin());
        if (target > oldRow)
            --target; // lower_bound counted the old copy, which sits before the target
        if (target != oldRow) {
            const QModelIndex parent = sectionIndex(Section(now.section));
            beginMoveRows(parent, oldRow, oldRow, parent, target > oldRow ? target + 1 : target);
            list.removeAt(oldRow);
            list.insert(target, now.item);
            d->placed.insert(visitorId, now);
            endMoveRows();
        } else {
            list[oldRow] = now.item;
            d->placed.insert(visitorId, now);
        }
        const QModelIndex changed = index(target, 0, sectionIndex(Section(now.section)));
        Q_EMIT dataChanged(changed, changed);
        return;
    }
    // Between sections: one move keeps the view's selection and expansion on the visitor.
    const int target = int(std::lower_bound(newList.begin(), newList.end(), now.item) - newList.begin());
    beginMoveRows(sectionIndex(Section(old.section)), oldRow, oldRow, sectionIndex(Section(now.section)), target);
    d->rows[old.section].removeAt(oldRow);
    newList.insert(target, now.item);
    d->placed.insert(visitorId, now);
    endMoveRows();
    const QModelIndex changed = index(target, 0, sectionIndex(Section(now.section)));
    Q_EMIT dataChanged(changed, changed);
    emitSectionChanged(old.section);
    emitSectionChanged(now.section);
}

void VisitorListModel::emitSectionChanged(int section)
{
    const QModelIndex index = sectionIndex(Section(section));
    Q_EMIT dataChanged(index, index);
}

void VisitorListModel::upsertVisitor(const protocol::Visitor &visitor)
{
    d->visitors.insert(visitor.id, visitor);
    d->haystacks.remove(visitor.id);
    replace(visitor.id);
}

void VisitorListModel::upsertDialog(const protocol::Dialog &dialog)
{
    const qint64 previousOpen = d->openDialogOfVisitor.value(dialog.visitorId);
    if (dialog.isOpen()) {
        d->openDialogs.insert(dialog.id, dialog);
        d->openDialogOfVisitor.insert(dialog.visitorId, dialog.id);
    } else {
        d->openDialogs.remove(dialog.id);
        d->lastLines.remove(dialog.id);
        d->noteClosed(dialog);
        // Only the visitor's current dialog closing changes where the visitor is shown.
        if (previousOpen == dialog.id)
            d->openDialogOfVisitor.remove(dialog.visitorId);
    }
    d->haystacks.remove(dialog.visitorId); // its last line may now count, or not
    replace(dialog.visitorId);
}

void VisitorListModel::noteMessage(const protocol::Message &message)
{
    if (message.dialogId == 0 || message.author == protocol::Author::System)
        return;
    // Only open dialogs are listed; remembering lines of closed ones (old history) would only grow.
    const auto dialog = d->openDialogs.constFind(message.dialogId);
    if (dialog == d->openDialogs.constEnd())
        return;
    const qint64 at = msecs(message.at, 0);
    Private::LastLine &last = d->lastLines[message.dialogId];
    // Lines may arrive out of order (history after a live line): keep the newest.
    if (last.at > at || (last.at == at && last.id > message.id))
        return;
    // A file line (empty text) reads as its name after a paper clip, as LocalStore words it.
    const QString text = message.text.isEmpty() && !message.file.isEmpty()
        ? QStringLiteral("\U0001F4CE ") + message.file.name
        : message.text;
    if (last.text == text) {
        last.at = at;
        last.id = message.id;
        return;
    }
    last = {text, at, message.id};
    d->haystacks.remove(dialog->visitorId);
    if (!d->filter.isEmpty()) {
        replace(dialog->visitorId); // the new text may make it match, or not any more
        return;
    }
    const QModelIndex row = indexOfVisitor(dialog->visitorId);
    if (row.isValid())
        Q_EMIT dataChanged(row, row, {LastMessageTextRole});
}

void VisitorListModel::removeVisitor(qint64 visitorId)
{
    d->visitors.remove(visitorId);
    d->haystacks.remove(visitorId);
    d->lastClosed.remove(visitorId);
    if (const qint64 dialogId = d->openDialogOfVisitor.take(visitorId)) {
        d->openDialogs.remove(dialogId);
        d->lastLines.remove(dialogId);
    }
    replace(visitorId);
}

void VisitorListModel::clear()
{
    resetContent({}, {});
}

int VisitorListModel::visitorCount(Section section) const
{
    return int(d->rows[int(section)].size());
}

QModelIndex VisitorListModel::sectionIndex(Section section) const
{
    return createIndex(int(section), 0, kSectionNode);
}

QModelIndex VisitorListModel::indexOfVisitor(qint64 visitorId) const
{
    const auto it = d->placed.constFind(visitorId);
    if (it == d->placed.constEnd())
        return {};
    const int row = d->rowOf(it->section, it->item);
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(it->section + 1));
}

QModelIndex VisitorListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < kSectionCount ? createIndex(row, 0, kSectionNode) : QModelIndex();
    if (parent.internalId() != kSectionNode || parent.row() >= kSectionCount)
        return {};
    if (row >= d->rows[parent.row()].size())
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex VisitorListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionNode)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kSectionNode);
}

int VisitorListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return kSectionCount;
    if (parent.column() != 0 || parent.internalId() != kSectionNode)
        return 0;
    return int(d->rows[parent.row()].size());
}

int VisitorListModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant VisitorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kSectionNode) {
        const auto section = Section(index.row());
        const int count = int(d->rows[index.row()].size());
        switch (role) {
        case Qt::DisplayRole:
            switch (section) {
            case Section::Waiting: return tr("Waiting for reply (%1)").arg(count);
            case Section::InDialog: return tr("In dialog (%1)").arg(count);
            case Section::OfflineRequests: return tr("Offline requests (%1)").arg(count);
            case Section::CommonQueue: return tr("Common queue (%1)").arg(count);
            case Section::OtherChats: return tr("Other chats (%1)").arg(count);
            case Section::Others: return tr("Others (%1)").arg(count);
            }
            return {};
        case IsSectionRole: return true;
        case SectionRole: return int(section);
        case SectionCountRole: return count;
        default: return {};
        }
    }
    const int section = int(index.internalId() - 1);
    const qint64 visitorId = d->rows[section].at(index.row()).visitorId;
    // data() runs for every role of every painted row: look the visitor up, never copy it.
    static const protocol::Visitor unknownVisitor;
    const auto found = d->visitors.constFind(visitorId);
    const protocol::Visitor &visitor = found != d->visitors.cend() ? *found : unknownVisitor;
    const protocol::Dialog *dialog = d->dialogOf(visitorId);
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        // A dialog can be announced before its visitor: show something rather than a blank row.
        return visitor.name.isEmpty() ? tr("Visitor %1").arg(visitorId) : visitor.name;
    case IsSectionRole: return false;
    case SectionRole: return section;
    case VisitorIdRole: return visitorId;
    case DialogIdRole: return dialog ? dialog->id : qint64(0);
    case CurrentPageTitleRole: return visitor.currentPage.title;
    case CurrentPageUrlRole: return visitor.currentPage.url;
    case WaitingSinceRole:
        return dialog && dialog->state == protocol::DialogState::Waiting ? dialog->waitingSince : QDateTime();
    case OnlineRole: return visitor.online;
    case AssignedToMeRole: return dialog && d->selfId != 0 && dialog->operatorId == d->selfId;
    case AssignedOperatorIdRole: return dialog ? dialog->operatorId : qint64(0);
    case TransferCommentRole: return dialog ? dialog->transfer.comment : QString();
    case TransferFromNameRole: return dialog && dialog->transfer.isValid() ? dialog->transfer.fromName : QString();
    case LastMessageTextRole: return d->lastText(dialog);
    case IsOfflineRequestRole: return dialog && dialog->isOfflineRequest();
    case DepartmentIdRole: return dialog ? dialog->departmentId : qint64(0);
    case CategoryIdRole: return dialog ? dialog->categoryId : d->lastClosed.value(visitorId).categoryId;
    case RatingRole: return dialog ? dialog->rating.score : d->lastClosed.value(visitorId).ratingScore;
    default: return {};
    }
}

QHash<int, QByteArray> VisitorListModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(IsSectionRole, "isSection");
    names.insert(SectionRole, "section");
    names.insert(SectionCountRole, "sectionCount");
    names.insert(VisitorIdRole, "visitorId");
    names.insert(DialogIdRole, "dialogId");
    names.insert(NameRole, "name");
    names.insert(CurrentPageTitleRole, "currentPageTitle");
    names.insert(CurrentPageUrlRole, "currentPageUrl");
    names.insert(WaitingSinceRole, "waitingSince");
    names.insert(OnlineRole, "online");
    names.insert(AssignedToMeRole, "assignedToMe");
    names.insert(AssignedOperatorIdRole, "assignedOperatorId");
    names.insert(TransferCommentRole, "transferComment");
    names.insert(TransferFromNameRole, "transferFromName");
    names.insert(LastMessageTextRole, "lastMessageText");
    names.insert(IsOfflineRequestRole, "isOfflineRequest");
    names.insert(DepartmentIdRole, "departmentId");
    names.insert(CategoryIdRole, "categoryId");
    names.insert(RatingRole, "rating");
    return names;
}

} // namespace concierge
