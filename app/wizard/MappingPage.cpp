// SPDX-License-Identifier: GPL-3.0-or-later
#include "MappingPage.h"
#include "PlainLabel.h"

#include "ErrorPanel.h"
#include "PageStatus.h"
#include "SetupDraft.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "setup/MappingValidation.h"
#include "setup/XdmSchemaBuilder.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

MappingPage::MappingPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_table(new QTableWidget(this))
    , m_reset(new QPushButton(tr("&Propose again"), this))
    , m_check(new QPushButton(tr("&Check with Data Prep"), this))
    , m_problems(plainLabel(this))
    , m_status(new PageStatus(this, QStringLiteral("mappingStatus")))
{
    setObjectName(QStringLiteral("mappingPage"));
    // Another connection opened: its clients are the ones to ask through.
    connect(context->services(), &WizardServices::clientsChanged, this, [this] { m_validation.reset(); });
    setTitle(tr("Mapping"));
    setSubTitle(tr("Each ticked row copies a Zoho CRM column into a field of the dataset's XDM schema. Edit a path "
                   "by double-clicking it; untick a row to leave the column out."));
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({tr("Map"), tr("Source column"), tr("Type"), tr("XDM path")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_reset->setObjectName(QStringLiteral("proposeMappingButton"));
    m_check->setObjectName(QStringLiteral("checkMappingButton"));
    m_problems->setObjectName(QStringLiteral("mappingProblems"));
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #b00020;"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    buttons->addWidget(m_check);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_problems);
    m_status->addTo(layout);

    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_filling)
            rowsEdited();
    });
    connect(m_reset, &QPushButton::clicked, this, [this] {
        m_context->draft()->update([](setup::SetupRequest &r) { r.mappingRows.clear(); });
        propose();
    });
    connect(m_check, &QPushButton::clicked, this, [this] { checkWithDataPrep(false); });
    connect(m_status->errorPanel(), &ErrorPanel::retryRequested, this, [this] {
        if (m_table->rowCount() == 0)
            propose();
        else
            checkWithDataPrep(false);
    });
}

QString MappingPage::proposalKey() const
{
    const setup::SetupRequest &d = m_context->draft()->request();
    return d.tablePath + QChar(0x1f) + d.dataSetId + QChar(0x1f) + m_context->draft()->tenantId();
}

MappingPage::~MappingPage() = default;

void MappingPage::initializePage()
{
    if (m_proposedFor != proposalKey() || m_table->rowCount() == 0)
        propose();
}

void MappingPage::cleanupPage()
{
    m_status->cancel();
}

void MappingPage::propose()
{
    const setup::SetupRequest draft = m_context->draft()->request();
    m_status->cancel();
    m_status->clearError();
    m_checked = false;
    m_proposedFor = proposalKey();
    m_knownPaths.clear();
    m_check->setVisible(!draft.dataSetId.isEmpty());
    if (draft.dataSetId.isEmpty()) {
        // The schema the setup will make: its paths are the only valid destinations.
        const QList<zoho::ZohoField> fields =
            draft.zohoFields.isEmpty() ? setup::SetupPlan::fieldsFromColumns(draft.columns) : draft.zohoFields;
        const setup::XdmSchemaResult built =
            setup::XdmSchemaBuilder(m_context->draft()->tenantId()).build(draft.tablePath, fields);
        for (const setup::XdmFieldMapping &f : built.fields)
            m_knownPaths.insert(f.xdmPath);
        showRows(draft.mappingRows.isEmpty() ? setup::MappingBuilder::proposeRows(built.fields, draft.columns)
                                             : draft.mappingRows);
        return;
    }
    if (!draft.mappingRows.isEmpty()) {
        showRows(draft.mappingRows);
        return;
    }
    // An existing dataset: the plan reads its schema and keeps what fits.
    setup::SetupRequest request = draft;
    request.mappingRows.clear();
    m_context->draft()->setRequest(request);
    setup::SetupPlan *plan = m_context->controller()->updatePlan();
    m_status->begin(tr("Reading the dataset's schema to propose a mapping…"));
    QPointer<QObject> guard = m_status->guard();
    plan->proposeMappingRows([this, guard](const QList<setup::MappingRow> &rows, const net::Error &error) {
        if (!guard)
            return; // the page was left meanwhile
        if (error) {
            m_status->fail(error);
            return;
        }
        m_status->finish();
        showRows(rows);
    });
}

void MappingPage::showRows(const QList<setup::MappingRow> &rows)
{
    m_filling = true;
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const setup::MappingRow &r = rows.at(i);
        auto *map = new QTableWidgetItem;
        map->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        map->setCheckState(r.enabled ? Qt::Checked : Qt::Unchecked);
        auto *source = new QTableWidgetItem(r.source);
        source->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *type = new QTableWidgetItem(r.sourceType);
        type->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        auto *destination = new QTableWidgetItem(r.destination);
        destination->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
        m_table->setItem(i, MapColumn, map);
        m_table->setItem(i, SourceColumn, source);
        m_table->setItem(i, TypeColumn, type);
        m_table->setItem(i, DestinationColumn, destination);
    }
    m_table->resizeColumnsToContents();
    m_filling = false;
    rowsEdited();
}

QList<setup::MappingRow> MappingPage::rows() const
{
    QList<setup::MappingRow> list;
    for (int i = 0; i < m_table->rowCount(); ++i) {
        setup::MappingRow r;
        r.enabled = m_table->item(i, MapColumn)->checkState() == Qt::Checked;
        r.source = m_table->item(i, SourceColumn)->text();
        r.sourceType = m_table->item(i, TypeColumn)->text();
        r.destination = m_table->item(i, DestinationColumn)->text().trimmed();
        list.append(r);
    }
    return list;
}

void MappingPage::rowsEdited()
{
    m_checked = false;
    m_status->clearError();
    setup::MappingBuilder builder(QString{});
    builder.setRows(rows());
    QStringList messages;
    QSet<int> bad;
    for (const setup::MappingProblem &p : builder.problems()) {
        messages << p.message;
        for (int row : p.rows)
            bad.insert(row);
    }
    const QList<setup::MappingRow> current = rows();
    for (int i = 0; i < current.size(); ++i) {
        const setup::MappingRow &r = current.at(i);
        if (!r.enabled)
            continue;
        if (r.destination.isEmpty()) {
            messages << tr("Row %1 (%2) is ticked but has no XDM path: enter one or untick the row.")
                            .arg(i + 1)
                            .arg(r.source);
            bad.insert(i);
        } else if (!m_knownPaths.isEmpty() && !m_knownPaths.contains(r.destination)) {
            messages << tr("Row %1: the new schema has no field \"%2\". Use one of the proposed paths, or untick the "
                           "row.")
                            .arg(i + 1)
                            .arg(r.destination);
            bad.insert(i);
        }
    }
    m_filling = true;
    for (int i = 0; i < m_table->rowCount(); ++i) {
        const QBrush brush = bad.contains(i) ? QBrush(QColor(255, 228, 228)) : QBrush();
        for (int c = 0; c < m_table->columnCount(); ++c)
            m_table->item(i, c)->setBackground(brush);
    }
    m_filling = false;
    m_problems->setText(messages.join(QLatin1Char('\n')));
    m_problems->setVisible(!messages.isEmpty());
    emit completeChanged();
}

bool MappingPage::isComplete() const
{
    return !m_status->isBusy() && m_table->rowCount() > 0 && m_problems->text().isEmpty();
}

void MappingPage::checkWithDataPrep(bool thenNext)
{
    if (!m_validation) {
        m_validation = std::make_unique<setup::MappingValidation>(m_context->services()->adobePlatform());
    }
    const setup::SetupRequest &draft = m_context->draft()->request();
    m_status->begin(tr("Data Prep is checking the mapping…"));
    m_validation->validate(draft.dataSetSchemaId, rows(), draft.columns, m_status->guard(),
                           [this, thenNext](const setup::MappingVerdict &verdict, const net::Error &error) {
                               if (error) {
                                   m_status->fail(error);
                                   return;
                               }
                               if (!verdict.accepted()) {
                                   m_status->fail(verdict.error(), false);
                                   return;
                               }
                               m_checked = true;
                               m_status->finish(tr("Data Prep accepts the mapping."));
                               if (thenNext)
                                   wizard()->next();
                           });
}

bool MappingPage::validatePage()
{
    if (!m_context->draft()->request().dataSetId.isEmpty() && !m_checked) {
        checkWithDataPrep(true);
        return false;
    }
    const QList<setup::MappingRow> chosen = rows();
    m_context->draft()->update([&chosen](setup::SetupRequest &r) { r.mappingRows = chosen; });
    return true;
}

} // namespace zaw
