// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerTestKit.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QJsonArray>
#include <QTest>
#include <QUuid>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace testkit {

QString operatorPassword()
{
    return u"operator-secret-for-tests"_s;
}

QJsonObject data(const QJsonObject &frame)
{
    return frame.value(u"data").toObject();
}

QString errorCode(const QJsonObject &reply)
{
    if (reply.isEmpty())
        return u"no reply"_s;
    return reply.value(u"code").toString();
}

bool isResult(const QJsonObject &reply)
{
    return reply.value(u"type").toString() == u"result";
}

QString newCid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

qint64 idOf(const QJsonValue &value)
{
    return value.toInteger();
}

bool admin(const ServerProcess &server, const QStringList &args)
{
    QString output;
    const int exitCode = server.admin(args, &output);
    if (exitCode != 0)
        qWarning().noquote() << "admin" << args.join(u' ') << "exited with" << exitCode << ":" << output;
    return exitCode == 0;
}

bool createOperator(const ServerProcess &server, const QString &email, const QString &name,
                    const QStringList &extra)
{
    return admin(server, QStringList{u"create-operator"_s, u"--email"_s, email, u"--name"_s, name,
                                     u"--password"_s, operatorPassword()} +
                             extra);
}

std::unique_ptr<RawProtocolClient> loginOperator(const ServerProcess &server, const QString &email,
                                                 const QString &status, QJsonObject *hello)
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(server.wsUrl(u"/v1/operator"_s))) {
        qWarning() << "operator socket did not open for" << email;
        return nullptr;
    }
    const QJsonObject reply = client->helloOperator(email, operatorPassword());
    if (!isResult(reply)) {
        qWarning() << "operator hello failed for" << email << reply;
        return nullptr;
    }
    if (hello)
        *hello = data(reply);
    if (!status.isEmpty()) {
        const QJsonObject set = client->request(u"status.set"_s, {{u"status"_s, status}});
        if (!isResult(set)) {
            qWarning() << "status.set" << status << "failed for" << email << set;
            return nullptr;
        }
    }
    return client;
}

std::unique_ptr<RawProtocolClient> connectVisitor(const ServerProcess &server, QJsonObject *hello)
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(server.wsUrl(u"/v1/visitor"_s))) {
        qWarning() << "visitor socket did not open";
        return nullptr;
    }
    const QJsonObject reply =
        client->request(u"hello"_s, {{u"protocol"_s, u"1.1"_s}, {u"site"_s, u"test"_s}});
    if (!isResult(reply)) {
        qWarning() << "visitor hello failed" << reply;
        return nullptr;
    }
    if (hello)
        *hello = data(reply);
    return client;
}

qint64 openDialog(RawProtocolClient &visitor, const QString &text, qint64 departmentId)
{
    QJsonObject fields{{u"cid"_s, newCid()}, {u"text"_s, text}};
    if (departmentId != 0)
        fields.insert(u"departmentId"_s, departmentId);
    const QJsonObject reply = visitor.request(u"message.send"_s, fields);
    if (!isResult(reply)) {
        qWarning() << "visitor message.send failed" << reply;
        return 0;
    }
    return idOf(data(reply).value(u"message").toObject().value(u"dialogId"));
}

QJsonObject operatorSend(RawProtocolClient &op, qint64 dialogId, const QString &text)
{
    return op.request(u"message.send"_s,
                      {{u"dialogId"_s, dialogId}, {u"cid"_s, newCid()}, {u"text"_s, text}});
}

QJsonObject transfer(RawProtocolClient &op, qint64 dialogId, const QJsonObject &to, const QString &comment)
{
    QJsonObject fields{{u"dialogId"_s, dialogId}, {u"to"_s, to}};
    if (!comment.isEmpty())
        fields.insert(u"comment"_s, comment);
    return op.request(u"dialog.transfer"_s, fields);
}

QJsonObject messageWithText(const RawProtocolClient &client, const QString &text)
{
    for (const QJsonObject &event : eventData(client, u"message.new"_s)) {
        const QJsonObject message = event.value(u"message").toObject();
        if (message.value(u"text").toString() == text)
            return message;
    }
    return {};
}

QJsonObject latestDialog(const RawProtocolClient &client, qint64 dialogId)
{
    QJsonObject latest;
    for (const QJsonObject &event : client.events()) {
        if (event.value(u"name").toString() != u"dialog.updated")
            continue;
        const QJsonObject dialog = data(event).value(u"dialog").toObject();
        if (idOf(dialog.value(u"id")) == dialogId)
            latest = dialog;
    }
    return latest;
}

QJsonObject latestOperator(const RawProtocolClient &client, qint64 operatorId)
{
    QJsonObject latest;
    for (const QJsonObject &event : client.events()) {
        if (event.value(u"name").toString() != u"operator.updated")
            continue;
        const QJsonObject op = data(event).value(u"operator").toObject();
        if (idOf(op.value(u"id")) == operatorId)
            latest = op;
    }
    return latest;
}

qint64 waitAssigned(const RawProtocolClient &client, qint64 dialogId, int timeoutMs)
{
    qint64 operatorId = 0;
    spinUntil(
        [&] {
            operatorId = idOf(latestDialog(client, dialogId).value(u"operatorId"));
            return operatorId != 0;
        },
        timeoutMs);
    return operatorId;
}

QList<QJsonObject> eventData(const RawProtocolClient &client, const QString &name)
{
    QList<QJsonObject> found;
    for (const QJsonObject &event : client.events()) {
        if (event.value(u"name").toString() == name)
            found.append(data(event));
    }
    return found;
}

bool sawDialog(const RawProtocolClient &client, qint64 dialogId)
{
    for (const QJsonObject &event : client.events()) {
        const QJsonObject d = data(event);
        if (idOf(d.value(u"dialog").toObject().value(u"id")) == dialogId ||
            idOf(d.value(u"message").toObject().value(u"dialogId")) == dialogId ||
            (event.value(u"name").toString() == u"typing" && idOf(d.value(u"dialogId")) == dialogId))
            return true;
    }
    return false;
}

QList<QJsonObject> history(RawProtocolClient &client, qint64 dialogId)
{
    const QJsonObject reply = client.request(u"history.get"_s, {{u"dialogId"_s, dialogId}});
    QList<QJsonObject> lines;
    if (!isResult(reply)) {
        qWarning() << "history.get" << dialogId << "failed" << reply;
        return lines;
    }
    for (const QJsonValue &line : data(reply).value(u"messages").toArray())
        lines.append(line.toObject());
    return lines;
}

qint64 departmentId(const QJsonObject &hello, const QString &name)
{
    return idOf(departmentNamed(hello, name).value(u"id"));
}

QJsonObject departmentNamed(const QJsonObject &withDepartments, const QString &name)
{
    for (const QJsonValue &department : withDepartments.value(u"departments").toArray()) {
        if (department.toObject().value(u"name").toString() == name)
            return department.toObject();
    }
    return {};
}

std::unique_ptr<RawProtocolClient> connectVisitorWithToken(const ServerProcess &server,
                                                           const QString &visitorToken, QJsonObject *hello)
{
    auto client = std::make_unique<RawProtocolClient>();
    if (!client->open(server.wsUrl(u"/v1/visitor"_s))) {
        qWarning() << "visitor socket did not open";
        return nullptr;
    }
    const QJsonObject reply = client->request(
        u"hello"_s, {{u"protocol"_s, u"1.2"_s}, {u"site"_s, u"test"_s}, {u"visitorToken"_s, visitorToken}});
    if (!isResult(reply)) {
        qWarning() << "visitor hello with a token failed" << reply;
        return nullptr;
    }
    if (hello)
        *hello = data(reply);
    return client;
}

QJsonObject latestVisitor(const RawProtocolClient &client, qint64 visitorId)
{
    QJsonObject latest;
    for (const QJsonObject &update : eventData(client, u"visitor.updated"_s)) {
        const QJsonObject visitor = update.value(u"visitor").toObject();
        if (idOf(visitor.value(u"id")) == visitorId)
            latest = visitor;
    }
    return latest;
}

namespace {

QJsonObject withId(const QJsonArray &objects, qint64 id)
{
    for (const QJsonValue &object : objects) {
        if (idOf(object.toObject().value(u"id")) == id)
            return object.toObject();
    }
    return {};
}

} // namespace

QJsonObject snapshotVisitor(const QJsonObject &hello, qint64 visitorId)
{
    return withId(hello.value(u"snapshot").toObject().value(u"visitors").toArray(), visitorId);
}

QJsonObject snapshotDialog(const QJsonObject &hello, qint64 dialogId)
{
    return withId(hello.value(u"snapshot").toObject().value(u"dialogs").toArray(), dialogId);
}

QList<QJsonObject> linesWithEvent(const QList<QJsonObject> &lines, const QString &event)
{
    QList<QJsonObject> found;
    for (const QJsonObject &line : lines) {
        if (line.value(u"author").toString() == u"system" && line.value(u"event").toString() == event)
            found.append(line);
    }
    return found;
}

QList<QJsonObject> receivedLinesWithEvent(const RawProtocolClient &client, const QString &event)
{
    QList<QJsonObject> lines;
    for (const QJsonObject &update : eventData(client, u"message.new"_s))
        lines.append(update.value(u"message").toObject());
    return linesWithEvent(lines, event);
}

qint64 categoryId(const QJsonObject &hello, const QString &name)
{
    for (const QJsonValue &category : hello.value(u"categories").toArray()) {
        if (category.toObject().value(u"name").toString() == name)
            return idOf(category.toObject().value(u"id"));
    }
    return 0;
}

bool settle(const ServerProcess &server, const QList<RawProtocolClient *> &operators)
{
    QJsonObject hello;
    const auto marker = connectVisitor(server, &hello);
    if (!marker)
        return false;
    const qint64 markerId = idOf(hello.value(u"visitorId"));
    const bool arrived = spinUntil([&] {
        for (const RawProtocolClient *op : operators) {
            const QList<QJsonObject> updates = eventData(*op, u"visitor.updated"_s);
            const bool seen = std::any_of(updates.cbegin(), updates.cend(), [&](const QJsonObject &update) {
                return idOf(update.value(u"visitor").toObject().value(u"id")) == markerId;
            });
            if (!seen)
                return false;
        }
        return true;
    });
    if (!arrived)
        qWarning() << "settle: not every operator session got the marker visitor" << markerId;
    return arrived;
}

bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5); // spins the event loop; the condition, not the sleep, synchronises
    }
    return true;
}

} // namespace testkit
