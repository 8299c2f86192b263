// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "catalogue/Column.h"
#include "net/Error.h"
#include "zoho/ZohoCrmClient.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

namespace zaw::catalogue {

// One table of the source (a Zoho CRM module).
struct Table
{
    QString name; // what people read (may equal path)
    QString path; // what describe(), preview() and the setup take (params.tableName)
    bool canPreview = true;

    // "Leads", or "Leads (Leads_X)" when name and path differ (translated pattern).
    QString displayName() const;
};

// The columns of a table, and the module's Zoho fields when the catalogue knows them (they give a
// new XDM schema its types and labels; without them the schema is built from the columns).
struct TableDescription
{
    QString table;
    QList<Column> columns;
    QList<zoho::ZohoField> zohoFields;
    // Set when the Zoho fields could not be read; the columns are still good. zohoFields is then
    // empty.
    net::Error zohoFieldsError;
};

// At most the rows asked for, keyed by column name.
struct Preview
{
    QString table;
    QList<Column> columns;
    QList<QJsonObject> rows;

    // One cell as text: objects and arrays as compact JSON, null as empty.
    static QString cellText(const QJsonValue &value);
};

// "Which tables, which columns, which rows": the one interface the Select data page and the
// `tables`, `preview` and `create` commands read. Implementations: AepExploreCatalogue (through
// AEP's explore API on a base connection); Zoho CRM directly comes with direct sync.
//
// Every answer runs once, only while context lives, and never after cancel().
class SourceCatalogue : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxPreviewRows = 100;

    using TablesDone = std::function<void(const QList<Table> &tables, const net::Error &error)>;
    using DescribeDone = std::function<void(const TableDescription &description, const net::Error &error)>;
    using PreviewDone = std::function<void(const Preview &preview, const net::Error &error)>;

    explicit SourceCatalogue(QObject *parent = nullptr);
    ~SourceCatalogue() override;

    virtual void tables(QObject *context, TablesDone done) = 0;
    // error is set when the columns cannot be read (the Zoho fields are optional, see
    // TableDescription::zohoFieldsError).
    virtual void describe(const QString &table, QObject *context, DescribeDone done) = 0;
    // rows: 1 … kMaxPreviewRows (clamped).
    virtual void preview(const QString &table, int rows, QObject *context, PreviewDone done) = 0;

    // Drops every answer in flight (a page left, another module chosen).
    void cancel();

protected:
    // The context the implementations give their clients; replaced by cancel().
    QObject *calls();

private:
    QPointer<QObject> m_calls;
};

} // namespace zaw::catalogue
