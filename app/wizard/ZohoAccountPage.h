// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;

namespace zaw {

class WizardContext;

// The verified Zoho account, shown before anything is created in Adobe Experience Platform,
// and where the secrets went.
class ZohoAccountPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ZohoAccountPage(WizardContext *context, QWidget *parent = nullptr);
    void initializePage() override;

private:
    QLabel *value(const QString &name);

    WizardContext *m_context;
    QLabel *m_user;
    QLabel *m_email;
    QLabel *m_org;
    QLabel *m_edition;
    QLabel *m_environment;
    QLabel *m_dataCenter;
    QLabel *m_keychain;
};

} // namespace zaw
