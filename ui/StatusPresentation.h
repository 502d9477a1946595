// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "protocol/OperatorInfo.h"

#include <QColor>
#include <QCoreApplication>
#include <QIcon>
#include <QString>

namespace concierge::ui {

/// How an operator status looks everywhere in the app (tool bar, tray, operator list), so the six
/// statuses read the same in every place: a translated name and a coloured dot.
class StatusPresentation
{
    Q_DECLARE_TR_FUNCTIONS(StatusPresentation)
public:
    static QString name(protocol::OperatorStatus status);
    static QColor color(protocol::OperatorStatus status);
    /// A round dot in the status colour (a ring for Invisible: working, but not shown to visitors).
    static QIcon icon(protocol::OperatorStatus status);
};

} // namespace concierge::ui
