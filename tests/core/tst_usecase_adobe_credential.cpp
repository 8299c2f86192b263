// SPDX-License-Identifier: GPL-3.0-or-later
// account::AdobeCredentialCheck against the sandbox over loopback: the one path of the wizard's
// Adobe page and `adobe-login`. A credential is checked (IMS token + the org's sandboxes), then
// kept: IDs in the profile, the secret in a MemorySecretStore (the real keychain is tested in
// tst_secretstore and through tst_cli_adobe_login).
#include "TestHttp.h"
#include "account/AdobeCredentialCheck.h"
#include "net/HttpClient.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace zaw;
using account::AdobeCredentialCheck;

class TestUsecaseAdobeCredential : public QObject
{
    Q_OBJECT

    struct Rig
    {
        explicit Rig(test::SandboxFixture &f)
            : endpoints(f.endpoints())
            , check(&http, endpoints, &session)
            , profiles(dir.path())
        {
            const QJsonObject adobe = f.credentials().value(u"adobe"_s).toObject();
            clientId = adobe.value(u"clientId"_s).toString();
            secret = adobe.value(u"clientSecret"_s).toString();
            orgId = adobe.value(u"orgId"_s).toString();
        }
        net::HttpClient http;
        Endpoints endpoints;
        adobe::AdobeSession session;
        AdobeCredentialCheck check;
        QTemporaryDir dir;
        store::ProfileStore profiles;
        store::MemorySecretStore secrets;
        QString clientId, secret, orgId;
    };

    // Runs check() and waits for checked() or failed(); the error (none when checked).
    static net::Error runCheck(Rig &rig, const QString &secret, const QString &orgId, const QString &sandbox)
    {
        QSignalSpy checked(&rig.check, &AdobeCredentialCheck::checked);
        QSignalSpy failed(&rig.check, &AdobeCredentialCheck::failed);
        rig.check.check(rig.clientId, secret, orgId, sandbox);
        if (!QTest::qWaitFor([&] { return checked.count() + failed.count() > 0; }, 30000))
            qFatal("check did not finish");
        return failed.isEmpty() ? net::Error{} : failed.first().first().value<net::Error>();
    }

private slots:
    void fieldProblems()
    {
        using Field = AdobeCredentialCheck::Field;
        QVERIFY(AdobeCredentialCheck::fieldProblems(u"id"_s, u"s"_s, u"A@AdobeOrg"_s).isEmpty());
        const auto problems = AdobeCredentialCheck::fieldProblems(u""_s, u" "_s, u"not-an-org"_s, {}, true);
        QCOMPARE(problems.size(), 4);
        QCOMPARE(problems.at(0).field, Field::ClientId);
        QCOMPARE(problems.at(1).field, Field::ClientSecret);
        QCOMPARE(problems.at(2).field, Field::OrgId);
        QVERIFY(problems.at(2).message.contains(u"@AdobeOrg"_s));
        QCOMPARE(problems.at(3).field, Field::Sandbox);
    }

    void checkListsSandboxesAndStores()
    {
        test::SandboxFixture f;
        Rig rig(f);
        QVERIFY(!runCheck(rig, rig.secret, rig.orgId, {}));
        QVERIFY(rig.session.hasFreshToken());
        QStringList names;
        for (const adobe::SandboxInfo &s : rig.check.sandboxes())
            names << s.name;
        QVERIFY2(names.contains(u"prod"_s) && names.contains(u"dev"_s), qPrintable(names.join(u',')));
        QVERIFY(rig.check.preferredIndex() >= 0);

        store::Profile profile = rig.profiles.create(u"default"_s);
        QSignalSpy stored(&rig.check, &AdobeCredentialCheck::stored);
        rig.check.store(&rig.profiles, &rig.secrets, &profile, u"dev"_s);
        QVERIFY(stored.wait(10000));
        QVERIFY(stored.first().at(1).value<store::SecretResult>().ok());
        QCOMPARE(stored.first().at(0).value<adobe::SandboxInfo>().name, u"dev"_s);

        QString error;
        const auto saved = rig.profiles.load(u"default"_s, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->adobe.value(u"clientId"_s).toString(), rig.clientId);
        QCOMPARE(saved->adobe.value(u"orgId"_s).toString(), rig.orgId);
        QCOMPARE(saved->adobe.value(u"sandbox"_s).toString(), u"dev"_s);
        // The secret is in the keychain only, never in the profile.
        QVERIFY(!QJsonDocument(saved->toJson()).toJson().contains(rig.secret.toUtf8()));
        QCOMPARE(rig.secrets.keys(), QStringList{store::SecretStore::key(
                                         profile.id, QString::fromLatin1(store::SecretName::AdobeClientSecret))});
    }

    void wrongSecretIsRefusedAndNothingStored()
    {
        test::SandboxFixture f;
        Rig rig(f);
        const net::Error error = runCheck(rig, u"p8e-wrong"_s, rig.orgId, u"prod"_s);
        QVERIFY(error);
        QCOMPARE(error.category, net::ErrorCategory::SignInNeeded);
        QVERIFY(!error.message.contains(u"p8e-wrong"_s));
        QVERIFY(rig.check.sandboxes().isEmpty());
        // Nothing was checked, so nothing can be kept.
        store::Profile profile = rig.profiles.create(u"default"_s);
        QSignalSpy failed(&rig.check, &AdobeCredentialCheck::failed);
        QSignalSpy stored(&rig.check, &AdobeCredentialCheck::stored);
        rig.check.store(&rig.profiles, &rig.secrets, &profile, u"prod"_s);
        QCOMPARE(failed.count(), 1);
        QTest::qWait(50);
        QCOMPARE(stored.count(), 0);
        QVERIFY(!rig.profiles.exists(u"default"_s));
        QVERIFY(rig.secrets.keys().isEmpty());
    }

    void sandboxNotInTheOrgIsRefused()
    {
        test::SandboxFixture f;
        Rig rig(f);
        const net::Error error = runCheck(rig, rig.secret, rig.orgId, u"Staging"_s);
        QVERIFY(error);
        QVERIFY(AdobeCredentialCheck::isSandboxMissing(error));
        QCOMPARE(error.category, net::ErrorCategory::Input);
        QVERIFY(error.message.contains(u"\"staging\""_s));
        QVERIFY(error.message.contains(u"prod"_s)); // names the sandboxes there are
        store::Profile profile = rig.profiles.create(u"default"_s);
        QSignalSpy failed(&rig.check, &AdobeCredentialCheck::failed);
        rig.check.store(&rig.profiles, &rig.secrets, &profile, u"staging"_s);
        QCOMPARE(failed.count(), 1);
        QVERIFY(!rig.profiles.exists(u"default"_s));
        QVERIFY(rig.secrets.keys().isEmpty());
    }

    void otherOrgIsRefused()
    {
        test::SandboxFixture f;
        Rig rig(f);
        const net::Error error = runCheck(rig, rig.secret, u"0000000000000000000000AA@AdobeOrg"_s, u"prod"_s);
        QVERIFY(error);
        QVERIFY(!AdobeCredentialCheck::isSandboxMissing(error));
        QCOMPARE(error.category, net::ErrorCategory::Permission);
    }

    void keychainFailureIsReportedNotFatal()
    {
        test::SandboxFixture f;
        Rig rig(f);
        QVERIFY(!runCheck(rig, rig.secret, rig.orgId, u"prod"_s));
        rig.secrets.setAvailable(false);
        store::Profile profile = rig.profiles.create(u"default"_s);
        QSignalSpy stored(&rig.check, &AdobeCredentialCheck::stored);
        rig.check.store(&rig.profiles, &rig.secrets, &profile, u"prod"_s);
        QVERIFY(stored.wait(10000));
        const auto keychain = stored.first().at(1).value<store::SecretResult>();
        QCOMPARE(keychain.status, store::SecretStatus::NoKeychain);
        QVERIFY(!keychain.message.isEmpty());
        // The IDs are kept; the secret stays in memory for this run.
        QVERIFY(rig.profiles.exists(u"default"_s));
        QCOMPARE(rig.session.clientSecret, rig.secret);
    }

    void imsFacts()
    {
        Endpoints e = Endpoints::production();
        QCOMPARE(AdobeCredentialCheck::imsTokenUrl(e), u"https://ims-na1.adobelogin.com/ims/token/v3"_s);
        QVERIFY(!AdobeCredentialCheck::imsScopes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUsecaseAdobeCredential)
#include "tst_usecase_adobe_credential.moc"
