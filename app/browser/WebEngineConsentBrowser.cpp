// SPDX-License-Identifier: GPL-3.0-or-later
#include "WebEngineConsentBrowser.h"

#include "ConsentPolicy.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStyle>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineNewWindowRequest>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineView>

namespace zaw {

namespace {

// A pop-up counts as the answer to a click or key press this recent (Chromium's own transient
// user activation lasts about as long).
constexpr int kUserActionWindowMs = 5000;

// Only https pages, and plain http on loopback for the sandbox in demo mode (DESIGN §5).
bool isAllowedPageUrl(const QUrl &url, const ConsentPolicy &policy)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme == QLatin1String("http"))
        return policy.allowLoopback && isLoopbackHostName(url.host());
    return scheme == QLatin1String("about") || scheme == QLatin1String("data");
}

} // namespace

class ConsentWebPage : public QWebEnginePage
{
public:
    ConsentWebPage(QWebEngineProfile *profile, WebEngineConsentBrowser *browser,
                   std::function<bool(const QUrl &)> isRedirect, const ConsentPolicy &policy, bool *redirectSeen)
        : QWebEnginePage(profile, browser)
        , m_browser(browser)
        , m_isRedirect(std::move(isRedirect))
        , m_policy(policy)
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
        if (!isAllowedPageUrl(url, m_policy)) {
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
        // Never a second page: pop-ups are decided in newWindowRequested and at most handed to
        // the system browser (a page here would also have to die before the profile).
        return nullptr;
    }

private:
    WebEngineConsentBrowser *m_browser;
    std::function<bool(const QUrl &)> m_isRedirect;
    ConsentPolicy m_policy;
    bool *m_redirectSeen;
};

WebEngineConsentBrowser::WebEngineConsentBrowser(QWidget *parent)
    : ConsentBrowser(parent)
    , m_layout(new QVBoxLayout(this))
    , m_address(new QLineEdit(this))
    , m_addressWarning(new QLabel(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_address->setObjectName(QStringLiteral("consentAddress"));
    m_address->setReadOnly(true);
    m_address->setAccessibleName(tr("Address of the sign-in page"));
    m_addressWarning->setObjectName(QStringLiteral("consentAddressWarning"));
    m_addressWarning->setTextFormat(Qt::PlainText);
    m_addressWarning->setWordWrap(true);
    m_addressWarning->hide();
    auto *row = new QHBoxLayout;
    row->addWidget(m_address, 1);
    m_layout->addLayout(row);
    m_layout->addWidget(m_addressWarning);
    qApp->installEventFilter(this);
}

WebEngineConsentBrowser::~WebEngineConsentBrowser()
{
    qApp->removeEventFilter(this);
    discardView();
}

void WebEngineConsentBrowser::setRedirectFilter(std::function<bool(const QUrl &)> isRedirect)
{
    m_isRedirect = std::move(isRedirect);
}

void WebEngineConsentBrowser::setPolicy(const ConsentPolicy &policy)
{
    m_policy = policy;
}

void WebEngineConsentBrowser::discardView()
{
    // Every page goes before its profile (Qt warns "Release of profile requested but
    // WebEnginePage still not deleted. Expect troubles !" and may crash on the other order).
    if (m_view) {
        m_view->setPage(nullptr);
        delete m_view;
        m_view = nullptr;
    }
    delete m_page;
    m_page = nullptr;
    const QList<QWebEnginePage *> strays = findChildren<QWebEnginePage *>();
    qDeleteAll(strays);
    delete m_profile;
    m_profile = nullptr;
}

bool WebEngineConsentBrowser::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
        if (auto *widget = qobject_cast<QWidget *>(watched);
            widget && m_view && event->spontaneous() && (widget == m_view || m_view->isAncestorOf(widget))) {
            m_popupArmed = true;
            m_lastUserAction.start();
        }
        break;
    default:
        break;
    }
    return ConsentBrowser::eventFilter(watched, event);
}

void WebEngineConsentBrowser::onNewWindowRequested(QWebEngineNewWindowRequest &request)
{
    const QUrl url = request.requestedUrl();
    // Only for a click or key press in the view (Chromium's gesture and our own record of one
    // alike), once per action, and only to a URL the filter lets through.
    const bool userAction = request.isUserInitiated() && m_popupArmed && m_lastUserAction.isValid() &&
                            m_lastUserAction.elapsed() < kUserActionWindowMs;
    if (userAction && isAllowedExternalUrl(url, m_policy)) {
        m_popupArmed = false;
        emit popupRequested(url);
    } else {
        emit popupRefused(url);
    }
    // Not opened in any page: the request is dropped.
}

void WebEngineConsentBrowser::showAddress(const QUrl &url)
{
    const QString text = addressLineText(url);
    m_address->setText(text);
    const bool blank = url.isEmpty() || url.scheme() == QLatin1String("about");
    const bool warn = !blank && !isTrustedSignInUrl(url, m_policy);
    if (warn) {
        const QString warning =
            tr("Warning: %1 is not a Zoho sign-in address or a known sign-in provider. Do not enter your password "
               "here; try again or open the sign-in in your system browser.")
                .arg(text);
        m_addressWarning->setText(QStringLiteral("⚠ ") + warning);
        m_addressWarning->setAccessibleDescription(warning);
        m_address->setAccessibleDescription(warning);
    } else {
        m_addressWarning->clear();
        m_addressWarning->setAccessibleDescription({});
        m_address->setAccessibleDescription(tr("The sign-in page is on %1.").arg(text));
    }
    m_addressWarning->setVisible(warn);
}

void WebEngineConsentBrowser::start(const QUrl &url)
{
    discardView();
    m_redirectSeen = false;
    m_popupArmed = false;
    // No storage name: off the record, nothing of the session is written to disk, and every
    // attempt starts signed out.
    m_profile = new QWebEngineProfile(this);
    m_page = new ConsentWebPage(m_profile, this, m_isRedirect, m_policy, &m_redirectSeen);
    QWebEngineSettings *settings = m_page->settings();
    // No window without a click, and no hand-over of made-up schemes to the operating system's
    // protocol handlers.
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setUnknownUrlSchemePolicy(QWebEngineSettings::DisallowUnknownUrlSchemes);
    m_view = new QWebEngineView(this);
    m_view->setObjectName(QStringLiteral("consentWebView"));
    m_view->setPage(m_page);
    m_layout->addWidget(m_view, 1);
    connect(m_page, &QWebEnginePage::newWindowRequested, this, &WebEngineConsentBrowser::onNewWindowRequested);
    connect(m_page, &QWebEnginePage::urlChanged, this, &WebEngineConsentBrowser::showAddress);
    connect(m_page, &QWebEnginePage::loadStarted, this, &ConsentBrowser::loadStarted);
    connect(m_page, &QWebEnginePage::loadProgress, this, &ConsentBrowser::loadProgress);
    connect(m_page, &QWebEnginePage::loadingChanged, this, [this](const QWebEngineLoadingInfo &info) {
        if (info.status() == QWebEngineLoadingInfo::LoadSucceededStatus) {
            emit loadFinished(true, {});
        } else if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus && !m_redirectSeen) {
            emit loadFinished(false, info.errorString());
        }
    });
    showAddress(url);
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
