// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RawProtocolClient.h"
#include "ServerProcess.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

/// Helpers for server integration tests that speak raw frames (docs/protocol.md): operators made
/// with the admin CLI and logged in, visitors opening dialogs, and look-ups in what a client has
/// received. They return empty values (and say why with qWarning) rather than fail, so the test
/// keeps its own QVERIFYs and reads top to bottom.
namespace testkit {

/// The password of every operator made by createOperator().
QString operatorPassword();

QJsonObject data(const QJsonObject &frame);
/// The `code` of an error reply; "" for a result; "no reply" when the request timed out.
QString errorCode(const QJsonObject &reply);
bool isResult(const QJsonObject &reply);
QString newCid();
/// A JSON id (number or null) as an integer; 0 for null or missing.
qint64 idOf(const QJsonValue &value);

/// `concierge-server admin <args>` on the server's state folder (running or not). False, with the
/// command's output in qWarning, when it exits with anything but 0.
bool admin(const ServerProcess &server, const QStringList &args);
/// `admin create-operator` with operatorPassword(); \a extra e.g. {"--role", "supervisor"}.
bool createOperator(const ServerProcess &server, const QString &email, const QString &name,
                    const QStringList &extra = {});

/// A new session of an operator made by createOperator(): `hello`, then `status.set` to \a status
/// (skipped when empty). \a hello receives the hello result's `data`. Null on any failure.
std::unique_ptr<RawProtocolClient> loginOperator(const ServerProcess &server, const QString &email,
                                                 const QString &status = QStringLiteral("online"),
                                                 QJsonObject *hello = nullptr);
/// A new visitor (`hello` on /v1/visitor without a token). \a hello receives the result's `data`.
std::unique_ptr<RawProtocolClient> connectVisitor(const ServerProcess &server, QJsonObject *hello = nullptr);
/// The visitor's `message.send` with a fresh cid (and \a departmentId unless 0): the dialog the
/// message went to, 0 on failure.
qint64 openDialog(RawProtocolClient &visitor, const QString &text = QStringLiteral("Hello, anyone there?"),
                  qint64 departmentId = 0);

/// An operator's `message.send` into \a dialogId with a fresh cid; the reply frame.
QJsonObject operatorSend(RawProtocolClient &op, qint64 dialogId, const QString &text);
/// An operator's `dialog.transfer` of \a dialogId to \a to (e.g. {"queue": true}); the reply frame.
QJsonObject transfer(RawProtocolClient &op, qint64 dialogId, const QJsonObject &to,
                     const QString &comment = {});
/// The message of the first `message.new` received with this text; {} if none.
QJsonObject messageWithText(const RawProtocolClient &client, const QString &text);

/// The dialog of the newest `dialog.updated` about \a dialogId that \a client received; {} if none.
QJsonObject latestDialog(const RawProtocolClient &client, qint64 dialogId);
/// The operator of the newest `operator.updated` about \a operatorId; {} if none.
QJsonObject latestOperator(const RawProtocolClient &client, qint64 operatorId);
/// Spins until \a client knows \a dialogId as assigned (its newest `dialog.updated` names an
/// operator); that operator's id, or 0 on timeout.
qint64 waitAssigned(const RawProtocolClient &client, qint64 dialogId, int timeoutMs = 5000);
/// Every event named \a name that \a client received, in order (the `data` objects).
QList<QJsonObject> eventData(const RawProtocolClient &client, const QString &name);
/// Whether any event \a client received is about \a dialogId (dialog.updated, message.new, typing).
bool sawDialog(const RawProtocolClient &client, qint64 dialogId);
/// Stored lines of \a dialogId as \a client's `history.get` returns them; {} on error.
QList<QJsonObject> history(RawProtocolClient &client, qint64 dialogId);
/// The id of the department called \a name in a hello result's `departments`; 0 if absent.
qint64 departmentId(const QJsonObject &hello, const QString &name);
/// The department called \a name in a visitor's `departments` list (hello or operators.available).
QJsonObject departmentNamed(const QJsonObject &withDepartments, const QString &name);

/// Another socket of a known visitor (`hello` with \a visitorToken): a second tab, or a return
/// visit. \a hello receives the result's `data`. Null on failure.
std::unique_ptr<RawProtocolClient> connectVisitorWithToken(const ServerProcess &server,
                                                           const QString &visitorToken,
                                                           QJsonObject *hello = nullptr);
/// The visitor of the newest `visitor.updated` about \a visitorId that \a client received; {} if none.
QJsonObject latestVisitor(const RawProtocolClient &client, qint64 visitorId);
/// The visitor / dialog with this id in an operator hello result's snapshot; {} if absent.
QJsonObject snapshotVisitor(const QJsonObject &hello, qint64 visitorId);
QJsonObject snapshotDialog(const QJsonObject &hello, qint64 dialogId);
/// The system lines among \a lines (stored history) whose `event` is \a event.
QList<QJsonObject> linesWithEvent(const QList<QJsonObject> &lines, const QString &event);
/// The messages of every `message.new` \a client received whose `event` is \a event.
QList<QJsonObject> receivedLinesWithEvent(const RawProtocolClient &client, const QString &event);
/// The id of the category called \a name in an operator hello result's `categories`; 0 if absent.
qint64 categoryId(const QJsonObject &hello, const QString &name);

/// A barrier instead of a sleep: a new visitor connects, and this waits until every one of
/// \a operators has received that visitor's `visitor.updated` (sent to every operator session).
/// Events are sent in order, so anything the server sent them before has arrived too.
bool settle(const ServerProcess &server, const QList<RawProtocolClient *> &operators);

/// Spins the event loop until \a done or the timeout; the condition, not the time, synchronises.
bool spinUntil(const std::function<bool()> &done, int timeoutMs = 5000);

} // namespace testkit
