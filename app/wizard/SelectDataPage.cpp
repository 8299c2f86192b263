// SPDX-License-Identifier: GPL-3.0-or-later
#include "SelectDataPage.h"

#include "ErrorPanel.h"
#include "WizardContext.h"

#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace zaw {

namespace {

QString cellText(const QJsonValue &v)
{
    if (v.isObject() || v.isArray())
        return QString::fromUtf8(QJsonDocument::fromVariant(v.toVariant()).toJson(QJsonDocument::Compact));
    if (v.isNull() || v.isUndefined())
        return {};
    return v.toVariant().toString();
}

} // namespace

SelectDataPage::SelectDataPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_search(new QLineEdit(this))
    , m_modules(new QListWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_columnsTable(new QTableWidget(this))
    , m_previewTable(new QTableWidget(this))
    , m_previewNote(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new ErrorPanel(this))
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
    m_status->setObjectName(QStringLiteral("selectDataStatus"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0);
    m_progress->setMaximumHeight(6);
    m_progress->setTextVisible(false);
    m_progress->hide();

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
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_error);

    connect(m_search, &QLineEdit::textChanged, this, &SelectDataPage::filterModules);
    connect(m_modules, &QListWidget::currentItemChanged, this, &SelectDataPage::moduleChosen);
    connect(m_error, &ErrorPanel::retryRequested, this, [this] {
        if (m_modules->count() == 0)
            loadModules();
        else
            moduleChosen();
    });
}

void SelectDataPage::initializePage()
{
    const QString base = m_context->plan()->objectId(setup::SetupPlan::Step::BaseConnection);
    if (base != m_loadedFor || m_modules->count() == 0)
        loadModules();
}

void SelectDataPage::loadModules()
{
    const QString base = m_context->plan()->objectId(setup::SetupPlan::Step::BaseConnection);
    m_error->clear();
    m_modules->clear();
    m_table.clear();
    m_columnsOk = false;
    m_progress->show();
    m_status->setText(tr("Reading the modules of your Zoho CRM through Experience Platform…"));
    emit completeChanged();
    m_context->adobeFlows()->exploreRoot(
        base, this, [this, base](const QList<adobe::ExploreTable> &tables, const net::Error &error) {
            m_progress->hide();
            if (error) {
                m_status->clear();
                m_error->showError(error);
                return;
            }
            m_loadedFor = base;
            const QString wanted = m_context->draft.tablePath;
            for (const adobe::ExploreTable &t : tables) {
                auto *item = new QListWidgetItem(
                    t.name == t.path || t.name.isEmpty() ? t.path : tr("%1 (%2)").arg(t.name, t.path), m_modules);
                item->setData(Qt::UserRole, t.path);
                if (t.path == wanted)
                    m_modules->setCurrentItem(item);
            }
            m_status->setText(tables.isEmpty() ? tr("Experience Platform found no module it can read.")
                                               : tr("%n module(s). Choose one.", nullptr, int(tables.size())));
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
    delete m_detailGuard; // answers for a module chosen before are dropped
    m_detailGuard = nullptr;
    m_columns.clear();
    m_fields.clear();
    m_columnsOk = false;
    m_columnsTable->setRowCount(0);
    m_previewTable->clear();
    m_previewTable->setRowCount(0);
    m_previewTable->setColumnCount(0);
    m_previewNote->clear();
    m_error->clear();
    if (!item) {
        m_table.clear();
        emit completeChanged();
        return;
    }
    m_table = item->data(Qt::UserRole).toString();
    m_detailGuard = new QObject(this);
    m_pending = 3;
    m_progress->show();
    m_status->setText(tr("Reading the columns and a preview of %1…").arg(m_table));
    emit completeChanged();
    const QString base = m_loadedFor;
    m_context->adobeFlows()->exploreTable(
        base, m_table, m_detailGuard, [this](const QList<QJsonObject> &answered, const net::Error &error) {
            if (error) {
                m_error->showError(error);
            } else {
                const QList<catalogue::Column> found = catalogue::Column::listFromJson(answered);
                m_columnsTable->setRowCount(int(found.size()));
                for (int i = 0; i < found.size(); ++i) {
                    const catalogue::Column &c = found.at(i);
                    m_columns.append(c);
                    const QString xdm = c.xdmFormat.isEmpty() ? c.xdmType : tr("%1 (%2)").arg(c.xdmType, c.xdmFormat);
                    m_columnsTable->setItem(i, 0, new QTableWidgetItem(c.name));
                    m_columnsTable->setItem(i, 1, new QTableWidgetItem(c.type));
                    m_columnsTable->setItem(i, 2, new QTableWidgetItem(xdm));
                }
                m_columnsTable->resizeColumnsToContents();
                m_columnsOk = !m_columns.isEmpty();
                if (!m_columnsOk)
                    m_error->showError(
                        net::Error::make(
                            net::ErrorCategory::Input,
                            tr("Experience Platform reports no columns for %1, so it cannot be loaded. Choose another "
                               "module.")
                                .arg(m_table)),
                        false);
            }
            partDone();
        });
    m_context->adobeFlows()->preview(base, m_table, adobe::FlowServiceClient::kMaxPreviewRows, m_detailGuard,
                                     [this](const adobe::ExplorePreview &preview, const net::Error &error) {
                                         if (error)
                                             m_previewNote->setText(tr("No preview: %1").arg(error.message));
                                         else
                                             showPreview(preview);
                                         partDone();
                                     });
    // The module's Zoho fields give the schema its types and labels; without them the schema is
    // built from the explore columns.
    m_context->zohoCrm()->fields(m_table, m_detailGuard,
                                 [this](const QList<zoho::ZohoField> &fields, const net::Error &error) {
                                     if (!error)
                                         m_fields = fields;
                                     partDone();
                                 });
}

void SelectDataPage::showPreview(const adobe::ExplorePreview &preview)
{
    QStringList names;
    for (const catalogue::Column &c : catalogue::Column::listFromJson(preview.columns))
        names << c.name;
    m_previewTable->setColumnCount(int(names.size()));
    m_previewTable->setHorizontalHeaderLabels(names);
    const int rows = int(qMin<qsizetype>(preview.rows.size(), adobe::FlowServiceClient::kMaxPreviewRows));
    m_previewTable->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const QJsonObject &row = preview.rows.at(r);
        for (int c = 0; c < names.size(); ++c)
            m_previewTable->setItem(r, c, new QTableWidgetItem(cellText(row.value(names.at(c)))));
    }
    m_previewNote->setText(rows == 0 ? tr("The module has no records yet.")
                                     : tr("The first %n row(s), as Experience Platform reads them.", nullptr, rows));
}

void SelectDataPage::partDone()
{
    if (--m_pending > 0)
        return;
    m_progress->hide();
    m_status->setText(m_columnsOk ? tr("%1: %n column(s).", nullptr, int(m_columns.size())).arg(m_table) : QString());
    emit completeChanged();
}

bool SelectDataPage::isComplete() const
{
    return !m_table.isEmpty() && m_pending == 0 && m_columnsOk;
}

bool SelectDataPage::validatePage()
{
    setup::SetupRequest &draft = m_context->draft;
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
    return true;
}

} // namespace zaw
