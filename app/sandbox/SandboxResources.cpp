// SPDX-License-Identifier: GPL-3.0-or-later
#include "SandboxResources.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

namespace zaw::sandbox {

QJsonValue sandboxResource(const QString &name)
{
    static QMutex mutex;
    static QHash<QString, QJsonValue> cache;
    const QMutexLocker lock(&mutex);
    const auto it = cache.constFind(name);
    if (it != cache.constEnd())
        return *it;
    QFile file(QStringLiteral(":/sandbox/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("sandbox resource %s is missing", qPrintable(name));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("sandbox resource %s: %s", qPrintable(name), qPrintable(error.errorString()));
    const QJsonValue value = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    cache.insert(name, value);
    return value;
}

} // namespace zaw::sandbox
