// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestVisitor.h"

#include "protocol/Frame.h"
#include "protocol/ProtocolVersion.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <functional>

using namespace concierge::protocol;
using namespace Qt::StringLiterals;

namespace {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(1); // spins the event loop; the condition, not the sleep, synchronises
    }
    return true;
}

} // namespace

TestVisitor::TestVisitor(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &TestVisitor::onText);
}

bool TestVisitor::connectTo(const QUrl &visitorEndpoint, int timeoutMs)
{
    m_socket.open(visitorEndpoint);
    if (!waitUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs))
        return false;
    const QString rid = nextRid();
    QJsonObject hello{{u"protocol"_s, ProtocolVersion::current().toString()},
                      {u"userAgent"_s, u"Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 TestVisitor"_s}};
    if (!m_token.isEmpty()) {
        hello.insert(u"visitorToken"_s, m_token);
        hello.insert(u"resume"_s, QJsonObject{{u"lastSeq"_s, m_lastSeq}});
    }
    m_socket.sendTextMessage(encodeFrame(makeRequest(u"hello"_s, rid, hello)));
    if (!waitUntil([this, &rid] { return m_results.contains(rid); }, timeoutMs))
        return false;
    const QJsonObject result = m_results.value(rid);
    if (result.value(u"type").toString() != u"result")
        return false;
    const QJsonObject data = result.value(u"data").toObject();
    m_token = data.value(u"visitorToken").toString();
    m_visitorId = data.value(u"visitorId").toInteger();
    if (!data.value(u"resumed").toBool()) {
        m_lastSeq = data.value(u"seq").toInteger();
        const QJsonArray snapshotMessages =
            data.value(u"snapshot").toObject().value(u"messages").toArray();
        for (const QJsonValue &message : snapshotMessages) {
            const QString cid = message.toObject().value(u"cid").toString();
            const bool known = std::any_of(m_messages.cbegin(), m_messages.cend(), [&cid](const QJsonObject &m) {
                return m.value(u"cid").toString() == cid;
            });
            if (!known)
                m_messages.append(message.toObject());
        }
    }
    return true;
}

void TestVisitor::abort()
{
    m_socket.abort();
}

QString TestVisitor::send(const QString &text, const QString &cid)
{
    const QString id = cid.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : cid;
    m_socket.sendTextMessage(encodeFrame(
        makeRequest(u"message.send"_s, nextRid(), {{u"cid"_s, id}, {u"text"_s, text}})));
    return id;
}

bool TestVisitor::viewPage(const QString &url, const QString &title, const QJsonObject &utm, int timeoutMs)
{
    const QString rid = nextRid();
    m_socket.sendTextMessage(encodeFrame(makeRequest(
        u"page.view"_s, rid,
        {{u"url"_s, url}, {u"title"_s, title}, {u"referrer"_s, u"https://search.example/?q=tea"_s}, {u"utm"_s, utm}})));
    return waitUntil([this, &rid] { return m_results.contains(rid); }, timeoutMs)
        && m_results.value(rid).value(u"type").toString() == u"result";
}

bool TestVisitor::waitForMessage(const QString &cid, int timeoutMs)
{
    return waitUntil(
        [this, &cid] {
            return std::any_of(m_messages.cbegin(), m_messages.cend(),
                               [&cid](const QJsonObject &m) { return m.value(u"cid").toString() == cid; });
        },
        timeoutMs);
}

void TestVisitor::setTyping(bool typing)
{
    m_socket.sendTextMessage(encodeFrame({{u"type"_s, u"typing"_s}, {u"typing"_s, typing}}));
}

bool TestVisitor::waitForOperatorTyping(bool typing, int timeoutMs)
{
    return waitUntil([this, typing] { return m_operatorTyping == typing; }, timeoutMs);
}

bool TestVisitor::waitForOperatorText(const QString &text, int timeoutMs)
{
    return waitUntil(
        [this, &text] {
            return std::any_of(m_messages.cbegin(), m_messages.cend(), [&text](const QJsonObject &m) {
                return m.value(u"author").toString() == u"operator" && m.value(u"text").toString() == text;
            });
        },
        timeoutMs);
}

void TestVisitor::onText(const QString &text)
{
    const DecodeResult decoded = decodeFrame(text);
    const Frame *frame = std::get_if<Frame>(&decoded);
    if (!frame)
        return;
    if (frame->type == u"result" || frame->type == u"error") {
        m_results.insert(frame->rid, frame->object);
        return;
    }
    if (frame->type != u"event")
        return;
    const qint64 seq = frame->object.value(u"seq").toInteger();
    if (seq <= m_lastSeq)
        return; // already seen (a replay after resume)
    m_lastSeq = seq;
    const QString name = frame->object.value(u"name").toString();
    const QJsonObject data = frame->object.value(u"data").toObject();
    if (name == u"message.new")
        m_messages.append(data.value(u"message").toObject());
    else if (name == u"typing")
        m_operatorTyping = data.value(u"typing").toBool();
    m_socket.sendTextMessage(encodeFrame({{u"type"_s, u"ack"_s}, {u"seq"_s, seq}}));
}
