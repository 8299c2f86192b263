// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

Q_LOGGING_CATEGORY(lcNet, "zaw.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcZoho, "zaw.zoho", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAdobe, "zaw.adobe", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "zaw.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSetup, "zaw.setup", QtWarningMsg)

namespace zaw::net {

bool isSecretName(QStringView name)
{
    static const char *const names[] = {"client_secret", "clientsecret",  "secret",          "access_token",
                                        "accesstoken",   "refresh_token", "refreshtoken",    "token",
                                        "code",          "code_verifier", "password",        "authorization",
                                        "id_token",      "assertion",     "x-api-key-secret"};
    for (const char *n : names) {
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString redactedUrl(const QUrl &url)
{
    QUrl copy = url;
    copy.setUserInfo({});
    if (url.hasQuery()) {
        QUrlQuery q(url);
        QUrlQuery out;
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            out.addQueryItem(item.first, isSecretName(item.first) ? QString::fromLatin1(kMask) : item.second);
        copy.setQuery(out);
    }
    copy.setFragment({});
    return copy.toString();
}

QByteArray redactedHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    if (lower == "authorization" || lower == "proxy-authorization") {
        const int space = value.indexOf(' ');
        return (space > 0 ? value.left(space + 1) : QByteArray()) + kMask;
    }
    if (lower == "cookie" || lower == "set-cookie")
        return kMask;
    return value;
}

QJsonValue redactedJson(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            // In JSON "code" is an error code (Zoho CRM's envelope), not a grant code.
            const bool secret =
                isSecretName(it.key()) && it.key().compare(QLatin1String("code"), Qt::CaseInsensitive) != 0;
            if (secret && !it.value().isObject() && !it.value().isArray())
                it.value() = QString::fromLatin1(kMask);
            else
                it.value() = redactedJson(it.value());
        }
        return o;
    }
    if (value.isArray()) {
        QJsonArray a = value.toArray();
        for (auto it = a.begin(); it != a.end(); ++it)
            *it = redactedJson(*it);
        return a;
    }
    return value;
}

QByteArray redactedBody(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return {};
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return QJsonDocument(redactedJson(doc.object()).toObject()).toJson(QJsonDocument::Compact);
    if (doc.isArray())
        return QJsonDocument(redactedJson(doc.array()).toArray()).toJson(QJsonDocument::Compact);
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QUrlQuery q(QString::fromUtf8(body));
        QUrlQuery out;
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            out.addQueryItem(item.first, isSecretName(item.first) ? QString::fromLatin1(kMask) : item.second);
        return out.query(QUrl::FullyEncoded).toUtf8();
    }
    return "<" + QByteArray::number(body.size()) + " bytes>";
}

} // namespace zaw::net
