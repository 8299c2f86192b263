// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "zoho/RedirectMatcher.h"

#include <QAbstractHttpServer>

#include <memory>

namespace zaw {

// Receives Zoho's redirect when the user signs in with the system browser and the registered
// redirect URI is http://127.0.0.1:PORT/PATH or http://localhost:PORT/PATH (DESIGN §7). Binds the
// port before the consent URL is shown, answers the browser with a short page, and reports the
// first answer aimed at the redirect URI. Requests to other paths get 404 and the wait goes on.
class LoopbackListener : public QAbstractHttpServer
{
    Q_OBJECT

public:
    explicit LoopbackListener(const zoho::RedirectMatcher &matcher, QObject *parent = nullptr);
    ~LoopbackListener() override;

    // Binds to the redirect URI's port on loopback: 127.0.0.1, and for a "localhost" URI also ::1
    // (when this computer has one). false (with a translated message), and nothing bound, when
    // the port is taken on either address or the URI is not a loopback one.
    bool listenFor(const QUrl &redirectUri, QString *error);
    quint16 port() const { return m_port; }
    bool isListening() const { return m_port != 0; }
    // Whether this computer has an IPv6 loopback address (::1) to bind.
    static bool hasIpv6Loopback();
    // Deletes a listener later: it may be inside its own request handler (the signal's receiver
    // often drops it right away).
    static void dispose(std::unique_ptr<LoopbackListener> &listener)
    {
        if (listener)
            listener.release()->deleteLater();
    }

signals:
    void redirectReceived(const zaw::zoho::RedirectResult &result);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    zoho::RedirectMatcher m_matcher;
    QUrl m_redirectUri;
    quint16 m_port = 0;
    bool m_done = false;
};

} // namespace zaw

Q_DECLARE_METATYPE(zaw::zoho::RedirectResult)
