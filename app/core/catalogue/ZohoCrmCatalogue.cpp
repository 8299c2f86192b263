// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/ZohoCrmCatalogue.h"

#include "zoho/ZohoCrmClient.h"

#include <QPointer>
#include <QSet>

using namespace Qt::StringLiterals;

namespace zaw::catalogue {

ZohoCrmCatalogue::ZohoCrmCatalogue(zoho::ZohoCrmClient *crm, QObject *parent)
    : SourceCatalogue(parent)
    , m_crm(crm)
{}

ZohoCrmCatalogue::~ZohoCrmCatalogue() = default;

Column ZohoCrmCatalogue::columnFor(const zoho::ZohoField &field)
{
    // The same words AEP's explore answers for a Zoho CRM base connection, so that a schema or
    // mapping made from these columns matches one made through explore.
    QJsonObject column{{u"name"_s, field.apiName}};
    auto set = [&column](const QString &type, const QString &xdmType, const QString &format = {},
                         const QString &metaXdmType = {}) {
        column.insert(u"type"_s, type);
        QJsonObject xdm{{u"type"_s, xdmType}};
        if (!format.isEmpty())
            xdm.insert(u"format"_s, format);
        column.insert(u"xdm"_s, xdm);
        if (!metaXdmType.isEmpty())
            column.insert(u"meta:xdmType"_s, metaXdmType);
    };
    const QString &dataType = field.dataType;
    const QString &jsonType = field.jsonType;
    if (dataType == u"datetime"_s)
        set(u"string"_s, u"string"_s, u"date-time"_s, u"date-time"_s);
    else if (dataType == u"date"_s)
        set(u"string"_s, u"string"_s, u"date"_s, u"date"_s);
    else if (jsonType == u"integer"_s && dataType == u"bigint"_s)
        set(u"long"_s, u"integer"_s, {}, u"long"_s);
    else if (jsonType == u"integer"_s)
        set(u"integer"_s, u"integer"_s);
    else if (jsonType == u"double"_s)
        set(u"double"_s, u"number"_s);
    else if (jsonType == u"boolean"_s)
        set(u"boolean"_s, u"boolean"_s);
    else if (jsonType == u"jsonobject"_s)
        set(u"object"_s, u"object"_s);
    else if (jsonType == u"jsonarray"_s)
        set(u"array"_s, u"array"_s);
    else
        set(u"string"_s, u"string"_s);
    return Column::fromJson(column);
}

QList<Column> ZohoCrmCatalogue::columnsFor(const QList<zoho::ZohoField> &fields)
{
    QList<Column> columns;
    QSet<QString> seen;
    for (const zoho::ZohoField &f : fields) {
        if (f.apiName.isEmpty() || seen.contains(f.apiName))
            continue;
        seen.insert(f.apiName);
        columns.append(columnFor(f));
    }
    if (!seen.contains(u"id"_s)) {
        // Zoho's field metadata does not list the record ID, yet every record has one.
        columns.prepend(Column::fromJson(QJsonObject{
            {u"name"_s, u"id"_s}, {u"type"_s, u"string"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"string"_s}}}}));
    }
    return columns;
}

void ZohoCrmCatalogue::tables(QObject *context, TablesDone done)
{
    QPointer<QObject> guard(context);
    m_crm->modules(calls(), [guard, done](const QList<zoho::ZohoModule> &modules, const net::Error &error) {
        if (!guard)
            return;
        QList<Table> tables;
        for (const zoho::ZohoModule &m : modules) {
            // ZohoCrmClient::modules() already leaves out linking modules and those closed to the API.
            tables.append(Table{m.pluralLabel.isEmpty() ? m.apiName : m.pluralLabel, m.apiName, true});
        }
        done(tables, error);
    });
}

void ZohoCrmCatalogue::describe(const QString &table, QObject *context, DescribeDone done)
{
    QPointer<QObject> guard(context);
    m_crm->fields(table, calls(), [guard, done, table](const QList<zoho::ZohoField> &fields, const net::Error &error) {
        if (!guard)
            return;
        TableDescription description;
        description.table = table;
        if (error) {
            // Without the fields there are no columns either: the whole answer failed.
            description.zohoFieldsError = error;
            done(description, error);
            return;
        }
        if (fields.isEmpty()) {
            done(description,
                 net::Error::make(net::ErrorCategory::Input,
                                  tr("Zoho CRM lists no fields for %1. Check that your permission profile in Zoho "
                                     "CRM can see this module's fields.")
                                      .arg(table)));
            return;
        }
        description.columns = columnsFor(fields);
        description.zohoFields = fields;
        done(description, {});
    });
}

void ZohoCrmCatalogue::preview(const QString &table, int rows, QObject *context, PreviewDone done)
{
    const int wanted = qBound(1, rows, kMaxPreviewRows);
    QPointer<QObject> guard(context);
    QPointer<QObject> calls = this->calls();
    zoho::ZohoCrmClient *crm = m_crm;
    crm->fields(
        table, calls,
        [guard, calls, crm, done, table, wanted](const QList<zoho::ZohoField> &fields, const net::Error &error) {
            if (!guard || !calls)
                return;
            Preview preview;
            preview.table = table;
            if (error) {
                done(preview, error);
                return;
            }
            preview.columns = columnsFor(fields).mid(0, kMaxPreviewFields);
            QStringList names;
            for (const Column &c : std::as_const(preview.columns))
                names << c.name;
            // Zoho answers every record's id unasked.
            QStringList asked = names;
            asked.removeAll(u"id"_s);
            crm->records(table, asked, 1, wanted, {}, calls,
                         [guard, done, preview, names, wanted](const zoho::ZohoRecordsPage &page,
                                                               const net::Error &error) mutable {
                             if (!guard)
                                 return;
                             if (error) {
                                 done(Preview{preview.table, preview.columns, {}}, error);
                                 return;
                             }
                             for (const QJsonValue &v : page.records) {
                                 if (preview.rows.size() >= wanted)
                                     break;
                                 const QJsonObject record = v.toObject();
                                 QJsonObject row;
                                 for (const QString &name : std::as_const(names)) {
                                     if (record.contains(name))
                                         row.insert(name, record.value(name));
                                 }
                                 preview.rows.append(row);
                             }
                             done(preview, {});
                         });
        });
}

} // namespace zaw::catalogue
