// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentBrowser.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QLabel;
class QLineEdit;
class QWebEngineNewWindowRequest;
class QWebEngineProfile;
class QWebEngineView;
class QVBoxLayout;

namespace zaw {

class ConsentWebPage;

// Zoho's consent page in a Qt WebEngine view with a private profile per attempt, under a
// read-only address line (scheme and host) that warns when the host is not a sign-in host.
// Pop-ups never become pages: a clicked one (https only, one per click) is reported as
// popupRequested for the system browser, every other one is dropped.
class WebEngineConsentBrowser : public ConsentBrowser
{
    Q_OBJECT

public:
    explicit WebEngineConsentBrowser(QWidget *parent = nullptr);
    ~WebEngineConsentBrowser() override;

    void setRedirectFilter(std::function<bool(const QUrl &)> isRedirect) override;
    void setPolicy(const ConsentPolicy &policy) override;
    void start(const QUrl &url) override;
    void stop() override;
    QUrl currentUrl() const override;
    void runJavaScript(const QString &script, std::function<void(const QVariant &)> done) override;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void discardView();
    void onNewWindowRequested(QWebEngineNewWindowRequest &request);
    void showAddress(const QUrl &url);

    std::function<bool(const QUrl &)> m_isRedirect;
    ConsentPolicy m_policy;
    QVBoxLayout *m_layout;
    QLineEdit *m_address;
    QLabel *m_addressWarning;
    QWebEngineView *m_view = nullptr;
    ConsentWebPage *m_page = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    bool m_redirectSeen = false;
    // One pop-up per user action: a click or key press in the view arms it, a pop-up disarms it.
    bool m_popupArmed = false;
    QElapsedTimer m_lastUserAction;
};

class WebEngineConsentBrowserFactory : public QObject, public ConsentBrowserFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID ZAW_CONSENT_BROWSER_IID)
    Q_INTERFACES(zaw::ConsentBrowserFactory)

public:
    ConsentBrowser *create(QWidget *parent) override { return new WebEngineConsentBrowser(parent); }
};

} // namespace zaw
