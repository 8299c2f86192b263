// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgetPage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "WizardContext.h"
#include "account/Forget.h"
#include "account/ProfileSession.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace zaw {

ForgetPage::ForgetPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_what(plainLabel(this))
    , m_deleteRemote(new QCheckBox(tr("Also &delete its dataflows, source and target connections and its account "
                                      "in Experience Platform (datasets and schemas are kept)"),
                                   this))
    , m_forget(new QPushButton(tr("&Forget this connection"), this))
    , m_status(new PageStatus(this, QStringLiteral("forgetResult")))
{
    setObjectName(QStringLiteral("forgetPage"));
    setTitle(tr("Forget a connection"));
    setFinalPage(true);
    m_what->setObjectName(QStringLiteral("forgetWhat"));
    m_what->setWordWrap(true);
    m_deleteRemote->setObjectName(QStringLiteral("deleteRemoteCheck"));
    m_forget->setObjectName(QStringLiteral("forgetNowButton"));
    m_status->label()->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addWidget(m_deleteRemote);
    layout->addWidget(m_forget, 0, Qt::AlignLeft);
    m_status->addTo(layout);
    layout->addStretch(1);
    connect(m_forget, &QPushButton::clicked, this, &ForgetPage::forget);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &ForgetPage::forget);
}

void ForgetPage::initializePage()
{
    const store::Profile &p = m_context->controller()->profileSession()->profile();
    setSubTitle(tr("Forgetting \"%1\" cannot be undone.").arg(p.name));
    m_what->setText(
        tr("Zoho is asked to revoke the sign-in of %1 (%2), and the connection's secrets are deleted "
           "from the system keychain, with its profile.")
            .arg(p.zoho.value(QStringLiteral("email")).toString(), p.zoho.value(QStringLiteral("org")).toString()));
    m_deleteRemote->setEnabled(m_context->controller()->profileSession()->hasAdobe());
    m_forget->setEnabled(true);
    m_status->setText({});
    m_status->clearError();
}

void ForgetPage::cleanupPage()
{
    // The job is the guard's child: what it has not done yet is not done.
    m_status->cancel();
    m_forget->setEnabled(true);
}

void ForgetPage::forget()
{
    m_forget->setEnabled(false);
    m_deleteRemote->setEnabled(false);
    m_status->begin({});
    auto *job =
        new account::Forget(m_context->controller()->profileSession(), m_deleteRemote->isChecked(), m_status->guard());
    connect(job, &account::Forget::progress, m_status, &PageStatus::setText);
    connect(job, &account::Forget::finished, this, [this, job](const account::ForgetResult &r) {
        job->deleteLater();
        QStringList lines{tr("The connection is forgotten: its secrets and its profile are deleted.")};
        if (r.revoked)
            lines << tr("Zoho revoked the sign-in.");
        else if (!r.revokeProblem.isEmpty())
            lines << r.revokeProblem;
        if (!r.deleted.isEmpty())
            lines << tr("Deleted in Experience Platform: %1.").arg(r.deleted.join(QStringLiteral(", ")));
        m_status->finish(lines.join(QLatin1Char('\n')));
    });
    connect(job, &account::Forget::failed, this, [this, job](const net::Error &error, const account::ForgetResult &) {
        job->deleteLater();
        m_forget->setEnabled(true);
        m_deleteRemote->setEnabled(true);
        m_status->fail(error);
    });
    job->start();
}

bool ForgetPage::isComplete() const
{
    return !m_status->isBusy();
}

} // namespace zaw
