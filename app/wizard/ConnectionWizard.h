// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizard>

namespace zaw {

class WizardContext;

class ConnectionWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        WelcomePageId = 0,
        ZohoAppPageId,
        ZohoSignInPageId,
        ZohoAccountPageId,
        AdobeCredentialsPageId,
        SourceAccountPageId,
        SelectDataPageId,
        TargetPageId,
        MappingPageId,
        DataflowPageId,
        ReviewPageId,
        CreatePageId,
        DonePageId,
        ReconnectPageId,
        ReconnectDonePageId,
        ManagePageId,
        ForgetPageId
    };

    explicit ConnectionWizard(WizardContext *context, QWidget *parent = nullptr);

private:
    WizardContext *m_context;
};

} // namespace zaw
