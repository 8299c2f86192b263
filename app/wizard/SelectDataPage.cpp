// SPDX-License-Identifier: GPL-3.0-or-later
#include "SelectDataPage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "SyncBackend.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "catalogue/AepExploreCatalogue.h"
#include "setup/SetupPlan.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace zaw {

SelectDataPage::SelectDataPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_search(new QLineEdit(this))
    , m_modules(new QListWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_columnsTable(new QTableWidget(this))
    , m_previewTable(new QTableWidget(this))
    , m_previewNote(plainLabel(this))
    , m_status(new PageStatus(this, QStringLiteral("selectDataStatus")))
{
    setObjectName(QStringLiteral("selectDataPage"));
    setTitle(tr("Select data"));
    setSubTitle(tr("Choose the Zoho CRM module to load. Its columns and first rows are shown as Experience "
                   "Platform reads them."));
    m_search->setObjectName(QStringLiteral("moduleSearchEdit"));
    m_search->setPlaceholderText(tr("Search modules"));
    m_search->setClearButtonEnabled(true);
    m_modules->setObjectName(QStringLiteral("moduleList"));
    m_columnsTable->setObjectName(QStringLiteral("columnsTable"));
    m_columnsTable->setColumnCount(3);
    m_columnsTable->setHorizontalHeaderLabels({tr("Column"), tr("Type"), tr("XDM type")});
    m_columnsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_columnsTable->horizontalHeader()->setStretchLastSection(true);
    m_columnsTable->verticalHeader()->hide();
    m_previewTable->setObjectName(QStringLiteral("previewTable"));
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewNote->setObjectName(QStringLiteral("previewNote"));
    m_previewNote->setWordWrap(true);

    auto *previewBox = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewNote);
    previewLayout->addWidget(m_previewTable, 1);
    m_tabs->addTab(m_columnsTable, tr("&Columns"));
    m_tabs->addTab(previewBox, tr("&Preview"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_modules, 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    m_status->addTo(layout);

    // Another connection opened: its clients are the ones to read through.
    connect(context->services(), &WizardServices::clientsChanged, this, [this] { m_catalogue.reset(); });
    connect(m_search, &QLineEdit::textChanged, this, &SelectDataPage::filterModules);
    connect(m_modules, &QListWidget::currentItemChanged, this, &SelectDataPage::moduleChosen);
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, [this] {
        if (m_modules->count() == 0)
            loadModules();
        else
            moduleChosen();
    });
}

SelectDataPage::~SelectDataPage() = default;

void SelectDataPage::initializePage()
{
    // The catalogue reads through whichever connection's clients are current (a new one, or
    // the opened connection's when a dataflow is added).
    const bool sync = m_context->controller()->isSyncMode();
    if (m_catalogue && m_catalogueForSync != sync)
        m_catalogue.reset();
    if (!m_catalogue) {
        WizardServices *services = m_context->services();
        m_explore = nullptr;
        if (sync) {
            // Direct sync: modules, fields and rows straight from Zoho CRM.
            m_catalogue = SyncBackend::zohoCatalogue(services);
        } else {
            auto explore =
                std::make_unique<catalogue::AepExploreCatalogue>(services->adobeFlows(), services->zohoCrm());
            m_explore = explore.get();
            m_catalogue = std::move(explore);
        }
        m_catalogueForSync = sync;
        m_loadedFor.clear();
    }
    setSubTitle(sync ? tr("Choose the Zoho CRM module to sync. Its fields and first records are read straight from "
                          "Zoho CRM.")
                     : tr("Choose the Zoho CRM module to load. Its columns and first rows are shown as Experience "
                          "Platform reads them."));
    if (sourceKey() != m_loadedFor || m_modules->count() == 0)
        loadModules();
}

void SelectDataPage::cleanupPage()
{
    if (m_catalogue)
        m_catalogue->cancel();
    m_status->cancel();
    m_pending = 0;
}

QString SelectDataPage::sourceKey() const
{
    if (m_catalogueForSync)
        return QStringLiteral("sync:");
    const setup::SetupPlan *plan = m_context->controller()->plan();
    return plan ? plan->objectId(setup::SetupPlan::Step::BaseConnection) : QString();
}

void SelectDataPage::loadModules()
{
    const QString base = sourceKey();
    m_modules->clear();
    m_table.clear();
    m_columnsOk = false;
    m_pending = 0;
    m_catalogue->cancel();
    m_status->begin(m_catalogueForSync ? tr("Reading the modules of your Zoho CRM…")
                                       : tr("Reading the modules of your Zoho CRM through Experience Platform…"));
    if (m_explore)
        m_explore->setBaseConnectionId(base);
    m_catalogue->tables(
        m_status->guard(), [this, base](const QList<catalogue::Table> &tables, const net::Error &error) {
            if (error) {
                m_status->fail(error);
                return;
            }
            m_loadedFor = base;
            const QString wanted = m_context->draft()->request().tablePath;
            QListWidgetItem *chosen = nullptr;
            for (const catalogue::Table &t : tables) {
                auto *item = new QListWidgetItem(t.displayName(), m_modules);
                item->setData(Qt::UserRole, t.path);
                if (t.path == wanted)
                    chosen = item;
            }
            m_status->finish(tables.isEmpty()
                                 ? (m_catalogueForSync ? tr("Zoho CRM lists no module that can be read.")
                                                       : tr("Experience Platform found no module it can read."))
                                 : tr("%n module(s). Choose one.", nullptr, int(tables.size())));
            if (chosen)
                m_modules->setCurrentItem(chosen);
            filterModules(m_search->text());
        });
}

void SelectDataPage::filterModules(const QString &text)
{
    const QString needle = text.trimmed();
    for (int i = 0; i < m_modules->count(); ++i) {
        QListWidgetItem *item = m_modules->item(i);
        item->setHidden(!needle.isEmpty() && !item->text().contains(needle, Qt::CaseInsensitive));
    }
}

void SelectDataPage::moduleChosen()
{
    QListWidgetItem *item = m_modules->currentItem();
    // Answers for a module chosen before are dropped.
    if (!m_catalogue)
        return;
    m_catalogue->cancel();
    m_columns.clear();
    m_fields.clear();
    m_columnsOk = false;
    m_pending = 0;
    m_columnsTable->setRowCount(0);
    m_previewTable->clear();
    m_previewTable->setRowCount(0);
    m_previewTable->setColumnCount(0);
    m_previewNote->clear();
    m_status->clearError();
    if (!item) {
        m_table.clear();
        m_status->finish({});
        return;
    }
    m_table = item->data(Qt::UserRole).toString();
    m_pending = 2;
    m_status->begin(tr("Reading the columns and a preview of %1…").arg(m_table));
    m_catalogue->describe(m_table, m_status->guard(),
                          [this](const catalogue::TableDescription &description, const net::Error &error) {
                              if (error)
                                  m_status->errorPanel()->showError(error);
                              else
                                  showColumns(description);
                              partDone();
                          });
    m_catalogue->preview(m_table, catalogue::SourceCatalogue::kMaxPreviewRows, m_status->guard(),
                         [this](const catalogue::Preview &preview, const net::Error &error) {
                             if (error)
                                 m_previewNote->setText(tr("No preview: %1").arg(error.message));
                             else
                                 showPreview(preview);
                             partDone();
                         });
}

void SelectDataPage::showColumns(const catalogue::TableDescription &description)
{
    m_columns = description.columns;
    // The module's Zoho fields give the schema its types and labels; without them the schema is
    // built from the explore columns.
    m_fields = description.zohoFields;
    m_columnsTable->setRowCount(int(m_columns.size()));
    for (int i = 0; i < m_columns.size(); ++i) {
        const catalogue::Column &c = m_columns.at(i);
        const QString xdm = c.xdmFormat.isEmpty() ? c.xdmType : tr("%1 (%2)").arg(c.xdmType, c.xdmFormat);
        m_columnsTable->setItem(i, 0, new QTableWidgetItem(c.name));
        m_columnsTable->setItem(i, 1, new QTableWidgetItem(c.type));
        m_columnsTable->setItem(i, 2, new QTableWidgetItem(xdm));
    }
    m_columnsTable->resizeColumnsToContents();
    m_columnsOk = !m_columns.isEmpty();
    if (!m_columnsOk)
        m_status->errorPanel()->showError(
            net::Error::make(net::ErrorCategory::Input,
                             tr("Experience Platform reports no columns for %1, so it cannot be loaded. Choose another "
                                "module.")
                                 .arg(m_table)),
            false);
}

void SelectDataPage::showPreview(const catalogue::Preview &preview)
{
    QStringList names;
    for (const catalogue::Column &c : preview.columns)
        names << c.name;
    m_previewTable->setColumnCount(int(names.size()));
    m_previewTable->setHorizontalHeaderLabels(names);
    const int rows = int(preview.rows.size());
    m_previewTable->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const QJsonObject &row = preview.rows.at(r);
        for (int c = 0; c < names.size(); ++c)
            m_previewTable->setItem(r, c, new QTableWidgetItem(catalogue::Preview::cellText(row.value(names.at(c)))));
    }
    const bool sync = m_context->controller()->isSyncMode();
    m_previewNote->setText(rows == 0 ? tr("The module has no records yet.")
                           : sync    ? tr("The first %n record(s), as Zoho CRM answers them.", nullptr, rows)
                                     : tr("The first %n row(s), as Experience Platform reads them.", nullptr, rows));
}

void SelectDataPage::partDone()
{
    if (--m_pending > 0)
        return;
    m_status->finish(m_columnsOk ? tr("%1: %n column(s).", nullptr, int(m_columns.size())).arg(m_table) : QString());
}

bool SelectDataPage::isComplete() const
{
    return !m_table.isEmpty() && m_pending == 0 && m_columnsOk;
}

bool SelectDataPage::validatePage()
{
    setup::SetupRequest draft = m_context->draft()->request();
    if (draft.tablePath != m_table) {
        // Another module: names chosen for the old one are made again on the next pages.
        draft.dataSetName.clear();
        draft.schemaTitle.clear();
        draft.flowName.clear();
        draft.sourceConnectionName.clear();
        draft.targetConnectionName.clear();
        draft.mappingRows.clear();
    }
    draft.tablePath = m_table;
    draft.columns = m_columns;
    draft.zohoFields = m_fields;
    m_context->draft()->setRequest(draft);
    return true;
}

} // namespace zaw
