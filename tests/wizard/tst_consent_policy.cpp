// SPDX-License-Identifier: GPL-3.0-or-later
// The consent browser's filters on their own (no WebEngine): what may reach the operating system
// from a pop-up, which sign-in hosts show no warning, and what the address line shows.
#include "browser/ConsentPolicy.h"

#include <QTest>

using namespace zaw;

class TestConsentPolicy : public QObject
{
    Q_OBJECT

private slots:
    void externalUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << "https://www.zoho.com/crm/help" << false << true;
        QTest::newRow("https any host") << "https://example.org/x" << false << true;
        QTest::newRow("HTTPS upper case") << "HTTPS://example.org/x" << false << true;
        QTest::newRow("plain http") << "http://example.org/" << false << false;
        QTest::newRow("plain http in demo, not loopback") << "http://10.0.0.7/spam" << true << false;
        QTest::newRow("loopback http outside demo") << "http://127.0.0.1:4000/help" << false << false;
        QTest::newRow("loopback http in demo") << "http://127.0.0.1:4000/help" << true << true;
        QTest::newRow("localhost in demo") << "http://localhost:4000/help" << true << true;
        QTest::newRow("::1 in demo") << "http://[::1]:4000/help" << true << true;
        QTest::newRow("made-up scheme") << "zawtest://run?x=1" << false << false;
        QTest::newRow("made-up scheme in demo") << "ms-settings:privacy" << true << false;
        QTest::newRow("file") << "file:///etc/passwd" << true << false;
        QTest::newRow("javascript") << "javascript:alert(1)" << true << false;
        QTest::newRow("data") << "data:text/html,<b>x</b>" << true << false;
        QTest::newRow("mailto") << "mailto:a@example.com" << false << false;
        QTest::newRow("user info") << "https://user:pw@example.org/" << false << false;
        QTest::newRow("no host") << "https:///path" << false << false;
        QTest::newRow("empty") << "" << true << false;
    }
    void externalUrls()
    {
        QFETCH(QString, url);
        QFETCH(bool, demo);
        QFETCH(bool, allowed);
        ConsentPolicy policy;
        policy.allowLoopback = demo;
        QCOMPARE(isAllowedExternalUrl(QUrl(url), policy), allowed);
    }

    void signInHosts_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("demo");
        QTest::addColumn<bool>("trusted");
        QTest::newRow("table host") << "https://accounts.zoho.eu/oauth/v2/auth" << false << true;
        QTest::newRow("table host, other case") << "https://Accounts.Zoho.EU/signin" << false << true;
        QTest::newRow("zoho domain") << "https://accounts.zohocloud.ca/x" << false << true;
        QTest::newRow("google") << "https://accounts.google.com/o/oauth2" << false << true;
        QTest::newRow("microsoft") << "https://login.microsoftonline.com/common" << false << true;
        QTest::newRow("apple") << "https://appleid.apple.com/auth" << false << true;
        QTest::newRow("linkedin") << "https://www.linkedin.com/oauth" << false << true;
        QTest::newRow("facebook") << "https://www.facebook.com/dialog" << false << true;
        QTest::newRow("x") << "https://x.com/i/oauth2" << false << true;
        QTest::newRow("twitter") << "https://api.twitter.com/oauth" << false << true;
        QTest::newRow("yahoo") << "https://login.yahoo.com/" << false << true;
        QTest::newRow("look-alike suffix") << "https://accounts.zoho.eu.evil.example/" << false << false;
        QTest::newRow("look-alike prefix") << "https://evilzoho.com/" << false << false;
        QTest::newRow("other host") << "https://example.org/" << false << false;
        QTest::newRow("zoho over http") << "http://accounts.zoho.com/" << false << false;
        QTest::newRow("sandbox outside demo") << "http://127.0.0.1:5000/zoho/us/accounts" << false << false;
        QTest::newRow("sandbox in demo") << "http://127.0.0.1:5000/zoho/us/accounts" << true << true;
        QTest::newRow("other http in demo") << "http://192.168.1.4/" << true << false;
    }
    void signInHosts()
    {
        QFETCH(QString, url);
        QFETCH(bool, demo);
        QFETCH(bool, trusted);
        ConsentPolicy policy;
        policy.allowLoopback = demo;
        policy.trustedHosts = {QStringLiteral("accounts.zoho.eu"), QStringLiteral("accounts.zoho.com")};
        QCOMPARE(isTrustedSignInUrl(QUrl(url), policy), trusted);
    }

    void addressLine()
    {
        QCOMPARE(addressLineText(QUrl("https://accounts.zoho.eu/oauth/v2/auth?state=s&client_id=c#f")),
                 QStringLiteral("https://accounts.zoho.eu"));
        QCOMPARE(addressLineText(QUrl("http://127.0.0.1:4567/zoho/us/accounts/oauth/v2/auth")),
                 QStringLiteral("http://127.0.0.1:4567"));
        QCOMPARE(addressLineText(QUrl("https://u:p@example.org/x")), QStringLiteral("https://example.org"));
        QCOMPARE(addressLineText(QUrl("about:blank")), QStringLiteral("about:"));
        QCOMPARE(addressLineText(QUrl()), QString());
    }
};

QTEST_GUILESS_MAIN(TestConsentPolicy)
#include "tst_consent_policy.moc"
