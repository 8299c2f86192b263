// SPDX-License-Identifier: GPL-3.0-or-later
// Remote text (error messages from Zoho and Adobe, user, organisation and dataset names) shows
// literally: a name such as "<b>x</b><img src=…>" is not rendered as rich text by any label of
// the wizard that shows text from a server or a person.
#include "store/MemorySecretStore.h"
#include "wizard/ConnectionWizard.h"
#include "wizard/ErrorPanel.h"
#include "wizard/PageStatus.h"
#include "wizard/WizardContext.h"
#include "wizard/WizardServices.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace zaw;

namespace {

const QString kHostile = QStringLiteral("<b>x</b><img src=\"http://127.0.0.1:9/leak.png\"> Org & <i>Co</i>");

// Labels that show rich text built by the wizard itself, each remote part escaped.
const QStringList kRichByDesign = {QStringLiteral("retiredSourceNote"), QStringLiteral("consoleLink"),
                                   QStringLiteral("doneIds"),           QStringLiteral("aepLink"),
                                   QStringLiteral("syncReviewSummary"), QStringLiteral("syncObjects")};

} // namespace

class TestConsentPlainText : public QObject
{
    Q_OBJECT

private slots:
    void errorPanelShowsAServerMessageLiterally()
    {
        ErrorPanel panel;
        panel.showError(net::Error::make(net::ErrorCategory::Input, kHostile), true);
        auto *text = panel.findChild<QLabel *>(QStringLiteral("errorText"));
        QVERIFY(text);
        QVERIFY(Qt::mightBeRichText(kHostile)); // an AutoText label would render (and fetch) it
        QCOMPARE(text->textFormat(), Qt::PlainText);
        QCOMPARE(text->text(), kHostile);
        QCOMPARE(panel.message(), kHostile);
    }

    void everyLabelThatShowsRemoteTextIsPlain()
    {
        QTemporaryDir dir;
        WizardContext context;
        QString error;
        QVERIFY2(context.startDemo(dir.filePath(QStringLiteral("sandbox.json")), &error), qPrintable(error));
        context.services()->setProfileLocation(dir.filePath(QStringLiteral("config")), QStringLiteral("default"));
        store::MemorySecretStore secrets;
        context.services()->setSecretStore(&secrets);
        ConnectionWizard wizard(&context);
        wizard.start(ConnectionWizard::WelcomePageId); // all pages, not only the first
        QStringList offenders;
        int checked = 0;
        for (int id : wizard.pageIds()) {
            QWizardPage *page = wizard.page(id);
            for (QLabel *label : page->findChildren<QLabel *>()) {
                // Labels filled at run time: named ones, or those created empty (no pixmap).
                const bool filledLater =
                    !label->objectName().isEmpty() || (label->text().isEmpty() && label->pixmap().isNull());
                if (!filledLater)
                    continue;
                ++checked;
                if (kRichByDesign.contains(label->objectName())) {
                    QCOMPARE(label->textFormat(), Qt::RichText);
                    continue;
                }
                if (label->textFormat() != Qt::PlainText)
                    offenders << QStringLiteral("%1/%2").arg(page->objectName(), label->objectName());
            }
        }
        QVERIFY2(checked > 10, qPrintable(QString::number(checked)));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestConsentPlainText)
#include "tst_consent_plaintext.moc"
