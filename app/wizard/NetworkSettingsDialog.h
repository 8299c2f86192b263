// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace zaw {

class WizardContext;

// System proxy (default) or a proxy the user sets; the password goes to the keychain.
class NetworkSettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NetworkSettingsDialog(WizardContext *context, QWidget *parent = nullptr);
    void accept() override;

private:
    void updateEnabled();

    WizardContext *m_context;
    QRadioButton *m_system;
    QRadioButton *m_manual;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_error;
};

} // namespace zaw
