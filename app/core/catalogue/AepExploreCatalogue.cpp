// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/AepExploreCatalogue.h"

#include "adobe/FlowServiceClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QPointer>

#include <memory>

namespace zaw::catalogue {

AepExploreCatalogue::AepExploreCatalogue(adobe::FlowServiceClient *flows, zoho::ZohoCrmClient *crm, QObject *parent)
    : SourceCatalogue(parent)
    , m_flows(flows)
    , m_crm(crm)
{}

AepExploreCatalogue::~AepExploreCatalogue() = default;

void AepExploreCatalogue::setBaseConnectionId(const QString &id)
{
    if (id == m_baseConnectionId)
        return;
    cancel();
    m_baseConnectionId = id;
}

void AepExploreCatalogue::tables(QObject *context, TablesDone done)
{
    QPointer<QObject> guard(context);
    m_flows->exploreRoot(m_baseConnectionId, calls(),
                         [guard, done](const QList<adobe::ExploreTable> &found, const net::Error &error) {
                             if (!guard)
                                 return;
                             QList<Table> tables;
                             for (const adobe::ExploreTable &t : found)
                                 tables.append(Table{t.name, t.path, t.canPreview});
                             done(tables, error);
                         });
}

void AepExploreCatalogue::describe(const QString &table, QObject *context, DescribeDone done)
{
    // Columns (explore) and fields (Zoho CRM) side by side; the answer waits for both.
    struct Pending
    {
        TableDescription description;
        net::Error error;
        int left = 2;
    };
    auto pending = std::make_shared<Pending>();
    pending->description.table = table;
    QPointer<QObject> guard(context);
    auto partDone = [pending, guard, done] {
        if (--pending->left > 0 || !guard)
            return;
        done(pending->description, pending->error);
    };
    m_flows->exploreTable(m_baseConnectionId, table, calls(),
                          [pending, partDone](const QList<QJsonObject> &columns, const net::Error &error) {
                              if (error)
                                  pending->error = error;
                              else
                                  pending->description.columns = Column::listFromJson(columns);
                              partDone();
                          });
    if (!m_crm) {
        partDone();
        return;
    }
    m_crm->fields(table, calls(), [pending, partDone](const QList<zoho::ZohoField> &fields, const net::Error &error) {
        if (error)
            pending->description.zohoFieldsError = error;
        else
            pending->description.zohoFields = fields;
        partDone();
    });
}

void AepExploreCatalogue::preview(const QString &table, int rows, QObject *context, PreviewDone done)
{
    const int wanted = qBound(1, rows, kMaxPreviewRows);
    QPointer<QObject> guard(context);
    m_flows->preview(m_baseConnectionId, table, wanted, calls(),
                     [guard, done, table, wanted](const adobe::ExplorePreview &answer, const net::Error &error) {
                         if (!guard)
                             return;
                         Preview preview;
                         preview.table = table;
                         if (!error) {
                             preview.columns = Column::listFromJson(answer.columns);
                             // AEP may answer more rows than asked for; never show more.
                             preview.rows = answer.rows.mid(0, wanted);
                         }
                         done(preview, error);
                     });
}

} // namespace zaw::catalogue
