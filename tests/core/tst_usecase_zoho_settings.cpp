// SPDX-License-Identifier: GPL-3.0-or-later
// zoho::ZohoAppSettingsCheck: the one check of the Zoho client settings, shared by the wizard's
// Zoho app page and `zoho-login`, field by field.
#include "zoho/ZohoAppSettingsCheck.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace zaw;
using zoho::ZohoAppField;
using zoho::ZohoAppSettingsCheck;

class TestUsecaseZohoSettings : public QObject
{
    Q_OBJECT

    static zoho::ZohoAppSettings good()
    {
        zoho::ZohoAppSettings s;
        s.clientId = u"1000.ABCDEF"_s;
        s.clientSecret = u"secret"_s;
        s.redirectUri = u"http://127.0.0.1:47913/callback"_s;
        s.startDc = u"eu"_s;
        return s;
    }

    static QList<ZohoAppField> fields(const QList<zoho::ZohoAppProblem> &problems)
    {
        QList<ZohoAppField> out;
        for (const auto &p : problems)
            out << p.field;
        return out;
    }

private slots:
    void defaultsAreValid()
    {
        const ZohoAppSettingsCheck check(Endpoints::production());
        QVERIFY(check.isValid(good()));
        QVERIFY(ZohoAppSettingsCheck::scopesProblem(zoho::defaultScopes()).isEmpty());
    }

    void missingRequiredScopeIsOnTheScopesField_data()
    {
        QTest::addColumn<QString>("scopes");
        QTest::addColumn<QString>("missing");
        QTest::newRow("no users") << u"ZohoCRM.modules.READ, ZohoCRM.org.READ"_s << u"ZohoCRM.users.READ"_s;
        QTest::newRow("no org") << u"ZohoCRM.modules.READ ZohoCRM.users.READ"_s << u"ZohoCRM.org.READ"_s;
    }

    void missingRequiredScopeIsOnTheScopesField()
    {
        QFETCH(QString, scopes);
        QFETCH(QString, missing);
        const ZohoAppSettingsCheck check(Endpoints::production());
        zoho::ZohoAppSettings s = good();
        s.scopes = zoho::parseScopes(scopes);
        const auto problems = check.problems(s);
        QCOMPARE(fields(problems), QList<ZohoAppField>{ZohoAppField::Scopes});
        QVERIFY2(problems.first().message.contains(missing), qPrintable(problems.first().message));
        QCOMPARE(ZohoAppSettingsCheck::scopesProblem(scopes), problems.first().message);
    }

    void allStandsInForRead()
    {
        QVERIFY(ZohoAppSettingsCheck::scopesProblem(u"ZohoCRM.users.ALL,ZohoCRM.org.all"_s).isEmpty());
        QVERIFY(ZohoAppSettingsCheck::grants({u"zohocrm.USERS.read"_s}, u"ZohoCRM.users.READ"_s));
        QVERIFY(!ZohoAppSettingsCheck::grants({u"ZohoCRM.users.CREATE"_s}, u"ZohoCRM.users.READ"_s));
    }

    void scopeSyntax()
    {
        QVERIFY(!ZohoAppSettingsCheck::scopesProblem(QString()).isEmpty());
        const QString bad = ZohoAppSettingsCheck::scopesProblem(u"ZohoCRM.users.READ ZohoCRM.org.READ crm!"_s);
        QVERIFY2(bad.contains(u"\"crm!\""_s), qPrintable(bad));
    }

    void fieldByField_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("field");
        QTest::newRow("empty client id") << u"clientId="_s << int(ZohoAppField::ClientId);
        QTest::newRow("client id with space") << u"clientId=1000. X"_s << int(ZohoAppField::ClientId);
        QTest::newRow("no secret") << u"secret= "_s << int(ZohoAppField::ClientSecret);
        QTest::newRow("no redirect") << u"redirect="_s << int(ZohoAppField::RedirectUri);
        QTest::newRow("ftp redirect") << u"redirect=ftp://127.0.0.1/cb"_s << int(ZohoAppField::RedirectUri);
        QTest::newRow("remote http") << u"redirect=http://example.com/cb"_s << int(ZohoAppField::RedirectUri);
        QTest::newRow("fragment") << u"redirect=https://example.com/cb#x"_s << int(ZohoAppField::RedirectUri);
        QTest::newRow("user info") << u"redirect=https://me@example.com/cb"_s << int(ZohoAppField::RedirectUri);
        QTest::newRow("unknown dc") << u"dc=mars"_s << int(ZohoAppField::DataCenter);
    }

    void fieldByField()
    {
        QFETCH(QString, what);
        QFETCH(int, field);
        const ZohoAppSettingsCheck check(Endpoints::production());
        zoho::ZohoAppSettings s = good();
        const QString key = what.section(u'=', 0, 0);
        const QString value = what.section(u'=', 1);
        if (key == u"clientId")
            s.clientId = value;
        else if (key == u"secret")
            s.clientSecret = value;
        else if (key == u"redirect")
            s.redirectUri = value;
        else if (key == u"dc")
            s.startDc = value;
        const auto problems = check.problems(s);
        QCOMPARE(fields(problems), QList<ZohoAppField>{ZohoAppField(field)});
        QVERIFY(!problems.first().message.isEmpty());
    }

    void apiConsole()
    {
        QCOMPARE(ZohoAppSettingsCheck::apiConsoleUrl(u"eu"_s), u"https://api-console.zoho.eu/"_s);
        QCOMPARE(ZohoAppSettingsCheck::apiConsoleUrl(u"ca"_s), u"https://api-console.zohocloud.ca/"_s);
        QCOMPARE(ZohoAppSettingsCheck::apiConsoleUrl(u"mars"_s), u"https://api-console.zoho.com/"_s);
    }

    void namesOfTypeAndEnvironment()
    {
        QVERIFY(ZohoAppSettingsCheck::clientTypeProblem(u"server"_s).isEmpty());
        QVERIFY(ZohoAppSettingsCheck::clientTypeProblem(u"desktop"_s).isEmpty());
        QVERIFY(!ZohoAppSettingsCheck::clientTypeProblem(u"web"_s).isEmpty());
        QVERIFY(ZohoAppSettingsCheck::environmentProblem(u"developer"_s).isEmpty());
        QVERIFY(!ZohoAppSettingsCheck::environmentProblem(u"staging"_s).isEmpty());
        QVERIFY(ZohoAppSettingsCheck::redirectUriProblem(u"https://example.com/cb"_s).isEmpty());
        QVERIFY(ZohoAppSettingsCheck::redirectUriProblem(u"http://localhost:8080/cb"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsecaseZohoSettings)
#include "tst_usecase_zoho_settings.moc"
