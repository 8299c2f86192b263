// SPDX-License-Identifier: GPL-3.0-or-later
#include "TargetPage.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "SyncBackend.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "setup/TargetQuery.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QVBoxLayout>

namespace zaw {

TargetPage::TargetPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_new(new QRadioButton(tr("Create a ne&w dataset with a schema made from the module's fields"), this))
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_existing(new QRadioButton(tr("Load into an &existing dataset"), this))
    , m_dataSets(new QComboBox(this))
    , m_status(new PageStatus(this, QStringLiteral("targetStatus")))
{
    setObjectName(QStringLiteral("targetPage"));
    // Another connection opened: its clients are the ones to ask through.
    connect(context->services(), &WizardServices::clientsChanged, this, [this] { m_query.reset(); });
    setTitle(tr("Target dataset"));
    setSubTitle(tr("The records land in a dataset of the sandbox. A new dataset gets an XDM schema made from the "
                   "module's fields; an existing one keeps its schema, and only matching fields are mapped."));
    m_new->setObjectName(QStringLiteral("newDataSetRadio"));
    m_existing->setObjectName(QStringLiteral("existingDataSetRadio"));
    m_name->setObjectName(QStringLiteral("dataSetNameEdit"));
    m_description->setObjectName(QStringLiteral("dataSetDescriptionEdit"));
    m_dataSets->setObjectName(QStringLiteral("dataSetCombo"));
    m_new->setChecked(true);
    m_existing->setEnabled(false);

    auto *group = new QButtonGroup(this);
    group->addButton(m_new);
    group->addButton(m_existing);
    auto *newForm = new QFormLayout;
    newForm->setContentsMargins(24, 0, 0, 0);
    newForm->addRow(tr("Dataset na&me:"), m_name);
    newForm->addRow(tr("&Description (optional):"), m_description);
    auto *existingForm = new QFormLayout;
    existingForm->setContentsMargins(24, 0, 0, 0);
    existingForm->addRow(tr("Data&set:"), m_dataSets);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_new);
    layout->addLayout(newForm);
    layout->addSpacing(8);
    layout->addWidget(m_existing);
    layout->addLayout(existingForm);
    layout->addSpacing(8);
    m_status->addTo(layout);
    layout->addStretch(1);

    connect(group, &QButtonGroup::buttonToggled, this, &TargetPage::choiceChanged);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, &TargetPage::load);
    connect(m_name, &QLineEdit::textChanged, this, &TargetPage::completeChanged);
    connect(m_dataSets, &QComboBox::currentIndexChanged, this, &TargetPage::completeChanged);
}

TargetPage::~TargetPage() = default;

void TargetPage::initializePage()
{
    const QString table = m_context->draft()->request().tablePath;
    if (m_nameFor != table) {
        m_nameFor = table;
        m_name->setText(m_context->draft()->request().dataSetName.isEmpty()
                            ? tr("Zoho CRM %1").arg(table)
                            : m_context->draft()->request().dataSetName);
    }
    if (!m_query) {
        m_query = std::make_unique<setup::TargetQuery>(m_context->services()->adobePlatform());
        m_loaded = false;
    }
    if (!m_loaded || m_context->draft()->tenantId().isEmpty() ||
        m_loadedForSync != m_context->controller()->isSyncMode())
        load();
    choiceChanged();
}

void TargetPage::cleanupPage()
{
    m_status->cancel();
    m_pending = 0;
}

void TargetPage::load()
{
    // The tenant (for the schema's field paths) and the datasets, side by side.
    m_status->cancel();
    m_pending = 2;
    m_status->begin(tr("Reading the sandbox's datasets…"));
    auto done = [this] {
        if (--m_pending > 0)
            return;
        m_status->finish(m_status->label()->text());
    };
    m_query->tenantId(m_status->guard(), [this, done](const QString &tenant, const net::Error &error) {
        if (error)
            m_status->errorPanel()->showError(error);
        else
            m_context->draft()->setTenantId(tenant);
        done();
    });
    m_query->dataSets(m_status->guard(), [this, done](const QList<setup::TargetDataSet> &list,
                                                      const net::Error &error) {
        const QString previous = m_dataSets->currentData().toString();
        m_dataSets->clear();
        if (error) {
            m_status->setText(tr("The existing datasets could not be listed (%1). You can still create a new one.")
                                  .arg(error.message));
        } else {
            m_loaded = true;
            // Direct sync writes rows with the Zoho record id as identity and the tombstone
            // fields: only a dataset a sync of this connection made has that schema.
            const bool sync = m_context->controller()->isSyncMode();
            m_loadedForSync = sync;
            const QStringList syncDataSets = sync ? SyncBackend::syncDataSetIds(m_context->services()) : QStringList();
            for (const setup::TargetDataSet &d : list) {
                if (sync && !syncDataSets.contains(d.id))
                    continue;
                m_dataSets->addItem(d.displayName(), d.id);
                m_dataSets->setItemData(m_dataSets->count() - 1, d.schemaId, Qt::UserRole + 1);
            }
            m_status->setText(m_dataSets->count() == 0
                                  ? (sync ? tr("No dataset made for a sync from this computer yet: create a new one.")
                                          : tr("The sandbox has no dataset with an XDM schema yet."))
                                  : tr("%n dataset(s) in this sandbox.", nullptr, m_dataSets->count()));
        }
        const QString wanted = previous.isEmpty() ? m_context->draft()->request().dataSetId : previous;
        const int index = m_dataSets->findData(wanted);
        if (index >= 0)
            m_dataSets->setCurrentIndex(index);
        m_existing->setEnabled(m_dataSets->count() > 0);
        if (m_dataSets->count() == 0)
            m_new->setChecked(true);
        choiceChanged();
        done();
    });
}

void TargetPage::choiceChanged()
{
    m_name->setEnabled(m_new->isChecked());
    m_description->setEnabled(m_new->isChecked());
    m_dataSets->setEnabled(m_existing->isChecked());
    emit completeChanged();
}

bool TargetPage::isComplete() const
{
    if (m_pending > 0 || m_context->draft()->tenantId().isEmpty())
        return false;
    return m_existing->isChecked() ? m_dataSets->currentIndex() >= 0 : !m_name->text().trimmed().isEmpty();
}

bool TargetPage::validatePage()
{
    setup::SetupRequest draft = m_context->draft()->request();
    const QString before = draft.dataSetId;
    if (m_existing->isChecked()) {
        draft.dataSetId = m_dataSets->currentData().toString();
        draft.dataSetSchemaId = m_dataSets->currentData(Qt::UserRole + 1).toString();
    } else {
        draft.dataSetId.clear();
        draft.dataSetSchemaId.clear();
        draft.dataSetName = m_name->text().trimmed();
        draft.dataSetDescription = m_description->text().trimmed();
    }
    if (draft.dataSetId != before)
        draft.mappingRows.clear(); // another schema: the mapping is proposed again
    m_context->draft()->setRequest(draft);
    return true;
}

} // namespace zaw
