// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "MailSettings.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace concierge::server {

/// Everything the server reads from its INI config file and its command line (flags win).
struct ServerConfig
{
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 port = 8080;
    QString stateDir;
    QString shareDir;
    bool seedDemo = false;
    bool seedDemoHistory = false; ///< --demo-history: finished demo dialogs too (DemoHistory)
    QString demoPassword; ///< empty: generate one when seeding
    bool autoAssign = true;
    int maxDialogs = 5; ///< per-operator maximum of open dialogs, for operators without their own
    bool hideOthersDialogs = false; ///< plain operators do not see other operators' dialogs
    QStringList teleportHosts;      ///< hosts `visitor.redirect` may lead to; empty: any
    int loginMaxFailures = 5;
    int loginWindowSeconds = 300;
    int visitorMessageLimit = 20; ///< per visitor per 10 s; a person types far slower
    MailSettings mail;            ///< --smtp-url and friends; off without a URL
    int sessionIdleSeconds = 600; ///< a session with no socket this long is forgotten (resume → snapshot)
    qint64 maxFileBytes = 10 * 1024 * 1024; ///< uploads over this are refused (--max-file-mb)
    bool refuseExecutables = false;          ///< programs and scripts refused at upload (403)
    /// What one visitor may upload per hour (--visitor-upload-mb): the message limit alone would let
    /// a script fill the disk with big files at 20 per 10 s.
    qint64 visitorUploadBytesPerHour = 100 * 1024 * 1024;
    /// Uploads are refused (503) when storing one would leave less free space than this on the
    /// state folder's file system (hidden --min-free-disk-mb, so tests can provoke it).
    qint64 minFreeDiskBytes = 256 * 1024 * 1024;
    /// Dialogs one history export may hold (HistoryApi::kMaxExportDialogs); hidden
    /// --api-export-max-dialogs, so a test can reach the limit without 10,000 dialogs.
    int apiExportMaxDialogs = 10000;
    /// Hidden --api-export-pace-ms: each dialog of an export takes at least this long, so a test can
    /// watch the server go on chatting while an export is being written. 0 outside tests.
    int apiExportPaceMs = 0;

    QString databasePath() const;

    /// Registers every option shared by the server and `admin` on \a parser.
    static void addOptions(QCommandLineParser &parser);
    /// Fills a config from the parsed options (and the --config file). On failure returns false
    /// and sets \a error to a one-line message for stderr.
    static bool fromParser(const QCommandLineParser &parser, ServerConfig *config, QString *error);
};

} // namespace concierge::server
