// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browser/ConsentBrowser.h"
#include "zoho/RedirectMatcher.h"

#include <QPointer>
#include <QUrl>
#include <QWizardPage>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace zaw {

class ErrorPanel;
class LoopbackListener;
class WizardContext;
namespace net {
struct Error;
}

// Zoho's consent page in the embedded browser, with the system browser (loopback listener) and
// pasting the final URL as fallbacks that stay visible. A commit page: once the code is
// exchanged, Back never reopens consent.
class ZohoSignInPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ZohoSignInPage(WizardContext *context, QWidget *parent = nullptr);
    ~ZohoSignInPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    ConsentBrowser *browser() const { return m_browser; }
    QUrl consentUrl() const { return m_consentUrl; }
    bool isBusy() const { return m_busy; }
    quint16 listenerPort() const;

    // Seam for tests: how "Open in system browser" opens a URL (default: QDesktopServices).
    static void setExternalOpener(std::function<bool(const QUrl &)> opener);

private:
    void startAttempt();
    ConsentPolicy consentPolicy() const;
    bool mayHandOutLink();
    void ensureBrowser();
    bool ensureListener();
    void openInSystemBrowser();
    void copyLink();
    void usePastedUrl();
    void handleRedirect(const zoho::RedirectResult &result);
    void onSignedIn();
    void onFailed(const net::Error &error);
    void setBusy(bool busy, const QString &text = {});

    WizardContext *m_context;
    QVBoxLayout *m_browserArea;
    QPointer<ConsentBrowser> m_browser;
    QLabel *m_status;
    QProgressBar *m_progress;
    ErrorPanel *m_error;
    QPushButton *m_openExternal;
    QPushButton *m_copyLink;
    QLineEdit *m_pasteEdit;
    QPushButton *m_pasteButton;
    std::unique_ptr<LoopbackListener> m_listener;
    QUrl m_consentUrl;
    QPointer<QObject> m_storing; // context of the keychain store in flight
    bool m_busy = false;
    bool m_done = false;
    bool m_listenerFailed = false; // the loopback port could not be bound in this attempt
};

} // namespace zaw
