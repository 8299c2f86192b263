// SPDX-License-Identifier: GPL-3.0-or-later
// The source catalogue (catalogue::AepExploreCatalogue) and the setup queries of the AEP pages
// (setup::SourceAccountQuery, TargetQuery, MappingValidation) against the sandbox over loopback:
// what Select data, Source account, Target and Mapping read, as typed answers.
#include "AdobeTestRig.h"
#include "SetupTestRig.h"
#include "TestHttp.h"
#include "adobe/CatalogClient.h"
#include "adobe/FlowServiceClient.h"
#include "catalogue/AepExploreCatalogue.h"
#include "setup/MappingValidation.h"
#include "setup/SourceAccountQuery.h"
#include "setup/TargetQuery.h"
#include "zoho/ZohoAuthClient.h"
#include "zoho/ZohoCrmClient.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace zaw;

namespace {

const QString kAna = u"ana.lima@example.com"_s;
const QString kAccount = u"Catalogue test account"_s;

} // namespace

class TestUsecaseCatalogue : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SandboxFixture> m_fixture;
    std::unique_ptr<test::AdobeRig> m_rig;
    test::ZohoSource m_source;
    std::unique_ptr<zoho::ZohoAuthClient> m_auth;
    std::unique_ptr<zoho::ZohoCrmClient> m_crm;
    std::unique_ptr<catalogue::AepExploreCatalogue> m_catalogue;

    catalogue::TableDescription describe(const QString &table)
    {
        const auto d = test::await<catalogue::TableDescription>(
            [&](QObject *c, auto done) { m_catalogue->describe(table, c, done); });
        if (d.second)
            qWarning("%s", qPrintable(d.second.message));
        return d.second ? catalogue::TableDescription{} : d.first;
    }

private slots:
    void initTestCase()
    {
        sandbox::SandboxOptions options;
        options.relaxedLimits = true;
        m_fixture = std::make_unique<test::SandboxFixture>(options);
        m_rig = std::make_unique<test::AdobeRig>(*m_fixture);
        QString error;
        QVERIFY2(test::readZohoSource(*m_fixture, *m_rig, kAna, kAccount, {}, &m_source, &error), qPrintable(error));
        m_auth = std::make_unique<zoho::ZohoAuthClient>(&m_rig->http, m_rig->endpoints);
        m_crm = std::make_unique<zoho::ZohoCrmClient>(&m_rig->http, m_auth.get(), &m_source.session);
        m_catalogue = std::make_unique<catalogue::AepExploreCatalogue>(&m_rig->flows, m_crm.get());
        m_catalogue->setBaseConnectionId(m_source.baseId);
    }

    void listsTheModules()
    {
        const auto tables =
            test::await<QList<catalogue::Table>>([&](QObject *c, auto done) { m_catalogue->tables(c, done); });
        QVERIFY2(!tables.second, qPrintable(tables.second.message));
        QStringList paths;
        for (const catalogue::Table &t : tables.first)
            paths << t.path;
        QVERIFY2(paths.contains(u"Leads"_s) && paths.contains(u"Contacts"_s), qPrintable(paths.join(u',')));
    }

    void describesLeadsWithZohoFields()
    {
        const catalogue::TableDescription leads = describe(u"Leads"_s);
        QCOMPARE(leads.table, u"Leads"_s);
        QVERIFY(leads.columns.size() > 10);
        const auto modified = std::find_if(leads.columns.begin(), leads.columns.end(),
                                           [](const catalogue::Column &c) { return c.name == u"Modified_Time"; });
        QVERIFY(modified != leads.columns.end());
        QVERIFY(modified->isDateTime());
        QCOMPARE(modified->xdmFormat, u"date-time"_s);
        QVERIFY(!leads.zohoFieldsError);
        QVERIFY(leads.zohoFields.size() > 20);
        QVERIFY(std::any_of(leads.zohoFields.begin(), leads.zohoFields.end(),
                            [](const zoho::ZohoField &f) { return f.apiName == u"Modified_Time"; }));
    }

    void describeWithoutCrmHasNoFields()
    {
        catalogue::AepExploreCatalogue bare(&m_rig->flows, nullptr);
        bare.setBaseConnectionId(m_source.baseId);
        const auto d = test::await<catalogue::TableDescription>(
            [&](QObject *c, auto done) { bare.describe(u"Contacts"_s, c, done); });
        QVERIFY2(!d.second, qPrintable(d.second.message));
        QVERIFY(d.first.columns.size() > 10);
        QVERIFY(d.first.zohoFields.isEmpty());
        QVERIFY(!d.first.zohoFieldsError);
    }

    void unknownTableIsAnError()
    {
        const auto d = test::await<catalogue::TableDescription>(
            [&](QObject *c, auto done) { m_catalogue->describe(u"NoSuchModule"_s, c, done); });
        QVERIFY(d.second);
    }

    void previewsAtMostTheRowsAskedFor_data()
    {
        QTest::addColumn<int>("asked");
        QTest::addColumn<int>("most");
        QTest::newRow("3") << 3 << 3;
        QTest::newRow("100") << 100 << 100;
        QTest::newRow("clamped to 100") << 500 << 100;
        QTest::newRow("at least 1") << 0 << 1;
    }

    void previewsAtMostTheRowsAskedFor()
    {
        QFETCH(int, asked);
        QFETCH(int, most);
        const auto p = test::await<catalogue::Preview>(
            [&](QObject *c, auto done) { m_catalogue->preview(u"Leads"_s, asked, c, done); });
        QVERIFY2(!p.second, qPrintable(p.second.message));
        QCOMPARE(p.first.table, u"Leads"_s);
        QVERIFY(!p.first.columns.isEmpty());
        QVERIFY(!p.first.rows.isEmpty());
        QVERIFY2(p.first.rows.size() <= most, qPrintable(QString::number(p.first.rows.size())));
        if (most == 3)
            QCOMPARE(p.first.rows.size(), 3);
    }

    void cancelDropsTheAnswer()
    {
        bool answered = false;
        QObject context;
        m_catalogue->tables(&context, [&](const QList<catalogue::Table> &, const net::Error &) { answered = true; });
        m_catalogue->cancel();
        QTest::qWait(1500);
        QVERIFY(!answered);
        // The catalogue still works after a cancel.
        const auto tables =
            test::await<QList<catalogue::Table>>([&](QObject *c, auto done) { m_catalogue->tables(c, done); });
        QVERIFY(!tables.second);
    }

    void cellText()
    {
        QCOMPARE(catalogue::Preview::cellText(QJsonValue()), QString());
        QCOMPARE(catalogue::Preview::cellText(QJsonObject{{u"id"_s, u"7"_s}}), u"{\"id\":\"7\"}"_s);
        QCOMPARE(catalogue::Preview::cellText(3), u"3"_s);
    }

    void sourceAccounts()
    {
        setup::SourceAccountQuery query(&m_rig->platform);
        QVERIFY(!test::awaitError([&](QObject *c, auto done) { query.checkSource(c, done); }));
        const auto list = test::await<QList<setup::BaseConnectionInfo>>(
            [&](QObject *c, auto done) { query.baseConnections(c, done); });
        QVERIFY2(!list.second, qPrintable(list.second.message));
        const auto mine = std::find_if(list.first.begin(), list.first.end(),
                                       [this](const setup::BaseConnectionInfo &b) { return b.id == m_source.baseId; });
        QVERIFY(mine != list.first.end());
        QCOMPARE(mine->name, kAccount);
        QVERIFY(!mine->etag.isEmpty());
        QVERIFY(mine->displayName().contains(mine->id));
    }

    void retiredSourceIsSaidPlainly()
    {
        // An org without the Zoho connection spec (a 2026 org) answers 404 for it.
        m_fixture->addFault(
            {{u"method"_s, u"GET"_s},
             {u"route"_s, u"connectionSpecs/%1"_s.arg(QLatin1String(adobe::FlowServiceClient::kZohoConnectionSpecId))},
             {u"status"_s, 404},
             {u"count"_s, 1}});
        setup::SourceAccountQuery query(&m_rig->platform);
        const net::Error error = test::awaitError([&](QObject *c, auto done) { query.checkSource(c, done); });
        QVERIFY(error);
        QVERIFY(setup::SourceAccountQuery::isRetiredSource(error));
        QVERIFY2(error.message.contains(u"retired"_s), qPrintable(error.message));
        QCOMPARE(error.httpStatus, 404);
    }

    void retiredOrganisationWithoutFaults()
    {
        // The sandbox's --retired-zoho-source: the spec is gone from the catalogue, and a new
        // Zoho base connection is refused the way AEP refuses an unknown spec.
        sandbox::SandboxOptions options;
        options.relaxedLimits = true;
        options.retiredZohoSource = true;
        test::SandboxFixture retired(options);
        test::AdobeRig rig(retired);
        setup::SourceAccountQuery query(&rig.platform);
        const net::Error error = test::awaitError([&](QObject *c, auto done) { query.checkSource(c, done); });
        QVERIFY(setup::SourceAccountQuery::isRetiredSource(error));
        QCOMPARE(error.httpStatus, 404);
        const auto made = test::await<adobe::CreatedObject>([&](QObject *c, auto done) {
            rig.flows.createConnection(adobe::FlowServiceClient::zohoConnectionBody(u"Zoho CRM"_s, {}, {}), c, done);
        });
        QVERIFY(adobe::FlowServiceClient::isRetiredSourceError(made.second));
        QCOMPARE(made.second.httpStatus, 400);
        QCOMPARE(retired.countRequests("POST", u"flowservice/connections$"_s), 1);
    }

    void target()
    {
        setup::TargetQuery query(&m_rig->platform);
        const auto tenant = test::await<QString>([&](QObject *c, auto done) { query.tenantId(c, done); });
        QVERIFY2(!tenant.second && !tenant.first.isEmpty(), qPrintable(tenant.second.message));
        QVERIFY(!tenant.first.startsWith(u'_'));

        // A dataset without a schema is not offered.
        const auto bare = test::await<QString>([&](QObject *c, auto done) {
            m_rig->catalog.createDataSet(QJsonObject{{u"name"_s, u"No schema"_s}}, c, done);
        });
        const auto list =
            test::await<QList<setup::TargetDataSet>>([&](QObject *c, auto done) { query.dataSets(c, done); });
        QVERIFY2(!list.second, qPrintable(list.second.message));
        const auto existing = std::find_if(list.first.begin(), list.first.end(), [](const setup::TargetDataSet &d) {
            return d.name == u"Zoho CRM Contacts (existing)";
        });
        QVERIFY(existing != list.first.end());
        QVERIFY(existing->schemaId.startsWith(u"https://ns.adobe.com/"_s));
        for (const setup::TargetDataSet &d : list.first) {
            QVERIFY(!d.schemaId.isEmpty());
            if (!bare.second)
                QVERIFY(d.id != bare.first);
        }

        const auto one =
            test::await<setup::TargetDataSet>([&](QObject *c, auto done) { query.dataSet(existing->id, c, done); });
        QVERIFY2(!one.second, qPrintable(one.second.message));
        QCOMPARE(one.first.schemaId, existing->schemaId);
        QCOMPARE(one.first.name, existing->name);
    }

    void mappingCheck()
    {
        setup::TargetQuery target(&m_rig->platform);
        const auto tenant = test::await<QString>([&](QObject *c, auto done) { target.tenantId(c, done); });
        const auto list =
            test::await<QList<setup::TargetDataSet>>([&](QObject *c, auto done) { target.dataSets(c, done); });
        QString schemaId;
        for (const setup::TargetDataSet &d : list.first) {
            if (d.name == u"Zoho CRM Contacts (existing)")
                schemaId = d.schemaId;
        }
        QVERIFY(!schemaId.isEmpty());
        const QList<catalogue::Column> columns = describe(u"Contacts"_s).columns;
        QVERIFY(!columns.isEmpty());

        QList<setup::MappingRow> rows{{u"Email"_s, u"string"_s, u"personalEmail.address"_s, true},
                                      {u"First_Name"_s, u"string"_s, u"person.name.firstName"_s, true},
                                      {u"id"_s, u"string"_s, u"_%1.zohoId"_s.arg(tenant.first), true}};
        setup::MappingValidation validation(&m_rig->platform);
        const auto good = test::await<setup::MappingVerdict>(
            [&](QObject *c, auto done) { validation.validate(schemaId, rows, columns, c, done); });
        QVERIFY2(!good.second, qPrintable(good.second.message));
        QVERIFY2(good.first.accepted(), qPrintable(good.first.refused.join(u'\n')));
        QVERIFY(!good.first.error());

        rows.append({u"Phone"_s, u"string"_s, u"person.phoneNumberThatDoesNotExist"_s, true});
        const auto bad = test::await<setup::MappingVerdict>(
            [&](QObject *c, auto done) { validation.validate(schemaId, rows, columns, c, done); });
        QVERIFY2(!bad.second, qPrintable(bad.second.message));
        QVERIFY(!bad.first.accepted());
        QCOMPARE(bad.first.refused.size(), 1);
        QVERIFY(bad.first.refused.first().startsWith(u"Phone → person.phoneNumberThatDoesNotExist: "_s));
        QCOMPARE(bad.first.error().category, net::ErrorCategory::Input);
        QVERIFY(bad.first.error().message.contains(bad.first.refused.first()));
    }
};

QTEST_GUILESS_MAIN(TestUsecaseCatalogue)
#include "tst_usecase_catalogue.moc"
