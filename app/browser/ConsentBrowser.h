// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded browser for Zoho's consent page, behind an interface: Qt WebEngine lives in a
// plugin loaded only when the sign-in page is first shown, so start-up neither maps nor
// initialises Chromium (linking it directly doubles the wizard's start time and memory).
#pragma once

#include <QStringList>
#include <QUrl>
#include <QVariant>
#include <QWidget>
#include <QtPlugin>

#include <functional>

#if defined(ZAW_BROWSERAPI_LIBRARY)
#define ZAW_BROWSERAPI_EXPORT Q_DECL_EXPORT
#else
#define ZAW_BROWSERAPI_EXPORT Q_DECL_IMPORT
#endif

namespace zaw {

// Which pages and pop-up targets the consent browser trusts (see ConsentPolicy.h).
struct ConsentPolicy
{
    // Demo mode (the endpoints point at loopback): plain http on 127.0.0.1 / ::1 / localhost is
    // allowed as well, for the sandbox. Never in production.
    bool allowLoopback = false;
    // Exact hosts trusted for signing in: the accounts hosts of the data-centre table.
    QStringList trustedHosts;
};

class ZAW_BROWSERAPI_EXPORT ConsentBrowser : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // Decides which navigations are the redirect back: those are reported and never loaded.
    virtual void setRedirectFilter(std::function<bool(const QUrl &)> isRedirect) = 0;
    // Decides where pop-ups may go and which page hosts show no warning; set before start().
    virtual void setPolicy(const ConsentPolicy &policy) = 0;
    // Loads url in a fresh private (off-the-record) profile; each call is a new attempt.
    virtual void start(const QUrl &url) = 0;
    virtual void stop() = 0;
    virtual QUrl currentUrl() const = 0;
    // For tests and automation: runs JavaScript in the current page.
    virtual void runJavaScript(const QString &script, std::function<void(const QVariant &)> done) = 0;

signals:
    void redirectCaught(const QUrl &url);
    void loadStarted();
    void loadProgress(int percent);
    // ok: the page loaded; otherwise errorText says why (network error, blocked address).
    void loadFinished(bool ok, const QString &errorText);
    // A pop-up or target=_blank link the user clicked, already checked with isAllowedExternalUrl():
    // the wizard opens it in the system browser. At most one per click or key press.
    void popupRequested(const QUrl &url);
    // A pop-up that was not let through (no click, not https, another one for the same click).
    void popupRefused(const QUrl &url);
    void navigationBlocked(const QUrl &url, const QString &reason);
};

class ConsentBrowserFactory
{
public:
    virtual ~ConsentBrowserFactory() = default;
    virtual ConsentBrowser *create(QWidget *parent) = 0;
};

// Finds and loads the browser plugin (next to the executable, in ../lib/zoho-aep-wizard, or in
// $ZAW_PLUGIN_DIR in test builds only: compiled with ZAW_TEST_HOOKS). Returns nullptr with a translated message when it
// is missing.
ZAW_BROWSERAPI_EXPORT ConsentBrowserFactory *loadConsentBrowserFactory(QString *error);
// Whether the plugin (and so WebEngine) has been loaded in this process.
ZAW_BROWSERAPI_EXPORT bool consentBrowserLoaded();

} // namespace zaw

#define ZAW_CONSENT_BROWSER_IID "org.zoho-aep-wizard.ConsentBrowserFactory/2"
Q_DECLARE_INTERFACE(zaw::ConsentBrowserFactory, ZAW_CONSENT_BROWSER_IID)
