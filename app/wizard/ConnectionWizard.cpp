// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionWizard.h"

#include "AdobeCredentialsPage.h"
#include "CreatePage.h"
#include "DataflowPage.h"
#include "DonePage.h"
#include "ForgetPage.h"
#include "ManagePage.h"
#include "MappingPage.h"
#include "NetworkSettingsDialog.h"
#include "ReconnectPages.h"
#include "ReviewPage.h"
#include "SelectDataPage.h"
#include "SourceAccountPage.h"
#include "SyncPages.h"
#include "TargetPage.h"
#include "WelcomePage.h"
#include "WizardContext.h"
#include "ZohoAccountPage.h"
#include "ZohoAppPage.h"
#include "ZohoSignInPage.h"
#include "account/ProfileSession.h"
#include "setup/SetupPlan.h"

#include <QAbstractButton>
#include <QEvent>
#include <QIcon>
#include <QTimer>

namespace zaw {

ConnectionWizard::ConnectionWizard(WizardContext *context, QWidget *parent)
    : QWizard(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("connectionWizard"));
    setWindowTitle(context->isDemo() ? tr("Zoho CRM to Adobe Experience Platform (demo)")
                                     : tr("Zoho CRM to Adobe Experience Platform"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/zoho-aep-wizard.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage, true);
    setMinimumSize(720, 520);
    setPage(WelcomePageId, new WelcomePage(context, this));
    setStartId(WelcomePageId);
    // The other pages are built once the first one is on screen: the window appears sooner, and
    // they are ready long before anyone has read the welcome page.
    installEventFilter(this);

    setOption(QWizard::HaveCustomButton1, true);
    setButtonText(QWizard::CustomButton1, tr("Network settings…"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("networkSettingsButton"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1) {
            NetworkSettingsDialog dialog(m_context, this);
            dialog.exec();
        }
    });
}

bool ConnectionWizard::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == this && event->type() == QEvent::Paint && !m_pagesAdded) {
        removeEventFilter(this);
        // Two hops: after whatever else the first paint queued.
        QTimer::singleShot(0, this, [this] { QTimer::singleShot(0, this, &ConnectionWizard::addPages); });
    }
    return QWizard::eventFilter(watched, event);
}

void ConnectionWizard::addPages()
{
    if (m_pagesAdded)
        return;
    m_pagesAdded = true;
    WizardContext *context = m_context;
    setPage(ZohoAppPageId, new ZohoAppPage(context, this));
    setPage(ZohoSignInPageId, new ZohoSignInPage(context, this));
    setPage(ZohoAccountPageId, new ZohoAccountPage(context, this));
    setPage(AdobeCredentialsPageId, new AdobeCredentialsPage(context, this));
    setPage(SourceAccountPageId, new SourceAccountPage(context, this));
    setPage(SelectDataPageId, new SelectDataPage(context, this));
    setPage(TargetPageId, new TargetPage(context, this));
    setPage(MappingPageId, new MappingPage(context, this));
    setPage(DataflowPageId, new DataflowPage(context, this));
    setPage(ReviewPageId, new ReviewPage(context, this));
    setPage(CreatePageId, new CreatePage(context, this));
    setPage(DonePageId, new DonePage(context, this));
    setPage(ReconnectPageId, new ReconnectPage(context, this));
    setPage(ReconnectDonePageId, new ReconnectDonePage(context, this));
    setPage(ManagePageId, new ManagePage(context, this));
    setPage(ForgetPageId, new ForgetPage(context, this));
    setPage(SyncMappingPageId, new SyncMappingPage(context, this));
    setPage(SyncSchedulePageId, new SyncSchedulePage(context, this));
    setPage(SyncReviewPageId, new SyncReviewPage(context, this));
    setPage(SyncCreatePageId, new SyncCreatePage(context, this));
    setPage(SyncDonePageId, new SyncDonePage(context, this));
}

int ConnectionWizard::nextAfterWelcome() const
{
    using Mode = WizardController::Mode;
    switch (m_context->controller()->mode()) {
    case Mode::NewConnection:
        return ZohoAppPageId;
    case Mode::Reconnect:
        return ReconnectPageId;
    case Mode::AddDataflow:
        return SelectDataPageId;
    case Mode::Resume: {
        // A resumed setup whose module was chosen goes straight to creating what is left.
        const setup::SetupPlan *plan = m_context->controller()->plan();
        return plan && !plan->request().tablePath.isEmpty() ? CreatePageId : SelectDataPageId;
    }
    case Mode::Manage: {
        // A connection that syncs from this computer has its own page.
        const account::ProfileSession *session = m_context->controller()->profileSession();
        return session && !session->profile().sync.isEmpty() ? SyncDonePageId : ManagePageId;
    }
    case Mode::Forget:
        return ForgetPageId;
    }
    return ZohoAppPageId;
}

int ConnectionWizard::nextId() const
{
    const bool reconnecting = m_context->controller()->mode() == WizardController::Mode::Reconnect;
    const bool sync = m_context->controller()->isSyncMode();
    switch (currentId()) {
    case WelcomePageId:
        return nextAfterWelcome();
    case ZohoAppPageId:
        return ZohoSignInPageId;
    case ZohoSignInPageId:
        // A reconnect's new consent ends the reconnect; a new connection shows the account.
        return reconnecting ? ReconnectDonePageId : ZohoAccountPageId;
    case ZohoAccountPageId:
        return AdobeCredentialsPageId;
    case AdobeCredentialsPageId:
        return SourceAccountPageId;
    case SourceAccountPageId:
        return SelectDataPageId;
    case SelectDataPageId:
        return TargetPageId;
    case TargetPageId:
        return sync ? SyncMappingPageId : MappingPageId;
    case SyncMappingPageId:
        return SyncSchedulePageId;
    case SyncSchedulePageId:
        return SyncReviewPageId;
    case SyncReviewPageId:
        return SyncCreatePageId;
    case SyncCreatePageId:
        return SyncDonePageId;
    case MappingPageId:
        return DataflowPageId;
    case DataflowPageId:
        return ReviewPageId;
    case ReviewPageId:
        return CreatePageId;
    case CreatePageId:
        return DonePageId;
    case ReconnectPageId: {
        const auto *page = qobject_cast<const ReconnectPage *>(currentPage());
        return page && page->needsNewConsent() ? ZohoSignInPageId : ReconnectDonePageId;
    }
    case DonePageId:
    case SyncDonePageId:
    case ReconnectDonePageId:
    case ManagePageId:
    case ForgetPageId:
    default:
        return -1;
    }
}

void ConnectionWizard::start(int pageId)
{
    addPages();
    setStartId(pageId);
}

} // namespace zaw
