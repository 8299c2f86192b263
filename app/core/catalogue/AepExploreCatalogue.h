// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/SourceCatalogue.h"

#include <QString>

namespace zaw::adobe {
class FlowServiceClient;
}
namespace zaw::zoho {
class ZohoCrmClient;
}

namespace zaw::catalogue {

// The catalogue as Experience Platform sees it: Flow Service explore on a Zoho CRM base
// connection (tables = explore root, columns = explore of the table, preview = explore preview),
// plus the module's fields read straight from Zoho CRM when a CRM client is given.
class AepExploreCatalogue : public SourceCatalogue
{
    Q_OBJECT

public:
    // flows: required. crm: may be null (describe() then has no Zoho fields). Both must outlive
    // this object.
    AepExploreCatalogue(adobe::FlowServiceClient *flows, zoho::ZohoCrmClient *crm, QObject *parent = nullptr);
    ~AepExploreCatalogue() override;

    // The base connection explore goes through; changing it cancels the answers in flight.
    void setBaseConnectionId(const QString &id);
    QString baseConnectionId() const { return m_baseConnectionId; }
    void setCrmClient(zoho::ZohoCrmClient *crm) { m_crm = crm; }

    void tables(QObject *context, TablesDone done) override;
    void describe(const QString &table, QObject *context, DescribeDone done) override;
    void preview(const QString &table, int rows, QObject *context, PreviewDone done) override;

private:
    adobe::FlowServiceClient *m_flows;
    zoho::ZohoCrmClient *m_crm;
    QString m_baseConnectionId;
};

} // namespace zaw::catalogue
