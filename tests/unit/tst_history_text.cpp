// SPDX-License-Identifier: GPL-3.0-or-later
#include "protocol/HistoryText.h"

#include <QTest>

class TestHistoryText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void placeholder() {}
};

QTEST_GUILESS_MAIN(TestHistoryText)
#include "tst_history_text.moc"
