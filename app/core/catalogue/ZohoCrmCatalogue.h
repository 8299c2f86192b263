// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/SourceCatalogue.h"

#include <QString>

namespace zaw::zoho {
class ZohoCrmClient;
struct ZohoField;
} // namespace zaw::zoho

namespace zaw::catalogue {

// Select data straight from Zoho CRM (direct sync): tables = the modules the API can read (no
// linking modules), describe = one column per field of /settings/fields (plus the record ID, which
// the field list does not name) in explore's shape, with the Zoho fields themselves; preview =
// the first records as Zoho answers them (at most kMaxPreviewRows rows and kMaxPreviewFields
// fields, Zoho's limit for one records call).
class ZohoCrmCatalogue : public SourceCatalogue
{
    Q_OBJECT

public:
    static constexpr int kMaxPreviewFields = 50;

    // crm must outlive this object.
    explicit ZohoCrmCatalogue(zoho::ZohoCrmClient *crm, QObject *parent = nullptr);
    ~ZohoCrmCatalogue() override;

    void tables(QObject *context, TablesDone done) override;
    void describe(const QString &table, QObject *context, DescribeDone done) override;
    void preview(const QString &table, int rows, QObject *context, PreviewDone done) override;

    // The explore column AEP would give for a Zoho field (type, xdm.type/format, meta:xdmType).
    static Column columnFor(const zoho::ZohoField &field);
    // id first (Zoho's fields do not list it), then one column per field, no duplicates.
    static QList<Column> columnsFor(const QList<zoho::ZohoField> &fields);

private:
    zoho::ZohoCrmClient *m_crm;
};

} // namespace zaw::catalogue
