// SPDX-License-Identifier: GPL-3.0-or-later
#include "WelcomePage.h"

#include "WizardContext.h"

#include <QLabel>
#include <QVBoxLayout>

namespace zaw {

WelcomePage::WelcomePage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_intro(new QLabel(this))
    , m_demoBanner(new QLabel(this))
    , m_endpointsNote(new QLabel(this))
{
    setObjectName(QStringLiteral("welcomePage"));
    setTitle(tr("Connect Zoho CRM to Adobe Experience Platform"));
    setSubTitle(tr("This wizard signs you in to Zoho, stores the credentials in your system keychain and "
                   "sets up the Adobe Experience Platform dataflow that ingests your CRM records."));

    m_intro->setObjectName(QStringLiteral("introText"));
    m_intro->setWordWrap(true);
    m_intro->setText(tr("You will need:\n"
                        "• a Zoho API client (client ID and secret) registered in Zoho's API console,\n"
                        "• an Adobe Developer Console project with OAuth Server-to-Server credentials for "
                        "Experience Platform,\n"
                        "• a few minutes: nothing is created in Adobe Experience Platform before you review it."));

    m_demoBanner->setObjectName(QStringLiteral("demoBanner"));
    m_demoBanner->setWordWrap(true);
    m_demoBanner->setFrameShape(QFrame::StyledPanel);
    m_demoBanner->setMargin(8);
    m_demoBanner->setVisible(false);

    m_endpointsNote->setObjectName(QStringLiteral("endpointsNote"));
    m_endpointsNote->setWordWrap(true);
    m_endpointsNote->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_demoBanner);
    layout->addWidget(m_intro);
    layout->addWidget(m_endpointsNote);
    layout->addStretch(1);
}

void WelcomePage::initializePage()
{
    if (m_context->isDemo()) {
        m_demoBanner->setText(tr("Demo mode: every Zoho and Adobe service is the built-in sandbox at %1. "
                                 "Nothing leaves this computer and no real account is needed.")
                                  .arg(m_context->sandboxUrl().toString()));
        m_demoBanner->setVisible(true);
    } else {
        m_demoBanner->setVisible(false);
    }
    const QUrl platform = m_context->endpoints().platform();
    const bool custom = !m_context->isDemo() && platform != Endpoints::production().platform();
    m_endpointsNote->setVisible(custom);
    if (custom)
        m_endpointsNote->setText(
            tr("Using the service addresses of an endpoints file (Adobe Platform: %1).").arg(platform.toString()));
}

} // namespace zaw
