// SPDX-License-Identifier: GPL-3.0-or-later
// The session's read-only accessors: what the app and its models ask of the engine's state.
#include "OperatorSession.h"
#include "OperatorSessionPrivate.h"

#include "Connection.h"
#include "FileTransfer.h"
#include "HistoryArchive.h"
#include "LocalStore.h"
#include "MessageListModel.h"
#include "OperatorListModel.h"
#include "Outbox.h"
#include "TemplateLibrary.h"
#include "VisitorListModel.h"

#include <QSqlDatabase>

#include <algorithm>

namespace concierge {

using namespace Qt::StringLiterals;

ConnectionState OperatorSession::connectionState() const { return d->state; }
int OperatorSession::secondsUntilRetry() const { return d->connection->secondsUntilRetry(); }
int OperatorSession::pendingReplyCount() const { return d->outbox->count(); }
QString OperatorSession::token() const { return d->token; }
protocol::OperatorInfo OperatorSession::self() const { return d->self; }
qint64 OperatorSession::currentDialogId() const { return d->currentDialogId; }
qint64 OperatorSession::lastSeq() const { return d->lastSeq; }
QList<OutboxEntry> OperatorSession::pendingReplies() const { return d->outbox->entries(); }

QString OperatorSession::databasePath() const
{
    const QString path = QSqlDatabase::database(d->store->connectionName(), false).databaseName();
    return path == u":memory:"_s ? QString() : path;
}

protocol::Visitor OperatorSession::visitor(qint64 visitorId) const
{
    if (const auto it = d->visitors.constFind(visitorId); it != d->visitors.constEnd())
        return *it;
    // Not loaded yet (the start reads list rows only): read it whole from the cache, once. An
    // unknown id is not remembered — its visitor.updated may still come.
    std::optional<protocol::Visitor> cached = d->store->visitor(visitorId);
    if (!cached)
        return {};
    return *d->visitors.insert(visitorId, std::move(*cached));
}

protocol::Dialog OperatorSession::dialog(qint64 dialogId) const { return d->dialogs.value(dialogId); }

QList<protocol::Dialog> OperatorSession::openDialogs() const
{
    QList<protocol::Dialog> open;
    for (const auto &dialog : std::as_const(d->dialogs)) {
        if (dialog.isOpen())
            open.append(dialog);
    }
    return open;
}

QList<protocol::Message> OperatorSession::cachedMessages(qint64 dialogId, int limit) const
{
    return d->store->messages(dialogId, limit);
}
VisitorListModel *OperatorSession::visitorModel() const { return d->visitorModel; }
MessageListModel *OperatorSession::messageModel() const { return d->messageModel; }
MessageListModel *OperatorSession::chatModel() const { return d->chatModel; }
OperatorListModel *OperatorSession::operatorModel() const { return d->operatorModel; }
QList<protocol::OperatorInfo> OperatorSession::operators() const { return d->operatorModel->operators(); }
QList<protocol::Department> OperatorSession::departments() const { return d->departments; }
QList<protocol::Category> OperatorSession::categories() const { return d->categories; }

std::optional<protocol::Category> OperatorSession::category(qint64 categoryId) const
{
    for (const auto &category : d->categories) {
        if (category.id == categoryId)
            return category;
    }
    return std::nullopt;
}
ServerSettings OperatorSession::serverSettings() const { return d->settings; }

std::optional<protocol::OperatorInfo> OperatorSession::operatorInfo(qint64 operatorId) const
{
    return d->operatorModel->operatorInfo(operatorId);
}

QStringList OperatorSession::languages() const
{
    QSet<QString> seen;
    for (const auto &info : d->operatorModel->operators()) {
        for (const QString &language : info.languages) {
            if (!language.isEmpty())
                seen.insert(language);
        }
    }
    QStringList list(seen.begin(), seen.end());
    std::sort(list.begin(), list.end());
    return list;
}

bool OperatorSession::canChangeDialog(qint64 dialogId) const
{
    const auto it = d->dialogs.constFind(dialogId);
    if (it == d->dialogs.constEnd() || !it->isOpen() || !d->self.mayWork())
        return false;
    return it->operatorId == 0 || (d->self.id != 0 && it->operatorId == d->self.id);
}
Connection *OperatorSession::connection() const { return d->connection; }
FileTransfer *OperatorSession::files() const { return d->files; }
TemplateLibrary *OperatorSession::templates() const { return d->templates; }
HistoryArchive *OperatorSession::history() const { return d->history; }

QUrl OperatorSession::httpBaseUrl() const
{
    if (d->endpoint.isEmpty())
        return {};
    QUrl url = d->endpoint;
    url.setScheme(url.scheme() == u"wss" ? u"https"_s : u"http"_s);
    QString path = url.path();
    path.chop(QStringView(u"/v1/operator").size()); // operatorEndpoint() always ends it so
    url.setPath(path + u'/');
    return url;
}

} // namespace concierge
