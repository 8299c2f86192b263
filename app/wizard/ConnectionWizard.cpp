// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionWizard.h"

#include "WelcomePage.h"
#include "ZohoAccountPage.h"
#include "ZohoAppPage.h"
#include "ZohoSignInPage.h"
#include "WizardContext.h"

#include <QIcon>

namespace zaw {

ConnectionWizard::ConnectionWizard(WizardContext *context, QWidget *parent) : QWizard(parent), m_context(context)
{
    setObjectName(QStringLiteral("connectionWizard"));
    setWindowTitle(context->isDemo() ? tr("Zoho CRM to Adobe Experience Platform (demo)")
                                     : tr("Zoho CRM to Adobe Experience Platform"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/zoho-aep-wizard.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setMinimumSize(720, 520);
    setPage(WelcomePageId, new WelcomePage(context, this));
    setPage(ZohoAppPageId, new ZohoAppPage(context, this));
    setPage(ZohoSignInPageId, new ZohoSignInPage(context, this));
    setPage(ZohoAccountPageId, new ZohoAccountPage(context, this));
    setStartId(WelcomePageId);
}

} // namespace zaw
