// SPDX-License-Identifier: GPL-3.0-or-later
// What the server makes of an upload (docs/protocol.md "Files"): the type from the bytes, the name
// only as a tie-breaker, programs flagged by content and by name, and the download headers that keep
// a browser from rendering what someone uploaded.
#include "DownloadHeaders.h"
#include "FileSniffer.h"

#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace concierge::server;

class TestFileSniffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void typeFromContent_data();
    void typeFromContent();
    void executableNames_data();
    void executableNames();
    void namesAreCleaned();
    void contentDispositionKeepsTheNameAndCannotBreakOut();
    void onlyHarmlessTypesAreServedAsThemselves();
};

void TestFileSniffer::typeFromContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("mime");
    QTest::addColumn<bool>("image");
    QTest::addColumn<bool>("executable");

    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d49484452");
    QTest::newRow("PNG") << png << u"shot.png"_s << u"image/png"_s << true << false;
    QTest::newRow("PNG named .txt is still an image")
        << png << u"notes.txt"_s << u"image/png"_s << true << false;
    QTest::newRow("JPEG") << QByteArray::fromHex("ffd8ffe000104a464946") << u"photo.jpg"_s << u"image/jpeg"_s
                          << true << false;
    QTest::newRow("GIF") << QByteArray("GIF89a\x01\x00\x01\x00") << u"a.gif"_s << u"image/gif"_s << true
                         << false;
    QTest::newRow("WebP") << QByteArray("RIFF\x24\x00\x00\x00WEBPVP8 ", 16) << u"a.webp"_s << u"image/webp"_s
                          << true << false;
    QTest::newRow("RIFF that is not WebP") << QByteArray("RIFF\x24\x00\x00\x00WAVEfmt ", 16) << u"a.webp"_s
                                           << u"application/octet-stream"_s << false << false;
    QTest::newRow("PDF") << QByteArray("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n") << u"price.pdf"_s
                         << u"application/pdf"_s << false << false;
    QTest::newRow("ZIP") << QByteArray("PK\x03\x04\x14\x00\x00\x00", 8) << u"report.docx"_s
                         << u"application/zip"_s << false << false;
    QTest::newRow("plain text") << QByteArray("Hello,\nthe order number is 42.\n") << u"order.txt"_s
                                << u"text/plain"_s << false << false;
    QTest::newRow("UTF-8 text") << u"Привет, мир\n"_s.toUtf8() << u"привет.txt"_s << u"text/plain"_s << false
                                << false;
    QTest::newRow("text named .csv") << QByteArray("a,b\n1,2\n") << u"table.csv"_s << u"text/csv"_s << false
                                     << false;
    QTest::newRow("HTML named .txt") << QByteArray("  <!DOCTYPE html><html><script>alert(1)</script>")
                                     << u"readme.txt"_s << u"text/html"_s << false << false;
    QTest::newRow("SVG is no image")
        << QByteArray("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">") << u"logo.svg"_s
        << u"image/svg+xml"_s << false << false;
    QTest::newRow("ELF") << QByteArray("\x7f"
                                       "ELF\x02\x01\x01\x00",
                                       8)
                         << u"tool"_s << u"application/x-executable"_s << false << true;
    QTest::newRow("ELF named .pdf") << QByteArray("\x7f"
                                                  "ELF\x02\x01\x01\x00",
                                                  8)
                                    << u"invoice.pdf"_s << u"application/x-executable"_s << false << true;
    QTest::newRow("PE") << QByteArray("MZ\x90\x00\x03\x00\x00\x00", 8) << u"setup.bin"_s
                        << u"application/vnd.microsoft.portable-executable"_s << false << true;
    QTest::newRow("Mach-O") << QByteArray::fromHex("cffaedfe07000001") << u"app"_s
                            << u"application/x-mach-binary"_s << false << true;
    QTest::newRow("#! script") << QByteArray("#!/bin/sh\nrm -rf ~\n") << u"notes.txt"_s << u"text/x-script"_s
                               << false << true;
    QTest::newRow("text named .exe") << QByteArray("just words") << u"invoice.pdf.exe"_s << u"text/plain"_s
                                     << false << true;
    QTest::newRow("binary, name says nothing renderable")
        << QByteArray("\x00\x01\x02\x03\xff\xfe", 6) << u"data.bin"_s << u"application/octet-stream"_s
        << false << false;
    QTest::newRow("binary named .png is no image")
        << QByteArray("\x00\x01\x02\x03\xff\xfe", 6) << u"fake.png"_s << u"application/octet-stream"_s
        << false << false;
    QTest::newRow("binary named .html is no page")
        << QByteArray("\x00\x01\x02\x03\xff\xfe", 6) << u"page.html"_s << u"application/octet-stream"_s
        << false << false;
}

void TestFileSniffer::typeFromContent()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, name);
    QFETCH(QString, mime);
    QFETCH(bool, image);
    QFETCH(bool, executable);
    const SniffedType type = fileSniffer::sniff(content, name);
    QCOMPARE(type.mime, mime);
    QCOMPARE(type.image, image);
    QCOMPARE(type.executable, executable);
}

void TestFileSniffer::executableNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("executable");
    for (const QString &name :
         {u"setup.exe"_s, u"SETUP.EXE"_s, u"invoice.pdf.exe"_s, u"x.msi"_s,       u"run.bat"_s,
          u"run.cmd"_s,   u"x.com"_s,     u"screen.scr"_s,      u"a.ps1"_s,       u"a.vbs"_s,
          u"a.js"_s,      u"a.jar"_s,     u"install.sh"_s,      u"a.apk"_s,       u"A.app"_s,
          u"a.dmg"_s,     u"a.deb"_s,     u"a.rpm"_s,           u"setup.exe. "_s, u"setup.exe..."_s})
        QTest::newRow(qPrintable(name)) << name << true;
    for (const QString &name : {u"invoice.pdf"_s, u"exe"_s, u"photo.jpg"_s, u"archive.zip"_s, u"my.exe.txt"_s,
                                u"json.json"_s, u"Makefile"_s})
        QTest::newRow(qPrintable(name)) << name << false;
}

void TestFileSniffer::executableNames()
{
    QFETCH(QString, name);
    QFETCH(bool, executable);
    QCOMPARE(fileSniffer::hasExecutableName(name), executable);
    QCOMPARE(fileSniffer::sniff("plain words", name).executable, executable);
}

void TestFileSniffer::namesAreCleaned()
{
    QCOMPARE(fileSniffer::cleanName(u"../../etc/passwd"_s), u"passwd"_s);
    QCOMPARE(fileSniffer::cleanName(u"C:\\Users\\ann\\price.pdf"_s), u"price.pdf"_s);
    // A right-to-left override makes "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
    const QString disguised = u"invoice"_s + QChar(0x202e) + u"fdp.exe"_s;
    QCOMPARE(fileSniffer::cleanName(disguised), u"invoicefdp.exe"_s);
    QVERIFY(fileSniffer::hasExecutableName(fileSniffer::cleanName(disguised)));
    QCOMPARE(fileSniffer::cleanName(u"  a\tb\nc.txt  "_s), u"abc.txt"_s);
    QCOMPARE(fileSniffer::cleanName(u"Отчёт за май.pdf"_s), u"Отчёт за май.pdf"_s);
    QVERIFY(fileSniffer::cleanName(u"dir/"_s).isEmpty());
    QVERIFY(fileSniffer::cleanName(u".."_s).isEmpty());
}

void TestFileSniffer::contentDispositionKeepsTheNameAndCannotBreakOut()
{
    QCOMPARE(downloadHeaders::contentDisposition(u"price.pdf"_s),
             QByteArray("attachment; filename=\"price.pdf\"; filename*=UTF-8''price.pdf"));
    QCOMPARE(downloadHeaders::contentDisposition(u"Отчёт.pdf"_s),
             QByteArray("attachment; filename=\"_____.pdf\"; "
                        "filename*=UTF-8''%D0%9E%D1%82%D1%87%D1%91%D1%82.pdf"));
    // A quote, a backslash or a line break cannot end the header or the parameter early.
    const QByteArray tricky = downloadHeaders::contentDisposition(u"a\"; filename=evil.html\r\nX: y\\.txt"_s);
    QVERIFY(!tricky.contains('\r'));
    QVERIFY(!tricky.contains('\n'));
    QCOMPARE(tricky.count('"'), 2);
    QVERIFY(
        tricky.startsWith("attachment; filename=\"a_; filename=evil.html__X: y_.txt\"; filename*=UTF-8''"));
}

void TestFileSniffer::onlyHarmlessTypesAreServedAsThemselves()
{
    QCOMPARE(downloadHeaders::contentType(u"image/png"_s, true), QByteArray("image/png"));
    QCOMPARE(downloadHeaders::contentType(u"application/pdf"_s, false), QByteArray("application/pdf"));
    QCOMPARE(downloadHeaders::contentType(u"text/plain"_s, false), QByteArray("text/plain; charset=utf-8"));
    for (const QString &mime : {u"text/html"_s, u"image/svg+xml"_s, u"application/xml"_s, u"text/x-script"_s,
                                u"application/x-executable"_s, u"application/zip"_s, u"text/csv"_s})
        QCOMPARE(downloadHeaders::contentType(mime, false), QByteArray("application/octet-stream"));
}

QTEST_GUILESS_MAIN(TestFileSniffer)
#include "tst_file_sniffer.moc"
