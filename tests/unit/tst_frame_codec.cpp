// SPDX-License-Identifier: GPL-3.0-or-later
// Pins the wire format: every saved frame under tests/data/protocol decodes, re-encodes to the
// same JSON, and the typed objects inside survive a round trip unchanged.
#include "TestPaths.h"

#include "protocol/Dialog.h"
#include "protocol/History.h"
#include "protocol/Frame.h"
#include "protocol/Json.h"
#include "protocol/Message.h"
#include "protocol/OperatorInfo.h"
#include "protocol/Template.h"
#include "protocol/TransferTarget.h"
#include "protocol/ProtocolVersion.h"
#include "protocol/Visitor.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace concierge::protocol;
using namespace Qt::StringLiterals;

class TestFrameCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void savedFrames_data();
    void savedFrames();
    void typedObjectsRoundTrip();
    void objectsOfProtocol10StillRead();
    void malformedFramesAreRejectedWithBadFrame_data();
    void malformedFramesAreRejectedWithBadFrame();
    void versionParsing();
    void errorCodesRoundTrip();
    void timestampsParse_data();
    void timestampsParse();
};

void TestFrameCodec::savedFrames_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(CONCIERGE_TEST_DATA_DIR "/protocol"));
    const QStringList files = dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, "the saved sample frames are missing");
    for (const QString &file : files)
        QTest::newRow(qPrintable(file)) << dir.filePath(file);
}

void TestFrameCodec::savedFrames()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const DecodeResult result = decodeFrame(bytes);
    if (const auto *error = std::get_if<FrameError>(&result))
        QFAIL(qPrintable(error->message));
    const Frame frame = std::get<Frame>(result);
    QVERIFY(!frame.type.isEmpty());
    // Re-encoding gives back the same JSON value (key order is not part of the contract).
    const QString encoded = encodeFrame(frame.object);
    QCOMPARE(QJsonDocument::fromJson(encoded.toUtf8()).object(), QJsonDocument::fromJson(bytes).object());

    // Typed payloads inside the frame survive fromJson/toJson unchanged.
    const QJsonObject data = frame.object.value(u"data").toObject();
    if (data.contains(u"message")) {
        const QJsonObject json = data.value(u"message").toObject();
        QCOMPARE(Message::fromJson(json).toJson(), json);
    }
    if (data.contains(u"dialog") && data.value(u"dialog").toObject().contains(u"visitorId")) {
        const QJsonObject json = data.value(u"dialog").toObject();
        QCOMPARE(Dialog::fromJson(json).toJson(), json);
    }
    if (data.contains(u"visitor")) {
        const QJsonObject json = data.value(u"visitor").toObject();
        QCOMPARE(Visitor::fromJson(json).toJson(), json);
    }
    if (data.contains(u"operator")) {
        const QJsonObject json = data.value(u"operator").toObject();
        QCOMPARE(OperatorInfo::fromJson(json).toJson(), json);
    }
    if (data.contains(u"template")) {
        const QJsonObject json = data.value(u"template").toObject();
        QCOMPARE(concierge::protocol::Template::fromJson(json).toJson(), json);
    }
    // History (1.5): pages, hits and filters read back unchanged.
    for (const QJsonValue &value : data.value(u"dialogs").toArray()) {
        if (value.toObject().contains(u"dialog"))
            QCOMPARE(concierge::protocol::HistoryDialog::fromJson(value.toObject()).toJson(), value.toObject());
    }
    for (const QJsonValue &value : data.value(u"hits").toArray())
        QCOMPARE(concierge::protocol::HistoryHit::fromJson(value.toObject()).toJson(), value.toObject());
    if (frame.object.contains(u"filter")) {
        const QJsonObject json = frame.object.value(u"filter").toObject();
        QCOMPARE(concierge::protocol::HistoryFilter::fromJson(json).toJson(), json);
    }
    for (const QJsonValue &value : data.value(u"operators").toArray())
        QCOMPARE(OperatorInfo::fromJson(value.toObject()).toJson(), value.toObject());
    if (frame.type == u"dialog.transfer") {
        const auto target = concierge::protocol::TransferTarget::fromJson(frame.object.value(u"to").toObject());
        QVERIFY(target);
        QCOMPARE(target->toJson(), frame.object.value(u"to").toObject());
    }
}

void TestFrameCodec::objectsOfProtocol10StillRead()
{
    // A 1.0 server sends none of the 1.1 fields: they read as their safe defaults.
    const auto info = OperatorInfo::fromJson(QJsonDocument::fromJson(
        R"({"id": 1, "email": "a@example.com", "name": "A", "status": "online", "maxDialogs": 5})").object());
    QCOMPARE(info.status, concierge::protocol::OperatorStatus::Online);
    QCOMPARE(info.role, concierge::protocol::OperatorRole::Operator);
    QVERIFY(!info.supervises());
    QVERIFY(info.languages.isEmpty());
    const auto dialog = Dialog::fromJson(QJsonDocument::fromJson(
        R"({"id": 5, "visitorId": 12, "operatorId": null, "state": "waiting", "createdAt": "2026-11-21T10:15:30.123Z"})")
                                             .object());
    QVERIFY(!dialog.isOfflineRequest());
    QVERIFY(!dialog.transfer.isValid());
    QCOMPARE(dialog.departmentId, 0);
    // An unknown status from a newer server reads as Offline, an unknown role as the least privileged.
    const auto newer = OperatorInfo::fromJson(QJsonDocument::fromJson(
        R"({"id": 2, "status": "meeting", "role": "owner"})").object());
    QCOMPARE(newer.status, concierge::protocol::OperatorStatus::Offline);
    QCOMPARE(newer.role, concierge::protocol::OperatorRole::Operator);
}

void TestFrameCodec::typedObjectsRoundTrip()
{
    Message message;
    message.id = 7;
    message.cid = u"2f1c8a4e-0000-4000-8000-000000000001"_s;
    message.dialogId = 3;
    message.author = Author::Operator;
    message.operatorId = 1;
    message.authorName = u"Анна"_s;
    message.text = u"<b>not bold</b> — ёлка"_s;
    message.at = QDateTime(QDate(2026, 11, 21), QTime(10, 15, 30, 123), Qt::UTC);
    QCOMPARE(Message::fromJson(message.toJson()), message);

    Dialog dialog;
    dialog.id = 3;
    dialog.visitorId = 12;
    dialog.state = DialogState::Waiting;
    dialog.createdAt = message.at;
    dialog.waitingSince = message.at;
    const Dialog back = Dialog::fromJson(dialog.toJson());
    QCOMPARE(back, dialog);
    QCOMPARE(back.operatorId, 0);
    QVERIFY(dialog.toJson().value(u"operatorId").isNull());
}

void TestFrameCodec::malformedFramesAreRejectedWithBadFrame_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("not json") << QByteArray("hello there");
    QTest::newRow("truncated") << QByteArray(R"({"type":"hello")");
    QTest::newRow("array") << QByteArray(R"([{"type":"hello"}])");
    QTest::newRow("no type") << QByteArray(R"({"rid":"1"})");
    QTest::newRow("numeric type") << QByteArray(R"({"type":5})");
    QTest::newRow("empty type") << QByteArray(R"({"type":""})");
}

void TestFrameCodec::malformedFramesAreRejectedWithBadFrame()
{
    QFETCH(QByteArray, text);
    const DecodeResult result = decodeFrame(text);
    QVERIFY(std::holds_alternative<FrameError>(result));
    QCOMPARE(std::get<FrameError>(result).code, ErrorCode::BadFrame);
    QVERIFY(!std::get<FrameError>(result).message.isEmpty());
}

void TestFrameCodec::versionParsing()
{
    QCOMPARE(ProtocolVersion::parse(u"1.0"_s)->toString(), u"1.0"_s);
    QVERIFY(ProtocolVersion::parse(u"1.7"_s)->isCompatibleWith(ProtocolVersion::current()));
    QVERIFY(!ProtocolVersion::parse(u"2.0"_s)->isCompatibleWith(ProtocolVersion::current()));
    QVERIFY(!ProtocolVersion::parse(u"1"_s));
    QVERIFY(!ProtocolVersion::parse(u"one.zero"_s));
    QVERIFY(!ProtocolVersion::parse(u"1.-1"_s));
}

void TestFrameCodec::errorCodesRoundTrip()
{
    for (int i = 0; i < static_cast<int>(ErrorCode::Unknown); ++i) {
        const auto code = static_cast<ErrorCode>(i);
        QCOMPARE(errorCodeFromString(errorCodeToString(code)), code);
    }
    QCOMPARE(errorCodeFromString(u"from_the_future"_s), ErrorCode::Unknown);
}

void TestFrameCodec::timestampsParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");
    const QDateTime at(QDate(2026, 11, 21), QTime(10, 15, 30, 123), Qt::UTC);
    QTest::newRow("canonical") << u"2026-11-21T10:15:30.123Z"_s << at;
    QTest::newRow("no milliseconds") << u"2026-11-21T10:15:30Z"_s << at.addMSecs(-123);
    QTest::newRow("offset") << u"2026-11-21T13:15:30.123+03:00"_s << at;
    QTest::newRow("impossible date") << u"2026-02-30T10:15:30.123Z"_s << QDateTime();
    QTest::newRow("letters") << u"2026-1x-21T10:15:30.123Z"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestFrameCodec::timestampsParse()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);
    const QDateTime parsed = timestampFromJson(QJsonValue(text));
    QCOMPARE(parsed.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(parsed, expected);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
    }
}

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "tst_frame_codec.moc"
