// SPDX-License-Identifier: GPL-3.0-or-later
#include "LoopbackListener.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QTcpServer>
#include <QTcpSocket>

#include <vector>

namespace zaw {

namespace {

QByteArray page(const QString &title, const QString &text)
{
    const QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%1</title>"
                                        "<style>body{font-family:sans-serif;margin:3em;max-width:40em}</style>"
                                        "</head><body><h1>%1</h1><p>%2</p></body></html>")
                             .arg(title.toHtmlEscaped(), text.toHtmlEscaped());
    return html.toUtf8();
}

void answer(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "content-type: text/html;charset=utf-8\r\ncache-control: no-store\r\nconnection: close\r\n";
    out += "content-length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    socket->write(out);
    // The page must reach the browser even when the program ends right after (command line).
    socket->flush();
    socket->waitForBytesWritten(1000);
    socket->disconnectFromHost();
}

} // namespace

bool LoopbackListener::hasIpv6Loopback()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHostIPv6, 0);
}

LoopbackListener::LoopbackListener(const zoho::RedirectMatcher &matcher, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_matcher(matcher)
{
    qRegisterMetaType<zaw::zoho::RedirectResult>();
}

LoopbackListener::~LoopbackListener() = default;

bool LoopbackListener::listenFor(const QUrl &redirectUri, QString *error)
{
    if (!zoho::RedirectMatcher::isLoopbackRedirect(redirectUri)) {
        *error = QCoreApplication::translate("zaw::LoopbackListener",
                                             "The redirect URI %1 is not a loopback address "
                                             "(http://127.0.0.1:PORT/… or http://localhost:PORT/…), so the answer "
                                             "cannot come back to this computer. Paste the final URL instead.")
                     .arg(redirectUri.toString());
        return false;
    }
    m_redirectUri = redirectUri;
    const quint16 wanted = quint16(redirectUri.port());
    const auto inUse = [wanted] {
        return QCoreApplication::translate("zaw::LoopbackListener",
                                           "Port %1 on this computer is already in use, so the sign-in answer "
                                           "cannot be received. Close the program using it, or register another "
                                           "redirect URI in Zoho's API console.")
            .arg(wanted);
    };
    // "localhost" may resolve to either family in the browser: both loopback addresses must be
    // ours, or another program holding one of them would receive the code and state (a half
    // bind). 127.0.0.1 alone is enough when this computer has no ::1.
    std::vector<std::unique_ptr<QTcpServer>> bound;
    auto v4 = std::make_unique<QTcpServer>();
    if (!v4->listen(QHostAddress::LocalHost, wanted)) {
        *error = inUse();
        return false;
    }
    bound.push_back(std::move(v4));
    if (redirectUri.host() != QLatin1String("127.0.0.1") && hasIpv6Loopback()) {
        auto v6 = std::make_unique<QTcpServer>();
        if (!v6->listen(QHostAddress::LocalHostIPv6, wanted)) {
            *error = QCoreApplication::translate("zaw::LoopbackListener",
                                                 "Port %1 is already in use on this computer's IPv6 loopback address "
                                                 "(::1), so a browser that goes to \"localhost\" over IPv6 would hand "
                                                 "the sign-in answer to another program. Close the program using it, "
                                                 "or register a redirect URI with 127.0.0.1 or another port in "
                                                 "Zoho's API console.")
                         .arg(wanted);
            return false; // the IPv4 socket is closed on the way out
        }
        bound.push_back(std::move(v6));
    }
    for (auto &server : bound) {
        server->setParent(this);
        bind(server.release());
    }
    m_port = wanted;
    return true;
}

bool LoopbackListener::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Rebuild the URL as the browser addressed it: the redirect URI's scheme, host and port.
    QUrl url = m_redirectUri;
    url.setPath(request.url().path(QUrl::FullyEncoded), QUrl::StrictMode);
    url.setQuery(request.url().query(QUrl::FullyEncoded), QUrl::StrictMode);
    const zoho::RedirectResult result = m_matcher.match(url);
    using Kind = zoho::RedirectResult::Kind;
    if (result.kind == Kind::NotOurs || m_done) {
        answer(socket, 404, "Not Found",
               page(QCoreApplication::translate("zaw::LoopbackListener", "Not found"),
                    QCoreApplication::translate("zaw::LoopbackListener",
                                                "This address only receives the answer of Zoho's sign-in.")));
        return true;
    }
    if (result.kind == Kind::Granted) {
        answer(socket, 200, "OK",
               page(QCoreApplication::translate("zaw::LoopbackListener", "Sign-in received"),
                    QCoreApplication::translate("zaw::LoopbackListener",
                                                "Zoho's answer has reached the application. You can close this tab.")));
    } else {
        answer(socket, 400, "Bad Request",
               page(QCoreApplication::translate("zaw::LoopbackListener", "Sign-in not completed"),
                    result.problem.message + QLatin1Char(' ') +
                        QCoreApplication::translate("zaw::LoopbackListener", "You can close this tab.")));
    }
    m_done = true;
    emit redirectReceived(result);
    return true;
}

void LoopbackListener::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    answer(socket, 404, "Not Found", {});
}

} // namespace zaw
