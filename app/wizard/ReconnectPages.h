// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "account/Reconnect.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace zaw {

class PageStatus;
class WizardContext;

// Reconnect, first half: a refresh with the saved sign-in. If Zoho still accepts it, the base
// connection gets the new token and Next shows what changed; if not, Next opens Zoho's sign-in
// page (consent again). Also where a rotated client secret (Zoho or Adobe) is entered: it is
// checked before it replaces the stored one.
class ReconnectPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReconnectPage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // Zoho wants a new consent (the Zoho sign-in page comes next).
    bool needsNewConsent() const { return m_needsConsent && !m_done; }

private:
    void start();
    void rotate(bool zoho);
    // Listens to the reconnect for one wait (until cleanupPage() or the answer).
    void watch();

    WizardContext *m_context;
    PageStatus *m_status;
    QLineEdit *m_zohoSecret;
    QPushButton *m_zohoRotate;
    QLineEdit *m_adobeSecret;
    QPushButton *m_adobeRotate;
    QLabel *m_rotateStatus;
    bool m_needsConsent = false;
    bool m_done = false;
};

// Reconnect, second half: after a new sign-in, checks that the same Zoho user and organisation
// came back and updates the base connection; then (either way) says what changed.
class ReconnectDonePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReconnectDonePage(WizardContext *context, QWidget *parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void show(const account::ReconnectResult &result);

    WizardContext *m_context;
    PageStatus *m_status; // its status line shows what changed
};

} // namespace zaw
