// SPDX-License-Identifier: GPL-3.0-or-later
#include "ZohoSignInPage.h"
#include "PlainLabel.h"

#include "ConnectionWizard.h"

#include "ErrorPanel.h"
#include "WizardContext.h"
#include "WizardServices.h"
#include "browser/ConsentBrowser.h"
#include "browser/ConsentPolicy.h"
#include "endpoints/Endpoints.h"
#include "loopback/LoopbackListener.h"
#include "store/ProfileStore.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

namespace zaw {

namespace {

std::function<bool(const QUrl &)> &externalOpener()
{
    static std::function<bool(const QUrl &)> opener = [](const QUrl &url) { return QDesktopServices::openUrl(url); };
    return opener;
}
} // namespace

void ZohoSignInPage::setExternalOpener(std::function<bool(const QUrl &)> opener)
{
    externalOpener() = std::move(opener);
}

ZohoSignInPage::ZohoSignInPage(WizardContext *context, QWidget *parent)
    : QWizardPage(parent)
    , m_context(context)
    , m_browserArea(new QVBoxLayout)
    , m_status(plainLabel(this))
    , m_progress(new QProgressBar(this))
    , m_error(new ErrorPanel(this))
    , m_openExternal(new QPushButton(tr("Open in system browser"), this))
    , m_copyLink(new QPushButton(tr("Copy link"), this))
    , m_pasteEdit(new QLineEdit(this))
    , m_pasteButton(new QPushButton(tr("Continue"), this))
{
    setObjectName(QStringLiteral("zohoSignInPage"));
    setTitle(tr("Sign in to Zoho"));
    setSubTitle(tr("Sign in with the Zoho account whose CRM data you want in Adobe Experience Platform, and accept "
                   "the access the wizard asks for."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next >"));

    m_status->setObjectName(QStringLiteral("signInStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_progress->setObjectName(QStringLiteral("loadProgress"));
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_openExternal->setObjectName(QStringLiteral("openExternalButton"));
    m_copyLink->setObjectName(QStringLiteral("copyLinkButton"));
    m_pasteEdit->setObjectName(QStringLiteral("pasteUrlEdit"));
    m_pasteEdit->setPlaceholderText(tr("…or paste the address Zoho sent your browser to"));
    m_pasteButton->setObjectName(QStringLiteral("pasteUrlButton"));

    auto *fallback = new QHBoxLayout;
    fallback->addWidget(m_openExternal);
    fallback->addWidget(m_copyLink);
    fallback->addWidget(m_pasteEdit, 1);
    fallback->addWidget(m_pasteButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addLayout(m_browserArea, 1);
    layout->addLayout(fallback);

    connect(m_error, &ErrorPanel::retryRequested, this, &ZohoSignInPage::startAttempt);
    connect(m_openExternal, &QPushButton::clicked, this, &ZohoSignInPage::openInSystemBrowser);
    connect(m_copyLink, &QPushButton::clicked, this, &ZohoSignInPage::copyLink);
    connect(m_pasteButton, &QPushButton::clicked, this, &ZohoSignInPage::usePastedUrl);
    connect(m_pasteEdit, &QLineEdit::returnPressed, this, &ZohoSignInPage::usePastedUrl);

    zoho::ZohoSignInFlow *flow = context->services()->zohoFlow();
    connect(flow, &zoho::ZohoSignInFlow::progress, this, [this](const QString &text) { setBusy(true, text); });
    connect(flow, &zoho::ZohoSignInFlow::succeeded, this, &ZohoSignInPage::onSignedIn);
    connect(flow, &zoho::ZohoSignInFlow::failed, this, &ZohoSignInPage::onFailed);
}

ZohoSignInPage::~ZohoSignInPage() = default;

quint16 ZohoSignInPage::listenerPort() const
{
    return m_listener ? m_listener->port() : 0;
}

void ZohoSignInPage::initializePage()
{
    startAttempt();
}

void ZohoSignInPage::cleanupPage()
{
    m_context->services()->zohoFlow()->cancel();
    if (m_browser)
        m_browser->stop();
    LoopbackListener::dispose(m_listener);
    // The keychain's answer to a store still in flight is no longer this page's.
    delete m_storing;
    setBusy(false);
}

void ZohoSignInPage::ensureBrowser()
{
    if (m_browser)
        return;
    // WebEngine is loaded here, the first time the page is shown, never at start-up.
    QString error;
    ConsentBrowserFactory *factory = loadConsentBrowserFactory(&error);
    if (!factory) {
        m_error->showError(net::Error::make(net::ErrorCategory::Bug, error), false);
        return;
    }
    m_browser = factory->create(this);
    m_browser->setObjectName(QStringLiteral("consentBrowser"));
    m_browserArea->addWidget(m_browser);
    zoho::ZohoSignInFlow *flow = m_context->services()->zohoFlow();
    m_browser->setRedirectFilter([flow](const QUrl &url) { return flow->isRedirect(url); });
    m_browser->setPolicy(consentPolicy());
    connect(m_browser, &ConsentBrowser::redirectCaught, this,
            [this](const QUrl &url) { handleRedirect(m_context->services()->zohoFlow()->match(url)); });
    connect(m_browser, &ConsentBrowser::loadStarted, this, [this] {
        m_progress->setValue(0);
        m_progress->show();
    });
    connect(m_browser, &ConsentBrowser::loadProgress, m_progress, &QProgressBar::setValue);
    connect(m_browser, &ConsentBrowser::loadFinished, this, [this](bool ok, const QString &text) {
        m_progress->hide();
        if (!ok && !m_busy && !m_done) {
            m_error->showError(net::Error::make(net::ErrorCategory::Network,
                                                tr("Zoho's sign-in page could not be loaded (%1). Check your internet "
                                                   "connection or proxy, then try again.")
                                                    .arg(text)));
        }
    });
    connect(m_browser, &ConsentBrowser::popupRequested, this, [this](const QUrl &url) {
        // The browser filtered it already; the same filter again right before the operating system.
        if (isAllowedExternalUrl(url, consentPolicy()))
            externalOpener()(url);
    });
    connect(m_browser, &ConsentBrowser::navigationBlocked, this, [this](const QUrl &, const QString &reason) {
        m_error->showError(net::Error::make(net::ErrorCategory::Input, reason));
    });
}

ConsentPolicy ZohoSignInPage::consentPolicy() const
{
    // Demo mode is when the endpoints point at loopback (the sandbox): only then may pages and
    // pop-ups use plain http on 127.0.0.1 / localhost.
    ConsentPolicy policy;
    for (const DataCenter &dc : m_context->services()->endpoints().dataCenters()) {
        const QString host = dc.accounts.host();
        if (Endpoints::isLoopbackHost(host))
            policy.allowLoopback = true;
        else if (!host.isEmpty() && !policy.trustedHosts.contains(host))
            policy.trustedHosts << host;
    }
    return policy;
}

void ZohoSignInPage::startAttempt()
{
    m_error->clear();
    m_listenerFailed = false;
    m_openExternal->setEnabled(true);
    m_copyLink->setEnabled(true);
    m_done = false;
    LoopbackListener::dispose(m_listener);
    setBusy(false);
    net::Error error;
    // A new attempt: fresh state and PKCE verifier.
    m_consentUrl = m_context->services()->zohoFlow()->begin(m_context->services()->zohoSettings(), &error);
    if (m_consentUrl.isEmpty()) {
        m_error->showError(error, false);
        return;
    }
    m_status->setText(tr("Sign in below. If the page does not work here, open it in your system browser."));
    ensureBrowser();
    if (m_browser) {
        m_browser->setPolicy(consentPolicy());
        m_browser->start(m_consentUrl);
    }
    emit completeChanged();
}

bool ZohoSignInPage::ensureListener()
{
    if (m_listener)
        return true;
    const QUrl redirect(m_context->services()->zohoSettings().redirectUri);
    if (!zoho::RedirectMatcher::isLoopbackRedirect(redirect))
        return false; // pasting the final URL remains
    auto listener = std::make_unique<LoopbackListener>(*m_context->services()->zohoFlow()->matcher());
    QString error;
    if (!listener->listenFor(redirect, &error)) {
        // Without a bound listener Zoho's answer would go to whatever holds the port: the link is
        // neither opened nor copied, and both ways stay off until a new attempt.
        m_listenerFailed = true;
        m_openExternal->setEnabled(false);
        m_copyLink->setEnabled(false);
        m_error->showError(
            net::Error::make(net::ErrorCategory::Input,
                             tr("The wizard cannot receive Zoho's answer for the system browser: %1\nSign in in the "
                                "page above instead, or close the program that uses port %2 (or register another "
                                "redirect URI for your Zoho app) and click Try again.")
                                 .arg(error)
                                 .arg(redirect.port())),
            true);
        return false;
    }
    connect(listener.get(), &LoopbackListener::redirectReceived, this, &ZohoSignInPage::handleRedirect);
    m_listener = std::move(listener);
    return true;
}

bool ZohoSignInPage::mayHandOutLink()
{
    // A loopback redirect URI needs the listener bound before the link leaves the wizard.
    const QUrl redirect(m_context->services()->zohoSettings().redirectUri);
    if (m_consentUrl.isEmpty() || m_listenerFailed)
        return false;
    return !zoho::RedirectMatcher::isLoopbackRedirect(redirect) || ensureListener();
}

void ZohoSignInPage::openInSystemBrowser()
{
    if (!mayHandOutLink())
        return;
    const bool listening = m_listener != nullptr;
    // The same filter as for pop-ups: only https (or the loopback sandbox in demo) reaches the OS.
    if (!isAllowedExternalUrl(m_consentUrl, consentPolicy()) || !externalOpener()(m_consentUrl)) {
        m_error->showError(net::Error::make(net::ErrorCategory::Input,
                                            tr("No browser could be opened. Use \"Copy link\" and open the link "
                                               "yourself.")),
                           false);
        return;
    }
    m_status->setText(listening ? tr("Continue in your browser; this page goes on by itself when Zoho answers.")
                                : tr("Continue in your browser, then paste the address Zoho sends you to below."));
}

void ZohoSignInPage::copyLink()
{
    if (!mayHandOutLink())
        return;
    const bool listening = m_listener != nullptr;
    QApplication::clipboard()->setText(m_consentUrl.toString(QUrl::FullyEncoded));
    m_status->setText(listening ? tr("Link copied. Open it in any browser on this computer; this page goes on by "
                                     "itself when Zoho answers.")
                                : tr("Link copied. Open it in a browser, then paste the address Zoho sends you to "
                                     "below."));
}

void ZohoSignInPage::usePastedUrl()
{
    const QString text = m_pasteEdit->text().trimmed();
    if (text.isEmpty())
        return;
    const zoho::RedirectResult result = m_context->services()->zohoFlow()->match(QUrl(text));
    handleRedirect(result);
}

void ZohoSignInPage::handleRedirect(const zoho::RedirectResult &result)
{
    if (m_busy || m_done)
        return;
    m_error->clear();
    if (m_browser)
        m_browser->stop();
    m_context->services()->zohoFlow()->complete(result);
}

void ZohoSignInPage::onSignedIn()
{
    if (m_context->controller()->mode() == WizardContext::Mode::Reconnect) {
        // Reconnect keeps the connection as it is until the account is checked (next page).
        m_done = true;
        LoopbackListener::dispose(m_listener);
        emit completeChanged();
        wizard()->next();
        return;
    }
    setBusy(true, tr("Saving the connection…"));
    zoho::ZohoSignInFlow *flow = m_context->services()->zohoFlow();
    delete m_storing;
    m_storing = new QObject(this);
    flow->store(m_context->services()->profiles(), m_context->services()->secrets(), m_context->services()->profile(),
                m_storing, [this](const QString &profileError, const store::SecretResult &keychain) {
                    m_context->services()->setZohoKeychainResult(keychain);
                    setBusy(false);
                    if (!profileError.isEmpty()) {
                        m_error->showError(net::Error::make(net::ErrorCategory::Input, profileError), false);
                        return;
                    }
                    m_done = true;
                    LoopbackListener::dispose(m_listener);
                    emit completeChanged();
                    wizard()->next();
                });
}

void ZohoSignInPage::onFailed(const net::Error &error)
{
    setBusy(false);
    m_error->showError(error, error.category != net::ErrorCategory::Bug);
}

void ZohoSignInPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    if (!text.isEmpty())
        m_status->setText(text);
    for (QWidget *w : std::initializer_list<QWidget *>{m_pasteEdit, m_pasteButton})
        w->setEnabled(!busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_openExternal, m_copyLink})
        w->setEnabled(!busy && !m_listenerFailed);
    emit completeChanged();
}

bool ZohoSignInPage::isComplete() const
{
    return m_done && !m_busy;
}

bool ZohoSignInPage::validatePage()
{
    return m_done;
}

} // namespace zaw
