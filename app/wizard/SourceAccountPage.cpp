// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceAccountPage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "setup/SetupPlan.h"
#include "setup/SourceAccountQuery.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

using setup::SourceAccountQuery;

SourceAccountPage::SourceAccountPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_new(new QRadioButton(tr("Create a ne&w Zoho CRM account in Experience Platform"), this))
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_existing(new QRadioButton(tr("Use an &existing Zoho CRM account"), this))
    , m_connections(new QComboBox(this))
    , m_sync(new QRadioButton(tr("&Sync from this computer: it reads Zoho CRM and writes the records into a "
                                 "dataset on a schedule"),
                              this))
    , m_retiredNote(plainLabel(this))
    , m_status(new PageStatus(this, QStringLiteral("sourceStatus")))
{
    setObjectName(QStringLiteral("sourceAccountPage"));
    // Another connection opened: its clients are the ones to ask through.
    connect(context->services(), &WizardServices::clientsChanged, this, [this] { m_query.reset(); });
    setTitle(tr("Source account"));
    setSubTitle(tr("Experience Platform keeps the Zoho CRM credentials in a source account (a base connection). "
                   "Create one, or reuse one made earlier: its credentials are replaced with this sign-in's."));
    m_new->setObjectName(QStringLiteral("newConnectionRadio"));
    m_existing->setObjectName(QStringLiteral("existingConnectionRadio"));
    m_name->setObjectName(QStringLiteral("connectionNameEdit"));
    m_description->setObjectName(QStringLiteral("connectionDescriptionEdit"));
    m_connections->setObjectName(QStringLiteral("existingConnectionCombo"));
    m_sync->setObjectName(QStringLiteral("syncModeRadio"));
    m_retiredNote->setObjectName(QStringLiteral("retiredSourceNote"));
    m_retiredNote->setWordWrap(true);
    m_retiredNote->setTextFormat(Qt::RichText); // built here, no remote text in it
    m_retiredNote->setFrameShape(QFrame::StyledPanel);
    m_retiredNote->setMargin(8);
    m_retiredNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retiredNote->setVisible(false);
    m_new->setChecked(true);
    m_existing->setEnabled(false);
    m_connections->setEnabled(false);

    auto *group = new QButtonGroup(this);
    group->addButton(m_new);
    group->addButton(m_existing);
    group->addButton(m_sync);
    auto *newForm = new QFormLayout;
    newForm->setContentsMargins(24, 0, 0, 0);
    newForm->addRow(tr("Account na&me:"), m_name);
    newForm->addRow(tr("&Description (optional):"), m_description);
    auto *existingForm = new QFormLayout;
    existingForm->setContentsMargins(24, 0, 0, 0);
    existingForm->addRow(tr("&Account:"), m_connections);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_retiredNote);
    layout->addWidget(m_new);
    layout->addLayout(newForm);
    layout->addSpacing(8);
    layout->addWidget(m_existing);
    layout->addLayout(existingForm);
    layout->addSpacing(8);
    layout->addWidget(m_sync);
    layout->addSpacing(8);
    m_status->addTo(layout);
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, &SourceAccountPage::choiceChanged);
    connect(m_name, &QLineEdit::textChanged, this, &SourceAccountPage::completeChanged);
    connect(m_connections, &QComboBox::currentIndexChanged, this, &SourceAccountPage::completeChanged);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, [this] {
        if (!m_specOk && !m_retired)
            checkSource();
        else
            wizard()->next();
    });
}

SourceAccountPage::~SourceAccountPage() = default;

void SourceAccountPage::initializePage()
{
    if (m_name->text().isEmpty()) {
        const QString org = m_context->services()->zohoFlow()->account().org.companyName;
        m_name->setText(org.isEmpty() ? tr("Zoho CRM") : tr("Zoho CRM – %1").arg(org));
    }
    if (!m_query) {
        m_query = std::make_unique<SourceAccountQuery>(m_context->services()->adobePlatform());
        m_specOk = false;
    }
    if (m_checkedSandbox != m_context->services()->adobeSession()->sandboxName || (!m_specOk && !m_retired))
        checkSource();
}

void SourceAccountPage::cleanupPage()
{
    if (m_context->controller()->plan() && m_context->controller()->plan()->isRunning())
        m_context->controller()->plan()->cancel();
    m_status->cancel();
}

void SourceAccountPage::checkSource()
{
    // The organisation must still offer the Zoho CRM source (Adobe retired it in June 2025).
    m_specOk = false;
    showRetired(false);
    m_checkedSandbox = m_context->services()->adobeSession()->sandboxName;
    m_status->begin(tr("Checking that Experience Platform offers the Zoho CRM source…"));
    m_query->checkSource(m_status->guard(), [this](const net::Error &error) {
        if (error && SourceAccountQuery::isRetiredSource(error)) {
            // Not a dead end: this computer can move the records itself.
            showRetired(true);
            m_status->finish();
            return;
        }
        if (error) {
            m_status->fail(error);
            return;
        }
        m_specOk = true;
        listConnections();
    });
}

void SourceAccountPage::showRetired(bool retired)
{
    m_retired = retired;
    m_context->controller()->setSourceRetired(retired);
    m_retiredNote->setVisible(retired);
    setSubTitle(retired ? tr("How the records get from Zoho CRM into Experience Platform.")
                        : tr("Experience Platform keeps the Zoho CRM credentials in a source account (a base "
                             "connection). Create one, or reuse one made earlier: its credentials are replaced with "
                             "this sign-in's."));
    if (retired) {
        m_retiredNote->setText(
            tr("<b>Experience Platform no longer offers the Zoho CRM source.</b> Adobe retired it at the end of "
               "June 2025, so this organisation cannot make a Zoho CRM source account or dataflow. Choose "
               "<i>Sync from this computer</i>: this computer reads Zoho CRM and writes the records into an "
               "Experience Platform dataset itself, on a schedule."));
        m_new->setEnabled(false);
        m_existing->setEnabled(false);
        m_sync->setChecked(true);
    } else {
        m_new->setEnabled(true);
    }
    choiceChanged();
}

void SourceAccountPage::listConnections()
{
    m_status->setText(tr("Looking for Zoho CRM accounts made earlier…"));
    m_query->baseConnections(
        m_status->guard(), [this](const QList<setup::BaseConnectionInfo> &connections, const net::Error &error) {
            const QString previous = m_connections->currentData().toString();
            m_connections->clear();
            if (error) {
                // Not fatal: a new account can still be made.
                m_status->finish(tr("The existing accounts could not be listed (%1). You can still create a new one.")
                                     .arg(error.message));
            } else {
                for (const setup::BaseConnectionInfo &c : connections) {
                    m_connections->addItem(c.displayName(), c.id);
                    m_connections->setItemData(m_connections->count() - 1, c.etag, Qt::UserRole + 1);
                }
                m_status->finish(connections.isEmpty() ? tr("There is no Zoho CRM account in this sandbox yet.")
                                                       : tr("%n Zoho CRM account(s) found in this sandbox.", nullptr,
                                                            int(connections.size())));
            }
            m_existing->setEnabled(m_connections->count() > 0);
            if (m_connections->count() == 0 && m_existing->isChecked())
                m_new->setChecked(true);
            const int index = m_connections->findData(previous);
            if (index >= 0)
                m_connections->setCurrentIndex(index);
            choiceChanged();
        });
}

void SourceAccountPage::choiceChanged()
{
    m_name->setEnabled(m_new->isChecked() && !m_retired);
    m_description->setEnabled(m_new->isChecked() && !m_retired);
    m_connections->setEnabled(m_existing->isChecked() && m_connections->count() > 0);
    emit completeChanged();
}

QString SourceAccountPage::choiceKey() const
{
    if (m_sync->isChecked())
        return QStringLiteral("sync:");
    if (m_existing->isChecked())
        return QStringLiteral("existing:") + m_connections->currentData().toString();
    return QStringLiteral("new:") + m_name->text().trimmed() + QChar(0x1f) + m_description->text().trimmed();
}

bool SourceAccountPage::isComplete() const
{
    if (m_status->isBusy())
        return false;
    if (m_sync->isChecked())
        return true;
    if (!m_specOk)
        return false;
    if (m_existing->isChecked())
        return m_connections->currentIndex() >= 0;
    return !m_name->text().trimmed().isEmpty();
}

bool SourceAccountPage::validatePage()
{
    // Direct sync makes no source account: the records never pass through a dataflow.
    m_context->controller()->setSyncMode(m_sync->isChecked());
    if (m_sync->isChecked())
        return true;
    setup::SetupPlan *plan = m_context->controller()->plan();
    if (plan && m_readyFor == choiceKey() && !plan->objectId(setup::SetupPlan::Step::BaseConnection).isEmpty())
        return true;
    setup::SetupRequest draft = m_context->draft()->request();
    if (m_existing->isChecked()) {
        draft.baseConnectionId = m_connections->currentData().toString();
        draft.baseConnectionEtag = m_connections->currentData(Qt::UserRole + 1).toString();
    } else {
        draft.baseConnectionId.clear();
        draft.baseConnectionEtag.clear();
        draft.baseConnectionName = m_name->text().trimmed();
        draft.baseConnectionDescription = m_description->text().trimmed();
    }
    m_context->draft()->setRequest(draft);
    plan = m_context->controller()->updatePlan();
    m_status->begin(m_existing->isChecked() ? tr("Giving the account the new Zoho CRM credentials…")
                                            : tr("Creating the account in Experience Platform…"));
    const QString key = choiceKey();
    QObject *guard = m_status->guard();
    connect(plan, &setup::SetupPlan::reached, guard, [this, key] {
        m_status->cancel();
        m_readyFor = key;
        m_status->finish(tr("The account is ready."));
        wizard()->next();
    });
    connect(plan, &setup::SetupPlan::failed, guard, [this](setup::SetupPlan::Step, const net::Error &error) {
        m_status->cancel();
        m_status->fail(error, !SourceAccountQuery::isRetiredSource(error));
    });
    connect(plan, &setup::SetupPlan::cancelled, guard, [this] { m_status->cancel(); });
    plan->runThrough(setup::SetupPlan::Step::BaseConnection);
    return false;
}

} // namespace zaw
