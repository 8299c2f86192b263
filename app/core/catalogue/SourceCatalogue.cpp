// SPDX-License-Identifier: GPL-3.0-or-later
#include "catalogue/SourceCatalogue.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace zaw::catalogue {

QString Table::displayName() const
{
    if (name.isEmpty() || name == path)
        return path;
    return QCoreApplication::translate("zaw::catalogue::SourceCatalogue", "%1 (%2)").arg(name, path);
}

QString Preview::cellText(const QJsonValue &value)
{
    if (value.isObject() || value.isArray())
        return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
    if (value.isNull() || value.isUndefined())
        return {};
    return value.toVariant().toString();
}

SourceCatalogue::SourceCatalogue(QObject *parent)
    : QObject(parent)
{}

SourceCatalogue::~SourceCatalogue() = default;

QObject *SourceCatalogue::calls()
{
    if (!m_calls)
        m_calls = new QObject(this);
    return m_calls;
}

void SourceCatalogue::cancel()
{
    delete m_calls;
}

} // namespace zaw::catalogue
