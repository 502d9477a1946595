// SPDX-License-Identifier: GPL-3.0-or-later
#include "RawProtocolClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

/// Spins the event loop until \a done or the timeout.
template<typename Predicate>
bool spinUntil(Predicate done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(5, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

RawProtocolClient::RawProtocolClient(QObject *parent)
    : QObject(parent)
{
    m_socket.setMaxAllowedIncomingMessageSize(16 * 1024 * 1024);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &RawProtocolClient::onText);
}

bool RawProtocolClient::open(const QUrl &url, int timeoutMs)
{
    m_socket.open(url);
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, timeoutMs);
}

void RawProtocolClient::sendText(const QString &text)
{
    m_socket.sendTextMessage(text);
}

void RawProtocolClient::sendFrame(const QJsonObject &frame)
{
    sendText(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

QJsonObject RawProtocolClient::request(const QString &type, QJsonObject fields, int timeoutMs)
{
    const QString rid = u"r"_s + QString::number(++m_nextRid);
    fields.insert(u"type"_s, type);
    fields.insert(u"rid"_s, rid);
    sendFrame(fields);
    spinUntil([&] { return m_replies.contains(rid) || m_socket.state() == QAbstractSocket::UnconnectedState; },
              timeoutMs);
    return m_replies.take(rid);
}

QJsonObject RawProtocolClient::helloOperator(const QString &email, const QString &password, const QString &protocol)
{
    return request(u"hello"_s, {{u"protocol"_s, protocol},
                                {u"auth"_s, QJsonObject{{u"email"_s, email}, {u"password"_s, password}}}});
}

QJsonObject RawProtocolClient::waitEvent(const QString &name, int timeoutMs)
{
    QJsonObject found;
    spinUntil(
        [&] {
            for (qsizetype i = 0; i < m_untaken.size(); ++i) {
                if (name.isEmpty() || m_untaken.at(i).value(u"name").toString() == name) {
                    found = m_untaken.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

QJsonObject RawProtocolClient::waitFrame(const QString &type, int timeoutMs)
{
    QJsonObject found;
    spinUntil(
        [&] {
            for (qsizetype i = 0; i < m_otherFrames.size(); ++i) {
                if (m_otherFrames.at(i).value(u"type").toString() == type) {
                    found = m_otherFrames.takeAt(i);
                    return true;
                }
            }
            return false;
        },
        timeoutMs);
    return found;
}

bool RawProtocolClient::waitClosed(int timeoutMs)
{
    return spinUntil([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
}

void RawProtocolClient::ackAll()
{
    sendFrame({{u"type"_s, u"ack"_s}, {u"seq"_s, m_lastSeq}});
}

void RawProtocolClient::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(u"type").toString();
    if (type == u"event") {
        m_lastSeq = static_cast<qint64>(frame.value(u"seq").toDouble());
        m_events.append(frame);
        m_untaken.append(frame);
        Q_EMIT eventReceived(frame);
    } else if ((type == u"result" || type == u"error") && frame.contains(u"rid")) {
        m_replies.insert(frame.value(u"rid").toString(), frame);
    } else {
        m_otherFrames.append(frame);
    }
}
