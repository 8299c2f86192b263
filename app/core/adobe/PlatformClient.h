// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "adobe/AdobeSession.h"
#include "endpoints/Endpoints.h"
#include "net/Error.h"
#include "net/HttpClient.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace zaw::adobe {

class ImsClient;

// The Experience Platform API gateway (reference §1.3): every call carries the IMS token, the
// client ID as x-api-key, the organisation and the sandbox. Gets or renews the token first,
// and after a 401 mints one new token and tries once more. Error answers of every service are
// read into one net::Error that shows AEP's own message and code and says what to do.
class PlatformClient : public QObject
{
    Q_OBJECT

public:
    using Reply = std::function<void(const net::HttpResponse &response, const net::Error &error)>;

    // Sandbox management lists the sandboxes before one is chosen: it is the one service that
    // is called for the whole organisation.
    enum class Scope { Sandbox, Organisation };

    PlatformClient(net::HttpClient *http, ImsClient *ims, AdobeSession *session, const Endpoints &endpoints,
                   QObject *parent = nullptr);

    // servicePath is below the platform base (e.g. "/data/foundation/flowservice/connections"),
    // with IDs already percent-encoded (see segment()). body: an object or array for JSON, or
    // undefined for none. done runs once, and only while context lives; error is set for
    // transport failures and for every HTTP error status.
    void send(const QByteArray &method, const QString &servicePath, const QUrlQuery &query, const QJsonValue &body,
              const net::Headers &extraHeaders, QObject *context, Reply done, Scope scope = Scope::Sandbox);

    AdobeSession *session() const { return m_session; }
    ImsClient *ims() const { return m_ims; }
    QUrl url(const QString &servicePath, const QUrlQuery &query = {}) const;

    // One path segment, percent-encoded (schema $ids are URLs and travel encoded).
    static QString segment(const QString &value);
    // Whether a successful answer to this call is JSON (or empty): every Platform call the
    // product makes, except Data Access's file reads (`/export/…/failed?path=`: JSON lines).
    // A web page or cut-off JSON in place of such an answer is then an error, not "nothing".
    static bool answersJson(const QString &servicePath, const QUrlQuery &query);
    // Reads an error answer of the gateway or of any Platform service. advice replaces the
    // generic "what to do" sentence when the caller knows better.
    static net::Error errorFrom(const net::HttpResponse &response, const QByteArray &method, const QUrl &url,
                                const QString &advice = {});
    // The code of an error type URI ("…/errors/FLOW-1404-412" → "1404-412", "…/XDM-1012-404"
    // → "XDM-1012-404"); empty when the type carries none.
    static QString codeFromType(const QString &type);
    // "items" of a Flow Service answer (a list wrapper even for one object).
    static QList<QJsonObject> items(const net::HttpResponse &response);

signals:
    // The HTTP helper scheduled a retry (429, 503, lost connection): for "busy, retrying" texts.
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    struct Call
    {
        QByteArray method;
        QString servicePath;
        QUrlQuery query;
        QJsonValue body;
        net::Headers extraHeaders;
        QPointer<QObject> guard;
        Reply done;
        Scope scope = Scope::Sandbox;
    };
    // What to do next, for the codes and categories whose remedy is known.
    static QString adviceFor(const QString &code, net::ErrorCategory category, int status);
    void dispatch(const Call &call, bool renewed);
    void transmit(const Call &call, bool renewed);

    net::HttpClient *m_http;
    ImsClient *m_ims;
    AdobeSession *m_session;
    Endpoints m_endpoints;
};

} // namespace zaw::adobe
