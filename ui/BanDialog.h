// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace concierge::ui {

/// "Ban visitor…": the confirmation before a ban (docs/protocol.md, "Dialog actions"). Says what a
/// ban does, asks for an optional reason, how long (an hour, a day, a week, for good) and whether
/// the visitor's IP address goes too; OK reads "Ban". Holds no rules: the caller sends what it says.
class BanDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kMaxReasonChars = 500;

    /// \a visitorName and \a ip are shown as plain text; an empty \a ip leaves the IP choice out.
    BanDialog(const QString &visitorName, const QString &ip, QWidget *parent = nullptr);

    QString reason() const;
    /// How long the ban lasts, in hours; 0: no expiry.
    int hours() const;
    bool byIp() const;

    QLineEdit *reasonEdit() const { return m_reason; }
    QComboBox *durationCombo() const { return m_duration; }
    QCheckBox *ipCheckBox() const { return m_byIp; }

private:
    void updateWarning();

    QString m_visitorName;
    QLabel *m_warning;
    QLineEdit *m_reason;
    QComboBox *m_duration;
    QCheckBox *m_byIp;
    QDialogButtonBox *m_buttons;
};

} // namespace concierge::ui
