// SPDX-License-Identifier: GPL-3.0-or-later
// The target side of a dataflow through the Adobe clients, against the sandbox over loopback:
// Schema Registry (tenant ID, tenant schemas and the Accept versions they need), Catalog
// datasets (the ID parsed from the create answer) and Data Prep mapping sets (create answers
// 200, validation reports each mapping), each with the errors of its own shape.
#include "AdobeTestRig.h"
#include "TestHttp.h"
#include "adobe/CatalogClient.h"
#include "adobe/DataPrepClient.h"
#include "adobe/ImsClient.h"
#include "adobe/PlatformClient.h"
#include "adobe/SchemaRegistryClient.h"
#include "net/HttpClient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace zaw;
using namespace zaw::adobe;
using namespace zaw::test;

namespace {

const QString kProfileClass = QStringLiteral("https://ns.adobe.com/xdm/context/profile");

using Rig = test::AdobeRig;

QJsonObject schemaBody(const QString &title, const QString &tenantField)
{
    return QJsonObject{
        {"type", "object"},
        {"title", title},
        {"description", "Zoho CRM records"},
        {"allOf", QJsonArray{QJsonObject{{"$ref", kProfileClass}},
                             QJsonObject{{"$ref", "https://ns.adobe.com/xdm/context/profile-person-details"}},
                             QJsonObject{{"$ref", "https://ns.adobe.com/xdm/context/profile-personal-details"}}}},
        {"properties",
         QJsonObject{{tenantField,
                      QJsonObject{{"type", "object"},
                                  {"properties", QJsonObject{{"zohoId", QJsonObject{{"type", "string"}}},
                                                             {"annualRevenue", QJsonObject{{"type", "number"}}}}}}}}},
        {"meta:class", kProfileClass}};
}

} // namespace

class TestAdobeTarget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<SandboxFixture>();
        m_rig = std::make_unique<Rig>(*m_fixture);
    }

    void tenantAndSchemas()
    {
        const auto tenant = test::await<QString>([&](QObject *c, auto done) { m_rig->schemas.tenantId(c, done); });
        QVERIFY2(!tenant.second, qPrintable(tenant.second.message));
        QCOMPARE(tenant.first, QStringLiteral("zawdemo"));
        m_tenantField = QLatin1Char('_') + tenant.first;

        const auto created = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.createSchema(schemaBody("Zoho Leads", m_tenantField), c, done);
        });
        QVERIFY2(!created.second, qPrintable(created.second.message));
        m_schemaId = created.first.value("$id").toString();
        QVERIFY2(m_schemaId.startsWith("https://ns.adobe.com/zawdemo/schemas/"), qPrintable(m_schemaId));
        const QString altId = created.first.value("meta:altId").toString();

        // The $id is a URL and travels percent-encoded in the path.
        const auto byId = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.schema(m_schemaId, SchemaRegistryClient::kAcceptSchema, c, done);
        });
        QVERIFY2(!byId.second, qPrintable(byId.second.message));
        QCOMPARE(byId.first.value("title").toString(), QStringLiteral("Zoho Leads"));
        const auto full = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.schema(altId, SchemaRegistryClient::kAcceptFullSchema, c, done);
        });
        QVERIFY2(!full.second, qPrintable(full.second.message));
        QVERIFY(full.first.value("properties").toObject().contains("personalEmail"));

        // A lookup without a version in Accept is refused by the Schema Registry, in its shape.
        const auto unversioned = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.schema(m_schemaId, "application/vnd.adobe.xed+json", c, done);
        });
        QCOMPARE(unversioned.second.code, QStringLiteral("XDM-1007-400"));
        QCOMPARE(unversioned.second.category, net::ErrorCategory::Input);
        QVERIFY2(unversioned.second.message.contains("Version should be specified"),
                 qPrintable(unversioned.second.message));
        QVERIFY(!unversioned.second.requestId.isEmpty());

        const auto duplicate = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.createSchema(schemaBody("zoho leads", m_tenantField), c, done);
        });
        QCOMPARE(duplicate.second.code, QStringLiteral("XDM-1521-400"));
        QVERIFY2(duplicate.second.message.contains("Object titles must be unique"),
                 qPrintable(duplicate.second.message));

        const auto wrongNamespace = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.createSchema(schemaBody("Zoho Contacts", "_othertenant"), c, done);
        });
        QCOMPARE(wrongNamespace.second.code, QStringLiteral("XDM-1021-400"));
        QVERIFY2(wrongNamespace.second.message.contains(m_tenantField), qPrintable(wrongNamespace.second.message));
    }

    void schemaListAndDelete()
    {
        QVERIFY(!m_schemaId.isEmpty());
        const auto second = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.createSchema(schemaBody("Zoho Deals", m_tenantField), c, done);
        });
        QVERIFY(!second.second);
        const QString dealsId = second.first.value("$id").toString();

        const auto all =
            test::await<QList<SchemaSummary>>([&](QObject *c, auto done) { m_rig->schemas.schemas({}, c, done); });
        QVERIFY2(!all.second, qPrintable(all.second.message));
        QStringList titles;
        for (const SchemaSummary &s : all.first)
            titles << s.title;
        QVERIFY2(titles.contains("Zoho Leads") && titles.contains("Zoho Deals"), qPrintable(titles.join(',')));

        const auto filtered = test::await<QList<SchemaSummary>>(
            [&](QObject *c, auto done) { m_rig->schemas.schemas({QStringLiteral("title==Zoho Deals")}, c, done); });
        QVERIFY2(!filtered.second, qPrintable(filtered.second.message));
        QCOMPARE(filtered.first.size(), 1);
        QCOMPARE(filtered.first.first().id, dealsId);
        QVERIFY(!filtered.first.first().altId.isEmpty());

        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_rig->schemas.deleteSchema(dealsId, c, done); }));
        const auto gone = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.schema(dealsId, SchemaRegistryClient::kAcceptSchema, c, done);
        });
        QCOMPARE(gone.second.code, QStringLiteral("XDM-1012-404"));
        QCOMPARE(gone.second.category, net::ErrorCategory::Input);
        QCOMPARE(gone.second.httpStatus, 404);
    }

    void dataSets()
    {
        QVERIFY(!m_schemaId.isEmpty());
        const QString name = QStringLiteral("Zoho Leads dataset");
        const auto created = test::await<QString>([&](QObject *c, auto done) {
            m_rig->catalog.createDataSet(CatalogClient::dataSetBody(name, m_schemaId, "from Zoho"), c, done);
        });
        QVERIFY2(!created.second, qPrintable(created.second.message));
        static const QRegularExpression hex24(QStringLiteral("^[0-9a-f]{24}$"));
        QVERIFY2(hex24.match(created.first).hasMatch(), qPrintable(created.first));
        QCOMPARE(m_fixture->countRequests("POST", "catalog/dataSets$"), 1);

        const auto got =
            test::await<DataSetInfo>([&](QObject *c, auto done) { m_rig->catalog.dataSet(created.first, c, done); });
        QVERIFY2(!got.second, qPrintable(got.second.message));
        QCOMPARE(got.first.id, created.first);
        QCOMPARE(got.first.name, name);
        QCOMPARE(got.first.schemaId, m_schemaId);

        const auto other = test::await<QString>([&](QObject *c, auto done) {
            m_rig->catalog.createDataSet(CatalogClient::dataSetBody("Zoho Contacts dataset", m_schemaId), c, done);
        });
        QVERIFY(!other.second);
        const auto byName = test::await<QList<DataSetInfo>>(
            [&](QObject *c, auto done) { m_rig->catalog.dataSetsByName(name, c, done); });
        QVERIFY2(!byName.second, qPrintable(byName.second.message));
        QCOMPARE(byName.first.size(), 1);
        QCOMPARE(byName.first.first().id, created.first);

        const auto noSchema = test::await<QString>([&](QObject *c, auto done) {
            m_rig->catalog.createDataSet(
                CatalogClient::dataSetBody("orphan", "https://ns.adobe.com/zawdemo/schemas/0000"), c, done);
        });
        QCOMPARE(noSchema.second.category, net::ErrorCategory::Input);
        QCOMPARE(noSchema.second.code, QStringLiteral("CAT-1003-400"));
        QVERIFY2(noSchema.second.message.contains("does not exist"), qPrintable(noSchema.second.message));

        QVERIFY(!test::awaitError([&](QObject *c, auto done) { m_rig->catalog.deleteDataSet(other.first, c, done); }));
        const auto gone =
            test::await<DataSetInfo>([&](QObject *c, auto done) { m_rig->catalog.dataSet(other.first, c, done); });
        QCOMPARE(gone.second.code, QStringLiteral("CAT-1006-404"));
        QCOMPARE(gone.second.httpStatus, 404);
    }

    void dataSetReference_data()
    {
        QTest::addColumn<QString>("ref");
        QTest::addColumn<QString>("id");
        QTest::newRow("examples") << "@/dataSets/66f1c2d3e4f5a6b7c8d9e0f1"
                                  << "66f1c2d3e4f5a6b7c8d9e0f1";
        QTest::newRow("prose") << "@/datasets/66f1c2d3e4f5a6b7c8d9e0f1"
                               << "66f1c2d3e4f5a6b7c8d9e0f1";
        QTest::newRow("upper") << "@/DATASETS/ABC"
                               << "ABC";
        QTest::newRow("other collection") << "@/batches/66f1"
                                          << "";
        QTest::newRow("empty") << ""
                               << "";
    }

    void dataSetReference()
    {
        QFETCH(QString, ref);
        QFETCH(QString, id);
        QCOMPARE(CatalogClient::dataSetIdFromRef(ref), id);
    }

    void mappingSets()
    {
        QVERIFY(!m_schemaId.isEmpty());
        const QJsonArray mappings{DataPrepClient::mapping("Email", "personalEmail.address"),
                                  DataPrepClient::mapping("First_Name", "person.name.firstName"),
                                  DataPrepClient::mapping("id", m_tenantField + ".zohoId"),
                                  DataPrepClient::mapping("lower(Email)", "personalEmail.type", "EXPRESSION")};
        const QJsonObject body = DataPrepClient::mappingSetBody(m_schemaId, mappings);
        const auto created =
            test::await<MappingSetInfo>([&](QObject *c, auto done) { m_rig->prep.createMappingSet(body, c, done); });
        QVERIFY2(!created.second, qPrintable(created.second.message));
        static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
        QVERIFY2(hex32.match(created.first.id).hasMatch(), qPrintable(created.first.id));
        QCOMPARE(created.first.version, 0);

        const auto got = test::await<QJsonObject>(
            [&](QObject *c, auto done) { m_rig->prep.mappingSet(created.first.id, -1, c, done); });
        QVERIFY2(!got.second, qPrintable(got.second.message));
        QCOMPARE(got.first.value("mappings").toArray().size(), 4);
        const auto noVersion = test::await<QJsonObject>(
            [&](QObject *c, auto done) { m_rig->prep.mappingSet(created.first.id, 7, c, done); });
        QCOMPARE(noVersion.second.code, QStringLiteral("MAPPER-1005-404"));

        // Validation reports each mapping; the bad destination is named.
        QJsonArray withBad = mappings;
        withBad.append(DataPrepClient::mapping("Phone", "person.phoneNumberThatDoesNotExist"));
        const QJsonObject badBody = DataPrepClient::mappingSetBody(m_schemaId, withBad);
        const auto checks =
            test::await<QList<MappingCheck>>([&](QObject *c, auto done) { m_rig->prep.validate(badBody, c, done); });
        QVERIFY2(!checks.second, qPrintable(checks.second.message));
        QCOMPARE(checks.first.size(), 5);
        for (int i = 0; i < 4; ++i)
            QVERIFY2(checks.first.at(i).ok(), qPrintable(checks.first.at(i).status));
        const MappingCheck &bad = checks.first.at(4);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.status, QStringLiteral("FAILED"));
        QCOMPARE(bad.destination, QStringLiteral("person.phoneNumberThatDoesNotExist"));
        QVERIFY(!bad.problems.isEmpty());
        QVERIFY2(bad.problems.first().contains("person.phoneNumberThatDoesNotExist"), qPrintable(bad.problems.first()));

        // Creating it anyway is refused with Data Prep's message.
        const auto refused =
            test::await<MappingSetInfo>([&](QObject *c, auto done) { m_rig->prep.createMappingSet(badBody, c, done); });
        QCOMPARE(refused.second.category, net::ErrorCategory::Input);
        QCOMPARE(refused.second.code, QStringLiteral("MAPPER-1004-400"));
        QVERIFY2(refused.second.message.contains("person.phoneNumberThatDoesNotExist"),
                 qPrintable(refused.second.message));
        QCOMPARE(m_fixture->countRequests("POST", "conversion/mappingSets$"), 2);
    }

    void objectsBelongToTheirSandbox()
    {
        QVERIFY(!m_schemaId.isEmpty());
        m_rig->session.sandboxName = QStringLiteral("dev");
        const auto schema = test::await<QJsonObject>([&](QObject *c, auto done) {
            m_rig->schemas.schema(m_schemaId, SchemaRegistryClient::kAcceptSchema, c, done);
        });
        m_rig->session.sandboxName = QStringLiteral("prod");
        QCOMPARE(schema.second.code, QStringLiteral("XDM-1012-404"));
    }

private:
    std::unique_ptr<SandboxFixture> m_fixture;
    std::unique_ptr<Rig> m_rig;
    QString m_tenantField;
    QString m_schemaId;
};

QTEST_GUILESS_MAIN(TestAdobeTarget)
#include "tst_adobe_target.moc"
