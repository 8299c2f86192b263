// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebEngineConsentBrowser.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace zaw {

namespace {

// Only https pages, and plain http on loopback for the sandbox (DESIGN §5).
bool isAllowedPageUrl(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme == QLatin1String("http")) {
        QHostAddress address;
        return url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0 ||
               (address.setAddress(url.host()) && address.isLoopback());
    }
    return scheme == QLatin1String("about") || scheme == QLatin1String("data");
}

// Receives the first navigation of a pop-up and hands its URL to the system browser.
class PopupCatcher : public QWebEnginePage
{
public:
    PopupCatcher(QWebEngineProfile *profile, ConsentBrowser *browser)
        : QWebEnginePage(profile, browser)
        , m_browser(browser)
    {}

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool) override
    {
        if (!m_reported && !url.isEmpty()) {
            m_reported = true;
            emit m_browser->popupRequested(url);
            deleteLater();
        }
        return false;
    }

private:
    ConsentBrowser *m_browser;
    bool m_reported = false;
};

} // namespace

class ConsentWebPage : public QWebEnginePage
{
public:
    ConsentWebPage(QWebEngineProfile *profile, WebEngineConsentBrowser *browser,
                   std::function<bool(const QUrl &)> isRedirect, bool *redirectSeen)
        : QWebEnginePage(profile, browser)
        , m_browser(browser)
        , m_isRedirect(std::move(isRedirect))
        , m_redirectSeen(redirectSeen)
    {}

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType type, bool isMainFrame) override
    {
        // Link, form post or HTTP 302 (NavigationTypeRedirect) alike: the redirect URI is caught
        // here and never loaded, so the grant code reaches no server.
        if (m_isRedirect && m_isRedirect(url)) {
            *m_redirectSeen = true;
            emit m_browser->redirectCaught(url);
            return false;
        }
        if (!isAllowedPageUrl(url)) {
            emit m_browser->navigationBlocked(
                url, QCoreApplication::translate(
                         "zaw::WebEngineConsentBrowser",
                         "The sign-in page tried to go to an address that is not secure (%1); it was "
                         "blocked. Try again, or open the sign-in in your system "
                         "browser.")
                         .arg(url.toString()));
            return false;
        }
        return QWebEnginePage::acceptNavigationRequest(url, type, isMainFrame);
    }

    QWebEnginePage *createWindow(WebWindowType) override
    {
        // Pop-ups (help links, "forgot password") go to the system browser, not a new window.
        return new PopupCatcher(profile(), m_browser);
    }

private:
    WebEngineConsentBrowser *m_browser;
    std::function<bool(const QUrl &)> m_isRedirect;
    bool *m_redirectSeen;
};

WebEngineConsentBrowser::WebEngineConsentBrowser(QWidget *parent)
    : ConsentBrowser(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
}

WebEngineConsentBrowser::~WebEngineConsentBrowser()
{
    discardView();
}

void WebEngineConsentBrowser::setRedirectFilter(std::function<bool(const QUrl &)> isRedirect)
{
    m_isRedirect = std::move(isRedirect);
}

void WebEngineConsentBrowser::discardView()
{
    // The page must go before its profile (Qt warns about, and may crash on, the other order).
    if (m_view) {
        m_view->setPage(nullptr);
        delete m_view;
        m_view = nullptr;
    }
    delete m_page;
    m_page = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

void WebEngineConsentBrowser::start(const QUrl &url)
{
    discardView();
    m_redirectSeen = false;
    // No storage name: off the record, nothing of the session is written to disk, and every
    // attempt starts signed out.
    m_profile = new QWebEngineProfile(this);
    m_page = new ConsentWebPage(m_profile, this, m_isRedirect, &m_redirectSeen);
    m_page->settings()->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, true);
    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("consentWebView"));
    m_view->setPage(m_page);
    m_layout->addWidget(m_view);
    connect(m_page, &QWebEnginePage::loadStarted, this, &ConsentBrowser::loadStarted);
    connect(m_page, &QWebEnginePage::loadProgress, this, &ConsentBrowser::loadProgress);
    connect(m_page, &QWebEnginePage::loadingChanged, this, [this](const QWebEngineLoadingInfo &info) {
        if (info.status() == QWebEngineLoadingInfo::LoadSucceededStatus) {
            emit loadFinished(true, {});
        } else if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus && !m_redirectSeen) {
            emit loadFinished(false, info.errorString());
        }
    });
    m_page->load(url);
}

void WebEngineConsentBrowser::stop()
{
    if (m_page)
        m_page->triggerAction(QWebEnginePage::Stop);
}

QUrl WebEngineConsentBrowser::currentUrl() const
{
    return m_page ? m_page->url() : QUrl();
}

void WebEngineConsentBrowser::runJavaScript(const QString &script, std::function<void(const QVariant &)> done)
{
    if (!m_page) {
        done({});
        return;
    }
    m_page->runJavaScript(script, [done](const QVariant &v) { done(v); });
}

} // namespace zaw
