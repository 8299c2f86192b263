// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForgetPage.h"

#include "ErrorPanel.h"
#include "WizardContext.h"
#include "account/Forget.h"
#include "account/ProfileSession.h"

#include <QCheckBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace zaw {

ForgetPage::ForgetPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_what(new QLabel(this))
    , m_deleteRemote(new QCheckBox(tr("Also &delete its dataflows, source and target connections and its account "
                                      "in Experience Platform (datasets and schemas are kept)"),
                                   this))
    , m_forget(new QPushButton(tr("&Forget this connection"), this))
    , m_progress(new QProgressBar(this))
    , m_result(new QLabel(this))
    , m_error(new ErrorPanel(this))
{
    setObjectName(QStringLiteral("forgetPage"));
    setTitle(tr("Forget a connection"));
    setFinalPage(true);
    m_what->setObjectName(QStringLiteral("forgetWhat"));
    m_what->setWordWrap(true);
    m_deleteRemote->setObjectName(QStringLiteral("deleteRemoteCheck"));
    m_forget->setObjectName(QStringLiteral("forgetNowButton"));
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_result->setObjectName(QStringLiteral("forgetResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_what);
    layout->addWidget(m_deleteRemote);
    layout->addWidget(m_forget, 0, Qt::AlignLeft);
    layout->addWidget(m_progress);
    layout->addWidget(m_result);
    layout->addWidget(m_error);
    layout->addStretch(1);
    connect(m_forget, &QPushButton::clicked, this, &ForgetPage::forget);
    connect(m_error, &ErrorPanel::retryRequested, this, &ForgetPage::forget);
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
    m_result->clear();
    m_error->clear();
}

void ForgetPage::forget()
{
    m_error->clear();
    m_busy = true;
    m_forget->setEnabled(false);
    m_deleteRemote->setEnabled(false);
    m_progress->show();
    emit completeChanged();
    auto *job = new account::Forget(m_context->controller()->profileSession(), m_deleteRemote->isChecked(), this);
    connect(job, &account::Forget::progress, m_result, &QLabel::setText);
    connect(job, &account::Forget::finished, this, [this, job](const account::ForgetResult &r) {
        job->deleteLater();
        m_busy = false;
        m_progress->hide();
        QStringList lines{tr("The connection is forgotten: its secrets and its profile are deleted.")};
        if (r.revoked)
            lines << tr("Zoho revoked the sign-in.");
        else if (!r.revokeProblem.isEmpty())
            lines << r.revokeProblem;
        if (!r.deleted.isEmpty())
            lines << tr("Deleted in Experience Platform: %1.").arg(r.deleted.join(QStringLiteral(", ")));
        m_result->setText(lines.join(QLatin1Char('\n')));
        emit completeChanged();
    });
    connect(job, &account::Forget::failed, this, [this, job](const net::Error &error, const account::ForgetResult &) {
        job->deleteLater();
        m_busy = false;
        m_progress->hide();
        m_result->clear();
        m_forget->setEnabled(true);
        m_deleteRemote->setEnabled(true);
        m_error->showError(error);
        emit completeChanged();
    });
    job->start();
}

bool ForgetPage::isComplete() const
{
    return !m_busy;
}

} // namespace zaw
