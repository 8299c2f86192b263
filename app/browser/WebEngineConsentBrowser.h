// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ConsentBrowser.h"

#include <QObject>
#include <QPointer>

class QWebEngineProfile;
class QWebEngineView;
class QVBoxLayout;

namespace zaw {

class ConsentWebPage;

// Zoho's consent page in a Qt WebEngine view with a private profile per attempt.
class WebEngineConsentBrowser : public ConsentBrowser
{
    Q_OBJECT

public:
    explicit WebEngineConsentBrowser(QWidget *parent = nullptr);
    ~WebEngineConsentBrowser() override;

    void setRedirectFilter(std::function<bool(const QUrl &)> isRedirect) override;
    void start(const QUrl &url) override;
    void stop() override;
    QUrl currentUrl() const override;
    void runJavaScript(const QString &script, std::function<void(const QVariant &)> done) override;

private:
    void discardView();

    std::function<bool(const QUrl &)> m_isRedirect;
    QVBoxLayout *m_layout;
    QWebEngineView *m_view = nullptr;
    ConsentWebPage *m_page = nullptr;
    QWebEngineProfile *m_profile = nullptr;
    bool m_redirectSeen = false;
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
