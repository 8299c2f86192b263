// SPDX-License-Identifier: GPL-3.0-or-later
#include "net/Error.h"

#include <QStringList>

namespace zaw::net {

QString categoryName(ErrorCategory category)
{
    switch (category) {
    case ErrorCategory::None:
        return QStringLiteral("none");
    case ErrorCategory::Network:
        return QStringLiteral("network");
    case ErrorCategory::SignInNeeded:
        return QStringLiteral("sign-in-needed");
    case ErrorCategory::Permission:
        return QStringLiteral("permission");
    case ErrorCategory::Input:
        return QStringLiteral("input");
    case ErrorCategory::Conflict:
        return QStringLiteral("conflict");
    case ErrorCategory::RateLimit:
        return QStringLiteral("rate-limit");
    case ErrorCategory::Server:
        return QStringLiteral("server");
    case ErrorCategory::Bug:
        return QStringLiteral("bug");
    case ErrorCategory::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("bug");
}

ErrorCategory categoryFromName(const QString &name)
{
    for (ErrorCategory c :
         {ErrorCategory::None, ErrorCategory::Network, ErrorCategory::SignInNeeded, ErrorCategory::Permission,
          ErrorCategory::Input, ErrorCategory::Conflict, ErrorCategory::RateLimit, ErrorCategory::Server,
          ErrorCategory::Bug, ErrorCategory::Cancelled}) {
        if (categoryName(c) == name)
            return c;
    }
    return ErrorCategory::Bug;
}

QString Error::technicalDetails() const
{
    QStringList lines;
    lines << QStringLiteral("category: %1").arg(categoryName(category));
    if (httpStatus)
        lines << QStringLiteral("HTTP status: %1").arg(httpStatus);
    if (!code.isEmpty())
        lines << QStringLiteral("error code: %1").arg(code);
    if (!requestId.isEmpty())
        lines << QStringLiteral("request ID: %1").arg(requestId);
    if (!detail.isEmpty())
        lines << QStringLiteral("detail: %1").arg(detail);
    return lines.join(QLatin1Char('\n'));
}

Error Error::make(ErrorCategory category, const QString &message, const QString &detail)
{
    Error e;
    e.category = category;
    e.message = message;
    e.detail = detail;
    return e;
}

} // namespace zaw::net
