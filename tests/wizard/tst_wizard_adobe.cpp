// SPDX-License-Identifier: GPL-3.0-or-later
// The Adobe credential page against the in-process sandbox: checking the credential lists the
// org's sandboxes; wrong secrets and org IDs are explained; the secret lands in the keychain and
// the profile keeps only IDs.
#include "TestHttp.h"
#include "store/MemorySecretStore.h"
#include "store/ProfileStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/ErrorPanel.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardServices.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace zaw;

namespace {

struct AdobePage
{
    AdobePage()
    {
        QString error;
        if (!context.startDemo(dir.filePath("sandbox.json"), &error))
            qFatal("demo: %s", qPrintable(error));
        context.services()->setProfileLocation(dir.filePath("config"), "default");
        context.services()->setSecretStore(&secrets);
        wizard = std::make_unique<ConnectionWizard>(&context);
        wizard->start(ConnectionWizard::AdobeCredentialsPageId);
        wizard->show();
        page = wizard->currentPage();
    }
    template <typename T> T *find(const char *name) { return page->findChild<T *>(QString::fromLatin1(name)); }
    void check() { QTest::mouseClick(find<QPushButton>("checkAdobeButton"), Qt::LeftButton); }

    QTemporaryDir dir;
    WizardContext context;
    store::MemorySecretStore secrets;
    std::unique_ptr<ConnectionWizard> wizard;
    QWizardPage *page = nullptr;
};

} // namespace

class TestWizardAdobe : public QObject
{
    Q_OBJECT

private slots:
    void checkListsSandboxesAndStores()
    {
        AdobePage p;
        QVERIFY(!p.wizard->button(QWizard::FinishButton)->isEnabled() &&
                !p.wizard->button(QWizard::NextButton)->isEnabled());
        p.check();
        auto *combo = p.find<QComboBox>("sandboxCombo");
        QTRY_COMPARE(combo->count(), 2);
        QStringList names{combo->itemData(0).toString(), combo->itemData(1).toString()};
        names.sort();
        QCOMPARE(names, (QStringList{"dev", "prod"}));
        combo->setCurrentIndex(combo->findData("dev"));
        QAbstractButton *advance = p.wizard->button(QWizard::FinishButton)->isVisible()
                                       ? p.wizard->button(QWizard::FinishButton)
                                       : p.wizard->button(QWizard::NextButton);
        QTRY_VERIFY(advance->isEnabled());
        p.wizard->next();
        const QString profileId = p.context.services()->profile()->id;
        QTRY_VERIFY(p.secrets.keys().contains(store::SecretStore::key(profileId, "adobe.clientSecret")));
        QFile file(p.dir.filePath("config/profiles/default.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray json = file.readAll();
        QVERIFY(json.contains("\"dev\""));
        QVERIFY(json.contains(p.context.services()->adobeSession()->orgId.toUtf8()));
        QVERIFY(!json.contains(p.context.services()->adobeSession()->clientSecret.toUtf8()));
    }

    void wrongSecretIsExplained()
    {
        AdobePage p;
        auto *secret = p.find<QLineEdit>("adobeClientSecretEdit");
        secret->clear();
        QTest::keyClicks(secret, "p8e-not-the-secret");
        p.check();
        auto *panel = p.page->findChild<ErrorPanel *>();
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 10000);
        QVERIFY2(panel->message().contains("secret"), qPrintable(panel->message()));
        QVERIFY(!p.find<QComboBox>("sandboxCombo")->isEnabled());
    }

    void badOrgIdIsCaughtBeforeAnyRequest()
    {
        AdobePage p;
        auto *org = p.find<QLineEdit>("adobeOrgEdit");
        org->clear();
        QTest::keyClicks(org, "ACME");
        p.check();
        auto *panel = p.page->findChild<ErrorPanel *>();
        QVERIFY(panel->isVisible());
        QVERIFY(panel->message().contains("@AdobeOrg"));
    }

    void editingTheCredentialRequiresANewCheck()
    {
        AdobePage p;
        p.check();
        auto *combo = p.find<QComboBox>("sandboxCombo");
        QTRY_COMPARE(combo->count(), 2);
        QTest::keyClicks(p.find<QLineEdit>("adobeClientIdEdit"), "x");
        QCOMPARE(combo->count(), 0);
        QVERIFY(!p.page->isComplete());
    }
};

QTEST_MAIN(TestWizardAdobe)
#include "tst_wizard_adobe.moc"
