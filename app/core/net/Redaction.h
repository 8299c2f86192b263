// SPDX-License-Identifier: GPL-3.0-or-later
// Masks secrets before anything is logged, shown or copied: tokens, client secrets, grant codes
// and PKCE verifiers, wherever they appear (query strings, form bodies, JSON, headers).
#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QString>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcZoho)
Q_DECLARE_LOGGING_CATEGORY(lcAdobe)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSetup)

namespace zaw::net {

inline constexpr char kMask[] = "***";

// True for parameter or JSON key names that carry secrets (case-insensitive).
bool isSecretName(QStringView name);
QString redactedUrl(const QUrl &url);
QByteArray redactedHeader(const QByteArray &name, const QByteArray &value);
// A body as it may appear in a log: JSON and urlencoded bodies with secret values masked, any
// other body reduced to its size.
QByteArray redactedBody(const QByteArray &body, const QByteArray &contentType);
QJsonValue redactedJson(const QJsonValue &value);

} // namespace zaw::net
