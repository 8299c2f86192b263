// SPDX-License-Identifier: GPL-3.0-or-later
// MappingBuilder: explore columns, proposed rows, editing, dropped rows, duplicate destinations
// and the rendered mapping-set body.
#include "catalogue/Column.h"
#include "setup/MappingBuilder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using zaw::catalogue::Column;
using zaw::setup::MappingBuilder;
using zaw::setup::MappingProblem;
using zaw::setup::MappingRow;
using zaw::setup::XdmFieldMapping;
using zaw::setup::XdmSchemaBuilder;
using zaw::setup::XdmSchemaResult;
using zaw::zoho::ZohoField;

namespace {

const QString kSchemaId = u"https://ns.adobe.com/acme/schemas/0123456789abcdef0123456789abcdef"_s;

// An explore answer as Flow Service gives it for a small Leads table (reference §4.2).
QJsonObject exploreAnswer()
{
    auto column = [](const QString &name, const QString &type, const QString &xdmType, const QString &format = {}) {
        QJsonObject xdm{{u"type"_s, xdmType}};
        if (!format.isEmpty())
            xdm.insert(u"format"_s, format);
        QJsonObject c{{u"name"_s, name}, {u"type"_s, type}, {u"xdm"_s, xdm}};
        if (!format.isEmpty())
            c.insert(u"meta:xdmType"_s, format);
        return c;
    };
    const QJsonArray columns{column(u"id"_s, u"string"_s, u"string"_s),
                             column(u"Owner"_s, u"object"_s, u"object"_s),
                             column(u"First_Name"_s, u"string"_s, u"string"_s),
                             column(u"Email"_s, u"string"_s, u"string"_s),
                             column(u"Annual_Revenue"_s, u"double"_s, u"number"_s),
                             column(u"Photo"_s, u"string"_s, u"string"_s),
                             column(u"Modified_Time"_s, u"string"_s, u"string"_s, u"date-time"_s)};
    return QJsonObject{{u"format"_s, u"flat"_s}, {u"schema"_s, QJsonObject{{u"columns"_s, columns}}}};
}

ZohoField zohoField(const QString &apiName, const QString &dataType, const QString &jsonType = u"string"_s)
{
    ZohoField f;
    f.apiName = apiName;
    f.label = apiName;
    f.dataType = dataType;
    f.jsonType = jsonType;
    return f;
}

XdmSchemaResult leadsSchema()
{
    // Company has no explore column here (a field the source does not expose); Photo has a
    // column but no schema field (skipped type).
    return XdmSchemaBuilder(u"acme"_s).build(
        u"Leads"_s, {zohoField(u"Owner"_s, u"ownerlookup"_s, u"jsonobject"_s), zohoField(u"First_Name"_s, u"text"_s),
                     zohoField(u"Email"_s, u"email"_s), zohoField(u"Company"_s, u"text"_s),
                     zohoField(u"Annual_Revenue"_s, u"currency"_s, u"double"_s),
                     zohoField(u"Photo"_s, u"profileimage"_s), zohoField(u"Modified_Time"_s, u"datetime"_s)});
}

QStringList destinationsOf(const QJsonArray &mappings)
{
    QStringList list;
    for (const QJsonValue &v : mappings)
        list.append(v.toObject().value(u"destination"_s).toString());
    return list;
}

int rowWithSource(const MappingBuilder &builder, const QString &source)
{
    for (int i = 0; i < builder.rows().size(); ++i) {
        if (builder.rows().at(i).source == source)
            return i;
    }
    return -1;
}

} // namespace

class TestSetupMapping : public QObject
{
    Q_OBJECT

private slots:
    void exploreColumnsParse();
    void proposeFromColumnsAndSchema();
    void proposeFromSchemaAlone();
    void bodyShape();
    void editRows();
    void emptyDestinationsAreDropped();
    void duplicateDestinations();
    void missingSource();
    void nothingMapped();
};

void TestSetupMapping::exploreColumnsParse()
{
    const QList<Column> fromAnswer = Column::listFromJson(exploreAnswer());
    QCOMPARE(fromAnswer.size(), 7);
    QCOMPARE(Column::listFromJson(exploreAnswer().value(u"schema"_s)).size(), 7);
    QCOMPARE(Column::listFromJson(exploreAnswer().value(u"schema"_s).toObject().value(u"columns"_s)).size(), 7);

    const Column revenue = fromAnswer.at(4);
    QCOMPARE(revenue.name, u"Annual_Revenue"_s);
    QCOMPARE(revenue.type, u"double"_s);
    QCOMPARE(revenue.xdmType, u"number"_s);
    QVERIFY(!revenue.isDateTime());
    const Column modified = fromAnswer.at(6);
    QCOMPARE(modified.xdmFormat, u"date-time"_s);
    QCOMPARE(modified.metaXdmType, u"date-time"_s);
    QVERIFY(modified.isDateTime());

    // Either marker makes a date-time column; a date is not one. Older answers write "String".
    QVERIFY(Column::fromJson(QJsonObject{{u"name"_s, u"a"_s}, {u"meta:xdmType"_s, u"date-time"_s}}).isDateTime());
    QVERIFY(Column::fromJson(QJsonObject{{u"name"_s, u"b"_s}, {u"xdm"_s, QJsonObject{{u"format"_s, u"date-time"_s}}}})
                .isDateTime());
    QVERIFY(!Column::fromJson(QJsonObject{{u"name"_s, u"c"_s}, {u"xdm"_s, QJsonObject{{u"format"_s, u"date"_s}}}})
                 .isDateTime());
    QCOMPARE(
        Column::fromJson(QJsonObject{{u"name"_s, u"d"_s}, {u"xdm"_s, QJsonObject{{u"type"_s, u"String"_s}}}}).xdmType,
        u"string"_s);
    // Nameless entries are not columns.
    QCOMPARE(Column::listFromJson(QJsonArray{QJsonObject{{u"type"_s, u"string"_s}}}).size(), 0);
}

void TestSetupMapping::proposeFromColumnsAndSchema()
{
    const QList<Column> columns = Column::listFromJson(exploreAnswer());
    const QList<MappingRow> rows = MappingBuilder::proposeRows(leadsSchema().fields, columns);
    const QList<MappingRow> expected{
        {u"id"_s, u"string"_s, u"_acme.zoho.id"_s, true},
        {u"Owner.id"_s, u"object"_s, u"_acme.zoho.Owner.id"_s, true},
        {u"Owner.name"_s, u"object"_s, u"_acme.zoho.Owner.name"_s, true},
        {u"First_Name"_s, u"string"_s, u"person.name.firstName"_s, true},
        {u"Email"_s, u"string"_s, u"personalEmail.address"_s, true},
        {u"Annual_Revenue"_s, u"double"_s, u"_acme.zoho.Annual_Revenue"_s, true},
        // A column without a schema field: offered, unmapped, off.
        {u"Photo"_s, u"string"_s, QString(), false},
        {u"Modified_Time"_s, u"string"_s, u"_acme.zoho.Modified_Time"_s, true},
    };
    QCOMPARE(rows, expected);
    // Company has no column, so it has no row.
    for (const MappingRow &row : rows)
        QVERIFY(row.source != u"Company"_s);
}

void TestSetupMapping::proposeFromSchemaAlone()
{
    const XdmSchemaResult schema = leadsSchema();
    const QList<MappingRow> rows = MappingBuilder::proposeRows(schema.fields, {});
    QCOMPARE(rows.size(), schema.fields.size());
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).source, schema.fields.at(i).source);
        QCOMPARE(rows.at(i).destination, schema.fields.at(i).xdmPath);
        QCOMPARE(rows.at(i).sourceType, schema.fields.at(i).xdmType);
        QVERIFY(rows.at(i).enabled);
    }
    QVERIFY(rowWithSource(MappingBuilder(kSchemaId), u"x"_s) < 0);
}

void TestSetupMapping::bodyShape()
{
    const QList<Column> columns = Column::listFromJson(exploreAnswer());
    MappingBuilder builder(kSchemaId);
    builder.propose(leadsSchema().fields, columns);
    QVERIFY(builder.problems().isEmpty());
    const QJsonObject body = builder.toMappingSetBody();

    const QJsonObject schemaRef = body.value(u"outputSchema"_s).toObject().value(u"schemaRef"_s).toObject();
    QCOMPARE(schemaRef.value(u"id"_s).toString(), kSchemaId);
    QCOMPARE(schemaRef.value(u"contentType"_s).toString(), u"application/vnd.adobe.xed-full+json;version=1"_s);

    const QJsonArray mappings = body.value(u"mappings"_s).toArray();
    QCOMPARE(mappings.size(), 7); // eight rows, Photo unmapped
    QCOMPARE(mappings.at(0).toObject(),
             (QJsonObject{
                 {u"sourceType"_s, u"ATTRIBUTE"_s}, {u"source"_s, u"id"_s}, {u"destination"_s, u"_acme.zoho.id"_s}}));
    for (const QJsonValue &v : mappings) {
        QCOMPARE(v.toObject().value(u"sourceType"_s).toString(), u"ATTRIBUTE"_s);
        QCOMPARE(v.toObject().keys(), (QStringList{u"destination"_s, u"source"_s, u"sourceType"_s}));
    }
    QCOMPARE(mappings.at(1).toObject().value(u"source"_s).toString(), u"Owner.id"_s);

    // The source's shape travels along, so Data Prep can check the sources.
    const QJsonObject input = body.value(u"inputSchema"_s).toObject().value(u"schema"_s).toObject();
    QCOMPARE(input.value(u"type"_s).toString(), u"object"_s);
    const QJsonObject properties = input.value(u"properties"_s).toObject();
    QCOMPARE(properties.size(), 7);
    QCOMPARE(properties.value(u"Annual_Revenue"_s).toObject().value(u"type"_s).toString(), u"number"_s);
    QCOMPARE(properties.value(u"Modified_Time"_s).toObject().value(u"format"_s).toString(), u"date-time"_s);

    // Without columns there is no input schema to describe.
    MappingBuilder bare(kSchemaId);
    bare.propose(leadsSchema().fields, {});
    QVERIFY(!bare.toMappingSetBody().contains(u"inputSchema"_s));
    QCOMPARE(bare.toMappingSetBody().value(u"mappings"_s).toArray().size(), leadsSchema().fields.size());
}

void TestSetupMapping::editRows()
{
    MappingBuilder builder(kSchemaId);
    builder.propose(leadsSchema().fields, Column::listFromJson(exploreAnswer()));

    // The user maps the unmapped column and switches it on …
    const int photo = rowWithSource(builder, u"Photo"_s);
    QVERIFY(photo >= 0);
    builder.setDestination(photo, u"  _acme.zoho.photoUrl "_s);
    builder.setEnabled(photo, true);
    QCOMPARE(builder.rows().at(photo).destination, u"_acme.zoho.photoUrl"_s);
    QVERIFY(destinationsOf(builder.toMappings()).contains(u"_acme.zoho.photoUrl"_s));

    // … retargets a proposed row …
    const int first = rowWithSource(builder, u"First_Name"_s);
    builder.setDestination(first, u"_acme.zoho.First_Name"_s);
    QVERIFY(destinationsOf(builder.toMappings()).contains(u"_acme.zoho.First_Name"_s));
    QVERIFY(!destinationsOf(builder.toMappings()).contains(u"person.name.firstName"_s));

    // … adds a row of their own, and removes one.
    builder.addRow({u"Email"_s, u"string"_s, u"_acme.zoho.emailCopy"_s, true});
    QCOMPARE(builder.toMappings().last().toObject().value(u"destination"_s).toString(), u"_acme.zoho.emailCopy"_s);
    const int owner = rowWithSource(builder, u"Owner.name"_s);
    builder.removeRow(owner);
    QVERIFY(rowWithSource(builder, u"Owner.name"_s) < 0);
    QVERIFY(!destinationsOf(builder.toMappings()).contains(u"_acme.zoho.Owner.name"_s));
    QCOMPARE(builder.toMappings().size(), 8);

    // Out-of-range edits change nothing.
    const auto before = builder.rows();
    builder.setDestination(99, u"x"_s);
    builder.setEnabled(-1, false);
    builder.removeRow(99);
    QCOMPARE(builder.rows(), before);

    // setRows replaces everything.
    builder.setRows({{u"id"_s, u"string"_s, u"_acme.zoho.id"_s, true}});
    QCOMPARE(builder.toMappings().size(), 1);
}

void TestSetupMapping::emptyDestinationsAreDropped()
{
    MappingBuilder builder(kSchemaId);
    builder.propose(leadsSchema().fields, Column::listFromJson(exploreAnswer()));
    const int count = int(builder.toMappings().size());
    const int email = rowWithSource(builder, u"Email"_s);

    builder.setDestination(email, u"   "_s);
    QCOMPARE(builder.toMappings().size(), count - 1);
    QVERIFY(!destinationsOf(builder.toMappings()).contains(u"personalEmail.address"_s));
    QCOMPARE(builder.effectiveRows().size(), count - 1);
    // The row itself stays, for the user to fill in again.
    QCOMPARE(builder.rows().at(email).source, u"Email"_s);

    builder.setDestination(email, u"personalEmail.address"_s);
    QCOMPARE(builder.toMappings().size(), count);

    // A disabled row is dropped too, and comes back when enabled.
    builder.setEnabled(email, false);
    QCOMPARE(builder.toMappings().size(), count - 1);
    builder.setEnabled(email, true);
    QCOMPARE(builder.toMappings().size(), count);
}

void TestSetupMapping::duplicateDestinations()
{
    MappingBuilder builder(kSchemaId);
    builder.propose(leadsSchema().fields, Column::listFromJson(exploreAnswer()));
    const int first = rowWithSource(builder, u"First_Name"_s);
    const int email = rowWithSource(builder, u"Email"_s);
    const int photo = rowWithSource(builder, u"Photo"_s);

    builder.setDestination(email, u"person.name.firstName"_s);
    QList<MappingProblem> problems = builder.problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, MappingProblem::Kind::DuplicateDestination);
    QCOMPARE(problems.first().destination, u"person.name.firstName"_s);
    QCOMPARE(problems.first().rows, (QList<int>{first, email}));
    QVERIFY(problems.first().message.contains(u"person.name.firstName"_s));
    QVERIFY(problems.first().message.contains(u"First_Name"_s));
    QVERIFY(problems.first().message.contains(u"Email"_s));

    // A third writer joins the same problem; a disabled one does not count.
    builder.setDestination(photo, u"person.name.firstName"_s);
    QCOMPARE(builder.problems().size(), 1);
    QCOMPARE(builder.problems().first().rows, (QList<int>{first, email}));
    builder.setEnabled(photo, true);
    QCOMPARE(builder.problems().first().rows, (QList<int>{first, email, photo}));

    // Disabling all but one solves it.
    builder.setEnabled(email, false);
    builder.setEnabled(photo, false);
    QVERIFY(builder.problems().isEmpty());

    // Two separate clashes are two problems, in row order.
    builder.setEnabled(email, true);
    const int revenue = rowWithSource(builder, u"Annual_Revenue"_s);
    const int modified = rowWithSource(builder, u"Modified_Time"_s);
    builder.setDestination(modified, u"_acme.zoho.Annual_Revenue"_s);
    problems = builder.problems();
    QCOMPARE(problems.size(), 2);
    QCOMPARE(problems.at(0).destination, u"person.name.firstName"_s);
    QCOMPARE(problems.at(1).destination, u"_acme.zoho.Annual_Revenue"_s);
    QCOMPARE(problems.at(1).rows, (QList<int>{revenue, modified}));
}

void TestSetupMapping::missingSource()
{
    MappingBuilder builder(kSchemaId);
    builder.setRows({{u"id"_s, u"string"_s, u"_acme.zoho.id"_s, true}, {u" "_s, u"string"_s, u"_acme.zoho.x"_s, true}});
    const QList<MappingProblem> problems = builder.problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, MappingProblem::Kind::MissingSource);
    QCOMPARE(problems.first().rows, QList<int>{1});
    QVERIFY(problems.first().message.contains(u"Row 2"_s));
    QCOMPARE(destinationsOf(builder.toMappings()), QStringList{u"_acme.zoho.id"_s});
}

void TestSetupMapping::nothingMapped()
{
    MappingBuilder builder(kSchemaId);
    builder.setRows({{u"id"_s, u"string"_s, u"_acme.zoho.id"_s, false}, {u"Email"_s, u"string"_s, QString(), true}});
    const QList<MappingProblem> problems = builder.problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().kind, MappingProblem::Kind::NothingMapped);
    QVERIFY(!problems.first().message.isEmpty());
    QVERIFY(builder.toMappings().isEmpty());
}

QTEST_GUILESS_MAIN(TestSetupMapping)
#include "tst_setup_mapping.moc"
