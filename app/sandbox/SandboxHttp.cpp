// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxHttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUuid>

namespace zaw::sandbox {

QByteArray Request::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return h.second;
    }
    return {};
}

QList<QByteArray> Request::headerValues(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    QList<QByteArray> values;
    for (const auto &h : headers) {
        if (h.first == lower)
            values.append(h.second);
    }
    return values;
}

bool Request::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return true;
    }
    return false;
}

QString Request::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList Request::queryValues(const QString &key) const
{
    return query.allQueryItemValues(key, QUrl::FullyDecoded);
}

QJsonValue Request::json(bool *ok) const
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    const bool good = error.error == QJsonParseError::NoError && !doc.isNull();
    if (ok)
        *ok = good;
    if (!good)
        return {};
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QList<QPair<QString, QString>> Request::formFields() const
{
    QList<QPair<QString, QString>> fields;
    const QByteArray contentType = header("content-type");
    if (contentType.startsWith("application/x-www-form-urlencoded")) {
        QByteArray plusFixed = body;
        plusFixed.replace('+', ' ');
        const QUrlQuery q(QString::fromUtf8(plusFixed));
        for (const auto &item : q.queryItems(QUrl::FullyDecoded))
            fields.append(item);
    } else if (contentType.startsWith("multipart/form-data")) {
        const int b = contentType.indexOf("boundary=");
        if (b < 0)
            return fields;
        QByteArray boundary = contentType.mid(b + 9);
        const int semi = boundary.indexOf(';');
        if (semi >= 0)
            boundary.truncate(semi);
        boundary = boundary.trimmed();
        if (boundary.startsWith('"') && boundary.endsWith('"') && boundary.size() > 1)
            boundary = boundary.mid(1, boundary.size() - 2);
        const QByteArray delimiter = "--" + boundary;
        int pos = body.indexOf(delimiter);
        while (pos >= 0) {
            pos += delimiter.size();
            if (body.mid(pos, 2) == "--")
                break;
            const int next = body.indexOf(delimiter, pos);
            if (next < 0)
                break;
            QByteArray part = body.mid(pos, next - pos);
            if (part.startsWith("\r\n"))
                part.remove(0, 2);
            if (part.endsWith("\r\n"))
                part.chop(2);
            const int headerEnd = part.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const QByteArray partHeaders = part.left(headerEnd);
                const QByteArray value = part.mid(headerEnd + 4);
                const int n = partHeaders.indexOf("name=\"");
                if (n >= 0) {
                    const int end = partHeaders.indexOf('"', n + 6);
                    fields.append({QString::fromUtf8(partHeaders.mid(n + 6, end - n - 6)), QString::fromUtf8(value)});
                }
            }
            pos = next;
        }
    }
    return fields;
}

Response Response::json(const QJsonValue &value, int status)
{
    Response r;
    r.status = status;
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    r.body = doc.toJson(QJsonDocument::Compact);
    r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("application/json;charset=UTF-8")));
    return r;
}

Response Response::html(const QString &html, int status)
{
    Response r;
    r.status = status;
    r.body = html.toUtf8();
    r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("text/html;charset=UTF-8")));
    return r;
}

Response Response::text(const QByteArray &text, int status)
{
    Response r;
    r.status = status;
    r.body = text;
    r.headers.append(qMakePair(QByteArray("content-type"), QByteArray("text/plain;charset=UTF-8")));
    return r;
}

Response Response::empty(int status)
{
    Response r;
    r.status = status;
    return r;
}

Response Response::redirect(const QUrl &location, int status)
{
    Response r;
    r.status = status;
    r.headers.append(qMakePair(QByteArray("location"), location.toEncoded()));
    return r;
}

Response &Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append(qMakePair(name.toLower(), value));
    return *this;
}

QByteArray Response::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers) {
        if (h.first == lower)
            return h.second;
    }
    return {};
}

QJsonValue Response::jsonBody() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray())
        return doc.array();
    if (doc.isObject())
        return doc.object();
    return {};
}

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    Q_ASSERT_X(re.isValid(), "Router::add", qPrintable(pattern));
    m_routes.append({method.toUpper(), re, std::move(handler)});
}

std::optional<Response> Router::dispatch(Request &request) const
{
    bool pathKnown = false;
    for (const Route &route : m_routes) {
        const QRegularExpressionMatch match = route.pattern.match(request.path);
        if (!match.hasMatch())
            continue;
        pathKnown = true;
        if (route.method != request.method)
            continue;
        request.captures = match.capturedTexts();
        return route.handler(request);
    }
    if (pathKnown) {
        return Response::json(QJsonObject{{QStringLiteral("error"), QStringLiteral("method not allowed")}}, 405);
    }
    return std::nullopt;
}

QUrl SandboxContext::url(const QString &path) const
{
    QUrl u = baseUrl;
    u.setPath(path);
    return u;
}

QString SandboxContext::localPath(const QUrl &url) const
{
    if (url.scheme() != baseUrl.scheme() || url.host().compare(baseUrl.host(), Qt::CaseInsensitive) != 0 ||
        url.port() != baseUrl.port())
        return {};
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

QString SandboxContext::randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (int i = 0; i < bytes; ++i)
        raw[i] = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QString SandboxContext::uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toLower();
}

} // namespace zaw::sandbox
