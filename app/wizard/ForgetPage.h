// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QPushButton;

namespace zaw {

class PageStatus;
class WizardContext;

// Forget a saved connection: what goes (the Zoho sign-in is revoked, the keychain entries and
// the profile are deleted), optionally the Experience Platform objects too; then what happened,
// or what is left when a delete failed (the connection is kept then).
class ForgetPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ForgetPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void forget();

    WizardContext *m_context;
    QLabel *m_what;
    QCheckBox *m_deleteRemote;
    QPushButton *m_forget;
    PageStatus *m_status; // its status line is the result
};

} // namespace zaw
